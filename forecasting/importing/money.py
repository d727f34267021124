"""Columns that hold money, not quantities: "Umsatz (EUR)", "Betrag", "VK-Preis", "Cent", "4,50 €".

A bakery's till often exports turnover per product instead of pieces. Taking 220 euros of bread as
220 loaves gives order lists no owner believes, so such a column is never read as a quantity
unless the user says which unit it is (`Mapping.unit`).
"""

from __future__ import annotations

import re

from forecasting.importing.names import name_key
from forecasting.importing.numbers import is_empty

#: Words of a column name that say "money" (compared after umlauts are folded: erlös -> erloes).
MONEY_WORDS = frozenset({
    "umsatz", "umsaetze", "betrag", "betraege", "eur", "euro", "preis", "vk", "erloes", "erloese",
    "brutto", "netto", "revenue", "turnover", "amount", "price", "cent", "cents", "ct", "chf",
})
#: Words that say "pieces" even next to a money word ("Umsatz Stück", "Absatz Menge").
COUNT_WORDS = frozenset({
    "menge", "anzahl", "stueck", "stk", "stck", "st", "qty", "quantity", "count", "units",
    "pcs", "stueckzahl",
})
_MONEY_CELL = re.compile(r"€|\bEUR\b|\bCHF\b", re.IGNORECASE)
#: The share of filled sample cells with a currency sign that makes a column a money column.
MONEY_CELL_SHARE = 0.5


def money_name(name: str) -> bool:
    """Whether a column name says money and not pieces."""
    words = set(re.split(r"[^0-9a-z€]+", name_key(name).replace("€", " € ")))
    if words & COUNT_WORDS:
        return False
    return bool(words & MONEY_WORDS) or "€" in words


def money_cells(cells: list[object]) -> bool:
    """Whether most filled cells carry a currency sign ("4,50 €", "EUR 12.00")."""
    filled = [c for c in cells if not is_empty(c)]
    signed = sum(1 for c in filled if isinstance(c, str) and _MONEY_CELL.search(c))
    return bool(filled) and signed >= MONEY_CELL_SHARE * len(filled)


def money_column(name: str, cells: list[object]) -> bool:
    """Whether a column holds money, by its name or by its cells."""
    return money_name(name) or money_cells(cells)
