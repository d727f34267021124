"""Goods that keep in a workshop (cheese, antipasti, drinks): the shelf played forward day by day.

The shelf is the policy benchmark's FIFO stock simulation (forecasting/policy/stock_simulation.py):
an order placed after closing comes `lead_time_days` later on one of the delivery weekdays, sells
oldest first and is written off (waste) when its shelf life is over; what does not sell stays on
the shelf. The WARMUP_DAYS before the first day fill the shelf by "same as last week", the same for
everyone; from the evening before the first day on, each policy places its own orders, keyed by
the day they come (the delivery day). The shelf at the start and the orders still on their way
then cost nobody anything; what is left on the shelf after the last day counts at cost (it sells
later), so that a policy that ends with a full shelf is not punished for it.

Bestellkompass orders as the policy benchmark's "ours" (order-up-to at the stock service level on
the forecasts 1..8 days ahead, `stock_backtest.our_policy`), the rule as its "same as last week"
(`stock_backtest.rule_policy`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

from calendars.texts import format_date
from forecasting.policy.newsvendor import quantile_at
from forecasting.policy.stock_backtest import (
    WindowForecasts,
    economics_level,
    our_policy,
    rule_policy,
    window_forecasts,
)
from forecasting.policy.stock_simulation import DayLog, OrderContext, OrderPolicy, simulate
from forecasting.texts import format_number, render
from forecasting.values.products import Product
from forecasting.workshop.scenario import Scenario

WARMUP_DAYS = 14  # as the policy benchmark's warm-up before its scored half
HORIZONS = range(1, 9)  # an order covers up to 8 days ahead (benchmarks/policy_benchmark.py)
OPEN_AHEAD_DAYS = 28  # open days kept after the last day: an order's window may reach beyond it


@dataclasses.dataclass(frozen=True)
class Chance:
    """An order possibility: placed after closing on `order_day`, it comes on `delivery_day`;
    the participant enters it on the sheet of `screen_day` (the first workshop day after the
    order day, so nothing later than that evening is known)."""

    order_day: dt.date
    delivery_day: dt.date
    screen_day: dt.date


@dataclasses.dataclass(frozen=True)
class Shelf:
    """A product's shelf on the evening a sheet stands for, and what may be ordered then.

    batches: (units, last day it may be sold), oldest first; on_order: (units, delivery day).
    chance: the order possible on this sheet (None: none today; next_chance says when).
    suggestion: Bestellkompass's order for this shelf (None without a chance).
    """

    product: str
    evening: dt.date
    batches: tuple[tuple[float, dt.date], ...]
    on_order: tuple[tuple[float, dt.date], ...]
    chance: Chance | None
    next_chance: Chance | None
    suggestion: float | None
    reasons: dict[str, str] = dataclasses.field(default_factory=dict)  # lang -> why

    @property
    def on_hand(self) -> float:
        """Units on the shelf that evening."""
        return float(sum(q for q, _ in self.batches))


def warm_start(scenario: Scenario) -> dt.date:
    """The first simulated day (the warm-up fills the shelf from here)."""
    return scenario.first - dt.timedelta(days=WARMUP_DAYS)


def boundary(scenario: Scenario) -> dt.date:
    """Orders placed after closing on this day or later are the policy's own."""
    return scenario.first - dt.timedelta(days=1)


def open_days_between(is_open: Callable[[dt.date], bool], first: dt.date, last: dt.date
                      ) -> list[dt.date]:
    """The open days from the warm-up before `first` to OPEN_AHEAD_DAYS after `last`."""
    start = first - dt.timedelta(days=WARMUP_DAYS)
    count = (last - start).days + OPEN_AHEAD_DAYS + 1
    return [d for d in (start + dt.timedelta(days=k) for k in range(count)) if is_open(d)]


def needed_horizons(products: list[Product], first: dt.date, last: dt.date,
                    is_open: Callable[[dt.date], bool]) -> list[int]:
    """The days ahead (of HORIZONS) the windows of the workshop's orders reach: the forecast runs
    a scenario needs. Every look-up then finds its own horizon, so the orders are the same as
    with all eight runs (days further ahead take the longest run, as in the benchmark)."""
    edge = first - dt.timedelta(days=1)
    days = [edge + dt.timedelta(days=k) for k in range((last - edge).days + 1)]
    need = {1}

    def record(ctx: OrderContext) -> float:
        need.update(min((d - ctx.day).days, max(HORIZONS)) for d in ctx.window if d <= last)
        return 0.0

    for product in products:
        simulate(product, days, {}, is_open, record)
    return sorted(need)


@dataclasses.dataclass
class _Inputs:
    """What the simulation reads of a scenario, looked up once per scenario object (the tables
    are not changed after a scenario is made or read)."""

    days: list[dt.date]
    is_open: Callable[[dt.date], bool]
    demand: dict[str, dict[dt.date, float]]
    sales: dict[str, dict[dt.date, float]]
    workshop_days: list[dt.date]
    sells_on: dict[str, list[dt.date]]
    chances: dict[str, list[Chance]] = dataclasses.field(default_factory=dict)


def _inputs(scenario: Scenario) -> _Inputs:
    cached = scenario.__dict__.get("_stock_inputs")
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    start = warm_start(scenario)

    def by_product(frame: pd.DataFrame, column: str) -> dict[str, dict[dt.date, float]]:
        frame = frame[frame["product"].isin(scenario.stocked)]
        out: dict[str, dict[dt.date, float]] = {}
        for day, name, value in zip(pd.to_datetime(frame["date"]).dt.date, frame["product"],
                                    frame[column].astype(float), strict=True):
            out.setdefault(str(name), {})[day] = float(value)
        return out

    demand = by_product(pd.concat([scenario.warmup, scenario.outcome], ignore_index=True)
                        if len(scenario.warmup) else scenario.outcome, "demand")
    inputs = _Inputs(
        days=[start + dt.timedelta(days=k) for k in range((scenario.last - start).days + 1)],
        is_open=set(scenario.open_days).__contains__,
        demand=demand, sales=by_product(scenario.history, "quantity"),
        workshop_days=scenario.days,
        sells_on={n: sorted(d for d in demand.get(n, {}) if d >= scenario.first)
                  for n in scenario.stocked})
    scenario.__dict__["_stock_inputs"] = inputs
    return inputs


def play(scenario: Scenario, product: Product, own: OrderPolicy) -> list[DayLog]:
    """The simulated days from the warm-up to the last day: "same as last week" orders before
    `boundary`, `own` from there on."""
    data = _inputs(scenario)
    warm = rule_policy(product, data.sales.get(product.name, {}), "last_week")
    edge = boundary(scenario)
    log: list[DayLog] = []
    simulate(product, data.days, data.demand.get(product.name, {}), data.is_open,
             lambda ctx: warm(ctx) if ctx.day < edge else own(ctx), log=log)
    return log


def replay(orders: dict[dt.date, float]) -> OrderPolicy:
    """The policy that orders `orders` (delivery day -> units), nothing else."""
    return lambda ctx: float(orders.get(ctx.delivery_day, 0.0))


def chances(scenario: Scenario, name: str) -> list[Chance]:
    """Every order possibility of the product in the workshop, in order."""
    data = _inputs(scenario)
    if name in data.chances:
        return list(data.chances[name])
    days = data.workshop_days
    out = []
    for row in play(scenario, scenario.product(name), replay({})):
        if row.delivery_day is None or row.day < boundary(scenario):
            continue
        screen = next((d for d in days if d > row.day), None)
        if screen is not None:
            out.append(Chance(row.day, row.delivery_day, screen))
    data.chances[name] = out
    return list(out)


def stock_sheet(scenario: Scenario, name: str) -> list[dict[str, object]]:
    """The sheet rows of a product that keeps: one per order possibility (date = delivery day)
    with Bestellkompass's order on its own shelf, the rule's on its own, the expected sales over
    the days the order serves (median), the level and the reasons in both languages."""
    product = scenario.product(name)
    forecasts = window_forecasts(scenario.stock_forecasts, name)
    level = economics_level(product)
    ours = our_policy(product, forecasts, level)
    seen: dict[dt.date, tuple[OrderContext, float]] = {}

    def recording(ctx: OrderContext) -> float:
        quantity = ours(ctx)
        seen[ctx.delivery_day] = (ctx, quantity)
        return quantity

    play(scenario, product, recording)
    rule: dict[dt.date, float] = {}
    by_rule = rule_policy(product, _inputs(scenario).sales.get(name, {}), "last_week")

    def rule_recording(ctx: OrderContext) -> float:
        quantity = by_rule(ctx)
        rule[ctx.delivery_day] = quantity
        return quantity

    play(scenario, product, rule_recording)
    rows = []
    for chance in chances(scenario, name):
        ctx, quantity = seen[chance.delivery_day]
        expected, reasons = _why(forecasts, ctx, chance.delivery_day)
        rows.append({"date": pd.Timestamp(chance.delivery_day), "product": name,
                     "forecast": round(expected, 2), "suggestion": float(quantity),
                     "rule": float(rule.get(chance.delivery_day, 0.0)),
                     "level": round(level, 3),
                     "reasons_de": reasons["de"], "reasons_en": reasons["en"]})
    return rows


def _expected(forecasts: WindowForecasts, ctx: OrderContext) -> float:
    """The median sales over the window's days with a forecast."""
    rows = [r for r in (forecasts.row(ctx.day, d) for d in ctx.window) if r is not None]
    if not rows:
        return 0.0
    return float(np.sum(quantile_at(forecasts.levels, np.vstack(rows), 0.5)))


def _why(forecasts: WindowForecasts, ctx: OrderContext, delivery: dt.date
         ) -> tuple[float, dict[str, str]]:
    """(expected sales over the order's window, its reason in German and English)."""
    expected = _expected(forecasts, ctx)
    params = {"until": ctx.window[-1] if ctx.window else delivery, "expected": expected,
              "shelf": ctx.on_hand, "on_order": ctx.on_order}
    return expected, {lang: stock_reason(params, lang) for lang in ("de", "en")}


def stock_reason(params: dict[str, Any], lang: str) -> str:
    """Why the order is what it is: the days it serves, what they sell, the shelf, on order."""
    return render("workshop.stock_reason", lang, until=format_date(params["until"], lang),
                  expected=format_number(float(params["expected"]), lang, 0),
                  shelf=format_number(float(params["shelf"]), lang, 0),
                  on_order=format_number(float(params["on_order"]), lang, 0))


def stock_rows(scenario: Scenario, name: str, orders: dict[dt.date, float], policy: str
               ) -> list[dict[str, object]]:
    """The product's rows (one per workshop day it sells on) for `orders` (delivery day ->
    units): ordered (what came that day of the policy's own orders), sold, waste (written off;
    on a closed day counted on the next open day), short, sellout_days, margin, and on the last
    day what stays on the shelf (units, value at cost, which the margin includes)."""
    product = scenario.product(name)
    log = play(scenario, product, replay(orders))
    edge = boundary(scenario)
    own = {row.delivery_day: row.ordered for row in log
           if row.delivery_day is not None and row.day >= edge}
    days = _inputs(scenario).sells_on.get(name, [])
    waste: dict[dt.date, float] = dict.fromkeys(days, 0.0)
    by_day = {row.day: row for row in log}
    for row in log:
        if row.day < scenario.first or not row.expired:
            continue
        when = next((d for d in days if d >= row.day), days[-1] if days else None)
        if when is not None:
            waste[when] += row.expired
    end = log[-1]
    left = float(sum(q for q, _ in end.shelf)) if end.day == scenario.last else 0.0
    out = []
    for day in days:
        row = by_day[day]
        sold, demand = row.sold, row.demand
        ordered = float(own.get(day, 0.0))
        shelf = left if day == days[-1] else 0.0
        value = product.unit_cost * shelf
        margin = (product.price * sold - product.unit_cost * ordered
                  + product.salvage_value * waste[day] + value)
        out.append({"date": pd.Timestamp(day), "product": name, "policy": policy,
                    "ordered": ordered, "sold": sold, "waste": waste[day],
                    "short": demand - sold, "sellout_days": int(demand > sold + 1e-9),
                    "margin": margin, "shelf": shelf, "shelf_value": value})
    return out


def shelf_for(scenario: Scenario, name: str, orders: dict[dt.date, float], screen: dt.date,
              *, with_suggestion: bool = True) -> Shelf:
    """The product's shelf as the sheet of `screen` shows it, after the participant's earlier
    `orders` (delivery day -> units): on the evening of the order possibility of that sheet, or
    else of the day before it; with Bestellkompass's order for that shelf."""
    product = scenario.product(name)
    all_chances = chances(scenario, name)
    chance = next((c for c in all_chances if c.screen_day == screen), None)
    following = next((c for c in all_chances if c.screen_day > screen), None)
    evening = chance.order_day if chance else screen - dt.timedelta(days=1)
    earlier = {d: q for d, q in orders.items() if chance is None or d != chance.delivery_day}
    asked: list[OrderContext] = []
    given = replay(earlier)

    def watching(ctx: OrderContext) -> float:
        if chance is not None and ctx.day == chance.order_day:
            asked.append(ctx)
        return given(ctx)

    log = play(scenario, product, watching)
    row = next((r for r in log if r.day == evening), log[-1])
    suggestion, reasons = None, {}
    if chance is not None and with_suggestion and asked:
        ctx = asked[0]
        forecasts = window_forecasts(scenario.stock_forecasts, name)
        suggestion = float(our_policy(product, forecasts, economics_level(product))(ctx))
        _, reasons = _why(forecasts, ctx, chance.delivery_day)
    return Shelf(name, evening, row.shelf,
                 tuple((q, d) for q, d in row.on_order if chance is None
                       or d != chance.delivery_day),
                 chance, following, suggestion, reasons)


def orders_by_product(orders: pd.DataFrame) -> dict[str, dict[dt.date, float]]:
    """product -> delivery day -> units, from rows date, product, quantity."""
    out: dict[str, dict[dt.date, float]] = {}
    for day, name, quantity in zip(pd.to_datetime(orders["date"]).dt.date, orders["product"],
                                   orders["quantity"], strict=True):
        out.setdefault(str(name), {})[day] = float(quantity)
    return out
