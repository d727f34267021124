"""Write a complete demo shop file: settings, products, three years of censored sales, true demand,
weather as if imported, the events the shop knows (plus a few upcoming), and the deli's stock."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import sqlite3
from pathlib import Path

import numpy as np
import pandas as pd

from forecasting.demo.catalog import SHOPS
from forecasting.demo.production import (
    INTRADAY_SHAPE,
    Outcome,
    bake,
    day_hours,
    sold_out_time,
    stock_and_order,
)
from forecasting.demo.world import World, build_world, true_demand
from forecasting.errors import UserError
from forecasting.schema import normalise_sales
from forecasting.store import meta
from forecasting.store.calendar import save_event, write_weather
from forecasting.store.create import new_shop_file, remove_shop_files
from forecasting.store.file import Shop, replace_content
from forecasting.store.products import save_product
from forecasting.store.sales import write_sales, write_true_demand
from forecasting.store.stock import save_count
from forecasting.values.events import Event
from forecasting.values.stock import StockCount

DEFAULT_SEED = 2026
KINDS = ("bakery", "deli")
UPCOMING_DAYS = 42  # known events starting this many days after the end are stored as well
FORECAST_DAYS = 7  # weather forecasts stored for the end date and the days after


@dataclasses.dataclass
class DemoHistory:
    """A simulated demo shop before it is written: the world, its true demand and what was sold."""

    world: World
    demand: np.ndarray
    outcome: Outcome

    def sales_frame(self) -> pd.DataFrame:
        """The censored history as a SALES frame (only open days on which the product was sold)."""
        world, out = self.world, self.outcome
        rows_t, rows_j = np.nonzero(world.facts.open[:, None] & world.on_sale)
        shape = INTRADAY_SHAPE[world.kind]
        times: list[str | None] = []
        for t, j in zip(rows_t, rows_j, strict=True):
            if out.sold_out[t, j]:
                hours = day_hours(world, world.days[t].date())
                times.append(sold_out_time(float(out.served[t, j]), hours, shape))
            else:
                times.append(None)
        names = np.array(world.names, dtype=object)
        return normalise_sales(
            pd.DataFrame(
                {
                    "product": names[rows_j],
                    "date": world.days[rows_t],
                    "quantity": out.sales[rows_t, rows_j],
                    "produced": out.produced[rows_t, rows_j],
                    "leftover": out.leftover[rows_t, rows_j],
                    "sold_out_time": pd.Series(times, dtype=object),
                }
            )
        )

    def demand_frame(self) -> pd.DataFrame:
        """The true demand (product, date, demand) on the same product-days as the sales rows."""
        world = self.world
        rows_t, rows_j = np.nonzero(world.facts.open[:, None] & world.on_sale)
        names = np.array(world.names, dtype=object)
        frame = pd.DataFrame(
            {
                "product": names[rows_j],
                "date": world.days[rows_t],
                "demand": self.demand[rows_t, rows_j],
            }
        )
        return frame.sort_values(["product", "date"], kind="stable").reset_index(drop=True)


def check_kind(kind: str) -> str:
    """`kind` if it names a demo shop, else a user error."""
    if kind not in KINDS:
        raise UserError("demo.bad_kind", kind=kind)
    return kind


def simulate(kind: str, end: dt.date, seed: int = DEFAULT_SEED) -> DemoHistory:
    """Run the demo world of `kind` up to the day before `end` (deterministic in kind, end, seed)."""
    world = build_world(check_kind(kind), end, seed)
    rng = np.random.default_rng([seed, 3 if kind == "bakery" else 4])
    demand = true_demand(world, rng)
    outcome = bake(world, demand) if kind == "bakery" else stock_and_order(world, demand)
    return DemoHistory(world, demand, outcome)


def _weather_rows(world: World, rng: np.random.Generator) -> tuple[pd.DataFrame, pd.DataFrame]:
    weather = world.weather
    history = weather[weather["date"] < pd.Timestamp(world.end)].copy()
    future = weather[
        (weather["date"] >= pd.Timestamp(world.end))
        & (weather["date"] < pd.Timestamp(world.end + dt.timedelta(days=FORECAST_DAYS)))
    ].copy()
    lead = np.arange(1, len(future) + 1)
    future["temperature"] = np.round(future["temperature"] + rng.normal(0, 0.6 * lead**0.5), 1)
    future["temperature_max"] = np.round(
        future["temperature_max"] + rng.normal(0, 0.8 * lead**0.5), 1
    )
    future["kind"] = "forecast"
    return history, future


def past_forecasts(observed: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """The forecast each past day had the evening before: the observation plus a one-day-ahead
    error of the size real ones have (mean temperature about 1 °C, the maximum about 1.3 °C;
    rain amounts off by about a third, and one dry or rainy day in eight called wrongly).

    Stored as kind "forecast" beside the observation; the model's features take the observation
    where there is one (calendars/climatology.py), so the suggestions do not change; a workshop
    scenario shows these as the weather known that evening."""
    out = observed.copy()
    n = len(out)
    out["temperature"] = np.round(out["temperature"] + rng.normal(0, 1.0, n), 1)
    out["temperature_max"] = np.round(out["temperature_max"] + rng.normal(0, 1.3, n), 1)
    rain = out["precipitation"].to_numpy(dtype=float)
    amount = rain * np.exp(rng.normal(0, 0.35, n))
    wrong = rng.random(n) < 0.125
    called = np.where(rain > 0.5, 0.0, rng.gamma(1.2, 2.0, n))  # dry said rainy, or vice versa
    out["precipitation"] = np.round(np.where(wrong, called, amount), 1)
    if "sunshine" in out:
        out["sunshine"] = np.round(np.clip(out["sunshine"] + rng.normal(0, 1.5, n), 0, 16), 1)
    out["kind"] = "forecast"
    return out


def _settings(world: World) -> dict[str, object]:
    spec = world.spec
    return {
        "postal_code": spec.postal_code,
        "latitude": spec.latitude,
        "longitude": spec.longitude,
        "opening_days": spec.opening_days,
        "opening_hours": {str(d): h for d, h in spec.hours.items()},
        "language": "de",
        "open_on_public_holidays": False,
    }


def _write(shop: Shop, history: DemoHistory) -> None:
    world = history.world
    rng = np.random.default_rng([world.seed, 5])
    for item in world.products:
        product = dataclasses.replace(item.product)
        product.introduced = world.schedule.introduced.get(product.name)
        product.discontinued = world.schedule.discontinued.get(product.name)
        product.active = product.discontinued is None
        save_product(shop, product)
    write_sales(shop, history.sales_frame(), action="demo.sales")
    write_true_demand(shop, history.demand_frame())
    observed, forecast = _weather_rows(world, rng)
    write_weather(shop, observed, source="demo")
    write_weather(shop, forecast, source="demo")
    # drawn from a stream of their own, so the other random numbers (and the data) stay the same
    write_weather(shop, past_forecasts(observed, np.random.default_rng([world.seed, 6])),
                  source="demo")
    last_known = world.end + dt.timedelta(days=UPCOMING_DAYS)
    for number, event in enumerate(world.schedule.events):
        if event.known and event.start <= last_known:
            save_event(
                shop,
                Event(kind=event.kind, name=event.name, start_date=event.start,
                      end_date=event.end, source="demo", uid=f"demo-{world.kind}-{number}",
                      product=event.product if event.kind == "promotion" else None),
            )
    out = history.outcome
    if out.on_hand is not None and out.on_order is not None:
        # counted after the last day: the stock at the start of `end`
        for name, on_hand, on_order in zip(world.names, out.on_hand, out.on_order, strict=True):
            if world.on_sale[-1, world.names.index(name)]:
                save_count(shop, StockCount(name, world.end, float(on_hand), float(on_order)))
    meta.set_text(shop, meta.Key.DEMO_KIND, world.kind)
    meta.set_text(shop, meta.Key.DEMO_END, world.end.isoformat())
    meta.set_text(shop, meta.Key.DEMO_SEED, str(world.seed))
    shop.log("demo.generated", {"kind": world.kind, "end": world.end.isoformat(),
                                "seed": world.seed})


def write_demo_shop(
    kind: str, end: dt.date, out: str | Path, seed: int = DEFAULT_SEED, *, overwrite: bool = False
) -> Path:
    """Write the demo shop `kind` with history up to end - 1 to `out`; returns the path.

    The file is built next to `out` and appears only when complete, so a failure never leaves a
    half-written shop. An existing `out` is refused unless `overwrite`; then its content is replaced
    through SQLite, which is safe while other programs have it open.
    """
    out = Path(out)
    check_kind(kind)
    if out.exists() and not overwrite:
        raise UserError("shop.exists", path=str(out))
    history = simulate(kind, end, seed)
    spec = SHOPS[kind]
    if not out.exists():
        with new_shop_file(out, name=spec.name, state=spec.state,
                           **_settings(history.world)) as shop, shop.transaction():
            _write(shop, history)
        return out
    fresh = out.with_name(f".{out.name}.{os.getpid()}.new")
    remove_shop_files(fresh)
    try:
        with new_shop_file(fresh, name=spec.name, state=spec.state,
                           **_settings(history.world)) as shop, shop.transaction():
            _write(shop, history)
        try:
            replace_content(fresh, out)
        except sqlite3.DatabaseError:  # not a database at all: nobody can have it open as a shop
            os.replace(fresh, out)
    finally:
        remove_shop_files(fresh)
    return out


def read_demo_meta(shop: Shop) -> tuple[str, dt.date, int] | None:
    """(kind, end, seed) of a demo shop file, so a benchmark can rebuild its world; else None."""
    kind, end, seed = (meta.get_text(shop, key) for key in (
        meta.Key.DEMO_KIND, meta.Key.DEMO_END, meta.Key.DEMO_SEED))
    if kind is None or end is None or seed is None:
        return None
    return kind, dt.date.fromisoformat(end), int(seed)


def demo_file_name(kind: str) -> str:
    """The file name the app uses for a demo shop of `kind`."""
    return f"demo-{check_kind(kind)}.bkshop"


def ensure_demo_shop(kind: str, directory: Path, end: dt.date | None = None) -> Path:
    """The demo shop file of `kind` in `directory`, generated (history up to yesterday) if missing."""
    path = Path(directory) / demo_file_name(kind)
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        return write_demo_shop(kind, end or dt.date.today(), path)
    except UserError as exc:
        if exc.code == "shop.exists":  # another start of the program wrote it meanwhile
            return path
        raise
