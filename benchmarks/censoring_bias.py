"""How much of the sell-out bias the censored-demand treatment removes, on the demo shops.

The demo shops know their true demand; on sell-out days the sales understate it. Prints, per
shop, the sell-out product-days found from the shop file (sold-out time, books that balance) and
the gap to the true demand of the raw sales and of the treated estimate the models train on.

    python benchmarks/censoring_bias.py [--end 2026-11-26]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> int:
    """Generate both demo shops and print the figures."""
    from forecasting.demo.generate import write_demo_shop
    from forecasting.models.censoring import uncensor
    from forecasting.models.frame import build_panel
    from forecasting.store.file import Shop
    from forecasting.store.sales import read_sales, read_true_demand

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--end", type=dt.date.fromisoformat, default=dt.date(2026, 11, 26))
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp())
    for kind in ("bakery", "deli"):
        path = write_demo_shop(kind, args.end, folder / f"{kind}.bkshop")
        with Shop.open(path) as shop:
            sales, truth = read_sales(shop), read_true_demand(shop)
        panel = build_panel(sales)
        demand = truth.pivot(index="date", columns="product", values="demand")
        demand = demand.reindex(index=panel.dates, columns=panel.products).to_numpy()
        cells = panel.censored & np.isfinite(demand)
        total = demand[cells].sum()
        raw = (panel.y[cells] - demand[cells]).sum() / total
        treated = (uncensor(panel.y, panel.censored)[cells] - demand[cells]).sum() / total
        print(f"{kind}: {int(cells.sum())} sell-out product-days, sales vs true demand "
              f"{raw:+.1%}, treated estimate {treated:+.1%} "
              f"({1 - abs(treated) / abs(raw):.0%} of the gap removed)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
