"""School holidays per Bundesland from the `holidays` package (category "school", KMK data).

The package lists the KMK periods as given; a period that the KMK splits around a weekend (BY
summer 2025: Fri 1 Aug, then 4 Aug - 15 Sep) is joined here, because for families it is one
holiday. Checked against an independent table in tests/calendars; see docs/calendars.md.
"""

from __future__ import annotations

import datetime as dt
import functools

import numpy as np

from calendars.days import as_date, day_range, run_position, shifted, weekday, years_of
from calendars.errors import CalendarError
from calendars.labels import Label, words
from calendars.options import LOCAL_SUBDIVISIONS
from calendars.parts import Part, names_on

GROUP = "school_holiday"
LOOK_BACK = 80  # longer than any German school holiday, so "days into" is right on day one
MAX_GAP = 4  # weekend/holiday days between two periods that still join them
SUMMER_DE = "Sommerferien"
UNKNOWN_AFTER = 100  # no school holiday for this long after the last known one: data ends


@functools.lru_cache(maxsize=64)
def _cached(state: str, years: tuple[int, ...], language: str) -> dict[dt.date, str]:
    import holidays

    return dict(
        holidays.country_holidays(
            "DE", subdiv=state, years=years, categories=("school",), language=language
        )
    )


def school_holiday_names(state: str, years: range, lang: str = "de") -> dict[dt.date, str]:
    """School-holiday days of `state` with the holiday's name, as the `holidays` package has them."""
    state = LOCAL_SUBDIVISIONS.get(state, state)
    return _cached(state, tuple(years), "de" if lang == "de" else "en_US")


def school_holiday_mask(days: np.ndarray, state: str, off: np.ndarray) -> np.ndarray:
    """Per day whether schools are closed for holidays; `off` marks weekends and public holidays."""
    names = names_on(days, school_holiday_names(state, years_of(days)))
    return _join_gaps(names != "", off)


def school_part(days: np.ndarray, state: str, off_days: set[dt.date]) -> Part:
    """School-holiday columns for `days`; `off_days` are the state's public holidays."""
    ext = day_range(as_date(days[0]) - dt.timedelta(LOOK_BACK), as_date(days[-1]) + dt.timedelta(7))
    years = years_of(ext)
    de = names_on(ext, school_holiday_names(state, years, "de"))
    en = names_on(ext, school_holiday_names(state, years, "en"))
    holidays_arr = np.array(sorted(off_days), dtype="datetime64[D]")
    off = (weekday(ext) >= 5) | np.isin(ext, holidays_arr)
    closed = _join_gaps(de != "", off)
    de, en = _fill_names(de, closed), _fill_names(en, closed)
    first = closed & ~shifted(closed, 1)
    last = closed & ~shifted(closed, -1)
    position = run_position(closed)
    summer = closed & (de == SUMMER_DE)

    inner = slice(LOOK_BACK, LOOK_BACK + len(days))
    part = Part()
    part.add("school_holiday", closed[inner].astype(np.int8),
             Label(*words("school holidays"), GROUP))
    part.add("school_holiday_first", first[inner].astype(np.int8),
             Label(*words("first day of school holidays"), GROUP))
    part.add("school_holiday_last", last[inner].astype(np.int8),
             Label(*words("last day of school holidays"), GROUP))
    part.add("school_holiday_day", position[inner].astype(np.int16),
             Label(*words("day of the school holidays"), GROUP))
    part.add("summer_holiday", summer[inner].astype(np.int8),
             Label(*words("summer holidays"), GROUP))
    part.note(closed[inner], de[inner], en[inner])
    warning = _unknown_warning(state, as_date(days[-1]))
    if warning is not None:
        part.warnings.append(warning)
    return part


def _unknown_warning(state: str, last_day: dt.date) -> CalendarError | None:
    """A warning if the `holidays` data ends well before `last_day`."""
    last_known = None
    for year in range(last_day.year, 1990, -1):
        known = school_holiday_names(state, range(year, year + 1))
        if known:
            last_known = max(known)
            break
    if last_known is not None and last_day <= last_known + dt.timedelta(UNKNOWN_AFTER):
        return None
    return CalendarError("calendar.school_holidays_unknown", state=state, after=last_known)


def _join_gaps(closed: np.ndarray, off: np.ndarray) -> np.ndarray:
    """Close short gaps made only of weekend/holiday days between two school-holiday days."""
    gap = ~closed
    out = closed.copy()
    starts = np.flatnonzero(gap & ~shifted(gap, 1))
    ends = np.flatnonzero(gap & ~shifted(gap, -1))
    for lo, hi in zip(starts, ends, strict=True):
        inside = lo > 0 and hi < len(closed) - 1
        if inside and hi - lo + 1 <= MAX_GAP and off[lo : hi + 1].all():
            out[lo : hi + 1] = True
    return out


def _fill_names(names: np.ndarray, closed: np.ndarray) -> np.ndarray:
    """Carry the name of the period into joined gap days."""
    out = names.copy()
    for i in np.flatnonzero(closed & (names == "")):
        out[i] = out[i - 1] if i > 0 else ""
    return out
