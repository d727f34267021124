"""Per product, pick the model whose calibrated quantiles had the lowest pinball loss recently.

Candidates: the run's models that are candidates (members.py: lgbm, blend, ets, seasonal_naive,
category_prior). The loss is the mean pinball loss at the selection levels, relative to the
product's scale, over the last WINDOW scored days known at the origin. Fallback chain when a
candidate has no forecast (fit failed, too little history): the order of members.py
(lgbm -> blend -> ets -> seasonal_naive -> category_prior), then 0. A starting point (the
association's prior) is chosen for a product where it has a forecast but no recent loss yet, and
for a young product while it fits the shop; for an established product never on its own.
"""

from __future__ import annotations

import numpy as np

from forecasting.models.calibrate import quantiles, relative_errors
from forecasting.models.engine import Run, special_cells
from forecasting.models.lags import rolling_mean, shift
from forecasting.models.member import Member
from forecasting.models.metrics import pinball
from forecasting.progress import Progress

WINDOW = 112
MIN_SCORED = 14
# a starting point (the association's prior) stands for a product until the product has this many
# days of its own (a full loss window): before, recent losses compare it with the shop's models on
# few days of a product whose level is still settling. Validation, 3-year shops / new shops /
# products younger than 8 weeks, four launches per shop (benchmarks/association.py --launches 4),
# windows 2023-10-02 .. 12-31 and 2024-10-02 .. 12-31: until MIN_SCORED scored days (before)
# -3.4 / -11.9 / -10.7 % and -4.0 / -13.8 / -11.4 %; 28 days -3.4 / -12.1 / -11.4 % and
# -4.1 / -13.9 / -12.3 %; 56 days -3.6 / -12.3 / -12.0 % and -4.1 / -14.2 / -12.5 %; 112 days
# -3.6 / -13.0 / -12.0 % and -4.1 / -14.6 / -12.5 %
STARTING_DAYS = WINDOW
# ... while the prior fits the shop: its recent losses over all the shop's products at most this
# many times those of the best of the shop's own models. A prior that does not fit (a bakery's
# from delis only, --other-kind, 2024 window) otherwise stood for the young products: young
# -0.8 % -> +7.2 % against without, new bakery b6 +2.3 % -> +17.2 %; a margin per product
# instead (1.2) still +1.2 % and cost the fitting prior 0.3-0.6 points, 1.5 +4.9 %. With this one:
# -0.6 %, b6 +2.3 % (as before), and the fitting prior's figures within 0.1 point of the 112 days
# above. The same test for a new product's first days and for the special days (the bakeries
# with a deli prior: three-year / new / young +0.3 / +1.8 / +3.1 % -> -0.3 / +0.0 / -0.8 %; the
# fitting prior alike)
STARTING_FIT = 1.1
# An established product (STARTING_DAYS of its own) is the shop's own models' (and the blend's,
# where the prior has its learned share): picking the prior for it on a lower recent loss chased
# noise. Real bakeries (benchmarks/association_launch_real.py), the established products' change
# with a prior: Kiel with its other groups' +1.0 % -> +0.5 %, Würzburg with Kiel's +0.4 % ->
# +0.2 %, the launched products unchanged; synthetic validation (2024, four launches) three-year
# / new / young -4.4 / -15.6 / -13.5 % -> -4.3 / -15.5 / -13.5 %

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
        known = model.distribution_quantiles(run, point, levels, rows)
        if known is not None:
            q = np.where(np.isfinite(known), known, q)
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


def own_days(run: Run) -> np.ndarray:
    """[day, product] the product's days with sales records known at the origin (d - horizon)."""
    counted = np.cumsum(np.isfinite(run.y), axis=0).astype(float)
    return np.nan_to_num(shift(counted, run.horizon), nan=0.0)


def fit_ratio(loss: np.ndarray, other: np.ndarray) -> np.ndarray:
    """[day] a model's recent losses summed over the products where it and `other` (the best of
    the shop's own models) have one, against other's (0 where there is nothing to compare yet)."""
    both = np.isfinite(loss) & np.isfinite(other)
    mine, theirs = np.where(both, loss, 0.0).sum(axis=1), np.where(both, other, 0.0).sum(axis=1)
    return np.divide(mine, theirs, out=np.zeros_like(mine), where=theirs > 0)


def _own_fit(run: Run, name: str) -> np.ndarray | bool:
    """[day, 1] the member's own fit test (Member.fits), True without one."""
    model = run.named(name)
    own = model.fits(run) if isinstance(model, Member) else None
    return True if own is None else own[:, None]


def select(
    run: Run, cands: dict[str, np.ndarray], levels: list[float]
) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """The chosen quantiles [day, product, level], the chosen model index [day, product] (-1:
    none had a forecast), names (calibrated's candidates in chain order)."""
    names = list(cands)
    losses = recent_losses(run, cands, levels)
    shape = run.y.shape
    best = np.full(shape, np.inf)
    own_best = np.full(shape, np.inf)  # the best of the shop's own models (no starting point)
    choice = np.full(shape, -1)
    starting = [getattr(run.named(name), "starting_point", False) for name in names]
    young = own_days(run) < STARTING_DAYS
    # a starting point's own test of whether it fits the shop (Member.fits; the association's
    # prior: its forecasts against the shop's weekday figures), [day, 1]
    own_fit = {name: _own_fit(run, name) for name, start in zip(names, starting, strict=True)
               if start}
    for i, name in enumerate(names):
        has = np.isfinite(cands[name][:, :, 0])
        loss = np.where(has, np.nan_to_num(losses[name], nan=np.inf), np.nan)
        # a starting point competes on recent losses for young products only (the note on
        # established products under STARTING_FIT), and only while it fits the shop
        better = has & (loss < best) & (young & own_fit[name] if starting[i] else True)
        best = np.where(better, loss, best)
        choice = np.where(better, i, choice)
        if not starting[i]:
            own_best = np.where(has & (loss < own_best), loss, own_best)
    # a starting point (the association's prior) stands for a product until its own recent
    # losses can be compared, and while the product is young; both only while it fits the shop
    fits = {name: (fit_ratio(losses[name], own_best) <= STARTING_FIT)[:, None] & own_fit[name]
            for name in own_fit}
    for i, name in enumerate(names):
        if starting[i]:
            has = np.isfinite(cands[name][:, :, 0])
            unproven = ~np.isfinite(losses[name])
            choice = np.where(has & fits[name] & (unproven | young), i, choice)
    # occasions and promotions are rare: a recent loss says little about them, and only a model
    # that knows them (special_days: LightGBM; the prior while it fits the shop) is used there
    cells = special_cells(run)
    for i, name in enumerate(names):
        model = run.named(name)
        if model is not None and model.special_days:
            has = np.isfinite(cands[name][:, :, 0]) & fits.get(name, True)
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
