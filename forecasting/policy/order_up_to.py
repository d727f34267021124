"""Deli goods that keep for days: order today what the shelf needs until the following delivery.

The order placed today arrives on the next delivery day the lead time allows; it has to cover the
sales days until the delivery after that (at most as long as the goods keep). Stock on hand is sold
first (first in, first out) and whatever of it is not sold before it expires is lost, so expected
spoilage is added back. Daily demands are drawn from each day's quantile grid (independent days,
fixed seed, so the same inputs always give the same answer).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Collection, Sequence

import numpy as np

from forecasting.policy.newsvendor import Outcome, demand_points, quantile_at

SCENARIOS = 2000
_MAX_DAYS_AHEAD = 28


@dataclasses.dataclass(frozen=True)
class Schedule:
    """Which days an order placed on `order_day` must cover.

    sales_days: open days from order_day up to the day before the following delivery (or until the
    new goods expire, whichever is first); the order's own goods can be sold from `delivery_day`,
    the days before are served by the shelf alone.
    """

    order_day: dt.date
    delivery_day: dt.date
    next_delivery_day: dt.date
    sales_days: tuple[dt.date, ...]

    @property
    def covers(self) -> tuple[dt.date, ...]:
        """The sales days the order serves: from its delivery day on."""
        return tuple(d for d in self.sales_days if d >= self.delivery_day)

    @property
    def before(self) -> tuple[dt.date, ...]:
        """The sales days before the delivery, served by the shelf alone."""
        return tuple(d for d in self.sales_days if d < self.delivery_day)


def _next_delivery(start: dt.date, weekdays: tuple[int, ...],
                   is_open: Callable[[dt.date], bool],
                   no_delivery: Collection[dt.date] = ()) -> dt.date:
    """The first delivery weekday from `start` on which the shop is open (nobody takes goods in
    on a closed day) and the supplier delivers (not one of its days without delivery)."""
    for k in range(_MAX_DAYS_AHEAD):
        day = start + dt.timedelta(days=k)
        if day.weekday() in weekdays and is_open(day) and day not in no_delivery:
            return day
    return start


def delivery_schedule(
    order_day: dt.date,
    *,
    lead_time_days: int,
    delivery_weekdays: tuple[int, ...],
    shelf_life_days: int,
    is_open: Callable[[dt.date], bool],
    no_delivery: Collection[dt.date] = (),
) -> Schedule:
    """The delivery today's order reaches, the one after it, and the sales days in between
    (a supplier's day without delivery moves its delivery to the next possible day)."""
    weekdays = tuple(delivery_weekdays) or tuple(range(7))
    delivery = _next_delivery(order_day + dt.timedelta(days=lead_time_days), weekdays, is_open,
                              no_delivery)
    following = _next_delivery(
        max(delivery + dt.timedelta(days=1), order_day + dt.timedelta(days=1 + lead_time_days)),
        weekdays, is_open, no_delivery,
    )
    last = min(following, delivery + dt.timedelta(days=max(1, shelf_life_days)))
    days = tuple(
        order_day + dt.timedelta(days=k)
        for k in range((last - order_day).days)
        if is_open(order_day + dt.timedelta(days=k))
    )
    return Schedule(order_day, delivery, following, days)


@dataclasses.dataclass
class UpToResult:
    """The unrounded order and its parts (they add up: see `parts`)."""

    raw_quantity: float
    median_total: float
    quantile_total: float
    on_hand: float
    on_order: float
    spoilage: float
    level: float
    total_demand: np.ndarray
    usable: np.ndarray  # per scenario: the units of stock and open orders that sell in the window
    sold_before: float = 0.0  # expected units sold from the shelf before the delivery
    stock_at_delivery: float = 0.0  # expected units on the shelf when the delivery comes
    p_empty_before: tuple[float, ...] = ()  # per day before the delivery: P(shelf empty at close)

    def parts(self) -> dict[str, float]:
        """median_total + safety - on_hand + sold_before + spoilage - on_order = raw_quantity."""
        return {
            "safety": self.quantile_total - self.median_total,
            "stock_on_hand": -self.on_hand,
            "sold_before_delivery": self.sold_before,
            "spoilage": self.spoilage,
            "on_order": -self.on_order,
        }

    def need(self) -> np.ndarray:
        """1 x scenarios, sorted: the units the order must bring to serve the window (>= 0)."""
        short = self.total_demand - self.usable
        return np.sort(np.clip(short, 0.0, None))[None, :]


def simulate_days(levels: object, values: object, seed: int = 0) -> np.ndarray:
    """days x SCENARIOS demand draws, each day shuffled independently (same seed, same draws)."""
    pts = demand_points(levels, values, SCENARIOS)
    rng = np.random.default_rng(seed)
    order = rng.permuted(np.tile(np.arange(SCENARIOS), (pts.shape[0], 1)), axis=1)
    return np.take_along_axis(pts, order, axis=1)


def fifo_spoilage(draws: np.ndarray, batches: Sequence[tuple[float, int]]) -> np.ndarray:
    """Per scenario, the old units that expire unsold when the oldest are sold first.

    draws: days x scenarios demand; batches: (units, days they can still be sold).
    """
    n = draws.shape[0]
    ordered = sorted((max(0, int(k)), float(q)) for q, k in batches if q > 0)
    left = [np.full(draws.shape[1], q) for _, q in ordered]
    spoiled = np.zeros(draws.shape[1])
    for i, (k, _) in enumerate(ordered):  # already past its sell-by day
        if k == 0:
            spoiled += left[i]
            left[i] = np.zeros_like(left[i])
    for t in range(n):
        rest = draws[t].copy()
        for i in range(len(left)):
            take = np.minimum(left[i], rest)
            left[i] = left[i] - take
            rest = rest - take
        for i, (k, _) in enumerate(ordered):
            if k == t + 1 and k < n:
                spoiled += left[i]
                left[i] = np.zeros_like(left[i])
    return spoiled


def order_up_to(
    levels: object,
    values: object,
    *,
    level: float,
    on_hand: float = 0.0,
    on_order: float = 0.0,
    old_stock_days: int | None = None,
    batches: Sequence[tuple[float, int]] | None = None,
    medians: object = None,
    seed: int = 0,
) -> UpToResult:
    """What to order so that demand over the window is met with probability `level`.

    values: one quantile row per sales day of the window. old_stock_days: on how many of these days
    the stock on hand can still be sold (None = all). batches: instead, the stock as (units, days
    it can still be sold) per delivery, when known. medians: per-day medians (default q(0.5)).
    """
    draws = simulate_days(levels, values, seed)
    total = draws.sum(axis=0)
    if batches is None:
        batches = [(on_hand, draws.shape[0] if old_stock_days is None else old_stock_days)]
    on_hand = float(sum(q for q, _ in batches))
    usable_old = on_hand - fifo_spoilage(draws, batches)
    need = np.quantile(total - usable_old, level)
    q_total = float(np.quantile(total, level))
    if medians is None:

        medians = quantile_at(levels, values, 0.5)
    med = float(np.asarray(medians, dtype=float).sum())
    spoilage = float(need - q_total + on_hand)
    raw = med + (q_total - med) - on_hand + spoilage - on_order
    return UpToResult(
        raw_quantity=raw,
        median_total=med,
        quantile_total=q_total,
        on_hand=float(on_hand),
        on_order=float(on_order),
        spoilage=spoilage,
        level=level,
        total_demand=total,
        usable=usable_old + on_order,
    )


def quantile_of(values: np.ndarray, level: float) -> float:
    """`np.quantile(values, level)` (its default, linear method) of one array, the same figure
    to the last bit, a tenth of the time (partition at the two neighbours, numpy's own lerp):
    `shelf_order` takes two per order, the trade-off preview thousands."""
    n = values.size
    virtual = (n - 1) * float(level)
    below = int(np.floor(virtual))
    above = min(below + 1, n - 1)
    part = np.partition(values, (below, above) if above != below else below)
    a, b = part[below], part[above]
    gamma = virtual - below
    diff = b - a
    return float(b - diff * (1 - gamma) if gamma >= 0.5 else a + diff * gamma)


def sell_fifo(stock: list[list], demand: np.ndarray) -> np.ndarray:
    """Sell `demand` (per scenario) from the batches [units per scenario, expiry index], oldest
    expiry first; the units sold per scenario."""
    rest = demand.copy()
    for batch in stock:
        take = np.minimum(batch[0], rest)
        batch[0] = batch[0] - take
        rest = rest - take
    return demand - rest


def _expire(stock: list[list], t: int, n: int) -> np.ndarray:
    """Throw away the batches that cannot be sold after day `t` (those that keep beyond the `n`
    window days stay); the units per scenario."""
    out = [b for b in stock if b[1] <= t + 1 and b[1] < n]
    stock[:] = [b for b in stock if not (b[1] <= t + 1 and b[1] < n)]
    return sum((b[0] for b in out), np.zeros(SCENARIOS))


def shelf_order(
    levels: object,
    values: object,
    *,
    level: float,
    first_cover: int = 0,
    batches: Sequence[tuple[float, int]] = (),
    arrivals: Sequence[tuple[float, int, int]] = (),
    medians: object = None,
    seed: int = 0,
    draws: np.ndarray | None = None,
) -> UpToResult:
    """What to order so that the covered days' demand is met with probability `level`.

    values: one quantile row per sales day from the order day on; the order comes on day index
    `first_cover` and serves the days from there. The days before are served by the shelf alone
    (demand it cannot meet is lost, not served by the order). batches: the stock on hand as
    (units, days it can still be sold); arrivals: open orders as (units, day index they come,
    day index from which they can no longer be sold). medians: per-day medians (default q(0.5)).
    draws: `simulate_days(levels, values, seed)` when the caller already has them (the trade-off
    preview orders the same window at many levels and shelves).
    """
    if draws is None:
        draws = simulate_days(levels, values, seed)
    n = draws.shape[0]
    first_cover = min(max(first_cover, 0), n)
    stock: list[list] = [[np.full(SCENARIOS, float(q)), int(k)] for q, k in batches if q > 0]
    stock.sort(key=lambda b: b[1])
    pending = sorted((int(t), float(q), int(k)) for q, t, k in arrivals if q > 0)
    _expire(stock, -1, n)  # already past its last day
    sold_before = np.zeros(SCENARIOS)
    p_empty = []
    spoiled = np.zeros(SCENARIOS)  # from the delivery on
    arrived = np.zeros(SCENARIOS)  # open orders that come after the delivery day
    at_delivery = np.zeros(SCENARIOS)
    for t in range(n):
        for when, q, k in pending:
            if when == t or (t == 0 and when < 0):
                stock.append([np.full(SCENARIOS, q), k])
                if t > first_cover:
                    arrived += q
        stock.sort(key=lambda b: b[1])
        if t == first_cover:
            at_delivery = sum((b[0] for b in stock), np.zeros(SCENARIOS))
        sold = sell_fifo(stock, draws[t])
        if t < first_cover:
            sold_before += sold
            left = sum((b[0] for b in stock), np.zeros(SCENARIOS))
            p_empty.append(float((left <= 1e-9).mean()))
        gone = _expire(stock, t, n)
        if t >= first_cover:
            spoiled += gone
    if first_cover >= n:
        at_delivery = sum((b[0] for b in stock), np.zeros(SCENARIOS))
    total = draws[first_cover:].sum(axis=0)
    on_hand = float(sum(q for q, k in batches if q > 0))
    on_order = float(sum(q for _, q, _ in pending))
    if medians is None:
        medians = quantile_at(levels, values, 0.5)
    med = float(np.asarray(medians, dtype=float)[first_cover:].sum())
    q_total = quantile_of(total, level)
    # what the stock and open orders serve from the delivery on (more than the demand when the
    # stock is enough: the order is then negative before it is set to 0)
    used = at_delivery + arrived - spoiled
    need = quantile_of(total - used, level)
    before = float(sold_before.mean())
    spoilage = need - q_total + on_hand + on_order - before
    raw = med + (q_total - med) - on_hand + before + spoilage - on_order
    return UpToResult(
        raw_quantity=raw,
        median_total=med,
        quantile_total=q_total,
        on_hand=on_hand,
        on_order=on_order,
        spoilage=spoilage,
        level=level,
        total_demand=total,
        usable=used,
        sold_before=before,
        stock_at_delivery=float(at_delivery.mean()),
        p_empty_before=tuple(p_empty),
    )


def window_outcome(
    result: UpToResult,
    quantity: float,
    *,
    price: float | None = None,
    unit_cost: float | None = None,
    salvage_value: float = 0.0,
    expires_at_end: bool = False,
) -> Outcome:
    """Expected sales, leftover, P(sell out) and margin of ordering `quantity`, over the window.

    Margin: sales at price, minus today's order at cost; goods left at the end are worth their cost
    if they still keep (they sell later) or the salvage value if they expire.
    """
    avail = result.usable + quantity
    sales = np.minimum(result.total_demand, avail)
    leftover = avail - sales
    new_left = np.minimum(leftover, quantity)
    short = result.total_demand - sales
    margin = None
    if price is not None and unit_cost is not None:
        end_value = salvage_value if expires_at_end else unit_cost
        margin = float(price * sales.mean() - unit_cost * quantity + end_value * new_left.mean())
    return Outcome(
        quantity=float(quantity),
        expected_sales=float(sales.mean()),
        expected_leftover=float(leftover.mean()),
        expected_short=float(short.mean()),
        p_sellout=float((short > 1e-9).mean()),
        expected_margin=margin,
    )
