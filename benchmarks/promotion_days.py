"""Forecast loss on promotion product-days and on the other days, for two benchmark runs.

The demo shops know their true demand and their promotions lift only the promoted product, so
comparing two codes' PRED.csv on the rows whose SALES `promotion` is 1 shows what treating a
promotion as the product's own input is worth. Run `benchmarks/forecast_benchmark.py --shops
demo_bakery,demo_deli --build DIR` once per code, then:

    python benchmarks/promotion_days.py --before DIR_A --after DIR_B [--shops demo_bakery,demo_deli]

Both runs are scored against the `after` run's TRUE_DEMAND.csv and SALES.csv promotion flags.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import pandas as pd

LEVELS = (0.5, 0.7, 0.9)


def scored_rows(pred_dir: Path, truth_dir: Path) -> pd.DataFrame:
    """PRED.csv joined with the true demand and the promotion flag."""
    pred = pd.read_csv(pred_dir / "PRED.csv", parse_dates=["date"])
    truth = pd.read_csv(truth_dir / "TRUE_DEMAND.csv", parse_dates=["date"])
    sales = pd.read_csv(truth_dir / "SALES.csv", parse_dates=["date"])
    rows = pred.merge(truth, on=["date", "product"])
    flags = sales[["date", "product", "promotion"]] if "promotion" in sales else None
    if flags is None:
        rows["promotion"] = 0
        return rows
    return rows.merge(flags, on=["date", "product"], how="left")


def scores(rows: pd.DataFrame) -> pd.DataFrame:
    """Scaled pinball per level and median bias, on promotion days and on the other days."""
    out = {}
    for promoted, part in rows.groupby(rows["promotion"].fillna(0) > 0):
        y = part["demand"]
        row: dict[str, float] = {"product-days": len(part)}
        for tau in LEVELS:
            q = part[f"q{tau}"]
            loss = ((y - q) * tau).where(y >= q, (q - y) * (1 - tau))
            row[f"pinball {tau}"] = round(float(loss.sum() / y.sum()), 4)
        row["median bias"] = round(float((part["q0.5"].sum() - y.sum()) / y.sum()), 3)
        out["promotion days" if promoted else "other days"] = row
    return pd.DataFrame(out).T


def main() -> int:
    """Print both runs' scores per shop."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, required=True)
    parser.add_argument("--after", type=Path, required=True)
    parser.add_argument("--shops", default="demo_bakery,demo_deli")
    args = parser.parse_args()
    for shop in args.shops.split(","):
        truth = args.after / shop
        for label, run in (("before", args.before), ("after", args.after)):
            print(f"\n== {shop}, {label} ({run})")
            print(scores(scored_rows(run / shop, truth)).to_string())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
