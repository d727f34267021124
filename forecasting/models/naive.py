"""The usual tools as baselines: seasonal naive (same weekday last week), mean of last 4 same weekdays."""

from __future__ import annotations

import numpy as np

from forecasting.models.lags import same_weekday_mean, shift, weekday_base_lag


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
