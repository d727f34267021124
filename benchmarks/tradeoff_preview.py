"""The trade-off preview (issue 19): how long the once-per-dialog preparation takes, how long an
area's figures take, and the figures per step.

Run: nice -n 5 .venv/bin/python benchmarks/tradeoff_preview.py [--kind bakery|deli] [--repeats 200]
     [--window]

Builds the demo shop (history up to 25.11.2026), its plan for 26.11.2026 (trains the forecast
once, in a temporary model cache), then per area: `area_demands` once (the cached forecasts as
product-day rows), and `preview` for every slider step `repeats` times. Goods that keep (the
deli) are played forward order cycle by order cycle; their play of a step is kept once done, so
each timed run first forgets it (at most `KEPT_REPEATS` rounds): "one step alone" is the first
visit of a single step, "all steps" is what the window's job per area computes (`previews` of
the recommended setting and the 11 steps, played side by side). --window: also the settings
dialog's page (Qt offscreen): making it, until every area's figures are there (on the worker),
and one slider step with its labels. Every line is printed when it is known (line-buffered: a
run cut short still shows what it measured).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from forecasting.demo.generate import write_demo_shop  # noqa: E402
from forecasting.models.persist import CACHE_ENV  # noqa: E402
from forecasting.plan_inputs import read_plan_inputs  # noqa: E402
from forecasting.policy.plan import plan_order  # noqa: E402
from forecasting.policy.tradeoff_preview import STEPS, area_demands, preview, previews  # noqa: E402
from forecasting.policy.tradeoff_text import (  # noqa: E402
    sellout_words,
    stock_words,
    waste_words,
)
from forecasting.store.file import Shop  # noqa: E402

DAY = dt.date(2026, 11, 26)
KEPT_REPEATS = 3


def main() -> None:
    """Print the timings and the figures per area and step."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--kind", default="bakery")
    parser.add_argument("--repeats", type=int, default=200)
    parser.add_argument("--window", action="store_true")
    args = parser.parse_args()
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr]
    with tempfile.TemporaryDirectory() as tmp:
        os.environ[CACHE_ENV] = str(Path(tmp) / "cache")
        path = write_demo_shop(args.kind, DAY, Path(tmp) / "shop.bkshop")
        with Shop.open(path) as shop:
            inputs = read_plan_inputs(shop, DAY)
        start = time.perf_counter()
        plan = plan_order(inputs)
        print(f"plan (forecast trained): {time.perf_counter() - start:.1f} s")
        start = time.perf_counter()
        demands = area_demands(inputs, plan)
        print(f"area_demands (once per dialog): {1000 * (time.perf_counter() - start):.0f} ms")
        for area, demand in demands.items():
            times, every = [], []
            repeats = min(args.repeats, KEPT_REPEATS) if demand.kept else args.repeats
            for round_ in range(repeats):
                for level in STEPS:
                    demand.played.clear()
                    t0 = time.perf_counter()
                    preview(demand, level)
                    times.append(1000 * (time.perf_counter() - t0))
                if round_ >= KEPT_REPEATS:
                    continue
                demand.played.clear()
                t0 = time.perf_counter()
                previews(demand, [None, *STEPS])
                every.append(1000 * (time.perf_counter() - t0))
            kept = (f", {len(demand.kept)} goods that keep played forward "
                    f"({sum(len(k.cycles) for k in demand.kept)} orders)" if demand.kept else "")
            job = statistics.median(every)
            print(f"\n{area}: {len(demand.products)} products, {demand.rows} product-days, "
                  f"{len(demand.stocked)} goods that keep left out{kept}; one step alone: median "
                  f"{statistics.median(times):.2f} ms, max {max(times):.2f} ms; all "
                  f"{len(STEPS) + 1} settings in one job: median {job:.0f} ms "
                  f"({job / (len(STEPS) + 1):.1f} ms per setting), max {max(every):.0f} ms")
            for level in (None, *STEPS):
                figures = preview(demand, level)
                shown = "auto" if level is None else f"{100 * level:.0f} %"
                stock = ("" if figures.stock_days is None else
                         f" {figures.stock_units:6.1f} units on the shelf "
                         f"({figures.stock_days:4.2f} days) | {stock_words(demand, figures)} |")
                print(f"  {shown:>5}  {figures.waste_units:8.1f} units  "
                      f"{figures.waste_euros or 0:8.1f} EUR  {figures.sellout_days:7.1f} "
                      f"sold-out product-days |{stock} {waste_words(demand, figures)} | "
                      f"{sellout_words(figures)}")
        if args.window:
            window_times(path, plan)


def window_times(path: Path, plan: object) -> None:
    """Build the settings dialog's trade-off page 5 times, move the first area's slider."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from app import i18n
    from app.session import ShopSession
    from app.tradeoff_panel import TradeoffPanel

    application = QApplication.instance() or QApplication([])
    i18n.install_language("de")
    session = ShopSession.open(path, day=DAY)
    session.auto_recompute = False
    session.show_plan(plan, session.shop.plan_version())  # type: ignore[arg-type]
    build, ready, move = [], [], []
    for _ in range(5):
        t0 = time.perf_counter()
        panel = TradeoffPanel(session)
        build.append(1000 * (time.perf_counter() - t0))
        while not panel.ready():
            application.processEvents()
            time.sleep(0.005)
        ready.append(1000 * (time.perf_counter() - t0))
        slider = next(iter(panel.rows.values())).slider
        for value in range(slider.maximum() + 1):
            t0 = time.perf_counter()
            slider.setValue(value)
            move.append(1000 * (time.perf_counter() - t0))
        panel.deleteLater()
    session.close()
    application.processEvents()
    print(f"\nwindow: making the page median {statistics.median(build):.0f} ms (the window's "
          f"thread); every area's figures there (worker) after median "
          f"{statistics.median(ready):.0f} ms; one slider step with its labels median "
          f"{statistics.median(move):.1f} ms, max {max(move):.1f} ms")


if __name__ == "__main__":
    main()
