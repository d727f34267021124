"""The public forecast API and the hard cases every real shop has."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from forecasting.models.forecaster import DEFAULT_LEVELS, forecast
from forecasting.values.products import Product

NEXT = [dt.date(2026, 2, 24), dt.date(2026, 2, 25), dt.date(2026, 2, 27)]  # Tue, Wed, Fri


def _last_sales_day(sales: pd.DataFrame) -> pd.Timestamp:
    return sales["date"].max()


def _median(result, product: str, day: dt.date) -> float:
    q = result.quantiles
    return float(q[(q["product"] == product) & (q["date"] == pd.Timestamp(day))]["q0.5"].iloc[0])


@pytest.fixture(scope="module")
def base(make_sales, features_nw):
    sales = make_sales(days=414)  # 2025-01-06 .. 2026-02-23
    return sales, forecast(sales, features_nw, NEXT)


def test_result_shape_levels_and_monotone_quantiles(base) -> None:
    sales, result = base
    assert _last_sales_day(sales) == pd.Timestamp("2026-02-23")
    q = result.quantiles
    assert list(q.columns[:2]) == ["product", "date"]
    assert list(q.columns[2:]) == [f"q{x:g}" for x in DEFAULT_LEVELS]
    assert len(q) == 9
    values = q.iloc[:, 2:].to_numpy()
    assert (values >= 0).all()
    assert (np.diff(values, axis=1) >= -1e-12).all()
    assert set(result.model.index) == {"p0", "p1", "p2"}
    assert not result.notes["thin_history"].any()


def test_contributions_add_up_exactly_to_the_median(base) -> None:
    _, result = base
    c = result.contributions
    sums = c.groupby(["product", "date"])["amount"].sum()
    med = result.quantiles.set_index(["product", "date"])["q0.5"]
    assert np.abs(sums - med.reindex(sums.index)).max() < 1e-6
    for _, block in c.groupby(["product", "date"]):
        assert block["group"].iloc[0] == "baseline"


def test_forecast_follows_weekday_pattern_and_level(base) -> None:
    _, result = base
    # p0: level 60, Tue 0.9, Fri 1.15
    tue, fri = _median(result, "p0", NEXT[0]), _median(result, "p0", NEXT[2])
    assert 45 < tue < 65
    assert 58 < fri < 82
    assert fri > tue


def test_closed_days_do_not_drag_the_forecast_down(make_sales, features_nw) -> None:
    sales = make_sales(days=414)
    # Sundays are closed (zeros for every product); a forecast for Monday stays at Monday's level
    monday = dt.date(2026, 3, 2)
    result = forecast(sales, features_nw, [monday], levels=[0.5, 0.9])
    assert 50 < _median(result, "p0", monday) < 72


def test_missing_days_are_not_zero_sales(make_sales, features_nw) -> None:
    sales = make_sales(days=414)
    gap = (sales["date"] >= "2026-02-09") & (sales["product"] == "p0")
    result = forecast(sales[~gap], features_nw, NEXT[:1], levels=[0.5])
    assert _median(result, "p0", NEXT[0]) > 40


def test_new_product_borrows_from_its_category(make_sales, features_nw) -> None:
    sales = make_sales(days=414)
    new = sales[(sales["product"] == "p1") & (sales["date"] >= "2026-02-09")].assign(product="new")
    sales = pd.concat([sales, new], ignore_index=True)
    products = [Product("p0", category="Brot"), Product("p1", category="Brot"),
                Product("p2", category="Kuchen"), Product("new", category="Brot"),
                Product("unsold", category="Brot")]
    result = forecast(sales, features_nw, NEXT[:1], levels=[0.5, 0.9], products=products)
    assert result.notes.loc["new", "thin_history"]
    assert result.notes.loc["new", "history_days"] == 13
    assert 15 < _median(result, "new", NEXT[0]) < 35  # p1's level 25 x Tuesday 0.9
    assert result.notes.loc["unsold", "borrowed_from"] == "Brot"
    assert result.model["unsold"] == "category_prior"
    assert _median(result, "unsold", NEXT[0]) > 0


def test_slow_mover_with_many_zero_days(features_nw) -> None:
    rng = np.random.default_rng(9)
    dates = pd.date_range("2025-01-06", "2026-02-23")
    sales = pd.concat([
        pd.DataFrame({"product": "truffle", "date": dates,
                      "quantity": rng.poisson(0.4, len(dates)).astype(float)}),
        pd.DataFrame({"product": "bread", "date": dates,
                      "quantity": rng.poisson(40, len(dates)).astype(float)}),
    ])
    result = forecast(sales, features_nw, NEXT[:1])
    q = result.quantiles.set_index("product").loc["truffle"]
    assert 0 <= q["q0.5"] <= 1.5
    assert q["q0.95"] >= 1.0  # the upper quantiles still allow a sale
    assert q["q0.05"] == 0.0


def test_level_shift_is_followed_within_two_weeks(make_sales, features_nw) -> None:
    sales = make_sales(days=414, seed=4)
    shift_from = pd.Timestamp("2026-02-09")  # road construction: demand drops 40 %
    late = sales["date"] >= shift_from
    rng = np.random.default_rng(4)
    sales.loc[late, "quantity"] = rng.binomial(sales.loc[late, "quantity"].astype(int), 0.6)
    result = forecast(sales, features_nw, NEXT[:1], levels=[0.5])
    med = _median(result, "p0", NEXT[0])  # old Tuesday level 54, new 32
    assert med < 42


def test_one_off_catering_order_does_not_echo(make_sales, features_nw) -> None:
    sales = make_sales(days=414)
    spike = (sales["product"] == "p0") & (sales["date"] == pd.Timestamp("2026-02-17"))  # a Tue
    sales.loc[spike, "quantity"] = 600.0
    result = forecast(sales, features_nw, NEXT[:1], levels=[0.5])
    assert _median(result, "p0", NEXT[0]) < 75  # typical Tuesday 54


def test_negative_days_from_returns_do_not_break_the_forecast(make_sales, features_nw) -> None:
    sales = make_sales(days=414)
    rng = np.random.default_rng(3)
    rows = rng.choice(sales.index[sales["quantity"] > 0], 30, replace=False)
    sales.loc[rows, "quantity"] = -5.0
    result = forecast(sales, features_nw, NEXT[:1], levels=[0.5, 0.9])
    assert 42 < _median(result, "p0", NEXT[0]) < 66
    assert (result.quantiles[["q0.5", "q0.9"]] >= 0).all().all()


def test_sell_outs_are_treated_as_lower_bounds(make_sales, features_nw) -> None:
    sales = make_sales(days=414, seed=8)
    p0 = sales["product"] == "p0"
    # the bakery baked only 60 a day: on busier days it sold 60 and nothing was left
    cap = 60.0
    capped = p0 & (sales["quantity"] > cap)
    plain = sales.copy()
    plain.loc[capped, "quantity"] = cap
    censored = plain.copy()
    censored["produced"] = np.where(p0, np.fmax(cap, 0), np.nan)
    censored["leftover"] = np.where(p0, cap - plain["quantity"], np.nan)
    friday = NEXT[2]  # typical Friday demand 69
    naive = _median(forecast(plain, features_nw, [friday], levels=[0.5]), "p0", friday)
    treated = _median(forecast(censored, features_nw, [friday], levels=[0.5]), "p0", friday)
    assert naive < 61
    assert treated > naive + 4


def test_a_product_s_big_day_a_year_follows_last_time(make_sales, features_nw) -> None:
    """Silvester: p0 sells seven times its usual amount every 31.12.; trees cannot learn that
    from two earlier rows, last time's miss corrects it, and it shows as "occasion"."""
    sales = make_sales(days=730, start="2024-01-01")
    sales = sales[sales["date"] <= "2025-12-30"].copy()
    silvester = (sales["date"].dt.month == 12) & (sales["date"].dt.day == 31)
    sales.loc[silvester & (sales["product"] == "p0"), "quantity"] *= 7
    res = forecast(sales, features_nw, [dt.date(2025, 12, 31)], levels=[0.5, 0.9])
    q = res.quantiles.set_index("product")["q0.5"]
    usual = sales[(sales["date"] >= "2025-11-01") & (sales["date"].dt.day_of_week == 2)]
    usual = usual.groupby("product")["quantity"].mean()  # Wednesdays, as 31.12.2025
    assert q["p0"] > 4.5 * usual["p0"]
    assert q["p1"] < 1.8 * usual["p1"]  # its Silvester is a usual day: nothing to correct
    spread = res.quantiles.set_index("product")["q0.9"] - q
    assert spread["p0"] > 1.6 * spread["p1"]  # the band grows with the big day, too (1.2 without)
    parts = res.contributions.set_index(["product", "group"])["amount"]
    assert parts.loc[("p0", "occasion")] > 2 * usual["p0"]
    np.testing.assert_allclose(parts.loc["p0"].sum(), q["p0"], atol=1e-6)


def test_one_poor_occasion_last_time_lowers_a_special_day_at_most_to_half(make_sales, features_nw
                                                                          ) -> None:
    """p0 sold an eighth of a usual day on the last Silvester (baked too little, nothing
    recorded): this Silvester is lowered, but not below half (it was cut to a fifth before)."""
    sales = make_sales(days=730, start="2024-01-01")
    sales = sales[sales["date"] <= "2025-12-30"].copy()
    last_time = (sales["date"] == "2024-12-31") & (sales["product"] == "p0")
    sales.loc[last_time, "quantity"] = (sales.loc[last_time, "quantity"] / 8).round()
    res = forecast(sales, features_nw, [dt.date(2025, 12, 31)], levels=[0.5, 0.9])
    q = res.quantiles.set_index("product")["q0.5"]
    usual = sales[(sales["date"] >= "2025-11-01") & (sales["date"].dt.day_of_week == 2)]
    usual = usual.groupby("product")["quantity"].mean()
    assert 0.4 * usual["p0"] < q["p0"] < 0.8 * usual["p0"]
    parts = res.contributions.set_index(["product", "group"])["amount"]
    assert parts.loc[("p0", "occasion")] < -0.2 * usual["p0"]
