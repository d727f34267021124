"""Paydays on month ends that fall on weekends and holidays, Kindergeld spread, derived columns."""

from __future__ import annotations

import datetime as dt

import pytest

from calendars.days import day_range
from calendars.options import PaydayRules
from calendars.paydays import payday_dates, payday_part


def _pension(year: int, month: int) -> dt.date:
    start = dt.date(year, month, 1)
    end = (start + dt.timedelta(32)).replace(day=1) - dt.timedelta(1)
    (day,) = payday_dates(start, end, PaydayRules())["pension"]
    return day


@pytest.mark.parametrize(
    ("year", "month", "expected"),
    [
        (2025, 11, dt.date(2025, 11, 28)),  # 30 Nov is a Sunday
        (2024, 3, dt.date(2024, 3, 28)),  # 31 Easter Sunday, 30 Saturday, 29 Good Friday
        (2025, 12, dt.date(2025, 12, 30)),  # banks closed on 31 December
        (2023, 12, dt.date(2023, 12, 29)),  # 31 Sunday, 30 Saturday
        (2025, 7, dt.date(2025, 7, 31)),  # an ordinary Thursday
        (2017, 10, dt.date(2017, 10, 30)),  # 31 Oct 2017 was a nationwide holiday
    ],
)
def test_pension_on_last_banking_day(year: int, month: int, expected: dt.date) -> None:
    assert _pension(year, month) == expected


def test_regional_holiday_does_not_move_a_payday() -> None:
    # 31 Oct 2025 is Reformationstag in the north but banks book transfers nationwide
    assert _pension(2025, 10) == dt.date(2025, 10, 31)


def test_salary_on_the_15th_and_1st_move_to_the_banking_day_before() -> None:
    rules = PaydayRules(salary_days=(15, 1))
    salary = payday_dates(dt.date(2025, 3, 1), dt.date(2025, 6, 30), rules)["salary"]
    # 15 Mar 2025 Saturday -> 14 Mar; 1 Jun Sunday -> 30 May; 1 May holiday -> 30 Apr
    assert sorted(salary) == [
        dt.date(2025, 3, 14), dt.date(2025, 4, 1), dt.date(2025, 4, 15), dt.date(2025, 4, 30),
        dt.date(2025, 5, 15), dt.date(2025, 5, 30), dt.date(2025, 6, 13),
    ]


def test_kindergeld_spread_over_ten_banking_days() -> None:
    paid = sorted(payday_dates(dt.date(2024, 1, 1), dt.date(2024, 1, 31), PaydayRules())
                  ["kindergeld"])
    # Jan 2024: 1 Jan holiday; digit 0 on the 4th banking day (5 Jan), digit 9 on 18 Jan
    assert len(paid) == 10
    assert paid[0] == dt.date(2024, 1, 5)
    assert paid[-1] == dt.date(2024, 1, 18)


def test_days_since_payday_and_payday_week() -> None:
    days = day_range(dt.date(2025, 11, 27), dt.date(2025, 12, 8))
    part = payday_part(days, PaydayRules())
    assert part.columns["payday"].tolist()[:3] == [0, 1, 0]
    assert part.columns["days_since_payday"].tolist()[:4] == [27, 0, 1, 2]
    assert part.columns["payday_week"].tolist() == [0, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0]
    assert part.columns["payday_kindergeld"].max() == pytest.approx(0.1)


def test_rules_can_switch_payments_off_and_reject_bad_days() -> None:
    rules = PaydayRules(pensions=False, buergergeld=False, kindergeld=False)
    found = payday_dates(dt.date(2025, 1, 1), dt.date(2025, 1, 31), rules)
    assert set(found) == {"salary"}
    with pytest.raises(ValueError, match="salary day"):
        PaydayRules(salary_days=(20,))
