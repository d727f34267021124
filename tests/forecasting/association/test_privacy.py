"""No shop-day quantity can be read back from a contribution or from a prior of three
(docs/privacy.md describes the attack and its result).

The attacker here knows far more than anyone who gets the file: every feature of every day of the
shop (its calendar and all lags, i.e. all sales but the one day attacked) and the product's usual
amount s for that day. From the file they take the model's ratio and multiply by s. A model that
memorised its training days gives the day's quantity back exactly (the positive control below:
same attack, same rows, a LightGBM model with leaves of one day); ours must not, beyond what a
forecast from s alone already guesses.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from forecasting.association import shared_model
from forecasting.association.portable import portable_columns, portable_matrix
from forecasting.association.prior import Prior, build_prior
from forecasting.models import engine, lgbm
from forecasting.models.frame import build_panel
from tests.forecasting.association.conftest import UNTIL

MEMORISE = {"min_data_in_leaf": 1, "min_sum_hessian_in_leaf": 0.0, "num_leaves": 255,
            "learning_rate": 0.5, "bagging_fraction": 1.0, "feature_fraction": 1.0,
            "lambda_l2": 0.0, "max_bin": 255}


def _known(member):
    """The attacker's knowledge of the shop: the run on its sales before UNTIL."""
    sales = member.sales[member.sales["date"] < pd.Timestamp(UNTIL)]
    panel = build_panel(sales)
    categories = [member.categories.get(p, "") or "*" for p in panel.products]
    names = sorted(set(categories))
    run = engine.prepare(panel, member.features, 1,
                         np.array([names.index(c) for c in categories]), [], categories)
    rows = lgbm.train_rows(run, run.y.shape[0] - 1)
    return run, rows


def _hits(guess: np.ndarray, sold: np.ndarray) -> float:
    """The share of product-days whose quantity the guess gives exactly."""
    return float((np.round(guess) == sold).mean())


def _attack(boosters, weights, run, rows) -> np.ndarray:
    ratio = sum(w * lgbm.predict(b, portable_matrix(run, b, rows)) for b, w in
                zip(boosters, weights, strict=True)) / sum(weights)
    return ratio * run.s.reshape(-1)[rows]


@pytest.mark.slow
def test_no_quantity_can_be_read_back_from_a_contribution(members, contributions) -> None:
    for member, bundle in zip(members, contributions, strict=True):
        run, rows = _known(member)
        sold = run.y.reshape(-1)[rows]
        prior = Prior.from_bundle(bundle)
        ours = _hits(_attack(prior.boosters, [1.0], run, rows), sold)
        from_s = _hits(run.s.reshape(-1)[rows], sold)
        print(f"{member.shop.name}: exact {ours:.3f} (s alone {from_s:.3f})")
        assert ours < from_s + 0.05  # ours gives back no more than a guess from s
        if member is members[0]:
            cols = portable_columns(run)
            names = [run.design.names[k] for k in cols]
            leaky = lgbm.fit(run.design.matrix[np.ix_(rows, cols)],
                             sold / run.s.reshape(-1)[rows], np.ones(len(rows)), names, [],
                             num_trees=150, params=MEMORISE)
            control = _hits(_attack([leaky], [1.0], run, rows), sold)
            print(f"memorising model: exact {control:.3f}")
            assert control > 0.5  # the attack works on a model that keeps single days


@pytest.mark.slow
def test_no_quantity_can_be_read_back_from_a_prior_of_three(members, contributions) -> None:
    prior = Prior.from_bundle(build_prior(contributions))
    for member in members:
        run, rows = _known(member)
        sold = run.y.reshape(-1)[rows]
        ours = _hits(_attack(prior.boosters, prior.weights, run, rows), sold)
        from_s = _hits(run.s.reshape(-1)[rows], sold)
        print(f"{member.shop.name}: prior exact {ours:.3f} (s alone {from_s:.3f})")
        assert ours < from_s + 0.05


@pytest.mark.slow
def test_no_quantity_can_be_read_back_from_a_distilled_prior(members, contributions) -> None:
    # the one model that large priors hold instead of their members (distil.py); made here from
    # three, so every member weighs a third
    prior = Prior.from_bundle(build_prior(contributions, distilled=True))
    assert len(prior.boosters) == 1
    for member in members:
        run, rows = _known(member)
        sold = run.y.reshape(-1)[rows]
        ours = _hits(_attack(prior.boosters, prior.weights, run, rows), sold)
        from_s = _hits(run.s.reshape(-1)[rows], sold)
        print(f"{member.shop.name}: distilled prior exact {ours:.3f} (s alone {from_s:.3f})")
        assert ours < from_s + 0.05


def _shared_attack(model: dict, run, rows) -> np.ndarray:
    """The shared effects model's guess of each product-day: the product's level, which the
    attacker knows exactly (all its sales, divided by the model's effects on those days), times
    the model's effects of the day."""
    n, p = run.y.shape
    x_days = shared_model.design(run.features, run.panel.dates)
    promo = run.panel.exog.get("promotion")
    guess = np.full((n, p), np.nan)
    for j, cat in enumerate(run.category_names):
        effect = shared_model.product_effect(model, cat, x_days, promo, j)
        known = np.isfinite(run.y[:, j])
        guess[:, j] = np.nansum(run.y[:, j]) / effect[known].sum() * effect
    return guess.reshape(-1)[rows]


@pytest.mark.slow
def test_no_quantity_can_be_read_back_from_the_shared_effects(members, contributions) -> None:
    # the shared effects model (shared_model.py): at most a few dozen log-ratios per category,
    # each resting on at least MIN_CELL product-days; the attacker is even given each product's
    # exact level, which the file does not hold
    pooled = shared_model.pool([b.effects["shared_model"] for b in contributions])
    for member, bundle in zip(members, contributions, strict=True):
        run, rows = _known(member)
        sold = run.y.reshape(-1)[rows]
        from_s = _hits(run.s.reshape(-1)[rows], sold)
        own = _hits(_shared_attack(bundle.effects["shared_model"], run, rows), sold)
        prior = _hits(_shared_attack(pooled, run, rows), sold)
        print(f"{member.shop.name}: shared effects exact {own:.3f}, prior of three {prior:.3f} "
              f"(s alone {from_s:.3f})")
        assert own < from_s + 0.05
        assert prior < from_s + 0.05
