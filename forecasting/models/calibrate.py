"""Quantiles from recent out-of-sample errors (split-conformal style), per product, scaled.

The errors r = (y - point) / spread(s) of the last `window` scored days before the origin give, per
level tau, the tau-quantile of r; the forecast quantile is point + spread(s) * quantile. spread(s) =
sqrt(s): count-like demand spreads like the square root of its volume, so a Saturday with four
times the volume gets twice the spread (in units of s quiet days were under-covered). Levels are
then made non-decreasing and clipped at 0. A product with few errors yet uses all products' errors.
"""

from __future__ import annotations

import numpy as np

WINDOW = 224
MIN_OWN = 21
SPREAD_POWER = 0.5


def spread(s: np.ndarray) -> np.ndarray:
    """The unit errors are measured in: s ** SPREAD_POWER (s floored at 0.5)."""
    return np.fmax(s, 0.5) ** SPREAD_POWER


def _rolling_quantiles(r: np.ndarray, levels: list[float], horizon: int, window: int,
                       rows: np.ndarray | None = None) -> np.ndarray:
    """[day, product, level] quantile of each product's finite r over its last `window` values,
    using only days <= d - horizon (NaN with fewer than MIN_OWN values); only the days in `rows`
    (bool [day]) if given.

    Computed as pandas' rolling quantile with linear interpolation computes it (the value at
    tau x (count - 1) in the sorted window, interpolated between its neighbours), so the figures
    are the same to the last bit; each window is sorted once for all levels.
    """
    n, p = r.shape
    out = np.full((n, p, len(levels)), np.nan)
    days = np.arange(n) if rows is None else np.flatnonzero(rows)
    tau = np.asarray(levels, dtype=float)[None, :]
    back = np.arange(window)[None, ::-1]
    for j in range(p):
        valid = np.flatnonzero(np.isfinite(r[:, j]))
        # the last finite error known at each day's origin, and how many of its window there are
        last = np.searchsorted(valid, days - horizon, side="right") - 1
        count = np.minimum(last + 1, window)
        use = count >= MIN_OWN
        if not use.any():
            continue
        at = last[use][:, None] - back
        windows = np.where(at >= 0, r[valid[np.maximum(at, 0)], j], np.inf)
        windows.sort(axis=1)  # the window's values first, the padding (inf) after them
        position = tau * (count[use][:, None] - 1)
        low = position.astype(np.int64)
        below = np.take_along_axis(windows, low, axis=1)
        above = np.take_along_axis(windows, np.minimum(low + 1, window - 1), axis=1)
        with np.errstate(invalid="ignore"):
            between = below + (above - below) * (position - low)
        out[days[use], j, :] = np.where(position == low, below, between)
    return out


def _pooled_quantiles(r: np.ndarray, levels: list[float], horizon: int, window: int,
                      rows: np.ndarray | None = None) -> np.ndarray:
    """[day, level] quantile over all products' errors of the last `window` days (only the days
    in `rows` if given)."""
    n = r.shape[0]
    out = np.full((n, len(levels)), np.nan)
    finite = np.isfinite(r)
    starts = np.arange(n) - horizon + 1 - window
    for t in range(n) if rows is None else np.flatnonzero(rows):
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
    own = _rolling_quantiles(r, levels, horizon, window, rows)
    pooled = _pooled_quantiles(r, levels, horizon, window, rows)
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
