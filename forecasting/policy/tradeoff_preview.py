"""What a service setting for one area (supplier / production area) would bring over the next
weeks: expected leftovers (units, and euros at cost where known) and expected sell-out days.

The slow part runs once (`area_demands`): per area, every product sold on the day it is made
gets one demand row per open day of the next weeks, from the plan's quantile grid for the order
day, scaled by the product's weekday pattern of the last eight weeks (a Saturday sells more than a
Monday). Each candidate level is then a few array operations (`preview`): the quantile at the
level, whole packs and minimum order as the plan rounds them, expected leftover and P(sell out)
per product-day. Goods that keep (ordered up to their stock) are played forward order cycle by
order cycle with their delivery days and shelf life (`tradeoff_stock`): expected write-offs,
sell-out days and the stock on the shelf; each level's play is kept for the dialog's life.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Mapping, Sequence

import numpy as np
import pandas as pd

from forecasting.plan_inputs import PlanInputs, sales_between
from forecasting.policy.economics import economic_level, service_level
from forecasting.policy.newsvendor import demand_points, outcomes, quantile_at
from forecasting.policy.plan import OrderPlan, closed_reason
from forecasting.policy.rounding import round_quantities
from forecasting.policy.tradeoff_stock import KeptFigures, KeptProduct, kept_product, play_levels
from forecasting.store.file import Shop
from forecasting.store.products import load_products
from forecasting.store.sales import read_sales
from forecasting.store.service_levels import load_category_levels
from forecasting.store.settings import load_closing_days, load_settings
from forecasting.values.products import Product
from forecasting.values.settings import ShopSettings

WEEKS = 4
_PIECES = ("stück", "stk", "pieces", "piece")
HISTORY_WEEKS = 8
#: The slider's steps from "lieber Reste" (high service level) to "lieber ausverkauft" (low).
STEPS: tuple[float, ...] = (0.97, 0.95, 0.9, 0.85, 0.8, 0.75, 0.7, 0.65, 0.6, 0.55, 0.5)


@dataclasses.dataclass(frozen=True)
class TradeoffInputs:
    """What the preview reads besides the plan: the shop's days, its products and the owner's
    category levels, and the sales of the `HISTORY_WEEKS` weeks before the plan's day."""

    settings: ShopSettings
    closing_days: Mapping[dt.date, str]
    products: tuple[Product, ...]
    category_levels: Mapping[str, float]
    history: pd.DataFrame


def _history_start(day: dt.date) -> dt.date:
    return day - dt.timedelta(weeks=HISTORY_WEEKS)


def from_plan_inputs(inputs: PlanInputs) -> TradeoffInputs:
    """The preview's inputs out of a plan's (nothing read again)."""
    day = inputs.day
    return TradeoffInputs(inputs.settings, inputs.closing_days, inputs.products,
                          inputs.category_levels,
                          sales_between(inputs.sales, _history_start(day),
                                        day - dt.timedelta(days=1)))


def read_tradeoff_inputs(shop: Shop, day: dt.date) -> TradeoffInputs:
    """Read the preview's inputs for a plan of `day` (eight weeks of sales, not the history:
    0.1 s instead of a plan's 1 s on the demo bakery)."""
    return TradeoffInputs(load_settings(shop), load_closing_days(shop),
                          tuple(load_products(shop)), load_category_levels(shop),
                          read_sales(shop, _history_start(day), day - dt.timedelta(days=1)))


@dataclasses.dataclass(frozen=True)
class AreaDemand:
    """One area's product-days over the preview weeks, ready for quick recomputes.

    Per row (a product on an open day): the scaled quantile grid `values` (rows x levels), the
    demand points (rows x POINTS), pack size and minimum order, the level the owner fixed for the
    product or its category (NaN: the area's setting applies) and the economic level (used when
    the area has no setting), and the loss per unit left over (cost - salvage; NaN: no cost).
    """

    area: str
    days: tuple[dt.date, ...]
    products: tuple[str, ...]
    levels: np.ndarray
    values: np.ndarray
    points: np.ndarray
    product_index: np.ndarray
    pack_size: np.ndarray
    min_order: np.ndarray
    fixed_level: np.ndarray
    economic_level: np.ndarray
    waste_cost: np.ndarray
    stocked: tuple[str, ...] = ()  # goods that keep without daily grids: not in the preview
    pieces: bool = True  # every product counted in pieces
    kept: tuple[KeptProduct, ...] = ()  # goods that keep, played forward (tradeoff_stock)
    played: dict[tuple[str, float | None], KeptFigures] = dataclasses.field(
        default_factory=dict, compare=False, repr=False)  # (product, level) -> its play

    @property
    def rows(self) -> int:
        """Product-days in the preview of goods sold on the day they are made."""
        return int(self.values.shape[0])

    @property
    def previewed(self) -> bool:
        """Whether the preview has anything to show (fresh product-days or goods that keep)."""
        return self.rows > 0 or any(k.scored.any() for k in self.kept)

    def default_level(self) -> float:
        """The area's level from the economics, one figure: the mean economic level of its
        product-days (and orders of goods that keep) where the area's setting applies (the step
        the slider marks)."""
        free = np.isnan(self.fixed_level)
        levels = [*self.economic_level[free],
                  *(c.auto_level for k in self.kept if np.isnan(k.fixed_level)
                    for c in k.cycles)]
        if not levels:
            every = [*self.economic_level, *(c.auto_level for k in self.kept for c in k.cycles)]
            return float(np.mean(every)) if every else 0.8
        return float(np.mean(levels))

    def fixed_products(self) -> tuple[str, ...]:
        """Products whose own or category setting wins over the area's."""
        idx = sorted({int(i) for i in self.product_index[~np.isnan(self.fixed_level)]})
        return (*(self.products[i] for i in idx),
                *(k.name for k in self.kept if not np.isnan(k.fixed_level)))

    def play(self, levels: Sequence[float | None],
             check: Callable[[], None] | None = None) -> None:
        """Play the goods that keep at every one of `levels` not played yet, side by side (each
        order's window is drawn once for all of them); kept for the dialog's life. `check` runs
        before each product (a job stops there when cancelled)."""
        for item in self.kept:
            if check is not None:
                check()
            missing = list(dict.fromkeys(lv for lv in levels if (item.name, lv) not in self.played))
            if missing:
                for level, figures in zip(missing, play_levels(item, missing), strict=True):
                    self.played[(item.name, level)] = figures

    def kept_figures(self, level: float | None) -> list[KeptFigures]:
        """Each good that keeps played at `level` (played once per level, then kept)."""
        self.play([level])
        return [self.played[(item.name, level)] for item in self.kept]


@dataclasses.dataclass(frozen=True)
class Preview:
    """Expected figures over the preview weeks for one candidate setting of an area.

    level: the candidate (None: from price and cost). waste_units: expected units left over;
    waste_euros: their cost (cost - salvage) for the products with a cost (None when none has
    one). sellout_days: expected product-days sold out; product_days: product-days previewed;
    open_days: the shop's open days in the weeks. Goods that keep add their write-offs, sell-out
    days and sold days; stock_units: their expected units on the shelf in the morning (summed
    over them, mean over their sold days), stock_days: how many days of demand that is (None
    without goods that keep).
    """

    level: float | None
    waste_units: float
    waste_euros: float | None
    sellout_days: float
    product_days: int
    open_days: int
    products: int
    stock_units: float | None = None
    stock_days: float | None = None

    @property
    def enough_share(self) -> float:
        """The share of product-days on which the quantity is enough (1 - sell-out share)."""
        return 1.0 - self.sellout_days / self.product_days if self.product_days else 1.0

    @property
    def sellout_days_per_product(self) -> float:
        """Expected sell-out days of an average product over the weeks."""
        return self.sellout_days / self.products if self.products else 0.0


def preview_days(inputs: TradeoffInputs, start: dt.date, weeks: int = WEEKS
                 ) -> list[dt.date]:
    """The shop's open days from `start` on, over `weeks` weeks."""
    days = (start + dt.timedelta(days=k) for k in range(7 * weeks))
    return [d for d in days if closed_reason(inputs.settings, inputs.closing_days, d) is None]


def weekday_means(history: pd.DataFrame) -> dict[str, np.ndarray]:
    """Product -> mean sales per weekday (Monday = 0; NaN where it did not sell that weekday)."""
    if history.empty:
        return {}
    frame = history.assign(weekday=history["date"].dt.day_of_week)
    means = frame.groupby(["product", "weekday"])["quantity"].mean()
    out: dict[str, np.ndarray] = {}
    for (product, weekday), value in means.items():
        out.setdefault(str(product), np.full(7, np.nan))[int(weekday)] = float(value)
    return out


def weekdays_not_sold(history: pd.DataFrame) -> dict[str, set[int]]:
    """Product -> weekdays on which it is not sold lately (`plan.not_sold_that_weekday` for every
    product and weekday at once: the plan's rule, without filtering the history 7 x n times)."""
    if history.empty:
        return {}
    sold = history[history["quantity"] > 0]
    weekday = sold["date"].dt.day_of_week
    open_days = sold.groupby(weekday)["date"].nunique().reindex(range(7), fill_value=0)
    counts = (sold.groupby(["product", weekday]).size().unstack(fill_value=0)
              .reindex(columns=range(7), fill_value=0))
    out: dict[str, set[int]] = {}
    for product, row in counts.iterrows():
        total = int(row.sum())
        out[str(product)] = {wd for wd in range(7) if open_days[wd] >= 4 and row[wd] == 0
                             and total - row[wd] >= 3}
    return out


def _factor(means: np.ndarray | None, base: int, day: int) -> float:
    """How much more the product sells on weekday `day` than on `base` (1 when unknown)."""
    if means is None or not np.isfinite(means[base]) or means[base] <= 0:
        return 1.0
    if not np.isfinite(means[day]):
        return 1.0
    return float(means[day] / means[base])


def _fixed(product: Product, category_levels: Mapping[str, float]) -> float:
    """The product's or its category's level (NaN when neither is set)."""
    own = service_level(product, category_levels)
    return own.level if own.source in ("product", "category") else float("nan")


def area_demands(inputs: TradeoffInputs | PlanInputs, plan: OrderPlan, weeks: int = WEEKS
                 ) -> dict[str, AreaDemand]:
    """Per area its product-days over the next `weeks` weeks from the plan's day (see module)."""
    if isinstance(inputs, PlanInputs):
        inputs = from_plan_inputs(inputs)
    products = {p.name: p for p in inputs.products}
    days = preview_days(inputs, plan.day, weeks)
    history = inputs.history
    means = weekday_means(history)
    rows: dict[str, list[tuple[Product, dt.date, float, dict[float, float]]]] = {}
    stocked: dict[str, list[str]] = {}
    kept: dict[str, list[KeptProduct]] = {}
    not_sold = weekdays_not_sold(history)

    def is_open(day: dt.date) -> bool:
        return closed_reason(inputs.settings, inputs.closing_days, day) is None

    for line in plan.lines:
        product = products.get(line.product)
        if product is None:
            continue
        area = product.supplier
        if line.stocked:
            if line.status != "order" or not line.day_quantiles or not days:
                stocked.setdefault(area, []).append(product.name)
                continue
            kept.setdefault(area, []).append(kept_product(
                product, line.day_quantiles, line.sales_days, days[0], weeks, is_open,
                means.get(product.name), inputs.category_levels,
                _fixed(product, inputs.category_levels)))
            continue
        if line.status != "order" or not line.quantiles:
            continue
        base = line.date.weekday()
        skip = set(range(7)) - set(product.delivery_weekdays) | not_sold.get(product.name, set())
        for day in days:
            if not product.sold_on(day) or day.weekday() in skip:
                continue
            factor = _factor(means.get(product.name), base, day.weekday())
            rows.setdefault(area, []).append((product, day, factor, line.quantiles))
    out = {area: _area(area, found, inputs.category_levels, days, tuple(stocked.get(area, ())))
           for area, found in rows.items()}
    for area in {*stocked, *kept}:
        out.setdefault(area, _empty(area, days, tuple(stocked.get(area, ()))))
    for area, items in kept.items():
        names = tuple(k.name for k in items)
        every = [products[n] for n in (*out[area].products, *names)]
        out[area] = dataclasses.replace(
            out[area], kept=tuple(items),
            pieces=all(p.unit.strip().lower() in _PIECES for p in every))
    return dict(sorted(out.items()))


def _area(area: str, rows: list[tuple[Product, dt.date, float, dict[float, float]]],
          category_levels: Mapping[str, float], days: list[dt.date],
          stocked: tuple[str, ...]) -> AreaDemand:
    names = tuple(dict.fromkeys(p.name for p, *_ in rows))
    levels = np.array(sorted(rows[0][3]), dtype=float)
    grids = {}
    for product, _day, _f, quantiles in rows:
        grids.setdefault(product.name, np.array([quantiles[t] for t in levels], dtype=float))
    base_points = {name: demand_points(levels, grid)[0] for name, grid in grids.items()}
    factors = np.array([f for _p, _d, f, _q in rows])
    values = np.stack([grids[p.name] for p, *_ in rows]) * factors[:, None]
    points = np.stack([base_points[p.name] for p, *_ in rows]) * factors[:, None]
    by_name = {p.name: p for p, *_ in rows}
    per_product = {
        name: (p.pack_size, p.min_order, _fixed(p, category_levels), economic_level(p).level,
               max(p.unit_cost - p.salvage_value, 0.0) if p.unit_cost > 0 else float("nan"))
        for name, p in by_name.items()}
    table = np.array([per_product[p.name] for p, *_ in rows], dtype=float)
    return AreaDemand(
        area=area, days=tuple(days), products=names, levels=levels, values=values,
        points=points, product_index=np.array([names.index(p.name) for p, *_ in rows]),
        pack_size=table[:, 0], min_order=table[:, 1], fixed_level=table[:, 2],
        economic_level=table[:, 3], waste_cost=table[:, 4], stocked=stocked,
        pieces=all(p.unit.strip().lower() in _PIECES for p in by_name.values()),
    )


def _empty(area: str, days: list[dt.date], stocked: tuple[str, ...]) -> AreaDemand:
    none = np.zeros(0)
    return AreaDemand(area, tuple(days), (), np.array([0.5]), np.zeros((0, 1)),
                      np.zeros((0, 1)), none.astype(int), none, none, none, none, none,
                      stocked=stocked)


def row_levels(demand: AreaDemand, level: float | None) -> np.ndarray:
    """The level each product-day is planned at when the area is set to `level` (None: from
    price and cost); a product's or its category's own setting wins, as in the plan."""
    area = demand.economic_level if level is None else np.full(demand.rows, float(level))
    return np.where(np.isnan(demand.fixed_level), area, demand.fixed_level)


def quantities(demand: AreaDemand, level: float | None) -> np.ndarray:
    """The quantity per product-day the plan would suggest at `level` (packs, minimum order)."""
    tau = row_levels(demand, level)
    raw = quantile_at(demand.levels, demand.values, tau)
    q, _rule = round_quantities(demand.points, raw, pack_size=demand.pack_size,
                                min_order=demand.min_order, level=tau)
    return q


def preview(demand: AreaDemand, level: float | None) -> Preview:
    """The expected leftovers and sell-out days over the weeks at `level` (see Preview)."""
    fresh = _fresh_preview(demand, level)
    if not demand.kept:
        return fresh
    figures = demand.kept_figures(level)
    waste = sum(f.waste_units for f in figures)
    euros = [f.waste_units * k.waste_cost for f, k in zip(figures, demand.kept, strict=True)
             if not np.isnan(k.waste_cost)]
    if euros or fresh.waste_euros is not None:
        total_euros: float | None = (fresh.waste_euros or 0.0) + float(sum(euros))
    else:
        total_euros = None
    stock = float(sum(f.stock_units for f in figures))
    per_day = float(sum(f.demand_per_day for f in figures))
    return dataclasses.replace(
        fresh, waste_units=fresh.waste_units + waste, waste_euros=total_euros,
        sellout_days=fresh.sellout_days + sum(f.sellout_days for f in figures),
        product_days=fresh.product_days + sum(f.selling_days for f in figures),
        products=fresh.products + len(figures), stock_units=stock,
        stock_days=stock / per_day if per_day > 0 else None)


def previews(demand: AreaDemand, levels: Sequence[float | None],
             check: Callable[[], None] | None = None) -> dict[float | None, Preview]:
    """Every one of `levels` at once (the window computes an area's steps in one job: goods that
    keep are played side by side); `check` lets the job stop between products."""
    demand.play(levels, check)
    return {level: preview(demand, level) for level in dict.fromkeys(levels)}


def _fresh_preview(demand: AreaDemand, level: float | None) -> Preview:
    """The figures of the goods sold on the day they are made."""
    if demand.rows == 0:
        return Preview(level, 0.0, None, 0.0, 0, len(demand.days), 0)
    q = quantities(demand, level)
    o = outcomes(demand.points, q)
    leftover = o["expected_leftover"]
    priced = ~np.isnan(demand.waste_cost)
    euros = float(np.sum(leftover[priced] * demand.waste_cost[priced])) if priced.any() else None
    return Preview(
        level=level,
        waste_units=float(leftover.sum()),
        waste_euros=euros,
        sellout_days=float(o["p_sellout"].sum()),
        product_days=demand.rows,
        open_days=len(demand.days),
        products=len(demand.products),
    )
