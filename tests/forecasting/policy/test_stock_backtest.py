"""Deli evidence: order-up-to on good forecasts beats "fill up to last week" on a synthetic deli."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
from scipy import stats

from forecasting.policy.stock_backtest import compare_stocked
from forecasting.products import Product

LEVELS = [0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.975, 0.99]


def _open(day: dt.date) -> bool:
    return day.weekday() < 6


def test_order_up_to_wastes_less_than_the_rule_at_matched_sellouts() -> None:
    rng = np.random.default_rng(2)
    dates = pd.date_range("2026-01-05", periods=140)
    dates = dates[dates.day_of_week < 6]
    products = {"Feta": Product("Feta", price=3.2, unit_cost=1.6, pack_size=4, min_order=4,
                                shelf_life_days=6, lead_time_days=1, delivery_weekdays=(1, 4))}
    mu = 12 * (1 + 0.5 * (dates.day_of_week == 5))
    sigma = 0.35 * mu
    demand = np.round(rng.normal(mu, sigma)).clip(0)
    q = stats.norm.ppf(np.array(LEVELS)[:, None], mu, sigma).T.clip(0)
    preds = pd.DataFrame({"date": dates, "product": "Feta",
                          **{f"q{t:g}": q[:, i] for i, t in enumerate(LEVELS)}})
    dem = pd.DataFrame({"date": dates, "product": "Feta", "demand": demand})
    sales = dem.rename(columns={"demand": "quantity"})
    result, levels = compare_stocked(preds, sales, dem, products, _open)
    assert set(levels) == {"Feta"}
    ours, rule = result.loc["ours_matched_days"], result.loc["last_week"]
    assert ours["days"] == rule["days"] > 40
    assert ours["wasted"] < rule["wasted"]
    assert ours["sellout_days"] <= rule["sellout_days"] + 3
