"""The usual tools as baselines: seasonal naive (same weekday last week), mean of last 4 same
weekdays; and the typical amount itself. `SeasonalNaive` and `CategoryPrior` are members of the
run (candidates of the selection's fallback chain); they cost nothing, so they forecast every day
and the calibration learns from all their past errors."""

from __future__ import annotations

import numpy as np

from forecasting.models.engine import Run
from forecasting.models.lags import same_weekday_mean, shift, weekday_base_lag
from forecasting.models.member import Member, Schedule
from forecasting.progress import Progress


def seasonal_naive(y: np.ndarray, horizon: int) -> np.ndarray:
    """The same weekday one week earlier (or the latest same weekday known at the origin).

    If that day has no figure (closed, missing), the most recent earlier same weekday is used.
    """
    base = weekday_base_lag(horizon)
    out = shift(y, base)
    for j in range(1, 8):
        gap = ~np.isfinite(out)
        if not gap.any():
            break
        out = np.where(gap, shift(y, base + 7 * j), out)
    return out


def weekday_mean(y: np.ndarray, horizon: int, weeks: int = 4) -> np.ndarray:
    """Mean of the last `weeks` same weekdays known at the origin."""
    return same_weekday_mean(y, weekday_base_lag(horizon), weeks)


class EveryDay(Member):
    """A member without parameters: nothing to fit, one block over every day."""

    def days(self, run: Run, targets: np.ndarray) -> np.ndarray:
        """Every day (the calibration uses their errors before the target days too)."""
        return np.ones(run.y.shape[0], dtype=bool)

    def refit_days(self, schedule: Schedule, days: np.ndarray) -> list[int]:
        """One block."""
        return [0]

    def fit(self, run: Run, origin: int, progress: Progress) -> bool:
        """Nothing to fit."""
        return True


class SeasonalNaive(EveryDay):
    """Same weekday last week (closed days: the last same weekday with a figure)."""

    name = "seasonal_naive"

    def predict(self, run: Run, days: np.ndarray) -> np.ndarray:
        """The recorded sales of the same weekday, from the product's first day on."""
        sales = np.where(run.panel.closed[:, None], np.nan, run.panel.sales)
        age_ok = np.arange(run.y.shape[0])[:, None] >= run.panel.first[None, :]
        return np.where(age_ok, seasonal_naive(sales, run.horizon), np.nan)[days]


class CategoryPrior(EveryDay):
    """The typical amount for the weekday, s (borrowed from the category for a new product)."""

    name = "category_prior"

    def predict(self, run: Run, days: np.ndarray) -> np.ndarray:
        """s, at least 0."""
        return np.where(np.isfinite(run.s), np.fmax(run.s, 0.0), np.nan)[days]
