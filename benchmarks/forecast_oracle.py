"""Where our forecast loses against a perfect one on the demo shops: the median or the spread.

The demo world knows each product-day's true demand distribution (forecasting.demo.world
`demand_quantiles`). Swapping parts shows where the excess loss is: our median with the true
distribution's offsets around it (a perfect spread), and the true median with our offsets (a
perfect median). Reads the test-year predictions of a forecast benchmark run:

    python benchmarks/forecast_benchmark.py --shops demo_bakery,demo_deli --build DIR
    python benchmarks/forecast_oracle.py --build DIR
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from convert_datasets import DEMO_END  # noqa: E402

from forecasting.models.metrics import pinball  # noqa: E402

LEVELS = (0.5, 0.7, 0.9)


def shop_table(folder: Path, kind: str) -> pd.DataFrame:
    """Scaled pinball per level of ours, the perfect forecast and the two swaps."""
    from forecasting.demo.generate import simulate
    from forecasting.demo.world import demand_distribution, demand_quantiles

    pred = pd.read_csv(folder / "PRED.csv", parse_dates=["date"])
    truth = pd.read_csv(folder / "TRUE_DEMAND.csv", parse_dates=["date"])
    rows = pred.merge(truth, on=["date", "product"])
    world = simulate(kind, DEMO_END).world
    t = world.days.get_indexer(rows["date"])
    j = pd.Index(world.names).get_indexer(rows["product"])
    grid = demand_quantiles(world, LEVELS)[:, t, j]
    y = rows["demand"].to_numpy(dtype=float)
    ours = {tau: rows[f"q{tau:g}"].to_numpy(dtype=float) for tau in LEVELS}
    true = dict(zip(LEVELS, grid, strict=True))
    variants = {
        "ours": ours,
        "perfect": true,
        "our median, true spread": {tau: ours[0.5] + true[tau] - true[0.5] for tau in LEVELS},
        "true median, our spread": {tau: true[0.5] + ours[tau] - ours[0.5] for tau in LEVELS},
    }
    table = pd.DataFrame({name: {f"pinball {tau:g}": pinball(y, q[tau], tau).sum() / y.sum()
                                 for tau in LEVELS} for name, q in variants.items()}).T
    mean = demand_distribution(world)[0][t, j]
    table.attrs["median_vs_mean"] = float(np.abs(ours[0.5] - mean).sum() / mean.sum())
    table.attrs["rows"] = len(rows)
    return table


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", type=Path, required=True, help="forecast benchmark build dir")
    args = parser.parse_args(argv)
    for kind in ("bakery", "deli"):
        folder = args.build / f"demo_{kind}"
        if not (folder / "PRED.csv").exists():
            continue
        table = shop_table(folder, kind)
        excess = table["pinball 0.7"] / table.loc["perfect", "pinball 0.7"] - 1
        print(f"== demo {kind}: {table.attrs['rows']} product-days; our median is "
              f"{table.attrs['median_vs_mean']:.1%} of demand away from the true mean")
        print(table.assign(**{"vs perfect at 0.7": excess.map("{:+.1%}".format)})
              .round(4).to_string())
    return 0


if __name__ == "__main__":
    sys.exit(main())
