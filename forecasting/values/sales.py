"""What reading or removing sales days reports back (the rows themselves are SALES frames,
forecasting/schema.py)."""

from __future__ import annotations

import dataclasses
import datetime as dt


@dataclasses.dataclass
class OutsideSales:
    """A product's sales days outside the plausible window, which forecasts leave out."""

    product: str
    days: list[str]  # ISO dates as stored (the year may be 0001 or 9999)

    @property
    def count(self) -> int:
        """How many days."""
        return len(self.days)


@dataclasses.dataclass
class RemovedDay:
    """A sales day `remove_sales` took out (or would, in a dry run)."""

    product: str
    date: dt.date
    quantity: float
