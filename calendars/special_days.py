"""Days with their own customs: Mother's Day, St. Martin, Advent Saturdays, carnival, Ramadan/Eid.

Carnival days count only in carnival regions (CalendarOptions.is_carnival_region), Ramadan and
Eid al-Fitr only when the shop opts in (observe_ramadan); their dates come from `hijridate`
(Umm al-Qura calendar), which German mosque associations' dates match within a day.
The columns are always present, zero where a custom does not apply, so the schema stays stable.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
from dateutil.easter import easter

from calendars.days import month_day, years_of
from calendars.labels import Label, words
from calendars.options import CalendarOptions
from calendars.parts import Part

GROUP = "special_day"


def mothers_days(years: range) -> list[dt.date]:
    """Second Sunday in May."""
    out = []
    for year in years:
        first = dt.date(year, 5, 1)
        out.append(first + dt.timedelta((6 - first.weekday()) % 7 + 7))
    return out


def advent_sundays(year: int) -> list[dt.date]:
    """The four Advent Sundays of `year` (the fourth is the last Sunday before 25 December)."""
    christmas = dt.date(year, 12, 25)
    fourth = christmas - dt.timedelta((christmas.weekday() + 1) % 7 or 7)
    return [fourth - dt.timedelta(7 * (4 - n)) for n in (1, 2, 3, 4)]


def carnival_days(year: int) -> dict[str, dt.date]:
    """Weiberfastnacht, Rosenmontag and Shrove Tuesday (Fastnacht) of `year`."""
    sunday = easter(year)
    return {
        "weiberfastnacht": sunday - dt.timedelta(52),
        "rosenmontag": sunday - dt.timedelta(48),
        "shrove_tuesday": sunday - dt.timedelta(47),
    }


def ramadan_periods(years: range) -> list[tuple[dt.date, dt.date]]:
    """(first day of Ramadan, Eid al-Fitr) for the Ramadans starting in `years` (Umm al-Qura)."""
    from hijridate import Gregorian, Hijri

    first = max(years[0], 1925)
    last = min(years[-1], 2076)
    if first > last:
        return []
    out = []
    low = Gregorian(first, 1, 1).to_hijri().year
    high = Gregorian(last, 12, 31).to_hijri().year
    for hijri_year in range(low, high + 1):
        try:
            start = Hijri(hijri_year, 9, 1).to_gregorian()
            eid = Hijri(hijri_year, 10, 1).to_gregorian()
        except (OverflowError, ValueError):
            continue
        if start.year in years:
            out.append((dt.date(start.year, start.month, start.day),
                        dt.date(eid.year, eid.month, eid.day)))
    return out


def special_part(days: np.ndarray, state: str, options: CalendarOptions) -> Part:
    """Special-day columns for `days` (datetime64[D], consecutive)."""
    years = years_of(days)
    md = month_day(days)
    part = Part()

    mothers = np.isin(days, np.array(mothers_days(years), dtype="datetime64[D]"))
    _add(part, "mothers_day", mothers, words("Mother's Day"))
    st_martin = md == 1111
    _add(part, "st_martin", st_martin, words("St Martin's Day"))

    advent = np.zeros(len(days), dtype=np.int8)
    for year in years:
        for n, sunday in enumerate(advent_sundays(year), start=1):
            advent[days == np.datetime64(sunday - dt.timedelta(1), "D")] = n
    part.add("advent_saturday", advent, Label(*words("Advent Saturday"), GROUP))
    for n in (1, 2, 3, 4):
        part.note(advent == n, *words("Advent Saturday {n}", n=n))

    carnival = np.zeros(len(days), dtype=bool)
    weiber = np.zeros(len(days), dtype=bool)
    rose = np.zeros(len(days), dtype=bool)
    if options.is_carnival_region(state):
        for year in years:
            c = carnival_days(year)
            lo = np.datetime64(c["weiberfastnacht"], "D")
            hi = np.datetime64(c["shrove_tuesday"], "D")
            carnival |= (days >= lo) & (days <= hi)
            weiber |= days == lo
            rose |= days == np.datetime64(c["rosenmontag"], "D")
    part.add("carnival", carnival.astype(np.int8), Label(*words("carnival"), GROUP))
    _add(part, "weiberfastnacht", weiber, words("Weiberfastnacht"))
    _add(part, "rosenmontag", rose, words("Rose Monday"))

    ramadan = np.zeros(len(days), dtype=bool)
    ramadan_start = np.zeros(len(days), dtype=bool)
    ramadan_end = np.zeros(len(days), dtype=bool)
    eid = np.zeros(len(days), dtype=bool)
    if options.observe_ramadan:
        for first, fitr in ramadan_periods(range(years[0] - 1, years[-1] + 1)):
            lo, hi = np.datetime64(first, "D"), np.datetime64(fitr, "D")
            ramadan |= (days >= lo) & (days < hi)
            ramadan_start |= days == lo
            ramadan_end |= days == hi - 1
            eid |= (days >= hi) & (days < hi + 3)
    part.add("ramadan", ramadan.astype(np.int8), Label(*words("Ramadan"), GROUP))
    _add(part, "ramadan_start", ramadan_start, words("start of Ramadan"))
    _add(part, "ramadan_end", ramadan_end, words("last day of Ramadan"))
    _add(part, "eid_al_fitr", eid, words("Eid al-Fitr"))
    part.note(carnival & ~weiber & ~rose, *words("carnival"))
    part.note(ramadan & ~ramadan_start & ~ramadan_end, *words("Ramadan"))
    return part


def _add(part: Part, name: str, mask: np.ndarray, said: tuple[str, str]) -> None:
    part.add(name, mask.astype(np.int8), Label(*said, GROUP))
    part.note(mask, *said)
