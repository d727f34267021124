"""The shared core of backtests and forecasts: every candidate model's point forecasts for a range
of target days at one horizon, refitting LightGBM at given days under a strict origin.

A model refitted at day b is trained only on target days <= b - horizon, and a feature of day d
only uses sales up to d - horizon, so the forecast for d never sees d - horizon + 1 or later.
"""

from __future__ import annotations

import dataclasses
import itertools
from typing import Any

import numpy as np
import pandas as pd

from forecasting.models import additive, ets, lgbm, occasions
from forecasting.models.censoring import uncensor
from forecasting.models.frame import EXOG_COLUMNS, Panel
from forecasting.models.lags import (
    LAG_GROUPS,
    clean_for_lags,
    lag_features,
    rolling_mean,
    scale,
    shift,
)
from forecasting.models.naive import seasonal_naive, weekday_mean
from forecasting.progress import Progress

MIN_TRAIN_AGE = 0
ETS_REFIT_DAYS = 182
# weight s: a row counts by the product's volume (the pooled metrics do so too)
WEIGHT_POWER = 1.0
WEEKDAY_GROUPS = {"weekday"}
BLEND_DEFAULT = 0.5
BLEND_GRID = (0.2, 0.35, 0.5, 0.65, 0.8)
BLEND_WINDOW = 112
BLEND_MIN_DAYS = 28
# the additive model's share in the blend, learned per day as LightGBM's share is
ADDITIVE_DEFAULT = 0.5
ADDITIVE_GRID = (0.25, 0.5, 0.75)
ADDITIVE_REFIT_DAYS = 14
OCCASION_MISS_FACTOR = 2.0
OCCASION_MISS_SIGMAS = 3.0
OCCASION_MISS_CLIP = 5.0
# sales are a lower bound of demand: a low last time can be a shortage nobody recorded (sold out
# early, not baked), a high one cannot, so last time lowers a special day at most to half
OCCASION_MISS_FLOOR = 0.5


@dataclasses.dataclass
class Design:
    """The model matrix: rows are [day, product] flattened day-major; names and explanation groups."""

    matrix: np.ndarray
    names: list[str]
    groups: list[str]
    categorical: list[str]


@dataclasses.dataclass
class Run:
    """Point forecasts of every candidate ([day, product], NaN outside the target days)."""

    panel: Panel
    horizon: int
    y: np.ndarray  # demand used for training and errors (sell-outs raised, returns removed)
    s: np.ndarray  # typical amount for the weekday, known at the origin
    clean: np.ndarray  # y with one-off spikes capped (for levels, lags and ETS)
    borrowed: np.ndarray
    points: dict[str, np.ndarray]
    ets_level: np.ndarray
    ets_season: np.ndarray
    design: Design
    booster: Any = None  # the last LightGBM model fitted
    booster_day: int = -1
    ets_params: list[ets.EtsParams] = dataclasses.field(default_factory=list)
    errors: list[str] = dataclasses.field(default_factory=list)
    special: np.ndarray | None = None  # bool [day]: a short yearly occasion (occasions.py)
    blend_weight: np.ndarray | None = None  # [day, product] LightGBM's share in the blend
    match: np.ndarray | None = None  # per day the matching day of the occasion last time, or -1
    occasion_adjust: np.ndarray | None = None  # [day, product] LightGBM x this (_last_miss)
    additive_design: additive.Design | None = None
    additive_fit: additive.Fit | None = None  # the last fit (the forecast days' in forecast())
    additive_share: np.ndarray | None = None  # [day, product] the additive model's blend share


def calendar_matrix(features: Any, dates: pd.DatetimeIndex) -> tuple[np.ndarray, list[str], list[str]]:
    """The FeatureTable's numeric columns on the panel days, their names and groups."""
    if features is None or features.frame is None or features.frame.shape[1] == 0:
        return np.zeros((len(dates), 0)), [], []
    frame = features.frame.copy()
    frame.index = pd.DatetimeIndex(frame.index).normalize()
    frame = frame.reindex(dates)
    names = [str(c) for c in frame.columns]
    groups = []
    for c in frame.columns:
        label = features.labels.get(c) if getattr(features, "labels", None) else None
        group = getattr(label, "group", None) or "other"
        groups.append("baseline" if group in WEEKDAY_GROUPS else group)
    return frame.to_numpy(dtype=float), [f"cal_{n}" for n in names], groups


def build_design(
    panel: Panel, feats: dict[str, np.ndarray], cal: tuple[np.ndarray, list[str], list[str]]
) -> Design:
    """Stack lag, weekday, product, SALES-column and calendar features into one float32 matrix."""
    n, p = panel.y.shape
    cols: list[np.ndarray] = []
    names: list[str] = []
    groups: list[str] = []
    for name, arr in feats.items():
        cols.append(arr.reshape(-1))
        names.append(name)
        groups.append(LAG_GROUPS[name])
    cols.append(np.repeat(panel.dates.day_of_week.to_numpy(), p).astype(float))
    names.append("weekday")
    groups.append("baseline")
    cols.append(np.tile(np.arange(p, dtype=float), n))
    names.append("product")
    groups.append("baseline")
    for col in EXOG_COLUMNS:
        if col in panel.exog:
            cols.append(panel.exog[col].reshape(-1))
            names.append(col)
            groups.append("promotion" if col == "promotion" else col)
    values, cal_names, cal_groups = cal
    for k, name in enumerate(cal_names):
        cols.append(np.repeat(values[:, k], p))
        names.append(name)
        groups.append(cal_groups[k])
    matrix = np.column_stack(cols).astype(np.float32)
    return Design(matrix, names, groups, ["product"])


def prepare(panel: Panel, features: Any, horizon: int, categories: np.ndarray | None) -> Run:
    """Demand estimate, scale, features and baselines for one horizon (no model fitted yet)."""
    y = uncensor(panel.y, panel.censored)
    clean = clean_for_lags(y)
    s, borrowed = scale(clean, horizon, categories)
    match = occasions.matches(features, panel.dates)
    feats = lag_features(y, panel.censored, s, horizon, panel.first, panel.dates[0].day_of_week,
                         match)
    design = build_design(panel, feats, calendar_matrix(features, panel.dates))
    sales = np.where(panel.closed[:, None], np.nan, panel.sales)
    n, p = y.shape
    age_ok = np.arange(n)[:, None] >= panel.first[None, :]
    points = {
        "seasonal_naive": np.where(age_ok, seasonal_naive(sales, horizon), np.nan),
        "mean4": np.where(age_ok, weekday_mean(sales, horizon), np.nan),
        "category_prior": np.where(np.isfinite(s), np.fmax(s, 0.0), np.nan),
    }
    empty = np.full((n, p), np.nan)
    run = Run(panel, horizon, y, s, clean, borrowed, points, empty, empty.copy(), design)
    run.special = occasions.special_days(features, panel.dates)
    run.match = match
    run.additive_design = additive.build_design(panel.dates, features, panel.exog)
    return run


def _train_rows(run: Run, last_target: int) -> np.ndarray:
    n, _p = run.y.shape
    t = np.arange(n)[:, None]
    ok = (
        (t <= last_target)
        & np.isfinite(run.y)
        & np.isfinite(run.s)
        & (run.s > 0)
        & ~run.panel.closed[:, None]
        & (t >= run.panel.first[None, :] + MIN_TRAIN_AGE)
    )
    return np.flatnonzero(ok.reshape(-1))


def fit_lgbm_at(run: Run, day: int, num_trees: int = lgbm.NUM_TREES) -> Any:
    """A LightGBM model for forecasts made at origin day - horizon (targets <= day - horizon)."""
    rows = _train_rows(run, day - run.horizon)
    if len(rows) < lgbm.MIN_ROWS:
        return None
    y = run.y.reshape(-1)[rows]
    s = run.s.reshape(-1)[rows]
    d = run.design
    return lgbm.fit(d.matrix[rows], y / s, s**WEIGHT_POWER, d.names, d.categorical, num_trees=num_trees)


def run_lgbm(
    run: Run,
    targets: np.ndarray,
    refit_days: list[int],
    num_trees: int = lgbm.NUM_TREES,
    preset: dict[int, Any] | None = None,
    progress: Progress | None = None,
) -> None:
    """LightGBM point forecasts for the target days (bool [day]), refitting at `refit_days`.

    preset: refit day -> an already trained booster to use instead of fitting (a saved model).
    progress: told before each refit ("forecast.lightgbm", 0..1 over the refits).
    """
    n, p = run.y.shape
    out = np.full((n, p), np.nan)
    run.occasion_adjust = np.ones((n, p))
    days = np.flatnonzero(targets)
    refit = sorted(set(refit_days))
    for i, b in enumerate(refit):
        end = refit[i + 1] if i + 1 < len(refit) else n
        block = days[(days >= b) & (days < end)]
        if block.size == 0:
            continue
        if progress is not None:
            progress.report(i / len(refit), "forecast.lightgbm")
        try:
            booster = (preset or {}).get(b) or fit_lgbm_at(run, b, num_trees)
        except Exception as exc:
            run.errors.append(f"lgbm: {exc}")
            booster = None
        if booster is None:
            continue
        run.booster, run.booster_day = booster, b
        rows = (block[:, None] * p + np.arange(p)[None, :]).reshape(-1)
        pred = lgbm.predict(booster, run.design.matrix[rows]).reshape(len(block), p)
        run.occasion_adjust[block] = _last_miss(run, booster, block)
        out[block] = pred * run.s[block] * run.occasion_adjust[block]
    age_ok = np.arange(n)[:, None] >= run.panel.first[None, :]
    run.points["lgbm"] = np.where(age_ok & np.isfinite(run.s), out, np.nan)


def _last_miss(run: Run, booster: Any, block: np.ndarray) -> np.ndarray:
    """[len(block), product] multiplier of LightGBM's forecast: on a special day, what sold on
    the same occasion last time over what this model forecasts for that day, where it missed by
    more than a factor OCCASION_MISS_FACTOR and by more than OCCASION_MISS_SIGMAS x count noise.

    A tree needs many rows per leaf; a product's one big day a year (Silvester: seven times the
    usual cakes) has three or four, so the model stays far below it every year. Last time's miss
    says by how much, and both figures are known at the origin. Smaller misses are noise.
    """
    p = run.y.shape[1]
    out = np.ones((len(block), p))
    if run.match is None or run.special is None:
        return out
    m = run.match[block]
    use = run.special[block] & (m >= 0) & (m <= block - run.horizon)
    if not use.any():
        return out
    days = m[use]
    rows = (days[:, None] * p + np.arange(p)[None, :]).reshape(-1)
    then = lgbm.predict(booster, run.design.matrix[rows]).reshape(len(days), p) * run.s[days]
    sold = run.y[days]
    with np.errstate(invalid="ignore", divide="ignore"):
        miss = sold / then
        far = np.abs(np.log(np.where(miss > 0, miss, 1.0))) > np.log(OCCASION_MISS_FACTOR)
    far &= np.isfinite(miss) & (then > 0)
    far &= np.abs(sold - then) > OCCASION_MISS_SIGMAS * np.sqrt(np.fmax(then, 1.0))
    out[use] = np.where(far, np.clip(miss, OCCASION_MISS_FLOOR, OCCASION_MISS_CLIP), 1.0)
    return out


def run_ets(run: Run, targets: np.ndarray, refit_every: int = ETS_REFIT_DAYS,
            progress: Progress | None = None) -> None:
    """ETS point forecasts for the target days; parameters re-estimated every `refit_every` days.

    progress: told before each product's fit ("forecast.ets", 0..1 over refits and products).
    """
    n, p = run.y.shape
    weekdays = run.panel.dates.day_of_week.to_numpy()
    out = np.full((n, p), np.nan)
    level = np.full((n, p), np.nan)
    season = np.full((n, p), np.nan)
    days = np.flatnonzero(targets)
    if days.size == 0:
        run.points["ets"] = out
        return
    starts = range(int(days[0]), int(days[-1]) + 1, refit_every)
    for k, b in enumerate(starts):
        block = days[(days >= b) & (days < b + refit_every)]
        if block.size == 0:
            continue
        known = b - run.horizon + 1  # days before this one are known at every origin in the block
        params = []
        for j in range(p):
            if progress is not None:
                progress.report((k * p + j) / (len(starts) * p), "forecast.ets")
            params.append(ets.fit_params(run.clean[:known, j], weekdays[:known]))
        start = max(0, known - ets.FIT_DAYS)
        filt = ets.filter_predict(run.clean[: block[-1] + 1], weekdays, params, run.horizon, start)
        out[block] = filt.pred[block]
        level[block] = filt.level[block]
        season[block] = filt.season[block]
        run.ets_params = params
    run.points["ets"] = out
    run.ets_level, run.ets_season = level, season


def run_additive(run: Run, targets: np.ndarray, starts: list[int]) -> None:
    """The additive model's forecasts for the target days, refitted at each of `starts` (a block
    runs to the next start) on the days known at that origin."""
    n, p = run.y.shape
    out = np.full((n, p), np.nan)
    usable = ~run.panel.closed[:, None] & np.ones((1, p), dtype=bool)
    bounds = [*sorted(starts), n]
    for b, end in itertools.pairwise(bounds):
        block = np.flatnonzero(targets[b:end]) + b
        if block.size == 0 or b - run.horizon < 0:
            continue
        out[block], run.additive_fit = additive.fit_predict(
            run.additive_design, run.y, usable, b - run.horizon, block)
    run.points["additive"] = out


def lgbm_cells(run: Run) -> np.ndarray:
    """bool [day, product]: special days (occasions) and a product's promotion days, which only
    LightGBM knows about (ETS and the naive forecasts see no calendar and no promotions)."""
    cells = np.zeros(run.y.shape, dtype=bool)
    if run.special is not None:
        cells |= run.special[:, None]
    promo = run.panel.exog.get("promotion")
    if promo is not None:
        cells |= promo > 0
    return cells


def add_blend(run: Run, weight: float | None = None) -> None:
    """The blend of LightGBM and ETS point forecasts (where both exist), mixed with the additive
    model's where that has one (its share learned as LightGBM's is, ADDITIVE_GRID).

    weight: LightGBM's share beside ETS; None learns it per day from the shop's recent errors
    (learned_share). On special days and promotion days (lgbm_cells) the blend is LightGBM alone.
    """
    if "lgbm" in run.points and "ets" in run.points:
        cells = lgbm_cells(run)
        if weight is None:
            w = learned_share(run, run.points["lgbm"], run.points["ets"], BLEND_GRID,
                              BLEND_DEFAULT, cells)
            w = np.repeat(w[:, None], run.y.shape[1], axis=1)
        else:
            w = np.full(run.y.shape, float(weight))
        w[cells] = 1.0
        run.blend_weight = w
        blend = w * run.points["lgbm"] + (1 - w) * run.points["ets"]
        if "additive" in run.points:
            add = run.points["additive"]
            share = learned_share(run, add, blend, ADDITIVE_GRID, ADDITIVE_DEFAULT, cells)
            v = np.where(np.isfinite(add) & ~cells, share[:, None], 0.0)
            run.additive_share = v
            blend = (1 - v) * blend + v * np.nan_to_num(add)
        run.points["blend"] = blend


def blend_weights(run: Run) -> np.ndarray:
    """LightGBM's share in the LightGBM + ETS blend per day (learned_share)."""
    return learned_share(run, run.points["lgbm"], run.points["ets"], BLEND_GRID, BLEND_DEFAULT,
                         lgbm_cells(run))


def learned_share(run: Run, a: np.ndarray, b: np.ndarray, grid: tuple[float, ...], default: float,
                  skip: np.ndarray) -> np.ndarray:
    """a's share in share x a + (1 - share) x b per day: of `grid`, the one with the least
    absolute error over all products in the last BLEND_WINDOW days known at the origin (`default`
    before that; the cells in `skip`, special and promotion days, left out).

    Pooled over the shop's products, so the share rests on many product-days, not on one
    product's noisy few months.
    """
    ok = np.isfinite(a) & np.isfinite(b) & np.isfinite(run.y) & ~skip
    losses = []
    for w in grid:
        err = np.where(ok, np.abs(run.y - (w * a + (1 - w) * b)), 0.0).sum(axis=1)
        days = np.where(ok.any(axis=1), err, np.nan)
        losses.append(shift(rolling_mean(days[:, None], BLEND_WINDOW, BLEND_MIN_DAYS), run.horizon)[:, 0])
    table = np.column_stack(losses)
    known = np.isfinite(table).all(axis=1)
    best = np.asarray(grid)[np.argmin(np.where(known[:, None], table, 0.0), axis=1)]
    return np.where(known, best, default)
