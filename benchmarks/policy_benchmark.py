"""Policy backtest: our order suggestions vs the bakers' rules on known demand.

Rolling forecasts from the forecasting core's backtest (forecasting/models/backtest.py) over the
last year of each data set: one day ahead for fresh goods; for the deli's goods that keep, runs 1..8
days ahead, so that each day of an order's window is forecast from what was known when ordering.
Units wasted, units short, sell-out days and margin for our suggestions and for "same as last
week", "+10 %" and "average of the last four same weekdays". Our "matched" levels are chosen on
the first half of the year (per product: no more sell-out days, or units short, than "same as last
week"; in total: no more sell-out days and no more units short summed over the products); all
figures are for the second half. Fresh goods: one-day newsvendor per product-day; the deli:
order-up-to in a FIFO stock simulation (forecasting/policy/stock_backtest.py). See
docs/order_policy.md.

    /tmp/venv/bin/python benchmarks/policy_benchmark.py [--only wuerzbaeck|bakery|deli]
        [--days 364] [--cache DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from forecasting.policy.policy_backtest import compare  # noqa: E402
from forecasting.values.products import Product  # noqa: E402

WUERZBURG = ROOT / ".." / "shared" / "datasets" / "wuerzbaeck"
LEVELS = (0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.975, 0.99)
DEMO_END = dt.date(2026, 11, 26)
#: An order for goods that keep covers up to 8 days ahead (two deliveries a week, holidays).
DELI_HORIZONS = range(1, 9)
#: The Würzburg file has no prices; typical German bakery prices and costs (assumed, see docs).
WUERZBURG_PRODUCTS = {
    "bread": Product("bread", price=3.50, unit_cost=1.10),
    "rolls": Product("rolls", price=0.45, unit_cost=0.13),
    "pretzels": Product("pretzels", price=0.90, unit_cost=0.25),
}


def wuerzburg_inputs() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """(sales, weather, demand): row i is 2016-01-02 + i; days with all three 0 are closed."""
    target = pd.read_csv(WUERZBURG / "wuerzbaeck_target.csv")
    data = pd.read_csv(WUERZBURG / "wuerzbaeck_data.csv")
    dates = pd.date_range("2016-01-02", periods=len(target))
    open_ = target.sum(axis=1) > 0
    long = target[open_].assign(date=dates[open_]).melt(
        id_vars="date", var_name="product", value_name="quantity")
    weather = pd.DataFrame({"date": dates, "kind": "observation",
                            "temperature": data["temperature"], "temperature_max": float("nan"),
                            "precipitation": data["rain"], "sunshine": float("nan"),
                            "source": "wuerzbaeck"})
    demand = long.rename(columns={"quantity": "demand"})
    # The file's own promotion flag, as an importer would map it (SALES column "promotion").
    promo = pd.Series(data["promotion_currentweek"].to_numpy(), index=dates)
    long["promotion"] = promo.reindex(long["date"]).to_numpy(dtype=float)
    return long, weather, demand


CACHE: Path | None = None


def backtest_predictions(sales: pd.DataFrame, features: object, days: int,
                         categories: dict[str, str] | None = None, *, horizon: int = 1,
                         name: str = "") -> tuple[pd.DataFrame, float]:
    """Final predictions at `horizon` for the last `days` days of the sales, and seconds.

    With --cache DIR the predictions are kept as CSV and reused (delete them after model changes).
    """
    from forecasting.models.backtest import BacktestPlan, run_backtest

    cached = CACHE / f"{name}_h{horizon}_{days}.csv" if CACHE and name else None
    if cached is not None and cached.exists():
        return pd.read_csv(cached, parse_dates=["date"]), 0.0
    end = sales["date"].max().date()
    plan = BacktestPlan(start=end - dt.timedelta(days=days - 1), end=end, horizon=horizon)
    result = run_backtest(sales, features, plan, LEVELS, categories=categories, candidates=False)
    preds = result.predictions
    preds = preds[preds["kind"] == "final"]
    if cached is not None:
        cached.parent.mkdir(parents=True, exist_ok=True)
        preds.to_csv(cached, index=False)
    return preds, result.seconds


def run_wuerzburg(days: int) -> list[tuple[str, pd.DataFrame]]:
    from calendars.features import build_features

    sales, weather, demand = wuerzburg_inputs()
    features = build_features("BY", sales["date"].min().date(), sales["date"].max().date(),
                              weather=weather)
    preds, seconds = backtest_predictions(sales, features, days, name="wuerzbaeck")
    print(f"wuerzbaeck: backtest {seconds:.1f} s, {len(preds)} product-days", flush=True)
    out, level = compare(preds, sales, demand, WUERZBURG_PRODUCTS)
    print(f"wuerzbaeck: matched levels {level}")
    return [("bread, rolls, pretzels", out)]


def run_demo(kind: str, days: int) -> list[tuple[str, pd.DataFrame]]:
    from forecasting.demo.generate import write_demo_shop
    from forecasting.policy.plan import closed_reason
    from forecasting.policy.stock_backtest import compare_stocked
    from forecasting.shop_calendar import product_promotions, shop_features, with_promotions
    from forecasting.store.file import Shop
    from forecasting.store.products import load_products
    from forecasting.store.sales import read_sales, read_true_demand
    from forecasting.store.settings import load_closing_days, load_settings

    with tempfile.TemporaryDirectory() as tmp:
        path = write_demo_shop(kind, DEMO_END, Path(tmp) / f"{kind}.bkshop")
        with Shop.open(path) as shop:
            settings = load_settings(shop)
            closing = load_closing_days(shop)

            def is_open(day: dt.date) -> bool:
                return closed_reason(settings, closing, day) is None

            # as the app's forecast sees the shop: its calendar, one-product promotions as input
            sales = with_promotions(read_sales(shop), product_promotions(shop))
            demand = read_true_demand(shop)
            products = {p.name: p for p in load_products(shop)}
            features = shop_features(shop, sales["date"].min().date(), DEMO_END)
    categories = {p.name: p.category for p in products.values()}
    preds, seconds = backtest_predictions(sales, features, days, categories, name=kind)
    print(f"{kind}: backtest {seconds:.1f} s, {len(preds)} product-days", flush=True)
    counted = {p.name for p in products.values() if p.shelf_life_days > 1
               and set(p.delivery_weekdays) != set(range(7))}
    fresh = {n: p for n, p in products.items() if n not in counted}
    parts = []
    if fresh:
        out, level = compare(preds, sales, demand, fresh)
        print(f"{kind}: fresh goods (one-day newsvendor), matched levels {level}")
        parts.append(("fresh goods", out))
    if counted:
        # Goods that keep: an order placed after closing on day t covers days t+1..t+k, so the
        # forecast for day t+j comes from the run j days ahead (sales up to day t, no later).
        runs = []
        for horizon in DELI_HORIZONS:
            run, secs = backtest_predictions(sales, features, days, categories, horizon=horizon,
                                             name=kind)
            print(f"{kind}: backtest h={horizon} {secs:.1f} s", flush=True)
            runs.append(run)
        stocked = {n: products[n] for n in counted}
        out, level = compare_stocked(pd.concat(runs, ignore_index=True), sales, demand, stocked,
                                     is_open)
        print(f"{kind}: goods that keep (order-up-to, stock simulation), matched levels {level}")
        parts.append(("goods that keep", out))
    return parts


def show(name: str, parts: list[tuple[str, pd.DataFrame]]) -> None:
    cols = ["days", "ordered", "demand", "wasted", "short", "sellout_days", "availability",
            "fill_rate", "margin", "waste_vs_last_week", "sellout_days_vs_last_week"]
    with pd.option_context("display.width", 200, "display.max_columns", 20):
        for part, frame in parts:
            print(f"\n== {name}: {part} (second half of the backtest year) ==")
            print(frame[cols].round(3).to_string())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=["wuerzbaeck", "bakery", "deli"])
    parser.add_argument("--days", type=int, default=364)
    parser.add_argument("--cache", type=Path, help="keep backtest predictions here as CSV")
    args = parser.parse_args(argv)
    global CACHE
    CACHE = args.cache
    began = time.perf_counter()
    runs = {"wuerzbaeck": lambda: run_wuerzburg(args.days),
            "bakery": lambda: run_demo("bakery", args.days),
            "deli": lambda: run_demo("deli", args.days)}
    for name, run in runs.items():
        if args.only and name != args.only:
            continue
        show(name, run())
    print(f"\ntotal {time.perf_counter() - began:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
