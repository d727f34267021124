"""The owner's order decisions and the forecasts kept with them."""

from __future__ import annotations

import dataclasses
import datetime as dt
import getpass

REASON_CODES = ("event", "supplier_limit", "promotion", "weather", "other")


@dataclasses.dataclass
class OrderDecision:
    """The owner's decision on one order line. reason_code is one of REASON_CODES or None.

    delivery_day: for goods that keep, the day the order is delivered (an open order until then,
    then stock); None for goods made for the day and for decisions from before it was recorded.
    """

    product: str
    date: dt.date
    suggested: float | None
    final: float | None
    reason_code: str | None = None
    reason_text: str = ""
    decided_by: str = ""
    decided_at: dt.datetime | None = None
    delivery_day: dt.date | None = None


@dataclasses.dataclass
class StoredForecast:
    """A forecast kept in the shop file: quantiles by level, the model name, and its explanation."""

    product: str
    date: dt.date
    quantiles: dict[float, float]
    median: float
    model: str
    explanation: list[dict[str, object]]
    computed_at: dt.datetime
    data_version: int


def current_user() -> str:
    """Who decides, for the record: the computer's login name ("" if the system has none)."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""
