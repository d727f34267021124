"""When a shop sold during a day, from the till's receipts (DSFinV-K imports): the first and last
sale and the sales per hour, kept for later intraday features (e.g. telling a sell-out at noon
from a quiet afternoon)."""

from __future__ import annotations

import dataclasses
import datetime as dt


@dataclasses.dataclass(frozen=True)
class ReceiptHour:
    """One hour of a day (0-23): sales receipts that ended in it and the quantity they sold
    (net: cancellations and returns in that hour subtract)."""

    hour: int
    receipts: int
    quantity: float


@dataclasses.dataclass(frozen=True)
class ReceiptDay:
    """A day's receipt times: first and last sale ("HH:MM", None if no receipt sold anything),
    how many sales receipts, and the hours with receipts."""

    date: dt.date
    first_sale: str | None
    last_sale: str | None
    receipts: int
    hours: tuple[ReceiptHour, ...] = ()
