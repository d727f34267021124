"""Yearly occasions (holidays, Silvester, Kieler Woche, school holidays): which earlier day matches.

A shop's strongest days are occasions that come once a year, too rarely for a tree to learn a
calendar column from. What the product sold on the same occasion last time, relative to its usual
amount, is the best single guide. The calendar's day labels name the occasions; an occasion is a
label that comes as at most RUNS_PER_YEAR runs of consecutive days per year. Day k of a run is
matched to day k of the previous run (or its last day). Of several occasions on one day the one
with the shortest run (the most specific: Silvester before Weihnachtsferien) wins.
"""

from __future__ import annotations

import itertools
from typing import Any

import numpy as np
import pandas as pd

from calendars.features import FeatureTable

RUNS_PER_YEAR = 1.5
SPECIAL_RUNS_PER_YEAR = 3.0
SPECIAL_MAX_DAYS = 10
WEATHER_COLUMN = "weather_is_typical"


def _labels(features: FeatureTable | None, dates: pd.DatetimeIndex) -> list[list[str]]:
    """Per panel day the calendar's words for it (empty where the table has none)."""
    day_labels = getattr(features, "day_labels", None)
    if features is None or day_labels is None or features.frame is None:
        return [[] for _ in dates]
    series = day_labels("en")
    series.index = pd.DatetimeIndex(series.index).normalize()
    series = series.reindex(dates, fill_value="").fillna("")
    return [[w for w in str(text).split("; ") if w] for text in series]


def _weather_mask(features: FeatureTable | None, dates: pd.DatetimeIndex) -> np.ndarray:
    frame = getattr(features, "frame", None)
    if frame is None or WEATHER_COLUMN not in frame.columns:
        return np.zeros(len(dates), dtype=bool)
    col = frame[WEATHER_COLUMN].copy()
    col.index = pd.DatetimeIndex(col.index).normalize()
    return col.reindex(dates).fillna(0).to_numpy(dtype=float) > 0


def _runs(mask: np.ndarray) -> list[tuple[int, int]]:
    """(start, length) of each run of consecutive true days."""
    edges = np.diff(np.concatenate([[0], mask.astype(np.int8), [0]]))
    starts = np.flatnonzero(edges == 1)
    ends = np.flatnonzero(edges == -1)
    return [(int(a), int(b - a)) for a, b in zip(starts, ends, strict=True)]


def _occasions(features: FeatureTable | None, dates: pd.DatetimeIndex, per_year: float
               ) -> dict[str, list[tuple[int, int]]]:
    """Label -> its runs, for the labels that come at most `per_year` runs a year."""
    n = len(dates)
    words = _labels(features, dates)
    weather = _weather_mask(features, dates)
    masks: dict[str, np.ndarray] = {}
    for t, day in enumerate(words):
        for w in day:
            masks.setdefault(w, np.zeros(n, dtype=bool))[t] = True
    years = max(n / 365.25, 1.0)
    out = {}
    for word in sorted(masks):
        mask = masks[word]
        if weather.any() and not (mask & ~weather).any():
            continue  # a note about the weather, not an occasion
        runs = _runs(mask)
        if len(runs) / years <= per_year:
            out[word] = runs
    return out


def special_runs(features: FeatureTable | None, dates: pd.DatetimeIndex) -> dict[str, list[tuple[int, int]]]:
    """Label -> its (start, length) runs, for the short occasions (the special days)."""
    out = {}
    for word, runs in _occasions(features, dates, SPECIAL_RUNS_PER_YEAR).items():
        short = [(a, length) for a, length in runs if length <= SPECIAL_MAX_DAYS]
        if short:
            out[word] = short
    return out


def yearly_runs(features: FeatureTable | None, dates: pd.DatetimeIndex
                ) -> dict[str, list[tuple[int, int]]]:
    """Label -> its (start, length) runs, for the yearly occasions (those `matches` pairs)."""
    return _occasions(features, dates, RUNS_PER_YEAR)


def special_days(features: FeatureTable | None, dates: pd.DatetimeIndex) -> np.ndarray:
    """Bool per day: a short occasion (a holiday, Silvester, a festival week), not a usual day."""
    out = np.zeros(len(dates), dtype=bool)
    for runs in special_runs(features, dates).values():
        for a, length in runs:
            out[a : a + length] = True
    return out


def matches(features: FeatureTable | None, dates: pd.DatetimeIndex) -> np.ndarray:
    """Per day the index of the matching day of the occasion's previous run, or -1.

    Computed from the calendar alone (known in advance); whether the matched day is known at a
    forecast origin is decided by the caller.
    """
    n = len(dates)
    best_len = np.full(n, np.iinfo(np.int64).max)
    out = np.full(n, -1, dtype=np.int64)
    for runs in _occasions(features, dates, RUNS_PER_YEAR).values():
        for (a0, l0), (a1, l1) in itertools.pairwise(runs):
            k = np.arange(l1)
            days = a1 + k
            better = l1 < best_len[days]
            out[days[better]] = (a0 + np.minimum(k, l0 - 1))[better]
            best_len[days[better]] = l1
    return out


def last_time(ratio: np.ndarray, match: np.ndarray, horizon: int) -> np.ndarray:
    """[day, product] ratio on the matched day, where that day is known at the origin d - h."""
    n = ratio.shape[0]
    days = np.arange(n)
    ok = (match >= 0) & (match <= days - horizon)
    out = np.full(ratio.shape, np.nan)
    out[ok] = ratio[match[ok]]
    return out


def _day_position(features: FeatureTable | None, day: Any
                  ) -> tuple[pd.DatetimeIndex, int] | None:
    """(the feature table's days, the position of `day` among them), or None where the table
    has no such day or no notes to name an occasion by."""
    frame = getattr(features, "frame", None)
    if frame is None or getattr(features, "notes", None) is None:
        return None
    dates = pd.DatetimeIndex(frame.index).normalize()
    stamp = pd.Timestamp(day).normalize()
    if stamp not in dates:
        return None
    return dates, int(dates.get_loc(stamp))


def occasion_names(features: FeatureTable | None, day: Any) -> dict[str, str] | None:
    """The occasion whose last time `matches` uses for `day`, in German and English, or None."""
    found = _day_position(features, day)
    if found is None:
        return None
    dates, i = found
    best: tuple[str, int] | None = None
    for word, runs in _occasions(features, dates, RUNS_PER_YEAR).items():
        for k, (a, length) in enumerate(runs):
            if k > 0 and a <= i < a + length and (best is None or length < best[1]):
                best = (word, length)
    if best is None:
        return None
    return {"de": _german(features, i, best[0]), "en": best[0]}


def special_names(features: FeatureTable | None, day: Any) -> dict[str, list[str]] | None:
    """The short occasions (special_runs) `day` falls on, in German and English ("Brückentag"),
    or None on a usual day: what the association's prior speaks of there."""
    found = _day_position(features, day)
    if found is None:
        return None
    dates, i = found
    words = [w for w, runs in special_runs(features, dates).items()
             if any(a <= i < a + length for a, length in runs)]
    if not words:
        return None
    return {"de": [_german(features, i, w) for w in words], "en": words}


def _german(features: FeatureTable, i: int, english: str) -> str:
    """The German of the day-`i` note whose English is `english` (the English if none)."""
    german = english
    for note in features.notes:
        if note.mask[i] and (note.en if isinstance(note.en, str) else note.en[i]) == english:
            german = note.de if isinstance(note.de, str) else note.de[i]
    return str(german)
