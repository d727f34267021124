"""The order sheet for one day: a line per product, grouped by supplier or production area.

`plan_order(inputs)` plans from what `forecasting.plan_inputs.read_plan_inputs` read of the shop
file once: it asks the forecasting core for the days it needs (unless given a ready forecast) and
turns each product's forecast into an `OrderLine` (see `lines`); `build_order_plan(shop, day)` does
both. The app's order sheet model is an adapter over `OrderPlan`; `save_plan` keeps the forecasts
and suggestions in the shop file with the data version they were computed from.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from calendars.features import FeatureTable
from calendars.public_holidays import holiday_names
from forecasting.models.forecaster import ForecastResult
from forecasting.models.shop_forecast import forecast_plan
from forecasting.plan_inputs import PlanInputs, read_plan_inputs, sales_between
from forecasting.policy.day_context import NAME_SEPARATOR, day_params, join_names
from forecasting.policy.economics import service_level, stock_service_level
from forecasting.policy.explanation import MOST_STEP_DECIMALS, Note
from forecasting.policy.forecast_input import ForecastLookup
from forecasting.policy.lines import OrderLine, newsvendor_line, stocked_line, zero_line
from forecasting.policy.order_up_to import Schedule, delivery_schedule
from forecasting.policy.stock_at import StockAt, stocks_from
from forecasting.progress import Progress
from forecasting.seasons import Season, off_season, seasons_of
from forecasting.shop_calendar import features_of
from forecasting.store.file import Shop
from forecasting.store.products import load_products
from forecasting.store.sales import last_sales_date
from forecasting.store.settings import load_closing_days, load_settings
from forecasting.store.stock import counted_product_ids
from forecasting.values.decisions import StoredForecast
from forecasting.values.products import Product
from forecasting.values.sales import OutsideSales
from forecasting.values.settings import ShopSettings, is_open

_HISTORY_WEEKS = 8


@dataclasses.dataclass
class OrderPlan:
    """All order lines for `day`; `closed_reason` is set (and every line 0) on a closed day.

    closed_reason: "" when open, else ("closing_day", reason), ("holiday", name), ("weekday", "").
    data_version: the shop's `plan_version` (sales, calendar and stock counts) it was computed from.
    """

    shop_name: str
    day: dt.date
    lines: list[OrderLine]
    data_version: int
    computed_at: dt.datetime
    closed_reason: tuple[str, str] | None = None

    @property
    def is_open(self) -> bool:
        """Whether the shop sells on `day`."""
        return self.closed_reason is None

    def line(self, product: str) -> OrderLine:
        """The line of one product (KeyError if there is none)."""
        for line in self.lines:
            if line.product == product:
                return line
        raise KeyError(product)

    def groups(self) -> dict[str, list[OrderLine]]:
        """Lines by supplier / production area ("" for none), in the order they appear."""
        out: dict[str, list[OrderLine]] = {}
        for line in sorted(self.lines, key=lambda x: (x.supplier, x.category, x.product)):
            out.setdefault(line.supplier, []).append(line)
        return out


def closed_reason(
    settings: ShopSettings, closing_days: Mapping[dt.date, str], day: dt.date
) -> tuple[str, str] | None:
    """Why the shop is closed on `day` (planned closing day, public holiday, rest day), or None."""
    if day in closing_days:
        return ("closing_day", closing_days[day])
    if day.weekday() not in settings.opening_days:
        return ("weekday", "")
    if not settings.open_on_public_holidays or settings.holiday_exceptions:
        names = holiday_names(settings.state, range(day.year, day.year + 1))
        if day in names and not settings.opens_on_holiday(names[day]):
            return ("holiday", names[day])
    return None


#: More opening days than this without sales (before today and the order day): say so.
STALE_SALES_DAYS = 2


def missing_sales(shop: Shop, day: dt.date, today: dt.date | None = None
                  ) -> tuple[dt.date, int] | None:
    """(last day with sales, opening days since then without sales) when the suggestions for `day`
    miss more than STALE_SALES_DAYS days that are over by `today`; None when the data is current."""

    return _missing(load_settings(shop), load_closing_days(shop), last_sales_date(shop), day, today)


def sales_gap(inputs: PlanInputs, today: dt.date | None = None) -> tuple[dt.date, int] | None:
    """`missing_sales` for the inputs' day, from the inputs."""
    sales = inputs.sales
    last = sales["date"].max().date() if len(sales) else None
    return _missing(inputs.settings, inputs.closing_days, last, inputs.day, today)


def _missing(settings: ShopSettings, closing: Mapping[dt.date, str], last: dt.date | None,
             day: dt.date, today: dt.date | None) -> tuple[dt.date, int] | None:
    if last is None:
        return None
    until = min(day, today or dt.date.today())
    missing = sum(1 for k in range(1, (until - last).days)
                  if closed_reason(settings, closing, last + dt.timedelta(days=k)) is None)
    return (last, missing) if missing > STALE_SALES_DAYS else None


def next_opening_day(shop: Shop, after: dt.date) -> dt.date:
    """The first day after `after` on which the shop opens."""
    settings = load_settings(shop)
    closing = load_closing_days(shop)
    day = after + dt.timedelta(days=1)
    for _ in range(60):
        if closed_reason(settings, closing, day) is None:
            return day
        day += dt.timedelta(days=1)
    return after + dt.timedelta(days=1)


def _open_check(settings: ShopSettings, closing: Mapping[dt.date, str]
                ) -> Callable[[dt.date], bool]:
    def check(day: dt.date) -> bool:
        return is_open(settings, closing, day) and closed_reason(settings, closing, day) is None

    return check


def not_sold_that_weekday(history: pd.DataFrame, product: str, day: dt.date) -> bool:
    """True when the product sold on other weekdays lately but never on this one.

    history: SALES rows of the last weeks (all products, so we know on which days the shop sold).
    Only the shop's days since the product's first sale there count: a seasonal bread that came
    back on a Monday has not yet had a Saturday to be sold on.
    """
    if history.empty:
        return False
    mine = history[history["product"] == product]
    selling = mine.loc[mine["quantity"] > 0, "date"]
    since = selling.min() if len(selling) else history["date"].min()
    wd = history["date"].dt.day_of_week
    same = (wd == day.weekday()) & (history["quantity"] > 0) & (history["date"] >= since)
    open_same = history.loc[same, "date"].nunique()
    mwd = mine["date"].dt.day_of_week
    sold_same = int(((mwd == day.weekday()) & (mine["quantity"] > 0)).sum())
    sold_other = int(((mwd != day.weekday()) & (mine["quantity"] > 0)).sum())
    return open_same >= 4 and sold_same == 0 and sold_other >= 3


def sellouts_last_week(history: pd.DataFrame, product: str, day: dt.date) -> int:
    """How often the product sold out in the seven days before `day`."""
    if history.empty:
        return 0
    start = pd.Timestamp(day - dt.timedelta(days=7))
    rows = history[(history["product"] == product) & (history["date"] >= start)]
    return int(rows["sold_out_time"].notna().sum())


def _merge_params(per_day: list[dict[str, dict[str, Any]]]) -> dict[str, dict[str, Any]]:
    """Parameters for a window of days: the names of the window's days (at most two per group:
    "Zahltag Gehalt / Zahltag Renten"); no single weekday or weather value. A group without names
    on any day of the window reads as absent ("kein Zahltag")."""
    out: dict[str, dict[str, Any]] = {}
    for params in per_day:
        for group, p in params.items():
            if "names" in p:
                prev = out.setdefault(group, {"names": {"de": "", "en": ""}})["names"]
                for lang in ("de", "en"):
                    parts = [prev[lang], p["names"][lang]]
                    prev[lang] = join_names(NAME_SEPARATOR.join(parts).split(NAME_SEPARATOR))
    out["sellouts"] = per_day[0].get("sellouts", {}) if per_day else {}
    return out


@dataclasses.dataclass
class _Context:
    settings: ShopSettings
    is_open: Callable[[dt.date], bool]
    history: pd.DataFrame
    features: FeatureTable | None
    events: pd.DataFrame | None
    weather: pd.DataFrame | None
    category_levels: Mapping[str, float]
    counted: frozenset[int]
    area_levels: Mapping[str, float] = dataclasses.field(default_factory=dict)
    day_cache: dict[dt.date, dict[str, dict[str, Any]]] = dataclasses.field(default_factory=dict)
    stocks: dict[str, StockAt] = dataclasses.field(default_factory=dict)  # at the day
    # per product: the dates of its history rows and whether it sold out on them
    sold_out: dict[str, tuple[np.ndarray, np.ndarray]] | None = None
    seasons: Mapping[str, Season] = dataclasses.field(default_factory=dict)  # detected
    last_sold: Mapping[str, dt.date] = dataclasses.field(default_factory=dict)

    def sellouts(self, product: str, day: dt.date) -> int:
        """`sellouts_last_week(history, product, day)`, from arrays split once by product (the
        frame filtered for every product and day took most of a plan's time)."""
        if self.sold_out is None:
            history = self.history
            self.sold_out = {}
            if not history.empty:
                names = history["product"].astype(str).to_numpy()
                dates = history["date"].to_numpy()
                out = history["sold_out_time"].notna().to_numpy()
                for name in dict.fromkeys(names):
                    mine = names == name
                    self.sold_out[name] = (dates[mine], out[mine])
        if product not in self.sold_out:
            return 0
        dates, out = self.sold_out[product]
        start = pd.Timestamp(day - dt.timedelta(days=7)).to_datetime64()
        return int(out[dates >= start].sum())


def keeps_stock(product: Product, counted: frozenset[int] | set[int]) -> bool:
    """Order-up-to for goods that keep and whose stock is counted or that come on some days only.

    Bread that keeps a few days but is baked daily without a stock count is planned per day (the
    newsvendor with the day-old price as salvage value).
    """
    if product.shelf_life_days <= 1:
        return False
    return product.id in counted or set(product.delivery_weekdays) != set(range(7))


def _needed_days(ctx: _Context, products: list[Product], day: dt.date
                 ) -> dict[str, list[dt.date]]:
    days: dict[str, list[dt.date]] = {}
    for p in products:
        if not keeps_stock(p, ctx.counted):
            days[p.name] = [day]
        else:
            days[p.name] = list(_schedule(ctx, p, day).sales_days)
    return days


def _schedule(ctx: _Context, product: Product, day: dt.date) -> Schedule:
    return delivery_schedule(
        day,
        lead_time_days=product.lead_time_days,
        delivery_weekdays=product.delivery_weekdays,
        shelf_life_days=product.shelf_life_days,
        is_open=ctx.is_open,
        no_delivery=product.no_delivery_days,
    )


def _params(ctx: _Context, product: str, day: dt.date) -> dict[str, dict[str, Any]]:
    if day not in ctx.day_cache:  # the same for every product of the day
        ctx.day_cache[day] = day_params(
            day, features=ctx.features, events=ctx.events, weather=ctx.weather
        )
    params = {group: dict(p) for group, p in ctx.day_cache[day].items()}
    params["sellouts"] = {"count": ctx.sellouts(product, day)}
    return params


def plan_line(ctx: _Context, product: Product, day: dt.date, fc: ForecastLookup) -> OrderLine:
    """One product's line for `day` (zero lines say why)."""
    if off_season(ctx.seasons.get(product.name), product.season, day,
                  ctx.last_sold.get(product.name)):
        return zero_line(product, day, "out_of_season")
    stocked = keeps_stock(product, ctx.counted)
    if not stocked and not product.sold_on(day):
        return zero_line(product, day, "not_sold")
    service = service_level(product, ctx.category_levels, ctx.area_levels)
    if not stocked:
        if day in product.no_delivery_days:
            return zero_line(product, day, "supplier_closed")
        if day.weekday() not in product.delivery_weekdays or not_sold_that_weekday(
            ctx.history, product.name, day
        ):
            return zero_line(product, day, "not_sold_weekday", weekday=day.weekday())
        if not fc.has(product.name, day):
            return zero_line(product, day, "no_history")
        return newsvendor_line(
            product,
            day,
            fc.levels,
            fc.grid(product.name, day),
            fc.contributions(product.name, day),
            service=service,
            params=_params(ctx, product.name, day),
            notes=fc.notes(product.name),
            model=fc.model(product.name),
        )
    schedule = _schedule(ctx, product, day)
    # Goods that keep are ordered ahead: for a new product before its first day on sale, for a
    # product leaving the range only while its delivery still reaches a day it is sold.
    if not any(product.sold_on(d) for d in schedule.sales_days if d >= schedule.delivery_day):
        return zero_line(product, day, "not_sold")
    cycle = (schedule.next_delivery_day - schedule.delivery_day).days
    service = stock_service_level(product, cycle, ctx.category_levels, ctx.area_levels)
    # Days after the product is discontinued need no stock.
    days = [d for d in schedule.sales_days if fc.has(product.name, d) and product.sold_on(d)]
    if not days:
        return zero_line(product, day, "no_history")
    schedule = dataclasses.replace(schedule, sales_days=tuple(days))
    count = ctx.stocks.get(product.name)
    notes = list(fc.notes(product.name))
    if count is not None and count.unrecorded and count.counted is not None:
        notes.append(Note("stock_unrecorded", {"date": count.counted, "days": count.unrecorded}))
    if count is not None and count.age_assumed > 1e-9:
        assumed = round(count.age_assumed, MOST_STEP_DECIMALS)  # a count of 2,75 kg: 2,75
        notes.append(Note("stock_age_assumed", {
            "date": count.counted, "unit": product.unit,
            "quantity": int(assumed) if float(assumed).is_integer() else assumed}))
    batches, arrivals = shelf_of(count, schedule.sales_days, product.shelf_life_days)
    line = stocked_line(
        product,
        schedule,
        fc.levels,
        np.vstack([fc.grid(product.name, d) for d in days]),
        [fc.contributions(product.name, d) for d in days],
        service=service,
        batches=batches,
        arrivals=arrivals,
        params=_merge_params([_params(ctx, product.name, d) for d in schedule.covers]),
        notes=notes,
        model=fc.model(product.name),
    )
    if count is None:  # never counted: the sheet shows an empty stock cell, not 0
        line.on_hand = line.on_order = None
    else:
        line.counted = count.counted
    return line


def shelf_of(stock: StockAt | None, days: tuple[dt.date, ...], life: int
              ) -> tuple[list[tuple[float, int]], list[tuple[float, int, int]]]:
    """The stock as (units, window days it can still be sold) and the open orders as (units,
    window day index they come, index from which they no longer sell)."""
    if stock is None:
        return [], []

    def sellable(until: dt.date) -> int:
        return sum(1 for d in days if d <= until)

    batches = [(q, sellable(until)) for q, until in stock.batches]
    arrivals = []
    for q, due in stock.arrivals:
        index = sum(1 for d in days if d < due)
        if index >= len(days):
            continue  # comes after the window: it does not serve these days
        arrivals.append((q, index, sellable(due + dt.timedelta(days=max(1, life) - 1))))
    return batches, arrivals


# The words need last year's calendar too: "wie zuletzt: Silvester" names the occasion whose
# previous time the forecast used.
_WORDS_LOOKBACK_DAYS = 800  # two years back, so a yearly occasion shows as one


def _features(inputs: PlanInputs, days: list[dt.date]) -> FeatureTable:
    """The shop's calendar feature table for the days and the year before (for the words)."""

    return features_of(inputs.calendar, min(days) - dt.timedelta(days=_WORDS_LOOKBACK_DAYS),
                       max(days))


def days_needed(shop: Shop, day: dt.date) -> list[dt.date]:
    """The days whose forecasts the plan for `day` uses (the day, or a deli order's window)."""
    settings = load_settings(shop)
    closing = load_closing_days(shop)
    return _days_needed(settings, closing, load_products(shop, active_only=True),
                        frozenset(counted_product_ids(shop)), day)


def plan_days(inputs: PlanInputs) -> list[dt.date]:
    """`days_needed` from the inputs: the days whose forecasts `plan_order(inputs)` uses."""
    return _days_needed(inputs.settings, inputs.closing_days, inputs.active_products,
                        inputs.counted, inputs.day)


def _days_needed(settings: ShopSettings, closing: Mapping[dt.date, str], products: list[Product],
                 counted: frozenset[int], day: dt.date) -> list[dt.date]:
    if closed_reason(settings, closing, day) is not None:
        return []
    ctx = _Context(settings, _open_check(settings, closing), pd.DataFrame(), None, None, None, {},
                   counted)
    wanted = _needed_days(ctx, products, day)
    return sorted({d for days in wanted.values() for d in days})


def build_order_plan(
    shop: Shop,
    day: dt.date,
    *,
    result: ForecastResult | None = None,
    features: FeatureTable | None = None,
    progress: Progress | None = None,
) -> OrderPlan:
    """The order sheet for `day`. `result`: a ready forecast (else the shop's model is asked)."""
    return plan_order(read_plan_inputs(shop, day), result=result, features=features,
                      progress=progress)


def plan_order(
    inputs: PlanInputs,
    *,
    result: ForecastResult | None = None,
    features: FeatureTable | None = None,
    progress: Progress | None = None,
) -> OrderPlan:
    """The order sheet for the inputs' day. `result`: a ready forecast for `plan_days(inputs)`
    (else the forecasting core computes it, reusing the saved model while the inputs are the
    same); `features`: the calendar for the words (else built from the inputs)."""
    day = inputs.day
    settings = inputs.settings
    closing = inputs.closing_days
    # a product discontinued by the day leaves the sheet
    products = [p for p in inputs.active_products if not (p.discontinued and p.discontinued <= day)]
    version = inputs.plan_version
    now = dt.datetime.now().replace(microsecond=0)
    reason = closed_reason(settings, closing, day)
    if reason is not None:
        lines = [zero_line(p, day, "closed", reason=reason[1]) for p in products]
        return OrderPlan(settings.name, day, lines, version, now, reason)

    history = sales_between(inputs.sales, day - dt.timedelta(weeks=_HISTORY_WEEKS),
                            day - dt.timedelta(days=1))
    # the names of event steps and the weather values come from what the forecast saw
    calendar = inputs.calendar
    ctx = _Context(
        settings, _open_check(settings, closing), history, None, calendar.events,
        calendar.weather, inputs.category_levels, inputs.counted, inputs.area_levels,
    )
    # every counted product, carried forward
    ctx.stocks = stocks_from(inputs.stock_counts, inputs.sales, day, ctx.is_open,
                             deliveries=inputs.deliveries, moves=inputs.stock_moves,
                             products=inputs.products)
    ctx.seasons, ctx.last_sold = seasons_of(inputs.sales, day), last_sold(inputs.sales, day)
    wanted = _needed_days(ctx, products, day)
    all_days = sorted({d for days in wanted.values() for d in days})
    if result is None and all_days:
        result = forecast_plan(inputs, all_days, progress=progress)
    ctx.features = features if features is not None else (
        _features(inputs, all_days) if all_days else None
    )
    lookup = ForecastLookup(result) if result is not None else None
    lines = [
        plan_line(ctx, p, day, lookup) if lookup is not None else zero_line(p, day, "no_history")
        for p in products
    ]
    note_sales_outside_window(inputs.sales_outside, lines)
    mark_stale_history(last_sale(inputs.sales), day, lines)
    date_recent_steps(ctx.last_sold, day, lines)
    return OrderPlan(settings.name, day, lines, version, now, None)


#: Sales at most this many days before the order day are "recent". When the newest sales are
#: older, the reasons say so first, and what the history ended with is dated, never "zuletzt".
RECENT_DAYS = 28
#: The steps that speak of the latest sales ("zuletzt mehr verkauft", "zuletzt ausverkauft").
RECENT_STEPS = ("recent_level", "sellouts")


def last_sold(sales: pd.DataFrame, day: dt.date) -> dict[str, dt.date]:
    """Per product the last day before `day` it sold anything on."""
    rows = sales[(sales["date"] < pd.Timestamp(day)) & (sales["quantity"] > 0)]
    return {str(k): v.date() for k, v in rows.groupby("product")["date"].max().items()}


def last_sale(sales: pd.DataFrame) -> dt.date | None:
    """The newest day with sales (inside the plausible window), None without sales."""
    return None if sales.empty else pd.Timestamp(sales["date"].max()).date()


def mark_stale_history(last: dt.date | None, day: dt.date, lines: list[OrderLine]) -> None:
    """On every ordering line: the history ends `last`, more than RECENT_DAYS before `day`."""
    if last is None or (day - last).days <= RECENT_DAYS:
        return
    for line in lines:
        expl = line.explanation
        if not expl.steps:
            continue
        expl.stale_since, expl.stale_days = last, (day - last).days
        expl.steps = [
            dataclasses.replace(s, params={**s.params, "until": last.isoformat()})
            if s.code in RECENT_STEPS else s
            for s in expl.steps
        ]


def date_recent_steps(last_sold: Mapping[str, dt.date], day: dt.date,
                      lines: list[OrderLine]) -> None:
    """A product back after more than RECENT_DAYS without sales (a seasonal bread's first days)
    did not sell more or less "zuletzt": its steps about the latest sales name the day they end."""
    for line in lines:
        last = last_sold.get(line.product)
        if last is None or (day - last).days <= RECENT_DAYS:
            continue
        line.explanation.steps = [
            dataclasses.replace(s, params={**s.params, "until": last.isoformat()})
            if s.code in RECENT_STEPS and "until" not in s.params else s
            for s in line.explanation.steps
        ]


def note_sales_outside_window(outside: Mapping[str, OutsideSales],
                              lines: list[OrderLine]) -> None:
    """Tell the owner on each line whose product has sales days the forecast left out because
    they lie outside the plausible window (a typo such as 01.01.0001 in an old import)."""

    for line in lines:
        found = outside.get(line.product)
        if found is not None:
            day = dt.date.fromisoformat(found.days[0])
            line.explanation.notes.append(
                Note("sales_outside_window", {"count": found.count, "date": day})
            )


def stored_forecasts(plan: OrderPlan) -> list[StoredForecast]:
    """The plan's real suggestions as records for the shop file (explanation steps as dicts)."""
    out = []
    for line in plan.lines:
        if line.status != "order":
            continue
        steps = [
            {"code": s.code, "params": s.params, "amount": s.amount}
            for s in line.explanation.steps
        ]
        out.append(
            StoredForecast(
                product=line.product,
                date=line.date,
                quantiles=line.quantiles,
                median=line.forecast,
                model=line.model,
                explanation=steps,
                computed_at=plan.computed_at,
                data_version=plan.data_version,
            )
        )
    return out
