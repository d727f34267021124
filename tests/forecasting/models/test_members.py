"""The model protocol: a new model is one class and one line in members.MODELS, and the blend,
the selection and the explanations take it up without being told its name."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from forecasting.models import engine, members
from forecasting.models.blend import Blend
from forecasting.models.explain import point_amounts
from forecasting.models.forecaster import forecast
from forecasting.models.frame import build_panel
from forecasting.models.member import Member, Mix, Schedule
from forecasting.progress import Progress

NEXT = [dt.date(2026, 2, 24), dt.date(2026, 2, 25), dt.date(2026, 2, 27)]  # Tue, Wed, Fri


class Hindsight(Member):
    """Test-only: the demand itself wherever it is known (so it wins every comparison), else s;
    its whole forecast explained as one group of its own."""

    name = "hindsight"
    mix = Mix(grid=(0.1, 0.6), default=0.1)

    def fit(self, run: engine.Run, origin: int, progress: Progress) -> bool:
        return True

    def predict(self, run: engine.Run, days: np.ndarray) -> np.ndarray:
        return np.where(np.isfinite(run.y[days]), run.y[days], run.s[days])

    def amounts(self, run: engine.Run, day: int, product: int) -> dict[str, float]:
        assert self.points_ is not None
        return {"hindsight": float(self.points_[day, product])}


@pytest.fixture
def registered(monkeypatch: pytest.MonkeyPatch) -> None:
    """Hindsight registered the way a new model is: one more entry in members.MODELS."""
    monkeypatch.setattr(members, "MODELS", [*members.MODELS, Hindsight])


@pytest.mark.usefixtures("registered")
def test_a_registered_member_is_blended_with_its_learned_share_and_explained(
        make_sales, features_nw) -> None:
    panel = build_panel(make_sales(days=300))
    run = engine.prepare(panel, features_nw, 1, None, members.new())
    targets = ~panel.closed
    # one block: the explanations use the last fit
    members.fit_models(run, targets, Schedule.backtest(100, panel.n_days, panel.n_days))
    blend, hindsight = run.find(Blend), run.find(Hindsight)
    assert blend is not None
    assert hindsight is not None
    assert blend.points_ is not None
    assert hindsight.points_ is not None
    assert list(blend.shares_) == ["lgbm", "additive", "hindsight"]  # mixed in after the others
    usual = panel.day_index(dt.date(2025, 10, 1))
    assert not run.special[usual]
    share = blend.shares_["hindsight"][usual]
    assert (share == 0.6).all()  # it was closer lately, so it got the larger of its shares
    before = blend.points_.copy()
    run.models.remove(hindsight)
    blend.combine(run)
    np.testing.assert_allclose(before[usual], share * hindsight.points_[usual]
                               + (1 - share) * blend.points_[usual])
    run.models.append(hindsight)
    blend.combine(run)
    for j in range(len(panel.products)):
        amounts = point_amounts(run, "blend", usual, j)
        assert amounts["hindsight"] == pytest.approx(0.6 * hindsight.points_[usual, j])
        assert sum(amounts.values()) == pytest.approx(blend.points_[usual, j])


@pytest.mark.usefixtures("registered")
def test_a_registered_member_is_chosen_and_explained_by_the_public_forecast(
        make_sales, features_nw) -> None:
    result = forecast(make_sales(days=414), features_nw, NEXT)
    assert set(result.model) == {"hindsight"}  # it had no errors at all
    c = result.contributions
    assert set(c.loc[c["group"] == "hindsight", "date"].dt.date) == set(NEXT)
    sums = c.groupby(["product", "date"])["amount"].sum()
    med = result.quantiles.set_index(["product", "date"])["q0.5"]
    assert np.abs(sums - med.reindex(sums.index)).max() < 1e-6


def test_the_models_of_a_run_in_the_order_of_the_fallback_chain(make_sales) -> None:
    panel = build_panel(make_sales(days=120))
    run = engine.prepare(panel, None, 1, None, members.new())
    assert [m.name for m in run.models] == ["lgbm", "blend", "ets", "additive", "seasonal_naive",
                                            "category_prior"]
    assert [m.name for m in run.models if m.candidate] == [
        "lgbm", "blend", "ets", "seasonal_naive", "category_prior"]


def test_schedules_of_a_backtest_and_a_forecast() -> None:
    backtest = Schedule.backtest(10, 60, 14)
    assert backtest.starts() == [10, 24, 38, 52]
    assert backtest.starts(7) == [10, 24, 38, 52]  # a backtest keeps its own interval
    warm_up = Schedule.forecast(10, 150)
    assert warm_up.starts() == [10, 150]  # LightGBM: the warm-up, then the final model
    assert warm_up.starts(14) == [*range(10, 150, 14), 150]  # cheap members refit more often
