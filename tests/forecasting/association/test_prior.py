"""The prior combines contributions, and the forecast uses it as one more member of the blend."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from forecasting.association import shared_model
from forecasting.association.contribution import ShopHistory, build_contribution
from forecasting.association.prior import Prior, build_prior
from forecasting.errors import UserError
from forecasting.models import engine, members
from forecasting.models.association import (
    COLUMN,
    OWN_MAX_DAYS,
    SEEN_OWN,
    AssociationPrior,
    prior_weight,
    seen_counts,
)
from forecasting.models.blend import Blend
from forecasting.models.frame import build_panel
from forecasting.models.lgbm import LightGbm
from forecasting.models.member import Schedule
from forecasting.models.select import (
    MIN_SCORED,
    STARTING_DAYS,
    calibrated,
    own_days,
    select,
)
from tests.forecasting.association.conftest import UNTIL


def test_the_prior_says_how_many_shops_and_which_states_never_which(contributions) -> None:
    prior = build_prior(contributions)
    assert prior.manifest["shops"] == 3
    assert prior.manifest["states"] == ["BY", "NI", "NW"]
    assert len(prior.models) == 3
    assert "3 Beiträgen" in prior.manifest["text"]["de"]
    assert "BY, NI, NW" in prior.manifest["text"]["en"]
    assert "keine Angabe, welche Läden beigetragen haben" in prior.manifest["text"]["de"]


def test_effects_are_pooled_with_weights_by_history_length(contributions) -> None:
    prior = build_prior(contributions)
    weeks = [c.manifest["history_weeks"] for c in contributions]
    cells = [c.effects["categories"].get("Brot", {}).get("calendar", {}).get("holiday_eve")
             for c in contributions]
    pairs = [(w, c) for w, c in zip(weeks, cells, strict=True) if c]
    assert len(pairs) >= 2  # both bakeries have it
    expect = sum(w * c["ratio"] for w, c in pairs) / sum(w for w, _ in pairs)
    pooled = prior.effects["categories"]["Brot"]["calendar"]["holiday_eve"]
    assert pooled["ratio"] == pytest.approx(expect, abs=1e-4)
    assert pooled["n"] == sum(c["n"] for _, c in pairs)
    assert pooled["shops"] == len(pairs)


def test_no_contributions_no_prior() -> None:
    with pytest.raises(UserError) as caught:
        build_prior([])
    assert caught.value.code == "association.no_contributions"


def _run(member, prior, since: str = "2022-01-01"):
    sales = member.sales[(member.sales["date"] < pd.Timestamp("2025-05-01"))
                         & (member.sales["date"] >= pd.Timestamp(since))]
    panel = build_panel(sales)
    categories = [member.categories.get(p, "") for p in panel.products]
    names = sorted(set(categories))
    run = engine.prepare(panel, member.features, 1, np.array([names.index(c) for c in categories]),
                         members.new(prior), categories)
    start = panel.day_index(pd.Timestamp(UNTIL))
    targets = np.zeros(panel.n_days, dtype=bool)
    targets[start - 168 :] = True
    targets &= ~panel.closed
    members.fit_models(run, targets, Schedule.backtest(start - 168, panel.n_days, 28))
    return run, start


def test_without_a_prior_the_members_are_the_old_ones() -> None:
    assert [m.name for m in members.new()] == ["lgbm", "blend", "ets", "additive",
                                                "seasonal_naive", "category_prior"]


def test_the_prior_is_mixed_into_the_blend_with_a_learned_share(members, contributions) -> None:
    member = members[0]
    others = build_prior(contributions[1:])  # the prior of the *other* shops
    # ten months of sales: on the usual days of older products the shop's own models stand alone
    run, start = _run(member, Prior.from_bundle(others), since="2024-07-01")
    prior_member = run.find(AssociationPrior)
    assert prior_member is not None
    assert prior_member.points_ is not None
    known = np.isfinite(prior_member.points_[start:]) & np.isfinite(run.y[start:])
    assert known.mean() > 0.5
    error = np.abs(prior_member.points_[start:][known] - run.y[start:][known]).sum()
    assert error / run.y[start:][known].sum() < 0.5  # a forecast, not noise
    share = run.find(Blend).shares_["association"][start:]
    usual = ~engine.special_cells(run)[start:]
    # the learned share (0 .. 0.6) shrunk by the product's own history (OWN_DAYS)
    factor = prior_member.share_factor(run)[start:]
    learned = np.round(share[usual] / factor[usual], 6)
    assert set(np.unique(learned)) <= {0.0, 0.2, 0.4, 0.6}
    assert set(np.unique(share[~usual])) <= {0.0, 1.0}  # alone, or not, on special days


def test_the_more_own_history_the_less_the_prior_on_usual_days(members, contributions) -> None:
    run, start = _run(members[0], Prior.from_bundle(build_prior(contributions[1:])))
    factor = run.find(AssociationPrior).share_factor(run)
    age = np.arange(run.y.shape[0])[:, None] - run.panel.first[None, :]
    young, old = (age >= 0) & (age < 30), age > 700
    assert young.any()
    assert old.any()
    assert factor[young].min() > 0.9
    assert factor[old].max() < 0.35  # three years of own sales: a third of the learned share
    # the shared effects model forecasts the usual days of old products too (with the small
    # share above) ...
    points = run.find(AssociationPrior).points_
    usual = ~run.special[:, None] & np.isfinite(run.y) & (age > OWN_MAX_DAYS)
    usual[:start] = False
    assert usual.any()
    assert np.isfinite(points[usual]).mean() > 0.9
    # ... a prior of LightGBM ratio models only (made before it) leaves them to the shop
    bundle = build_prior(contributions[1:])
    bundle.effects.pop("shared_model")
    run, start = _run(members[0], Prior.from_bundle(bundle))
    points = run.find(AssociationPrior).points_
    assert not np.isfinite(points[usual]).any()


def test_a_useless_prior_gets_no_share(members, contributions) -> None:
    import lightgbm as lgb

    names = Prior.from_bundle(contributions[1]).boosters[0].feature_name()
    rng = np.random.default_rng(0)
    x = rng.normal(size=(300, len(names)))
    useless = lgb.train({"objective": "l2", "verbose": -1, "num_threads": 1, "min_data_in_leaf": 200},
                        lgb.Dataset(x, label=np.full(300, 3.0), feature_name=names),
                        num_boost_round=5)
    prior = Prior([useless], np.ones(1), {}, {})
    run, start = _run(members[0], prior, since="2024-07-01")
    share = run.find(Blend).shares_["association"][start:]
    cells = ~np.isnan(run.y[start:]) & ~engine.special_cells(run)[start:]
    assert (share[cells] == 0.0).mean() > 0.95  # three times the usual amount: left out


def test_on_special_days_the_prior_stands_in_only_for_occasions_not_seen(members,
                                                                         contributions) -> None:
    run, start = _run(members[0], Prior.from_bundle(build_prior(contributions[1:])),
                      since="2024-07-01")
    points = run.find(AssociationPrior).points_[start:]
    days = np.arange(start, run.y.shape[0])
    special = run.special[start:]
    assert special.any()
    seen = (run.match[days] >= 0) & (run.match[days] <= days - 1)
    seen[seen] = np.isfinite(run.y[run.match[days][seen]]).any(axis=1)
    # a three-year shop has seen its occasions: the prior leaves them to the shop's LightGBM
    assert not np.isfinite(points[special & seen]).any()
    assert np.isfinite(points[~special]).mean() > 0.5


def test_a_new_shop_forecast_leans_on_the_prior(members, contributions) -> None:
    from forecasting.models.forecaster import forecast

    member = members[0]
    sales = member.sales
    sales = sales[(sales["date"] >= pd.Timestamp("2025-03-03"))
                  & (sales["date"] < pd.Timestamp("2025-05-01"))]  # eight weeks of sales
    days = [pd.Timestamp("2025-05-02").date()]
    prior = Prior.from_bundle(build_prior(contributions[1:]))
    without = forecast(sales, member.features, days, levels=(0.5, 0.7, 0.9))
    with_prior = forecast(sales, member.features, days, levels=(0.5, 0.7, 0.9), prior=prior)
    assert list(without.quantiles["product"]) == list(with_prior.quantiles["product"])
    assert not np.allclose(without.quantiles["q0.5"], with_prior.quantiles["q0.5"])
    # the reasons say where the association's experience moved a forecast
    assert "association" in set(with_prior.contributions["group"])
    assert "association" not in set(without.contributions["group"])
    sums = with_prior.contributions.groupby(["product", "date"])["amount"].sum()
    medians = with_prior.quantiles.set_index(["product", "date"])["q0.5"]
    assert np.allclose(sums.reindex(medians.index), medians, atol=1e-6)


def test_the_reason_reads_erfahrung_des_verbands() -> None:
    from forecasting.policy.explain_text import step_text
    from forecasting.policy.explanation import Step

    step = Step("association", {}, 8.0)
    assert step_text(step, 8.0, "de") == "Erfahrung des Verbands +8"
    assert step_text(step, 8.0, "en") == "the association's experience +8"


def _new_shop(member, first: str, last: str):
    """The member's sales from `first` to `last` only: a new shop."""
    sales = member.sales
    return sales[(sales["date"] >= pd.Timestamp(first)) & (sales["date"] <= pd.Timestamp(last))]


def test_occasions_seen_fewer_than_twice_start_from_the_prior(members) -> None:
    member = members[0]
    three_years = engine.prepare(build_panel(member.sales[member.sales["date"]
                                                          < pd.Timestamp("2025-01-01")]),
                                 member.features, 1, None, [])
    eve = three_years.panel.day_index(pd.Timestamp("2024-12-24"))
    assert seen_counts(three_years, np.array([eve]))[0] >= 2  # Christmas Eve 2022 and 2023
    new = engine.prepare(build_panel(_new_shop(member, "2024-11-01", "2024-12-31")),
                         member.features, 1, None, [])
    eve = new.panel.day_index(pd.Timestamp("2024-12-24"))
    assert seen_counts(new, np.array([eve]))[0] == 0
    usual = new.panel.day_index(pd.Timestamp("2024-12-10"))
    assert seen_counts(new, np.array([usual]))[0] == -1
    # the shop's own model takes over as it sees the occasion, by SEEN_OWN
    weights = prior_weight(np.array([0, 1, 2, 5]))
    assert weights[0] == 1.0
    assert weights[-1] == 0.0
    assert (np.diff(weights) <= 0).all()
    assert prior_weight(np.array([SEEN_OWN]))[0] == 0.0


def test_a_new_shops_special_day_names_the_associations_experience(members,
                                                                   contributions) -> None:
    from forecasting.models.forecaster import forecast
    from forecasting.policy.day_context import day_params
    from forecasting.policy.explain_text import step_text
    from forecasting.policy.explanation import Step

    member = members[0]
    sales = _new_shop(member, "2025-03-31", "2025-05-27")  # eight weeks, then Ascension's eve
    day = pd.Timestamp("2025-05-28").date()
    prior = Prior.from_bundle(build_prior(contributions[1:]))
    texts = {}
    for label, used in (("without", None), ("with", prior)):
        result = forecast(sales, member.features, [day], levels=(0.5, 0.7, 0.9), prior=used)
        parts = result.contributions
        params = day_params(day, features=member.features)
        texts[label] = {step_text(Step(g, params.get(g, {}), a), a, lang)
                        for g, a in zip(parts["group"], parts["amount"], strict=True)
                        if g == "association" and abs(a) >= 0.5 for lang in ("de", "en")}
    assert texts["without"] == set()
    assert any(t.startswith("Erfahrung des Verbands: Tag vor Christi Himmelfahrt ")
               for t in texts["with"]), texts["with"]
    assert any(t.startswith("the association's experience: day before Ascension Day ")
               for t in texts["with"]), texts["with"]


def test_the_named_reason_reads_erfahrung_des_verbands_brueckentag() -> None:
    from forecasting.policy.explain_text import step_text
    from forecasting.policy.explanation import Step

    step = Step("association", {"names": {"de": "Brückentag", "en": "bridge day"}}, 8.0)
    assert step_text(step, 8.0, "de") == "Erfahrung des Verbands: Brückentag +8"
    assert step_text(step, 8.0, "en") == "the association's experience: bridge day +8"


def test_the_shop_gets_the_priors_forecast_as_a_column_of_its_lightgbm(members,
                                                                   contributions) -> None:
    prior = Prior.from_bundle(build_prior(contributions[1:]))
    run, _start = _run(members[0], prior)
    assert run.design.names[-1] == COLUMN
    assert run.design.groups[-1] == "association"  # its part of a forecast: the association's
    values = run.design.matrix[:, -1].reshape(run.y.shape)
    # the shared model's forecast (level x effect, from the past only) against the scale s
    forecast = shared_model.forecast(
        prior.effects["shared_model"], run.y, run.panel.closed,
        shared_model.design(run.features, run.panel.dates), run.panel.exog.get("promotion"),
        run.category_names, np.arange(run.y.shape[0]), 1)
    with np.errstate(divide="ignore", invalid="ignore"):
        expected = np.log(forecast / run.s)
    np.testing.assert_allclose(values, np.where(np.isfinite(expected), expected, np.nan),
                               rtol=1e-5, atol=1e-6)
    assert np.isfinite(values[60:]).mean() > 0.9  # none before a product's first week
    assert np.nanstd(values) > 0.05  # it says something about the days
    booster = run.find(LightGbm).booster_
    used = dict(zip(booster.feature_name(), booster.feature_importance(), strict=True))
    assert used[COLUMN] > 0
    new, _start = _run(members[0], prior, since="2025-01-06")  # a shop of 8 weeks, too
    assert new.design.names[-1] == COLUMN
    own, _start = _run(members[0], None)
    assert COLUMN not in own.design.names


def test_a_prior_whose_effects_are_not_the_shops_gets_no_column_and_no_share(members) -> None:
    shop = members[0]
    # the shop's own sales three days later: its Saturday shape falls on Tuesday, its holidays
    # on other days, as another region's or another trade's shop would have them
    moved = shop.sales.assign(date=shop.sales["date"] + pd.Timedelta(days=3))
    wrong = build_contribution(ShopHistory(moved, shop.features, shop.shop.state,
                                           shop.categories), UNTIL)
    run, start = _run(shop, Prior.from_bundle(build_prior([wrong])))
    member = run.find(AssociationPrior)
    fits = member.fits_
    assert fits[:MIN_SCORED].all()  # too little to compare yet: the prior is given its chance
    assert not fits[start - 168 :].any()  # then its misses are far above the shop's own figures
    assert run.design.names[-1] == COLUMN
    np.testing.assert_array_equal(run.design.gates[COLUMN], fits)
    booster = run.find(LightGbm).booster_  # fitted at the last origin, where it does not fit
    used = dict(zip(booster.feature_name(), booster.feature_importance(), strict=True))
    assert used[COLUMN] == 0
    assert (member.share_factor(run)[~fits] == 0).all()
    share = run.find(Blend).shares_["association"][start:]
    usual = np.isfinite(run.y[start:]) & ~engine.special_cells(run)[start:]
    assert (share[usual] == 0).all()
    new, start = _run(shop, Prior.from_bundle(build_prior([wrong])), since="2025-01-06")
    levels = [0.5, 0.7, 0.9]
    _final, choice, names = select(new, calibrated(new, levels, ~new.panel.closed), levels)
    assert (own_days(new)[start:] < STARTING_DAYS).mean() > 0.9  # young: the prior's to stand for
    assert not (choice[start:] == names.index("association")).any()  # but it does not fit

    right = build_contribution(ShopHistory(shop.sales, shop.features, shop.shop.state,
                                           shop.categories), UNTIL)
    run, start = _run(shop, Prior.from_bundle(build_prior([right])))
    assert run.find(AssociationPrior).fits_[start - 168 :].all()
    booster = run.find(LightGbm).booster_
    assert dict(zip(booster.feature_name(), booster.feature_importance(), strict=True))[COLUMN] > 0
