"""How much waste a perfect forecast could save on the demo bakery, next to what ours saves.

The demo world knows each product-day's true demand distribution (gamma-Poisson around a known
mean, forecasting/demo/world.py). Its quantiles are the best forecast any model could make, so
the policy benchmark's fresh-goods comparison with them ("oracle") bounds what the forecasting
core can reach. Same rows, rules and scoring as benchmarks/policy_benchmark.py (second half of
the last 364 days); waste and sell-out days against "same as last week", for:

- levels matched on the first half (the benchmark's `ours_matched_days` / `ours_matched_total`),
- levels matched in hindsight on the scored half itself (no carry-over noise),
- the oracle ordering per product-day what minimises expected waste + price x P(sell out), the
  price set in hindsight so that the sell-out days equal the rule's (per product or in total):
  the lowest waste any forecast can reach at that availability.

    /tmp/venv/bin/python benchmarks/policy_oracle.py [--cache DIR]
"""

from __future__ import annotations

import argparse
import functools
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import policy_benchmark as bench  # noqa: E402

from forecasting.policy import policy_backtest as pol  # noqa: E402
from forecasting.values.products import Product  # noqa: E402

PRICES = np.geomspace(0.3, 1000.0, 80)  # price per sell-out day, in units of waste


def demo_inputs(kind: str) -> tuple[pd.DataFrame, pd.DataFrame, dict[str, Product], object]:
    """(sales, true demand, fresh products, features) of the demo shop, as the benchmark reads it."""
    from forecasting.demo.generate import write_demo_shop
    from forecasting.shop_calendar import product_promotions, shop_features, with_promotions
    from forecasting.store.file import Shop
    from forecasting.store.products import load_products
    from forecasting.store.sales import read_sales, read_true_demand

    with tempfile.TemporaryDirectory() as tmp:
        path = write_demo_shop(kind, bench.DEMO_END, Path(tmp) / f"{kind}.bkshop")
        with Shop.open(path) as shop:
            sales = with_promotions(read_sales(shop), product_promotions(shop))
            demand = read_true_demand(shop)
            products = {p.name: p for p in load_products(shop)}
            features = shop_features(shop, sales["date"].min().date(), bench.DEMO_END)
    fresh = {n: p for n, p in products.items()
             if not (p.shelf_life_days > 1 and set(p.delivery_weekdays) != set(range(7)))}
    return sales, demand, fresh, features


@functools.cache
def demo_world(kind: str) -> object:
    """The demo world the benchmark's shop was written from (same end date, default seed)."""
    from forecasting.demo.generate import simulate

    return simulate(kind, bench.DEMO_END).world


def true_distribution(kind: str, frame: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Per row of `frame` (date, product): the true mean demand and the gamma shape."""
    from forecasting.demo.world import demand_distribution

    world = demo_world(kind)
    mean, shape = demand_distribution(world)
    rows = world.days.get_indexer(frame["date"])
    products = pd.Index(world.names).get_indexer(frame["product"])
    return mean[rows, products], shape[0, products]


def oracle_quantiles(kind: str, frame: pd.DataFrame) -> pd.DataFrame:
    """`frame` with its quantile columns replaced by the true distribution's
    (`forecasting.demo.world.demand_quantiles`)."""
    from forecasting.demo.world import demand_quantiles

    world = demo_world(kind)
    cols = [c for c in frame.columns if pol.level_of(str(c)) is not None]
    grid = demand_quantiles(world, [pol.level_of(str(c)) for c in cols])
    rows = world.days.get_indexer(frame["date"])
    products = pd.Index(world.names).get_indexer(frame["product"])
    out = frame.copy()
    for k, col in enumerate(cols):
        out[col] = grid[k, rows, products]
    return out


def scored_rows(preds: pd.DataFrame, sales: pd.DataFrame, demand: pd.DataFrame,
                products: dict[str, Product]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(first half, second half) of the rows the benchmark scores, as `pol.compare` splits them."""
    frame = preds.merge(demand[["product", "date", "demand"]], on=["product", "date"])
    frame = frame[frame["product"].isin(list(products))].sort_values(["date", "product"])
    frame = frame[np.isfinite(pol.rule_orders(frame, sales, "last_week", products))]
    frame = frame.reset_index(drop=True)
    split = np.sort(frame["date"].unique())[frame["date"].nunique() // 2]
    return (frame[frame["date"] < split].reset_index(drop=True),
            frame[frame["date"] >= split].reset_index(drop=True))


def matched(fit: pd.DataFrame, test: pd.DataFrame, sales: pd.DataFrame,
            products: dict[str, Product]) -> dict[str, np.ndarray]:
    """Our orders on `test` at levels matched on `fit` (per product, and in total)."""
    d_fit = fit["demand"].to_numpy(dtype=float)
    reference = pol.rule_orders(fit, sales, "last_week", products)
    per_product = pol.matched_levels(fit, d_fit, products, reference, "sellout_days")
    in_total = pol.matched_in_total(
        pol.level_curves(fit, d_fit, products),
        float((d_fit > reference + 1e-9).sum()), float(np.clip(d_fit - reference, 0, None).sum()),
        start=per_product)
    return {"per product": pol.policy_orders(test, products, per_product),
            "in total": pol.policy_orders(test, products, in_total)}


def best_orders(test: pd.DataFrame, mu: np.ndarray, k: np.ndarray, reference: np.ndarray,
                products: dict[str, Product]) -> dict[str, np.ndarray]:
    """The oracle's least-waste orders per product-day (whole packs) at the rule's sell-out days."""
    from scipy.stats import nbinom

    demand = test["demand"].to_numpy(dtype=float)
    options = []
    for i, name in enumerate(test["product"]):
        pack, least = products[name].pack_size, products[name].min_order
        p = k[i] / (k[i] + mu[i])
        top = nbinom.ppf(0.9999, k[i], p) + pack
        qs = np.arange(0.0, top + pack, pack)
        qs = qs[(qs == 0) | (qs >= least)]
        units = np.arange(int(top) + 1)
        pmf = nbinom.pmf(units, k[i], p)
        waste = np.clip(qs[:, None] - units[None, :], 0, None) @ pmf
        options.append((qs, waste, nbinom.sf(qs, k[i], p)))
    table = np.array([[qs[np.argmin(w + price * s)] for qs, w, s in options] for price in PRICES])
    sellouts = demand[None, :] > table + 1e-9
    waste = np.clip(table - demand[None, :], 0, None)

    def least_waste(rows: np.ndarray) -> np.ndarray:
        allowed = (demand[rows] > reference[rows] + 1e-9).sum()
        ok = sellouts[:, rows].sum(axis=1) <= allowed
        pick = np.flatnonzero(ok)[np.argmin(waste[ok][:, rows].sum(axis=1))] if ok.any() else -1
        return table[pick, rows]

    per_product = np.zeros(len(test))
    names = test["product"].to_numpy()
    for name in np.unique(names):
        rows = names == name
        per_product[rows] = least_waste(rows)
    return {"per product": per_product, "in total": least_waste(np.ones(len(test), dtype=bool))}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, help="backtest predictions cache (as policy_benchmark)")
    parser.add_argument("--days", type=int, default=364)
    args = parser.parse_args(argv)
    bench.CACHE = args.cache
    began = time.perf_counter()
    sales, demand, products, features = demo_inputs("bakery")
    categories = {p.name: p.category for p in products.values()}
    ours, _ = bench.backtest_predictions(sales, features, args.days, categories, name="bakery")
    fit, test = scored_rows(ours, sales, demand, products)
    mu_test, k_test = true_distribution("bakery", test)
    d_test = test["demand"].to_numpy(dtype=float)
    reference = pol.rule_orders(test, sales, "last_week", products)
    base = pol.score("last_week", reference, d_test, test, products)
    rows = []

    def add(method: str, who: str, orders: np.ndarray) -> None:
        s = pol.score(who, orders, d_test, test, products)
        rows.append({"method": method, "forecast": who, "wasted": s.wasted,
                     "waste_vs_last_week": f"{s.wasted / base.wasted - 1:+.1%}",
                     "sellout_days_vs_last_week": s.sellout_days - base.sellout_days})

    truth_fit, truth_test = oracle_quantiles("bakery", fit), oracle_quantiles("bakery", test)
    for who, f, t in (("ours", fit, test), ("oracle", truth_fit, truth_test)):
        for how, orders in matched(f, t, sales, products).items():
            add(f"level matched on the first half, {how}", who, orders)
        for how, orders in matched(t, t, sales, products).items():
            add(f"level matched in hindsight, {how}", who, orders)
    for how, orders in best_orders(test, mu_test, k_test, reference, products).items():
        add(f"least waste per product-day in hindsight, {how}", "oracle", orders)
    print(f"demo bakery, fresh goods, second half: {len(test)} product-days; same as last week "
          f"wastes {base.wasted:,.0f} units on {base.sellout_days} sell-out days")
    with pd.option_context("display.width", 200, "display.max_colwidth", 60):
        print(pd.DataFrame(rows).to_string(index=False))
    print(f"total {time.perf_counter() - began:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
