"""Every documented demand effect of the demo shops is measurable in the generated files.

Measurements use the true demand stored in the file (table true_demand) and the sales; dates come
from the `holidays` package, the events stored in the file and, for the layoffs (which the shop
does not know), from the generator's schedule. docs/demo_shops.md lists the sizes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import holidays
import numpy as np
import pandas as pd
import pytest

from forecasting.demo.generate import read_demo_meta
from forecasting.demo.world import build_world
from forecasting.store.calendar import load_events, load_weather
from forecasting.store.file import Shop
from forecasting.store.products import load_products
from forecasting.store.sales import read_sales, read_true_demand

WEEK = pd.Timedelta(days=7)


@dataclasses.dataclass
class Loaded:
    """One demo file read back: wide true demand (date x product), sales, events, weather."""

    demand: pd.DataFrame
    sales: pd.DataFrame
    events: list
    weather: pd.DataFrame
    products: dict
    end: dt.date
    seed: int

    @property
    def total(self) -> pd.Series:
        """Total true demand per open day over the products on sale for the whole history."""
        full = self.demand.dropna(axis=1)
        return full.sum(axis=1)


def _load(path: Path) -> Loaded:
    with Shop.open(path) as shop:
        demand = read_true_demand(shop)
        sales = read_sales(shop)
        events = load_events(shop)
        weather = load_weather(shop)
        products = {p.name: p for p in load_products(shop)}
        meta = read_demo_meta(shop)
    assert meta is not None
    wide = demand.pivot(index="date", columns="product", values="demand").sort_index()
    return Loaded(wide, sales, events, weather, products, meta[1], meta[2])


@pytest.fixture(scope="module")
def bakery(demo_bakery_path: Path) -> Loaded:
    return _load(demo_bakery_path)


@pytest.fixture(scope="module")
def deli(demo_deli_path: Path) -> Loaded:
    return _load(demo_deli_path)


def _ratio_to_neighbours(
    series: pd.Series, days: list[pd.Timestamp], exclude: set[pd.Timestamp], weeks: int = 2
) -> float:
    """Mean over `days` of value / mean(value on the same weekday up to `weeks` weeks around)."""
    ratios = []
    for day in days:
        if day not in series.index:
            continue
        near = [day + k * WEEK for k in range(-weeks, weeks + 1) if k]
        near = [d for d in near if d in series.index and d not in exclude]
        if near:
            ratios.append(series[day] / series[near].mean())
    return float(np.mean(ratios)) if ratios else float("nan")


def _public(state: str) -> dict[dt.date, str]:
    return holidays.country_holidays("DE", subdiv=state, years=range(2023, 2027),
                                      categories=("public",))


def _special(loaded: Loaded, state: str) -> set[pd.Timestamp]:
    """Days with a holiday nearby, an event, or the Christmas weeks: never used as comparison."""
    out: set[pd.Timestamp] = set()
    for day in _public(state):
        for k in range(-2, 3):
            out.add(pd.Timestamp(day) + pd.Timedelta(days=k))
    for event in loaded.events:
        out.update(pd.date_range(event.start_date, event.end_date))
    for year in range(2023, 2027):
        out.update(pd.date_range(f"{year}-12-20", f"{year + 1}-01-02"))
    return out


def _event_days(loaded: Loaded, kind: str) -> list[pd.Timestamp]:
    days: list[pd.Timestamp] = []
    for event in loaded.events:
        if event.kind == kind:
            days += [d for d in pd.date_range(event.start_date, event.end_date)
                     if d in loaded.demand.index]
    return days


# -- calendar effects -------------------------------------------------------------------------
@pytest.mark.parametrize(("shop", "state"), [("bakery", "NW"), ("deli", "SH")])
def test_day_before_a_public_holiday_has_a_rush(shop: str, state: str, request) -> None:
    loaded = request.getfixturevalue(shop)
    total = loaded.total
    pre = []
    for day in _public(state):
        t = pd.Timestamp(day) - pd.Timedelta(days=1)
        while t >= total.index[0] and t not in total.index:
            t -= pd.Timedelta(days=1)
        if t in total.index and (t.month, t.day) not in ((12, 24), (12, 31)):
            pre.append(t)
    assert len(pre) >= 20
    assert _ratio_to_neighbours(total, pre, _special(loaded, state)) > 1.15


def test_public_holidays_and_closed_weekdays_have_no_rows(bakery: Loaded, deli: Loaded) -> None:
    for loaded, state in ((bakery, "NW"), (deli, "SH")):
        dates = set(loaded.sales["date"].dt.date)
        closed = [d for d in _public(state) if dt.date(2023, 11, 26) <= d < loaded.end]
        assert closed
        assert not dates & set(closed)
    assert not (deli.sales["date"].dt.day_of_week == 6).any()
    assert (bakery.sales["date"].dt.day_of_week == 6).any()  # bakery opens Sunday mornings


def test_saturday_beats_tuesday_for_rolls(bakery: Loaded) -> None:
    rolls = bakery.demand["Weizenbrötchen"]
    by_weekday = rolls.groupby(rolls.index.day_of_week).mean()
    assert by_weekday[5] > 1.5 * by_weekday[1]


def test_weekly_market_day_lifts_wednesday(bakery: Loaded, deli: Loaded) -> None:
    # Tuesday and Wednesday share the same weekday profile; only the market differs.
    for loaded, low in ((bakery, 1.07), (deli, 1.12)):
        total = loaded.total
        by_weekday = total.groupby(total.index.day_of_week).median()
        assert by_weekday[2] / by_weekday[1] > low


def test_bridge_days_are_quiet(bakery: Loaded) -> None:
    public = _public("NW")
    bridges = [pd.Timestamp(d) + pd.Timedelta(days=1) for d in public if d.weekday() == 3]
    bridges += [pd.Timestamp(d) - pd.Timedelta(days=1) for d in public if d.weekday() == 1]
    bridges = [d for d in bridges if d in bakery.total.index]
    assert len(bridges) >= 5
    assert _ratio_to_neighbours(bakery.total, bridges, _special(bakery, "NW")) < 0.92


def test_christmas_eve_and_new_years_eve(bakery: Loaded, deli: Loaded) -> None:
    berliner = bakery.demand["Berliner"]
    december = berliner[(berliner.index.month == 12) & (berliner.index.day < 20)]
    nye = berliner[(berliner.index.month == 12) & (berliner.index.day == 31)]
    assert len(nye) >= 2
    assert nye.min() > 3 * december.mean()
    salmon = deli.demand["Räucherlachs 100 g"]
    eve = salmon[(salmon.index.month == 12) & (salmon.index.day == 24)]
    usual = salmon[(salmon.index.month == 12) & (salmon.index.day < 20)]
    assert len(eve) >= 2
    assert eve.mean() > 1.6 * usual.mean()


def test_school_summer_holidays_lower_demand(bakery: Loaded) -> None:
    school = holidays.country_holidays("DE", subdiv="NW", years=range(2024, 2027),
                                       categories=("school",))
    summer = [pd.Timestamp(d) for d, name in school.items() if name == "Summer Break"]
    total = bakery.total
    inside = total[total.index.isin(summer)]
    ratios = []
    for year in sorted({d.year for d in inside.index}):
        days = inside[inside.index.year == year]
        first, last = days.index.min(), days.index.max()
        around = total[((total.index >= first - 3 * WEEK) & (total.index < first))
                       | ((total.index > last) & (total.index <= last + 3 * WEEK))]
        ratios.append(days.groupby(days.index.day_of_week).mean()
                      / around.groupby(around.index.day_of_week).mean())
    assert float(pd.concat(ratios).mean()) < 0.94


@pytest.mark.parametrize(("shop", "state", "low"), [("bakery", "NW", 1.04), ("deli", "SH", 1.06)])
def test_payday_lifts_demand(shop: str, state: str, low: float, request) -> None:
    loaded = request.getfixturevalue(shop)
    total = loaded.total
    public = _public(state)
    paydays = []
    for month in pd.date_range("2023-12-01", "2026-10-01", freq="MS"):
        day = (month + pd.offsets.MonthEnd(0)).date()
        while day.weekday() >= 5 or day in public or (day.month, day.day) in ((12, 24), (12, 31)):
            day -= dt.timedelta(days=1)
        paydays.append(pd.Timestamp(day))
    days = [d for d in paydays if d.month != 12]
    assert _ratio_to_neighbours(total, days, _special(loaded, state), weeks=1) > low


# -- weather ----------------------------------------------------------------------------------
def _within_month(values: pd.Series) -> pd.Series:
    key = [values.index.year, values.index.month, values.index.day_of_week]
    return values - values.groupby(key).transform("mean")


def _observed(loaded: Loaded, column: str) -> pd.Series:
    weather = loaded.weather[loaded.weather["kind"] == "observation"].set_index("date")
    return weather[column].reindex(loaded.demand.index)


def test_cold_drinks_follow_temperature_and_soup_the_cold(deli: Loaded) -> None:
    temp = _observed(deli, "temperature")
    temp = temp - temp.groupby([temp.index.year, temp.index.month]).transform("mean")
    summer = deli.demand.index.month.isin([6, 7, 8])
    drinks = np.log1p(deli.demand[["Orangensaft frisch gepresst 0,5 l", "Eistee hausgemacht 0,5 l",
                                   "Bio-Zitronenlimonade 0,33 l"]].sum(axis=1))
    soups = np.log1p(deli.demand[["Linsensuppe 0,5 l", "Tomatensuppe 0,5 l",
                                  "Gulaschsuppe 0,5 l"]].sum(axis=1))
    assert _within_month(drinks)[summer].corr(temp[summer]) > 0.15
    assert _within_month(soups).corr(temp) < -0.2
    ice = deli.demand["Vanilleeis 500 ml"]
    hot = ice[(temp > 2) & summer].mean()
    cool = ice[(temp < -2) & summer].mean()
    assert hot > 1.3 * cool


@pytest.mark.parametrize(("shop", "high"), [("bakery", 0.96), ("deli", 0.93)])
def test_rain_keeps_customers_away(shop: str, high: float, request) -> None:
    loaded = request.getfixturevalue(shop)
    rainy = _observed(loaded, "precipitation") >= 5
    total = loaded.total
    key = [total.index.year, total.index.month, total.index.day_of_week]
    usual = total.where(~rainy).groupby(key).transform("mean")
    assert (total[rainy] / usual[rainy]).mean() < high


# -- local events -----------------------------------------------------------------------------
@pytest.mark.parametrize(("shop", "state"), [("bakery", "NW"), ("deli", "SH")])
def test_town_festival_lifts_demand(shop: str, state: str, request) -> None:
    loaded = request.getfixturevalue(shop)
    days = _event_days(loaded, "town_festival")
    assert len(days) >= 6
    assert _ratio_to_neighbours(loaded.total, days, _special(loaded, state)) > 1.12


def test_football_home_matches_sell_pretzels(bakery: Loaded) -> None:
    pretzels = bakery.demand["Laugenbrezel"]
    days = _event_days(bakery, "football_home")
    assert len(days) >= 30
    special = _special(bakery, "NW") - set(days)
    special |= set(days)
    assert _ratio_to_neighbours(pretzels, days, special) > 1.15


def test_christmas_market_season_lifts_demand(bakery: Loaded) -> None:
    days = [d for d in _event_days(bakery, "christmas_market") if d.day < 20 or d.month == 11]
    market = set(_event_days(bakery, "christmas_market"))
    total = bakery.total
    special = _special(bakery, "NW")
    before = []
    for day in days:
        ref = [day - k * WEEK for k in (3, 4, 5) if day - k * WEEK in total.index]
        ref = [d for d in ref if d not in market and d not in special]
        if ref:
            before.append(total[day] / total[ref].mean())
    assert np.mean(before) > 1.03


def _level_shifts(loaded: Loaded, state: str, shop: str) -> dict[str, float]:
    """Multipliers of a log-linear fit of total demand on weekday, month, school summer holidays,
    a linear trend, the construction period and the layoffs (days with holidays or events out)."""
    total = np.log(loaded.total)
    index = total.index
    works = [e for e in loaded.events if e.kind == "construction"]
    assert len(works) == 1
    layoffs = pd.Timestamp(build_world(shop, loaded.end, loaded.seed).schedule.layoffs)
    school = holidays.country_holidays("DE", subdiv=state, years=range(2023, 2027),
                                       categories=("school",))
    summer = {pd.Timestamp(d) for d, name in school.items() if name == "Summer Break"}
    columns = {f"weekday{k}": index.day_of_week == k for k in range(7)}
    columns |= {f"month{m}": index.month == m for m in range(2, 13)}
    columns["summer"] = index.isin(list(summer))
    columns["trend"] = (index - index[0]).days / 365.25
    columns["construction"] = (index >= pd.Timestamp(works[0].start_date)) & (
        index <= pd.Timestamp(works[0].end_date))
    columns["layoffs"] = index >= layoffs
    design = pd.DataFrame(columns, index=index).astype(float)
    design = design.loc[:, design.abs().sum() > 0]
    skip = set()
    for event in loaded.events:
        if event.kind in ("town_festival", "football_home", "christmas_market"):
            skip.update(pd.date_range(event.start_date, event.end_date))
    for day in _public(state):
        skip.update(pd.Timestamp(day) + pd.Timedelta(days=k) for k in (-1, 1))
    for year in range(2023, 2027):
        skip.update(pd.date_range(f"{year}-12-20", f"{year + 1}-01-02"))
    keep = ~index.isin(list(skip))
    beta, *_ = np.linalg.lstsq(design[keep].to_numpy(), total[keep].to_numpy(), rcond=None)
    return {name: float(np.exp(b)) for name, b in zip(design.columns, beta, strict=True)}


@pytest.mark.parametrize(("shop", "state"), [("bakery", "NW"), ("deli", "SH")])
def test_road_construction_and_layoffs_lower_the_level(shop: str, state: str, request) -> None:
    loaded = request.getfixturevalue(shop)
    assert not any(e.name.startswith("Stellenabbau") for e in loaded.events)  # shop can't know
    fit = _level_shifts(loaded, state, shop)
    assert fit["construction"] < 0.88
    assert fit["layoffs"] < 0.95


def test_trend(bakery: Loaded, deli: Loaded) -> None:
    assert _level_shifts(bakery, "NW", "bakery")["trend"] > 1.0
    assert _level_shifts(deli, "SH", "deli")["trend"] > 1.02


@pytest.mark.parametrize(("shop", "state"), [("bakery", "NW"), ("deli", "SH")])
def test_promotions_lift_the_promoted_product(shop: str, state: str, request) -> None:
    loaded = request.getfixturevalue(shop)
    promos = [e for e in loaded.events if e.kind == "promotion"
              and pd.Timestamp(e.end_date) < loaded.demand.index[-1]]
    assert len(promos) >= 12
    special = _special(loaded, state)
    ratios = []
    for event in promos:
        product = event.name.removeprefix("Aktion: ")
        series = loaded.demand[product].dropna()
        days = [d for d in pd.date_range(event.start_date, event.end_date) if d in series.index]
        ratios.append(_ratio_to_neighbours(series, days, special, weeks=3))
    assert np.nanmean(ratios) > 1.3


# -- season, trend, product life --------------------------------------------------------------
def test_season(bakery: Loaded, deli: Loaded) -> None:
    fruit = bakery.demand["Obstkuchen vom Blech"]
    assert fruit[fruit.index.month.isin([7, 8])].mean() > 1.6 * fruit[
        fruit.index.month.isin([1, 2])].mean()
    pumpkin = deli.demand["Kürbissuppe 0,5 l"]
    assert pumpkin[pumpkin.index.month == 10].mean() > 2 * pumpkin[
        pumpkin.index.month == 4].mean()


def test_new_and_discontinued_products(bakery: Loaded, deli: Loaded) -> None:
    for loaded in (bakery, deli):
        new = [p for p in loaded.products.values() if p.introduced is not None]
        gone = [p for p in loaded.products.values() if p.discontinued is not None]
        assert len(new) == 1
        assert len(gone) == 1
        rows = loaded.sales[loaded.sales["product"] == new[0].name]
        assert rows["date"].min() == pd.Timestamp(new[0].introduced)
        assert 55 <= (loaded.end - new[0].introduced).days <= 68
        rows = loaded.sales[loaded.sales["product"] == gone[0].name]
        assert rows["date"].max() < pd.Timestamp(gone[0].discontinued)
        assert not gone[0].active
        demand = loaded.demand[new[0].name].dropna()
        assert demand.index.min() == pd.Timestamp(new[0].introduced)


# -- censoring --------------------------------------------------------------------------------
@pytest.mark.parametrize(("shop", "leftover_share"), [("bakery", 0.4), ("deli", 0.02)])
def test_sales_are_censored_by_what_was_there(shop: str, leftover_share: float, request) -> None:
    loaded = request.getfixturevalue(shop)
    sales = loaded.sales.set_index(["date", "product"]).sort_index()
    demand = loaded.demand.stack().rename("demand")
    joined = sales.join(demand, how="inner")
    assert len(joined) == len(sales)
    assert (joined["quantity"] <= joined["demand"]).all()
    sold_out = joined["sold_out_time"].notna()
    assert (joined.loc[sold_out, "quantity"] < joined.loc[sold_out, "demand"]).all()
    assert (joined.loc[~sold_out, "quantity"] == joined.loc[~sold_out, "demand"]).all()
    assert (joined.loc[sold_out, "leftover"] == 0).all()
    assert 0.05 <= sold_out.mean() <= 0.25
    assert (joined["leftover"] > 0).mean() >= leftover_share
    times = joined.loc[sold_out, "sold_out_time"]
    assert times.str.fullmatch(r"\d\d:\d\d").all()
    if shop == "bakery":
        assert (joined["produced"] == joined["quantity"] + joined["leftover"]).all()
