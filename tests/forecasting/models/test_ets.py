"""ETS(A,N,A): estimated parameters and the daily filter."""

from __future__ import annotations

import numpy as np

from forecasting.models.ets import EtsParams, filter_predict, fit_params


def test_fit_and_filter_follow_weekly_pattern() -> None:
    rng = np.random.default_rng(0)
    n = 200
    weekdays = np.arange(n) % 7
    pattern = np.array([50, 45, 48, 50, 60, 80, 30], dtype=float)
    y = (pattern[weekdays] + rng.normal(0, 3, n))[:, None]
    params = fit_params(y[:, 0], weekdays)
    assert params.fitted
    assert 0 < params.alpha <= 0.9
    filt = filter_predict(y, weekdays, [params], 1, 0)
    err = np.abs(filt.pred[150:, 0] - pattern[weekdays[150:]])
    assert err.mean() < 4
    np.testing.assert_allclose(filt.pred[150:], filt.level[150:] + filt.season[150:])


def test_short_history_falls_back_and_skips_unknown_days() -> None:
    weekdays = np.arange(20) % 7
    y = np.full((20, 1), 10.0)
    y[5:9] = np.nan
    assert not fit_params(y[:, 0], weekdays).fitted
    filt = filter_predict(y, weekdays, [EtsParams()], 1, 0)
    assert np.allclose(filt.pred[10:], 10.0)
