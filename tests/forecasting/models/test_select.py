"""Per-product model choice from recent pinball loss, and the fallback chain."""

from __future__ import annotations

import datetime as dt

import numpy as np

from forecasting.models import engine
from forecasting.models.frame import build_panel
from forecasting.models.select import calibrated, select


def test_choice_prefers_the_better_model_and_falls_back(make_sales) -> None:
    sales = make_sales(days=200)
    panel = build_panel(sales)
    run = engine.prepare(panel, None, 1, None)
    targets = ~panel.closed
    truth = np.where(np.isfinite(run.y), run.y, 0.0)
    run.points["lgbm"] = truth + 0.5  # almost perfect
    run.points["ets"] = truth * 1.5
    run.points["lgbm"][:, 2] = np.nan  # no LightGBM forecast for product 2: fallback chain
    levels = [0.5, 0.7, 0.9]
    final, choice, names = select(run, calibrated(run, levels, targets), levels)
    t = panel.day_index(dt.date(2025, 7, 1))
    assert names[choice[t, 0]] == "lgbm"
    assert names[choice[t, 2]] != "lgbm"
    assert np.isfinite(final[t]).all()


def test_special_days_go_to_lightgbm_the_only_model_that_knows_the_calendar(
    make_sales, features_nw
) -> None:
    sales = make_sales(days=200)
    panel = build_panel(sales)
    run = engine.prepare(panel, features_nw, 1, None)
    truth = np.where(np.isfinite(run.y), run.y, 0.0)
    run.points["ets"] = truth + 0.5  # better on usual days
    run.points["lgbm"] = truth * 1.5
    engine.add_blend(run)
    levels = [0.5, 0.7, 0.9]
    cands = calibrated(run, levels, ~panel.closed)
    _final, choice, names = select(run, cands, levels)
    easter_monday = panel.day_index(dt.date(2025, 4, 21))
    usual = panel.day_index(dt.date(2025, 7, 2))
    assert run.special[easter_monday]
    assert not run.special[usual]
    assert names[choice[usual, 0]] == "ets"
    assert names[choice[easter_monday, 0]] == "lgbm"
    # the blend is LightGBM alone on special days
    assert run.points["blend"][easter_monday, 0] == run.points["lgbm"][easter_monday, 0]
    assert run.points["blend"][usual, 0] != run.points["lgbm"][usual, 0]


def test_blend_weight_follows_the_model_that_was_closer_lately(make_sales) -> None:
    sales = make_sales(days=200)
    panel = build_panel(sales)
    run = engine.prepare(panel, None, 1, None)
    truth = np.where(np.isfinite(run.y), run.y, 0.0)
    rng = np.random.default_rng(3)
    good = truth + rng.normal(0, 1, truth.shape)
    bad = truth + rng.normal(0, 8, truth.shape)
    switch = 120  # ETS is the better one until this day, LightGBM from then on
    run.points["lgbm"] = np.where(np.arange(len(truth))[:, None] < switch, bad, good)
    run.points["ets"] = np.where(np.arange(len(truth))[:, None] < switch, good, bad)
    weights = engine.blend_weights(run)
    assert weights[10] == engine.BLEND_DEFAULT  # too few days to judge
    assert weights[110] == min(engine.BLEND_GRID)
    assert weights[199] == max(engine.BLEND_GRID)
    # the weight of day d rests on errors known at its origin only
    run.points["lgbm"][150:] = 1e6
    np.testing.assert_array_equal(engine.blend_weights(run)[:151], weights[:151])
