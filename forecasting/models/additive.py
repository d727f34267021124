"""A stiff additive model per product, the blend's third member beside LightGBM and ETS.

amount = weekday level + linear trend + yearly waves (Fourier terms) + each short yearly
occasion's effect (its days, the day before and the day after) + events + weather + the product's
promotion and school-holiday inputs, fitted by ridge regression on the product's whole history
before the origin, as Prophet does (without its trend changepoints, which made it worse on every
shop we tried).

Trees follow noisy daily figures closely and stay noisy; this model is stiff and its errors are
different, so the average of the two is better than either. Occasions and events come a few times
a year, so their effects are shrunk hard; a weekday level is hardly shrunk at all. Products with
the same known days and inputs share one solve. `Additive` is the blend's member.
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd

from calendars.days import shifted
from calendars.features import FeatureTable
from forecasting.models import occasions
from forecasting.models.engine import Run
from forecasting.models.member import Member, Mix, Schedule
from forecasting.progress import Progress

FOURIER_ORDER = 10
OCCASION_WINDOW = 1  # days before and after an occasion with an effect of their own
MIN_DAYS = 112
# ridge penalties on sums of squares over days (the model's own units)
PENALTY = {"weekday": 1e-6, "trend": 4.0, "season": 0.01, "occasion": 4.0, "event": 4.0,
           "weather": 0.01, "input": 0.01}
# weather on fixed scales (centre, unit), so a day's columns never depend on other days' weather
WEATHER_SCALES = {"temperature": (10.0, 8.0), "precipitation": (1.5, 4.0), "sunshine": (4.0, 3.0)}
INPUTS = ("promotion", "school_holiday")
# refitted this often in a forecast's warm-up (a backtest refits as its schedule says)
REFIT_DAYS = 14
# its share in the blend, learned per day as LightGBM's share is
SHARE_GRID = (0.25, 0.5, 0.75)
SHARE_DEFAULT = 0.5


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
    """The coefficients of a fit ([product, k], NaN rows: too little history) and the day the
    trend was 0 (the origin's last known day) and 1 back (the first known day), per product;
    parts: the groups of products solved together (the first one's inputs stand for all) and
    their coefficients [k, products] as solved."""

    beta: np.ndarray
    first: np.ndarray
    last: int
    parts: list[tuple[list[int], np.ndarray]] = dataclasses.field(default_factory=list)


def _scaled(values: np.ndarray, centre: float, unit: float) -> np.ndarray:
    """(values - centre) / unit; unknown days at the centre."""
    return np.where(np.isfinite(values), (values - centre) / unit, 0.0)


def _occasion_columns(features: FeatureTable | None, dates: pd.DatetimeIndex) -> tuple[list[np.ndarray], list[str]]:
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


def _calendar_columns(features: FeatureTable | None, dates: pd.DatetimeIndex) -> tuple[list[np.ndarray], list[str], list[str]]:
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


def build_design(dates: pd.DatetimeIndex, features: FeatureTable | None, exog: dict[str, np.ndarray]) -> Design:
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


def fit(design: Design, y: np.ndarray, usable: np.ndarray, last: int) -> Fit:
    """Fit every product on its usable known days <= last (products with fewer than MIN_DAYS
    such days get NaN coefficients)."""
    p = y.shape[1]
    penalty = np.diag([PENALTY[k] for k in design.kinds] + [PENALTY["input"]] * len(design.inputs))
    known = usable[: last + 1] & np.isfinite(y[: last + 1])
    out = Fit(np.full((p, penalty.shape[0]), np.nan), np.zeros(p, dtype=np.int64), last)
    groups: dict[bytes, list[int]] = {}
    for j in range(p):
        if known[:, j].sum() >= MIN_DAYS:
            key = known[:, j].tobytes() + b"".join(
                design.inputs[name][:, j].tobytes() for name in design.inputs)
            groups.setdefault(key, []).append(j)
    for products in groups.values():
        j0 = products[0]
        idx = np.flatnonzero(known[:, j0])
        out.first[products] = idx[0]
        a = _columns(design, out, j0, idx)
        beta = np.linalg.solve(a.T @ a + penalty, a.T @ y[np.ix_(idx, products)])
        out.beta[products] = beta.T
        out.parts.append((products, beta))
    return out


def _columns(design: Design, fit: Fit, product: int, days: np.ndarray) -> np.ndarray:
    """[days, k] the columns of one product on `days` as `fit` sees them (its trend 0 on the
    last known day, -1 on the product's first)."""
    x = np.column_stack([design.shared[days]] + [design.inputs[name][days, product]
                                                 for name in design.inputs])
    x[:, design.shared.shape[1] - 1] = (days - fit.last) / max(fit.last - int(fit.first[product]), 1)
    return x


def predict(design: Design, fit: Fit, rows: np.ndarray) -> np.ndarray:
    """[rows, product] forecasts of the fit, >= 0 (NaN for products with too little history)."""
    out = np.full((len(rows), fit.beta.shape[0]), np.nan)
    for products, beta in fit.parts:
        out[:, products] = _columns(design, fit, products[0], rows) @ beta
    return np.maximum(out, 0.0)  # NaN (too little history) stays NaN


class Additive(Member):
    """The additive model as a member: mixed into the blend (not chosen on its own), refitted
    every REFIT_DAYS in a forecast's warm-up and at its origin.

    Fitted: design_ (its columns on the panel days), fit_ (the last fit).
    """

    name = "additive"
    candidate = False
    mix = Mix(SHARE_GRID, SHARE_DEFAULT)

    def __init__(self, refit_every: int = REFIT_DAYS) -> None:
        self.refit_every = refit_every
        self.design_: Design | None = None
        self.fit_: Fit | None = None

    def refit_days(self, schedule: Schedule, days: np.ndarray) -> list[int]:
        """The schedule's blocks, every refit_every days in a forecast's warm-up."""
        return schedule.starts(self.refit_every)

    def fit(self, run: Run, origin: int, progress: Progress) -> bool:
        """Ridge regression per product on its open known days <= origin."""
        if origin < 0:
            return False
        if self.design_ is None:
            self.design_ = build_design(run.panel.dates, run.features, run.panel.exog)
        usable = ~run.panel.closed[:, None] & np.ones((1, run.y.shape[1]), dtype=bool)
        self.fit_ = fit(self.design_, run.y, usable, origin)
        return True

    def predict(self, run: Run, days: np.ndarray) -> np.ndarray:
        """The last fit's forecasts of `days`."""
        if self.fit_ is None or self.design_ is None:
            return np.full((len(days), run.y.shape[1]), np.nan)
        return predict(self.design_, self.fit_, days)

    def amounts(self, run: Run, day: int, product: int) -> dict[str, float]:
        """Its columns times its coefficients, by group (weekday level "baseline", trend
        "recent_level", yearly waves "season", an occasion's own days "occasion", the days around
        it "holiday", events, weather and inputs their groups); the clipping at 0 to "other"."""
        if self.fit_ is None or self.design_ is None or self.points_ is None:
            return super().amounts(run, day, product)
        x = row(self.design_, self.fit_, day, product)
        out: dict[str, float] = {}
        for group, amount in zip(column_groups(self.design_), x * self.fit_.beta[product],
                                 strict=True):
            out[group] = out.get(group, 0.0) + float(amount)
        out["other"] = out.get("other", 0.0) + float(self.points_[day, product]) - sum(out.values())
        return out
