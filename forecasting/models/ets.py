"""ETS per product with weekly seasonality: statsmodels estimates the smoothing parameters, a small
recursion (the same ETS(A,N,A) equations) filters the states day by day.

Filtering ourselves lets a backtest move the origin daily without re-estimating, skips closed and
missing days (no update), and gives the components for explanations: level and weekday season.
`Ets` is the blend's member (where the blend starts).
"""

from __future__ import annotations

import dataclasses
import warnings

import numpy as np
import pandas as pd

from forecasting.models.engine import Run
from forecasting.models.member import Member, Mix, Schedule
from forecasting.progress import Progress

FIT_DAYS = 365
DEFAULT_ALPHA = 0.1
DEFAULT_GAMMA = 0.05
REFIT_DAYS = 182


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


class Ets(Member):
    """ETS(A,N,A) per product as a member: the blend starts from it. Its parameters are
    re-estimated every `refit_every` days in a backtest and once, at the first target day, in a
    forecast; the states move daily either way.

    Fitted: params_ (per product, of the last fit), origin_ (its origin), level_ and season_
    ([day, product] the components of the forecasts).
    """

    name = "ets"
    phase = "forecast.ets"
    mix = Mix(base=True)

    def __init__(self, refit_every: int = REFIT_DAYS) -> None:
        self.refit_every = refit_every
        self.params_: list[EtsParams] = []
        self.origin_ = -1
        self.level_: np.ndarray | None = None
        self.season_: np.ndarray | None = None

    def refit_days(self, schedule: Schedule, days: np.ndarray) -> list[int]:
        """Every refit_every days from the first target day (a backtest), else that day only."""
        if schedule.origin is not None:
            return [int(days[0])]
        return list(range(int(days[0]), int(days[-1]) + 1, self.refit_every))

    def fit(self, run: Run, origin: int, progress: Progress) -> bool:
        """Estimate each product's alpha and gamma on the days <= origin."""
        p = run.y.shape[1]
        weekdays = run.panel.dates.day_of_week.to_numpy()
        known = origin + 1
        params = []
        for j in range(p):
            progress.report(j / p, "forecast.ets")
            params.append(fit_params(run.clean[:known, j], weekdays[:known]))
        self.params_, self.origin_ = params, origin
        return True

    def predict(self, run: Run, days: np.ndarray) -> np.ndarray:
        """Filter the states from FIT_DAYS before the origin on; each day as made at d - h."""
        weekdays = run.panel.dates.day_of_week.to_numpy()
        start = max(0, self.origin_ + 1 - FIT_DAYS)
        filt = filter_predict(run.clean[: days[-1] + 1], weekdays, self.params_, run.horizon, start)
        if self.level_ is None or self.season_ is None:
            self.level_ = np.full(run.y.shape, np.nan)
            self.season_ = np.full(run.y.shape, np.nan)
        self.level_[days] = filt.level[days]
        self.season_[days] = filt.season[days]
        return filt.pred[days]
