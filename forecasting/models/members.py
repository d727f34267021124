"""The models of a run, in the order of the selection's fallback chain (select.py), and fitting
them all. Adding a model: a Member subclass in a module of its own (member.py), and one line in
MODELS; its class attributes say whether it is a candidate of its own and how it enters the blend.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from forecasting.association.prior import Prior
from forecasting.models.additive import Additive
from forecasting.models.association import AssociationPrior
from forecasting.models.blend import Blend
from forecasting.models.engine import Model, Run
from forecasting.models.ets import Ets
from forecasting.models.lgbm import LightGbm
from forecasting.models.member import Member, Schedule, fit_member
from forecasting.models.naive import CategoryPrior, SeasonalNaive
from forecasting.progress import Progress

MODELS: list[Callable[[], Model]] = [
    LightGbm,
    Blend,
    Ets,
    Additive,
    AssociationPrior,
    SeasonalNaive,
    CategoryPrior,
]


def new(prior: Prior | None = None) -> list[Model]:
    """A fresh instance of every model (none fitted); a member that takes the association's
    prior (`takes_prior`) only when there is one."""
    out: list[Model] = []
    for make in MODELS:
        if getattr(make, "takes_prior", False):
            if prior is not None:
                out.append(make(prior=prior))  # type: ignore[call-arg]
        else:
            out.append(make())
    return out


def fit_models(run: Run, targets: np.ndarray, schedule: Schedule,
               phase: Callable[[str], Progress] | None = None) -> None:
    """Fit every member of the run over the target days (bool [day]), then the blend.

    phase: the progress of a member's phase (Member.phase), told before it starts.
    """
    for model in run.models:
        if isinstance(model, Member):
            progress = phase(model.phase) if phase is not None and model.phase else None
            fit_member(run, model, targets, schedule, progress)
    for model in run.models:
        if isinstance(model, Blend):
            model.combine(run)
