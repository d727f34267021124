"""Suppliers as the owner keeps them: what their order list needs besides the products, and when
they deliver (the products of a supplier take its delivery days unless they set their own)."""

from __future__ import annotations

import dataclasses
import datetime as dt

#: The columns a supplier's CSV can have, in our default order (codes; words in order_export).
LIST_COLUMNS = ("article_number", "product", "quantity", "unit", "note")


@dataclasses.dataclass(frozen=True)
class Supplier:
    """A supplier (or production area) by name as the products name it: the shop's customer
    number there, and the column order of its CSV order list (empty: LIST_COLUMNS).

    delivery_weekdays: the weekdays it delivers (Monday = 0; empty: not set, every product keeps
    its own); lead_time_days: days from order to delivery (None: not set); cutoff: the latest
    order time of the day ("HH:MM", empty: none); no_delivery_days: dates it does not deliver
    (its holidays); min_order_value: the smallest order in euro it takes (0: none).
    """

    name: str
    customer_number: str = ""
    columns: tuple[str, ...] = ()
    delivery_weekdays: tuple[int, ...] = ()
    lead_time_days: int | None = None
    cutoff: str = ""
    no_delivery_days: tuple[dt.date, ...] = ()
    min_order_value: float = 0.0

    @property
    def list_columns(self) -> tuple[str, ...]:
        """The CSV columns in the supplier's order."""
        return self.columns or LIST_COLUMNS
