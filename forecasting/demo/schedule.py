"""The dated happenings of a demo world: festivals, matches, markets, works, layoffs, promotions.

Dates are placed relative to the end date so every history (whatever --end) contains each effect.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import numpy as np

from forecasting.demo.catalog import DISCONTINUED_PRODUCT, NEW_PRODUCT, DemoProduct

DAY = dt.timedelta(days=1)


@dataclasses.dataclass(frozen=True)
class WorldEvent:
    """One happening; `known` ones are stored as shop events, `product` is set for promotions."""

    kind: str
    name: str
    start: dt.date
    end: dt.date
    known: bool = True
    product: str | None = None


@dataclasses.dataclass(frozen=True)
class Schedule:
    """Everything dated in the demo world, plus the product launch and discontinuation."""

    events: tuple[WorldEvent, ...]
    layoffs: dt.date
    introduced: dict[str, dt.date]
    discontinued: dict[str, dt.date]

    def of_kind(self, kind: str) -> list[WorldEvent]:
        """The events of one kind, by start date."""
        return [e for e in self.events if e.kind == kind]


def _weekday_on_or_after(day: dt.date, weekday: int) -> dt.date:
    return day + dt.timedelta(days=(weekday - day.weekday()) % 7)


def _last_sunday(year: int, month: int) -> dt.date:
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    last = nxt - DAY
    return last - dt.timedelta(days=(last.weekday() - 6) % 7)


def totensonntag(year: int) -> dt.date:
    """The Sunday before the first Sunday of Advent (Christmas markets open around it)."""
    fourth_advent = dt.date(year, 12, 24) - dt.timedelta(days=(dt.date(year, 12, 24).weekday() + 1) % 7)
    return fourth_advent - dt.timedelta(days=28)


def town_festivals(kind: str, years: range) -> list[WorldEvent]:
    """Dortmunder Stadtfest (Fri-Sun, first weekend of September) / Kieler Woche (9 days, June)."""
    out = []
    for year in years:
        if kind == "bakery":
            saturday = _weekday_on_or_after(dt.date(year, 9, 1), 5)
            out.append(WorldEvent("town_festival", "Dortmunder Stadtfest", saturday - DAY,
                                  saturday + DAY))
        else:
            last = _last_sunday(year, 6)
            out.append(WorldEvent("town_festival", "Kieler Woche", last - 8 * DAY, last))
    return out


def christmas_markets(kind: str, years: range) -> list[WorldEvent]:
    """Dortmund: Thursday before Totensonntag to 30 Dec; Kiel: Monday after it to 30 Dec."""
    out = []
    for year in years:
        sunday = totensonntag(year)
        if kind == "bakery":
            out.append(WorldEvent("christmas_market", "Dortmunder Weihnachtsmarkt",
                                  sunday - 3 * DAY, dt.date(year, 12, 30)))
        else:
            out.append(WorldEvent("christmas_market", "Kieler Weihnachtsmarkt", sunday + DAY,
                                  dt.date(year, 12, 30)))
    return out


def football_home_matches(kind: str, years: range, rng: np.random.Generator) -> list[WorldEvent]:
    """Home matches every other weekend from mid-August to May, winter break excluded."""
    name = "Heimspiel Borussia Dortmund" if kind == "bakery" else "Heimspiel Holstein Kiel"
    out = []
    for year in years:
        saturday = _weekday_on_or_after(dt.date(year, 8, 15), 5) + 7 * int(rng.integers(0, 2)) * DAY
        season_end = dt.date(year + 1, 5, 20)
        while saturday <= season_end:
            winter = dt.date(year, 12, 21) <= saturday <= dt.date(year + 1, 1, 14)
            if not winter:
                offset = int(rng.choice([-1, 0, 1], p=[0.15, 0.65, 0.2]))
                day = saturday + offset * DAY
                out.append(WorldEvent("football_home", name, day, day))
            saturday += 14 * DAY
    return out


def promotions(
    kind: str, products: list[DemoProduct], start: dt.date, until: dt.date,
    rng: np.random.Generator,
) -> list[WorldEvent]:
    """A one-product promotion every six to nine weeks (bakery 6 days Mon-Sat, deli 10 days)."""
    excluded = {NEW_PRODUCT[kind], DISCONTINUED_PRODUCT[kind]}
    names = [p.product.name for p in products if p.product.name not in excluded]
    length = 6 if kind == "bakery" else 10
    out = []
    day = _weekday_on_or_after(start + 21 * DAY, 0)
    while day <= until:
        product = names[int(rng.integers(0, len(names)))]
        out.append(WorldEvent("promotion", f"Aktion: {product}", day,
                              day + (length - 1) * DAY, product=product))
        day = _weekday_on_or_after(day + int(rng.integers(42, 64)) * DAY, 0)
    return out


def build_schedule(
    kind: str, products: list[DemoProduct], start: dt.date, end: dt.date,
    rng: np.random.Generator,
) -> Schedule:
    """All dated happenings from `start` to a few weeks after `end` (upcoming events included)."""
    horizon = end + 42 * DAY
    years = range(start.year - 1, horizon.year + 1)
    events: list[WorldEvent] = []
    events += town_festivals(kind, years)
    events += christmas_markets(kind, years)
    events += football_home_matches(kind, years, rng)
    if kind == "bakery":
        works = _weekday_on_or_after(end - 430 * DAY, 0)
        events.append(WorldEvent("construction", "Baustelle Kampstraße (Straßenbahn)", works,
                                 works + 41 * DAY))
        layoffs = (end - 250 * DAY).replace(day=1)
    else:
        works = _weekday_on_or_after(end - 640 * DAY, 0)
        events.append(WorldEvent("construction", "Sanierung Alter Markt", works,
                                 works + 34 * DAY))
        layoffs = (end - 520 * DAY).replace(day=1)
    events += promotions(kind, products, start, end + 14 * DAY, rng)
    # upcoming: one promotion in the week after the end, so suggestions show it
    nxt = _weekday_on_or_after(end + 3 * DAY, 0)
    if not any(e.kind == "promotion" and e.end >= end for e in events):
        pick = products[int(rng.integers(0, len(products) // 2))].product.name
        events.append(WorldEvent("promotion", f"Aktion: {pick}", nxt, nxt + 5 * DAY,
                                 product=pick))
    events.append(WorldEvent("layoffs", "Stellenabbau beim großen Arbeitgeber", layoffs, horizon,
                             known=False))
    events = [e for e in events if e.end >= start and e.start <= horizon]
    events.sort(key=lambda e: (e.start, e.kind, e.name))
    # introduced on its first delivery / baking day two months before the end
    new = next(p.product for p in products if p.product.name == NEW_PRODUCT[kind])
    intro = end - 61 * DAY
    while intro.weekday() not in new.delivery_weekdays:
        intro += DAY
    gone = (end - 300 * DAY).replace(day=1)
    return Schedule(
        events=tuple(events),
        layoffs=layoffs,
        introduced={NEW_PRODUCT[kind]: intro},
        discontinued={DISCONTINUED_PRODUCT[kind]: gone},
    )
