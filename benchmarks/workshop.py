"""Workshop benchmark (issue 17): a 4-week, 20-product scenario on the demo bakery, played by three
scripted participants and reported, through the real command line; prints the times (goal: under
30 s in total) and checks that the model's and the rule's waste and sell-out days in the report
are what the policy benchmark's machinery (forecasting/policy/policy_backtest.py: policy_orders,
rule_orders, score, as benchmarks/policy_benchmark.py's "ours_economics" and "last_week" rows)
gives on the same product-days, from the scenario's forecasts and the shop file's true demand.

With `--kind deli` the scenario is made on the demo deli, whose goods keep: the check then runs
the policy benchmark's stock machinery (forecasting/policy/stock_simulation.py simulate with
stock_backtest.our_policy at the "ours_economics" level and rule_policy "last_week", as
forecasting/policy/stock_backtest.py compare_stocked does) on the scenario's forecasts several days
ahead (the horizons the orders reach) and the shop file's true demand, sales and opening days; the two weeks before the first day
fill the shelf by "same as last week" for both (as in the scenario), and the margin counts what
stays on the shelf at cost.

    nice python benchmarks/workshop.py [--kind bakery|deli] [--from 2026-10-29] [--to 2026-11-25]
        [--products A,B,...] [--keep DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.cli import main as cli  # noqa: E402
from forecasting.demo.generate import write_demo_shop  # noqa: E402
from forecasting.policy.plan import closed_reason  # noqa: E402
from forecasting.policy.policy_backtest import policy_orders, rule_orders, score  # noqa: E402
from forecasting.policy.stock_backtest import (  # noqa: E402
    economics_level,
    our_policy,
    rule_policy,
    window_forecasts,
)
from forecasting.policy.stock_simulation import OrderPolicy, SimResult, simulate  # noqa: E402
from forecasting.store.file import Shop  # noqa: E402
from forecasting.store.products import load_products  # noqa: E402
from forecasting.store.sales import read_sales, read_true_demand  # noqa: E402
from forecasting.store.settings import load_closing_days, load_settings  # noqa: E402
from forecasting.workshop.files import read_scenario  # noqa: E402

DEMO_END = dt.date(2026, 11, 26)


def participants(sheet: pd.DataFrame) -> dict[str, pd.Series]:
    """Three scripted owners: one trusts the suggestion but adds 10 % on Saturdays and Sundays,
    one takes last week and adds 15 % (the demo bakery's own habit), one orders the median."""
    weekend = sheet["date"].dt.day_of_week >= 5
    return {
        "Anna": (sheet["suggestion"] * np.where(weekend, 1.1, 1.0)).round(),
        "Bernd": (sheet["rule"] * 1.15).round(),
        "Cem": sheet["forecast"].round(),
    }


def timed(label: str, argv: list[str], times: dict[str, float]) -> None:
    began = time.perf_counter()
    code = cli(argv)
    times[label] = time.perf_counter() - began
    if code != 0:
        raise SystemExit(f"{label}: exit {code}")


def stocked_figures(shop: Path, scenario_path: Path) -> dict[str, dict[str, float]]:
    """Waste, sell-out days, short and margin of "ours_economics" and "last_week" over the
    scenario's goods that keep, from the policy benchmark's stock machinery."""
    scenario = read_scenario(scenario_path)
    first, last = scenario.first, scenario.last
    with Shop.open(shop, read_only=True) as s:
        truth, sales = read_true_demand(s), read_sales(s)
        settings, closing = load_settings(s), load_closing_days(s)
        catalogue = {p.name: p for p in load_products(s)}

    def is_open(day: dt.date) -> bool:
        return closed_reason(settings, closing, day) is None

    start = first - dt.timedelta(days=14)
    days = [start + dt.timedelta(days=k) for k in range((last - start).days + 1)]
    edge = first - dt.timedelta(days=1)
    totals = {"bestellkompass": dict.fromkeys(("waste", "sellout_days", "short", "margin"), 0.0),
              "same_as_last_week": dict.fromkeys(("waste", "sellout_days", "short", "margin"),
                                                 0.0)}
    for name in scenario.stocked:
        product = catalogue[name]
        rows = truth[truth["product"] == name]
        want = dict(zip(rows["date"].dt.date, rows["demand"].astype(float), strict=True))
        srows = sales[sales["product"] == name]
        seen = dict(zip(srows["date"].dt.date, srows["quantity"].astype(float), strict=True))
        level = economics_level(product)  # compare_stocked's "ours_economics" level
        rule = rule_policy(product, seen, "last_week")
        ours = our_policy(product, window_forecasts(scenario.stock_forecasts, name), level)
        for who, own in (("bestellkompass", ours), ("same_as_last_week", rule)):
            def policy(ctx: object, own: OrderPolicy = own, warm: OrderPolicy = rule) -> float:
                return warm(ctx) if ctx.day < edge else own(ctx)  # type: ignore[attr-defined, arg-type]

            res: SimResult = simulate(product, days, want, is_open, policy,
                                      scored=lambda d: d >= first)
            bought = simulate(product, days, want, is_open, policy,
                              scored=lambda d: d >= edge).ordered  # the policy's own orders
            margin = (product.price * res.sold - product.unit_cost * bought
                      + product.salvage_value * res.wasted + product.unit_cost * res.end_stock)
            for field, value in (("waste", res.wasted), ("sellout_days", res.sellout_days),
                                 ("short", res.short), ("margin", margin)):
                totals[who][field] += value
    return totals


def check(shop: Path, scenario_path: Path, report: dict) -> bool:
    """The report's model and rule figures against the policy benchmark's machinery."""
    scenario = read_scenario(scenario_path)
    products = {p.name: p for p in scenario.products if p.name not in scenario.stocked}
    with Shop.open(shop, read_only=True) as s:
        truth = read_true_demand(s)
        sales = read_sales(s)
    frame = scenario.forecasts[scenario.forecasts["product"].isin(list(products))].merge(
        truth, on=["date", "product"]).sort_values(["date", "product"], ignore_index=True)
    demand = frame["demand"].to_numpy(float)
    figures = {k: dict.fromkeys(("waste", "sellout_days", "short", "margin"), 0.0)
               for k in ("bestellkompass", "same_as_last_week")}
    if len(frame):
        ours = score("ours_economics", policy_orders(frame, products), demand, frame, products)
        rule = np.nan_to_num(rule_orders(frame, sales, "last_week", products), nan=0.0)
        last_week = score("last_week", rule, demand, frame, products)
        for key, bench in (("bestellkompass", ours), ("same_as_last_week", last_week)):
            figures[key] = {"waste": bench.wasted, "sellout_days": bench.sellout_days,
                            "short": bench.short, "margin": bench.margin}
    if scenario.stocked:
        for key, part in stocked_figures(shop, scenario_path).items():
            for field, value in part.items():
                figures[key][field] += value
    ok = True
    for name, mine in (("bestellkompass", report["bestellkompass"]),
                       ("same_as_last_week", report["same_as_last_week"])):
        for field, value in figures[name].items():
            same = abs(float(mine[field]) - float(value)) < 0.01
            ok &= same
            print(f"  {name:18} {field:13} report {mine[field]:>10} policy benchmark "
                  f"{value:>10.2f} {'ok' if same else 'DIFFERENT'}")
    print(f"  {len(scenario.outcome)} product-days, {len(scenario.days)} days, "
          f"{len(scenario.products)} products ({len(scenario.stocked)} keep: stock simulation)")
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kind", choices=["bakery", "deli"], default="bakery")
    parser.add_argument("--products", default=None, help="comma-separated (default: best sellers)")
    parser.add_argument("--from", dest="first", default="2026-10-29")
    parser.add_argument("--to", dest="last", default="2026-11-25")
    parser.add_argument("--keep", type=Path, help="write the files here instead of a temp dir")
    parser.add_argument("--pdf", action="store_true", help="also write the PDF handout")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        began = time.perf_counter()
        shop = folder / f"{args.kind}.bkshop"
        if not (args.keep and shop.exists()):  # --keep: a shop made before is used again
            write_demo_shop(args.kind, DEMO_END, shop, overwrite=True)
        print(f"demo {args.kind} ready in {time.perf_counter() - began:.1f} s (not counted)")
        times: dict[str, float] = {}
        scenario = folder / f"{args.kind}.bkworkshop"
        chosen = ["--products", args.products] if args.products else []
        timed("create", ["--lang", "en", "workshop", "create", "--shop", str(shop), "--from",
                         args.first, "--to", args.last, *chosen, "--out", str(scenario)], times)
        sheet = read_scenario(scenario).sheet
        results = []
        for name, quantity in participants(sheet).items():
            orders = folder / f"{name}.csv"
            pd.DataFrame({"date": sheet["date"].dt.strftime("%Y-%m-%d"),
                          "product": sheet["product"], "quantity": quantity}).to_csv(
                orders, index=False)
            result = folder / f"{name}.bkresult"
            timed(f"play {name}", ["--lang", "en", "workshop", "play", str(scenario),
                                   "--participant", name, "--orders", str(orders),
                                   "--out", str(result)], times)
            results.append(str(result))
        report_path = folder / "report.json"
        timed("report json", ["--lang", "en", "workshop", "report", *results, "--format", "json",
                              "--out", str(report_path)], times)
        if args.pdf:
            timed("report pdf", ["workshop", "report", *results, "--format", "pdf",
                                 "--out", str(folder / "report.pdf")], times)
        total = sum(times.values())
        print("\ntimes (wall, s):")
        for label, seconds in times.items():
            print(f"  {label:14} {seconds:6.1f}")
        goal = "" if args.kind != "bakery" else \
            f"  (goal < 30 s: {'met' if total < 30 else 'MISSED'})"
        print(f"  {'total':14} {total:6.1f}{goal}")
        report = json.loads(report_path.read_text(encoding="utf-8"))
        print("\ntotals:")
        for who, figures in [("bestellkompass", report["bestellkompass"]),
                             ("same_as_last_week", report["same_as_last_week"]),
                             *[(p["name"], p["participant"]) for p in report["participants"]]]:
            print(f"  {who:18} " + ", ".join(f"{k} {v}" for k, v in figures.items()))
        print("\ncheck against the policy benchmark's machinery:")
        ok = check(shop, scenario, report)
        print("check:", "passed" if ok else "FAILED")
        return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
