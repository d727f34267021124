"""Calendar facts of the demo world, taken straight from the `holidays` package.

Deliberately independent of the `calendars` package: the generator is the "world" the calendar code
is tested against, so it must not share that code.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import holidays
import numpy as np
import pandas as pd

from forecasting.demo.catalog import DemoShopSpec

SUMMER_BREAK = "Summer Break"


@dataclasses.dataclass
class CalendarFacts:
    """Per-day facts over `days` (arrays aligned with `days`; the holiday dicts span whole years)."""

    days: pd.DatetimeIndex
    public_holidays: dict[dt.date, str]
    school_holidays: dict[dt.date, str]
    open: np.ndarray
    short_day: np.ndarray
    pre_holiday: np.ndarray
    bridge_day: np.ndarray
    payday: np.ndarray
    days_after_payday: np.ndarray
    school_summer: np.ndarray
    school_other: np.ndarray


def public_holidays(state: str, years: range) -> dict[dt.date, str]:
    """Public holidays of `state` (closed days for the demo shops)."""
    found = holidays.country_holidays("DE", subdiv=state, years=years, categories=("public",))
    return dict(sorted(found.items()))


def school_holidays(state: str, years: range) -> dict[dt.date, str]:
    """School holiday days of `state` (empty for years the package does not know)."""
    found = holidays.country_holidays("DE", subdiv=state, years=years, categories=("school",))
    return dict(sorted(found.items()))


def last_banking_days(start: dt.date, end: dt.date, closed: set[dt.date]) -> list[dt.date]:
    """The last banking day (Mon-Fri, not a holiday, not 24/31 Dec) of every month in range."""
    out = []
    month = dt.date(start.year, start.month, 1)
    while month <= end:
        nxt = dt.date(month.year + (month.month == 12), month.month % 12 + 1, 1)
        day = nxt - dt.timedelta(days=1)
        while day.weekday() >= 5 or day in closed or (day.month, day.day) in ((12, 24), (12, 31)):
            day -= dt.timedelta(days=1)
        if start <= day <= end:
            out.append(day)
        month = nxt
    return out


def calendar_facts(spec: DemoShopSpec, start: dt.date, end: dt.date) -> CalendarFacts:
    """Opening, holidays, bridge days, pre-holiday days and paydays from start to end inclusive."""
    days = pd.date_range(start, end, freq="D")
    dates = [d.date() for d in days]
    years = range(start.year - 1, end.year + 2)
    public = public_holidays(spec.state, years)
    school = school_holidays(spec.state, years)
    weekday = days.day_of_week.to_numpy()
    is_public = np.array([d in public for d in dates])
    open_ = np.isin(weekday, spec.opening_days) & ~is_public
    short = np.array([(d.month, d.day) in ((12, 24), (12, 31)) for d in dates]) & open_

    pre = np.zeros(len(days), dtype=bool)
    for holiday in np.flatnonzero(is_public):
        j = int(holiday) - 1
        while j >= 0 and not open_[j]:
            j -= 1
        if j >= 0 and not short[j]:
            pre[j] = True

    bridge = np.zeros(len(days), dtype=bool)
    for i, d in enumerate(dates):
        if not open_[i]:
            continue
        after_thursday = d.weekday() == 4 and (d - dt.timedelta(days=1)) in public
        before_tuesday = d.weekday() == 0 and (d + dt.timedelta(days=1)) in public
        bridge[i] = after_thursday or before_tuesday

    paydays = last_banking_days(start - dt.timedelta(days=31), end, set(public))
    payday = np.array([d in set(paydays) for d in dates])
    since = np.full(len(days), 99)
    pay_index = pd.DatetimeIndex(pd.to_datetime(paydays))
    positions = pay_index.searchsorted(days, side="right") - 1
    valid = positions >= 0
    since[valid] = (days[valid] - pay_index[positions[valid]]).days
    summer = np.array([school.get(d) == SUMMER_BREAK for d in dates])
    other = np.array([d in school for d in dates]) & ~summer
    return CalendarFacts(
        days=days,
        public_holidays=public,
        school_holidays=school,
        open=open_,
        short_day=short,
        pre_holiday=pre,
        bridge_day=bridge,
        payday=payday,
        days_after_payday=since,
        school_summer=summer,
        school_other=other,
    )
