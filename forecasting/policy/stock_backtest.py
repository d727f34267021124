"""The evidence for goods that keep (deli): our order-up-to suggestions vs the owners' rules.

Each policy runs through the same days in a stock simulation (`stock_simulation`): orders after
closing for the next delivery, FIFO sales against the true demand, expiry. Our policy is
`order_up_to` on the forecasting core's predictions for the days the order must cover, each day
from the run as many days ahead as it lies after the order (`WindowForecasts`), rounded like the
suggestion (`rounding`); as in the app, nothing is ordered for days a product is not on sale. The
rules fill the shelf up to what sold on the same days last week (+10 %), or on average over the
last four weeks, minus what is in stock or on order, in whole packs. Levels for "matched" are
chosen per product on the first half (no more sell-out days than "same as last week"; products
new in the second half get the median level); all figures are for the second half.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

import numpy as np
import pandas as pd

from forecasting.policy.economics import stock_service_level
from forecasting.policy.forecast_input import level_of
from forecasting.policy.order_up_to import order_up_to
from forecasting.policy.policy_backtest import MATCH_LEVELS, RULES, Score, table
from forecasting.policy.rounding import round_quantity
from forecasting.policy.stock_simulation import (
    OrderContext,
    SimResult,
    margin,
    round_up_to_packs,
    simulate,
)
from forecasting.values.products import Product

Grids = dict[dt.date, np.ndarray]


@dataclasses.dataclass(frozen=True)
class WindowForecasts:
    """One product's quantile rows by horizon and day, to look up what was known when ordering.

    by_horizon: horizon (days from the forecast's cutoff to the day) -> day -> row; horizon 0
    when the predictions carry no cutoff (one run used for every day of the window).
    """

    levels: np.ndarray
    by_horizon: dict[int, Grids]

    def __bool__(self) -> bool:
        return any(self.by_horizon.values())

    def row(self, made: dt.date, day: dt.date) -> np.ndarray | None:
        """The forecast for `day` made after closing on `made`: the run `day - made` days ahead,
        else the nearest longer one (it knows less, never more); beyond the longest run that one
        (it would know more: give runs as long as the longest window). None without a forecast.
        """
        ahead = (day - made).days
        if 0 in self.by_horizon:
            return self.by_horizon[0].get(day)
        usable = sorted(h for h in self.by_horizon if h >= ahead) or [max(self.by_horizon)]
        for h in usable:
            if day in self.by_horizon[h]:
                return self.by_horizon[h][day]
        return None


def window_forecasts(predictions: pd.DataFrame, product: str) -> WindowForecasts:
    """The product's rows of a predictions table (one or several horizon runs, `cutoff`)."""
    cols = sorted((c for c in predictions.columns if level_of(str(c)) is not None),
                  key=lambda c: level_of(str(c)) or 0.0)
    levels = np.array([level_of(str(c)) for c in cols], dtype=float)
    rows = predictions[predictions["product"] == product]
    values = rows[cols].to_numpy(dtype=float)
    dates = pd.to_datetime(rows["date"])
    if "cutoff" in rows.columns:
        ahead = (dates - pd.to_datetime(rows["cutoff"])).dt.days.to_numpy()
    else:
        ahead = np.zeros(len(rows), dtype=int)
    out: dict[int, Grids] = {}
    for i, d in enumerate(dates):
        out.setdefault(int(ahead[i]), {})[d.date()] = values[i]
    return WindowForecasts(levels, out)


def our_policy(product: Product, forecasts: WindowForecasts, level: float
               ) -> Callable[[OrderContext], float]:
    """Order-up-to at `level` on the window's forecasts, rounded by the same level."""

    def decide(ctx: OrderContext) -> float:
        # As in the app: nothing for days the product is not on sale (not yet introduced,
        # discontinued), although the core's backtest forecasts every product on every day.
        rows = {d: forecasts.row(ctx.day, d) for d in ctx.window if product.sold_on(d)}
        days = [d for d, r in rows.items() if r is not None]
        if not days or not product.sold_on(ctx.delivery_day):
            return 0.0
        grid = np.vstack([rows[d] for d in days])
        kept = [(q, sum(1 for d in days if d in ctx.window[:k])) for q, k in ctx.batches]
        res = order_up_to(forecasts.levels, grid, level=level, on_hand=ctx.on_hand,
                          on_order=ctx.on_order, batches=kept or None)
        raw = max(res.raw_quantity, 0.0)
        return round_quantity(res.need(), raw, pack_size=product.pack_size,
                              min_order=product.min_order, level=level).quantity

    return decide


def rule_policy(product: Product, sales: dict[dt.date, float], rule: str
                ) -> Callable[[OrderContext], float]:
    """Fill up to last week's sales on the window's weekdays (or the four-week average)."""

    def per_day(day: dt.date) -> float:
        back = [sales.get(day - dt.timedelta(days=7 * k)) for k in range(1, 9)]
        seen = [b for b in back if b is not None]
        if not seen:
            return 0.0
        if rule == "mean_last_4":
            return float(np.mean(seen[:4]))
        return seen[0] * (1.1 if rule == "last_week_plus_10" else 1.0)

    def decide(ctx: OrderContext) -> float:
        target = sum(per_day(d) for d in ctx.window)
        return round_up_to_packs(target - ctx.on_hand - ctx.on_order, product)

    return decide


def _score(name: str, res: SimResult, product: Product) -> Score:
    return Score(name, res.days, res.ordered, res.demand, res.wasted, res.short, res.sellout_days,
                 margin(product, res))


def _add(a: Score | None, b: Score) -> Score:
    if a is None:
        return b
    return Score(b.policy, a.days + b.days, a.ordered + b.ordered, a.demand + b.demand,
                 a.wasted + b.wasted, a.short + b.short, a.sellout_days + b.sellout_days,
                 a.margin + b.margin)


def _matched(product: Product, run: Callable[[float], SimResult], allowed: int) -> float:
    """Lowest level (bisection; sell-out days fall as the level rises) within `allowed`."""
    lo, hi = 0, len(MATCH_LEVELS) - 1
    if run(float(MATCH_LEVELS[hi])).sellout_days > allowed:
        return float(MATCH_LEVELS[hi])
    while lo < hi:
        mid = (lo + hi) // 2
        if run(float(MATCH_LEVELS[mid])).sellout_days <= allowed:
            hi = mid
        else:
            lo = mid + 1
    return float(MATCH_LEVELS[lo])


#: Fewer sales days than this in the first half: the level is the median of the other products'.
MIN_MATCH_DAYS = 28


@dataclasses.dataclass
class _Inputs:
    product: Product
    forecasts: WindowForecasts
    want: dict[dt.date, float]
    seen: dict[dt.date, float]


def _inputs(predictions: pd.DataFrame, sales: pd.DataFrame, demand: pd.DataFrame,
            product: Product) -> _Inputs:
    forecasts = window_forecasts(predictions, product.name)
    rows = demand[demand["product"] == product.name]
    want = dict(zip(pd.to_datetime(rows["date"]).dt.date, rows["demand"].astype(float),
                    strict=True))
    srows = sales[sales["product"] == product.name]
    seen = dict(zip(pd.to_datetime(srows["date"]).dt.date, srows["quantity"].astype(float),
                    strict=True))
    return _Inputs(product, forecasts, want, seen)


def compare_stocked(
    predictions: pd.DataFrame,
    sales: pd.DataFrame,
    demand: pd.DataFrame,
    products: dict[str, Product],
    is_open: Callable[[dt.date], bool],
) -> tuple[pd.DataFrame, dict[str, float]]:
    """Totals over all products for our policy (economics, matched) and the rules.

    A product with fewer than `MIN_MATCH_DAYS` sales days in the first half (new on sale) gets
    the median of the other products' matched levels.
    """
    dates = sorted(pd.to_datetime(predictions["date"]).dt.date.unique())
    days = [dates[0] + dt.timedelta(days=k) for k in range((dates[-1] - dates[0]).days + 1)]
    split = days[len(days) // 2]
    first, second = days[: len(days) // 2], days[len(days) // 2 - 14 :]

    def test_half(d: dt.date) -> bool:
        return d >= split

    inputs = {name: _inputs(predictions, sales, demand, product)
              for name, product in sorted(products.items())}
    inputs = {name: x for name, x in inputs.items() if x.forecasts}

    def run(x: _Inputs, policy: Callable[[OrderContext], float], span: list[dt.date],
            scored: Callable[[dt.date], bool] | None = None) -> SimResult:
        return simulate(x.product, span, x.want, is_open, policy, scored=scored)

    matched: dict[str, float] = {}
    for name, x in inputs.items():
        rule_first = run(x, rule_policy(x.product, x.seen, "last_week"), first)
        if rule_first.days < MIN_MATCH_DAYS:
            continue

        def at_level(level: float, x: _Inputs = x) -> SimResult:
            return run(x, our_policy(x.product, x.forecasts, level), first)

        matched[name] = _matched(x.product, at_level, rule_first.sellout_days)
    usual = float(np.median(list(matched.values()))) if matched else 0.5
    matched.update({name: usual for name in inputs if name not in matched})

    totals: dict[str, Score | None] = {}
    for name, x in inputs.items():
        own = economics_level(x.product)
        results = {
            "ours_economics": run(x, our_policy(x.product, x.forecasts, own), second,
                                  test_half),
            "ours_matched_days": run(x, our_policy(x.product, x.forecasts, matched[name]),
                                     second, test_half),
        }
        for rule in RULES:
            results[rule] = run(x, rule_policy(x.product, x.seen, rule), second, test_half)
        for policy, res in results.items():
            totals[policy] = _add(totals.get(policy), _score(policy, res, x.product))
    return table([s for s in totals.values() if s is not None]), matched


def economics_level(product: Product) -> float:
    """The "ours_economics" level of goods that keep: the stock service level of one delivery
    cycle (7 days / deliveries a week), from price, cost and salvage value."""
    cycle = max(1, 7 // max(1, len(product.delivery_weekdays)))
    return stock_service_level(product, cycle).level
