"""Distilling a prior's many models into one, so a forecast with a prior of hundreds of shops
costs about what it costs with a few (issue 18: the backtest with a prior at most 1.5x the time
without).

The members' own training rows are not shared, so the rows the one model learns from are made
up: the design rows (portable columns, forecasting/association/portable.py) of a few synthetic
shops from the demo generator, in the Bundesländer the contributions come from and over the
year before the latest contribution's end, so the calendar, the weather and the scale-free lags
take the values and combinations real shops have. Only these rows' features are used; their
target is what the members predict for them (the weighted mean of their clipped ratios, as
forecasting/models/association.py averages them), never the synthetic sales. A fifth of the
rows is repeated without weather (what a shop without weather data passes, portable_matrix).

With many members each row's target is the mean of SAMPLED_MEMBERS members drawn by weight (an
unbiased estimate of the weighted mean; the one model's leaves average many rows, so the
sampling noise averages out), which keeps the build time bounded. Held-out rows are scored
against the exact weighted mean of all members, and the manifest records that gap.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from forecasting.association.portable import named_columns
from forecasting.models import engine, lgbm
from forecasting.models.frame import build_panel

if TYPE_CHECKING:
    from lightgbm import Booster

DISTIL_ABOVE = 12  # a prior of more models than this is distilled; up to it they stay side by side
SAMPLED_MEMBERS = 16  # members averaged per design row (all of them if there are no more)
DESIGN_SHOPS = 6
DESIGN_WEEKS = 60  # sales weeks per synthetic shop (the first weeks: young products, a new shop)
DESIGN_STEP = 3  # every 3rd catalogue product
HELD_OUT = 500  # design rows kept back to score the distilled model against all members
NO_WEATHER_SHARE = 0.2
WEATHER = ("cal_temperature", "cal_temperature_max", "cal_precipitation", "cal_sunshine",
           "cal_weather_is_typical")
NUM_TREES = 300
PARAMS: dict[str, Any] = {"num_leaves": 31, "learning_rate": 0.1, "min_data_in_leaf": 50,
                          "feature_fraction": 1.0, "bagging_fraction": 1.0, "bagging_freq": 0,
                          "lambda_l2": 0.0, "max_bin": 255}
SEED = 18


@dataclasses.dataclass(frozen=True)
class Distilled:
    """The one model (LightGBM text) and how it was made (for the manifest)."""

    model: str
    models: int
    rows: int
    gap: float  # mean |distilled - members' weighted mean| / mean of the latter, held-out rows


def design_rows(states: Sequence[str], end: dt.date, names: Sequence[str]) -> np.ndarray:
    """float32 [row, len(names)]: the portable design rows of DESIGN_SHOPS synthetic shops
    (bakeries and delis, `states` in turn) over DESIGN_WEEKS before `end`, in the order of
    `names`; a column a design lacks is 0 for a calendar column and NaN otherwise (as
    portable_matrix fills it for a shop)."""
    from forecasting.demo.association import MemberShop, simulate_member

    parts = []
    for k in range(DESIGN_SHOPS):
        shop = MemberShop(f"design{k}", ("bakery", "deli")[k % 2], states[k % len(states)],
                          1.0, DESIGN_STEP, (k // 2) % DESIGN_STEP, DESIGN_WEEKS, 9_000 + k)
        member = simulate_member(shop, end)
        panel = build_panel(member.sales)
        cats = [member.categories.get(p, "") for p in panel.products]
        index = np.array([sorted(set(cats)).index(c) for c in cats])
        run = engine.prepare(panel, member.features, 1, index, [])
        n = run.y.shape[0]
        ok = np.isfinite(run.s) & (run.s > 0) & ~panel.closed[:, None]
        ok &= np.arange(n)[:, None] >= panel.first[None, :]
        parts.append(named_columns(run, names, np.flatnonzero(ok.reshape(-1))))
    return np.concatenate(parts)


def _without_weather(matrix: np.ndarray, names: Sequence[str],
                     rng: np.random.Generator) -> np.ndarray:
    """A share of the rows again, with the weather columns as a shop without weather has them."""
    pick = rng.choice(len(matrix), size=int(NO_WEATHER_SHARE * len(matrix)), replace=False)
    extra = matrix[pick].copy()
    for j, name in enumerate(names):
        if name in WEATHER:
            extra[:, j] = 0.0
    return np.concatenate([matrix, extra])


def _columns(booster: Booster, names: Sequence[str]) -> list[int]:
    """The design columns of a member's features, in its order."""
    where = {name: k for k, name in enumerate(names)}
    return [where[name] for name in booster.feature_name()]


def member_mean(boosters: Sequence[Booster], weights: np.ndarray, names: Sequence[str],
                matrix: np.ndarray, draws: np.ndarray | None = None) -> np.ndarray:
    """Per row the members' mean clipped ratio: weighted over all members (draws None), or the
    plain mean over the members drawn for it (draws: int [row, k], members drawn by weight)."""
    total = np.zeros(len(matrix))
    if draws is None:
        for booster, w in zip(boosters, weights, strict=True):
            total += w * _predict(booster, matrix[:, _columns(booster, names)])
        return total / float(np.sum(weights))
    k = draws.shape[1]
    flat_rows = np.repeat(np.arange(len(matrix)), k)
    flat_members = draws.reshape(-1)
    order = np.argsort(flat_members, kind="stable")
    bounds = np.searchsorted(flat_members[order], np.arange(len(boosters) + 1))
    for j, booster in enumerate(boosters):
        rows = flat_rows[order[bounds[j]:bounds[j + 1]]]
        if rows.size:
            np.add.at(total, rows, _predict(booster, matrix[np.ix_(rows, _columns(booster,
                                                                                   names))]))
    return total / k


def _predict(booster: Booster, rows: np.ndarray) -> np.ndarray:
    """A member's ratio, clipped as the forecast clips it."""
    return np.clip(lgbm.predict(booster, rows), 0.0, lgbm.MAX_RATIO)


def feature_names(boosters: Sequence[Booster]) -> list[str]:
    """The members' features together, in the order they first appear."""
    out: dict[str, None] = {}
    for booster in boosters:
        out.update(dict.fromkeys(booster.feature_name()))
    return list(out)


def distil(models: Sequence[str], weights: Sequence[float], states: Sequence[str],
           end: dt.date) -> Distilled:
    """One LightGBM model that predicts what the members (text models, with their weights)
    predict on average, learned on synthetic design rows (see the module's docstring)."""
    import lightgbm as lgb

    boosters = [lgb.Booster(model_str=text) for text in models]
    w = np.asarray(weights, dtype=float)
    names = feature_names(boosters)
    rng = np.random.default_rng(SEED)
    matrix = _without_weather(design_rows(list(states) or ["NW"], end, names), names, rng)
    rng.shuffle(matrix)
    held, train = matrix[:HELD_OUT], matrix[HELD_OUT:]
    draws = None
    if len(boosters) > SAMPLED_MEMBERS:
        draws = rng.choice(len(boosters), size=(len(train), SAMPLED_MEMBERS), p=w / w.sum())
    target = member_mean(boosters, w, names, train, draws)
    student = lgbm.fit(train, target, np.ones(len(train)), names, [], num_trees=NUM_TREES,
                       params=PARAMS)
    exact = member_mean(boosters, w, names, held)
    gap = float(np.abs(_predict(student, held) - exact).mean() / max(exact.mean(), 1e-9))
    return Distilled(str(student.model_to_string()), len(boosters), len(train), gap)
