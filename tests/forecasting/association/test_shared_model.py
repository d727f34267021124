"""The shared effects model: it finds known effects, pools them by the product-days they rest on,
keeps every value on MIN_CELL product-days, and forecasts level x effects from the past only."""

from __future__ import annotations

import copy
import math

import numpy as np
import pandas as pd
import pytest

from calendars.features import FeatureTable
from forecasting.association import files, shared_model
from forecasting.association.shared_model import COLUMNS, MIN_CELL
from forecasting.errors import UserError

DATES = pd.date_range("2022-01-03", "2024-12-31", freq="D")


def _features(**columns: np.ndarray) -> FeatureTable:
    return FeatureTable(frame=pd.DataFrame(columns, index=DATES), labels={})


def _simulate(levels: list[float], effects: dict[str, float], features: FeatureTable,
              seed: int = 1) -> tuple[np.ndarray, np.ndarray]:
    """Poisson sales [day, product] of products with `levels` and the log-effects by column."""
    x = shared_model.design(features, DATES)
    beta = np.zeros(x.shape[1])
    for name, value in effects.items():
        beta[COLUMNS.index(name)] = value
    mean = np.exp(x @ beta)[:, None] * np.asarray(levels)[None, :]
    y = np.random.default_rng(seed).poisson(mean).astype(float)
    closed = DATES.day_of_week.to_numpy() == 6
    return np.where(closed[:, None], np.nan, y), closed


def test_known_effects_are_found_whatever_the_products_levels() -> None:
    school = ((DATES.month == 8) | ((DATES.month == 10) & (DATES.day < 15))).astype(float)
    features = _features(school_holiday=school)
    truth = {"weekday_5": math.log(1.8), "school_holiday": math.log(0.8),
             "weekday_1": math.log(0.9)}
    y, closed = _simulate([5.0, 20.0, 60.0], truth, features)
    model = shared_model.fit_shop(y, closed, shared_model.design(features, DATES), None,
                                  ["Brot"] * 3)
    entry = model["categories"]["Brot"]
    found = dict(zip(entry["columns"], entry["coef"], strict=True))
    for name, value in truth.items():
        assert found[name] == pytest.approx(value, abs=0.04), name
    assert abs(found["weekday_3"]) < 0.04  # no effect where there is none
    assert "christmas_eve" not in found  # never active in this calendar: nothing to say
    assert "weekday_6" not in found  # closed on Sundays
    assert entry["product_days"] == int(np.isfinite(y).sum())
    assert not any(key in entry for key in ("level", "levels", "mean", "quantity"))


def test_a_rare_day_of_a_small_category_comes_from_the_whole_shop() -> None:
    eve = ((DATES.month == 12) & (DATES.day == 24)).astype(float)
    features = _features(christmas_eve=eve)
    levels = [30.0] * 3 + [10.0] * 15  # "Kuchen": 3 products, "Brot": 15
    y, closed = _simulate(levels, {"christmas_eve": math.log(2.5)}, features, seed=2)
    cats = ["Kuchen"] * 3 + ["Brot"] * 15
    model = shared_model.fit_shop(y, closed, shared_model.design(features, DATES), None, cats)
    small = dict(zip(model["categories"]["Kuchen"]["columns"],
                     model["categories"]["Kuchen"]["coef"], strict=True))
    large = dict(zip(model["categories"]["Brot"]["columns"],
                     model["categories"]["Brot"]["coef"], strict=True))
    whole = dict(zip(model["all"]["columns"], model["all"]["coef"], strict=True))
    # two open Christmas Eves (24.12.2023 is a Sunday, closed) x 3 products = 6 product-days:
    # too few for a value of its own
    assert "christmas_eve" not in small
    assert "christmas_eve" in large  # 2 x 15 = 30
    assert whole["christmas_eve"] == pytest.approx(math.log(2.5), abs=0.1)
    beta = shared_model.coefficients(model["categories"]["Kuchen"], model["all"])
    assert beta[COLUMNS.index("christmas_eve")] == whole["christmas_eve"]
    for entry in [*model["categories"].values(), model["all"]]:
        assert min(entry["n"]) >= MIN_CELL


def test_pooling_weighs_each_value_by_the_product_days_it_rests_on() -> None:
    def entry(columns: list[str], coef: list[float], n: list[int]) -> dict:
        return {"columns": columns, "coef": coef, "n": n, "product_days": 1000, "shape": 5.0}

    a = {"categories": {"Brot": entry(["weekday_5", "christmas_eve"], [0.2, 0.9], [100, 20])},
         "all": entry(["weekday_5"], [0.1], [400])}
    b = {"categories": {"Brot": entry(["weekday_5"], [0.5], [300]),
                        "Kuchen": entry(["weekday_5"], [0.3], [50])},
         "all": entry(["weekday_5"], [0.3], [100])}
    pooled = shared_model.pool([a, b])
    brot = pooled["categories"]["Brot"]
    assert brot["columns"] == ["weekday_5"]  # christmas_eve: 20 product-days in all, too few
    assert brot["coef"] == [pytest.approx((0.2 * 100 + 0.5 * 300) / 400)]
    assert brot["n"] == [400]
    assert brot["shops"] == 2
    assert pooled["categories"]["Kuchen"]["coef"] == [0.3]
    assert pooled["all"]["coef"] == [pytest.approx((0.1 * 400 + 0.3 * 100) / 500)]


def test_the_forecast_is_the_own_level_times_the_effects_and_uses_only_the_past() -> None:
    model = {"categories": {}, "all": {"columns": ["weekday_5"], "coef": [math.log(2.0)],
                                       "n": [100], "product_days": 1000, "shape": 10.0}}
    dates = pd.date_range("2025-03-03", periods=70, freq="D")  # from a Monday
    closed = dates.day_of_week.to_numpy() == 6
    y = np.where(dates.day_of_week.to_numpy() == 5, 20.0, 10.0)[:, None]
    y = np.hstack([y, np.full_like(y, np.nan)])  # a second product without any sales
    y[closed] = np.nan
    x = shared_model.design(None, dates)
    days = np.array([68, 63])  # a Saturday (2025-05-10) and a Monday (2025-05-05)
    assert dates[68].day_of_week == 5
    assert dates[63].day_of_week == 0
    out = shared_model.forecast(model, y, closed, x, None, ["Brot", "Kuchen"], days, 1)
    assert out[:, 0] == pytest.approx([20.0, 10.0])
    assert np.isnan(out[:, 1]).all()  # no own sales, nor another cake: no level, no forecast
    later = y.copy()
    later[63:, 0] = 1000.0  # the days forecast and after: not known at the origin
    again = shared_model.forecast(model, later, closed, x, None, ["Brot", "Kuchen"],
                                  np.array([63]), 1)
    assert again[0, 0] == pytest.approx(10.0)


def test_a_new_product_starts_from_its_categorys_median_level_and_adds_its_own_days() -> None:
    model = {"categories": {}, "all": {"columns": ["weekday_5"], "coef": [math.log(2.0)],
                                       "n": [100], "product_days": 1000, "shape": 10.0}}
    dates = pd.date_range("2025-03-03", periods=120, freq="D")  # from a Monday
    closed = dates.day_of_week.to_numpy() == 6
    saturday = np.where(dates.day_of_week.to_numpy() == 5, 2.0, 1.0)
    levels = [10.0, 30.0, 50.0, 1000.0]  # three rolls and a cake
    y = np.column_stack([level * saturday for level in levels] + [np.full(120, np.nan)] * 2)
    y[116, 4] = 12.0  # the new roll: sold 12 on Friday 2025-06-27 (day 116), its first day
    y[:14, 5] = 100.0  # a roll back from a break: two weeks once, then 14 weeks off
    y[116, 5] = 100.0
    y[closed] = np.nan
    x = shared_model.design(None, dates)
    categories = ["Brötchen", "Brötchen", "Brötchen", "Kuchen", "Brötchen", "Brötchen"]
    days = np.array([116, 117])  # its first day, and the Saturday after it
    assert dates[116].day_of_week == 4
    out = shared_model.forecast(model, y, closed, x, None, categories, days, 1)
    n0 = shared_model.LAUNCH_DAYS
    assert out[0, 4] == pytest.approx(30.0)  # the rolls' median level, not the cake's
    assert out[1, 4] == pytest.approx(2.0 * (n0 * 30.0 + 12.0) / (n0 + 1.0))
    assert out[:, :4] == pytest.approx(np.array([levels, [2 * v for v in levels]]))
    assert np.isnan(out[:, 5]).all()  # not new: too few recent days, left to the shop's models


@pytest.mark.parametrize("damage", [
    lambda e: e["coef"].__setitem__(0, "0.1; import os"),
    lambda e: e["columns"].__setitem__(0, "__import__"),
    lambda e: e["n"].pop(),
    lambda e: e["n"].__setitem__(0, -500),
    lambda e: e.pop("product_days"),
])
def test_a_damaged_shared_model_is_refused_naming_the_part(contributions, damage) -> None:
    bundle = files.Bundle(dict(contributions[0].manifest), copy.deepcopy(contributions[0].effects),
                          list(contributions[0].models))
    damage(next(iter(bundle.effects["shared_model"]["categories"].values())))
    with pytest.raises(UserError) as caught:
        files.from_bytes(files.to_bytes(bundle), "contribution", "x.bkcontrib")
    assert caught.value.code == "association.bad.json"
    assert caught.value.params["part"] == "effects.json"
    assert caught.value.params["detail"].startswith("shared_model/")
    assert "x.bkcontrib" in caught.value.message("de")


def test_the_spread_is_the_demands_gamma_shape_and_only_for_products_counted_in_pieces() -> None:
    features = _features(school_holiday=np.zeros(len(DATES)))
    closed = DATES.day_of_week.to_numpy() == 6
    mean = np.tile([20.0, 40.0, 60.0, 10.0], (len(DATES), 1))
    rng = np.random.default_rng(4)
    shape = 8.0  # gamma-Poisson: variance mean + mean^2 / 8
    y = rng.poisson(mean * rng.gamma(shape, 1.0 / shape, mean.shape)).astype(float)
    y[:, 3] = np.round(y[:, 3] * 0.1, 1)  # "Käse" sold by weight, in kilograms
    y = np.where(closed[:, None], np.nan, y)
    assert shared_model.whole_numbers(y).tolist() == [True, True, True, False]
    x = shared_model.design(features, DATES)
    cats = ["Brot"] * 3 + ["Käse"]
    model = shared_model.fit_shop(y, closed, x, None, cats, shared_model.whole_numbers(y))
    assert model["categories"]["Brot"]["shape"] == pytest.approx(shape, rel=0.15)
    assert model["categories"]["Käse"]["shape"] == 0.0
    assert model["all"]["shape"] == 0.0  # not every product counted
    found = shared_model.shapes(model, ["Brot", "Käse", "Kuchen"])
    assert found[0] == model["categories"]["Brot"]["shape"]
    assert np.isnan(found[1:]).all()  # weighed; no category and no whole-shop shape
    # pooled: a contribution whose category is weighed adds nothing to its shape
    other = copy.deepcopy(model)
    other["categories"]["Brot"]["shape"] = 0.0
    assert shared_model.pool([model, other])["categories"]["Brot"]["shape"] == pytest.approx(
        model["categories"]["Brot"]["shape"], abs=1e-3)
