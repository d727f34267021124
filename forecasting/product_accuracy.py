"""How well past suggestions fitted what was sold: a small summary per product.

Reads the suggestions the owner saw (order decisions, else stored forecasts) and the sales of the
same days. Sales are censored on sell-out days, so "short" counts sell-out days, not lost units.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

from forecasting.models.backtest import BacktestPlan, run_backtest
from forecasting.models.forecaster import DEFAULT_LEVELS
from forecasting.policy.policy_backtest import policy_orders, rule_orders
from forecasting.shop_calendar import product_promotions, shop_features, with_promotions
from forecasting.store.decisions import forecasts_of, load_decisions
from forecasting.store.file import Shop
from forecasting.store.products import load_products
from forecasting.store.sales import read_sales


@dataclasses.dataclass
class Accuracy:
    """Over `days` past days: mean absolute gap suggestion - sales, leftover units, sell-outs."""

    days: int
    mean_abs_gap: float
    mean_sales: float
    leftover_units: float
    sellout_days: int


def product_accuracy(shop: Shop, product: str, until: dt.date, weeks: int = 6) -> Accuracy | None:
    """Accuracy over the last `weeks` before `until`, or None if there is nothing to compare."""
    start = until - dt.timedelta(weeks=weeks)
    suggested: dict[dt.date, float] = {}
    for stored in forecasts_of(shop, product, start, until - dt.timedelta(days=1)):
        suggested[stored.date] = _suggestion(stored.explanation, stored.median)
    for decision in load_decisions(shop):
        in_window = decision.product == product and start <= decision.date < until
        if in_window and decision.suggested is not None:
            suggested[decision.date] = float(decision.suggested)
    if not suggested:
        return None
    sales = read_sales(shop, start, until - dt.timedelta(days=1))
    sales = sales[sales["product"] == product]
    gaps, sold, left, sellouts = [], [], 0.0, 0
    for rec in sales.to_dict("records"):
        day = rec["date"].date()
        if day not in suggested:
            continue
        quantity = float(rec["quantity"])
        gaps.append(abs(suggested[day] - quantity))
        sold.append(quantity)
        left += max(0.0, suggested[day] - quantity)
        if rec["sold_out_time"]:
            sellouts += 1
    if not gaps:
        return None
    return Accuracy(len(gaps), sum(gaps) / len(gaps), sum(sold) / len(sold), left, sellouts)


def _suggestion(steps: list[dict[str, object]], median: float) -> float:
    """The suggestion a stored forecast led to: the sum of its explanation steps."""
    if not steps:
        return float(median)
    return float(sum(float(s.get("amount", 0.0)) for s in steps))  # type: ignore[arg-type]


@dataclasses.dataclass
class Lookback:
    """Our suggestions against "same as last week" over past days of one product (a backtest).

    Sales are the demand the shop saw; on sell-out days true demand was higher, so "short" counts
    the days sold out rather than units.
    """

    days: int
    ours_leftover: float
    ours_sellout_days: int
    ours_mean_gap: float
    rule_leftover: float
    rule_sellout_days: int
    rule_mean_gap: float


def lookback(shop_path: Path, product: str, day: dt.date, weeks: int = 4,
             progress: Any = None) -> Lookback | None:
    """Replay the last `weeks` before `day`: forecast each day one day ahead as the app would
    have, take the suggestion at the product's service level, compare with what was sold."""
    import numpy as np


    with Shop.open(shop_path, read_only=True) as shop:
        sales = with_promotions(read_sales(shop), product_promotions(shop))
        products = {p.name: p for p in load_products(shop)}
        if sales.empty or product not in products:
            return None
        # the shop's own calendar (closing days, options, weather), as the forecast sees it
        features = shop_features(shop, sales["date"].min().date(), day)
    start = day - dt.timedelta(weeks=weeks)
    plan = BacktestPlan(start=start, end=day - dt.timedelta(days=1), horizon=1,
                        refit_every=7 * weeks)
    result = run_backtest(sales, features, plan, DEFAULT_LEVELS, candidates=False,
                          progress=progress)
    frame = result.predictions
    frame = frame[(frame["kind"] == "final") & (frame["product"] == product)]
    frame = frame[frame["actual"].notna()].reset_index(drop=True)
    if frame.empty:
        return None
    sold = frame["actual"].to_numpy(dtype=float)
    ours = policy_orders(frame, products)
    rule = rule_orders(frame, sales, "last_week", products)
    ok = ~np.isnan(rule)
    return Lookback(
        days=int(ok.sum()),
        ours_leftover=float(np.clip(ours[ok] - sold[ok], 0, None).sum()),
        ours_sellout_days=int((ours[ok] <= sold[ok] + 1e-9).sum()),
        ours_mean_gap=float(np.abs(ours[ok] - sold[ok]).mean()),
        rule_leftover=float(np.clip(rule[ok] - sold[ok], 0, None).sum()),
        rule_sellout_days=int((rule[ok] <= sold[ok] + 1e-9).sum()),
        rule_mean_gap=float(np.abs(rule[ok] - sold[ok]).mean()),
    )
