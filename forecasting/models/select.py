"""Per product, pick the model whose calibrated quantiles had the lowest pinball loss recently.

Candidates: the run's models that are candidates (members.py: lgbm, blend, ets, seasonal_naive,
category_prior). The loss is the mean pinball loss at the selection levels, relative to the
product's scale, over the last WINDOW scored days known at the origin. Fallback chain when a
candidate has no forecast (fit failed, too little history): the order of members.py
(lgbm -> blend -> ets -> seasonal_naive -> category_prior), then 0. A starting point (the
association's prior) is chosen for a product where it has a forecast but no recent loss yet.
"""

from __future__ import annotations

import numpy as np

from forecasting.models.calibrate import quantiles, relative_errors
from forecasting.models.engine import Run, special_cells
from forecasting.models.lags import rolling_mean, shift
from forecasting.models.metrics import pinball
from forecasting.progress import Progress

WINDOW = 112
MIN_SCORED = 14
SELECTION_LEVELS = (0.5, 0.7, 0.9)


def calibrated(run: Run, levels: list[float], rows: np.ndarray,
               progress: Progress | None = None) -> dict[str, np.ndarray]:
    """Each candidate's [day, product, level] quantiles on `rows` (bool [day]), in chain order.

    progress: told before each candidate ("forecast.calibrate", 0..1 over the candidates).
    """
    out = {}
    candidates = [m for m in run.models if m.candidate]
    for k, model in enumerate(candidates):
        point = model.points_
        if point is None:
            continue
        if progress is not None:
            progress.report(k / len(candidates), "forecast.calibrate")
        # where last time's miss scaled LightGBM up (a product's big day), its spread scales too
        s = model.scale(run)
        r = relative_errors(run.y, point, s)
        q = quantiles(point, s, r, levels, run.horizon, rows=rows)
        q[~np.isfinite(point)] = np.nan
        out[model.name] = q
    return out


def _selection_columns(levels: list[float]) -> list[int]:
    return [int(np.argmin(np.abs(np.asarray(levels) - t))) for t in SELECTION_LEVELS]


def recent_losses(run: Run, cands: dict[str, np.ndarray], levels: list[float]) -> dict[str, np.ndarray]:
    """[day, product] mean relative pinball loss of each candidate over its last WINDOW days."""
    cols = _selection_columns(levels)
    floor = np.fmax(run.s, 0.5)
    out = {}
    for name, q in cands.items():
        loss = np.zeros(run.y.shape)
        for k in cols:
            loss += pinball(run.y, q[:, :, k], levels[k]) / floor
        loss = np.where(np.isfinite(loss), loss / len(cols), np.nan)
        out[name] = shift(rolling_mean(loss, WINDOW, MIN_SCORED), run.horizon)
    return out


def select(
    run: Run, cands: dict[str, np.ndarray], levels: list[float]
) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """The chosen quantiles [day, product, level], the chosen model index [day, product] (-1:
    none had a forecast), names (calibrated's candidates in chain order)."""
    names = list(cands)
    losses = recent_losses(run, cands, levels)
    shape = run.y.shape
    best = np.full(shape, np.inf)
    choice = np.full(shape, -1)
    for i, name in enumerate(names):
        has = np.isfinite(cands[name][:, :, 0])
        loss = np.where(has, np.nan_to_num(losses[name], nan=np.inf), np.nan)
        better = has & (loss < best)
        best = np.where(better, loss, best)
        choice = np.where(better, i, choice)
    # a starting point (the association's prior) stands for a product until its own recent
    # losses can be compared
    for i, name in enumerate(names):
        model = run.named(name)
        if model is not None and getattr(model, "starting_point", False):
            has = np.isfinite(cands[name][:, :, 0])
            choice = np.where(has & ~np.isfinite(losses[name]), i, choice)
    # occasions and promotions are rare: a recent loss says little about them, and only a model
    # that knows them (special_days: LightGBM) is used there
    cells = special_cells(run)
    for i, name in enumerate(names):
        model = run.named(name)
        if model is not None and model.special_days:
            has = np.isfinite(cands[name][:, :, 0])
            choice = np.where(cells & has, i, choice)
    # no recent losses yet: first candidate in the chain that has a forecast
    for i, name in enumerate(names):
        has = np.isfinite(cands[name][:, :, 0])
        choice = np.where((choice < 0) & has, i, choice)
    final = np.zeros((*shape, len(levels)))
    for i, name in enumerate(names):
        pick = choice == i
        final[pick] = cands[name][pick]
    return final, choice, names
