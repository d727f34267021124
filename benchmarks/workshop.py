"""Workshop benchmark (issue 17): a 4-week, 20-product scenario on the demo bakery, played by three
scripted participants and reported, through the real command line; prints the times (goal: under
30 s in total) and checks that the model's and the rule's waste and sell-out days in the report
are what the policy benchmark's machinery (forecasting/policy/policy_backtest.py: policy_orders,
rule_orders, score, as benchmarks/policy_benchmark.py's "ours_economics" and "last_week" rows)
gives on the same product-days, from the scenario's forecasts and the shop file's true demand.

    nice python benchmarks/workshop.py [--from 2026-10-29] [--to 2026-11-25] [--keep DIR]
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
from forecasting.policy.policy_backtest import policy_orders, rule_orders, score  # noqa: E402
from forecasting.store.file import Shop  # noqa: E402
from forecasting.store.sales import read_sales, read_true_demand  # noqa: E402
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


def check(shop: Path, scenario_path: Path, report: dict) -> bool:
    """The report's model and rule figures against the policy benchmark's machinery."""
    scenario = read_scenario(scenario_path)
    products = {p.name: p for p in scenario.products}
    with Shop.open(shop, read_only=True) as s:
        truth = read_true_demand(s)
        sales = read_sales(s)
    frame = scenario.forecasts.merge(truth, on=["date", "product"]).sort_values(
        ["date", "product"], ignore_index=True)
    demand = frame["demand"].to_numpy(float)
    ours = score("ours_economics", policy_orders(frame, products), demand, frame, products)
    rule = np.nan_to_num(rule_orders(frame, sales, "last_week", products), nan=0.0)
    last_week = score("last_week", rule, demand, frame, products)
    ok = True
    for name, bench, mine in (("bestellkompass", ours, report["bestellkompass"]),
                              ("same_as_last_week", last_week, report["same_as_last_week"])):
        for field, value in (("waste", bench.wasted), ("sellout_days", bench.sellout_days),
                             ("short", bench.short), ("margin", bench.margin)):
            same = abs(float(mine[field]) - float(value)) < 0.01
            ok &= same
            print(f"  {name:18} {field:13} report {mine[field]:>10} policy benchmark "
                  f"{value:>10.2f} {'ok' if same else 'DIFFERENT'}")
    print(f"  {len(frame)} product-days, {frame['date'].nunique()} days, "
          f"{frame['product'].nunique()} products")
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--from", dest="first", default="2026-10-29")
    parser.add_argument("--to", dest="last", default="2026-11-25")
    parser.add_argument("--keep", type=Path, help="write the files here instead of a temp dir")
    parser.add_argument("--pdf", action="store_true", help="also write the PDF handout")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        began = time.perf_counter()
        shop = write_demo_shop("bakery", DEMO_END, folder / "bakery.bkshop", overwrite=True)
        print(f"demo bakery generated in {time.perf_counter() - began:.1f} s (not counted)")
        times: dict[str, float] = {}
        scenario = folder / "bakery.bkworkshop"
        timed("create", ["--lang", "en", "workshop", "create", "--shop", str(shop), "--from",
                         args.first, "--to", args.last, "--out", str(scenario)], times)
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
        print(f"  {'total':14} {total:6.1f}  (goal < 30 s: {'met' if total < 30 else 'MISSED'})")
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
