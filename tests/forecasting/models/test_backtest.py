"""Strict rolling origin: the plan is validated, the future never leaks into earlier forecasts."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from forecasting.models.backtest import BacktestPlan, run_backtest


def test_plan_is_validated() -> None:
    with pytest.raises(ValueError, match="before"):
        BacktestPlan(dt.date(2025, 5, 1), dt.date(2025, 4, 1))
    with pytest.raises(ValueError, match="horizon"):
        BacktestPlan(dt.date(2025, 4, 1), dt.date(2025, 5, 1), horizon=0)


def test_poisoned_future_gives_identical_earlier_predictions(make_sales, features_nw) -> None:
    sales = make_sales(days=300)
    plan = BacktestPlan(dt.date(2025, 9, 1), dt.date(2025, 10, 20), horizon=2, refit_every=14,
                        warmup_days=56)
    poison_from = pd.Timestamp("2025-10-01")
    poisoned = sales.copy()
    late = poisoned["date"] >= poison_from
    poisoned.loc[late, "quantity"] = poisoned.loc[late, "quantity"] * 50 + 999
    a = run_backtest(sales, features_nw, plan).predictions
    b = run_backtest(poisoned, features_nw, plan).predictions
    # forecasts for days before poison_from + horizon - 1 only saw clean data
    cut = poison_from + pd.Timedelta(days=plan.horizon - 1)
    qa = a[a["date"] <= cut].sort_values(["kind", "model", "product", "date"])
    qb = b[b["date"] <= cut].sort_values(["kind", "model", "product", "date"])
    cols = ["q0.5", "q0.7", "q0.9"]
    np.testing.assert_array_equal(qa[cols].to_numpy(), qb[cols].to_numpy())
    later_a = a[(a["date"] > cut) & (a["kind"] == "final")]["q0.5"].to_numpy()
    later_b = b[(b["date"] > cut) & (b["kind"] == "final")]["q0.5"].to_numpy()
    assert later_b.mean() > 3 * later_a.mean()  # the poison does reach later days


def test_one_row_per_product_and_open_day(make_sales, features_nw) -> None:
    sales = make_sales(days=200)
    plan = BacktestPlan(dt.date(2025, 6, 2), dt.date(2025, 6, 29))
    pred = run_backtest(sales, features_nw, plan, [0.5, 0.9], candidates=False).predictions
    final = pred[pred["kind"] == "final"]
    assert (final["date"].dt.day_of_week != 6).all()  # closed Sundays are omitted
    assert len(final) == 3 * 24
    assert (final["q0.9"] >= final["q0.5"]).all()
    assert (final["q0.5"] >= 0).all()
    assert (final["cutoff"] == final["date"] - pd.Timedelta(days=1)).all()
