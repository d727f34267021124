"""Date cells as shops write them; day/month order decided from the column, never guessed."""

from __future__ import annotations

import datetime as dt

import pytest

from forecasting.importing.dates import OrderEvidence, Pending, parse_time, resolve, split_date

D = dt.date(2024, 12, 31)


@pytest.mark.parametrize(
    ("cell", "day", "time"),
    [
        ("31.12.2024", D, None),
        ("31.12.24", D, None),
        ("2024-12-31", D, None),
        ("Mo, 31.12.2024", D, None),
        ("Monday 2024-12-31", D, None),
        ("Di. 31.12.2024 17:45", D, "17:45"),
        ("2024-12-31T08:05:09+01:00", D, "08:05"),
        ("2024-12-31 00:00:00 +0100", D, None),
        ("1.2.2024", dt.date(2024, 2, 1), None),
        ("2024/12/31", D, None),
        ("31.02.2024", None, None),
        ("Summe", None, None),
        ("", None, None),
        ("2024-12-311", None, None),
        (dt.datetime(2024, 12, 31, 9, 30), D, "09:30"),
        (dt.date(2024, 12, 31), D, None),
    ],
)
def test_split_date(cell: object, day: dt.date | None, time: str | None) -> None:
    assert split_date(cell) == (day, time)


def test_slash_dates_wait_for_the_column() -> None:
    assert split_date("12/31/2024") == (Pending(12, 31, 2024), None)
    assert split_date("03/04/24 10:00") == (Pending(3, 4, 2024), "10:00")
    assert split_date("13/13/2024") == (None, None)


def test_order_from_evidence() -> None:
    ev = OrderEvidence()
    ev.add(Pending(3, 4, 2024), 2)
    ev.add(Pending(4, 4, 2024), 3)
    assert ev.decide(None) == (None, 2, Pending(3, 4, 2024))  # ambiguous: ask
    assert ev.decide("MDY") == ("MDY", None, None)
    ev.add(Pending(25, 4, 2024), 9)
    assert ev.decide(None) == ("DMY", None, None)
    ev.add(Pending(4, 26, 2024), 11)
    with pytest.raises(ValueError, match="25"):
        ev.decide(None)


def test_resolve() -> None:
    assert resolve(Pending(3, 4, 2024), "DMY") == dt.date(2024, 4, 3)
    assert resolve(Pending(3, 4, 2024), "MDY") == dt.date(2024, 3, 4)
    assert resolve(Pending(2, 30, 2024), "MDY") is None


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("08:15", "08:15"),
        ("8.15", "08:15"),
        ("17:45:59", "17:45"),
        ("8:15 Uhr", "08:15"),
        ("25:00", None),
        ("abc", None),
        (dt.time(6, 5), "06:05"),
    ],
)
def test_parse_time(cell: object, expected: str | None) -> None:
    assert parse_time(cell) == expected
