"""Making a real shop's scenario anonymous: nothing of its name, place or exact figures stays.

Product names become category + number (or stay, the trainer's choice), prices and costs are
scaled by one factor (the service levels stay the same) or removed, dates move by whole weeks
(weekdays stay; holidays are recomputed for the new dates, local events are dropped), quantities
and packs are scaled by one factor. Suppliers, decisions, logs, receipts and the shop's name and
place never enter a scenario at all.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import secrets

import numpy as np
import pandas as pd

from calendars.features import build_features
from forecasting.policy.economics import service_level
from forecasting.policy.forecast_input import level_of
from forecasting.values.products import Product
from forecasting.workshop.files import FILE_DECIMALS
from forecasting.workshop.occasions import scenario_calendar
from forecasting.workshop.scenario import Scenario

PRICE_FACTORS = (0.7, 1.4)
QUANTITY_FACTORS = (0.6, 1.5)
WEEKS_BACK = (26, 104)


@dataclasses.dataclass(frozen=True)
class Disguise:
    """How to disguise a shop: keep names or not, scale or remove prices, and the (random unless
    given) factors and week shift."""

    keep_names: bool = False
    remove_prices: bool = False
    price_factor: float | None = None
    quantity_factor: float | None = None
    weeks: int | None = None

    def resolved(self) -> Disguise:
        """The same disguise with every factor drawn (from the system's randomness, never stored)."""
        rng = np.random.default_rng(secrets.randbits(64))
        return dataclasses.replace(
            self,
            price_factor=self.price_factor or _away_from_one(rng, PRICE_FACTORS),
            quantity_factor=self.quantity_factor or _away_from_one(rng, QUANTITY_FACTORS),
            weeks=self.weeks if self.weeks is not None else -int(rng.integers(*WEEKS_BACK)),
        )


def _away_from_one(rng: np.random.Generator, bounds: tuple[float, float]) -> float:
    while True:  # at least 10 % off, so no total stays near its true value
        value = float(rng.uniform(*bounds))
        if abs(value - 1.0) >= 0.1:
            return value


def anonymise(scenario: Scenario, disguise: Disguise) -> Scenario:
    """`scenario` disguised; suggestions must be computed afterwards, from the disguised data."""
    d = disguise.resolved()
    assert d.price_factor is not None
    assert d.quantity_factor is not None
    assert d.weeks is not None
    names = _new_names(scenario.products, d.keep_names)
    shift = pd.Timedelta(weeks=d.weeks)
    q = d.quantity_factor
    products = [_disguised(p, names[p.name], d) for p in scenario.products]

    def moved(frame: pd.DataFrame) -> pd.DataFrame:
        out = frame.copy()
        out["date"] = pd.to_datetime(out["date"]) + shift
        if "product" in out:
            out["product"] = out["product"].map(names)
        return out

    history = moved(scenario.history)
    history["quantity"] = np.round(history["quantity"] * q)
    outcome = moved(scenario.outcome)
    outcome["demand"] = np.round(outcome["demand"] * q)
    outcome["sold"] = np.minimum(np.round(outcome["sold"] * q), outcome["demand"])
    forecasts = moved(scenario.forecasts)
    for column in [c for c in forecasts.columns if level_of(str(c)) is not None]:
        forecasts[column] = (forecasts[column] * q).round(FILE_DECIMALS)
    extra: dict[str, object] = {}
    if scenario.stocked:
        stock_forecasts = moved(scenario.stock_forecasts)
        stock_forecasts["cutoff"] = pd.to_datetime(stock_forecasts["cutoff"]) + shift
        for column in [c for c in stock_forecasts.columns if level_of(str(c)) is not None]:
            stock_forecasts[column] = (stock_forecasts[column] * q).round(FILE_DECIMALS)
        warmup = moved(scenario.warmup)
        warmup["demand"] = np.round(warmup["demand"] * q)
        extra = {"stocked": sorted(names[n] for n in scenario.stocked),
                 "stock_forecasts": stock_forecasts, "warmup": warmup,
                 "open_days": [day + dt.timedelta(weeks=d.weeks) for day in scenario.open_days]}
    first = scenario.first + dt.timedelta(weeks=d.weeks)
    last = scenario.last + dt.timedelta(weeks=d.weeks)
    since = pd.Timestamp(scenario.calendar["date"].min()) + shift
    return dataclasses.replace(
        scenario, title="", state="", first=first, last=last, anonymised=True, products=products,
        history=history, outcome=outcome, forecasts=forecasts,
        calendar=holiday_calendar(scenario.state, since.date(), last),
        prices_known=not d.remove_prices, **extra,  # type: ignore[arg-type]
    )


def _new_names(products: list[Product], keep: bool) -> dict[str, str]:
    if keep:
        return {p.name: p.name for p in products}
    counts: dict[str, int] = {}
    out = {}
    for p in sorted(products, key=lambda p: (p.category, p.name)):
        category = p.category or "Artikel"
        counts[category] = counts.get(category, 0) + 1
        out[p.name] = f"{category} {counts[category]}"
    return out


def _disguised(product: Product, name: str, d: Disguise) -> Product:
    assert d.price_factor is not None
    assert d.quantity_factor is not None
    level = product.service_level
    if d.remove_prices:  # the level the prices gave stays, so the suggestions do not change
        price = cost = salvage = 0.0
        level = service_level(product).level
    else:
        price, cost, salvage = (round(v * d.price_factor, 2) for v in
                                (product.price, product.unit_cost, product.salvage_value))
    pack = max(1.0, float(round(product.pack_size * d.quantity_factor)))
    minimum = float(round(product.min_order * d.quantity_factor)) if product.min_order else 0.0
    return Product(name=name, category=product.category, unit=product.unit, price=price,
                   unit_cost=cost, salvage_value=salvage, pack_size=pack, min_order=minimum,
                   service_level=level, shelf_life_days=product.shelf_life_days,
                   lead_time_days=product.lead_time_days,
                   delivery_weekdays=product.delivery_weekdays)


def holiday_calendar(state: str, first: dt.date, last: dt.date) -> pd.DataFrame:
    """What is special about each day from the public calendar alone (holidays, school holidays,
    paydays) and the occasions they give, for days that have moved: the shop's own events would
    give its place away, and so would its weather, which a participant could look up by date."""
    return scenario_calendar(build_features(state, first, last), first, last)
