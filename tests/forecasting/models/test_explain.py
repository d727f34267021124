"""Explanations stay faithful: a model's amounts add up to its point forecast."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from forecasting.models import engine, members
from forecasting.models.explain import point_amounts
from forecasting.models.frame import build_panel
from forecasting.models.member import Schedule


def test_blend_amounts_add_up_on_usual_and_special_days(make_sales, features_nw) -> None:
    panel = build_panel(make_sales(days=200))
    run = engine.prepare(panel, features_nw, 1, None, members.new())
    targets = np.zeros(panel.n_days, dtype=bool)
    targets[150:] = True
    targets &= ~panel.closed
    members.fit_models(run, targets, Schedule.backtest(150, panel.n_days, panel.n_days))
    blend = run.named("blend")
    assert blend is not None
    assert blend.points_ is not None
    for day in (dt.date(2025, 6, 9), dt.date(2025, 7, 2)):  # Pfingstmontag, a usual Wednesday
        t = panel.day_index(day)
        for j in range(len(panel.products)):
            amounts = point_amounts(run, "blend", t, j)
            assert sum(amounts.values()) == pytest.approx(blend.points_[t, j], abs=1e-6)
    assert run.special[panel.day_index(dt.date(2025, 6, 9))]
