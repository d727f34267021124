"""A stiff additive model per product, the blend's third member beside LightGBM and ETS.

amount = weekday level + linear trend + yearly waves (Fourier terms) + each short yearly
occasion's effect (its days, the day before and the day after) + events + weather + the product's
promotion and school-holiday inputs, fitted by ridge regression on the product's whole history
before the origin, as Prophet does (without its trend changepoints, which made it worse on every
shop we tried).

Trees follow noisy daily figures closely and stay noisy; this model is stiff and its errors are
different, so the average of the two is better than either. Occasions and events come a few times
a year, so their effects are shrunk hard; a weekday level is hardly shrunk at all. Products with
the same known days and inputs share one solve.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import numpy as np
import pandas as pd

from calendars.days import shifted
from forecasting.models import occasions

FOURIER_ORDER = 10
OCCASION_WINDOW = 1  # days before and after an occasion with an effect of their own
MIN_DAYS = 112
# ridge penalties on sums of squares over days (the model's own units)
PENALTY = {"weekday": 1e-6, "trend": 4.0, "season": 0.01, "occasion": 4.0, "event": 4.0,
           "weather": 0.01, "input": 0.01}
# weather on fixed scales (centre, unit), so a day's columns never depend on other days' weather
WEATHER_SCALES = {"temperature": (10.0, 8.0), "precipitation": (1.5, 4.0), "sunshine": (4.0, 3.0)}
INPUTS = ("promotion", "school_holiday")


@dataclasses.dataclass
class Design:
    """Columns on the panel days: shared [day, k] and per-product inputs [day, product] each;
    a kind (for the penalty) and an explanation group per column, the trend last of the shared."""

    shared: np.ndarray
    kinds: list[str]
    groups: list[str]
    inputs: dict[str, np.ndarray]


@dataclasses.dataclass
class Fit:
    """The coefficients of the last fit ([product, k], NaN rows: too little history) and the day
    the trend was 0 (the origin's last known day) and 1 back (the first known day), per product."""

    beta: np.ndarray
    first: np.ndarray
    last: int


def _scaled(values: np.ndarray, centre: float, unit: float) -> np.ndarray:
    """(values - centre) / unit; unknown days at the centre."""
    return np.where(np.isfinite(values), (values - centre) / unit, 0.0)


def _occasion_columns(features: Any, dates: pd.DatetimeIndex) -> tuple[list[np.ndarray], list[str]]:
    """A 0/1 column per short yearly occasion seen at least twice and per offset around it, with
    its explanation group: the occasion's days "occasion", the days before and after "holiday"
    (the calendar names them: "Tag vor Fronleichnam")."""
    cols, groups = [], []
    for runs in occasions.special_runs(features, dates).values():
        if len(runs) < 2:
            continue
        mask = np.zeros(len(dates))
        for start, length in runs:
            mask[start : start + length] = 1.0
        for k in range(-OCCASION_WINDOW, OCCASION_WINDOW + 1):
            cols.append(shifted(mask, k, fill=0.0))
            groups.append("occasion" if k == 0 else "holiday")
    return cols, groups


def _calendar_columns(features: Any, dates: pd.DatetimeIndex) -> tuple[list[np.ndarray], list[str], list[str]]:
    """Weather (on fixed scales) and event columns of the FeatureTable, with kinds and groups."""
    frame = getattr(features, "frame", None)
    if frame is None or frame.shape[1] == 0:
        return [], [], []
    frame = frame.copy()
    frame.index = pd.DatetimeIndex(frame.index).normalize()
    frame = frame.reindex(dates)
    labels = getattr(features, "labels", None) or {}
    cols, kinds, groups = [], [], []
    for name in frame.columns:
        values = frame[name].to_numpy(dtype=float)
        if name in WEATHER_SCALES:
            values, kind = _scaled(values, *WEATHER_SCALES[name]), "weather"
        elif name.startswith("event_") and not name.endswith(("_first", "_day")):
            values, kind = np.nan_to_num(values), "event"
        else:
            continue
        if not values.any():
            continue
        cols.append(values)
        kinds.append(kind)
        groups.append(getattr(labels.get(name), "group", None) or "other")
    return cols, kinds, groups


def build_design(dates: pd.DatetimeIndex, features: Any, exog: dict[str, np.ndarray]) -> Design:
    """The model's columns on the panel days (calendar, weather and inputs are known ahead)."""
    days = (dates - dates[0]).days.to_numpy(dtype=float)
    angle = 2 * np.pi * days[:, None] * np.arange(1, FOURIER_ORDER + 1)[None, :] / 365.25
    occasion, occasion_groups = _occasion_columns(features, dates)
    calendar, cal_kinds, cal_groups = _calendar_columns(features, dates)
    shared = np.column_stack([np.eye(7)[dates.day_of_week.to_numpy()], np.sin(angle),
                              np.cos(angle), *occasion, *calendar, np.zeros(len(dates))])
    kinds = (["weekday"] * 7 + ["season"] * (2 * FOURIER_ORDER) + ["occasion"] * len(occasion)
             + cal_kinds + ["trend"])
    groups = (["baseline"] * 7 + ["season"] * (2 * FOURIER_ORDER) + occasion_groups + cal_groups
              + ["recent_level"])
    inputs = {name: np.nan_to_num(np.asarray(exog[name], dtype=float)) for name in INPUTS
              if name in exog}
    return Design(shared, kinds, groups, inputs)


def column_groups(design: Design) -> list[str]:
    """The explanation group of each coefficient (shared columns, then the inputs)."""
    return design.groups + list(design.inputs)


def row(design: Design, fit: Fit, day: int, product: int) -> np.ndarray:
    """The model's columns for one product and day, as the fit saw them."""
    x = design.shared[day].copy()
    x[-1] = (day - fit.last) / max(fit.last - fit.first[product], 1)
    return np.concatenate([x, [design.inputs[name][day, product] for name in design.inputs]])


def fit_predict(design: Design, y: np.ndarray, usable: np.ndarray, last: int, rows: np.ndarray
                ) -> tuple[np.ndarray, Fit]:
    """Fit every product on its usable known days <= last and predict `rows` ([rows, product];
    NaN for products with fewer than MIN_DAYS such days)."""
    n, p = y.shape
    penalty = np.diag([PENALTY[k] for k in design.kinds] + [PENALTY["input"]] * len(design.inputs))
    known = usable[: last + 1] & np.isfinite(y[: last + 1])
    fit = Fit(np.full((p, penalty.shape[0]), np.nan), np.zeros(p, dtype=np.int64), last)
    out = np.full((len(rows), p), np.nan)
    groups: dict[bytes, list[int]] = {}
    for j in range(p):
        if known[:, j].sum() >= MIN_DAYS:
            key = known[:, j].tobytes() + b"".join(
                design.inputs[name][:, j].tobytes() for name in design.inputs)
            groups.setdefault(key, []).append(j)
    for products in groups.values():
        j0 = products[0]
        idx = np.flatnonzero(known[:, j0])
        fit.first[products] = idx[0]
        x = np.column_stack([design.shared] + [design.inputs[name][:, j0] for name in design.inputs])
        x[:, design.shared.shape[1] - 1] = (np.arange(n) - last) / max(last - int(idx[0]), 1)
        a = x[idx]
        beta = np.linalg.solve(a.T @ a + penalty, a.T @ y[np.ix_(idx, products)])
        fit.beta[products] = beta.T
        out[:, products] = x[rows] @ beta
    return np.maximum(out, 0.0), fit  # NaN (too little history) stays NaN
