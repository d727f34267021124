"""Inventory lists (Inventurliste, Bestandsliste) as CSV/XLSX/XLS: product, on hand, on order.

The columns are found by their header ("Produkt"/"Artikel", "Bestand"/"Menge", "bestellt"; English
"product", "on hand", "on order"); products by their name or a remembered till alias, as the sales
import matches them. The whole list is checked first: every problem is reported with its row and
column and nothing is written unless every row is fine (see `import_stock_list`). Amounts beyond
10,000,000 and names with control or bidi characters are problems too (calendars/plausible.py).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
from pathlib import Path

from calendars.plausible import MAX_DAILY_QUANTITY, name_problem
from forecasting.errors import UserError
from forecasting.importing.engine import shop_names
from forecasting.importing.names import name_key
from forecasting.importing.numbers import NumberParser, detect_decimal, is_empty
from forecasting.importing.reader import detect_encoding, is_workbook, records
from forecasting.importing.sniff import column_letter, detect_separator
from forecasting.safe_text import display_name
from forecasting.store.file import Shop
from forecasting.store.stock import save_count
from forecasting.texts import render
from forecasting.values.stock import StockCount

HEADERS = {
    "product": ("produkt", "artikel", "artikelbezeichnung", "bezeichnung", "product", "item",
                "name"),
    "on_hand": ("bestand", "ist-bestand", "istbestand", "menge", "gezaehlt", "anzahl", "on hand",
                "on_hand", "stock", "quantity", "count"),
    "on_order": ("bestellt", "schon bestellt", "unterwegs", "offene bestellung", "on order",
                 "on_order", "ordered"),
}
MAX_REPORTED = 10
HEADER_SEARCH_ROWS = 5


@dataclasses.dataclass(frozen=True)
class Problem:
    """One bad cell: 1-based row of the file, column letter, what is wrong (a text code)."""

    row: int
    column: str
    code: str
    value: str


def _rows(path: Path) -> tuple[list[list[str]], str]:
    """The cells as text, and the separator of a text file ("" for a workbook)."""
    encoding = separator = ""
    if not is_workbook(path):
        encoding = detect_encoding(path)
        with open(path, encoding=encoding, newline="", errors="replace") as fh:
            separator = detect_separator(list(itertools.islice(fh, 50)))
    found = records(path, encoding, separator, None)
    return [["" if v is None else str(v).strip() for v in record] for record in found], separator


def _columns(header: list[str]) -> dict[str, int] | None:
    """Field -> column index from a header row, or None if product or on hand is missing."""
    keys = [name_key(h) for h in header]
    out = {}
    for field, names in HEADERS.items():
        for i, key in enumerate(keys):
            if key in names:
                out[field] = i
                break
    return out if "product" in out and "on_hand" in out else None


def _header(rows: list[list[str]], path: Path) -> tuple[int, dict[str, int]]:
    """The header row (a title or date line above it is allowed) and its columns."""
    filled = [i for i, r in enumerate(rows) if any(r)][:HEADER_SEARCH_ROWS]
    if not filled:
        raise UserError("stock.file_empty", file=path.name)
    for i in filled:
        cols = _columns(rows[i])
        if cols is not None:
            return i, cols
    found = ", ".join(v for v in rows[filled[0]] if v) or "-"
    raise UserError("stock.file_columns", file=path.name, found=found)


def read_stock_list(shop: Shop, path: Path, day: dt.date) -> list[StockCount]:
    """The counts of an inventory list for `day`; UserError naming every bad row and column."""
    rows, separator = _rows(Path(path))
    start, cols = _header(rows, Path(path))
    known, aliases = shop_names(shop)
    numbers = [r[c] for r in rows[start + 1 :] for f, c in cols.items()
               if f != "product" and c < len(r) and r[c]]
    parse = NumberParser(*detect_decimal(numbers, separator))
    counts: dict[str, StockCount] = {}
    problems: list[Problem] = []
    for number, row in enumerate(rows[start + 1 :], start=start + 2):
        if all(is_empty(v) for v in row):
            continue
        cell = {f: row[c] if c < len(row) else "" for f, c in cols.items()}
        if name_problem(" ".join(cell["product"].split())) is not None:
            problems.append(Problem(number, column_letter(cols["product"]), "sanity.stock_name",
                                    cell["product"]))
            continue
        key = name_key(cell["product"])
        name = known.get(key) or aliases.get(key)
        if name is None:
            problems.append(Problem(number, column_letter(cols["product"]),
                                    "stock.file_unknown_product", cell["product"]))
            continue
        if name in counts:
            problems.append(Problem(number, column_letter(cols["product"]),
                                    "stock.file_twice", cell["product"]))
            continue
        amounts = {}
        for field in ("on_hand", "on_order"):
            text = cell.get(field, "")
            value = parse(text) if text else (0 if field == "on_order" else None)
            if value is None or value < 0:
                problems.append(Problem(number, column_letter(cols[field]),
                                        "stock.file_bad_amount", text))
            elif value > MAX_DAILY_QUANTITY:
                problems.append(Problem(number, column_letter(cols[field]),
                                        "sanity.stock_amount", text))
            else:
                amounts[field] = float(value)
        if len(amounts) == 2:
            counts[name] = StockCount(name, day, amounts["on_hand"], amounts["on_order"])
    if problems:
        raise StockListError(Path(path).name, problems)
    return list(counts.values())


class StockListError(UserError):
    """A list with bad rows: every problem (up to MAX_REPORTED) with its row and column."""

    def __init__(self, file: str, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("stock.file_refused", file=file, count=len(problems))

    def message(self, lang: str = "de") -> str:
        """The summary and one line per problem, in `lang`."""

        lines = [super().message(lang)]
        for p in self.problems[:MAX_REPORTED]:
            where = render("stock.file_where", lang, row=p.row, column=p.column)
            lines.append(f"  {where}: {render(p.code, lang, value=display_name(p.value))}")
        return "\n".join(lines)


def import_stock_list(shop: Shop, path: Path, day: dt.date) -> list[StockCount]:
    """Read the whole list, then write every count in one transaction (all or nothing)."""
    counts = read_stock_list(shop, path, day)
    with shop.transaction():
        for count in counts:
            save_count(shop, count)
    return counts
