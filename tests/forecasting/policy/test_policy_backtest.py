"""The policy backtest: rules, scores and the matched level on a synthetic bakery."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from forecasting.policy.policy_backtest import (
    MATCH_LEVELS,
    compare,
    matched_in_total,
    rule_orders,
    score,
)
from forecasting.values.products import Product

LEVELS = [0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.975, 0.99]
PRODUCTS = {"Brot": Product("Brot", price=3.0, unit_cost=1.0),
            "Semmel": Product("Semmel", price=0.5, unit_cost=0.15, pack_size=10)}


def _world(days: int = 280) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Demand with a weekly pattern and known Normal noise; forecasts that know the truth."""
    rng = np.random.default_rng(5)
    dates = pd.date_range("2025-01-06", periods=days)
    preds, demand = [], []
    for name, level in (("Brot", 40.0), ("Semmel", 200.0)):
        mu = level * (1 + 0.3 * (dates.day_of_week == 5))
        sigma = 0.2 * mu
        d = np.round(rng.normal(mu, sigma)).clip(0)
        q = stats.norm.ppf(np.array(LEVELS)[:, None], mu, sigma).T.clip(0)
        preds.append(pd.DataFrame({"date": dates, "product": name,
                                   **{f"q{t:g}": q[:, i] for i, t in enumerate(LEVELS)}}))
        demand.append(pd.DataFrame({"date": dates, "product": name, "demand": d}))
    return pd.concat(preds, ignore_index=True), pd.concat(demand, ignore_index=True)


def test_rules_look_back_at_same_weekdays() -> None:
    sales = pd.DataFrame({"product": "Brot", "date": pd.to_datetime(
        ["2025-01-06", "2025-01-13", "2025-01-20"]), "quantity": [10.0, 20.0, 30.0]})
    frame = pd.DataFrame({"product": ["Brot", "Brot"],
                          "date": pd.to_datetime(["2025-01-27", "2025-02-03"])})
    assert list(rule_orders(frame, sales, "last_week", PRODUCTS)) == [30.0, 30.0]
    assert list(rule_orders(frame, sales, "last_week_plus_10", PRODUCTS)) == [33.0, 33.0]
    assert list(rule_orders(frame, sales, "mean_last_4", PRODUCTS)) == [20.0, 20.0]
    more = pd.concat([sales, sales.assign(date=sales["date"] + pd.Timedelta(days=21))])
    late = pd.DataFrame({"product": ["Brot"], "date": pd.to_datetime(["2025-02-17"])})
    # Same weekdays with sales before 17.02.: 10.02. 30, 03.02. 20, 27.01. 10, 20.01. 30.
    assert list(rule_orders(late, more, "mean_last_4", PRODUCTS)) == [22.0]


def test_score_counts_waste_short_and_sellouts() -> None:
    frame = pd.DataFrame({"product": ["Brot", "Brot"]})
    s = score("x", np.array([10.0, 10.0]), np.array([7.0, 12.0]), frame, PRODUCTS)
    assert (s.wasted, s.short, s.sellout_days) == (3.0, 2.0, 1)
    assert s.margin == pytest.approx(3.0 * 17 - 1.0 * 20)
    assert s.availability == 0.5


def test_good_forecasts_beat_last_week_at_matched_availability() -> None:
    preds, demand = _world()
    sales = demand.rename(columns={"demand": "quantity"})
    result, levels = compare(preds, sales, demand, PRODUCTS)
    assert set(levels["sellout_days"]) == set(PRODUCTS)
    matched = result.loc["ours_matched_days"]
    last = result.loc["last_week"]
    assert matched["wasted"] < 0.8 * last["wasted"]
    assert matched["sellout_days"] <= last["sellout_days"] * 1.15
    by_units = result.loc["ours_matched_units"]
    assert by_units["short"] <= last["short"] * 1.15
    assert set(result.index) >= {"ours_economics", "last_week", "last_week_plus_10",
                                 "mean_last_4", "ours_matched_total"}
    assert set(levels["total"]) == set(PRODUCTS)


def _curve(waste_per_level: float, days: float) -> np.ndarray:
    """A product whose waste grows and sell-out days fall linearly with the level."""
    x = np.asarray(MATCH_LEVELS)
    return np.column_stack([waste_per_level * x, days * (1 - x), 10 * days * (1 - x)])


def test_matched_in_total_moves_availability_where_it_wastes_least() -> None:
    # Same sell-out days at the same level, but "Semmel" wastes ten times as much per level:
    # in total, "Brot" takes the availability and "Semmel" the sell-outs.
    curves = {"Brot": _curve(10.0, 100.0), "Semmel": _curve(100.0, 100.0)}
    per_product = {"Brot": 0.5, "Semmel": 0.5}
    allowed_days = 100.0  # 50 + 50 at level 0.5 each
    levels = matched_in_total(curves, allowed_days, 10 * allowed_days, start=per_product)
    assert levels["Brot"] > 0.5 > levels["Semmel"]

    def total(col: int) -> float:
        return sum(float(np.interp(levels[n], MATCH_LEVELS, curves[n][:, col])) for n in curves)

    assert total(1) <= allowed_days + 1e-9
    assert total(2) <= 10 * allowed_days + 1e-9
    assert total(0) < sum(float(np.interp(0.5, MATCH_LEVELS, c[:, 0])) for c in curves.values())


def test_matched_in_total_keeps_the_units_short_limit() -> None:
    # A "Semmel" sell-out leaves 50 times as many customers without: moving its availability
    # to "Brot" would lose more units than allowed, so "Semmel" keeps its level.
    curves = {"Brot": _curve(10.0, 100.0), "Semmel": _curve(100.0, 100.0)}
    curves["Semmel"][:, 2] *= 50
    start = {"Brot": 0.5, "Semmel": 0.5}
    limit = 0.5 * (curves["Brot"][0, 2] + curves["Semmel"][0, 2]) / (1 - MATCH_LEVELS[0])
    free = matched_in_total(curves, 100.0, float("inf"), start=start)
    bound = matched_in_total(curves, 100.0, limit, start=start)
    assert free["Semmel"] < 0.5 <= bound["Semmel"]
    short = sum(float(np.interp(bound[n], MATCH_LEVELS, curves[n][:, 2])) for n in curves)
    assert short <= limit + 1e-6
    assert matched_in_total(curves, -1.0, -1.0) == dict.fromkeys(curves, MATCH_LEVELS[-1])
