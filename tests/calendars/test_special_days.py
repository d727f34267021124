"""Mother's Day, St. Martin, Advent Saturdays, carnival by region, Ramadan/Eid opt-in."""

from __future__ import annotations

import datetime as dt
import itertools

import numpy as np

from calendars.days import day_range
from calendars.options import CalendarOptions
from calendars.special_days import advent_sundays, mothers_days, ramadan_periods, special_part


def _marked(part: object, column: str, days: np.ndarray) -> list[str]:
    return days[part.columns[column] > 0].astype(str).tolist()  # type: ignore[attr-defined]


def test_mothers_day_and_advent() -> None:
    assert mothers_days(range(2024, 2027)) == [
        dt.date(2024, 5, 12), dt.date(2025, 5, 11), dt.date(2026, 5, 10),
    ]
    # 2022: Christmas on a Sunday, so the fourth Advent is the 18th
    assert advent_sundays(2022)[0] == dt.date(2022, 11, 27)
    assert advent_sundays(2022)[3] == dt.date(2022, 12, 18)


def test_advent_saturdays_numbered_and_st_martin() -> None:
    days = day_range(dt.date(2025, 11, 1), dt.date(2025, 12, 31))
    part = special_part(days, "SH", CalendarOptions())
    advent = part.columns["advent_saturday"]
    assert days[advent > 0].astype(str).tolist() == [
        "2025-11-29", "2025-12-06", "2025-12-13", "2025-12-20",
    ]
    assert advent[advent > 0].tolist() == [1, 2, 3, 4]
    assert _marked(part, "st_martin", days) == ["2025-11-11"]


def test_carnival_only_in_carnival_regions() -> None:
    days = day_range(dt.date(2025, 2, 20), dt.date(2025, 3, 10))
    cologne = special_part(days, "NW", CalendarOptions())
    assert _marked(cologne, "weiberfastnacht", days) == ["2025-02-27"]
    assert _marked(cologne, "rosenmontag", days) == ["2025-03-03"]
    assert len(_marked(cologne, "carnival", days)) == 6
    kiel = special_part(days, "SH", CalendarOptions())
    assert _marked(kiel, "rosenmontag", days) == []
    braunschweig = special_part(days, "NI", CalendarOptions(carnival_region=True))
    assert _marked(braunschweig, "rosenmontag", days) == ["2025-03-03"]


def test_ramadan_only_when_observed() -> None:
    days = day_range(dt.date(2025, 2, 25), dt.date(2025, 4, 5))
    off = special_part(days, "BE", CalendarOptions())
    assert off.columns["ramadan"].sum() == 0
    on = special_part(days, "BE", CalendarOptions(observe_ramadan=True))
    assert _marked(on, "ramadan_start", days) == ["2025-03-01"]
    assert _marked(on, "ramadan_end", days) == ["2025-03-29"]
    assert _marked(on, "eid_al_fitr", days) == ["2025-03-30", "2025-03-31", "2025-04-01"]
    assert on.columns["ramadan"].sum() == 29


def test_ramadan_dates_come_from_the_library_for_many_years() -> None:
    periods = ramadan_periods(range(2014, 2031))
    # 17 years, but 2030 has two Ramadans (January and December): the lunar year is shorter
    assert len(periods) == 18
    assert [p[0].year for p in periods].count(2030) == 2
    starts = [p[0] for p in periods]
    assert all(353 <= (b - a).days <= 356 for a, b in itertools.pairwise(starts))
    assert all(29 <= (eid - first).days <= 30 for first, eid in periods)
    assert ramadan_periods(range(2150, 2151)) == []
