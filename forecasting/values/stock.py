"""Stock counts of goods that keep: what is on the shelf and what is already ordered."""

from __future__ import annotations

import dataclasses
import datetime as dt


@dataclasses.dataclass(frozen=True)
class StockCount:
    """On the shelf (`on_hand`) and ordered but not yet delivered (`on_order`) when ordering on
    `date`, in the product's unit."""

    product: str
    date: dt.date
    on_hand: float
    on_order: float = 0.0
