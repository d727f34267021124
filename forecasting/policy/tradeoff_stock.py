"""The trade-off preview for goods that keep (deli): the next weeks played order cycle by order cycle.

Per product, every order the plan would place over the weeks is decided by the plan's own policy
(`order_up_to.shelf_order` on the shelf as `plan.shelf_of` hands it over, rounded to packs and the
minimum order like `lines.stocked_line`), on the product's delivery days, lead time and shelf life
(`order_up_to.delivery_schedule`; an order goes out on the last open day that still reaches its
delivery). Between the orders the shelf is played day by day, oldest first, and what reaches its
last day is written off.

Demand: expected values alone cannot show a sell-out (a shelf filled above the mean demand never
runs empty), so each day's demand is a fixed-seed sample of `PATHS` equally likely values from the
day's quantile grid (the plan's grids for the order's window, other weekdays scaled by the
product's weekday pattern of the last weeks, as for bakery goods). Same inputs, same figures.
At each order the shelf is the mean over the paths (what a count shows on average): the order
reacts to the stock as it does when the owner counts, and one order per cycle keeps the play fast.
The play starts `WARMUP_DAYS` before the preview's first day from an empty shelf, so the figures
show what a setting brings once the shelf runs at it, not what today's shelf happens to hold.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Mapping, Sequence

import numpy as np

from forecasting.policy.economics import stock_service_level
from forecasting.policy.newsvendor import demand_points, quantile_at
from forecasting.policy.order_up_to import (
    delivery_schedule,
    sell_fifo,
    shelf_order,
    simulate_days,
)
from forecasting.policy.plan import shelf_of
from forecasting.policy.rounding import round_quantity
from forecasting.policy.stock_at import StockAt
from forecasting.values.products import Product

#: Days played before the preview's first day (from an empty shelf; not counted).
WARMUP_DAYS = 7
#: Equally likely demand paths per day (fixed seed).
PATHS = 400
SEED = 19
#: Days after the last played day a window may still need a grid for.
_BEYOND_DAYS = 28


@dataclasses.dataclass(frozen=True)
class Cycle:
    """One order of the play: placed at the start of day index `order`, arriving on `delivery`,
    covering the sold days `window` (indices from the order day on, as the plan's window)."""

    order: int
    delivery: int
    window: tuple[int, ...]
    auto_level: float  # from price and cost for this cycle's length (no owner setting)


@dataclasses.dataclass(frozen=True)
class KeptProduct:
    """One good that keeps, ready to be played at any level (see module).

    start: the date of day index 0 (`WARMUP_DAYS` before the preview); grids: a quantile row per
    day index (zeros where it is not sold); draws: the first `days` rows' demand paths; selling:
    sold that day; scored: a sold day of the preview weeks; fixed_level: the product's or its
    category's level (NaN: the area's applies); waste_cost: cost - salvage per unit (NaN: none).
    """

    name: str
    start: dt.date
    days: int
    levels: np.ndarray
    grids: np.ndarray
    draws: np.ndarray
    selling: np.ndarray
    scored: np.ndarray
    cycles: tuple[Cycle, ...]
    life: int
    pack_size: float
    min_order: float
    fixed_level: float
    waste_cost: float

    def date(self, index: int) -> dt.date:
        """The date of a day index."""
        return self.start + dt.timedelta(days=index)

    def level_of(self, cycle: Cycle, level: float | None) -> float:
        """The level an order is planned at when the area is set to `level` (None: from price
        and cost); the product's or its category's own setting wins, as in the plan."""
        if not np.isnan(self.fixed_level):
            return self.fixed_level
        return cycle.auto_level if level is None else float(level)


@dataclasses.dataclass(frozen=True)
class KeptFigures:
    """Expected figures of one product over the preview weeks: units written off, sold-out days
    (of `selling_days`), units on the shelf in the morning of a sold day, demand per sold day."""

    waste_units: float
    sellout_days: float
    selling_days: int
    stock_units: float
    demand_per_day: float


def _grid_for(day: dt.date, window: Mapping[int, np.ndarray], base: tuple[int, np.ndarray],
              means: np.ndarray | None) -> np.ndarray:
    """The day's grid: the plan's for the same weekday, else the base day's scaled by the
    product's weekday pattern (1 when unknown)."""
    if day.weekday() in window:
        return window[day.weekday()]
    weekday, grid = base
    if means is None or not np.isfinite(means[weekday]) or means[weekday] <= 0:
        return grid
    if not np.isfinite(means[day.weekday()]):
        return grid
    return grid * float(means[day.weekday()] / means[weekday])


def kept_product(product: Product, day_quantiles: Sequence[Mapping[float, float]],
                 sales_days: Sequence[dt.date], first: dt.date, weeks: int,
                 is_open: Callable[[dt.date], bool], means: np.ndarray | None,
                 category_levels: Mapping[str, float], fixed_level: float) -> KeptProduct:
    """Prepare one product's play from its plan line's daily grids (see module)."""
    levels = np.array(sorted(day_quantiles[0]), dtype=float)
    rows = [np.array([q[t] for t in levels], dtype=float) for q in day_quantiles]
    window = {}
    for d, row in zip(sales_days, rows, strict=True):
        window.setdefault(d.weekday(), row)
    base = (sales_days[-1].weekday(), rows[-1])
    start = first - dt.timedelta(days=WARMUP_DAYS)
    days = WARMUP_DAYS + 7 * weeks
    dates = [start + dt.timedelta(days=k) for k in range(days + _BEYOND_DAYS)]
    selling = np.array([is_open(d) and product.sold_on(d) for d in dates])
    grids = np.array([_grid_for(d, window, base, means) if sold else np.zeros(levels.size)
                      for d, sold in zip(dates, selling, strict=True)])
    points = demand_points(levels, grids[:days], PATHS)
    draws = np.random.default_rng(SEED).permuted(points, axis=1)
    draws[~selling[:days]] = 0.0
    scored = selling[:days] & (np.arange(days) >= WARMUP_DAYS)
    cost = product.unit_cost - product.salvage_value
    return KeptProduct(
        name=product.name, start=start, days=days, levels=levels, grids=grids, draws=draws,
        selling=selling[:days], scored=scored,
        cycles=_cycles(product, dates, days, is_open, category_levels),
        life=max(1, product.shelf_life_days), pack_size=product.pack_size,
        min_order=product.min_order, fixed_level=fixed_level,
        waste_cost=max(cost, 0.0) if product.unit_cost > 0 else float("nan"))


def _cycles(product: Product, dates: list[dt.date], days: int,
            is_open: Callable[[dt.date], bool], category_levels: Mapping[str, float]
            ) -> tuple[Cycle, ...]:
    """The orders of the play: per delivery the last open day that still reaches it."""
    index = {d: i for i, d in enumerate(dates)}
    last: dict[int, Cycle] = {}
    for i in range(days):
        if not is_open(dates[i]):
            continue
        schedule = delivery_schedule(
            dates[i], lead_time_days=product.lead_time_days,
            delivery_weekdays=product.delivery_weekdays,
            shelf_life_days=product.shelf_life_days, is_open=is_open,
            no_delivery=product.no_delivery_days)
        delivery = index.get(schedule.delivery_day)
        if delivery is None or delivery >= days:
            continue
        sold = tuple(index[d] for d in schedule.sales_days
                     if d in index and product.sold_on(d))
        if not any(j >= delivery for j in sold):
            last.pop(delivery, None)  # the plan orders nothing for it
            continue
        cycle_days = (schedule.next_delivery_day - schedule.delivery_day).days
        auto = stock_service_level(product, cycle_days, category_levels).level
        last[delivery] = Cycle(i, delivery, sold, auto)
    return tuple(sorted(last.values(), key=lambda c: c.order))


@dataclasses.dataclass(frozen=True)
class Window:
    """What an order's window gives every level alike: its dates, grid, the days before the
    delivery, and `shelf_order`'s demand scenarios and medians (drawn once, not once per level)."""

    dates: tuple[dt.date, ...]
    grid: np.ndarray
    first: int
    draws: np.ndarray
    medians: np.ndarray


def window_of(item: KeptProduct, cycle: Cycle) -> Window:
    """The cycle's window, ready for `order_quantity` at any level and shelf."""
    grid = item.grids[list(cycle.window)]
    return Window(tuple(item.date(i) for i in cycle.window), grid,
                  sum(1 for i in cycle.window if i < cycle.delivery),
                  simulate_days(item.levels, grid), quantile_at(item.levels, grid, 0.5))


def order_quantity(item: KeptProduct, cycle: Cycle, shelf: Sequence[tuple[float, int]],
                   pending: Mapping[int, float], level: float,
                   window: Window | None = None) -> float:
    """The plan's suggestion for the cycle: shelf_order on the shelf (mean units, last index
    they sell) and the open orders (units by arrival index), rounded as the order sheet does."""
    if window is None:
        window = window_of(item, cycle)
    stock = StockAt(
        on_hand=sum(u for u, _ in shelf), on_order=sum(pending.values()), counted=None,
        batches=tuple((u, item.date(k)) for u, k in shelf if u > 1e-9),
        arrivals=tuple((q, item.date(i)) for i, q in sorted(pending.items()) if q > 0))
    batches, arrivals = shelf_of(stock, window.dates, item.life)
    res = shelf_order(item.levels, window.grid, level=level, first_cover=window.first,
                      batches=batches, arrivals=arrivals, medians=window.medians,
                      draws=window.draws)
    raw = max(res.raw_quantity, 0.0)
    return round_quantity(res.need(), raw, pack_size=item.pack_size, min_order=item.min_order,
                          level=level).quantity


@dataclasses.dataclass
class _Play:
    """One level's shelf while the days are played."""

    level: float | None
    shelf: list[list] = dataclasses.field(default_factory=list)  # [units per path, last index]
    pending: dict[int, float] = dataclasses.field(default_factory=dict)  # arrival -> units
    waste: float = 0.0
    sellouts: float = 0.0
    stock: float = 0.0


def _mean(paths: np.ndarray) -> float:
    """The mean over the paths (the same figure as `ndarray.mean`, a quarter of its overhead)."""
    return float(paths.sum()) / PATHS


def _order(item: KeptProduct, run: _Play, t: int, cycle: Cycle, window: Window) -> None:
    """Place the cycle's order on the mean shelf (what a count shows)."""
    run.shelf = [[np.full(PATHS, _mean(b[0])), b[1]] for b in run.shelf]
    q = order_quantity(item, cycle, [(float(b[0][0]), b[1]) for b in run.shelf], run.pending,
                       item.level_of(cycle, run.level), window)
    if q > 0 and cycle.delivery == t:
        run.shelf.append([np.full(PATHS, q), t + item.life - 1])
    elif q > 0:
        run.pending[cycle.delivery] = run.pending.get(cycle.delivery, 0.0) + q


def _day(item: KeptProduct, run: _Play, t: int) -> None:
    """Sell day `t`'s demand oldest first and write off what reaches its last day."""
    run.shelf.sort(key=lambda b: b[1])
    if item.selling[t]:
        if item.scored[t]:
            available = sum((b[0] for b in run.shelf), np.zeros(PATHS))
            run.sellouts += float((item.draws[t] > available + 1e-9).mean())
            run.stock += _mean(available)
        sell_fifo(run.shelf, item.draws[t])
    gone = [b for b in run.shelf if b[1] <= t]
    run.shelf = [b for b in run.shelf if b[1] > t]
    if t >= WARMUP_DAYS:
        run.waste += float(sum(_mean(b[0]) for b in gone))


def play_levels(item: KeptProduct, levels: Sequence[float | None]) -> list[KeptFigures]:
    """Play the product's days at each of `levels` (None: from price and cost) side by side,
    each order's window drawn once for all of them, and sum the preview weeks per level."""
    runs = [_Play(level) for level in levels]
    orders = {c.order: c for c in item.cycles}
    for t in range(item.days):
        cycle = orders.get(t)
        window = None if cycle is None else window_of(item, cycle)
        for run in runs:
            if t in run.pending:
                run.shelf.append([np.full(PATHS, run.pending.pop(t)), t + item.life - 1])
            if cycle is not None and window is not None:
                _order(item, run, t, cycle, window)
            _day(item, run, t)
    selling = int(item.scored.sum())
    demand = float(item.draws[item.scored].mean()) if selling else 0.0
    return [KeptFigures(run.waste, run.sellouts, selling,
                        run.stock / selling if selling else 0.0, demand) for run in runs]


def play(item: KeptProduct, level: float | None) -> KeptFigures:
    """Play the product's days at `level` (None: from price and cost) and sum the preview weeks."""
    return play_levels(item, [level])[0]
