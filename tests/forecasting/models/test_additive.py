"""The additive model: what it learns, what it may see, and its place in the blend."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from forecasting.models import additive, engine, members
from forecasting.models.additive import Additive
from forecasting.models.blend import Blend
from forecasting.models.explain import point_amounts
from forecasting.models.frame import build_panel
from forecasting.models.member import Schedule
from forecasting.models.naive import CategoryPrior


def fit_predict(design: additive.Design, y: np.ndarray, usable: np.ndarray, last: int,
                rows: np.ndarray) -> tuple[np.ndarray, additive.Fit]:
    """The model fitted on the days <= last and its forecasts of `rows`."""
    fit = additive.fit(design, y, usable, last)
    return additive.predict(design, fit, rows), fit


def design_of(panel, features) -> additive.Design:
    return additive.build_design(panel.dates, features, panel.exog)


def _panel_with_holiday_effect(make_sales, factor: float = 1.8):
    """Three products over two years; the day before each NW public holiday sells `factor` x."""
    from calendars.public_holidays import holiday_names

    sales = make_sales(days=730, start="2024-01-01", sunday_closed=False)
    holidays = {pd.Timestamp(d) for d in holiday_names("NW", range(2024, 2026))}
    eve = sales["date"].isin({d - pd.Timedelta(days=1) for d in holidays})
    sales.loc[eve, "quantity"] = (sales.loc[eve, "quantity"] * factor).round()
    sales.loc[sales["date"].isin(holidays), "quantity"] = 0.0  # closed on the holidays
    return sales, holidays


def test_learns_weekday_level_trend_and_the_day_before_a_holiday(make_sales, features_nw) -> None:
    sales, holidays = _panel_with_holiday_effect(make_sales)
    grow = 1 + (sales["date"] - sales["date"].min()).dt.days / 730 * 0.3  # +30 % over two years
    sales["quantity"] = (sales["quantity"] * grow).round()
    panel = build_panel(sales)
    run = engine.prepare(panel, features_nw, 1, None, [])
    last = panel.day_index(dt.date(2025, 10, 31))
    rows = np.arange(last + 1, panel.n_days)
    pred, fit = fit_predict(design_of(panel, features_nw), run.y, ~panel.closed[:, None]
                                     & np.ones((1, 3), dtype=bool), last, rows)
    actual = run.y[rows]
    usual = np.isin(panel.dates[rows], [d + pd.Timedelta(days=k) for d in holidays for k in (-1, 0, 1)],
                    invert=True) & ~panel.closed[rows]
    # Saturdays (x1.5 in the generator) above Tuesdays (x0.9), and the level has grown
    weekday = panel.dates[rows].day_of_week
    saturday, tuesday = pred[usual & (weekday == 5), 0].mean(), pred[usual & (weekday == 1), 0].mean()
    assert 1.4 < saturday / tuesday < 1.9
    assert abs(pred[usual, 0].mean() / actual[usual, 0].mean() - 1) < 0.08
    # the day before Christmas sold 1.8 x on the one earlier 24.12.: learned, but shrunk hard
    # (seen once), so the forecast rises without following one day all the way
    eve = panel.day_index(dt.date(2025, 12, 24)) - rows[0]
    around = pred[eve - 14 : eve - 7, 0].mean()
    assert 1.05 * around < pred[eve, 0] < 1.5 * around
    assert np.isfinite(fit.beta).all()


def test_strict_origin_nothing_after_the_last_known_day_is_used(make_sales, features_nw) -> None:
    sales = make_sales(days=500, start="2024-06-03")
    panel = build_panel(sales)
    run = engine.prepare(panel, features_nw, 1, None, [])
    last = 400
    rows = np.arange(last + 1, panel.n_days)
    usable = ~panel.closed[:, None] & np.ones((1, 3), dtype=bool)
    before, _ = fit_predict(design_of(panel, features_nw), run.y, usable, last, rows)
    poisoned = run.y.copy()
    poisoned[last + 1 :] = 1e6
    after, _ = fit_predict(design_of(panel, features_nw), poisoned, usable, last, rows)
    np.testing.assert_array_equal(before, after)


def test_weather_of_later_days_does_not_reach_a_forecast(make_sales, tmp_path) -> None:
    """Weather counts on fixed scales: a day's columns are its own weather, nothing of the days
    after it (standardizing over the panel would let next month's heat move today's forecast)."""
    from calendars.features import build_features
    from calendars.weather_files import read_weather_file

    sales = make_sales(days=500, start="2024-06-03")
    days = pd.date_range("2024-06-03", periods=500)
    temperature = 12 + 8 * np.sin(2 * np.pi * np.arange(500) / 365)
    preds = []
    for hot in (False, True):
        t = temperature.copy()
        if hot:
            t[430:] += 15  # a heat wave after the forecast days
        path = tmp_path / f"w{hot}.csv"
        pd.DataFrame({"date": days.strftime("%Y-%m-%d"), "temperature": t.round(1),
                      "precipitation": 1.0}).to_csv(path, index=False)
        features = build_features("NW", dt.date(2024, 6, 3), dt.date(2025, 10, 15),
                                  weather=read_weather_file(path))
        panel = build_panel(sales)
        run = engine.prepare(panel, features, 1, None, [])
        usable = ~panel.closed[:, None] & np.ones((1, 3), dtype=bool)
        pred, _ = fit_predict(design_of(panel, features), run.y, usable, 400, np.arange(401, 415))
        preds.append(pred)
    np.testing.assert_array_equal(preds[0], preds[1])


def test_too_little_history_gives_no_forecast(make_sales, features_nw) -> None:
    sales = make_sales(days=300, start="2025-01-06")
    sales = sales[(sales["product"] != "p2") | (sales["date"] >= "2025-09-15")]  # new product
    panel = build_panel(sales)
    run = engine.prepare(panel, features_nw, 1, None, [])
    last = panel.n_days - 8
    pred, _ = fit_predict(design_of(panel, features_nw), run.y, ~panel.closed[:, None]
                                   & np.ones((1, 3), dtype=bool), last, np.arange(last + 1, panel.n_days))
    assert np.isfinite(pred[:, :2]).all()
    assert np.isnan(pred[:, 2]).all()


def test_blend_takes_its_share_except_on_special_days_and_amounts_add_up(make_sales, features_nw
                                                                          ) -> None:
    sales, _ = _panel_with_holiday_effect(make_sales)
    panel = build_panel(sales)
    run = engine.prepare(panel, features_nw, 1, None, members.new())
    targets = ~panel.closed
    targets[: panel.day_index(dt.date(2025, 6, 2))] = False
    first = int(np.flatnonzero(targets)[0])
    members.fit_models(run, targets, Schedule.backtest(first, panel.n_days, 14))
    blend = run.find(Blend)
    lgbm, ets, add = run.named("lgbm"), run.named("ets"), run.named("additive")
    assert blend is not None
    assert lgbm is not None
    assert ets is not None
    assert add is not None
    usual = panel.day_index(dt.date(2025, 7, 2))
    easter_monday = panel.day_index(dt.date(2025, 4, 21))
    w = blend.shares_["lgbm"][usual, 0]
    v = blend.shares_["additive"][usual, 0]
    assert v in additive.SHARE_GRID
    two = w * lgbm.points_[usual, 0] + (1 - w) * ets.points_[usual, 0]
    expected = (1 - v) * two + v * add.points_[usual, 0]
    np.testing.assert_allclose(blend.points_[usual, 0], expected)
    christmas = panel.day_index(dt.date(2025, 12, 25))
    assert run.special[christmas] or not targets[christmas]
    if targets[easter_monday]:
        assert blend.shares_["additive"][easter_monday, 0] == 0.0
    amounts = point_amounts(run, "blend", panel.n_days - 1, 0)
    np.testing.assert_allclose(sum(amounts.values()), blend.points_[panel.n_days - 1, 0])
    assert {"baseline", "season"} <= set(amounts)


def test_its_share_grows_when_it_was_closer_lately(make_sales) -> None:
    sales = make_sales(days=200)
    panel = build_panel(sales)
    run = engine.prepare(panel, None, 1, None, members.new())
    truth = np.where(np.isfinite(run.y), run.y, 0.0)
    rng = np.random.default_rng(5)
    points = {"lgbm": truth + rng.normal(0, 8, truth.shape),
              "ets": truth + rng.normal(0, 8, truth.shape),
              "additive": truth + rng.normal(0, 1, truth.shape)}
    for model in run.models:
        model.points_ = points.get(model.name)
    blend = run.find(Blend)
    assert blend is not None
    blend.combine(run)
    assert blend.shares_["additive"][10, 0] == additive.SHARE_DEFAULT  # too few days to judge
    assert blend.shares_["additive"][190, 0] == max(additive.SHARE_GRID)


def test_a_member_without_forecasts_is_left_out_of_the_blend(make_sales) -> None:
    """The additive model needs MIN_DAYS known days: without them the blend goes without it."""
    panel = build_panel(make_sales(days=90))
    run = engine.prepare(panel, None, 1, None, members.new())
    members.fit_models(run, ~panel.closed, Schedule.backtest(30, panel.n_days, 14))
    add, blend = run.find(Additive), run.find(Blend)
    assert add is not None
    assert blend is not None
    assert np.isnan(add.points_).all()
    assert (blend.shares_["additive"] == 0).all()
    assert np.isfinite(blend.points_[-1]).all()
    assert run.find(CategoryPrior) is not None
