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


@dataclasses.dataclass(frozen=True)
class Delivery:
    """A decided order of goods that keep: `quantity` ordered on `order_day`, due `delivery_day`."""

    product: str
    order_day: dt.date
    delivery_day: dt.date
    quantity: float


#: Kinds of stock moves: what really came on a day (replaces the orders due that day), and
#: units taken off the shelf unsold (Abschriften: expired, damaged).
MOVE_KINDS = ("receipt", "writeoff")


@dataclasses.dataclass(frozen=True)
class StockMove:
    """A goods receipt or a write-off of one product on `date`, in the product's unit."""

    product: str
    date: dt.date
    kind: str
    quantity: float
    reason: str = ""
