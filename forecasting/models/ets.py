"""ETS per product with weekly seasonality: statsmodels estimates the smoothing parameters, a small
recursion (the same ETS(A,N,A) equations) filters the states day by day.

Filtering ourselves lets a backtest move the origin daily without re-estimating, skips closed and
missing days (no update), and gives the components for explanations: level and weekday season.
"""

from __future__ import annotations

import dataclasses
import warnings

import numpy as np
import pandas as pd

FIT_DAYS = 365
DEFAULT_ALPHA = 0.1
DEFAULT_GAMMA = 0.05


@dataclasses.dataclass
class EtsParams:
    """Smoothing parameters of one product (level alpha, season gamma) and whether the fit worked."""

    alpha: float = DEFAULT_ALPHA
    gamma: float = DEFAULT_GAMMA
    fitted: bool = False


def _impute(values: np.ndarray, weekdays: np.ndarray) -> np.ndarray:
    frame = pd.DataFrame({"y": values, "wd": weekdays})
    filled = frame.groupby("wd")["y"].transform(lambda s: s.ffill().bfill())
    mean = np.nanmean(values) if np.isfinite(values).any() else 0.0
    return filled.fillna(mean).to_numpy(dtype=float)


def fit_params(values: np.ndarray, weekdays: np.ndarray) -> EtsParams:
    """Estimate alpha and gamma of ETS(A,N,A) with period 7 on one product's recent days."""
    from statsmodels.tsa.exponential_smoothing.ets import ETSModel

    recent = values[-FIT_DAYS:]
    if np.isfinite(recent).sum() < 28:
        return EtsParams()
    series = _impute(recent, weekdays[-FIT_DAYS:])
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            model = ETSModel(series, error="add", trend=None, seasonal="add", seasonal_periods=7,
                             initialization_method="heuristic")
            res = model.fit(disp=False, maxiter=100)
        alpha = float(res.params[0])
        gamma = float(res.params[1])
    except Exception:
        return EtsParams()
    if not (np.isfinite(alpha) and np.isfinite(gamma)):
        return EtsParams()
    return EtsParams(min(max(alpha, 0.01), 0.9), min(max(gamma, 0.0), 0.5), True)


@dataclasses.dataclass
class EtsFilter:
    """Per-day predictions and their components: pred = level + season (arrays [day, product])."""

    pred: np.ndarray
    level: np.ndarray
    season: np.ndarray


def filter_predict(
    y: np.ndarray, weekdays: np.ndarray, params: list[EtsParams], horizon: int, start: int
) -> EtsFilter:
    """Run the recursion from day `start`; pred[d] is made at origin d - horizon."""
    n, p = y.shape
    alpha = np.array([q.alpha for q in params])
    gamma = np.array([q.gamma for q in params])
    pred = np.full((n, p), np.nan)
    lvl_out = np.full((n, p), np.nan)
    sea_out = np.full((n, p), np.nan)
    init = y[start : start + 56]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        level = np.nanmean(init, axis=0)
        season = np.zeros((7, p))
        for wd in range(7):
            rows = weekdays[start : start + 56] == wd
            season[wd] = np.nan_to_num(np.nanmean(init[rows], axis=0) - level) if rows.any() else 0
    started = np.isfinite(level)
    level = np.nan_to_num(level)
    for t in range(start, n):
        obs = y[t]
        wd = weekdays[t]
        newly = ~started & np.isfinite(obs)
        level = np.where(newly, obs, level)
        started |= newly
        err = obs - (level + season[wd])
        ok = np.isfinite(err) & started
        e = np.where(ok, err, 0.0)
        level = level + alpha * e
        season[wd] = season[wd] + gamma * e
        target = t + horizon
        if target < n:
            wd_t = weekdays[target]
            lvl_out[target] = np.where(started, level, np.nan)
            sea_out[target] = np.where(started, season[wd_t], np.nan)
            pred[target] = lvl_out[target] + sea_out[target]
    return EtsFilter(pred, lvl_out, sea_out)
