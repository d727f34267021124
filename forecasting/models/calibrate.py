"""Quantiles from recent out-of-sample errors (split-conformal style), per product, scaled.

The errors r = (y - point) / spread(s) of the last `window` scored days before the origin give, per
level tau, the tau-quantile of r; the forecast quantile is point + spread(s) * quantile. spread(s) =
sqrt(s): count-like demand spreads like the square root of its volume, so a Saturday with four
times the volume gets twice the spread (in units of s quiet days were under-covered). Levels are
then made non-decreasing and clipped at 0. A product with few errors yet uses all products' errors.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

WINDOW = 224
MIN_OWN = 21
SPREAD_POWER = 0.5


def spread(s: np.ndarray) -> np.ndarray:
    """The unit errors are measured in: s ** SPREAD_POWER (s floored at 0.5)."""
    return np.fmax(s, 0.5) ** SPREAD_POWER


def _rolling_quantiles(r: np.ndarray, levels: list[float], horizon: int, window: int) -> np.ndarray:
    """[day, product, level] quantile of each product's finite r over its last `window` values,
    using only days <= d - horizon."""
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


def _pooled_quantiles(r: np.ndarray, levels: list[float], horizon: int, window: int) -> np.ndarray:
    """[day, level] quantile over all products' errors of the last `window` days."""
    n = r.shape[0]
    out = np.full((n, len(levels)), np.nan)
    finite = np.isfinite(r)
    starts = np.arange(n) - horizon + 1 - window
    for t in range(n):
        hi = t - horizon + 1
        if hi <= 0:
            continue
        lo = max(0, starts[t])
        block = r[lo:hi][finite[lo:hi]]
        if block.size >= 10:
            out[t] = np.quantile(block, levels)
    return out


def relative_errors(y: np.ndarray, point: np.ndarray, s: np.ndarray) -> np.ndarray:
    """(y - point) / spread(s) where all are known."""
    with np.errstate(invalid="ignore", divide="ignore"):
        r = (y - point) / spread(s)
    return np.where(np.isfinite(r), r, np.nan)


def quantiles(
    point: np.ndarray,
    s: np.ndarray,
    r: np.ndarray,
    levels: list[float],
    horizon: int,
    window: int | None = None,
    rows: np.ndarray | None = None,
) -> np.ndarray:
    """[day, product, level] calibrated quantiles (monotone, >= 0); NaN where point is NaN.

    rows: optional bool [day] to compute only those days (the rest stays NaN).
    """
    window = window or WINDOW
    own = _rolling_quantiles(r, levels, horizon, window)
    pooled = _pooled_quantiles(r, levels, horizon, window)
    offsets = np.where(np.isfinite(own), own, pooled[:, None, :])
    # before any error has been seen: a normal with 30 % of s as spread, in units of spread(s)
    default = _default_offsets(levels)[None, None, :] * (np.fmax(s, 0.5) / spread(s))[:, :, None]
    offsets = np.where(np.isfinite(offsets), offsets, default)
    q = point[:, :, None] + spread(s)[:, :, None] * offsets
    q = np.maximum.accumulate(np.fmax(q, 0.0), axis=2)
    if rows is not None:
        q[~rows] = np.nan
    return q


def _default_offsets(levels: list[float]) -> np.ndarray:
    """Offsets in units of s of a normal with 30 % spread."""
    from scipy.stats import norm

    return 0.3 * norm.ppf(np.asarray(levels))
