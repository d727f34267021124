"""The sentences calendars can say to a user (errors), keyed by code: the English source here, the
German (and any other language) in the gettext catalog (calendars/catalog.py).

Also the rendering and number/date formatting that forecasting/texts.py reuses for its own
catalogue (calendars is the lowest layer). Parameters are filled with str.format; numbers and dates
are shown the German way in German (1.234,5; 24.12.2026).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from typing import Any

from calendars.catalog import plural_index, with_translations

# A message is {"en": text} in the source and {"de": text, "en": text} once translated; one that
# counts something has (singular, plural) forms per language instead (as many as the language's
# Plural-Forms), chosen by its "count" parameter (or the one its "plural_by" names).
Message = dict[str, Any]

ENGLISH: dict[str, Message] = {
    "calendar.bad_state": {
        "en": "“{state}” is not a German state code (e.g. NW, BY, SH).",
    },
    "calendar.bad_range": {
        "en": "The date range ends ({end}) before it starts ({start}).",
    },
    "calendar.file_not_found": {
        "en": "The file {file} does not exist.",
    },
    "calendar.file_unreadable": {
        "en": "The file {file} cannot be read ({reason}).",
    },
    "calendar.weather_no_columns": {
        "en": (
            "{file}: no weather columns found. Expected e.g. date,temperature,precipitation or "
            "a file from DWD, Open-Meteo or Meteostat."
        ),
    },
    "calendar.weather_bad_date": {
        "en": "{file}, row {row}: “{value}” in column {column} is not a date.",
    },
    "calendar.weather_bad_value": {
        "en": "{file}, row {row}: “{value}” in column {column} is not a valid number.",
    },
    "calendar.weather_out_of_range": {
        "en": (
            "{file}, row {row}: {value} in column {column} is not plausible "
            "(allowed {low} to {high})."
        ),
    },
    "calendar.weather_empty": {
        "en": "{file} holds no weather data.",
    },
    "calendar.weather_bad_kind": {
        "en": "Unknown weather kind “{kind}” (choose observation or forecast).",
    },
    "calendar.forecast_bad_input": {
        "en": "Forecast for {date}: {field} “{value}” is not valid.",
    },
    "calendar.no_connection": {
        "en": (
            "No connection to {host}. The weather forecast could not be fetched; Bestellkompass "
            "assumes typical weather. You can also enter the forecast by hand."
        ),
    },
    "calendar.fetch_bad_answer": {
        "en": "{host} did not return a usable weather forecast ({reason}).",
    },
    "calendar.no_location": {
        "en": "The shop's location (latitude/longitude) is needed to fetch the weather.",
    },
    "calendar.event_bad_kind": {
        "en": "{file}, {where}: unknown event kind “{kind}” (choose one of {kinds}).",
    },
    "calendar.event_no_kind": {
        "en": (
            "{file}: no kind found for “{name}”. Please set CATEGORIES or give a kind when "
            "importing (--kind)."
        ),
    },
    "calendar.event_bad_date": {
        "en": "{file}, row {row}: “{value}” in column {column} is not a date.",
    },
    "calendar.event_bad_value": {
        "en": "{file}, row {row}: “{value}” in column {column} is not valid.",
    },
    "calendar.event_missing_column": {
        "en": "{file}: column “{column}” is missing (needed: kind, name, start_date).",
    },
    "calendar.event_ends_before_start": {
        "en": "{file}, {where}: “{name}” ends before it starts.",
    },
    "calendar.weather_imported": {
        "en": "Stored {count} weather days ({kind}) from {file} in {shop}.",
    },
    "calendar.forecast_saved": {
        "en": "Forecast for {date} stored.",
    },
    "calendar.events_nothing": {
        "en": "Please name a file with events, or use --list, --add or --delete.",
    },
    "calendar.events_file_and_action": {
        "en": "Either import a file or use --list/--add/--delete, not both.",
    },
    "calendar.event_unknown_id": {
        "en": "There is no event with the number {id} (see --list).",
    },
    "calendar.event_deleted": {
        "en": "Event “{name}” deleted.",
    },
    "calendar.event_add_needs": {
        "en": "--add needs --kind (one of: {kinds}) and --from with the first day.",
    },
    "calendar.event_product_only_promotion": {
        "en": "--product is only for an own promotion (--kind promotion).",
    },
    "calendar.event_added": {
        "en": "Event “{name}” added (number {id}).",
    },
    "calendar.events_imported": {
        "en": "{added} events added, {changed} updated from {file} in {shop}.",
    },
    "calendar.weather_nothing": {
        "en": "Please give a weather file, --date with --max-temp/--rain, or --fetch.",
    },
    "calendar.col.date": {"en": "Date"},
    "calendar.col.weekday": {"en": "Day"},
    "calendar.col.labels": {"en": "What is special"},
    "calendar.nothing_special": {"en": "–"},
    "calendar.no_state": {
        "en": "Please give --state (e.g. NW) or --shop.",
    },
    "calendar.school_holidays_unknown": {
        "en": (
            "School holidays for {state} are known only up to {after}; after that Bestellkompass "
            "assumes none."
        ),
    },
    "calendar.events_empty": {
        "en": "{file} holds no events.",
    },
    # -- calendar.sanity.*: implausible input in event and weather files (issue 14) -----------
    "calendar.sanity.date_outside": {
        "en": "{file}, row {row}, column “{column}”: the date {value} is not between {first} and "
        "{last}. Nothing was imported. Correct the file or allow another range with "
        "--allow-dates FROM..TO.",
    },
    "calendar.sanity.event_date_outside": {
        "en": "{file}, event “{name}” ({field}): the date {value} is not between {first} and "
        "{last}. Nothing was imported. Correct the file or allow another range with "
        "--allow-dates FROM..TO.",
    },
    "calendar.sanity.name": {
        "en": "{file}, row {row}, column “{column}”: {reason_en} (“{value}”). Nothing was imported.",
    },
    "calendar.sanity.event_name": {
        "en": "{file}, event on {date} ({field}): {reason_en} (“{value}”). Nothing was imported.",
    },
    "calendar.sanity.name_control": {
        "en": "name with control characters",
    },
    "calendar.sanity.name_bidi": {
        "en": "name with characters that reverse the text direction",
    },
    "calendar.sanity.name_too_long": {
        "en": "name longer than 200 characters",
    },
    # -- calendar.kind.*: the kinds of local events (issue 16: were a de/en table in events.py) --
    "calendar.kind.weekly_market": {"en": "weekly market"},
    "calendar.kind.town_festival": {"en": "town festival"},
    "calendar.kind.fair": {"en": "fair"},
    "calendar.kind.football_home": {"en": "home match"},
    "calendar.kind.concert": {"en": "concert"},
    "calendar.kind.christmas_market": {"en": "Christmas market"},
    "calendar.kind.construction": {"en": "construction site"},
    "calendar.kind.promotion": {"en": "own promotion"},
    "calendar.kind.closure": {"en": "shop closed"},
    "calendar.feature.first_day": {"en": "{kind}: first day"},
    "calendar.feature.day_number": {"en": "{kind}: day number"},
    "calendar.table.date": {"en": "date"},  # the first column of `calendar --features`
}

# What render() reads: the English above with each catalog language's translation added.
MESSAGES: dict[str, Message] = with_translations(ENGLISH)


def render(code: str, lang: str = "de", **params: Any) -> str:
    """The calendar message for `code` in `lang`."""
    return render_from(MESSAGES, code, lang, **params)


def plural_form(lang: str, count: Any) -> int:
    """Which form a language uses for `count`: the Plural-Forms of its catalog (German and English:
    nplurals=2; plural=(n != 1)). A count that is not a whole number takes the plural."""
    return plural_index(lang, count)


def render_from(messages: dict[str, Message], code: str, lang: str = "de",
                **params: Any) -> str:
    """The message for `code` in `lang`, falling back to English, then to the code itself."""
    entry = messages.get(code)
    if entry is None:
        return code if not params else f"{code} {params}"
    template = entry.get(lang) or entry.get("en") or code
    if isinstance(template, tuple):
        template = template[plural_form(lang, params.get(entry.get("plural_by", "count")))]
    shown = {k: _show(v, lang, messages) for k, v in params.items()}
    return template.format(**shown)


@dataclasses.dataclass(frozen=True)
class Counted:
    """A number with its noun in the reader's language and plural form ("1 Termin", "3 Termine");
    `code` names a message with (singular, plural) forms and a {count}."""

    count: int
    code: str


@dataclasses.dataclass(frozen=True)
class Words:
    """A parameter that is a list of message codes, shown in the reader's language ("Ereignis,
    Wetter" in German, "event, weather" in English): the core passes codes, never words."""

    codes: tuple[str, ...]
    separator: str = ", "


def _show(value: Any, lang: str, messages: dict[str, Message]) -> Any:
    if isinstance(value, Counted):
        return render_from(messages, value.code, lang, count=value.count)
    if isinstance(value, Words):
        return value.separator.join(render_from(messages, c, lang) for c in value.codes)
    if isinstance(value, bool):
        return value
    if isinstance(value, float):
        return format_number(value, lang, decimals=1)
    if isinstance(value, dt.date):
        return format_date(value, lang)
    return value


def format_number(value: float, lang: str = "de", decimals: int = 0) -> str:
    """1234.5 -> "1.234,5" in German, "1,234.5" in English."""
    text = f"{value:,.{decimals}f}"
    if lang == "de":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text


_GROUPED = {"de": re.compile(r"[+-]?\d{1,3}(\.\d{3})+(,\d*)?"),
            "en": re.compile(r"[+-]?\d{1,3}(,\d{3})+(\.\d*)?")}


def parse_number(text: str, lang: str = "de") -> float | None:
    """What a user typed: "1.234,5", "12,5" or "12.5" in German (a dot separates thousands only in
    groups of three, "1.234"), "1,234.5" or "12.5" in English; None if empty, ValueError if bad."""
    text = text.strip().replace(" ", "")
    if not text:
        return None
    decimal, thousands = (",", ".") if lang == "de" else (".", ",")
    if _GROUPED["de" if lang == "de" else "en"].fullmatch(text):
        text = text.replace(thousands, "")
    elif lang != "de" and "," in text and "." not in text:
        text = text.replace(",", ".")  # "2,5" typed in the English UI
    return float(text.replace(decimal, "."))


def format_signed(value: float, lang: str = "de", decimals: int = 0) -> str:
    """A signed amount for explanations: "+24", "-6", "+1,5"."""
    sign = "+" if value >= 0 else "-"
    return sign + format_number(abs(value), lang, decimals)


def format_date(value: dt.date, lang: str = "de") -> str:
    """24.12.2026 in German, 2026-12-24 in English."""
    if lang == "de":  # not strftime: it writes the year 1 as "1", not "0001"
        return f"{value.day:02d}.{value.month:02d}.{value.year:04d}"
    return value.isoformat()
