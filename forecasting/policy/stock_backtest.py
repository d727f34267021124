"""The evidence for goods that keep (deli): our order-up-to suggestions vs the owners' rules.

Each policy runs through the same days in a stock simulation (`stock_simulation`): orders after
closing for the next delivery, FIFO sales against the true demand, expiry. Our policy is
`order_up_to` on the forecasting core's predictions for the days the order must cover, rounded like
the suggestion (`rounding`); the rules fill the shelf up to what sold on the same days last week
(+10 %), or on average over the last four weeks, minus what is in stock or on order, in whole
packs. Levels for "matched" are chosen per product on the first half (no more sell-out days than
"same as last week"); all figures are for the second half.
"""

from __future__ import annotations

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
from forecasting.products import Product

Grids = dict[dt.date, np.ndarray]


def _grids(predictions: pd.DataFrame, product: str) -> tuple[np.ndarray, Grids]:
    cols = sorted((c for c in predictions.columns if level_of(str(c)) is not None),
                  key=lambda c: level_of(str(c)) or 0.0)
    levels = np.array([level_of(str(c)) for c in cols], dtype=float)
    rows = predictions[predictions["product"] == product]
    values = rows[cols].to_numpy(dtype=float)
    return levels, {d.date(): values[i] for i, d in enumerate(pd.to_datetime(rows["date"]))}


def our_policy(product: Product, levels: np.ndarray, grids: Grids, level: float
               ) -> Callable[[OrderContext], float]:
    """Order-up-to at `level` on the window's forecasts, rounded by the same level."""

    def decide(ctx: OrderContext) -> float:
        days = [d for d in ctx.window if d in grids]
        if not days:
            return 0.0
        grid = np.vstack([grids[d] for d in days])
        kept = [(q, sum(1 for d in days if d in ctx.window[:k])) for q, k in ctx.batches]
        res = order_up_to(levels, grid, level=level, on_hand=ctx.on_hand, on_order=ctx.on_order,
                          batches=kept or None)
        raw = max(res.raw_quantity, 0.0)
        need = np.sort(np.clip(res.total_demand - res.old_left - res.on_order, 0, None))[None, :]
        return round_quantity(need, raw, pack_size=product.pack_size,
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


def compare_stocked(
    predictions: pd.DataFrame,
    sales: pd.DataFrame,
    demand: pd.DataFrame,
    products: dict[str, Product],
    is_open: Callable[[dt.date], bool],
) -> tuple[pd.DataFrame, dict[str, float]]:
    """Totals over all products for our policy (economics, matched) and the rules."""
    dates = sorted(pd.to_datetime(predictions["date"]).dt.date.unique())
    days = [dates[0] + dt.timedelta(days=k) for k in range((dates[-1] - dates[0]).days + 1)]
    split = days[len(days) // 2]
    first, second = days[: len(days) // 2], days[len(days) // 2 - 14 :]

    def test_half(d: dt.date) -> bool:
        return d >= split

    totals: dict[str, Score | None] = {}
    matched: dict[str, float] = {}
    for name, product in sorted(products.items()):
        levels, grids = _grids(predictions, name)
        if not grids:
            continue
        rows = demand[demand["product"] == name]
        want = dict(zip(pd.to_datetime(rows["date"]).dt.date, rows["demand"].astype(float),
                        strict=True))
        srows = sales[sales["product"] == name]
        seen = dict(zip(pd.to_datetime(srows["date"]).dt.date, srows["quantity"].astype(float),
                        strict=True))
        cycle = max(1, 7 // max(1, len(product.delivery_weekdays)))
        own = stock_service_level(product, cycle).level

        def run(policy: Callable[[OrderContext], float], span: list[dt.date],
                scored: Callable[[dt.date], bool] | None = None,
                product: Product = product, want: dict[dt.date, float] = want) -> SimResult:
            return simulate(product, span, want, is_open, policy, scored=scored)

        rule_first = run(rule_policy(product, seen, "last_week"), first)

        def at_level(level: float, product: Product = product, grids: Grids = grids,
                     levels: np.ndarray = levels) -> SimResult:
            return run(our_policy(product, levels, grids, level), first)

        level = _matched(product, at_level, rule_first.sellout_days)
        matched[name] = level
        results = {
            "ours_economics": run(our_policy(product, levels, grids, own), second, test_half),
            "ours_matched_days": run(our_policy(product, levels, grids, level), second, test_half),
        }
        for rule in RULES:
            results[rule] = run(rule_policy(product, seen, rule), second, test_half)
        for policy, res in results.items():
            totals[policy] = _add(totals.get(policy), _score(policy, res, product))
    return table([s for s in totals.values() if s is not None]), matched
