"""The shop's calendar: events (markets, matches, own promotions) and weather, typed in, read from a
file, or fetched on request. Every change makes the forecast stale (it trains again)."""

from __future__ import annotations

import dataclasses
import math

import pandas as pd

from calendars.events import EVENT_KINDS
from calendars.plausible import name_problem
from calendars.weather_forecast import fetch_forecast
from forecasting.errors import UserError
from forecasting.operations.changes import Changes
from forecasting.store import calendar
from forecasting.store.backups import before_import
from forecasting.store.file import Shop
from forecasting.store.products import product_ids
from forecasting.store.settings import load_settings
from forecasting.values.events import Event

DATA = Changes(data=True)


def check_event(shop: Shop, event: Event) -> None:
    """What the window's event dialog and `bestellkompass events --add` both need."""
    problem = name_problem(event.name) if event.name.strip() else "empty"
    if problem is not None:
        raise UserError("event.bad_name", name=event.name)
    if event.kind not in EVENT_KINDS:
        raise UserError("event.bad_kind", kind=event.kind, kinds=", ".join(EVENT_KINDS))
    if event.end_date < event.start_date:
        raise UserError("event.ends_before_start", name=event.name, start=event.start_date,
                        end=event.end_date)
    if event.product:
        if event.kind != "promotion":
            raise UserError("event.product_only_promotion", name=event.name)
        if event.product not in product_ids(shop):
            raise UserError("shop.unknown_product", name=event.product)


def save_event(shop: Shop, event: Event) -> tuple[int, Changes]:
    """Add (id None) or change an event; its id."""
    check_event(shop, event)
    with shop.transaction():
        event_id = calendar.save_event(shop, event)
        shop.mark_data_changed()
    return event_id, DATA


def delete_event(shop: Shop, event_id: int) -> tuple[Event, Changes]:
    """Remove an event; the event that was removed."""
    with shop.transaction():
        known = {e.id: e for e in calendar.load_events(shop)}
        if event_id not in known:
            raise UserError("event.unknown_id", id=event_id)
        calendar.delete_event(shop, event_id)
        shop.mark_data_changed()
    return known[event_id], DATA


def _number(value: object) -> float | None:
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


def import_events(shop: Shop, events: pd.DataFrame) -> tuple[int, int, Changes]:
    """Store an EVENTS frame read from a file, all or nothing, after a before-import backup;
    (added, replaced, changes). An event with a uid already stored (an ICS imported again), or
    without uid the same kind, name and dates (a CSV imported again), replaces the stored one, so
    importing twice adds nothing."""
    added = replaced = 0
    with before_import(shop), shop.transaction():
        stored = calendar.load_events(shop)
        by_uid = {e.uid: e.id for e in stored if e.uid}
        by_key = {(e.kind, e.name, e.start_date, e.end_date): e.id for e in stored if not e.uid}
        for rec in events.to_dict("records"):
            uid = rec.get("uid") or None
            start = pd.Timestamp(rec["start_date"]).date()
            end = pd.Timestamp(rec["end_date"]).date()
            event = Event(
                kind=rec["kind"], name=rec["name"], start_date=start, end_date=end,
                strength=_number(rec.get("strength")), source=rec.get("source") or "import",
                uid=uid,
                id=by_uid.get(uid) if uid else by_key.get((rec["kind"], rec["name"], start, end)),
                product=rec.get("product") or None,
            )
            if event.id is None:
                added += 1
            else:
                replaced += 1
            calendar.save_event(shop, event)
        if added or replaced:
            shop.mark_data_changed()
    return added, replaced, DATA if added or replaced else Changes()


def save_weather(shop: Shop, weather: pd.DataFrame, source: str) -> tuple[int, Changes]:
    """Store weather rows (typed in, or fetched); a day's row of the same kind is replaced."""
    with shop.transaction():
        count = calendar.write_weather(shop, weather, source)
        shop.mark_data_changed()
    return count, DATA


def import_weather(shop: Shop, weather: pd.DataFrame) -> tuple[int, Changes]:
    """Store weather rows read from a file, after a before-import backup."""
    source = str(weather["source"].iloc[0]) if len(weather) else ""
    with before_import(shop):
        return save_weather(shop, weather, source)


@dataclasses.dataclass(frozen=True)
class Location:
    """Where the shop is, for the weather forecast."""

    latitude: float
    longitude: float


def shop_location(shop: Shop) -> Location:
    """The shop's coordinates (UserError when the settings have none)."""
    settings = load_settings(shop)
    if settings.latitude is None or settings.longitude is None:
        raise UserError("weather.no_location")
    return Location(settings.latitude, settings.longitude)


def fetch_weather_forecast(shop: Shop) -> tuple[int, Changes]:
    """The 7-day forecast from Open-Meteo: the only step that uses the internet, only when the
    owner asks for it."""

    where = shop_location(shop)
    frame = fetch_forecast(where.latitude, where.longitude)
    return save_weather(shop, frame, "Open-Meteo")
