"""The protocol of a forecasting member: fitted on what is known at an origin, it forecasts the
target days after it and explains one forecast as amounts by group.

A member is a class in its own module (lgbm.py, ets.py, additive.py, naive.py) named in
members.py; constructor arguments are kept as given, the fitted state has a trailing underscore
(scikit-learn's naming). `fit_member` runs one over the target days, refitting it block by block
as the Schedule says, so the forecast for day d only uses what was known at d - horizon.
"""

from __future__ import annotations

import abc
import dataclasses

import numpy as np

from forecasting.models.engine import Run, level_amounts
from forecasting.progress import NullProgress, PartProgress, Progress


@dataclasses.dataclass(frozen=True)
class Schedule:
    """When members refit: the first days of the blocks of target days (a block runs to the next).

    A backtest refits every `every` days from `start` up to `stop`; a forecast (`origin` set)
    fits at `start` for the warm-up days, whose errors calibrate it, and at `origin`, the first
    day after the sales, for the days asked for.
    """

    start: int
    stop: int = 0
    every: int | None = None
    origin: int | None = None

    @classmethod
    def backtest(cls, start: int, stop: int, every: int) -> Schedule:
        """Refit every `every` days from `start` (target days before `stop`)."""
        return cls(start, stop, every=every)

    @classmethod
    def forecast(cls, start: int, origin: int) -> Schedule:
        """Fit for the warm-up from `start` and for the forecast days from `origin`."""
        return cls(start, origin, origin=origin)

    def starts(self, often: int | None = None) -> list[int]:
        """The blocks' first days; `often`: a cheap member's refit interval in a forecast's
        warm-up (a backtest keeps its own interval)."""
        if self.origin is None:
            return list(range(self.start, self.stop, self.every or 1))
        step = often or max(self.origin - self.start, 1)
        return [*range(self.start, self.origin, step), self.origin]


@dataclasses.dataclass(frozen=True)
class Mix:
    """How a member enters the blend (blend.py). The `base` member is where the blend starts; each
    other one is mixed in, in the order of members.py, with a share per day learned from the
    shop's recent errors over `grid` (`default` until enough days are known). Where a `required`
    member has no forecast, neither has the blend; where another one has none, the blend goes
    without it."""

    grid: tuple[float, ...] = ()
    default: float = 0.5
    required: bool = False
    base: bool = False


class Member(abc.ABC):
    """A forecasting model of the run (see the module docstring); subclasses set `name` and
    implement fit and predict, and may say how they explain, scale, refit and blend."""

    name: str = ""
    candidate: bool = True  # chosen on its own by select.py
    special_days: bool = False  # knows occasions and promotions (engine.special_cells)
    # chosen for a product where it has a forecast but too few scored days of its own yet to be
    # compared (select.py): the starting point for new products
    starting_point: bool = False
    phase: str | None = None  # its progress phase in forecaster.PHASES
    mix: Mix | None = None  # how it enters the blend; None: not at all
    points_: np.ndarray | None = None  # [day, product], set by fit_member

    @abc.abstractmethod
    def fit(self, run: Run, origin: int, progress: Progress) -> bool:
        """Fit on what is known at `origin` (days <= origin); False: nothing could be fitted, the
        block stays without forecasts. progress: 0..1 over this fit."""

    @abc.abstractmethod
    def predict(self, run: Run, days: np.ndarray) -> np.ndarray:
        """[len(days), product] point forecasts of the target `days` (ascending, all after the
        fit's origin), each as made at d - horizon."""

    def amounts(self, run: Run, day: int, product: int) -> dict[str, float]:
        """Amounts by group that sum to its point forecast (here: baseline and recent level)."""
        point = np.nan if self.points_ is None else self.points_[day, product]
        return level_amounts(run, 0.0 if not np.isfinite(point) else float(point), day, product)

    def scale(self, run: Run) -> np.ndarray:
        """[day, product] the typical amount its errors grow with (here: s)."""
        return run.s

    def distribution_quantiles(self, run: Run, point: np.ndarray, levels: list[float],
                               rows: np.ndarray) -> np.ndarray | None:
        """[day, product, level] quantiles from what the member knows of the demand's spread,
        where they stand in for the calibration's (NaN elsewhere; None: calibrate everywhere)."""
        return None

    def share_factor(self, run: Run) -> np.ndarray | None:
        """[day, product] a factor on its learned blend share (None: the share as learned)."""
        return None

    def fits(self, run: Run) -> np.ndarray | None:
        """[day] whether it fits the shop by a test of its own (a starting point's, read by
        select.py; None: no such test)."""
        return None

    def days(self, run: Run, targets: np.ndarray) -> np.ndarray:
        """bool [day]: the days it forecasts (here: the target days)."""
        return targets

    def refit_days(self, schedule: Schedule, days: np.ndarray) -> list[int]:
        """The first days of its blocks, ascending (here: the schedule's)."""
        return schedule.starts()


def fit_member(run: Run, member: Member, targets: np.ndarray, schedule: Schedule,
               progress: Progress | None = None) -> None:
    """Fit `member` block by block and keep its forecasts of the target days in `points_`.

    progress: 0..1 over the blocks (each fit reports within its block's part).
    """
    progress = progress or NullProgress()
    n, p = run.y.shape
    out = np.full((n, p), np.nan)
    days = np.flatnonzero(member.days(run, targets))
    starts = member.refit_days(schedule, days) if days.size else []
    for i, b in enumerate(starts):
        end = starts[i + 1] if i + 1 < len(starts) else n
        block = days[(days >= b) & (days < end)]
        if block.size == 0:
            continue
        part = PartProgress(progress, i / len(starts), (i + 1) / len(starts))
        if member.fit(run, b - run.horizon, part):
            out[block] = member.predict(run, block)
    member.points_ = out
