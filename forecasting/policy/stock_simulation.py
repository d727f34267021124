"""Day-by-day stock simulation for goods that keep (deli): FIFO, expiry, deliveries, orders.

Used by the policy backtest to compare our order-up-to suggestions with the owners' rules on the
same days: each policy decides after closing on the days an order still reaches the next delivery;
goods arrive `lead_time_days` later, are sold oldest first and thrown away when they expire.
"""

from __future__ import annotations

import collections
import dataclasses
import datetime as dt
from collections.abc import Callable

import numpy as np

from forecasting.values.products import Product


@dataclasses.dataclass(frozen=True)
class OrderContext:
    """What a policy knows when it orders after closing on `day`."""

    day: dt.date
    delivery_day: dt.date
    window: tuple[dt.date, ...]  # open days from tomorrow to the day before the next delivery
    on_hand: float
    on_order: float
    old_stock_days: int  # window days on which the oldest stock still keeps
    batches: tuple[tuple[float, int], ...] = ()  # (units, window days it still keeps), oldest first


@dataclasses.dataclass
class SimResult:
    """Totals over the simulated days."""

    days: int = 0
    ordered: float = 0.0
    demand: float = 0.0
    sold: float = 0.0
    wasted: float = 0.0
    short: float = 0.0
    sellout_days: int = 0
    end_stock: float = 0.0  # units on the shelf after the last day (sold later unless expired)


@dataclasses.dataclass(frozen=True)
class DayLog:
    """One simulated day, for whoever scores day by day (the workshop): what came, sold, expired,
    was ordered (and for when), and the shelf and open orders that evening."""

    day: dt.date
    arrived: float
    demand: float
    sold: float
    expired: float
    ordered: float
    delivery_day: dt.date | None  # when today's order comes (None: no order possible today)
    shelf: tuple[tuple[float, dt.date], ...]  # (units, last day it may be sold), oldest first
    on_order: tuple[tuple[float, dt.date], ...]  # (units, delivery day), after today's order


OrderPolicy = Callable[[OrderContext], float]


@dataclasses.dataclass
class _Batch:
    qty: float
    expiry: dt.date  # last day it may be sold


def simulate(
    product: Product,
    days: list[dt.date],
    demand: dict[dt.date, float],
    is_open: Callable[[dt.date], bool],
    policy: OrderPolicy,
    *,
    start_stock: float = 0.0,
    scored: Callable[[dt.date], bool] | None = None,
    log: list[DayLog] | None = None,
) -> SimResult:
    """Run `policy` over `days` (consecutive calendar days) against the true `demand`.

    scored: which days count in the result (default all); earlier days only build up stock.
    log: when given, one `DayLog` per day is appended to it.
    """
    res = SimResult()
    lead = max(1, product.lead_time_days)
    life = max(1, product.shelf_life_days)
    weekdays = set(product.delivery_weekdays) or set(range(7))
    batches: collections.deque[_Batch] = collections.deque()
    if start_stock > 0:
        batches.append(_Batch(start_stock, days[0] + dt.timedelta(days=life - 1)))
    pipeline: dict[dt.date, float] = {}
    horizon_end = days[-1]
    for day in days:
        arrived = pipeline.pop(day, 0.0)
        if arrived:
            batches.append(_Batch(arrived, day + dt.timedelta(days=life - 1)))
        counts = scored is None or scored(day)
        d = sold = expired_today = 0.0
        if is_open(day) and day in demand:
            d = float(demand[day])
            available = sum(b.qty for b in batches)
            sold = min(d, available)
            if counts:
                res.days += 1
                res.demand += d
                res.sold += sold
                res.short += d - sold
                res.sellout_days += int(d > available + 1e-9)
            rest = sold
            while rest > 1e-12 and batches:
                take = min(rest, batches[0].qty)
                batches[0].qty -= take
                rest -= take
                if batches[0].qty <= 1e-12:
                    batches.popleft()
        while batches and batches[0].expiry <= day:
            expired = batches.popleft().qty
            expired_today += expired
            res.wasted += expired if counts else 0.0
        delivery = day + dt.timedelta(days=lead)
        if delivery > horizon_end or delivery.weekday() not in weekdays or not is_open(delivery):
            _note(log, day, arrived, d, sold, expired_today, 0.0, None, batches, pipeline)
            continue
        following = _next_delivery(delivery, weekdays, is_open)
        window = tuple(
            day + dt.timedelta(days=k)
            for k in range(1, (following - day).days)
            if is_open(day + dt.timedelta(days=k))
        )
        oldest = batches[0].expiry if batches else None
        ctx = OrderContext(
            day=day,
            delivery_day=delivery,
            window=window,
            on_hand=sum(b.qty for b in batches),
            on_order=sum(pipeline.values()),
            old_stock_days=sum(1 for w in window if oldest is None or w <= oldest),
            batches=tuple((b.qty, sum(1 for w in window if w <= b.expiry)) for b in batches),
        )
        qty = max(0.0, float(policy(ctx)))
        if qty > 0:
            pipeline[delivery] = pipeline.get(delivery, 0.0) + qty
            res.ordered += qty if counts else 0.0
        _note(log, day, arrived, d, sold, expired_today, qty, delivery, batches, pipeline)
    res.end_stock = float(sum(b.qty for b in batches))
    return res


def _note(log: list[DayLog] | None, day: dt.date, arrived: float, demand: float, sold: float,
          expired: float, ordered: float, when: dt.date | None,
          batches: collections.deque[_Batch], pipeline: dict[dt.date, float]) -> None:
    if log is not None:
        log.append(DayLog(day, arrived, demand, sold, expired, ordered, when,
                          tuple((b.qty, b.expiry) for b in batches if b.qty > 1e-12),
                          tuple((q, d) for d, q in sorted(pipeline.items()))))


def _next_delivery(after: dt.date, weekdays: set[int], is_open: Callable[[dt.date], bool]
                   ) -> dt.date:
    for k in range(1, 29):
        day = after + dt.timedelta(days=k)
        if day.weekday() in weekdays and is_open(day):
            return day
    return after + dt.timedelta(days=7)


def margin(product: Product, res: SimResult) -> float:
    """Money over the simulation: sales at price, orders at cost, expired goods at salvage."""
    return float(
        product.price * res.sold - product.unit_cost * res.ordered
        + product.salvage_value * res.wasted
    )


def round_up_to_packs(quantity: float, product: Product) -> float:
    """Whole packs of at least the minimum order (0 stays 0), as the owners' rules order."""
    if quantity <= 0:
        return 0.0
    pack = product.pack_size if product.pack_size > 0 else 1.0
    q = float(np.ceil(quantity / pack - 1e-9) * pack)
    return max(q, float(np.ceil(product.min_order / pack - 1e-9) * pack))
