"""What travels between shops: the scale-free columns of a run's design, a LightGBM model on them,
and effect sizes per category as ratios.

Portable columns are those that mean the same in every shop: lag features relative to the
product's own scale, weekday, the SALES inputs and the calendar (same names in every Bundesland).
Left out: the product's index in this shop and log_scale (the product's size).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from forecasting.association.shared_model import MIN_CELL
from forecasting.models import lgbm
from forecasting.models.engine import Run
from forecasting.models.lags import rolling_mean, shift

if TYPE_CHECKING:
    from lightgbm import Booster

NOT_PORTABLE = ("product", "log_scale")
# a leaf of the shared model averages at least this many product-days (the shop's own model: 20)
MIN_LEAF = 200
NUM_TREES = 200
PARAMS: dict[str, Any] = {"min_data_in_leaf": MIN_LEAF, "min_sum_hessian_in_leaf": 1.0}
EFFECT_GROUPS = ("holiday", "school_holiday", "payday", "special_day")
SKIP_COLUMNS = ("days_since_payday", "payday_kindergeld", "school_holiday_day")
RAIN_MM = 1.0
PIVOT_DEGREES = 15.0


def portable_columns(run: Run) -> list[int]:
    """The indices of the design's portable columns."""
    return [k for k, name in enumerate(run.design.names) if name not in NOT_PORTABLE]


def train_portable(run: Run) -> str:
    """A LightGBM text model of demand / s on the portable columns of every known day (weight 1
    per product-day: a weight by volume would put the amounts into the leaves' hessian sums)."""
    rows = lgbm.train_rows(run, run.y.shape[0] - 1)
    cols = portable_columns(run)
    y = run.y.reshape(-1)[rows] / run.s.reshape(-1)[rows]
    names = [run.design.names[k] for k in cols]
    booster = lgbm.fit(run.design.matrix[np.ix_(rows, cols)], y, np.ones(len(rows)), names, [],
                       num_trees=NUM_TREES, params=PARAMS)
    return str(booster.model_to_string())


def portable_matrix(run: Run, booster: Booster, rows: np.ndarray) -> np.ndarray:
    """The design rows in the column order of a shared model (by name)."""
    return named_columns(run, booster.feature_name(), rows)


def named_columns(run: Run, names: Sequence[str], rows: np.ndarray) -> np.ndarray:
    """float32 [row, name]: the run's design rows in the order of `names`; a column this run
    lacks is 0 for a calendar column (that day is not special here) and unknown (NaN) otherwise."""
    index = {name: k for k, name in enumerate(run.design.names)}
    out = np.empty((len(rows), len(names)), dtype=np.float32)
    for k, name in enumerate(names):
        if name in index:
            out[:, k] = run.design.matrix[rows, index[name]]
        else:
            out[:, k] = 0.0 if name.startswith("cal_") else np.nan
    return out


def _ratio_rows(run: Run) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """[day, product]: demand / s, demand / the recent 28-day level, and which cells count."""
    rows = np.zeros(run.y.size, dtype=bool)
    rows[lgbm.train_rows(run, run.y.shape[0] - 1)] = True
    ok = rows.reshape(run.y.shape)
    level = shift(rolling_mean(run.clean, 28, min_count=7), 1)
    with np.errstate(invalid="ignore", divide="ignore"):
        to_s = run.y / run.s
        to_level = run.y / level
    ok &= np.isfinite(to_level) & (level > 0)
    return to_s, to_level, ok


def _cell(values: np.ndarray, mask: np.ndarray) -> dict[str, float] | None:
    """Mean of `values` on `mask` with its count, if there are at least MIN_CELL."""
    n = int(mask.sum())
    if n < MIN_CELL:
        return None
    return {"ratio": round(float(np.clip(values[mask], 0.0, 10.0).mean()), 3), "n": n}


def effects_of(run: Run, categories: list[str]) -> dict[str, Any]:
    """Per category: weekday shape (demand over the recent level), the ratio to the usual amount
    on holidays and the days around them, school holidays, paydays, special days and events, per
    degree of temperature and on rainy days; each averaged over at least MIN_CELL product-days."""
    to_s, to_level, ok = _ratio_rows(run)
    frame = run.features.frame if run.features is not None else None
    days = run.panel.dates
    calendar = frame.reindex(days) if frame is not None else None
    labels = run.features.labels if run.features is not None else {}
    weekday = days.day_of_week.to_numpy()
    out: dict[str, Any] = {"categories": {}, "min_cell": MIN_CELL}
    cats = np.asarray(categories)
    for cat in sorted(set(categories)):
        mask = ok & (cats == cat)[None, :]
        entry: dict[str, Any] = {"product_days": int(mask.sum())}
        shape = [_cell(to_level, mask & (weekday == wd)[:, None]) for wd in range(7)]
        entry["weekday"] = shape
        effects: dict[str, Any] = {}
        for name in ([] if calendar is None else calendar.columns):
            group = getattr(labels.get(name), "group", "")
            wanted = group in EFFECT_GROUPS or (
                group.startswith("event_") and name == group)
            if not wanted or name in SKIP_COLUMNS:
                continue
            on = np.nan_to_num(calendar[name].to_numpy(dtype=float)) > 0
            cell = _cell(to_s, mask & on[:, None])
            if cell is not None:
                effects[name] = cell
        entry["calendar"] = effects
        entry["weather"] = _weather(calendar, to_s, mask)
        out["categories"][cat] = entry
    return out


def _weather(calendar: Any, to_s: np.ndarray, mask: np.ndarray) -> dict[str, Any]:
    """Change of demand / s per degree (least squares around PIVOT_DEGREES) and on rainy days."""
    out: dict[str, Any] = {}
    if calendar is None:
        return out
    if "temperature" in calendar.columns:
        temp = calendar["temperature"].to_numpy(dtype=float)[:, None] - PIVOT_DEGREES
        use = mask & np.isfinite(temp)
        if use.sum() >= MIN_CELL:
            x = np.broadcast_to(temp, to_s.shape)[use]
            y = np.clip(to_s[use], 0.0, 10.0)
            slope = float(np.polyfit(x, y, 1)[0]) if np.ptp(x) > 0 else 0.0
            out["per_degree"] = {"ratio": round(slope, 4), "n": int(use.sum())}
    if "precipitation" in calendar.columns:
        rain = calendar["precipitation"].to_numpy(dtype=float) >= RAIN_MM
        cell = _cell(to_s, mask & rain[:, None])
        if cell is not None:
            out["rain"] = cell
    return out
