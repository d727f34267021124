"""Where the forecast of the days around Christmas and between the years goes wrong, step by step.

A one-day-ahead backtest over one December (as run_backtest does it, keeping the run so its inputs
can be read) and, per group of days, each step's sum against the true demand (demo and synthetic
association shops; Kiel against its sales): the recorded sales, the uncensored training target y,
the scale s, each member's point forecast and the final q0.5. --no-uncensor trains on the raw
sales instead (the counterfactual for "the sell-out uplift inflates those days").

    PYTHONPATH=. nice .venv/bin/python benchmarks/between_years.py demo_bakery 2024 [--no-uncensor]
    shops: demo_bakery, demo_deli, kiel, or an association shop with three years (b1..b4, d1..d4)
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from forecasting.models import engine, members  # noqa: E402
from forecasting.models.backtest import WARMUP_DAYS, _category_index  # noqa: E402
from forecasting.models.frame import build_panel  # noqa: E402
from forecasting.models.member import Schedule  # noqa: E402
from forecasting.models.select import calibrated, select  # noqa: E402

BUILD = ROOT / "build" / "between_years"


def _csv_shop(folder: Path, truth: pd.DataFrame | None) -> tuple:
    from calendars.event_files import read_events_file
    from calendars.features import build_features
    from calendars.weather_files import read_weather_file
    from forecasting.models.sales_csv import read_sales_csv

    sales = read_sales_csv(folder / "SALES.csv")
    events = read_events_file(folder / "EVENTS.csv") if (folder / "EVENTS.csv").exists() else None
    weather = read_weather_file(folder / "WEATHER.csv")
    state = json.loads((folder / "shop.json").read_text())["state"]
    features = build_features(state, sales["date"].min().date(), sales["date"].max().date(),
                              events=events, weather=weather)
    if truth is None:  # real shop: only its sales are known
        truth = sales[["date", "product", "quantity"]].rename(columns={"quantity": "demand"})
    return sales, features, truth, None


def load(shop: str, year: int) -> tuple:
    """sales, calendar features, true demand (product, date, demand), categories."""
    from convert_datasets import demo, kiel

    if shop == "kiel":
        return _csv_shop(kiel(BUILD), None)
    if shop.startswith("demo_"):
        folder = demo(shop.removeprefix("demo_"), BUILD)
        return _csv_shop(folder, pd.read_csv(folder / "TRUE_DEMAND.csv", parse_dates=["date"]))
    from forecasting.demo.association import default_association, simulate_member

    end = dt.date(year + 1, 1, 1)
    member = simulate_member(next(s for s in default_association(end) if s.name == shop), end)
    return member.sales, member.features, member.demand(), member.categories


def december(sales: pd.DataFrame, features: object, categories: dict | None, year: int
             ) -> tuple[engine.Run, np.ndarray]:
    """The fitted run and the final q0.5 [day, product] of a backtest over 1-31 December."""
    start, end = pd.Timestamp(year, 12, 1), pd.Timestamp(year, 12, 31)
    panel = build_panel(sales, until=end)
    first, last = panel.day_index(start), panel.day_index(end)
    targets = np.zeros(panel.n_days, dtype=bool)
    targets[max(first - WARMUP_DAYS, 0) : last + 1] = True
    targets &= ~panel.closed
    run = engine.prepare(panel, features, 1, _category_index(panel.products, categories),
                         members.new(None))
    members.fit_models(run, targets, Schedule.backtest(max(first - WARMUP_DAYS, 0), last + 1, 14))
    final, _choice, _names = select(run, calibrated(run, [0.5, 0.7, 0.9], targets), [0.5, 0.7, 0.9])
    return run, final[:, :, 0]


def table(run: engine.Run, q50: np.ndarray, truth: pd.DataFrame, year: int) -> pd.DataFrame:
    """Per group of days: each step's sum over the true demand's, in % (+: above demand)."""
    panel = run.panel
    demand = truth.pivot_table(index="date", columns="product", values="demand").reindex(
        index=panel.dates, columns=panel.products).to_numpy()
    steps = {"sales": panel.sales, "target y": run.y, "scale s": run.s}
    steps.update({m.name: m.points_ for m in run.models if m.points_ is not None})
    steps["final q0.5"] = q50
    md = np.array([d.month * 100 + d.day for d in panel.dates])
    window = (panel.dates.year == year) & ~panel.closed
    groups = {"usual days 1.-20.12.": (md >= 1201) & (md <= 1220) & ~run.special,
              "23.12.": md == 1223, "24.12.": md == 1224,
              "27.-30.12.": (md >= 1227) & (md <= 1230), "31.12.": md == 1231}
    rows = []
    for name, days in groups.items():
        cells = (days & window)[:, None] & np.isfinite(demand) & np.isfinite(q50)
        row = {"days": name, "product-days": int(cells.sum()),
               "sold out %": 100 * run.panel.censored[cells].mean()}
        for step, values in steps.items():
            ok = cells & np.isfinite(values)
            row[step] = 100 * (values[ok].sum() / demand[ok].sum() - 1) if ok.any() else np.nan
        rows.append(row)
    return pd.DataFrame(rows).set_index("days").round(1)


def main(argv: list[str] | None = None) -> int:
    """Run one shop's December and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("shop")
    parser.add_argument("year", type=int)
    parser.add_argument("--no-uncensor", action="store_true",
                        help="train on the raw sales (sell-out days not raised)")
    args = parser.parse_args(argv)
    if args.no_uncensor:
        engine.uncensor = lambda y, censored, **_: y  # the counterfactual: no sell-out uplift
    sales, features, truth, categories = load(args.shop, args.year)
    run, q50 = december(sales, features, categories, args.year)
    label = " without uncensoring" if args.no_uncensor else ""
    print(f"{args.shop} December {args.year}{label}: % above the true demand")
    print(table(run, q50, truth, args.year).to_string())
    return 0


if __name__ == "__main__":
    sys.exit(main())
