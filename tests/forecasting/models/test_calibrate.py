"""Quantiles from recent errors: calibrated, monotone, never negative."""

from __future__ import annotations

import numpy as np

from forecasting.models.calibrate import MIN_OWN, _rolling_quantiles, quantiles, relative_errors

LEVELS = [0.1, 0.5, 0.7, 0.9]


def test_conformal_quantiles_cover_as_promised() -> None:
    rng = np.random.default_rng(5)
    n, p = 600, 3
    s = np.full((n, p), 50.0)
    point = np.full((n, p), 50.0)
    y = point + rng.normal(0, 10, (n, p))
    q = quantiles(point, s, relative_errors(y, point, s), LEVELS, 1)
    later = slice(200, None)
    for k, tau in enumerate(LEVELS):
        cover = np.mean(y[later] <= q[later][:, :, k])
        assert abs(cover - tau) < 0.05, (tau, cover)


def test_monotone_and_non_negative_for_slow_movers() -> None:
    rng = np.random.default_rng(6)
    n = 300
    y = (rng.random((n, 1)) < 0.2).astype(float)  # mostly zero days
    point = np.full((n, 1), 0.2)
    s = np.full((n, 1), 0.2)
    q = quantiles(point, s, relative_errors(y, point, s), LEVELS, 1)
    assert (q[50:] >= 0).all()
    assert (np.diff(q[50:], axis=2) >= 0).all()
    assert q[-1, 0, 0] == 0.0


def test_spread_grows_like_count_noise_so_quiet_and_busy_days_are_both_covered() -> None:
    # Poisson demand: a Saturday with 4x the volume has only 2x the spread; errors measured in
    # sqrt(s) cover quiet and busy days alike (in units of s, quiet days would be under-covered)
    rng = np.random.default_rng(8)
    n = 1400
    busy = (np.arange(n) % 7) == 5
    s = np.where(busy, 80.0, 20.0)[:, None]
    y = rng.poisson(s).astype(float)
    q = quantiles(s, s, relative_errors(y, s, s), LEVELS, 1)
    later = np.arange(n) >= 300
    for rows in (later & busy, later & ~busy):
        cover = np.mean(y[rows, 0] <= q[rows, 0, 3])
        assert 0.84 < cover < 0.96, cover


def _pandas_rolling_quantiles(r: np.ndarray, levels: list[float], horizon: int, window: int
                              ) -> np.ndarray:
    """The reference (the code before 2026-12): pandas' rolling quantile per product and level,
    carried forward over days without an error, moved `horizon` days later."""
    import pandas as pd

    n, p = r.shape
    out = np.full((n, p, len(levels)), np.nan)
    for j in range(p):
        col = pd.Series(r[:, j])
        valid = col.dropna()
        if valid.empty:
            continue
        roll = valid.rolling(window, min_periods=MIN_OWN)
        for k, tau in enumerate(levels):
            qs = roll.quantile(tau, interpolation="linear").reindex(col.index).ffill()
            out[:, j, k] = qs.shift(horizon).to_numpy(dtype=float)
    return out


def test_own_quantiles_are_pandas_rolling_quantiles_to_the_last_bit() -> None:
    rng = np.random.default_rng(11)
    levels = [0.05, 0.1, 0.3, 0.5, 0.7, 0.9, 0.95, 0.975, 0.99]
    for trial in range(40):
        n, p = int(rng.integers(30, 500)), int(rng.integers(1, 4))
        r = rng.standard_t(3, (n, p))
        r[rng.random((n, p)) < rng.random() * 0.7] = np.nan  # closed and missing days
        if trial % 4 == 0:
            r = np.round(r, 1)  # ties
        horizon, window = int(rng.integers(1, 8)), int(rng.choice([21, 40, 224]))
        rows = rng.random(n) < 0.5
        expected = _pandas_rolling_quantiles(r, levels, horizon, window)
        np.testing.assert_array_equal(_rolling_quantiles(r, levels, horizon, window), expected)
        expected[~rows] = np.nan  # only the days asked for
        np.testing.assert_array_equal(_rolling_quantiles(r, levels, horizon, window, rows),
                                      expected)
