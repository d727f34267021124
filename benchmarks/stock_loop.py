"""The demo deli played evening by evening, as the app is used (issue 21, "evidence with the whole
loop"): each evening the sheet for the next day is made from the shop file (`build_order_plan`),
every line accepted (`operations.decisions.accept`), the goods come on their delivery days, the
day's sales arrive from the demo world's true demand (sold = what the real shelf holds, sold out
otherwise), and the shelf is counted now and then (`operations.stock.count`). Against it
"order up to last week's sales", played on the same days with the same deliveries: the order
fills the days it covers up to what sold on the same weekdays a week before, less what is
expected on the shelf when it comes (the real stock, the open orders, last week's sales of the
days before).

The real shelf is kept here, apart from the app: batches (units, last day they sell), sold first
in first out, thrown away after their last day (waste). Forecast: the demo world's true demand
distribution (`forecasting.demo.world.demand_quantiles`, the forecast no model can beat) by
default, so the run measures the stock loop and the policy, not the forecasting core; `--core`
lets the app's forecasting core forecast each evening instead (trains every evening: slow).

    nice -n 5 .venv/bin/python benchmarks/stock_loop.py [--weeks 8] [--start 2026-09-07]
        [--products N] [--core]

Scored from the second week on (both start from an empty shelf).
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from forecasting.demo.generate import simulate, write_demo_shop  # noqa: E402
from forecasting.demo.world import demand_quantiles  # noqa: E402
from forecasting.operations import decisions, stock  # noqa: E402
from forecasting.operations.edits import apply_edit  # noqa: E402
from forecasting.operations.reading import (  # noqa: E402
    latest_counts,
    load_closing_days,
    load_products,
    load_settings,
    read_sales,
)
from forecasting.operations.sales import remove_sales  # noqa: E402
from forecasting.operations.settings import change_product, set_category_service  # noqa: E402
from forecasting.operations.sheet import read_decisions, sheet_of  # noqa: E402
from forecasting.operations.shop import Shop, open_shop  # noqa: E402
from forecasting.policy.order_up_to import delivery_schedule  # noqa: E402
from forecasting.policy.plan import build_order_plan, closed_reason  # noqa: E402
from forecasting.store.sales import write_sales  # noqa: E402
from forecasting.values.products import Product  # noqa: E402

LEVELS = (0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.975, 0.99)
HORIZON_DAYS = 16  # forecast days given to each evening's plan
COUNT_WEEKDAY = 0  # the shelf is counted on Monday mornings


@dataclasses.dataclass
class Truth:
    """The demo world's true demand and distribution for the loop's days."""

    days: pd.DatetimeIndex
    names: list[str]
    demand: np.ndarray  # [day, product]
    quantiles: np.ndarray  # [level, day, product]

    def on(self, day: dt.date, product: str) -> float:
        return float(self.demand[self.days.get_loc(pd.Timestamp(day)), self.names.index(product)])


@dataclasses.dataclass
class Score:
    """What one policy did on the scored days, per product."""

    waste: dict[str, float] = dataclasses.field(default_factory=lambda: defaultdict(float))
    lost: dict[str, float] = dataclasses.field(default_factory=lambda: defaultdict(float))
    sellout_days: dict[str, int] = dataclasses.field(default_factory=lambda: defaultdict(int))
    sold: dict[str, float] = dataclasses.field(default_factory=lambda: defaultdict(float))
    bought: dict[str, float] = dataclasses.field(default_factory=lambda: defaultdict(float))
    demand: dict[str, float] = dataclasses.field(default_factory=lambda: defaultdict(float))
    stock: dict[str, float] = dataclasses.field(default_factory=lambda: defaultdict(float))
    open_days: dict[str, int] = dataclasses.field(default_factory=lambda: defaultdict(int))
    forgotten: int = 0  # evenings on which the app showed less on order than was open


class Shelf:
    """The real shelf: per product batches [units, last day they sell], oldest first."""

    def __init__(self, products: dict[str, Product]) -> None:
        self.products = products
        self.batches: dict[str, list[list]] = {p: [] for p in products}
        self.due: dict[str, dict[dt.date, float]] = {p: defaultdict(float) for p in products}

    def on_hand(self, product: str) -> float:
        return sum(b[0] for b in self.batches[product])

    def open_orders(self, product: str, day: dt.date) -> float:
        return sum(q for d, q in self.due[product].items() if d >= day)

    def receive(self, day: dt.date) -> dict[str, float]:
        came = {}
        for name, due in self.due.items():
            q = due.get(day, 0.0)
            if q > 0:
                life = max(1, self.products[name].shelf_life_days)
                self.batches[name].append([q, day + dt.timedelta(days=life - 1)])
                came[name] = q
        return came

    def sell(self, product: str, demand: float) -> float:
        rest = demand
        for b in self.batches[product]:
            take = min(b[0], rest)
            b[0] -= take
            rest -= take
        self.batches[product] = [b for b in self.batches[product] if b[0] > 1e-9]
        return demand - rest

    def expire(self, day: dt.date) -> dict[str, float]:
        gone = {}
        for name, batches in self.batches.items():
            out = sum(b[0] for b in batches if b[1] <= day)
            if out:
                gone[name] = out
            self.batches[name] = [b for b in batches if b[1] > day]
        return gone


def oracle_forecast(truth: Truth, day: dt.date, products: list[str]) -> object:
    """The true demand distribution of the next days in the forecasting core's frames."""
    start = truth.days.get_loc(pd.Timestamp(day))
    stop = min(start + HORIZON_DAYS, len(truth.days))
    rows = []
    for t in range(start, stop):
        for name in products:
            j = truth.names.index(name)
            rows.append({"product": name, "date": truth.days[t],
                         **{f"q{lv:g}": float(truth.quantiles[k, t, j])
                            for k, lv in enumerate(LEVELS)}})
    frame = pd.DataFrame(rows)
    model = pd.Series("oracle", index=products)
    return _Forecast(frame, pd.DataFrame(columns=["product", "date", "group", "amount"]), model,
                     pd.DataFrame())


@dataclasses.dataclass
class _Forecast:
    quantiles: pd.DataFrame
    contributions: pd.DataFrame
    model: pd.Series
    notes: pd.DataFrame


def prepare(shop_path: Path, start: dt.date, weeks: int, seed: int | None = None) -> Truth:
    """A demo deli with sales up to the day before `start` and the world's truth after it."""
    end = start + dt.timedelta(weeks=weeks, days=HORIZON_DAYS + 1)
    kw = {} if seed is None else {"seed": seed}
    write_demo_shop("deli", end, shop_path, overwrite=True, **kw)
    world = simulate("deli", end, **kw).world  # the same world the shop was written from
    with open_shop(shop_path) as shop:
        remove_sales(shop, start, None)
        for name, count in latest_counts(shop, end).items():
            edit = stock.clear_count(shop, name, count.date)
            if edit is not None:
                apply_edit(shop, edit)
    days = world.days
    names = list(world.names)
    grid = demand_quantiles(world, LEVELS)
    demand = _true_demand(shop_path, days, names)
    return Truth(days, names, demand, grid)


def _true_demand(path: Path, days: pd.DatetimeIndex, names: list[str]) -> np.ndarray:
    from forecasting.store.file import Shop as StoreShop
    from forecasting.store.sales import read_true_demand

    with StoreShop.open(path, read_only=True) as shop:
        frame = read_true_demand(shop)
    table = frame.pivot_table(index="date", columns="product", values="demand", aggfunc="sum")
    table = table.reindex(index=days, columns=names).fillna(0.0)
    return table.to_numpy(dtype=float)


def load_products_of(path: Path) -> list[Product]:
    """The active products of the shop file at `path`."""
    with open_shop(path, read_only=True) as shop:
        return load_products(shop, active_only=True)


def _is_open(shop: Shop) -> object:
    settings, closing = load_settings(shop), load_closing_days(shop)
    return lambda d: closed_reason(settings, closing, d) is None


def _round_nearest(q: float, product: Product) -> float:
    pack = product.pack_size or 1.0
    q = round(q / pack) * pack
    return 0.0 if q < max(product.min_order, pack) - 1e-9 else q


def rule_order(product: Product, day: dt.date, shelf: Shelf,
               sales: dict[tuple[str, dt.date], float], is_open: object,
               factor: float = 1.0) -> tuple[float, dt.date]:
    """Order up to last week's sales of the days the order covers, less the expected shelf."""
    sched = delivery_schedule(day, lead_time_days=product.lead_time_days,
                              delivery_weekdays=product.delivery_weekdays,
                              shelf_life_days=product.shelf_life_days, is_open=is_open)

    def last_week(d: dt.date) -> float:
        for k in (7, 14):
            got = sales.get((product.name, d - dt.timedelta(days=k)))
            if got is not None:
                return got
        return 0.0

    covers = [d for d in sched.sales_days if d >= sched.delivery_day]
    target = factor * sum(last_week(d) for d in covers)
    before = sum(last_week(d) for d in sched.sales_days if d < sched.delivery_day)
    coming = sum(q for d, q in shelf.due[product.name].items() if day <= d <= sched.delivery_day)
    expected = max(shelf.on_hand(product.name) + coming - before, 0.0)
    return _round_nearest(max(target - expected, 0.0), product), sched.delivery_day


def play(shop_path: Path, truth: Truth, start: dt.date, weeks: int, policy: str,
         only: list[str] | None = None, core: bool = False, warmup_days: int = 7) -> Score:
    """Play `weeks` of evenings with `policy` on a copy of the shop file: "ours" (the app's
    suggestions as they come), "ours:SETTING" (the same after the owner chose the plain service
    setting SETTING, e.g. few_leftovers, for every category), "ours@LEVEL" (the owner's own
    service level on every product), "rule" or "rule+10" (last week's sales + 10 %)."""
    work = shop_path.with_name(f"{shop_path.stem}-{policy.replace(':', '-')}.bkshop")
    shutil.copy(shop_path, work)
    score = Score()
    with open_shop(work) as shop:
        if policy.startswith("ours:"):
            for category in sorted({p.category for p in load_products(shop) if p.category}):
                set_category_service(shop, category, policy.split(":", 1)[1])
        if policy.startswith("ours@"):  # the owner's own level on every product
            for p in load_products(shop):
                change_product(shop, p.name, {"service_level": float(policy[5:])})
        products = {p.name: p for p in load_products(shop, active_only=True)
                    if p.shelf_life_days > 1 and (only is None or p.name in only)}
        is_open = _is_open(shop)
        shelf = Shelf(products)
        history = read_sales(shop, start - dt.timedelta(days=21), start - dt.timedelta(days=1))
        sales: dict[tuple[str, dt.date], float] = {
            (str(p), pd.Timestamp(d).date()): float(q)
            for p, d, q in zip(history["product"], history["date"], history["quantity"],
                               strict=True)}
        for k in range(weeks * 7):
            day = start + dt.timedelta(days=k)
            scored = k >= warmup_days
            if (is_open(day) and day.weekday() == COUNT_WEEKDAY) or k == 0:
                for name in products:  # counted before the morning's delivery
                    apply_edit(shop, stock.count(shop, name, day, shelf.on_hand(name)))
            if is_open(day):
                if policy.startswith("ours"):
                    _decide_ours(shop, truth, day, products, shelf, score, core)
                else:
                    for name, product in products.items():
                        q, due = rule_order(product, day, shelf, sales, is_open,
                                            1.1 if policy == "rule+10" else 1.0)
                        if q > 0:
                            shelf.due[name][due] += q
            came = shelf.receive(day)
            rows = []
            for name, product in products.items():
                d = truth.on(day, name)
                if scored:
                    score.bought[name] += came.get(name, 0.0)
                    if is_open(day) and product.sold_on(day):
                        score.stock[name] += shelf.on_hand(name)
                        score.open_days[name] += 1
                sold = shelf.sell(name, d)
                sales[(name, day)] = sold
                if is_open(day):
                    rows.append({"product": name, "date": day, "quantity": sold,
                                 "sold_out_time": "16:00" if d > sold + 1e-9 else None})
                if scored:
                    score.sold[name] += sold
                    score.demand[name] += d
                    score.lost[name] += d - sold
                    score.sellout_days[name] += int(d > sold + 1e-9)
            for name, q in shelf.expire(day).items():
                if scored:
                    score.waste[name] += q
            if rows and policy.startswith("ours"):  # the day's sales come in (as an import would)
                with shop.transaction():
                    write_sales(shop, pd.DataFrame(rows))
                    shop.mark_data_changed()
    return score


def _decide_ours(shop: Shop, truth: Truth, day: dt.date, products: dict[str, Product],
                 shelf: Shelf, score: Score, core: bool) -> None:
    """The evening before `day`: the sheet for `day`, every line accepted as suggested."""
    result = None if core else oracle_forecast(truth, day, sorted(products))
    plan = build_order_plan(shop, day, result=result)
    sheet = sheet_of(plan, read_decisions(shop, day))
    apply_edit(shop, decisions.accept(sheet, [ln.product for ln in sheet.lines
                                              if ln.product in products], by="loop"))
    for line in plan.lines:
        if line.product not in products:
            continue
        if line.stocked and (line.on_order or 0.0) + 1e-9 < shelf.open_orders(line.product, day):
            score.forgotten += 1
        if line.status == "order" and line.suggestion > 0:
            shelf.due[line.product][line.delivery_day or day] += line.suggestion


def cycle_days(product: Product) -> float:
    """Mean calendar days between deliveries."""
    weekdays = product.delivery_weekdays or tuple(range(7))
    return 7.0 / len(weekdays)


def table(scores: dict[str, Score], products: dict[str, Product]) -> tuple[str, dict[str, dict]]:
    """The comparison as a Markdown table, and the figures."""
    out = {}
    for name, s in scores.items():
        demand_per_day = {p: s.demand[p] / max(s.open_days[p], 1) for p in s.demand}
        # average units on the shelf at opening over the average demand of an open day
        days_of_stock = sum(s.stock.values()) / max(sum(s.demand.values()), 1e-9)
        over = []
        for p, prod in products.items():
            if s.open_days.get(p, 0) == 0 or demand_per_day.get(p, 0) <= 0:
                continue
            avg = s.stock[p] / s.open_days[p]
            cycle = demand_per_day[p] * cycle_days(prod) * 6 / 7
            if avg > 1.3 * cycle:
                over.append((p, avg / cycle))
        margin = sum(products[p].price * s.sold[p] - products[p].unit_cost * s.bought[p]
                     for p in s.sold)
        out[name] = {"waste": sum(s.waste.values()), "sellout_days": sum(s.sellout_days.values()),
                     "lost": sum(s.lost.values()), "demand": sum(s.demand.values()),
                     "days_of_stock": days_of_stock, "margin": margin, "over": over,
                     "forgotten": s.forgotten}
    lines = ["| policy | wasted | sell-out days | units short | fill rate | days of stock | "
             "margin EUR | products above 1.3x cycle demand |",
             "|---|---:|---:|---:|---:|---:|---:|---|"]
    for name, f in out.items():
        fill = 1 - f["lost"] / max(f["demand"], 1e-9)
        over = ", ".join(f"{p} {r:.2f}x" for p, r in f["over"]) or "none"
        lines.append(f"| {name} | {f['waste']:,.0f} | {f['sellout_days']:,} | {f['lost']:,.0f} | "
                     f"{100 * fill:.1f} % | {f['days_of_stock']:.2f} | {f['margin']:,.0f} | "
                     f"{over} |")
    return "\n".join(lines), out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--weeks", type=int, default=8)
    parser.add_argument("--start", type=dt.date.fromisoformat, default=dt.date(2026, 9, 7))
    parser.add_argument("--products", type=int, default=0, help="only the first N products")
    parser.add_argument("--core", action="store_true", help="forecast with the app's core")
    parser.add_argument("--policies", default="ours,ours:few_leftovers,ours:sellout_ok,"
                        "ours@0.3,rule+10,rule", help="comma list (see `play`)")
    args = parser.parse_args(argv)
    t0 = time.time()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "deli.bkshop"
        truth = prepare(path, args.start, args.weeks)
        with open_shop(path) as shop:
            products = {p.name: p for p in load_products(shop, active_only=True)
                        if p.shelf_life_days > 1}
            first_sales = read_sales(shop)["date"].max()
        only = sorted(products)[: args.products] if args.products else None
        scores = {}
        for policy in [x for x in args.policies.split(",") if x]:
            scores[policy] = play(path, truth, args.start, args.weeks, policy, only, args.core)
        chosen = {p: products[p] for p in (only or products)}
        text, figures = table(scores, chosen)
    print(f"demo deli, {len(chosen)} products, {args.weeks} weeks from "
          f"{args.start.isoformat()} (sales before: up to {first_sales.date()}), scored from "
          f"the second week; {time.time() - t0:.0f} s")
    print(text)
    rule = figures.get("rule")
    if rule is None:
        return 0
    for name, f in figures.items():
        if name != "rule":
            print(f"{name}: waste vs rule {100 * (f['waste'] / max(rule['waste'], 1e-9) - 1):+.1f} "
                  f"%, sell-out days {f['sellout_days'] - rule['sellout_days']:+d}; evenings "
                  f"with open orders forgotten: {f['forgotten']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
