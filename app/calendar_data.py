"""What the app shows about coming days: calendar words, shop closing, and the weather, per day.

A thin read over `calendars.features` and the shop file, shared by the day strip and the calendar.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math

import pandas as pd

from calendars.features import build_features
from calendars.plausible import DateWindow
from forecasting.operations.reading import (
    events_frame,
    load_calendar_options,
    load_closing_days,
    load_events,
    load_settings,
    load_weather,
)
from forecasting.operations.shop import Shop


@dataclasses.dataclass
class DayInfo:
    """One day: what is special (words), whether the shop is closed, and the weather if known."""

    day: dt.date
    special: list[str]
    closed: bool
    temperature: float | None = None
    temperature_max: float | None = None
    precipitation: float | None = None
    sunshine: float | None = None
    weather_kind: str | None = None  # "forecast" | "observation" | None


def day_infos(shop: Shop, start: dt.date, days: int, lang: str) -> list[DayInfo]:
    """DayInfos for `days` days from `start`."""

    end = start + dt.timedelta(days=days - 1)
    settings = load_settings(shop)
    closing = load_closing_days(shop)
    weather = load_weather(shop, DateWindow(start, end))
    table = build_features(
        settings.state, start, end, events=events_frame(load_events(shop)), weather=None,
        options=load_calendar_options(shop),
    )
    labels = _labels_by_day(table.day_labels(lang))
    by_day = _weather_by_day(weather)
    out = []
    for offset in range(days):
        day = start + dt.timedelta(days=offset)
        words = [w.strip() for w in labels.get(day, "").split(";") if w.strip()]
        closed = day.weekday() not in settings.opening_days or day in closing
        if closing.get(day):
            words.insert(0, closing[day])
        info = DayInfo(day, words, closed)
        row = by_day.get(day)
        if row is not None:
            info.temperature = _val(row.get("temperature"))
            info.temperature_max = _val(row.get("temperature_max"))
            info.precipitation = _val(row.get("precipitation"))
            info.sunshine = _val(row.get("sunshine"))
            info.weather_kind = str(row.get("kind"))
        out.append(info)
    return out


def _labels_by_day(labels: object) -> dict[dt.date, str]:
    items = labels.items() if hasattr(labels, "items") else enumerate(labels)  # type: ignore[arg-type]
    return {pd.Timestamp(k).date(): str(v or "") for k, v in items}


def _weather_by_day(weather: pd.DataFrame) -> dict[dt.date, dict[str, object]]:
    """Per day the forecast if there is one, else the observation."""
    out: dict[dt.date, dict[str, object]] = {}
    for rec in weather.sort_values("kind", ascending=False).to_dict("records"):
        day = pd.Timestamp(rec["date"]).date()
        if day not in out or rec["kind"] == "forecast":
            out[day] = rec
    return out


def _val(value: object) -> float | None:
    if value is None:
        return None
    number = float(value)  # type: ignore[arg-type]
    return None if math.isnan(number) else number


def weather_symbol(info: DayInfo) -> str:
    """A text symbol for the weather: ☂ rain, ❄ frost, ☀ sunny, ☁ otherwise; "" when unknown."""
    if info.temperature is None and info.precipitation is None and info.temperature_max is None:
        return ""
    temp = info.temperature_max if info.temperature_max is not None else info.temperature
    if info.precipitation is not None and info.precipitation >= 1:
        return "❄" if temp is not None and temp <= 0 else "☂"
    if info.sunshine is not None and info.sunshine >= 6:
        return "☀"
    if info.sunshine is None and info.precipitation is not None and temp is not None and temp >= 18:
        return "☀"
    return "☁"
