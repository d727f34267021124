"""The scenario a workshop plays: what participants may see and what scores their orders."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pandas as pd

from forecasting.values.products import Product
from forecasting.workshop.rounds import REVEAL_DAILY, Round, default_rounds

#: demand_kind: the demo shops know their true demand; a real shop only its sales, which are a
#: lower bound on demand (a sold-out day hides how much more would have sold).
TRUE_DEMAND = "true_demand"
SALES_LOWER_BOUND = "sales_lower_bound"
MAX_DAYS = 42
MAX_PRODUCTS = 20
HISTORY_WEEKS = 8  # what "same as last week" looks back at, and what the sheet shows before day 1

PRODUCT_FIELDS = ("name", "category", "unit", "price", "unit_cost", "salvage_value", "pack_size",
                  "min_order")
#: what goods that keep need besides (files before them: a day's goods, delivered daily)
STOCK_FIELDS = ("shelf_life_days", "lead_time_days", "delivery_weekdays")


@dataclasses.dataclass
class Scenario:
    """One workshop scenario.

    history: date, product, quantity, sold_out (0/1): sales from HISTORY_WEEKS before the first
    day to the last day (a participant sees only the rows before the day they order for).
    outcome: date, product, demand, sold: what happened on the scenario days (the score).
    sheet: date, product, forecast, suggestion, rule, level, reasons_de, reasons_en: the model's
    suggestion per day as made the evening before, and "same as last week".
    calendar: date, labels_de, labels_en: what is special about each day.
    forecasts: date, product, q-columns: the model's quantiles for each day, made the evening
    before (the policy benchmark's machinery scores them).
    rounds: what participants see on which days (empty: one round, everything shown);
    reveal: "daily" (each day's result after the day) or "end" (nothing before the last day).
    stocked: the products that keep and are played as a shelf (forecasting/workshop/stock.py);
    for them the sheet has a row per delivery an order can still reach (date = delivery day).
    stock_forecasts: date, product, cutoff, q-columns: their forecasts 1..8 days ahead.
    warmup: date, product, demand: their demand on the days before the first, which fill the
    shelf the same way for everyone; open_days: the shop's open days from the warm-up on.
    """

    scenario_id: str
    title: str
    state: str
    first: dt.date
    last: dt.date
    demand_kind: str
    anonymised: bool
    products: list[Product]
    history: pd.DataFrame
    outcome: pd.DataFrame
    sheet: pd.DataFrame
    calendar: pd.DataFrame
    forecasts: pd.DataFrame = dataclasses.field(default_factory=pd.DataFrame)
    prices_known: bool = True
    rounds: list[Round] = dataclasses.field(default_factory=list)
    reveal: str = REVEAL_DAILY
    stocked: list[str] = dataclasses.field(default_factory=list)
    stock_forecasts: pd.DataFrame = dataclasses.field(default_factory=pd.DataFrame)
    warmup: pd.DataFrame = dataclasses.field(default_factory=pd.DataFrame)
    open_days: list[dt.date] = dataclasses.field(default_factory=list)

    @property
    def days(self) -> list[dt.date]:
        """The days to order for (open days with an outcome), in order."""
        return sorted({d.date() for d in pd.to_datetime(self.outcome["date"])})

    @property
    def product_names(self) -> list[str]:
        """The products in play, in the order of the sheet."""
        return [p.name for p in self.products]

    def play_rounds(self) -> list[Round]:
        """The rounds as played: the scenario's, or one over all days with everything shown."""
        return list(self.rounds) or default_rounds(len(self.days))

    def round_of(self, day: dt.date) -> tuple[int, Round]:
        """(number from 1, round) of the round `day` belongs to."""
        position = self.days.index(day) + 1
        return next((n, r) for n, r in enumerate(self.play_rounds(), start=1)
                    if r.first_day <= position <= r.last_day)

    def round_days(self, item: Round) -> list[dt.date]:
        """The dates of the days of round `item`."""
        return self.days[item.first_day - 1:item.last_day]

    def product(self, name: str) -> Product:
        """The product called `name` in the scenario."""
        return next(p for p in self.products if p.name == name)

    def visible_history(self, day: dt.date) -> pd.DataFrame:
        """The sales a participant may see when ordering for `day`: strictly before it."""
        return self.history[self.history["date"] < pd.Timestamp(day)]


def product_dict(product: Product) -> dict[str, object]:
    """The fields of a product a scenario keeps (economics, packs, shelf life and deliveries; no
    supplier, no ids)."""
    out = {f: getattr(product, f) for f in PRODUCT_FIELDS + STOCK_FIELDS}
    out["delivery_weekdays"] = list(product.delivery_weekdays)
    return out


def product_from(data: dict[str, object]) -> Product:
    """A product from its stored fields."""
    product = Product(**{f: data[f] for f in PRODUCT_FIELDS})  # type: ignore[arg-type]
    if "shelf_life_days" in data:
        product.shelf_life_days = int(data["shelf_life_days"])  # type: ignore[call-overload]
        product.lead_time_days = int(data["lead_time_days"])  # type: ignore[call-overload]
        product.delivery_weekdays = tuple(int(d) for d in data["delivery_weekdays"])  # type: ignore[attr-defined]
    return product
