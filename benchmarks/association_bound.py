"""The most any association prior could give a shop of the synthetic association (issue 18).

What an association can share is the effects its shops have in common, never a shop's own level
(contributions are scale-free: demand divided by the product's own recent level). The demo world
knows those effects exactly. This benchmark scores, next to the shop's backtest without and with
the prior of the other eleven (benchmarks/association.py), a forecast that is given **every**
effect of the demo world exactly (weekday, season, holidays and the days around them, school
holidays, paydays, weather as observed, festivals, markets, and even the shop's own trend, local
events and promotions), the true dispersion of the demand, and each product's true demand (not
its censored sales) on the shop's own past days; only the product's level has to be estimated,
from those past days (one day ahead: up to the day before):

    level = sum(demand) / sum(exp(effects))   over the product's own selling days
    forecast q = quantile of the true negative binomial with mean level x exp(effects)

For a product with fewer than 7 own days it is even handed its true level. So it is an upper
bound for a prior: a prior knows the shared effects at best as well as the world does, and the
shop's level only through the shop's own sales. If this forecast does not reach a goal, no prior
can. Variants (WINDOWS): the level from all own days before the day, from the last 28 (the span
of the models' scale s), from the last 28 days of the sales as recorded (sell-outs raised as the
models do), and the effects known only as their mean per category (what a prior without product
names could know at best), and a new product not handed its true level but started, as the prior
does, from its category's median level (the most a prior with that launch rule could give the
young products). With the prior (not `--no-prior`) one more column: the prior's shared effects
model as the shop uses it, but with the world's true dispersion (`PRIOR_EFFECTS`), which splits
the prior's gap to the bound into its effects (against the bound) and its calibrated spread
(against "with prior"). `--effects` also scores the bound not told one effect at a time:
what knowing each effect is worth.

    PYTHONPATH=. nice python benchmarks/association_bound.py [--shops b5,b6] [--end 2025-01-01]
                                                            [--no-prior] [--effects] [--launches 4]
"""

from __future__ import annotations

import os

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import argparse
import datetime as dt
import sys
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from association import END, TAU, backtest, score, scored_members  # noqa: E402

from forecasting.association import shared_model  # noqa: E402
from forecasting.association.contribution import ShopHistory, build_contribution  # noqa: E402
from forecasting.association.prior import Prior, build_prior  # noqa: E402
from forecasting.association.shared_model import launch_level  # noqa: E402
from forecasting.demo.association import MemberHistory  # noqa: E402
from forecasting.demo.world import demand_distribution  # noqa: E402
from forecasting.models.censoring import uncensor  # noqa: E402
from forecasting.models.frame import build_panel  # noqa: E402

KNOWN_LEVEL_DAYS = 7  # a product with fewer own days is handed its true level
# (label, days of own history the level rests on (None: all), level from the true demand (True)
# or from the sales as the shop recorded them, sell-outs raised as the models do (False), told
# the effects per product (False) or only their mean per category (True), a product with fewer
# than KNOWN_LEVEL_DAYS own days handed its true level (False) or, as the prior does, started
# from its category's median level worth shared_model.LAUNCH_DAYS days (True))
WINDOWS = {"all own days": (None, True, False, False), "last 28 days": (28, True, False, False),
           "last 28 days of recorded sales": (28, False, False, False),
           "all own days, effects per category": (None, True, True, False),
           "all own days, a new product from its category": (None, True, False, True),
           "all own days, effects per category, a new product from its category":
               (None, True, True, True)}
# with a prior: its shared effects model as the shop uses it, with the world's true dispersion
PRIOR_EFFECTS = "the prior's effects, level from recorded sales, true dispersion"


def bound_forecast(member: MemberHistory, start: dt.date, end: dt.date,
                   window: int | None, true_demand: bool = True, unknown: str = "",
                   by_category: bool = False, launch: bool = False) -> pd.DataFrame:
    """(kind, date, product, q0.7, q0.9) of the forecast that knows every effect of the world
    and estimates only each product's level from its own demand before the day (the true demand,
    or the recorded sales with sell-outs raised). `unknown`: one effect of the world it is not
    told (the level then averages over it). `by_category`: it is told each day's effects only as
    the mean over the products of the category (geometric), what a model per category could know
    at best. `launch`: a product with fewer than KNOWN_LEVEL_DAYS own days is not handed its
    true level but starts as the prior's would (shared_model.launch_level: its category's median
    level plus its own days): what the prior can know."""
    from scipy.stats import nbinom

    world = member.history.world
    mean, shape = demand_distribution(world)
    base = np.array([p.base for p in world.products], dtype=float)[None, :]
    effects = mean / base  # every effect of the world, without the product's level
    if unknown:
        effects = effects / np.exp(world.effects[unknown])
    cats = np.array([member.categories.get(name, "") for name in world.names], dtype=object)
    if by_category:
        logs = np.log(effects)
        for cat in set(cats):
            cols = cats == cat
            logs[:, cols] = logs[:, cols].mean(axis=1, keepdims=True)
        effects = np.exp(logs)
    days = world.days
    first_seen = member.sales["date"].min()
    selling = world.facts.open[:, None] & world.on_sale
    visible = selling & (days >= first_seen)[:, None]
    amounts = member.history.demand if true_demand else recorded_demand(member)
    visible &= np.isfinite(amounts)
    demand = np.where(visible, amounts, 0.0)
    weight = np.where(visible, effects, 0.0)
    # cumulative sums with a leading zero row: rows [a, b) sum as c[b] - c[a]
    c_demand = np.vstack([np.zeros((1, demand.shape[1])), np.cumsum(demand, axis=0)])
    c_weight = np.vstack([np.zeros((1, weight.shape[1])), np.cumsum(weight, axis=0)])
    c_days = np.vstack([np.zeros((1, demand.shape[1])), np.cumsum(visible, axis=0)])
    scored = np.nonzero((days >= pd.Timestamp(start)) & (days < pd.Timestamp(end)))[0]
    rows = []
    for t in scored:
        lo = 0 if window is None else max(0, t - window)
        own_days = c_days[t] - c_days[lo]
        summed = c_weight[t] - c_weight[lo]
        estimate = np.where(summed > 0, (c_demand[t] - c_demand[lo]) / np.maximum(summed, 1e-12),
                            base[0])
        known = own_days >= KNOWN_LEVEL_DAYS
        if launch:  # the category's median of the products on sale with a level, as the prior
            levels = np.where(known & selling[t], estimate, np.nan)[None, :]
            start_level = launch_level(levels, (c_demand[t] - c_demand[lo])[None, :],
                                       summed[None, :], list(cats))[0]
            level = np.where(known, estimate, start_level)
            level = np.where(np.isfinite(level), level, base[0])  # none known: as before
        else:
            level = np.where(known, estimate, base[0])
        mu = np.maximum(level * effects[t], 1e-9)
        prob = shape[0] / (shape[0] + mu)
        for j in np.nonzero(selling[t])[0]:
            rows.append((days[t], world.names[j], nbinom.ppf(0.7, shape[0, j], prob[j]),
                         nbinom.ppf(0.9, shape[0, j], prob[j])))
    frame = pd.DataFrame(rows, columns=["date", "product", "q0.7", "q0.9"])
    frame.insert(0, "kind", "final")
    return frame


def prior_effects_forecast(member: MemberHistory, model: dict, start: dt.date, end: dt.date
                           ) -> pd.DataFrame:
    """(kind, date, product, q0.7, q0.9) of the prior's shared effects model as the shop uses it
    (level from the recorded sales, sell-outs raised; a new product from its category:
    shared_model.forecast), with the world's true dispersion instead of the shop's calibration:
    against the bound it shows what estimating the effects from other shops costs, against the
    forecast with the prior what its calibrated spread does. Product-days without a forecast (no
    level) are left out."""
    from scipy.stats import nbinom

    world = member.history.world
    _mean, shape = demand_distribution(world)
    panel = build_panel(member.sales)
    y = uncensor(panel.y, panel.censored)
    cols = pd.Index(world.names).get_indexer(panel.products)
    days = np.nonzero((panel.dates >= pd.Timestamp(start)) & (panel.dates < pd.Timestamp(end)))[0]
    categories = [member.categories.get(name, "") for name in panel.products]
    mu = shared_model.forecast(model, y, panel.closed, shared_model.design(member.features,
                                                                            panel.dates),
                               panel.exog.get("promotion"), categories, days, 1)
    mu = np.where(days[:, None] >= panel.first[None, :], mu, np.nan)  # not before its first day
    n = shape[0, cols][None, :]
    p = n / (n + np.maximum(mu, 1e-9))
    frame = pd.DataFrame({"date": np.repeat(panel.dates[days], len(cols)),
                          "product": np.tile(np.asarray(panel.products, dtype=object), len(days)),
                          "q0.7": nbinom.ppf(TAU, n, p).reshape(-1),
                          "q0.9": nbinom.ppf(0.9, n, p).reshape(-1)})
    missing = int((np.isnan(mu) & np.isfinite(panel.y[days])).sum())  # days it sold on
    if missing:  # no level at all: left out of its score
        print(f"    {member.shop.name}: the prior's effects have no forecast on {missing} "
              "product-days", flush=True)
    frame = frame[np.isfinite(mu).reshape(-1)]
    frame.insert(0, "kind", "final")
    return frame


def recorded_demand(member: MemberHistory) -> np.ndarray:
    """[world day, product] the shop's sales with sell-out days raised (censoring.uncensor, as
    the models see them); NaN where nothing is recorded."""
    world = member.history.world
    panel = build_panel(member.sales)
    y = uncensor(panel.y, panel.censored)
    out = np.full((len(world.days), len(world.names)), np.nan)
    rows = world.days.get_indexer(panel.dates)
    cols = pd.Index(world.names).get_indexer(panel.products)
    ok = rows >= 0
    out[np.ix_(rows[ok], cols)] = y[ok]
    return out


def main(argv: list[str] | None = None) -> int:
    """Print, per shop, the pinball loss without / with the prior, of the bound and the floor."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shops", help="comma-separated shop names (default: all twelve)")
    parser.add_argument("--end", default=END.isoformat(),
                        help="first day after the scored weeks (validation: 2025-01-01)")
    parser.add_argument("--effects", action="store_true",
                        help="also: the bound (all own days) not told one effect, per effect")
    parser.add_argument("--no-prior", action="store_true",
                        help="skip the backtest with the prior (and building the contributions)")
    parser.add_argument("--launches", type=int, default=1,
                        help="products each shop launches in its last two months (default 1)")
    args = parser.parse_args(argv)
    start, end, members, wanted = scored_members(args.end, args.shops, args.launches)
    contributions = {} if args.no_prior else {
        m.shop.name: build_contribution(
            ShopHistory(m.sales, m.features, m.shop.state, m.categories), start)
        for m in members}
    variants = [f"bound, level from {w}" for w in WINDOWS] + ([PRIOR_EFFECTS] if contributions
                                                               else [])
    head = ("| shop | weeks before | without | with prior | " + " | ".join(variants)
            + " | floor | avoidable share the bound removes (all own days) |")
    print(f"Pinball loss at {TAU} per product-day, scored {start} .. {end - dt.timedelta(days=1)};"
          " in brackets the change against without.\n")
    print(head)
    print("|" + "---|" * (head.count("|") - 1))
    results, worth = [], {}
    for m in members:
        if m.shop.name not in wanted:
            continue
        without, _ = backtest(m, start, end, None)
        with_prior = None
        bounds = {w: score(m, bound_forecast(m, start, end, n, true, by_category=cat,
                                             launch=launch))
                  for w, (n, true, cat, launch) in WINDOWS.items()}
        if contributions:
            others = [b for name, b in contributions.items() if name != m.shop.name]
            prior = Prior.from_bundle(build_prior(others))
            with_prior, _ = backtest(m, start, end, prior)
            bounds[PRIOR_EFFECTS] = score(m, prior_effects_forecast(
                m, prior.effects["shared_model"], start, end))
        weeks = round((pd.Timestamp(start) - m.sales["date"].min()).days / 7)
        results.append((m.shop.name, weeks, without, with_prior, bounds))
        print(_row(results[-1]), flush=True)
        if args.effects:
            worth[m.shop.name] = {
                name: score(m, bound_forecast(m, start, end, None, True, name))["pinball"]
                / without["pinball"] for name in m.history.world.effects}
    print()
    for label, pick in (("history >= 1 year", lambda w: w >= 52),
                        ("history <= 8 weeks", lambda w: w <= 8)):
        _summary(label, [r for r in results if pick(r[1])], "pinball")
    _summary("products younger than 8 weeks", [r for r in results if r[2]["young_rows"]],
             "young_pinball")
    if worth:
        _worth(results, worth)
    return 0


def _worth(results: list[tuple], worth: dict[str, dict[str, float]]) -> None:
    """Per effect, the bound's mean change against without when it is not told that effect, next
    to the bound that knows all: what knowing each effect is worth."""
    print("\nWhat knowing each effect is worth: the bound (all own days) not told one effect, mean "
          "change against without (the bound told all in the first line):\n")
    for label, pick in (("history >= 1 year", lambda w: w >= 52),
                        ("history <= 8 weeks", lambda w: w <= 8)):
        chosen = [r for r in results if pick(r[1])]
        if not chosen:
            continue
        told = np.mean([r[4][next(iter(WINDOWS))]["pinball"] / r[2]["pinball"] for r in chosen])
        print(f"- {label}: told all {100 * (told - 1):+.1f} %")
        names = worth[chosen[0][0]]
        means = {n: np.mean([worth[r[0]][n] for r in chosen]) for n in names}
        for name, value in sorted(means.items(), key=lambda kv: -kv[1]):
            print(f"    not told {name}: {100 * (value - 1):+.1f} %")


def _summary(label: str, rows: list[tuple], key: str) -> None:
    """One line: the mean change against without of the prior, the bounds and the floor."""
    if not rows:
        return

    def change(pick) -> str:
        return f"{100 * (np.mean([pick(r) / r[2][key] for r in rows]) - 1):+.1f} %"

    parts = []
    if all(r[3] for r in rows):
        parts.append(f"with prior {change(lambda r: r[3][key])}")
    parts += [f"bound ({w}) {change(lambda r, w=w: r[4][w][key])}" if w in WINDOWS
              else f"{w} {change(lambda r, w=w: r[4][w][key])}" for w in rows[0][4]]
    if key == "pinball":
        parts.append(f"floor {change(lambda r: r[2]['floor'])}")
    print(f"- {label} ({len(rows)} shops), mean change against without: " + "; ".join(parts))


def _row(r: tuple) -> str:
    name, weeks, without, with_prior, bounds = r
    base = without["pinball"]

    def cell(v: float) -> str:
        return f"{v:.3f} ({100 * (v / base - 1):+.1f} %)"

    first = bounds[next(iter(WINDOWS))]["pinball"]
    removed = (base - first) / (base - without["floor"]) if base > without["floor"] else np.nan
    return (f"| {name} | {weeks} | {base:.3f} | "
            f"{cell(with_prior['pinball']) if with_prior else '-'} | "
            + " | ".join(cell(b["pinball"]) for b in bounds.values())
            + f" | {cell(without['floor'])} | {100 * removed:.0f} % |")


if __name__ == "__main__":
    raise SystemExit(main())
