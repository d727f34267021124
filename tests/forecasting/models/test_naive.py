"""Baselines: seasonal naive and the mean of the last four same weekdays."""

from __future__ import annotations

import numpy as np

from forecasting.models.naive import seasonal_naive, weekday_mean


def test_seasonal_naive_takes_last_week_and_skips_closed_days() -> None:
    y = np.arange(30, dtype=float)[:, None]
    y[15] = np.nan  # closed
    out = seasonal_naive(y, 1)
    assert out[20, 0] == 13.0
    assert out[22, 0] == 8.0  # day 15 has no figure: the week before
    assert np.isnan(out[3, 0])


def test_weekday_mean_of_last_four() -> None:
    y = np.arange(40, dtype=float)[:, None]
    assert weekday_mean(y, 1)[35, 0] == np.mean([28, 21, 14, 7])
