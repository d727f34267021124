"""Lag features only use what is known at the origin; outliers do not echo."""

from __future__ import annotations

import numpy as np

from forecasting.models.lags import clean_for_lags, lag_features, scale, shop_surprise, smoothed


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


def test_a_busy_day_for_the_whole_shop_shows_in_every_product_next_day() -> None:
    y = np.full((120, 3), 20.0) * np.array([1.0, 3.0, 0.5])
    s = np.full_like(y, np.nan)
    s[60:] = y[60:]
    y[100] *= 1.5  # a busy day in the whole shop
    feats = shop_surprise(y, s, 1)
    np.testing.assert_allclose(feats["shop_last"][101], 1.5)
    np.testing.assert_allclose(feats["shop_last"][102], 1.0)
    np.testing.assert_allclose(feats["shop_roll3"][103], (1.5 + 1 + 1) / 3)
    assert np.isnan(feats["shop_last"][60]).all()  # s unknown the day before


def test_smoothed_level_follows_a_level_shift_fast_then_slow() -> None:
    profile = np.array([1.0, 1.0, 1.0, 1.0, 1.2, 1.6, 0.8])
    y = (40.0 * profile[np.arange(400) % 7])[:, None]
    y[300:] *= 0.7  # road works: a lasting drop, Saturdays fall in proportion
    feats = smoothed(y, y.copy(), 1, 0)  # relative to what was actually sold
    for name in ("smooth_fast", "smooth_slow"):
        np.testing.assert_allclose(feats[name][100:300], 1.0, atol=0.01, err_msg=name)
    fast, slow = feats["smooth_fast"][314, 0], feats["smooth_slow"][314, 0]
    assert 1.0 < fast < 1.05 < 1.15 < slow  # two weeks on: the fast one has followed
    np.testing.assert_allclose(feats["smooth_fast"][330:400], 1.0, atol=0.01)


def test_smoothing_survives_a_weekday_without_sales() -> None:
    y = np.full((200, 1), 30.0)
    y[np.arange(200) % 7 == 6] = 0.0  # never sold on Sundays
    y[50:53] = np.nan  # missing days
    feats = smoothed(y, np.full_like(y, 30.0), 1, 0)
    fast = feats["smooth_fast"][100:, 0]
    assert np.isfinite(fast).all()
    sundays = np.arange(100, 200) % 7 == 6
    assert (fast[sundays] < 0.05).all()
    np.testing.assert_allclose(fast[~sundays], 1.0, atol=0.01)
