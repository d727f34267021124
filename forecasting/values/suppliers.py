"""Suppliers as the owner keeps them: what their order list needs besides the products."""

from __future__ import annotations

import dataclasses

#: The columns a supplier's CSV can have, in our default order (codes; words in order_export).
LIST_COLUMNS = ("article_number", "product", "quantity", "unit", "note")


@dataclasses.dataclass(frozen=True)
class Supplier:
    """A supplier (or production area) by name as the products name it: the shop's customer
    number there, and the column order of its CSV order list (empty: LIST_COLUMNS)."""

    name: str
    customer_number: str = ""
    columns: tuple[str, ...] = ()

    @property
    def list_columns(self) -> tuple[str, ...]:
        """The CSV columns in the supplier's order."""
        return self.columns or LIST_COLUMNS
