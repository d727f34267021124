"""Real bakeries' products launched anew, with the association's prior (issue 18).

The association benchmark's shops come from the demo generator, whose demand is exactly negative
binomial and whose shops share every effect exactly. This checks the prior on real sales
(../shared/datasets): Würzburg (bread, rolls, pretzels in pieces, 2016-01-02 .. 2019-04-30, BY)
and Kiel (turnover in euros of five product groups, 2013-07-01 .. 2017-12-27, SH, with the Kieler
Woche). Each product in turn is "launched" at each launch date (its sales before removed); the
one-day-ahead backtest runs over the 112 days from the launch (as long as the prior stands for a
young product) without the prior, with it, and with it but the young product's spread calibrated
from recent errors as before round 7 (the prior's `distribution_quantiles` switched off). The
prior is, with `--prior-from self`, the shop's own contribution from its *other* products before
the launch (same town and years: a stand-in for other shops whose effects fit well), with
`--prior-from other`, the other real bakery's contribution from its sales before the launch (a
real other shop: another Bundesland, another kind of data; Kiel's turnover has no dispersion in
pieces, so with it the spread stays calibrated). Scored against the recorded sales (true demand
is not known; neither file has sell-outs): pinball loss at tau 0.7 and coverage of q0.7 / q0.9
over the launched product's days, and the loss of the shop's other, established products over
the same days.

    PYTHONPATH=. nice python benchmarks/association_launch_real.py [--shop wuerzburg|kiel]
        [--prior-from self|other] [--products rolls] [--launches 2017-03-01] [--write FILE]
"""

from __future__ import annotations

import os

os.environ.setdefault("OMP_NUM_THREADS", "1")

import argparse
import dataclasses
import datetime as dt
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

from benchmarks.convert_datasets import kiel, wuerzburg
from calendars.event_files import read_events_file
from calendars.features import FeatureTable, build_features
from calendars.weather_files import read_weather_file
from forecasting.association import files
from forecasting.association.contribution import ShopHistory, build_contribution
from forecasting.association.prior import Prior, build_prior
from forecasting.models.association import AssociationPrior
from forecasting.models.backtest import BacktestPlan, run_backtest
from forecasting.models.sales_csv import read_sales_csv

DAYS = 112  # scored from the launch: as long as the prior stands for a young product
TAU = 0.7
ARMS = ("without prior", "prior, spread calibrated", "prior, spread from the prior")


@dataclasses.dataclass(frozen=True)
class RealShop:
    """A real shop's sales and features, and what of it is launched when."""

    name: str
    state: str
    sales: pd.DataFrame
    features: FeatureTable
    products: tuple[str, ...]  # the ones launched in turn
    launches: tuple[str, ...]  # within its data, DAYS before its end


def load(name: str) -> RealShop:
    """Würzburg or Kiel from ../shared/datasets, converted as the backtest contract has them."""
    maker, state = {"wuerzburg": (wuerzburg, "BY"), "kiel": (kiel, "SH")}[name]
    with tempfile.TemporaryDirectory() as tmp:
        folder = maker(Path(tmp))
        sales = read_sales_csv(folder / "SALES.csv")
        weather = read_weather_file(folder / "WEATHER.csv")
        events_file = folder / "EVENTS.csv"
        events = read_events_file(events_file) if events_file.exists() else None
    features = build_features(state, sales["date"].min().date(), sales["date"].max().date(),
                              events=events, weather=weather)
    if name == "wuerzburg":
        products = ("bread", "rolls", "pretzels")
        launches = ("2016-10-03", "2017-03-01", "2017-09-01", "2018-02-01", "2018-09-03")
    else:  # Saisonbrot sells only in some months: not launched
        products = ("Brot", "Broetchen", "Croissant", "Konditorei", "Kuchen")
        launches = ("2016-10-03", "2017-03-01", "2017-09-01")
    return RealShop(name, state, sales, features, products, launches)


def pinball(y: np.ndarray, q: np.ndarray, tau: float) -> np.ndarray:
    """Pinball loss per row."""
    d = y - q
    return np.maximum(tau * d, (tau - 1) * d)


def prior_of(shop: RealShop, until: dt.date, without: str | None = None) -> Prior:
    """The prior of one contribution: `shop`'s sales before `until`, without product `without`."""
    sales = shop.sales if without is None else shop.sales[shop.sales["product"] != without]
    contribution = build_contribution(ShopHistory(sales, shop.features, shop.state, {}), until)
    return Prior.from_bundle(files.from_bytes(files.to_bytes(build_prior([contribution])),
                                              "prior", "prior"))


def run_arm(arm: str, sales: pd.DataFrame, features: FeatureTable, prior: Prior | None,
            launch: dt.date) -> tuple[pd.DataFrame, float]:
    """(the backtest's final quantiles, seconds) for one arm."""
    plan = BacktestPlan(launch, launch + dt.timedelta(days=DAYS - 1), horizon=1)
    began = time.perf_counter()
    original = AssociationPrior.distribution_quantiles
    if arm == ARMS[1]:
        AssociationPrior.distribution_quantiles = lambda *args: None  # type: ignore[method-assign]
    try:
        result = run_backtest(sales, features, plan, (0.5, TAU, 0.9), prior=prior)
    finally:
        AssociationPrior.distribution_quantiles = original  # type: ignore[method-assign]
    pred = result.predictions
    return pred[pred["kind"] == "final"], time.perf_counter() - began


def score(pred: pd.DataFrame, sales: pd.DataFrame, product: str
          ) -> tuple[float, float, float, int, float]:
    """(mean pinball loss at TAU, coverage q0.7, coverage q0.9, days) of `product`, and the mean
    loss of the other products."""
    frame = pred.merge(sales[["date", "product", "quantity"]], on=["date", "product"])
    loss = pinball(frame["quantity"].to_numpy(float), frame[f"q{TAU}"].to_numpy(float), TAU)
    mine = (frame["product"] == product).to_numpy()
    y = frame.loc[mine, "quantity"]
    return (float(loss[mine].mean()), float((y <= frame.loc[mine, f"q{TAU}"]).mean()),
            float((y <= frame.loc[mine, "q0.9"]).mean()), int(mine.sum()),
            float(loss[~mine].mean()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shop", choices=("wuerzburg", "kiel"), default="wuerzburg")
    parser.add_argument("--prior-from", choices=("self", "other"), default="self")
    parser.add_argument("--products", help="comma-separated products to launch (default: all)")
    parser.add_argument("--launches", help="comma-separated launch dates (default: the shop's)")
    parser.add_argument("--write", help="markdown file to write the table into")
    args = parser.parse_args(argv)
    shop = load(args.shop)
    other = load("kiel" if args.shop == "wuerzburg" else "wuerzburg") \
        if args.prior_from == "other" else None
    products = args.products.split(",") if args.products else list(shop.products)
    lines = ["| product | launch | days | " + " | ".join(f"loss {a}" for a in ARMS)
             + " | q0.7 covered (calibrated / from the prior) | q0.9 covered (same) "
             "| the other products: without / with the prior |", "|---" * 10 + "|"]
    totals: dict[str, list[tuple[float, float, float, int, float]]] = {arm: [] for arm in ARMS}
    seconds = dict.fromkeys(ARMS, 0.0)
    for product in products:
        for text in args.launches.split(",") if args.launches else shop.launches:
            launch = dt.date.fromisoformat(text)
            mine = shop.sales["product"] == product
            launched = shop.sales[~mine | (shop.sales["date"] >= pd.Timestamp(launch))]
            prior = prior_of(shop, launch, product) if other is None else prior_of(other, launch)
            scores = {}
            for arm in ARMS:
                pred, took = run_arm(arm, launched, shop.features,
                                     None if arm == ARMS[0] else prior, launch)
                seconds[arm] += took
                scores[arm] = score(pred, shop.sales, product)
                totals[arm].append(scores[arm])
            base = scores[ARMS[0]]
            cells = [f"{base[0]:.2f}"] + [
                f"{scores[a][0]:.2f} ({100 * (scores[a][0] / base[0] - 1):+.1f} %)"
                for a in ARMS[1:]]
            shipped, calibrated = scores[ARMS[2]], scores[ARMS[1]]
            others = f"{base[4]:.2f} / {shipped[4]:.2f} ({100 * (shipped[4] / base[4] - 1):+.1f} %)"
            lines.append(f"| {product} | {text} | {base[3]} | " + " | ".join(cells)
                         + f" | {calibrated[1]:.2f} / {shipped[1]:.2f}"
                         f" | {calibrated[2]:.2f} / {shipped[2]:.2f} | {others} |")
            print(lines[-1], flush=True)
    lines += ["", *summary(totals, seconds)]
    text = "\n".join(lines) + "\n"
    print(text)
    if args.write:
        Path(args.write).write_text(text, encoding="utf-8")
    return 0


def summary(totals: dict[str, list[tuple[float, float, float, int, float]]],
            seconds: dict[str, float]) -> list[str]:
    """The summed and per-launch changes of each arm against without, as markdown lines."""
    without = totals[ARMS[0]]

    def summed(rows: list[tuple[float, float, float, int, float]]) -> float:
        return sum(loss * days for loss, _c7, _c9, days, _rest in rows)

    out = []
    for arm in ARMS[1:]:
        rows = totals[arm]
        better = sum(a[0] < b[0] for a, b in zip(rows, without, strict=True))
        mean = 100 * float(np.mean([a[0] / b[0] - 1 for a, b in zip(rows, without, strict=True)]))
        rest = 100 * float(np.mean([a[4] / b[4] - 1 for a, b in zip(rows, without, strict=True)]))
        out.append(f"- {arm}: launched product's summed loss "
                   f"{100 * (summed(rows) / summed(without) - 1):+.1f} % against without, mean "
                   f"change per launch {mean:+.1f} %, better in {better} of {len(rows)}; the other "
                   f"products {rest:+.1f} %; backtest time {seconds[arm] / seconds[ARMS[0]]:.2f} x "
                   "without")
    shipped, calibrated = totals[ARMS[2]], totals[ARMS[1]]
    better = sum(a[0] < b[0] for a, b in zip(shipped, calibrated, strict=True))
    out.append(f"- spread from the prior against calibrated: summed loss "
               f"{100 * (summed(shipped) / summed(calibrated) - 1):+.1f} %, better in {better} "
               f"of {len(shipped)}")
    return out


if __name__ == "__main__":
    raise SystemExit(main())
