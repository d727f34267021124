"""Events and weather the shop keeps in its file, as EVENTS / WEATHER frames (forecasting/schema.py)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pandas as pd

from calendars.plausible import DateWindow
from forecasting.schema import EVENT_COLUMNS, WEATHER_COLUMNS
from forecasting.store.backups import before_import
from forecasting.store.file import Shop
from forecasting.values.events import Event


def load_events(shop: Shop) -> list[Event]:
    """All events in the shop file, by start date."""
    rows = shop.conn.execute(
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
    from forecasting.store.products import product_by_name

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
        shop.mark_data_changed()
    return event.id


def delete_event(shop: Shop, event_id: int) -> None:
    """Remove an event."""
    with shop.transaction() as conn:
        conn.execute("DELETE FROM events WHERE id = ?", (event_id,))
        shop.log("event.deleted", {"id": event_id})
        shop.mark_data_changed()


def load_weather(shop: Shop, window: DateWindow | None = None) -> pd.DataFrame:
    """Weather observations and forecasts inside `window` (default: the plausible window, so
    that a stray 0001-01-01 from an older file cannot break the calendar) as a WEATHER frame."""
    window = window or DateWindow.default()
    frame = pd.read_sql_query(
        f"SELECT {', '.join(WEATHER_COLUMNS)} FROM weather WHERE date >= ? AND date <= ? "
        "ORDER BY date, kind",
        shop.conn,
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
        shop.mark_data_changed()
    return len(rows)


def import_weather(shop: Shop, weather: pd.DataFrame, source: str = "") -> int:
    """Store weather rows read from a file, after a before-import backup (forecasting/backups.py)."""
    with before_import(shop):
        return write_weather(shop, weather, source)


def _num(value: object) -> float | None:
    if value is None:
        return None
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return None if number != number else number


def merge_events(shop: Shop, events: pd.DataFrame) -> tuple[int, int]:
    """Store an EVENTS frame from a file in one transaction; returns (added, replaced).

    An event with a uid already stored (an ICS imported again), or without uid the same kind, name
    and dates (a CSV imported again), replaces the stored one, so importing twice adds nothing.
    """
    added = replaced = 0
    with before_import(shop), shop.transaction():
        stored = load_events(shop)
        by_uid = {e.uid: e.id for e in stored if e.uid}
        by_key = {(e.kind, e.name, e.start_date, e.end_date): e.id for e in stored if not e.uid}
        for rec in events.to_dict("records"):
            uid = rec.get("uid") or None
            start, end = pd.Timestamp(rec["start_date"]).date(), pd.Timestamp(rec["end_date"]).date()
            event = Event(
                kind=rec["kind"],
                name=rec["name"],
                start_date=start,
                end_date=end,
                strength=_num(rec.get("strength")),
                source=rec.get("source") or "import",
                uid=uid,
                id=by_uid.get(uid) if uid else by_key.get((rec["kind"], rec["name"], start, end)),
                product=rec.get("product") or None,
            )
            if event.id is None:
                added += 1
            else:
                replaced += 1
            save_event(shop, event)
    return added, replaced
