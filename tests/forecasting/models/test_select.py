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
