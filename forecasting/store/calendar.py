"""Events and weather the shop keeps in its file, as EVENTS / WEATHER frames (forecasting/schema.py)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pandas as pd

from calendars.plausible import DateWindow
from forecasting.schema import EVENT_COLUMNS, WEATHER_COLUMNS
from forecasting.store.file import Shop
from forecasting.store.products import product_by_name
from forecasting.values.events import Event


def load_events(shop: Shop) -> list[Event]:
    """All events in the shop file, by start date."""
    rows = shop._conn.execute(
        """SELECT e.*, p.name AS product FROM events e LEFT JOIN products p ON p.id = e.product_id
           ORDER BY e.start_date, e.id"""
    ).fetchall()
    return [
        Event(
            id=r["id"],
            kind=r["kind"],
            name=r["name"],
            start_date=dt.date.fromisoformat(r["start_date"]),
            end_date=dt.date.fromisoformat(r["end_date"]),
            strength=r["strength"],
            source=r["source"],
            uid=r["uid"],
            product=r["product"],
        )
        for r in rows
    ]


def events_frame(events: list[Event], window: DateWindow | None = None) -> pd.DataFrame:
    """Events inside `window` (default: the plausible window; an older file may hold a typo such
    as 0001-01-01, which a frame cannot even hold) as an EVENTS frame."""
    window = window or DateWindow.default()
    frame = pd.DataFrame(
        [{c: getattr(e, c) for c in EVENT_COLUMNS} for e in events
         if e.start_date in window and e.end_date in window],
        columns=EVENT_COLUMNS,
    )
    frame["start_date"] = pd.to_datetime(frame["start_date"])
    frame["end_date"] = pd.to_datetime(frame["end_date"])
    return frame


def save_event(shop: Shop, event: Event) -> int:
    """Insert (id None) or update an event; returns its id."""

    product_id = product_by_name(shop, event.product).id if event.product else None
    values = (
        event.kind,
        event.name,
        event.start_date.isoformat(),
        event.end_date.isoformat(),
        event.strength,
        event.source,
        event.uid,
        product_id,
    )
    with shop.transaction() as conn:
        if event.id is None:
            cur = conn.execute(
                """INSERT INTO events(kind, name, start_date, end_date, strength, source, uid,
                   product_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                values,
            )
            event.id = int(cur.lastrowid or 0)
            shop.log("event.added", dataclasses.asdict(event))
        else:
            conn.execute(
                """UPDATE events SET kind=?, name=?, start_date=?, end_date=?, strength=?, source=?,
                   uid=?, product_id=? WHERE id = ?""",
                (*values, event.id),
            )
            shop.log("event.changed", dataclasses.asdict(event))
    return event.id


def delete_event(shop: Shop, event_id: int) -> None:
    """Remove an event."""
    with shop.transaction() as conn:
        conn.execute("DELETE FROM events WHERE id = ?", (event_id,))
        shop.log("event.deleted", {"id": event_id})


def load_weather(shop: Shop, window: DateWindow | None = None) -> pd.DataFrame:
    """Weather observations and forecasts inside `window` (default: the plausible window, so
    that a stray 0001-01-01 from an older file cannot break the calendar) as a WEATHER frame."""
    window = window or DateWindow.default()
    frame = pd.read_sql_query(
        f"SELECT {', '.join(WEATHER_COLUMNS)} FROM weather WHERE date >= ? AND date <= ? "
        "ORDER BY date, kind",
        shop._conn,
        params=(window.first.isoformat(), window.last.isoformat()),
    )
    frame["date"] = pd.to_datetime(frame["date"])
    return frame


def write_weather(shop: Shop, weather: pd.DataFrame, source: str = "") -> int:
    """Store weather rows (date, kind, temperature, ...); a day's row of the same kind is replaced."""
    now = dt.datetime.now().isoformat(timespec="seconds")
    rows = []
    for rec in weather.to_dict("records"):
        rows.append(
            (
                pd.Timestamp(rec["date"]).date().isoformat(),
                rec.get("kind", "observation"),
                *(
                    _num(rec.get(c))
                    for c in ("temperature", "temperature_max", "precipitation", "sunshine")
                ),
                rec.get("source") or source,
                now,
            )
        )
    with shop.transaction() as conn:
        conn.executemany(
            """INSERT OR REPLACE INTO weather(date, kind, temperature, temperature_max, precipitation,
               sunshine, source, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
            rows,
        )
        shop.log("weather.written", {"rows": len(rows), "source": source})
    return len(rows)


def _num(value: object) -> float | None:
    if value is None:
        return None
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return None if number != number else number


def rows_outside(shop: Shop, window: DateWindow) -> tuple[int, int, int]:
    """(events, weather days, closing days) dated outside `window`."""
    first, last = window.first.isoformat(), window.last.isoformat()
    events = shop._conn.execute(
        "SELECT COUNT(*) FROM events WHERE start_date < ? OR end_date > ?", (first, last)
    ).fetchone()[0]
    weather = shop._conn.execute(
        "SELECT COUNT(*) FROM weather WHERE date < ? OR date > ?", (first, last)
    ).fetchone()[0]
    closing = shop._conn.execute(
        "SELECT COUNT(*) FROM closing_days WHERE date < ? OR date > ?", (first, last)
    ).fetchone()[0]
    return int(events), int(weather), int(closing)
