"""The association's prior as a member of the blend (issue 18): s x the weighted mean of the
prior's shared models on the run's portable columns (forecasting/association/portable.py).

Nothing to fit: the prior's models were trained by the other shops. Its share in the blend is
learned per day from the shop's own recent errors, as the other members' shares are (grid from
0: a shop whose own models do better leaves it out). A product with little history gets s from
its category (lags.scale), so the prior is its starting point as well.
"""

from __future__ import annotations

import numpy as np

from forecasting.association.portable import portable_matrix
from forecasting.association.prior import Prior
from forecasting.models.engine import Run, special_cells
from forecasting.models.lgbm import MAX_RATIO, predict
from forecasting.models.member import Member, Mix
from forecasting.progress import Progress

SHARE_GRID = (0.0, 0.2, 0.4, 0.6)
SHARE_DEFAULT = 0.4


def _own_cells(run: Run, days: np.ndarray) -> np.ndarray:
    """bool [len(days), product]: special and promotion cells the shop's own models know: a
    product's promotion day, or an occasion the shop sold on last time (known at the origin;
    its LightGBM is global, so a new product gets what the shop's other products did then).
    The prior is the starting point only for occasions the shop has not seen."""
    cells = special_cells(run)[days]
    last = run.match[days]
    seen = (last >= 0) & (last <= days - run.horizon)
    seen[seen] = np.isfinite(run.y[last[seen]]).any(axis=1)
    promo = run.panel.exog.get("promotion")
    promoted = (promo[days] > 0) if promo is not None else np.zeros_like(cells)
    return cells & (seen[:, None] | promoted)


class AssociationPrior(Member):
    """The prior's models as a member (none without a prior: members.new leaves it out)."""

    name = "association"
    candidate = True  # chosen on its own where its recent errors are the lowest (select.py)
    # on a special day it stands alone, but it forecasts only the occasions a product has not
    # seen yet (predict): the others stay with the shop's own LightGBM
    special_days = True
    mix = Mix(SHARE_GRID, SHARE_DEFAULT)
    takes_prior = True

    def __init__(self, prior: Prior | None = None) -> None:
        self.prior = prior

    def fit(self, run: Run, origin: int, progress: Progress) -> bool:
        """Nothing to learn from this shop; False without a prior."""
        return self.prior is not None and bool(self.prior.boosters)

    def predict(self, run: Run, days: np.ndarray) -> np.ndarray:
        """s x the prior's weighted mean ratio for the target `days`."""
        assert self.prior is not None
        p = run.y.shape[1]
        rows = (days[:, None] * p + np.arange(p)[None, :]).reshape(-1)
        total = np.zeros(len(rows))
        matrices: dict[tuple[str, ...], np.ndarray] = {}
        for booster, weight in zip(self.prior.boosters, self.prior.weights, strict=True):
            key = tuple(booster.feature_name())
            if key not in matrices:
                matrices[key] = portable_matrix(run, booster, rows)
            total += weight * np.clip(predict(booster, matrices[key]), 0.0, MAX_RATIO)
        ratio = (total / self.prior.weights.sum()).reshape(len(days), p)
        out = ratio * run.s[days]
        age_ok = days[:, None] >= run.panel.first[None, :]
        out = np.where(age_ok & np.isfinite(run.s[days]), out, np.nan)
        return np.where(_own_cells(run, days), np.nan, out)

    def amounts(self, run: Run, day: int, product: int) -> dict[str, float]:
        """"baseline" = s, and what the association's experience adds or takes ("association")."""
        out = super().amounts(run, day, product)
        return {"baseline": out["baseline"], "association": out["recent_level"]}
