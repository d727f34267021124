"""A local event or the shop's own action (promotion, market day) with its dates."""

from __future__ import annotations

import dataclasses
import datetime as dt


@dataclasses.dataclass
class Event:
    """A local event or own action with an inclusive date range; strength 1.0 = as usual."""

    kind: str
    name: str
    start_date: dt.date
    end_date: dt.date
    strength: float | None = None
    source: str = "manual"
    uid: str | None = None
    id: int | None = None
    product: str | None = None  # a promotion for one product; None: for the whole shop
