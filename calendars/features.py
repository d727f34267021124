"""One call for everything known in advance about a shop's days: the daily feature table.

`build_features` joins the calendar modules into a FeatureTable: `frame` (one row per day,
numeric columns, stable names documented in docs/calendars.md), `labels` (column -> Label with
German/English words and the explanation group), `day_labels(lang)` (what is special per day) and
`warnings` (CalendarErrors not raised, e.g. school holidays not known that far ahead).
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import numpy as np
import pandas as pd

from calendars.climatology import weather_part
from calendars.days import day_range
from calendars.errors import CalendarError
from calendars.events import event_part
from calendars.labels import Label
from calendars.options import CalendarOptions, check_state
from calendars.parts import Note, Part
from calendars.paydays import payday_part
from calendars.public_holidays import holiday_names, holiday_part
from calendars.school_holidays import school_part
from calendars.seasons import season_part, weekday_part
from calendars.special_days import special_part

SEPARATOR = "; "


@dataclasses.dataclass
class FeatureTable:
    """The daily calendar features of a shop, with words for every column and every day."""

    frame: pd.DataFrame
    labels: dict[str, Label]
    notes: list[Note] = dataclasses.field(default_factory=list, repr=False)
    warnings: list[CalendarError] = dataclasses.field(default_factory=list)

    def day_labels(self, lang: str = "de") -> pd.Series:
        """Per day what is special, in words ("Fronleichnam; Sommerferien; Zahltag Renten")."""
        n = len(self.frame)
        words: list[list[str]] = [[] for _ in range(n)]
        for note in self.notes:
            text = note.de if lang == "de" else note.en
            for i in np.flatnonzero(note.mask):
                word = text if isinstance(text, str) else text[i]
                if word and word not in words[i]:
                    words[i].append(word)
        return pd.Series([SEPARATOR.join(w) for w in words], index=self.frame.index,
                         name="labels", dtype=object)

    def groups(self) -> dict[str, list[str]]:
        """Explanation group -> its columns, in column order."""
        out: dict[str, list[str]] = {}
        for column in self.frame.columns:
            out.setdefault(self.labels[column].group, []).append(column)
        return out


def build_features(
    state: str,
    start: dt.date,
    end: dt.date,
    *,
    events: pd.DataFrame | None = None,
    weather: pd.DataFrame | None = None,
    options: CalendarOptions | None = None,
) -> FeatureTable:
    """The feature table for a shop in `state` from `start` to `end` inclusive.

    Weather columns appear only when `weather` is given (a WEATHER frame, may be empty): days
    without observation or forecast get the shop's climatological normal and
    weather_is_typical = 1.
    """
    state = check_state(state)
    options = options or CalendarOptions()
    start, end = _as_date(start), _as_date(end)
    if end < start:
        raise CalendarError("calendar.bad_range", start=start, end=end)
    days = day_range(start, end)
    years = range(start.year - 1, end.year + 2)
    holidays_de = holiday_names(state, years, options, "de")
    parts: list[Part] = [
        weekday_part(days),
        season_part(days),
        holiday_part(days, state, options),
        school_part(days, state, set(holidays_de)),
        payday_part(days, options.paydays),
        special_part(days, state, options),
        event_part(days, events),
    ]
    if weather is not None:
        parts.append(weather_part(days, weather, options.fill_typical_weather))
    columns: dict[str, np.ndarray] = {}
    labels: dict[str, Label] = {}
    notes: list[Note] = []
    warnings: list[CalendarError] = []
    for part in parts:
        columns.update(part.columns)
        labels.update(part.labels)
        notes.extend(part.notes)
        warnings.extend(part.warnings)
    index = pd.DatetimeIndex(days.astype("datetime64[ns]"), name="date")
    frame = pd.DataFrame(columns, index=index)
    return FeatureTable(frame=frame, labels=labels, notes=notes, warnings=warnings)


def _as_date(value: dt.date) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, pd.Timestamp):
        return value.date()
    return value
