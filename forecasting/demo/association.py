"""A synthetic retail association from the demo generator (issue 18): bakeries and delis of
different sizes, ranges and Bundesländer. They share the demo world's effect sizes (holidays and
the days around them, school holidays, paydays, weather, festivals), each on its own state's
calendar, and their true demand is known, so a prior built from the others can be scored. Like
a demo shop file, each member knows its own local events (market day, festivals, home matches,
Christmas market, road works) and its promotions.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import numpy as np
import pandas as pd

from calendars.features import FeatureTable, build_features
from forecasting.demo.calendar_facts import calendar_facts
from forecasting.demo.catalog import SHOPS, DemoProduct, catalog
from forecasting.demo.generate import DemoHistory
from forecasting.demo.production import bake, stock_and_order
from forecasting.demo.schedule import (
    DISCONTINUED_PRODUCT,
    NEW_PRODUCT,
    Schedule,
    build_schedule,
)
from forecasting.demo.weather import synthetic_weather
from forecasting.demo.world import World, _effects, _on_sale, history_start, true_demand
from forecasting.shop_calendar import is_product_promotion, promotions_of, with_promotions
from forecasting.store.calendar import events_frame
from forecasting.values.events import Event

WEATHER_COLUMNS = ("date", "temperature", "temperature_max", "precipitation", "sunshine")


@dataclasses.dataclass(frozen=True)
class MemberShop:
    """One shop of the association: kind, Bundesland, size (a factor on every product's demand),
    every `step`-th catalogue product from `offset`, history weeks before `end` (None: three
    years), seed, and how many products it launches in its last two months (the catalogue's new
    product, then others of its range a week apart: `launched`)."""

    name: str
    kind: str
    state: str
    size: float = 1.0
    step: int = 1
    offset: int = 0
    weeks: int | None = None
    seed: int = 1
    launches: int = 1


@dataclasses.dataclass
class MemberHistory:
    """A simulated member: its history, sales as the shop recorded them, calendar, categories."""

    shop: MemberShop
    history: DemoHistory
    sales: pd.DataFrame
    features: FeatureTable
    categories: dict[str, str]

    def demand(self) -> pd.DataFrame:
        """The true demand (product, date, demand) on the sales rows' product-days."""
        frame = self.history.demand_frame()
        first = self.sales["date"].min()
        return frame[frame["date"] >= first].reset_index(drop=True)


def default_association(end: dt.date, launches: int = 1) -> list[MemberShop]:
    """Twelve bakeries and delis in nine Bundesländer, small to large; four of them new (eight
    weeks of sales before the last 13 weeks); each launches `launches` products (launched)."""
    shops = [
        MemberShop("b1", "bakery", "NW", 1.0, 1, 0, None, 11),
        MemberShop("b2", "bakery", "BY", 0.6, 2, 0, None, 12),
        MemberShop("b3", "bakery", "BW", 1.5, 2, 1, None, 13),
        MemberShop("b4", "bakery", "NI", 0.4, 3, 0, None, 14),
        MemberShop("b5", "bakery", "HE", 0.8, 3, 1, 8 + 13, 15),
        MemberShop("b6", "bakery", "SN", 1.2, 2, 0, 8 + 13, 16),
        MemberShop("d1", "deli", "SH", 1.0, 2, 0, None, 21),
        MemberShop("d2", "deli", "HH", 0.7, 3, 0, None, 22),
        MemberShop("d3", "deli", "BY", 1.3, 3, 1, None, 23),
        MemberShop("d4", "deli", "NW", 0.5, 4, 2, None, 24),
        MemberShop("d5", "deli", "BE", 0.9, 3, 2, 8 + 13, 25),
        MemberShop("d6", "deli", "NI", 1.1, 4, 1, 8 + 13, 26),
    ]
    return [dataclasses.replace(s, launches=launches) for s in shops]


def launched(shop: MemberShop, schedule: Schedule, products: list[DemoProduct], end: dt.date
             ) -> dict[str, dt.date]:
    """The schedule's launch (the catalogue's new product, 61 days before `end`) and
    shop.launches - 1 more: products of the shop's range spread over it, the k-th introduced
    7 x k days later, each on its first delivery / baking day (before it, it has no sales)."""
    out = dict(schedule.introduced)
    others = [p.product for p in products
              if p.product.name not in (NEW_PRODUCT[shop.kind], DISCONTINUED_PRODUCT[shop.kind])]
    extra = max(min(shop.launches - 1, len(others)), 0)
    first = min(schedule.introduced.values())
    for k in range(1, extra + 1):
        product = others[(2 * k - 1) * len(others) // (2 * extra)]
        day = first + dt.timedelta(days=7 * k)
        while day.weekday() not in product.delivery_weekdays:
            day += dt.timedelta(days=1)
        out[product.name] = min(day, end - dt.timedelta(days=1))
    return out


def simulate_member(shop: MemberShop, end: dt.date) -> MemberHistory:
    """The member's world up to end - 1: the demo world of its kind with its state, range and
    size (deterministic in shop and end)."""
    spec = dataclasses.replace(SHOPS[shop.kind], state=shop.state, name=shop.name)
    full = catalog(shop.kind)
    keep = {p.product.name for p in full[shop.offset :: shop.step]}
    keep |= {NEW_PRODUCT[shop.kind], DISCONTINUED_PRODUCT[shop.kind]}  # the schedule names them
    products = [dataclasses.replace(p, base=p.base * shop.size) for p in full
                if p.product.name in keep]
    start = history_start(end)
    last = end - dt.timedelta(days=1)
    rng = np.random.default_rng([shop.seed, 1])
    facts = calendar_facts(spec, start, last)
    schedule = build_schedule(shop.kind, products, start, end, rng)
    schedule = dataclasses.replace(schedule, introduced=launched(shop, schedule, products, end))
    weather = synthetic_weather(spec.climate, start, end + dt.timedelta(days=13), rng)
    world = World(shop.kind, spec, start, end, shop.seed, products, facts, schedule, weather, {},
                  np.ones((len(facts.days), len(products)), dtype=bool))
    world.effects = _effects(world)
    world.on_sale = _on_sale(world)
    demand = true_demand(world, np.random.default_rng([shop.seed, 3]))
    outcome = bake(world, demand) if shop.kind == "bakery" else stock_and_order(world, demand)
    history = DemoHistory(world, demand, outcome)
    sales = history.sales_frame()
    if shop.weeks is not None:
        sales = sales[sales["date"] >= pd.Timestamp(end - dt.timedelta(weeks=shop.weeks))]
        sales = sales.reset_index(drop=True)
    observed = weather[weather["date"] < pd.Timestamp(end)]
    columns = [c for c in WEATHER_COLUMNS if c in observed.columns]
    known = [Event(kind=e.kind, name=e.name, start_date=e.start, end_date=e.end, source="demo",
                   product=e.product if e.kind == "promotion" else None)
             for e in schedule.events if e.known]
    sales = with_promotions(sales, promotions_of(known))
    events = events_frame([e for e in known if not is_product_promotion(e)])
    features = build_features(shop.state, sales["date"].min().date(), last,
                              events=events if len(events) else None, weather=observed[columns])
    categories = {p.product.name: p.product.category or "" for p in products}
    return MemberHistory(shop, history, sales, features, categories)

