"""Real bakeries' established products with the other bakery's prior (issue 18).

benchmarks/association_launch_real.py scores the shop's established products only over the 112
days after each launch, beside a launched product that changes the shop's LightGBM, and its 15
windows overlap; its "established" figures swing by a few percent per launch. This scores the
question on its own: a whole year of a real shop's one-day-ahead backtest (every product well
established) without and with a prior built from the *other* real bakery's sales before the
year (a real other shop: Würzburg in pieces, Bavaria; Kiel in euros, Schleswig-Holstein; see
../shared/datasets). Two years per shop where the other bakery's data allow a prior before them.
Scored against the recorded sales: pinball loss at tau 0.7 per product, summed over the year,
and the coverage of q0.7.

    PYTHONPATH=. nice python benchmarks/association_established_real.py [--shop wuerzburg|kiel]
        [--write FILE]
"""

from __future__ import annotations

import os

os.environ.setdefault("OMP_NUM_THREADS", "1")

import argparse
import datetime as dt
from pathlib import Path

import pandas as pd

from benchmarks.association_launch_real import TAU, RealShop, load, pinball, prior_of
from forecasting.association.prior import Prior
from forecasting.models.backtest import BacktestPlan, run_backtest

# a year each; the other bakery has sales before every start (Würzburg's begin 2016-01-02)
YEARS = {
    "wuerzburg": ("2017-05-01", "2018-05-01"),
    "kiel": ("2016-07-01", "2017-07-01"),
}


def backtest(shop: RealShop, start: dt.date, prior: Prior | None) -> pd.DataFrame:
    """The final forecasts of a year from `start` with the recorded sales and each row's loss."""
    end = min(start + dt.timedelta(days=364), shop.sales["date"].max().date())
    result = run_backtest(shop.sales, shop.features, BacktestPlan(start, end, horizon=1),
                          (0.5, TAU, 0.9), prior=prior)
    pred = result.predictions
    frame = pred[pred["kind"] == "final"].merge(
        shop.sales[["date", "product", "quantity"]], on=["date", "product"])
    frame["loss"] = pinball(frame["quantity"].to_numpy(float), frame[f"q{TAU}"].to_numpy(float),
                            TAU)
    return frame


def compare(without: pd.DataFrame, with_prior: pd.DataFrame) -> tuple[pd.DataFrame, dict]:
    """(per product: loss without, with, change in %; the year's summary figures)."""
    before = without.groupby("product")["loss"].mean()
    after = with_prior.groupby("product")["loss"].mean()
    table = pd.DataFrame({"without": before, "with": after,
                          "change": 100 * (after / before - 1)})

    def covered(frame: pd.DataFrame) -> float:
        return float((frame["quantity"] <= frame[f"q{TAU}"]).mean())

    return table, {
        "summed": 100 * (with_prior["loss"].sum() / without["loss"].sum() - 1),
        "mean": float(table["change"].mean()),
        "worst": float(table["change"].max()),
        "covered": (covered(without), covered(with_prior)),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shop", choices=("wuerzburg", "kiel"), action="append",
                        help="the shop to score (default: both)")
    parser.add_argument("--write", help="markdown file to write the table into")
    args = parser.parse_args(argv)
    names = args.shop or ["wuerzburg", "kiel"]
    lines = ["| shop | year from | product | loss without | with the other bakery's prior "
             "| change |", "|---" * 6 + "|"]
    summary = []
    for name in names:
        shop = load(name)
        other = load("kiel" if name == "wuerzburg" else "wuerzburg")
        for text in YEARS[name]:
            start = dt.date.fromisoformat(text)
            table, figures = compare(backtest(shop, start, None),
                                     backtest(shop, start, prior_of(other, start)))
            for product, row in table.iterrows():
                lines.append(f"| {name} | {text} | {product} | {row['without']:.2f} "
                             f"| {row['with']:.2f} | {row['change']:+.1f} % |")
                print(lines[-1], flush=True)
            before, after = figures["covered"]
            summary.append(f"- {name}, year from {text}: summed loss {figures['summed']:+.1f} %, "
                           f"mean per product {figures['mean']:+.1f} %, worst product "
                           f"{figures['worst']:+.1f} %; q0.7 covered {before:.3f} -> {after:.3f}")
            print(summary[-1], flush=True)
    text = "\n".join([*lines, "", *summary]) + "\n"
    print(text)
    if args.write:
        Path(args.write).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
