"""What is special about a day, as parameters for the explanation words.

Holiday, event and other names come from the calendar's labels (German and English) and from the
shop's events; weather values from the shop's weather. Nothing here is prose of our own.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import pandas as pd

from forecasting.models.occasions import occasion_names, special_names

#: Groups whose step should carry the day's own names ("Fronleichnam", "Stadtfest").
NAMED_GROUPS = ("holiday", "school_holiday", "payday", "special_day")
_WEATHER = {
    "weather_temperature": ("temperature_max", "temperature"),
    "weather_rain": ("precipitation",),
    "weather_sunshine": ("sunshine",),
}


MAX_NAMES = 2
#: Between names inside one step; commas already separate the reasons of a line.
NAME_SEPARATOR = " / "


def join_names(names: list[str]) -> str:
    """At most MAX_NAMES distinct names, so a step label stays short."""
    return NAME_SEPARATOR.join(list(dict.fromkeys(n for n in names if n))[:MAX_NAMES])


def _named(group: str) -> bool:
    return group in NAMED_GROUPS or group.startswith("event_")


def _indicator_columns(features: Any) -> dict[str, np.ndarray]:
    """0/1 calendar columns of the named groups, as boolean masks over the table's days."""
    frame = features.frame
    out: dict[str, np.ndarray] = {}
    for col, label in getattr(features, "labels", {}).items():
        if col not in frame.columns or not _named(getattr(label, "group", "")):
            continue
        column = np.nan_to_num(frame[col].to_numpy(dtype=float))
        if np.isin(column, (0.0, 1.0)).all():
            out[col] = column == 1.0
    return out


def _note_group(mask: np.ndarray, columns: dict[str, np.ndarray], labels: Any) -> str | None:
    """The group of the 0/1 column that marks exactly the note's days (None if there is none)."""
    for col, on in columns.items():
        if on.shape == mask.shape and np.array_equal(on, mask):
            return str(labels[col].group)
    return None


def feature_names(features: Any, day: dt.date) -> dict[str, dict[str, str]]:
    """Per named group, what the calendar calls `day` ("Fronleichnam", "Tag vor Fronleichnam").

    The calendar's day notes carry the specific names; a note belongs to the group of the 0/1
    column that marks the same days. Without such a note, the labels of the group's 0/1 columns
    that are on are used ("Feiertag", "Woche nach Zahltag").
    """
    if features is None or getattr(features, "frame", None) is None:
        return {}
    frame = features.frame
    stamp = pd.Timestamp(day)
    if stamp not in frame.index:
        return {}
    i = int(frame.index.get_loc(stamp))
    columns = _indicator_columns(features)
    labels = features.labels
    found: dict[str, dict[str, list[str]]] = {}
    for note in getattr(features, "notes", []):
        mask = np.asarray(note.mask, dtype=bool)
        if mask.shape != (len(frame),) or not mask[i]:
            continue
        group = _note_group(mask, columns, labels)
        if group is None:
            continue
        entry = found.setdefault(group, {"de": [], "en": []})
        for lang in ("de", "en"):
            words = getattr(note, lang)
            entry[lang].append(str(words if isinstance(words, str) else words[i]))
    for col, on in columns.items():
        group = labels[col].group
        if on[i] and group not in found:
            entry = found.setdefault(group, {"de": [], "en": []})
            entry["de"].append(labels[col].de)
            entry["en"].append(labels[col].en)
    return {g: {"de": join_names(v["de"]), "en": join_names(v["en"])} for g, v in found.items()}


def event_names(events: pd.DataFrame | None, day: dt.date) -> dict[str, dict[str, str]]:
    """Per event group ("event_<kind>"), the names of the shop's events on `day`."""
    if events is None or events.empty:
        return {}
    stamp = pd.Timestamp(day)
    on = events[(events["start_date"] <= stamp) & (events["end_date"] >= stamp)]
    out: dict[str, dict[str, str]] = {}
    for kind, rows in on.groupby("kind"):
        name = join_names([str(n) for n in rows["name"]])
        out[f"event_{kind}"] = {"de": name, "en": name}
    return out


def weather_values(weather: pd.DataFrame | None, day: dt.date) -> dict[str, float]:
    """Per weather group, the day's value (°C, mm, hours); observations win over forecasts."""
    if weather is None or weather.empty:
        return {}
    rows = weather[weather["date"] == pd.Timestamp(day)]
    if rows.empty:
        return {}
    rows = rows.sort_values("kind", key=lambda s: s.map({"observation": 0}).fillna(1))
    out: dict[str, float] = {}
    for group, columns in _WEATHER.items():
        for column in columns:
            if column in rows.columns:
                values = pd.to_numeric(rows[column], errors="coerce").dropna()
                if not values.empty:
                    out[group] = float(values.iloc[0])
                    break
    return out


def day_params(
    day: dt.date,
    *,
    features: Any = None,
    events: pd.DataFrame | None = None,
    weather: pd.DataFrame | None = None,
    sellouts: int = 0,
) -> dict[str, dict[str, Any]]:
    """Step parameters per group for one day (weekday, names, weather values, sell-out count)."""
    params: dict[str, dict[str, Any]] = {
        "baseline": {"weekday": day.weekday()},
        "weekday": {"weekday": day.weekday()},
        "sellouts": {"count": int(sellouts)},
    }
    for group, names in {**feature_names(features, day), **event_names(events, day)}.items():
        params[group] = {"names": names}
    for group, value in weather_values(weather, day).items():
        params[group] = {"value": value}
    if features is not None:

        occasion = occasion_names(features, day)
        if occasion is not None:
            params["occasion"] = {"names": occasion}
        special = special_names(features, day)
        if special is not None:  # what the association's prior speaks of on this day
            params["association"] = {"names": {k: join_names(v) for k, v in special.items()}}
    typical = typical_weather(features, day)
    if typical is not None:
        for group, value in typical.items():
            params[group] = {"value": value, "typical": True}
        params["weather_typical"] = {"typical": True}
    return params


def typical_weather(features: Any, day: dt.date) -> dict[str, float] | None:
    """Per weather group the climatological value the forecast assumed for `day`, or None when
    the day has a real forecast or observation (or the table has no weather)."""
    frame = getattr(features, "frame", None)
    stamp = pd.Timestamp(day)
    if frame is None or "weather_is_typical" not in frame or stamp not in frame.index:
        return None
    if frame.at[stamp, "weather_is_typical"] != 1:
        return None
    out: dict[str, float] = {}
    for group, columns in _WEATHER.items():
        for column in columns:
            if column in frame and pd.notna(frame.at[stamp, column]):
                out[group] = float(frame.at[stamp, column])
                break
    return out
