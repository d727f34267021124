"""A prior of many contributions is one model that predicts what its members predict on average
(forecasting/association/distil.py), so a forecast with it costs what one model costs."""

from __future__ import annotations

import json

import numpy as np
import pytest

from forecasting.association import files
from forecasting.association.contribution import facts_of, manifest_text
from forecasting.association.distil import DISTIL_ABOVE, member_mean
from forecasting.association.portable import portable_matrix
from forecasting.association.prior import Prior, build_prior
from forecasting.models import engine
from forecasting.models.frame import build_panel

COUNT = DISTIL_ABOVE + 1  # just enough to be distilled (13)


@pytest.fixture(scope="module")
def many(contributions):
    """COUNT contributions: the second and third shop's, taken in turns (the first shop's rows
    stay unseen: neither its model nor its sales go into the prior)."""
    return [contributions[1 + i % 2] for i in range(COUNT)]


@pytest.fixture(scope="module")
def distilled(many):
    return build_prior(many)


def _rows_of(member):
    """The portable design rows of a shop that is not in the prior (every usable product-day)."""
    panel = build_panel(member.sales)
    cats = [member.categories.get(p, "") for p in panel.products]
    names = sorted(set(cats))
    run = engine.prepare(panel, member.features, 1, np.array([names.index(c) for c in cats]), [])
    ok = np.isfinite(run.s) & (run.s > 0) & ~panel.closed[:, None]
    return run, np.flatnonzero(ok.reshape(-1))


def test_many_models_become_one_close_to_their_weighted_mean(members, many, distilled) -> None:
    assert len(distilled.models) == 1  # the old build kept all COUNT side by side
    side_by_side = Prior.from_bundle(build_prior(many, distilled=False))
    assert len(side_by_side.boosters) == COUNT
    one = Prior.from_bundle(distilled)
    run, rows = _rows_of(members[0])  # held out: a shop whose rows no model has seen
    booster = one.boosters[0]
    x = portable_matrix(run, booster, rows)
    exact = member_mean(side_by_side.boosters, side_by_side.weights, booster.feature_name(), x)
    got = np.clip(booster.predict(x, num_threads=1), 0.0, 4.0)
    gap = np.abs(got - exact).mean() / exact.mean()
    bias = (got - exact).mean() / exact.mean()
    print(f"held-out rows {len(rows)}: mean |gap| {gap:.4f}, bias {bias:+.4f}")
    assert gap < 0.03  # within 3 % of the members' mean on average
    assert abs(bias) < 0.015  # measured: +0.9 %
    # special days too (the prior stands alone on occasions a shop has not seen)
    special = engine.special_cells(run).reshape(-1)[rows]
    assert special.sum() > 100
    assert np.abs(got - exact)[special].mean() / exact[special].mean() < 0.06
    recorded = distilled.manifest["distilled"]
    assert recorded["models"] == COUNT
    assert 0 <= recorded["gap"] < 0.03


def test_the_distilled_prior_says_what_it_holds(many, distilled, tmp_path) -> None:
    path = tmp_path / "many.bkprior"
    files.write(distilled, path)
    read = files.read(path, "prior")
    manifest = json.loads(json.dumps(read.manifest))
    assert manifest["shops"] == COUNT
    assert manifest["states"] == sorted({c.manifest["state"] for c in many})
    assert manifest["model_weights"] == [1.0]
    for lang in ("de", "en"):
        assert manifest["text"][lang] == manifest_text(read, lang)
    facts = facts_of(read)
    de = manifest["text"]["de"]
    assert f"ein LightGBM-Modell (Textformat, {facts['trees']} Bäume)" in de
    assert f"verdichtet aus den {COUNT} Modellen der Beiträge" in de
    assert "mindestens 200 Produkt-Tage" in de  # the members' leaves
    assert "nicht an Verkäufen" in de
    assert f"condensed from the {COUNT} models" in manifest["text"]["en"]
    assert "keine Angabe, welche Läden beigetragen haben" in de
    assert path.stat().st_size < 2_000_000


def test_a_prior_with_its_models_side_by_side_still_loads(many, tmp_path) -> None:
    old = build_prior(many, distilled=False)  # as every prior was written before distilling
    path = tmp_path / "old.bkprior"
    files.write(old, path)
    prior = Prior.from_bundle(files.read(path, "prior"))
    assert len(prior.boosters) == COUNT
    assert "distilled" not in prior.manifest
