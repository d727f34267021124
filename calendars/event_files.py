"""Read local events from iCalendar (.ics) or CSV files into an EVENTS frame.

ICS: recurring events (RRULE/RDATE/EXDATE) are expanded with `recurring-ical-events` within a
window (by default from the first event to two years after the later of the last start and
today). All-day events end the day before DTEND (RFC 5545). Timed events are converted to
Europe/Berlin and cover every local date they touch (an end at exactly midnight does not count
the next day), so DST changes never move an event to another day. The kind comes from
CATEGORIES or X-BESTELLKOMPASS-KIND (kind ids or German words), else from words in the summary,
else from `default_kind`; strength from X-BESTELLKOMPASS-STRENGTH.

CSV: columns kind,name,start_date[,end_date][,strength] (German headers art, name, beginn/von,
ende/bis, stärke work too); `,` or `;`; dates 2025-07-01 or 01.07.2025.

Both refuse dates outside the plausible window (calendars/plausible.py; a recurring ICS event that
began earlier is expanded from the window's first day) and names with control or bidi characters
or longer than 200 characters, naming the row (or event) and column.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd

from calendars import text_files
from calendars.errors import CalendarError
from calendars.events import EVENT_COLUMNS, EVENT_KINDS, normalise_events
from calendars.plausible import DateWindow, name_problem, shown
from calendars.texts import render

BERLIN = ZoneInfo("Europe/Berlin")
KIND_WORDS = {
    "weekly_market": ("wochenmarkt", "markt", "bauernmarkt", "weekly market", "market"),
    "town_festival": ("stadtfest", "dorffest", "straßenfest", "strassenfest", "festival",
                      "volksfest", "schützenfest", "kieler woche"),
    "fair": ("kirmes", "kirchweih", "jahrmarkt", "kerb", "kärwa", "fair", "dult", "messe"),
    "football_home": ("heimspiel", "fußball", "fussball", "football", "bundesliga"),
    "concert": ("konzert", "concert", "open air"),
    "christmas_market": ("weihnachtsmarkt", "christkindlmarkt", "adventsmarkt",
                         "christmas market"),
    "construction": ("baustelle", "sperrung", "umleitung", "construction", "road closure"),
    "promotion": ("aktion", "angebot", "rabatt", "promotion", "sale"),
    "closure": ("geschlossen", "betriebsferien", "urlaub", "closed", "closure", "ruhetag"),
}
CSV_ALIASES = {
    "kind": ("kind", "art", "typ", "type"),
    "name": ("name", "bezeichnung", "titel", "title"),
    "start_date": ("start_date", "start", "beginn", "von", "from", "datum", "date"),
    "end_date": ("end_date", "end", "ende", "bis", "to"),
    "strength": ("strength", "stärke", "staerke", "gewicht"),
    "product": ("product", "produkt", "artikel", "article"),
}
HORIZON_DAYS = 730


def read_events_file(
    path: str | Path,
    *,
    default_kind: str | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
    window: DateWindow | None = None,
) -> pd.DataFrame:
    """An EVENTS frame from an .ics or .csv file (by extension; other names are tried as CSV);
    days outside `window` (default 2000-01-01 .. today + 2 years) are refused."""
    path = Path(path)
    if not path.is_file():
        raise CalendarError("calendar.file_not_found", file=str(path))
    if path.suffix.lower() in (".ics", ".ical", ".ifb"):
        return read_ics(path, default_kind=default_kind, start=start, end=end, window=window)
    return read_events_csv(path, default_kind=default_kind, window=window)


def kind_from_words(*texts: str) -> str | None:
    """The event kind a category or summary names, if any (exact ids first, then words)."""
    for text in texts:
        word = (text or "").strip().lower()
        if word in EVENT_KINDS:
            return word
    for text in texts:
        low = (text or "").lower()
        hits = [(len(w), kind) for kind, words in KIND_WORDS.items() for w in words if w in low]
        if hits:
            return max(hits)[1]  # the longest word wins: "Weihnachtsmarkt" over "markt"
    return None


def read_ics(
    path: str | Path,
    *,
    default_kind: str | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
    window: DateWindow | None = None,
) -> pd.DataFrame:
    """Events from an iCalendar file, recurring ones expanded between `start` and `end` (never
    beyond `window`)."""
    import icalendar
    import recurring_ical_events

    path = Path(path)
    window = window or DateWindow.default()
    try:
        calendar = icalendar.Calendar.from_ical(path.read_bytes())
    except (ValueError, IndexError) as exc:
        raise CalendarError("calendar.file_unreadable", file=path.name, reason=str(exc)) from exc
    masters = [c for c in calendar.walk("VEVENT") if c.get("DTSTART") is not None]
    if not masters:
        raise CalendarError("calendar.events_empty", file=path.name)
    first_starts = [_master_start(c, path.name, window) for c in masters]
    window_start = max(start or min(first_starts), window.first)
    latest = max(*first_starts, min(dt.date.today(), window.last))
    window_end = min(end or latest + dt.timedelta(HORIZON_DAYS), window.last)
    try:
        occurrences = recurring_ical_events.of(calendar).between(
            window_start, window_end + dt.timedelta(1)
        )
    except (ValueError, OverflowError) as exc:
        raise CalendarError("calendar.file_unreadable", file=path.name, reason=str(exc)) from exc
    rows = []
    for event in occurrences:
        rows.append(_ics_row(event, path.name, default_kind, window))
    if not rows:
        raise CalendarError("calendar.events_empty", file=path.name)
    frame = pd.DataFrame(rows, columns=EVENT_COLUMNS)
    return normalise_events(frame)


def _master_start(master: object, file: str, window: DateWindow) -> dt.date:
    """The local first day of an ICS event; refused outside `window`, except that a recurring
    event may have begun earlier (it is expanded from the window's first day)."""
    summary = str(master.get("SUMMARY", "") or "")  # type: ignore[attr-defined]
    day = _decoded_day(master, "DTSTART")
    recurring = master.get("RRULE") is not None or master.get("RDATE") is not None  # type: ignore[attr-defined]
    if day is None or day > window.last or (day < window.first and not recurring):
        raise _outside(file, summary, "DTSTART", _ical_text(master, "DTSTART"), window)
    if master.get("DTEND") is not None:  # type: ignore[attr-defined]
        end = _decoded_day(master, "DTEND")
        if end is None or end > window.last + dt.timedelta(days=1):  # DTEND is exclusive
            raise _outside(file, summary, "DTEND", _ical_text(master, "DTEND"), window)
    return day


def _decoded_day(component: object, name: str) -> dt.date | None:
    """The local day of a date property; None when it cannot be one (9999-12-31T23:00Z is in
    the year 10000 in Berlin)."""
    try:
        return _local_date(component.decoded(name))  # type: ignore[attr-defined]
    except (OverflowError, ValueError):
        return None


def _ical_text(component: object, name: str) -> str:
    """A property as written in the file (20260101, 99991231T233000Z)."""
    prop = component.get(name)  # type: ignore[attr-defined]
    raw = prop.to_ical() if hasattr(prop, "to_ical") else prop
    return raw.decode(errors="replace") if isinstance(raw, bytes) else str(raw)


def _outside(file: str, name: str, field: str, value: str, window: DateWindow) -> CalendarError:
    return CalendarError("calendar.sanity.event_date_outside", file=file, name=shown(name),
                         field=field, value=shown(value), first=window.first, last=window.last)


def _name_params(problem: str, value: str) -> dict[str, str]:
    return {"value": shown(value), "reason_de": render(f"calendar.sanity.{problem}", "de"),
            "reason_en": render(f"calendar.sanity.{problem}", "en")}


def _ics_row(
    event: object, file: str, default_kind: str | None, window: DateWindow
) -> dict[str, object]:
    summary = " ".join(str(event.get("SUMMARY", "") or "").split())  # type: ignore[attr-defined]
    categories = _categories(event)
    explicit = str(event.get("X-BESTELLKOMPASS-KIND", "") or "")  # type: ignore[attr-defined]
    kind = kind_from_words(explicit, *categories) or kind_from_words(summary) or default_kind
    if kind is None:
        raise CalendarError("calendar.event_no_kind", file=file, name=summary)
    if kind not in EVENT_KINDS:
        raise CalendarError("calendar.event_bad_kind", file=file, where=summary, kind=kind,
                            kinds=", ".join(EVENT_KINDS))
    begin = event.decoded("DTSTART")  # type: ignore[attr-defined]
    finish = event.decoded("DTEND") if event.get("DTEND") else None  # type: ignore[attr-defined]
    start_date = _local_date(begin)
    if finish is None:
        end_date = start_date
    elif isinstance(finish, dt.datetime):
        local_end = _local(finish)
        end_date = local_end.date()
        if local_end.time() == dt.time(0) and end_date > start_date:
            end_date -= dt.timedelta(1)
    else:
        end_date = max(start_date, finish - dt.timedelta(1))
    if end_date < start_date:
        raise CalendarError("calendar.event_ends_before_start", file=file, where=summary,
                            name=summary)
    if end_date > window.last:
        raise _outside(file, summary, "DTEND", end_date.isoformat(), window)
    problem = name_problem(summary)
    if problem is not None:
        raise CalendarError("calendar.sanity.event_name", file=file, date=start_date,
                            field="SUMMARY", **_name_params(problem, summary))
    strength = event.get("X-BESTELLKOMPASS-STRENGTH")  # type: ignore[attr-defined]
    uid = str(event.get("UID", "") or "")  # type: ignore[attr-defined]
    return {
        "kind": kind,
        "name": summary or kind,
        "start_date": start_date,
        "end_date": end_date,
        "strength": float(str(strength).replace(",", ".")) if strength is not None else np.nan,
        "source": file,
        "uid": f"{uid}/{start_date.isoformat()}" if uid else None,
    }


def _categories(event: object) -> list[str]:
    raw = event.get("CATEGORIES")  # type: ignore[attr-defined]
    if raw is None:
        return []
    items = raw if isinstance(raw, list) else [raw]
    out: list[str] = []
    for item in items:
        cats = getattr(item, "cats", None)
        out.extend(str(c) for c in cats) if cats is not None else out.append(str(item))
    return out


def _local(value: dt.datetime) -> dt.datetime:
    return value.astimezone(BERLIN) if value.tzinfo is not None else value


def _local_date(value: dt.date | dt.datetime) -> dt.date:
    if isinstance(value, dt.datetime):
        return _local(value).date()
    return value


def read_events_csv(
    path: str | Path, *, default_kind: str | None = None, window: DateWindow | None = None
) -> pd.DataFrame:
    """Events from a CSV table; bad rows stop the import with file, row and column named."""
    path = Path(path)
    window = window or DateWindow.default()
    text = text_files.read_text(path)
    if not text.strip():
        raise CalendarError("calendar.events_empty", file=path.name)
    head = text.splitlines()[0]
    sep = ";" if head.count(";") > head.count(",") else ","
    try:
        table = pd.read_csv(io.StringIO(text), sep=sep, dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise CalendarError("calendar.file_unreadable", file=path.name, reason=str(exc)) from exc
    columns = _map_columns(table.columns, path.name, default_kind)
    rows = []
    for i, record in enumerate(table.to_dict("records")):
        rows.append(_csv_row(record, columns, path.name, i + 2, default_kind, window))
    if not rows:
        raise CalendarError("calendar.events_empty", file=path.name)
    extra = ["product"] if "product" in columns else []
    return normalise_events(pd.DataFrame(rows, columns=EVENT_COLUMNS + extra))


def _map_columns(names: pd.Index, file: str, default_kind: str | None) -> dict[str, str]:
    out: dict[str, str] = {}
    for column in names:
        low = str(column).strip().lower()
        for target, aliases in CSV_ALIASES.items():
            if low in aliases and target not in out:
                out[target] = column
                break
    needed = ["name", "start_date"] + ([] if default_kind else ["kind"])
    for target in needed:
        if target not in out:
            raise CalendarError("calendar.event_missing_column", file=file, column=target)
    return out


def _csv_row(
    record: dict[str, str], columns: dict[str, str], file: str, row: int,
    default_kind: str | None, window: DateWindow,
) -> dict[str, object]:
    def cell(target: str) -> str:
        return " ".join(str(record.get(columns.get(target, ""), "") or "").split())

    for target in ("name", "product"):
        problem = name_problem(cell(target))
        if problem is not None:
            raise CalendarError("calendar.sanity.name", file=file, row=row,
                                column=columns[target], **_name_params(problem, cell(target)))

    kind = kind_from_words(cell("kind")) if cell("kind") else default_kind
    if kind not in EVENT_KINDS:
        raise CalendarError("calendar.event_bad_kind", file=file, where=f"row {row}",
                            kind=cell("kind"), kinds=", ".join(EVENT_KINDS))
    start = _parse_date(cell("start_date"), file, row, columns["start_date"], window)
    end = (_parse_date(cell("end_date"), file, row, columns["end_date"], window)
           if cell("end_date") else start)
    if end < start:
        raise CalendarError("calendar.event_ends_before_start", file=file, where=f"row {row}",
                            name=cell("name"))
    strength = np.nan
    if cell("strength"):
        try:
            strength = float(cell("strength").replace(",", "."))
        except ValueError:
            strength = -1.0
        if not 0 <= strength <= 10:
            raise CalendarError("calendar.event_bad_value", file=file, row=row,
                                column=columns["strength"], value=cell("strength"))
    return {"kind": kind, "name": cell("name") or kind, "start_date": start, "end_date": end,
            "strength": strength, "source": file, "uid": None, "product": cell("product") or None}


def _parse_date(value: str, file: str, row: int, column: str, window: DateWindow) -> dt.date:
    for fmt in ("%Y-%m-%d", "%d.%m.%Y", "%d.%m.%y"):
        try:
            day = dt.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
        if day not in window:
            raise CalendarError("calendar.sanity.date_outside", file=file, row=row, column=column,
                                value=shown(value), first=window.first, last=window.last)
        return day
    raise CalendarError("calendar.event_bad_date", file=file, row=row, column=column,
                        value=shown(value))
