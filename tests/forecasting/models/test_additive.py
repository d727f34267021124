"""The additive model: what it learns, what it may see, and its place in the blend."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from forecasting.models import additive, engine
from forecasting.models.explain import point_amounts
from forecasting.models.frame import build_panel


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
    run = engine.prepare(panel, features_nw, 1, None)
    last = panel.day_index(dt.date(2025, 10, 31))
    rows = np.arange(last + 1, panel.n_days)
    pred, fit = additive.fit_predict(run.additive_design, run.y, ~panel.closed[:, None]
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
    run = engine.prepare(panel, features_nw, 1, None)
    last = 400
    rows = np.arange(last + 1, panel.n_days)
    usable = ~panel.closed[:, None] & np.ones((1, 3), dtype=bool)
    before, _ = additive.fit_predict(run.additive_design, run.y, usable, last, rows)
    poisoned = run.y.copy()
    poisoned[last + 1 :] = 1e6
    after, _ = additive.fit_predict(run.additive_design, poisoned, usable, last, rows)
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
        run = engine.prepare(panel, features, 1, None)
        usable = ~panel.closed[:, None] & np.ones((1, 3), dtype=bool)
        pred, _ = additive.fit_predict(run.additive_design, run.y, usable, 400, np.arange(401, 415))
        preds.append(pred)
    np.testing.assert_array_equal(preds[0], preds[1])


def test_too_little_history_gives_no_forecast(make_sales, features_nw) -> None:
    sales = make_sales(days=300, start="2025-01-06")
    sales = sales[(sales["product"] != "p2") | (sales["date"] >= "2025-09-15")]  # new product
    panel = build_panel(sales)
    run = engine.prepare(panel, features_nw, 1, None)
    last = panel.n_days - 8
    pred, _ = additive.fit_predict(run.additive_design, run.y, ~panel.closed[:, None]
                                   & np.ones((1, 3), dtype=bool), last, np.arange(last + 1, panel.n_days))
    assert np.isfinite(pred[:, :2]).all()
    assert np.isnan(pred[:, 2]).all()


def test_blend_takes_its_share_except_on_special_days_and_amounts_add_up(make_sales, features_nw
                                                                          ) -> None:
    sales, _ = _panel_with_holiday_effect(make_sales)
    panel = build_panel(sales)
    run = engine.prepare(panel, features_nw, 1, None)
    targets = ~panel.closed
    targets[: panel.day_index(dt.date(2025, 6, 2))] = False
    refit = list(range(int(np.flatnonzero(targets)[0]), panel.n_days, 14))
    engine.run_lgbm(run, targets, refit)
    engine.run_ets(run, targets)
    engine.run_additive(run, targets, refit)
    engine.add_blend(run)
    usual = panel.day_index(dt.date(2025, 7, 2))
    easter_monday = panel.day_index(dt.date(2025, 4, 21))
    w = run.blend_weight[usual, 0]
    v = run.additive_share[usual, 0]
    assert v in engine.ADDITIVE_GRID
    two = w * run.points["lgbm"][usual, 0] + (1 - w) * run.points["ets"][usual, 0]
    expected = (1 - v) * two + v * run.points["additive"][usual, 0]
    np.testing.assert_allclose(run.points["blend"][usual, 0], expected)
    christmas = panel.day_index(dt.date(2025, 12, 25))
    assert run.special[christmas] or not targets[christmas]
    if targets[easter_monday]:
        assert run.additive_share[easter_monday, 0] == 0.0
    amounts = point_amounts(run, "blend", panel.n_days - 1, 0)
    np.testing.assert_allclose(sum(amounts.values()), run.points["blend"][panel.n_days - 1, 0])
    assert {"baseline", "season"} <= set(amounts)


def test_its_share_grows_when_it_was_closer_lately(make_sales) -> None:
    sales = make_sales(days=200)
    panel = build_panel(sales)
    run = engine.prepare(panel, None, 1, None)
    truth = np.where(np.isfinite(run.y), run.y, 0.0)
    rng = np.random.default_rng(5)
    run.points["lgbm"] = truth + rng.normal(0, 8, truth.shape)
    run.points["ets"] = truth + rng.normal(0, 8, truth.shape)
    run.points["additive"] = truth + rng.normal(0, 1, truth.shape)
    engine.add_blend(run)
    assert run.additive_share[10, 0] == engine.ADDITIVE_DEFAULT  # too few days to judge
    assert run.additive_share[190, 0] == max(engine.ADDITIVE_GRID)
