"""Deli evidence: order-up-to on good forecasts beats "fill up to last week" on a synthetic deli."""

from __future__ import annotations

import dataclasses
import datetime as dt

import numpy as np
import pandas as pd
from scipy import stats

from forecasting.policy.stock_backtest import compare_stocked, window_forecasts
from forecasting.values.products import Product

LEVELS = [0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.975, 0.99]
FETA = Product("Feta", price=3.2, unit_cost=1.6, pack_size=4, min_order=4, shelf_life_days=6,
               lead_time_days=1, delivery_weekdays=(1, 4))


def _open(day: dt.date) -> bool:
    return day.weekday() < 6


def _world(products: dict[str, Product], seed: int = 2, days: int = 140
           ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Forecasts that know the truth for every product and day; demand only while on sale."""
    rng = np.random.default_rng(seed)
    dates = pd.date_range("2026-01-05", periods=days)
    dates = dates[dates.day_of_week < 6]
    mu = 12 * (1 + 0.5 * (dates.day_of_week == 5))
    sigma = 0.35 * mu
    q = stats.norm.ppf(np.array(LEVELS)[:, None], mu, sigma).T.clip(0)
    preds, dem = [], []
    for name, product in products.items():
        preds.append(pd.DataFrame({"date": dates, "product": name,
                                   **{f"q{t:g}": q[:, i] for i, t in enumerate(LEVELS)}}))
        on_sale = np.array([product.sold_on(d.date()) for d in dates])
        demand = np.round(rng.normal(mu, sigma)).clip(0)
        dem.append(pd.DataFrame({"date": dates[on_sale], "product": name,
                                 "demand": demand[on_sale]}))
    return pd.concat(preds, ignore_index=True), pd.concat(dem, ignore_index=True)


def test_order_up_to_wastes_less_than_the_rule_at_matched_sellouts() -> None:
    preds, dem = _world({"Feta": FETA})
    sales = dem.rename(columns={"demand": "quantity"})
    result, levels = compare_stocked(preds, sales, dem, {"Feta": FETA}, _open)
    assert set(levels) == {"Feta"}
    ours, rule = result.loc["ours_matched_days"], result.loc["last_week"]
    assert ours["days"] == rule["days"] > 40
    assert ours["wasted"] < rule["wasted"]
    assert ours["sellout_days"] <= rule["sellout_days"] + 3


def test_nothing_is_ordered_for_a_product_no_longer_on_sale() -> None:
    # Forecasts exist for every day (as from the core's backtest), but the product is gone
    # from the start of the scored half: as in the app, nothing is ordered, nothing wasted.
    gone = dataclasses.replace(FETA, name="Alt", discontinued=dt.date(2026, 3, 1))
    products = {"Feta": FETA, "Alt": gone}
    preds, dem = _world(products)
    sales = dem.rename(columns={"demand": "quantity"})
    both, _ = compare_stocked(preds, sales, dem, products, _open)
    alone, _ = compare_stocked(preds, sales, dem, {"Feta": FETA}, _open)
    for policy in ("ours_economics", "ours_matched_days"):
        assert both.loc[policy, "ordered"] == alone.loc[policy, "ordered"]
        assert both.loc[policy, "wasted"] == alone.loc[policy, "wasted"]


def test_a_product_new_in_the_scored_half_gets_the_usual_matched_level() -> None:
    new = dataclasses.replace(FETA, name="Neu", introduced=dt.date(2026, 4, 6))
    products = {"Feta": FETA, "Oliven": dataclasses.replace(FETA, name="Oliven"), "Neu": new}
    preds, dem = _world(products)
    sales = dem.rename(columns={"demand": "quantity"})
    _, levels = compare_stocked(preds, sales, dem, products, _open)
    assert levels["Neu"] == np.median([levels["Feta"], levels["Oliven"]])


def test_each_window_day_uses_the_forecast_made_when_ordering() -> None:
    day = pd.Timestamp("2026-03-10")
    rows = [{"date": day, "product": "Feta", "cutoff": day - pd.Timedelta(days=h),
             **{f"q{t:g}": 10.0 * h for t in LEVELS}} for h in (1, 2, 4)]
    fc = window_forecasts(pd.DataFrame(rows), "Feta")
    assert fc.row(dt.date(2026, 3, 9), day.date())[0] == 10.0  # one day ahead
    assert fc.row(dt.date(2026, 3, 8), day.date())[0] == 20.0
    assert fc.row(dt.date(2026, 3, 7), day.date())[0] == 40.0  # 3 ahead: the 4-day run knows less
    assert fc.row(dt.date(2026, 3, 1), day.date())[0] == 40.0  # beyond the runs: the longest
    assert fc.row(dt.date(2026, 3, 9), dt.date(2026, 3, 11)) is None
    plain = window_forecasts(pd.DataFrame(rows[:1]).drop(columns="cutoff"), "Feta")
    assert plain.row(dt.date(2026, 3, 1), day.date())[0] == 10.0  # one run for every day
