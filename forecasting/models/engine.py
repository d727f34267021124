"""The shared core of backtests and forecasts: the demand estimate, scale, features and design of
one horizon (a Run), which every model of the run reads; the models themselves are in
member.py (the protocol), their own modules and members.py (the list).

A model refitted at day b is trained only on target days <= b - horizon, and a feature of day d
only uses sales up to d - horizon, so the forecast for d never sees d - horizon + 1 or later.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Protocol, TypeVar

import numpy as np
import pandas as pd

from calendars.features import FeatureTable
from forecasting.models import occasions
from forecasting.models.censoring import uncensor
from forecasting.models.frame import EXOG_COLUMNS, Panel
from forecasting.models.lags import LAG_GROUPS, clean_for_lags, lag_features, scale

WEEKDAY_GROUPS = {"weekday"}
T = TypeVar("T")


@dataclasses.dataclass
class Design:
    """The model matrix: rows are [day, product] flattened day-major; names and explanation groups.

    gates: column name -> [day] bool: a model fitted at origin t learns from that column only
    where gates[name][t] (a member's column that may not fit the shop: models/association.py).
    """

    matrix: np.ndarray
    names: list[str]
    groups: list[str]
    categorical: list[str]
    gates: dict[str, np.ndarray] = dataclasses.field(default_factory=dict)


class Model(Protocol):
    """A forecast the selection may choose and the explanations take apart: a member or the blend."""

    name: str
    candidate: bool  # chosen on its own by select.py (else only a part of the blend)
    special_days: bool  # knows occasions and promotions: alone on those days (special_cells)
    points_: np.ndarray | None  # [day, product] point forecasts (NaN: none); None: not fitted

    def scale(self, run: Run) -> np.ndarray:
        """[day, product] the typical amount its errors grow with (calibrate.spread)."""
        ...

    def amounts(self, run: Run, day: int, product: int) -> dict[str, float]:
        """Amounts by explanation group that sum to its point forecast for [day, product]."""
        ...


@dataclasses.dataclass
class Run:
    """What every model of one horizon shares ([day, product] arrays), and the models."""

    panel: Panel
    features: FeatureTable | None
    horizon: int
    y: np.ndarray  # demand used for training and errors (sell-outs raised, returns removed)
    s: np.ndarray  # typical amount for the weekday, known at the origin
    clean: np.ndarray  # y with one-off spikes capped (for levels, lags and ETS)
    borrowed: np.ndarray
    design: Design
    special: np.ndarray  # bool [day]: a short yearly occasion (occasions.py)
    match: np.ndarray  # per day the matching day of the occasion last time, or -1
    models: list[Model]  # in the order of the selection's fallback chain (members.py)
    errors: list[str] = dataclasses.field(default_factory=list)
    category_names: list[str] = dataclasses.field(default_factory=list)  # per product ("*": none)

    def find(self, kind: type[T]) -> T | None:
        """The run's model of this class, if it has one."""
        return next((m for m in self.models if isinstance(m, kind)), None)

    def named(self, name: str) -> Model | None:
        """The run's model called `name`, if it has one."""
        return next((m for m in self.models if m.name == name), None)


def calendar_matrix(features: FeatureTable | None, dates: pd.DatetimeIndex
                    ) -> tuple[np.ndarray, list[str], list[str]]:
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


def prepare(panel: Panel, features: FeatureTable | None, horizon: int,
            categories: np.ndarray | None, models: list[Model],
            category_names: Sequence[str] | None = None) -> Run:
    """Demand estimate, scale, features and design for one horizon (no model fitted yet).

    categories: per product the index of its category (scale borrows within it); category_names:
    per product its category's name, which the association's prior looks its effects up by."""
    y = uncensor(panel.y, panel.censored)
    clean = clean_for_lags(y)
    s, borrowed = scale(clean, horizon, categories)
    match = occasions.matches(features, panel.dates)
    feats = lag_features(y, panel.censored, s, horizon, panel.first, panel.dates[0].day_of_week,
                         match)
    design = build_design(panel, feats, calendar_matrix(features, panel.dates))
    names = [c or "*" for c in (category_names or [""] * len(panel.products))]
    # a member may add a column: (name, explanation group, [day, product], its gate [day] or None:
    # Design.gates)
    for model in models:
        column = getattr(model, "design_column", None)
        extra = column(panel, features, horizon, names, y, s) if column is not None else None
        if extra is not None:
            name, group, values, gate = extra
            gates = design.gates if gate is None else {**design.gates, name: gate}
            design = Design(np.column_stack([design.matrix, values.reshape(-1, 1)]).astype(
                np.float32), [*design.names, name], [*design.groups, group], design.categorical,
                gates)
    special = occasions.special_days(features, panel.dates)
    return Run(panel, features, horizon, y, s, clean, borrowed, design, special, match, models,
               category_names=names)


def special_cells(run: Run) -> np.ndarray:
    """bool [day, product]: special days (occasions) and a product's promotion days. A recent
    loss says little about them, and only a model that knows them (special_days: LightGBM; ETS
    and the naive forecasts see no calendar and no promotions) is used there."""
    cells = np.zeros(run.y.shape, dtype=bool)
    cells |= run.special[:, None]
    promo = run.panel.exog.get("promotion")
    if promo is not None:
        cells |= promo > 0
    return cells


def level_amounts(run: Run, point: float, day: int, col: int) -> dict[str, float]:
    """A forecast without parts of its own: "baseline" = s (the typical amount for that weekday)
    and "recent_level" = the rest."""
    s = run.s[day, col]
    base = float(s) if np.isfinite(s) else float(point)
    return {"baseline": base, "recent_level": float(point) - base}
