"""The demand of the demo world: every effect a shop owner would recognise, with its size.

Mean demand of product p on day t = base_p x product of the effect multipliers below; the daily
demand is gamma-Poisson around that mean. Each effect is kept as a separate log-multiplier matrix
(days x products), so docs/demo_shops.md and the tests can name and measure them one by one.
Multipliers are given per product segment; "*" is the default of a shop.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence

import numpy as np
import pandas as pd

from forecasting.demo.calendar_facts import CalendarFacts, calendar_facts
from forecasting.demo.catalog import SHOPS, DemoProduct, DemoShopSpec, catalog
from forecasting.demo.schedule import Schedule, build_schedule
from forecasting.demo.weather import synthetic_weather

# Weekday profiles (Monday .. Sunday) per segment; Sunday only matters where the shop opens.
WEEKDAY = {
    "bakery": {
        "rolls": (0.85, 0.80, 0.80, 0.85, 0.95, 1.45, 1.30),
        "pretzel": (1.00, 0.95, 0.95, 1.00, 1.10, 1.20, 0.60),
        "bread": (0.90, 0.85, 0.85, 0.95, 1.25, 1.45, 0.35),
        "cake": (0.75, 0.75, 0.75, 0.85, 1.00, 1.35, 1.60),
        "fruitcake": (0.75, 0.75, 0.75, 0.85, 1.00, 1.35, 1.60),
        "berliner": (0.75, 0.75, 0.75, 0.85, 1.00, 1.35, 1.60),
        "snack": (1.10, 1.05, 1.05, 1.05, 1.00, 0.70, 0.25),
    },
    "deli": {
        "*": (0.75, 0.85, 0.85, 0.95, 1.15, 1.35, 0.0),
        "drinks": (0.85, 0.90, 0.90, 0.95, 1.10, 1.30, 0.0),
        "soup": (0.95, 1.00, 1.00, 1.00, 1.05, 0.90, 0.0),
    },
}

# Annual season beyond weather: (log amplitude, day of year of the peak).
SEASON = {
    "bakery": {"*": (0.03, 15), "bread": (0.08, 15), "cake": (0.05, 340),
               "fruitcake": (0.35, 210), "berliner": (0.10, 40), "snack": (0.04, 60),
               "pretzel": (0.0, 1)},
    "deli": {"*": (0.06, 200), "cheese": (0.08, 350), "salad": (0.15, 200),
             "herring": (0.10, 10), "pumpkin": (0.70, 290), "soup": (0.15, 15),
             "icecream": (0.25, 200), "fish": (0.10, 350)},
}

TREND_PER_YEAR = {"bakery": 0.02, "deli": 0.05}

# Multipliers on marked days, per segment ("*" = default). One table per effect.
SIZES: dict[str, dict[str, dict[str, float]]] = {
    "market_day": {"bakery": {"*": 1.12}, "deli": {"*": 1.20, "cheese": 1.25, "antipasti": 1.25}},
    "pre_holiday": {
        "bakery": {"*": 1.25, "pretzel": 1.15, "bread": 1.45, "cake": 1.30, "fruitcake": 1.30,
                   "berliner": 1.20, "snack": 1.00},
        "deli": {"*": 1.30, "cheese": 1.40, "fish": 1.40, "soup": 1.10},
    },
    "bridge_day": {
        "bakery": {"*": 0.85, "pretzel": 0.80, "bread": 0.90, "cake": 0.95, "fruitcake": 0.95,
                   "berliner": 0.95, "snack": 0.70},
        "deli": {"*": 0.90},
    },
    "christmas_eve": {
        "bakery": {"*": 1.50, "pretzel": 0.80, "bread": 1.60, "cake": 1.20, "fruitcake": 1.00,
                   "berliner": 0.80, "snack": 0.40},
        "deli": {"*": 1.50, "cheese": 2.20, "antipasti": 1.80, "salad": 2.50, "fish": 3.00,
                 "drinks": 1.00, "soup": 0.50, "pumpkin": 0.50, "bread": 1.80},
    },
    "pre_christmas": {
        "bakery": {"*": 1.10},
        "deli": {"*": 1.15, "cheese": 1.60, "fish": 1.80, "antipasti": 1.40, "bread": 1.30},
    },
    "new_years_eve": {
        "bakery": {"*": 1.30, "pretzel": 1.20, "cake": 0.80, "fruitcake": 0.80,
                   "berliner": 7.00, "snack": 0.50},
        "deli": {"*": 1.50, "cheese": 2.00, "herring": 3.00, "fish": 2.20, "antipasti": 1.80,
                 "salad": 1.80, "drinks": 1.20, "soup": 0.50, "pumpkin": 0.50, "bread": 1.80},
    },
    "between_years": {"bakery": {"*": 0.85, "snack": 0.60}, "deli": {"*": 1.00}},
    "school_summer": {"bakery": {"*": 0.88, "snack": 0.80}, "deli": {"*": 0.92}},
    "school_other": {"bakery": {"*": 0.95}, "deli": {"*": 0.97}},
    "payday_0": {"bakery": {"*": 1.08}, "deli": {"*": 1.12}},
    "payday_1": {"bakery": {"*": 1.05}, "deli": {"*": 1.08}},
    "payday_2": {"bakery": {"*": 1.03}, "deli": {"*": 1.04}},
    "rain": {"bakery": {"*": 0.92}, "deli": {"*": 0.88, "soup": 1.08, "pumpkin": 1.08,
                                            "icecream": 0.80}},
    "town_festival": {
        "bakery": {"*": 1.15, "pretzel": 1.40, "bread": 1.00, "cake": 1.20, "fruitcake": 1.20,
                   "berliner": 1.20, "snack": 1.50},
        "deli": {"*": 1.20, "drinks": 1.60, "fish": 1.50, "icecream": 1.50, "cheese": 1.10,
                 "soup": 0.90, "pumpkin": 0.90, "bread": 1.30},
    },
    "football_home": {
        "bakery": {"*": 1.05, "rolls": 1.08, "pretzel": 1.30, "snack": 1.25},
        "deli": {"*": 1.05, "drinks": 1.30, "fish": 1.10},
    },
    "christmas_market": {
        "bakery": {"*": 1.08, "cake": 1.15, "berliner": 1.15, "snack": 1.10},
        "deli": {"*": 1.10, "cheese": 1.15, "fish": 1.15, "drinks": 0.95, "icecream": 0.90},
    },
    "construction": {"bakery": {"*": 0.75}, "deli": {"*": 0.80}},
    "layoffs": {"bakery": {"*": 0.88}, "deli": {"*": 0.90}},
    "promotion": {"bakery": {"*": 1.50}, "deli": {"*": 1.50}},
}
RAIN_MM = 5.0  # a "rainy day" for the footfall effect
HEAT_MAX = 26.0  # bakery: footfall falls above this daily maximum temperature
HEAT_PER_DEGREE = 0.02
# Effects the owner knows in advance, and how much of each the owner anticipates when baking or
# ordering: the power of the multiplier (1 = fully, 0 = not at all). The yearly big days are
# well known; other days only partly, so sell-outs cluster on them as in a real shop.
KNOWN = {"pre_holiday": 0.6, "bridge_day": 0.6, "christmas_eve": 0.9, "pre_christmas": 0.9,
         "new_years_eve": 0.9, "between_years": 0.6, "town_festival": 0.6, "football_home": 0.5,
         "christmas_market": 0.6, "promotion": 0.6}


@dataclasses.dataclass
class World:
    """A demo world: shop, products, calendar, schedule, weather and the demand effects."""

    kind: str
    spec: DemoShopSpec
    start: dt.date
    end: dt.date
    seed: int
    products: list[DemoProduct]
    facts: CalendarFacts
    schedule: Schedule
    weather: pd.DataFrame
    effects: dict[str, np.ndarray]
    on_sale: np.ndarray

    @property
    def days(self) -> pd.DatetimeIndex:
        """The history days (start .. end - 1)."""
        return self.facts.days

    @property
    def names(self) -> list[str]:
        """Product names, in catalogue order (the columns of the effect matrices)."""
        return [p.product.name for p in self.products]

    def log_mean(self, exclude: tuple[str, ...] = ()) -> np.ndarray:
        """log of the mean demand (days x products) from all effects but `exclude`."""
        base = np.log([p.base for p in self.products])[None, :]
        total = np.broadcast_to(base, (len(self.days), len(self.products))).copy()
        for name, values in self.effects.items():
            if name not in exclude:
                total += values
        return total

    def known_log(self) -> np.ndarray:
        """The owner's expectation of the known effects (log, days x products), see KNOWN."""
        total = np.zeros_like(self.effects["weekday"])
        for name, power in KNOWN.items():
            total += power * self.effects[name]
        return total

    def day_mask(self, kind: str) -> np.ndarray:
        """Days covered by any event of `kind` in the schedule."""
        mask = np.zeros(len(self.days), dtype=bool)
        for event in self.schedule.of_kind(kind):
            mask |= (self.days >= pd.Timestamp(event.start)) & (self.days <= pd.Timestamp(event.end))
        return mask


def history_start(end: dt.date) -> dt.date:
    """Three years before `end` (28 Feb for a 29 Feb end)."""
    try:
        return end.replace(year=end.year - 3)
    except ValueError:
        return end.replace(year=end.year - 3, day=28)


def _segment_values(kind: str, table: dict[str, float], products: list[DemoProduct]) -> np.ndarray:
    default = table.get("*", 1.0)
    return np.log([table.get(p.segment, default) for p in products])


def _on_days(mask: np.ndarray, kind: str, effect: str, products: list[DemoProduct]) -> np.ndarray:
    return np.outer(mask.astype(float), _segment_values(kind, SIZES[effect][kind], products))


def build_world(kind: str, end: dt.date, seed: int = 0) -> World:
    """The demo world of shop `kind` with history from three years before `end` to end - 1."""
    spec = SHOPS[kind]
    products = catalog(kind)
    start = history_start(end)
    last = end - dt.timedelta(days=1)
    rng = np.random.default_rng([seed, 1 if kind == "bakery" else 2])
    facts = calendar_facts(spec, start, last)
    schedule = build_schedule(kind, products, start, end, rng)
    weather = synthetic_weather(spec.climate, start, end + dt.timedelta(days=13), rng)
    world = World(kind, spec, start, end, seed, products, facts, schedule, weather, {},
                  np.ones((len(facts.days), len(products)), dtype=bool))
    world.effects = _effects(world)
    world.on_sale = _on_sale(world)
    return world


def _on_sale(world: World) -> np.ndarray:
    days = world.days
    out = np.ones((len(days), len(world.products)), dtype=bool)
    for j, name in enumerate(world.names):
        if name in world.schedule.introduced:
            out[:, j] &= days >= pd.Timestamp(world.schedule.introduced[name])
        if name in world.schedule.discontinued:
            out[:, j] &= days < pd.Timestamp(world.schedule.discontinued[name])
    return out


def _effects(world: World) -> dict[str, np.ndarray]:
    kind, products, facts, days = world.kind, world.products, world.facts, world.days
    segments = [p.segment for p in products]
    n = len(days)
    weekday = days.day_of_week.to_numpy()
    profiles = WEEKDAY[kind]
    table = np.array([profiles.get(s, profiles.get("*")) for s in segments])  # products x 7
    with np.errstate(divide="ignore"):
        effects = {"weekday": np.log(np.maximum(table[:, weekday].T, 1e-9))}
    effects["market_day"] = _on_days(weekday == world.spec.market_weekday, kind, "market_day",
                                     products)
    doy = days.day_of_year.to_numpy()
    season = SEASON[kind]
    amp = np.array([season.get(s, season["*"])[0] for s in segments])
    peak = np.array([season.get(s, season["*"])[1] for s in segments])
    effects["season"] = amp[None, :] * np.cos(2 * np.pi * (doy[:, None] - peak[None, :]) / 365.25)
    years = (days - pd.Timestamp(world.start)).days.to_numpy() / 365.25
    effects["trend"] = np.outer(years * TREND_PER_YEAR[kind], np.ones(len(products)))
    month_day = [(d.month, d.day) for d in days]
    effects["pre_holiday"] = _on_days(facts.pre_holiday, kind, "pre_holiday", products)
    effects["bridge_day"] = _on_days(facts.bridge_day, kind, "bridge_day", products)
    effects["christmas_eve"] = _on_days(np.array([md == (12, 24) for md in month_day]), kind,
                                        "christmas_eve", products)
    effects["pre_christmas"] = _on_days(np.array([md == (12, 23) for md in month_day]), kind,
                                        "pre_christmas", products)
    effects["new_years_eve"] = _on_days(np.array([md == (12, 31) for md in month_day]), kind,
                                        "new_years_eve", products)
    effects["between_years"] = _on_days(
        np.array([md[0] == 12 and 27 <= md[1] <= 30 for md in month_day]), kind,
        "between_years", products)
    effects["school_summer"] = _on_days(facts.school_summer, kind, "school_summer", products)
    effects["school_other"] = _on_days(facts.school_other, kind, "school_other", products)
    effects["payday"] = sum(
        (_on_days(facts.days_after_payday == k, kind, f"payday_{k}", products) for k in range(3)),
        np.zeros((n, len(products))),
    )
    weather = world.weather.set_index("date").reindex(days)
    temp = weather["temperature"].to_numpy()
    heat = np.array([p.heat for p in products])
    cold = np.array([p.cold for p in products])
    pivot = np.array([p.pivot for p in products])
    effects["temperature"] = heat[None, :] * np.maximum(temp[:, None] - pivot[None, :], 0) - cold[
        None, :
    ] * (temp[:, None] - pivot[None, :])
    if kind == "bakery":
        tmax = weather["temperature_max"].to_numpy()
        effects["temperature"] -= np.outer(HEAT_PER_DEGREE * np.maximum(tmax - HEAT_MAX, 0),
                                           np.ones(len(products)))
    rainy = weather["precipitation"].to_numpy() >= RAIN_MM
    effects["rain"] = _on_days(rainy, kind, "rain", products)
    for event_kind in ("town_festival", "football_home", "christmas_market", "construction"):
        effects[event_kind] = _on_days(world.day_mask(event_kind), kind, event_kind, products)
    effects["layoffs"] = _on_days(days >= pd.Timestamp(world.schedule.layoffs), kind, "layoffs",
                                  products)
    promo = np.zeros((n, len(products)))
    lift = np.log(SIZES["promotion"][kind]["*"])
    index = {name: j for j, name in enumerate(world.names)}
    for event in world.schedule.of_kind("promotion"):
        mask = (days >= pd.Timestamp(event.start)) & (days <= pd.Timestamp(event.end))
        promo[mask, index[event.product or ""]] = lift
    effects["promotion"] = promo
    return effects


def demand_distribution(world: World) -> tuple[np.ndarray, np.ndarray]:
    """(mean [day, product], gamma shape [1, product]) of the true demand: gamma-Poisson, i.e.
    negative binomial with n = shape and p = shape / (shape + mean) (see `true_demand`)."""
    mean = np.exp(world.log_mean())
    return mean, np.array([p.dispersion for p in world.products], dtype=float)[None, :]


def demand_quantiles(world: World, levels: Sequence[float]) -> np.ndarray:
    """[level, day, product] quantiles of the true demand distribution (0 where closed or not on
    sale): the forecast that knows the world, which benchmarks use as the floor no model can
    beat."""
    from scipy.stats import nbinom

    mean, shape = demand_distribution(world)
    prob = shape / (shape + mean)
    selling = world.facts.open[:, None] & world.on_sale
    return np.stack([np.where(selling, nbinom.ppf(tau, shape, prob), 0.0) for tau in levels])


def true_demand(world: World, rng: np.random.Generator) -> np.ndarray:
    """Integer demand (days x products): gamma-Poisson around the mean; 0 where closed/not sold."""
    mean, shape = demand_distribution(world)
    lam = mean * rng.gamma(np.broadcast_to(shape, mean.shape), 1.0 / shape)
    demand = rng.poisson(lam).astype(float)
    selling = world.facts.open[:, None] & world.on_sale
    return np.where(selling, demand, 0.0)
