"""School holidays from `holidays` (KMK) against the independent ODbL reference table."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pandas as pd

from calendars.days import day_range, weekday
from calendars.options import STATES, CalendarOptions
from calendars.public_holidays import holiday_names
from calendars.school_holidays import school_holiday_mask, school_part


def test_bavarian_summer_2025_is_one_period_across_the_kmk_split() -> None:
    days = day_range(dt.date(2025, 7, 31), dt.date(2025, 9, 16))
    part = school_part(days, "BY", set())
    closed = part.columns["school_holiday"]
    assert closed[0] == 0
    assert closed[1:-1].all()
    assert closed[-1] == 0
    assert part.columns["school_holiday_first"].tolist().index(1) == 1
    assert part.columns["school_holiday_last"].tolist().index(1) == len(days) - 2
    assert part.columns["school_holiday_day"][-2] == 46
    assert part.columns["summer_holiday"][1:-1].all()


def test_days_into_holidays_counts_from_before_the_range() -> None:
    # NW summer holidays 2025: 14 Jul - 26 Aug
    part = school_part(day_range(dt.date(2025, 8, 1), dt.date(2025, 8, 1)), "NW", set())
    assert part.columns["school_holiday_day"].tolist() == [19]
    assert part.notes[0].de[0] == "Sommerferien"
    assert part.notes[0].en[0] == "Summer Break"


def test_agrees_with_reference_on_99_percent_of_school_holiday_weekdays(
    school_reference: Path,
) -> None:
    ref = pd.read_csv(school_reference)
    days = day_range(dt.date(2014, 1, 1), dt.date(2028, 12, 31))
    both = either = 0
    differing = set()
    for state in STATES:
        holidays_arr = np.array(
            sorted(holiday_names(state, range(2013, 2030), CalendarOptions(catholic_region=False))),
            dtype="datetime64[D]",
        )
        off = (weekday(days) >= 5) | np.isin(days, holidays_arr)
        reference = np.zeros(len(days), dtype=bool)
        for row in ref[ref["state"] == state].itertuples():
            reference |= (days >= np.datetime64(row.start)) & (days <= np.datetime64(row.end))
        ours = school_holiday_mask(days, state, off)
        a, b = reference & ~off, ours & ~off
        both += int((a & b).sum())
        either += int((a | b).sum())
        if (a != b).any():
            differing.add(state)
    assert both / either >= 0.99
    # documented in docs/calendars.md; a change here means the data moved: update the docs
    assert differing == {"BB", "BE", "BW", "BY", "HB", "HH", "MV", "NI", "NW", "SN", "ST", "TH"}


def test_warns_when_school_holidays_are_not_known_that_far_ahead() -> None:
    far = school_part(day_range(dt.date(2031, 6, 1), dt.date(2031, 6, 2)), "NW", set())
    assert [w.code for w in far.warnings] == ["calendar.school_holidays_unknown"]
    assert "NW" in far.warnings[0].message("de")
    near = school_part(day_range(dt.date(2026, 6, 1), dt.date(2026, 6, 2)), "NW", set())
    assert near.warnings == []
