"""The public forecasting API: quantiles per product and day, with additive explanations.

`forecast(sales, features, dates)` trains on everything in `sales` (strictly before the first
forecast day's origin), forecasts each requested day at its horizon (days after the last sales
day), calibrates quantiles on recent out-of-sample errors, chooses the model per product, and
explains each median as amounts by group that add up exactly to it. See docs/forecasting.md.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from calendars.features import FeatureTable
from forecasting.association.prior import Prior
from forecasting.models import engine, members
from forecasting.models.explain import explain
from forecasting.models.frame import Panel, build_panel
from forecasting.models.lgbm import LightGbm
from forecasting.models.member import Schedule
from forecasting.models.select import calibrated, select
from forecasting.progress import NullProgress, PartProgress, Progress
from forecasting.schema import quantile_column

if TYPE_CHECKING:
    from lightgbm import Booster

DEFAULT_LEVELS: tuple[float, ...] = (
    *(round(0.05 * k, 2) for k in range(1, 20)),
    0.975,
    0.99,
)
WARMUP_DAYS = 140
THIN_HISTORY_DAYS = 56
# Where one horizon's time goes, as parts of its progress. Measured on the full demo bakery (1
# horizon) and deli (2 and 6 horizons) on a shared 2-core machine, 2026-12, after calibration went
# to numpy: features 3-6 %, LightGBM 31-53 %, ETS with the additive model 26-61 % (the more, the
# busier the machine: numpy's BLAS threads then wait for each other), calibration 5-10 %, choice
# and explanations 1 %.
PHASES: dict[str, tuple[float, float]] = {
    "forecast.features": (0.0, 0.05),
    "forecast.lightgbm": (0.05, 0.50),
    "forecast.ets": (0.50, 0.90),
    "forecast.calibrate": (0.90, 0.99),
    "forecast.models": (0.99, 1.0),
}


@dataclasses.dataclass
class ForecastResult:
    """Forecasts for products x days.

    quantiles: product, date, and one column per level ("q0.05", ..., "q0.99"); monotone, >= 0.
    contributions: product, date, group, amount; per (product, date) the amounts sum to q0.5.
        "baseline" comes first (the product's typical amount for that weekday), then calendar
        groups (FeatureTable labels), then "occasion", "recent_level", "sellouts", "promotion",
        "other".
    model: product -> model used for its first forecast day ("lgbm", "ets", "blend",
        "seasonal_naive", "category_prior": the candidates of members.py).
    notes: index product; thin_history (bool), history_days (int), borrowed_from (category or "").
    """

    quantiles: pd.DataFrame
    contributions: pd.DataFrame
    model: pd.Series
    notes: pd.DataFrame


def _calendar_groups(features: FeatureTable | None) -> list[str]:
    if features is None:
        return []
    groups: list[str] = []
    for col in features.frame.columns:
        label = features.labels.get(col)
        group = getattr(label, "group", "other")
        group = "baseline" if group in engine.WEEKDAY_GROUPS else group
        if group not in groups:
            groups.append(group)
    return groups


def _horizons(dates: list[dt.date], last: pd.Timestamp) -> dict[int, list[pd.Timestamp]]:
    out: dict[int, list[pd.Timestamp]] = {}
    for d in sorted({pd.Timestamp(x).normalize() for x in dates}):
        out.setdefault(max(1, int((d - last).days)), []).append(d)
    return out


def forecast(
    sales: pd.DataFrame,
    features: FeatureTable | None,
    dates: list[dt.date],
    *,
    levels: Sequence[float] = DEFAULT_LEVELS,
    products: Sequence[Any] | None = None,
    progress: Progress | None = None,
    saved: dict[int, Booster] | None = None,
    fitted: dict[int, Booster] | None = None,
    promotions: pd.DataFrame | None = None,
    prior: Prior | None = None,
) -> ForecastResult:
    """Quantile forecasts and explanations for `dates` (see ForecastResult).

    promotions: (product, date) rows of the shop's one-product promotions (frame.build_panel).
    saved: horizon -> LightGBM booster trained on exactly this history (reused, not refitted);
    fitted: if given, receives horizon -> the final booster (for saving in the shop file).
    prior: the association's prior, one more member of the blend (models/association.py).
    """
    progress = progress or NullProgress()
    levels = sorted({float(x) for x in levels} | {0.5})
    names, categories = _products(sales, products)
    last = pd.Timestamp(sales["date"].max()).normalize() if len(sales) else pd.Timestamp(min(dates))
    groups = _calendar_groups(features)
    by_h = _horizons(dates, last)
    until = max(max(v) for v in by_h.values())
    panel = build_panel(sales, until=until, products=names, promotions=promotions)
    cat_names = sorted(set(categories.values()))
    cat_index = np.array([cat_names.index(categories[p]) for p in names])
    q_rows: list[pd.DataFrame] = []
    c_rows: list[dict[str, object]] = []
    first_model: dict[str, str] = {}
    borrowed_any = np.zeros(len(names), dtype=bool)
    for i, (h, days) in enumerate(sorted(by_h.items())):
        part = PartProgress(progress, i / len(by_h), (i + 1) / len(by_h))
        run, final, choice, model_names = _run_horizon(
            panel, features, h, days, levels, cat_index, (saved or {}).get(h), progress=part,
            prior=prior, category_names=[categories[p] for p in panel.products])
        lightgbm = run.find(LightGbm)
        if fitted is not None and lightgbm is not None and lightgbm.booster_ is not None:
            fitted[h] = lightgbm.booster_
        for d in days:
            t = panel.day_index(d)
            block = np.nan_to_num(final[t], nan=0.0)
            frame = pd.DataFrame(block, columns=[quantile_column(x) for x in levels])
            frame.insert(0, "date", d)
            frame.insert(0, "product", names)
            q_rows.append(frame)
            median = frame[quantile_column(0.5)].to_numpy()
            for j, name in enumerate(names):
                # none had a forecast: the end of the chain (its quantiles are 0)
                model = model_names[choice[t, j] if choice[t, j] >= 0 else -1]
                first_model.setdefault(name, model)
                borrowed_any[j] |= bool(run.borrowed[t, j])
                for group, amount in explain(run, model, t, j, float(median[j]), groups):
                    c_rows.append({"product": name, "date": d, "group": group, "amount": amount})
    progress.report(1.0, "forecast.done")
    quantiles = pd.concat(q_rows, ignore_index=True)
    contributions = pd.DataFrame(c_rows, columns=["product", "date", "group", "amount"])
    model = pd.Series(first_model, name="model").reindex(names)
    notes = _notes(panel, names, categories, borrowed_any)
    return ForecastResult(quantiles, contributions, model, notes)


def _phase(progress: Progress, code: str) -> PartProgress:
    """Progress for one phase of a horizon (see PHASES); raises if the user cancelled."""
    if progress.cancelled():
        raise InterruptedError("forecast cancelled")
    start, end = PHASES[code]
    progress.report(start, code)
    return PartProgress(progress, start, end)


def _run_horizon(panel: Panel, features: FeatureTable | None, h: int, days: list[pd.Timestamp],
                 levels: list[float], cat_index: np.ndarray, booster: Booster | None = None, *,
                 progress: Progress | None = None, prior: Prior | None = None,
                 category_names: list[str] | None = None,
                 ) -> tuple[engine.Run, np.ndarray, np.ndarray, list[str]]:
    """Warm-up forecasts (for calibration and model choice) and the final ones at horizon h."""
    progress = progress or NullProgress()
    n = panel.n_days
    first_day = panel.day_index(days[0])
    origin_next = first_day - h + 1  # first day not known at the origin
    warm = max(origin_next - WARMUP_DAYS, 0)
    targets = np.zeros(n, dtype=bool)
    targets[warm:origin_next] = True
    targets &= ~panel.closed
    for d in days:
        targets[panel.day_index(d)] = True
    _phase(progress, "forecast.features")
    run = engine.prepare(panel, features, h, cat_index, members.new(prior), category_names)
    lightgbm = run.find(LightGbm)
    if booster is not None and lightgbm is not None:
        lightgbm.preset[origin_next - h] = booster  # the saved final model, for its origin
    members.fit_models(run, targets, Schedule.forecast(warm, origin_next),
                       phase=lambda code: _phase(progress, code))
    cands = calibrated(run, levels, targets, _phase(progress, "forecast.calibrate"))
    _phase(progress, "forecast.models")
    final, choice, names = select(run, cands, levels)
    return run, final, choice, names


def _products(sales: pd.DataFrame, products: Sequence[Any] | None) -> tuple[list[str], dict[str, str]]:
    if products is None:
        names = sorted(str(p) for p in sales["product"].unique())
        return names, dict.fromkeys(names, "")
    return [p.name for p in products], {p.name: p.category or "" for p in products}


def _notes(panel: Panel, names: list[str], categories: dict[str, str], borrowed: np.ndarray) -> pd.DataFrame:
    history = np.isfinite(panel.y).sum(axis=0).astype(int)
    return pd.DataFrame(
        {
            "thin_history": history < THIN_HISTORY_DAYS,
            "history_days": history,
            "borrowed_from": [categories[n] or "*" if b else "" for n, b in zip(names, borrowed, strict=True)],
        },
        index=pd.Index(names, name="product"),
    )
