"""Lag features only use what is known at the origin; outliers do not echo."""

from __future__ import annotations

import numpy as np

from forecasting.models.lags import clean_for_lags, lag_features, scale


def _y(n: int = 200, seed: int = 2) -> np.ndarray:
    rng = np.random.default_rng(seed)
    return rng.poisson(30, (n, 2)).astype(float)


def test_features_of_day_d_ignore_days_after_the_origin() -> None:
    for horizon in (1, 3, 7):
        y = _y()
        d = 150
        poisoned = y.copy()
        poisoned[d - horizon + 1 :] = 5000.0
        cens = np.zeros_like(y, dtype=bool)
        first = np.zeros(2, dtype=int)
        a = lag_features(y, cens, scale(y, horizon)[0], horizon, first, 0)
        b = lag_features(poisoned, cens, scale(poisoned, horizon)[0], horizon, first, 0)
        for name in a:
            np.testing.assert_array_equal(a[name][: d + 1], b[name][: d + 1], err_msg=name)


def test_one_off_spike_is_capped_for_lags() -> None:
    y = np.full((120, 1), 40.0)
    y[100, 0] = 400.0  # a catering order
    clean = clean_for_lags(y)
    assert clean[100, 0] < 150.0
    assert clean[99, 0] == 40.0


def test_new_product_borrows_weekday_profile_and_level_from_its_category() -> None:
    y = _y(120)
    y = np.column_stack([y, np.full(120, np.nan)])
    y[115:, 2] = 10.0  # introduced five days ago
    s, borrowed = scale(y, 1, np.array([0, 0, 0]))
    assert np.isfinite(s[119, 2])
    assert borrowed[119, 2]
    assert not borrowed[119, 0]


def test_cleaning_keeps_closed_and_missing_days_unknown() -> None:
    y = np.full((60, 1), 40.0)
    y[30:33, 0] = np.nan
    assert np.isnan(clean_for_lags(y)[30:33]).all()


def test_occasion_feature_ignores_days_after_the_origin() -> None:
    y = _y()
    match = np.full(200, -1)
    match[150] = 149  # yesterday's occasion: unknown two days ahead
    match[160] = 100
    cens = np.zeros_like(y, dtype=bool)
    first = np.zeros(2, dtype=int)
    for horizon in (1, 2):
        poisoned = y.copy()
        poisoned[150 - horizon + 1 :] = 5000.0
        a = lag_features(y, cens, scale(y, horizon)[0], horizon, first, 0, match)
        b = lag_features(poisoned, cens, scale(poisoned, horizon)[0], horizon, first, 0, match)
        np.testing.assert_array_equal(a["occasion_last"][:151], b["occasion_last"][:151])
    one = lag_features(y, cens, scale(y, 1)[0], 1, first, 0, match)["occasion_last"]
    assert np.isfinite(one[150]).all()
    assert np.isfinite(one[160]).all()
    assert np.isnan(one[151]).all()
