"""A real bakery's products launched anew, with a prior from its other products (issue 18).

The association benchmark's shops come from the demo generator, whose demand is exactly negative
binomial: the spread a young product takes from the prior (`AssociationPrior.
distribution_quantiles`, a negative binomial with the shared model's gamma shape) fits that world
by construction. This checks it on real sales. Würzburg (../shared/datasets/wuerzbaeck, a real
bakery: bread, rolls, pretzels, 2016-01-02 .. 2019-04-30, in pieces): each product in turn is
"launched" at each of LAUNCHES (its sales before removed); the prior is the shop's contribution
from its *other* products before the launch (`until`); the one-day-ahead backtest runs over the
112 days from the launch without the prior, with it, and with it but the young product's spread
calibrated from recent errors as before (the prior's `distribution_quantiles` switched off).
Scored against the recorded sales (the shop's true demand is not known, and the file has no
sell-outs): pinball loss at tau 0.7 and coverage of q0.7 / q0.9 over the launched product's days.

One shop's other products stand in for an association's other shops: same town, same years, so
the effects fit better than another shop's would; the spread is what this is about.

    PYTHONPATH=. nice python benchmarks/association_launch_real.py [--products rolls] [--write FILE]
"""

from __future__ import annotations

import os

os.environ.setdefault("OMP_NUM_THREADS", "1")

import argparse
import datetime as dt
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

from benchmarks.convert_datasets import wuerzburg
from calendars.features import build_features
from calendars.weather_files import read_weather_file
from forecasting.association import files
from forecasting.association.contribution import ShopHistory, build_contribution
from forecasting.association.prior import Prior, build_prior
from forecasting.models.association import AssociationPrior
from forecasting.models.backtest import BacktestPlan, run_backtest
from forecasting.models.sales_csv import read_sales_csv

PRODUCTS = ("bread", "rolls", "pretzels")
LAUNCHES = ("2016-10-03", "2017-03-01", "2017-09-01", "2018-02-01", "2018-09-03")
DAYS = 112  # scored from the launch: as long as the prior stands for a young product
TAU = 0.7
ARMS = ("without prior", "prior, spread calibrated", "prior, spread from the prior")


def pinball(y: np.ndarray, q: np.ndarray, tau: float) -> np.ndarray:
    """Pinball loss per row."""
    d = y - q
    return np.maximum(tau * d, (tau - 1) * d)


def launch_frames(sales: pd.DataFrame, product: str, launch: pd.Timestamp
                  ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(the shop's sales with `product` launched at `launch`, its other products' sales)."""
    mine = sales["product"] == product
    return sales[~mine | (sales["date"] >= launch)], sales[~mine]


def run_arm(arm: str, sales: pd.DataFrame, features, prior: Prior | None, launch: dt.date
            ) -> tuple[pd.DataFrame, float]:
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


def score(pred: pd.DataFrame, sales: pd.DataFrame, product: str) -> tuple[float, float, float, int]:
    """(mean pinball loss at TAU, coverage q0.7, coverage q0.9, days) of `product`."""
    frame = pred[pred["product"] == product].merge(sales[["date", "product", "quantity"]],
                                                    on=["date", "product"])
    y = frame["quantity"].to_numpy(float)
    return (float(pinball(y, frame[f"q{TAU}"].to_numpy(float), TAU).mean()),
            float((y <= frame[f"q{TAU}"]).mean()), float((y <= frame["q0.9"]).mean()), len(y))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--products", default=",".join(PRODUCTS))
    parser.add_argument("--write", help="markdown file to write the table into")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = wuerzburg(Path(tmp))
        sales = read_sales_csv(folder / "SALES.csv")
        weather = read_weather_file(folder / "WEATHER.csv")
    features = build_features("BY", sales["date"].min().date(), sales["date"].max().date(),
                              weather=weather)
    lines = ["| product | launch | days | " + " | ".join(f"loss {a}" for a in ARMS)
             + " | q0.7 covered (calibrated / from the prior) | q0.9 covered (same) |",
             "|---" * 9 + "|"]
    totals = {arm: [] for arm in ARMS}
    seconds = dict.fromkeys(ARMS, 0.0)
    for product in args.products.split(","):
        for text in LAUNCHES:
            launch = dt.date.fromisoformat(text)
            launched, others = launch_frames(sales, product, pd.Timestamp(launch))
            contribution = build_contribution(ShopHistory(others, features, "BY", {}), launch)
            prior = Prior.from_bundle(files.from_bytes(files.to_bytes(build_prior([contribution])),
                                                       "prior", "prior"))
            scores = {}
            for arm in ARMS:
                pred, took = run_arm(arm, launched, features, None if arm == ARMS[0] else prior,
                                     launch)
                seconds[arm] += took
                scores[arm] = score(pred, sales, product)
                totals[arm].append(scores[arm])
            base = scores[ARMS[0]][0]
            cells = [f"{scores[ARMS[0]][0]:.2f}"] + [
                f"{scores[a][0]:.2f} ({100 * (scores[a][0] / base - 1):+.1f} %)" for a in ARMS[1:]]
            covered7 = f"{scores[ARMS[1]][1]:.2f} / {scores[ARMS[2]][1]:.2f}"
            covered9 = f"{scores[ARMS[1]][2]:.2f} / {scores[ARMS[2]][2]:.2f}"
            lines.append(f"| {product} | {text} | {scores[ARMS[0]][3]} | " + " | ".join(cells)
                         + f" | {covered7} | {covered9} |")
            print(lines[-1], flush=True)

    def summed(arm: str) -> float:
        return sum(loss * days for loss, _c7, _c9, days in totals[arm])

    def mean_change(arm: str) -> float:
        return 100 * float(np.mean([a[0] / b[0] - 1
                                    for a, b in zip(totals[arm], totals[ARMS[0]], strict=True)]))

    lines.append("")
    for arm in ARMS[1:]:
        better = sum(a[0] < b[0] for a, b in zip(totals[arm], totals[ARMS[0]], strict=True))
        lines.append(f"- {arm}: summed loss {100 * (summed(arm) / summed(ARMS[0]) - 1):+.1f} % "
                     f"against without, mean change per launch {mean_change(arm):+.1f} %, better "
                     f"in {better} of {len(totals[arm])}; backtest time "
                     f"{seconds[arm] / seconds[ARMS[0]]:.2f} x without")
    calibrated, shipped = totals[ARMS[1]], totals[ARMS[2]]
    better = sum(a[0] < b[0] for a, b in zip(shipped, calibrated, strict=True))
    change = 100 * (summed(ARMS[2]) / summed(ARMS[1]) - 1)
    lines.append(f"- spread from the prior against calibrated: summed loss {change:+.1f} %, "
                 f"better in {better} of {len(shipped)}")
    text = "\n".join(lines) + "\n"
    print(text)
    if args.write:
        Path(args.write).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
