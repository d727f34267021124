"""Per-product model choice from recent pinball loss, and the fallback chain."""

from __future__ import annotations

import datetime as dt

import numpy as np

from forecasting.association.prior import Prior
from forecasting.models import engine, members
from forecasting.models.association import AssociationPrior
from forecasting.models.blend import Blend
from forecasting.models.frame import Panel, build_panel
from forecasting.models.lgbm import SHARE_DEFAULT, SHARE_GRID
from forecasting.models.member import Member, Schedule, fit_member
from forecasting.models.select import MIN_SCORED, STARTING_DAYS, calibrated, own_days, select


def run_with_points(panel: Panel, features, points: dict[str, np.ndarray]) -> engine.Run:
    """A run whose members named in `points` forecast these (give_points)."""
    run = engine.prepare(panel, features, 1, None, members.new())
    give_points(run, panel, points)
    return run


def give_points(run: engine.Run, panel: Panel, points: dict[str, np.ndarray]) -> None:
    """The members named in `points` forecast these; the other members that need no fitting
    (the naive ones) fitted; the others unfitted."""
    for model in run.models:
        if model.name in points:
            model.points_ = points[model.name]
        elif model.name in ("seasonal_naive", "category_prior"):
            assert isinstance(model, Member)
            fit_member(run, model, ~panel.closed, Schedule.backtest(0, panel.n_days, 14))


def run_with_association(panel: Panel, features, prior: Prior | None = None) -> engine.Run:
    """A run of the members and the association's prior (after ETS, as members.new places it)."""
    models = members.new()
    models.insert(models.index(next(m for m in models if m.name == "seasonal_naive")),
                  AssociationPrior(prior))
    return engine.prepare(panel, features, 1, None, models)


def launched_on_day_100(make_sales) -> tuple[Panel, np.ndarray, engine.Run]:
    """(panel, true demand, run with the association) of 330 days whose p0 is new on day 100."""
    sales = make_sales(days=330)
    launch = sales["date"].min() + dt.timedelta(days=100)
    panel = build_panel(sales[(sales["product"] != "p0") | (sales["date"] >= launch)])
    assert panel.first[0] == 100
    truth = np.where(np.isfinite(panel.y), panel.y, 0.0)
    return panel, truth, run_with_association(panel, None)


def test_choice_prefers_the_better_model_and_falls_back(make_sales) -> None:
    sales = make_sales(days=200)
    panel = build_panel(sales)
    truth = np.where(np.isfinite(panel.y), panel.y, 0.0)
    lgbm = truth + 0.5  # almost perfect
    lgbm[:, 2] = np.nan  # no LightGBM forecast for product 2: fallback chain
    run = run_with_points(panel, None, {"lgbm": lgbm, "ets": truth * 1.5})
    targets = ~panel.closed
    levels = [0.5, 0.7, 0.9]
    final, choice, names = select(run, calibrated(run, levels, targets), levels)
    assert names == ["lgbm", "ets", "seasonal_naive", "category_prior"]  # no blend combined
    t = panel.day_index(dt.date(2025, 7, 1))
    assert names[choice[t, 0]] == "lgbm"
    assert names[choice[t, 2]] != "lgbm"
    assert np.isfinite(final[t]).all()


def test_special_days_go_to_lightgbm_the_only_model_that_knows_the_calendar(
    make_sales, features_nw
) -> None:
    sales = make_sales(days=200)
    panel = build_panel(sales)
    truth = np.where(np.isfinite(panel.y), panel.y, 0.0)
    # ETS better on usual days
    run = run_with_points(panel, features_nw, {"ets": truth + 0.5, "lgbm": truth * 1.5})
    blend = run.find(Blend)
    assert blend is not None
    blend.combine(run)
    levels = [0.5, 0.7, 0.9]
    cands = calibrated(run, levels, ~panel.closed)
    _final, choice, names = select(run, cands, levels)
    easter_monday = panel.day_index(dt.date(2025, 4, 21))
    usual = panel.day_index(dt.date(2025, 7, 2))
    assert run.special[easter_monday]
    assert not run.special[usual]
    assert names[choice[usual, 0]] == "ets"
    assert names[choice[easter_monday, 0]] == "lgbm"
    # the blend is LightGBM alone on special days
    lgbm = run.named("lgbm")
    assert lgbm is not None
    assert lgbm.points_ is not None
    assert blend.points_ is not None
    assert blend.points_[easter_monday, 0] == lgbm.points_[easter_monday, 0]
    assert blend.points_[usual, 0] != lgbm.points_[usual, 0]


def test_blend_weight_follows_the_model_that_was_closer_lately(make_sales) -> None:
    sales = make_sales(days=200)
    panel = build_panel(sales)
    truth = np.where(np.isfinite(panel.y), panel.y, 0.0)
    rng = np.random.default_rng(3)
    good = truth + rng.normal(0, 1, truth.shape)
    bad = truth + rng.normal(0, 8, truth.shape)
    switch = 120  # ETS is the better one until this day, LightGBM from then on
    early = np.arange(len(truth))[:, None] < switch
    points = {"lgbm": np.where(early, bad, good), "ets": np.where(early, good, bad)}
    run = run_with_points(panel, None, points)
    blend = run.find(Blend)
    assert blend is not None
    blend.combine(run)
    weights = blend.shares_["lgbm"][:, 0].copy()
    assert weights[10] == SHARE_DEFAULT  # too few days to judge
    assert weights[110] == min(SHARE_GRID)
    assert weights[199] == max(SHARE_GRID)
    # the weight of day d rests on errors known at its origin only
    points["lgbm"][150:] = 1e6
    blend.combine(run)
    np.testing.assert_array_equal(blend.shares_["lgbm"][:151, 0], weights[:151])


def test_the_association_is_the_starting_point_until_its_losses_can_be_compared(
    make_sales,
) -> None:
    sales = make_sales(days=200)
    panel = build_panel(sales)
    truth = np.where(np.isfinite(panel.y), panel.y, 0.0)
    start = 150  # the prior has forecasts of product 0 from here on (a new product's first week)
    run = run_with_association(panel, None)
    rng = np.random.default_rng(5)
    points = {"lgbm": truth + rng.normal(0, 3, truth.shape),
              "ets": truth + rng.normal(0, 6, truth.shape)}
    for good in (True, False):
        association = np.full(truth.shape, np.nan)
        association[start:, 0] = truth[start:, 0] + rng.normal(0, 0.3 if good else 12,
                                                               len(truth) - start)
        give_points(run, panel, {**points, "association": association})
        levels = [0.5, 0.7, 0.9]
        _final, choice, names = select(run, calibrated(run, levels, ~panel.closed), levels)
        open_days = np.flatnonzero(~panel.closed)
        first_days = open_days[(open_days >= start)][:MIN_SCORED]
        later = open_days[-10:]
        # not yet comparable: the prior stands for the product, good or bad
        assert all(names[choice[t, 0]] == "association" for t in first_days)
        # comparable: the product had 150 days of its own before the prior's first forecast, so
        # it is established and the shop's own models', however well the prior did lately
        chosen_later = {names[choice[t, 0]] for t in later}
        assert chosen_later == {"lgbm"}
        # the other products, without a prior forecast, are not affected
        assert all(names[choice[t, 1]] != "association" for t in open_days)


def test_the_association_stands_for_a_young_product_while_it_fits_the_shop(
    make_sales,
) -> None:
    panel, truth, run = launched_on_day_100(make_sales)
    rng = np.random.default_rng(7)
    lgbm = truth * (1 + rng.normal(0, 0.1, truth.shape))
    levels = [0.5, 0.7, 0.9]
    open_days = np.flatnonzero(~panel.closed)
    days = own_days(run)[:, 0]
    young = open_days[(days[open_days] >= 2 * MIN_SCORED) & (days[open_days] < STARTING_DAYS)]
    grown = open_days[days[open_days] >= STARTING_DAYS + 20]
    first = open_days[open_days >= 100][:MIN_SCORED]  # no loss of its own on the product yet
    assert len(young) > 50
    assert len(grown) > 20
    # the prior fits the shop (better than its LightGBM on the other products, a little worse on
    # the new one), and it does not (far worse on every product)
    for fits, noise in ((True, [0.11, 0.03, 0.03]), (False, [0.5, 0.5, 0.5])):
        association = truth * (1 + rng.normal(0, 1, truth.shape) * np.array(noise))
        association[:100, 0] = np.nan  # from the new product's first day
        give_points(run, panel, {"lgbm": lgbm, "association": association})
        _final, choice, names = select(run, calibrated(run, levels, ~panel.closed), levels)
        chosen_first = {names[choice[t, 0]] for t in first}
        chosen_young = [names[choice[t, 0]] for t in young]
        chosen_grown = {names[choice[t, 0]] for t in grown}
        if fits:  # the new product's own recent losses do not count while it is young ...
            assert chosen_first == {"association"}
            assert set(chosen_young) == {"association"}
            assert "lgbm" in chosen_grown  # ... then they do
        else:  # the shop's own model from the first day: the others' losses tell it
            assert chosen_first == {"lgbm"}
            assert chosen_young.count("lgbm") > 0.9 * len(young)
            assert chosen_grown == {"lgbm"}


def test_on_special_days_the_association_stands_in_only_while_it_fits_the_shop(
    make_sales, features_nw
) -> None:
    sales = make_sales(days=200)
    panel = build_panel(sales)
    truth = np.where(np.isfinite(panel.y), panel.y, 0.0)
    run = run_with_association(panel, features_nw)
    rng = np.random.default_rng(3)
    easter_monday = panel.day_index(dt.date(2025, 4, 21))
    assert run.special[easter_monday]
    levels = [0.5, 0.7, 0.9]
    for noise, expected in ((0.05, "association"), (0.5, "lgbm")):
        points = {"lgbm": truth * (1 + rng.normal(0, 0.1, truth.shape)),
                  "association": truth * (1 + rng.normal(0, noise, truth.shape))}
        give_points(run, panel, points)
        _final, choice, names = select(run, calibrated(run, levels, ~panel.closed), levels)
        assert {names[choice[easter_monday, j]] for j in range(3)} == {expected}


def test_a_young_products_spread_comes_from_the_association_while_it_stands_for_it(
    make_sales,
) -> None:
    from scipy.stats import nbinom

    sales = make_sales(days=330)
    launch = sales["date"].min() + dt.timedelta(days=100)
    young_rows = sales["product"].isin(["p0", "p2"])
    sales = sales[~young_rows | (sales["date"] >= launch)]  # p0 and p2 new on day 100
    weighed = sales["product"] == "p2"  # p2 is sold by weight: kilograms
    sales.loc[weighed, "quantity"] = sales.loc[weighed, "quantity"] * 0.25
    panel = build_panel(sales)
    entry = {"columns": [], "coef": [], "n": [], "product_days": 1000, "shape": 8.0}
    prior = Prior([], np.array([]), {"shared_model": {"categories": {}, "all": entry}}, {})
    run = run_with_association(panel, None, prior)
    truth = np.where(np.isfinite(panel.y), panel.y, 0.0)
    association = truth * (1 + np.random.default_rng(3).normal(0, 0.2, truth.shape))
    association[:100, [0, 2]] = np.nan
    give_points(run, panel, {"association": association})
    levels = [0.5, 0.7, 0.9]
    q = calibrated(run, levels, ~panel.closed)["association"]
    open_days = np.flatnonzero(~panel.closed)
    days = own_days(run)[:, 0]
    young = open_days[(days[open_days] >= 1) & (days[open_days] < STARTING_DAYS)]
    grown = open_days[days[open_days] >= STARTING_DAYS]
    assert len(young) > 50
    assert len(grown) > 20
    point = association[young, 0]
    spread = np.stack([nbinom.ppf(tau, 8.0, 8.0 / (8.0 + point)) for tau in levels], axis=1)
    assert np.array_equal(q[young, 0], spread)  # negative binomial with the prior's shape
    # grown: calibrated from its own errors, no longer whole numbers around the point
    assert (q[grown, 0] != np.round(q[grown, 0])).any()
    # the same product age sold by weight: the shape of pieces means nothing, calibrated
    assert (q[young, 2] != np.round(q[young, 2])).any()
    # the old product, p1: calibrated all along
    assert (q[open_days, 1] != np.round(q[open_days, 1])).any()


def test_an_established_product_keeps_the_shops_own_models_though_the_prior_did_better(
    make_sales,
) -> None:
    panel, truth, run = launched_on_day_100(make_sales)
    rng = np.random.default_rng(11)
    lgbm = truth * (1 + rng.normal(0, 0.15, truth.shape))
    association = truth * (1 + rng.normal(0, 0.03, truth.shape))  # better on every product
    association[:100, 0] = np.nan
    give_points(run, panel, {"lgbm": lgbm, "association": association})
    levels = [0.5, 0.7, 0.9]
    _final, choice, names = select(run, calibrated(run, levels, ~panel.closed), levels)
    days = own_days(run)
    usual = np.flatnonzero(~panel.closed & ~run.special)
    established = usual[days[usual, 1] >= STARTING_DAYS]
    young = usual[(days[usual, 0] >= MIN_SCORED) & (days[usual, 0] < STARTING_DAYS)]
    assert len(established) > 100
    assert len(young) > 50
    assert {names[choice[t, j]] for t in established for j in (1, 2)} <= {"lgbm", "ets", "blend"}
    assert {names[choice[t, 0]] for t in young} == {"association"}  # the new product: the prior


def test_a_prior_that_fails_its_own_fit_test_stands_for_no_young_product(make_sales) -> None:
    panel, truth, run = launched_on_day_100(make_sales)
    rng = np.random.default_rng(7)
    lgbm = truth * (1 + rng.normal(0, 0.1, truth.shape))
    association = truth * (1 + rng.normal(0, 1, truth.shape) * np.array([0.05, 0.03, 0.03]))
    association[:100, 0] = np.nan  # from the new product's first day
    give_points(run, panel, {"lgbm": lgbm, "association": association})
    levels = [0.5, 0.7, 0.9]
    open_days = np.flatnonzero(~panel.closed)
    young = open_days[(open_days >= 100) & (own_days(run)[open_days, 0] < STARTING_DAYS)]
    assert len(young) > 50
    prior = run.find(AssociationPrior)
    # better than the shop's LightGBM on every product: it stands for the new one, first days
    # and recent losses alike ...
    prior.fits_ = np.ones(panel.n_days, dtype=bool)
    _final, choice, names = select(run, calibrated(run, levels, ~panel.closed), levels)
    assert {names[choice[t, 0]] for t in young} == {"association"}
    # ... unless its forecasts miss the shop's sales more than the shop's weekday figures do
    # (association.fits_shop: effects that are not the shop's) from day 90 on
    prior.fits_[90:] = False
    _final, choice, names = select(run, calibrated(run, levels, ~panel.closed), levels)
    assert "association" not in {names[choice[t, 0]] for t in young}
