"""The blend of the members that have a Mix (member.py): it starts from the base member's forecast
(ETS) and mixes in each other one, in the order of members.py, with a share per day learned from
the shop's recent errors: share x member + (1 - share) x the blend so far (today LightGBM with
0.2..0.8, then the additive model with 0.25 / 0.5 / 0.75). On special days and promotion days
(engine.special_cells) the member that knows them (LightGBM) stands alone.
"""

from __future__ import annotations

import numpy as np

from forecasting.models.engine import Run, special_cells
from forecasting.models.lags import rolling_mean, shift
from forecasting.models.member import Member, Mix

WINDOW = 112
MIN_DAYS = 28


class Blend:
    """The blend as a candidate of the selection. Fitted: points_, shares_ (member name ->
    [day, product] its share where it was mixed in, in mixing order)."""

    name = "blend"
    candidate = True
    special_days = False

    def __init__(self) -> None:
        self.points_: np.ndarray | None = None
        self.shares_: dict[str, np.ndarray] = {}

    @staticmethod
    def parts(run: Run) -> list[tuple[Member, Mix, np.ndarray]]:
        """(member, its Mix, its forecasts): the base, then the members mixed in after it, in
        order; empty when the base or a required member has no forecasts."""
        fitted = []
        for m in run.models:
            if isinstance(m, Member) and m.mix is not None:
                if m.points_ is None:
                    if m.mix.required:
                        return []
                    continue
                fitted.append((m, m.mix, m.points_))
        base = next((part for part in fitted if part[1].base), None)
        return [] if base is None else [base, *[part for part in fitted if part is not base]]

    def combine(self, run: Run) -> None:
        """The blend's forecasts from its members' (none without the base or a required member)."""
        self.points_, self.shares_ = None, {}
        parts = self.parts(run)
        if not parts:
            return
        cells = special_cells(run)
        p = run.y.shape[1]
        blend = parts[0][2]
        for member, mix, a in parts[1:]:
            share = learned_share(run, a, blend, mix.grid, mix.default, cells)
            share = np.repeat(share[:, None], p, axis=1)
            factor = member.share_factor(run)
            if factor is not None:
                share = share * factor
            share[cells] = 1.0 if member.special_days else 0.0
            if not mix.required:
                share = np.where(np.isfinite(a), share, 0.0)
                a = np.nan_to_num(a)
            blend = share * a + (1 - share) * blend
            self.shares_[member.name] = share
        self.points_ = blend

    def weights(self, run: Run, day: int, product: int) -> dict[str, float]:
        """Each member's weight in the blend's forecast for [day, product]; a member whose own
        share there is 0 is left out (it may have no forecast there)."""
        parts = self.parts(run)
        out = {parts[0][0].name: 1.0} if parts else {}
        for member, _mix, _points in parts[1:]:
            share = float(self.shares_[member.name][day, product])
            out = {name: w * (1 - share) for name, w in out.items()}
            if share > 0:
                out[member.name] = share
        return out

    def scale(self, run: Run) -> np.ndarray:
        """The scale of the member that stands alone on special days (its factor is 1 elsewhere)."""
        return next((m.scale(run) for m, _mix, _points in self.parts(run) if m.special_days),
                    run.s)

    def distribution_quantiles(self, run: Run, point: np.ndarray, levels: list[float],
                               rows: np.ndarray) -> np.ndarray | None:
        """None: the blend's quantiles are calibrated from its recent errors."""
        return None

    def amounts(self, run: Run, day: int, product: int) -> dict[str, float]:
        """The members' amounts, weighted by their weights, in the order of members.py."""
        weights = self.weights(run, day, product)
        out: dict[str, float] = {}
        for model in run.models:
            if model.name in weights:
                w = weights[model.name]
                for group, amount in model.amounts(run, day, product).items():
                    out[group] = out.get(group, 0.0) + w * amount
        return out


def learned_share(run: Run, a: np.ndarray, b: np.ndarray, grid: tuple[float, ...], default: float,
                  skip: np.ndarray) -> np.ndarray:
    """a's share in share x a + (1 - share) x b per day: of `grid`, the one with the least
    absolute error over all products in the last WINDOW days known at the origin (`default`
    before that; the cells in `skip`, special and promotion days, left out).

    Pooled over the shop's products, so the share rests on many product-days, not on one
    product's noisy few months.
    """
    ok = np.isfinite(a) & np.isfinite(b) & np.isfinite(run.y) & ~skip
    losses = []
    for w in grid:
        err = np.where(ok, np.abs(run.y - (w * a + (1 - w) * b)), 0.0).sum(axis=1)
        days = np.where(ok.any(axis=1), err, np.nan)
        losses.append(shift(rolling_mean(days[:, None], WINDOW, MIN_DAYS), run.horizon)[:, 0])
    table = np.column_stack(losses)
    known = np.isfinite(table).all(axis=1)
    best = np.asarray(grid)[np.argmin(np.where(known[:, None], table, 0.0), axis=1)]
    return np.where(known, best, default)
