"""Public holidays per state and the days derived from them, checked against known facts."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from calendars.days import day_range
from calendars.options import STATES, CalendarOptions
from calendars.public_holidays import bank_holidays, holiday_names, holiday_part, is_banking_day


def _col(state: str, start: dt.date, end: dt.date, column: str, **opts: object) -> np.ndarray:
    part = holiday_part(day_range(start, end), state, CalendarOptions(**opts))  # type: ignore[arg-type]
    return part.columns[column]


def test_fronleichnam_in_nw_not_in_sh() -> None:
    day = dt.date(2025, 6, 19)
    assert holiday_names("NW", range(2025, 2026))[day] == "Fronleichnam"
    assert day not in holiday_names("SH", range(2025, 2026))


@pytest.mark.parametrize(
    ("year", "in_sh"), [(2016, False), (2017, True), (2018, True), (2024, True)]
)
def test_reformationstag_in_sh(year: int, in_sh: bool) -> None:
    # 2017 was a one-off nationwide holiday (500 years of the Reformation); SH since 2018
    assert (dt.date(year, 10, 31) in holiday_names("SH", range(year, year + 1))) is in_sh


def test_reformationstag_2017_nationwide_but_not_2016_in_bavaria() -> None:
    assert dt.date(2017, 10, 31) in holiday_names("BY", range(2017, 2018))
    assert dt.date(2018, 10, 31) not in holiday_names("BY", range(2018, 2019))


def test_buss_und_bettag_only_in_saxony() -> None:
    day = dt.date(2025, 11, 19)
    assert holiday_names("SN", range(2025, 2026))[day] == "Buß- und Bettag"
    assert day not in holiday_names("TH", range(2025, 2026))


def test_augsburger_friedensfest_only_with_local_subdivision() -> None:
    day = dt.date(2025, 8, 8)
    assert day not in holiday_names("BY", range(2025, 2026))
    augsburg = holiday_names("BY", range(2025, 2026), CalendarOptions(local_subdivision="Augsburg"))
    assert "Friedensfest" in augsburg[day]


def test_mariae_himmelfahrt_by_default_in_bavaria_only() -> None:
    day = dt.date(2025, 8, 15)
    assert day in holiday_names("BY", range(2025, 2026))
    assert day not in holiday_names("BY", range(2025, 2026), CalendarOptions(catholic_region=False))
    assert day in holiday_names("SL", range(2025, 2026))
    assert day not in holiday_names("NW", range(2025, 2026))


def test_english_names() -> None:
    assert holiday_names("NW", range(2025, 2026), lang="en")[dt.date(2025, 12, 25)] == "Christmas Day"


@pytest.mark.parametrize("state", STATES)
def test_2_may_2025_is_a_bridge_day_everywhere(state: str) -> None:
    bridge = _col(state, dt.date(2025, 4, 28), dt.date(2025, 5, 4), "bridge_day")
    assert bridge.tolist() == [0, 0, 0, 0, 1, 0, 0]


def test_bridge_day_monday_before_tuesday_holiday() -> None:
    # 3 Oct 2023 was a Tuesday: Monday 2 Oct is the bridge day
    bridge = _col("HE", dt.date(2023, 9, 29), dt.date(2023, 10, 4), "bridge_day")
    assert bridge.tolist() == [0, 0, 0, 1, 0, 0]


def test_day_before_and_after_at_range_edges() -> None:
    # the range starts on the day after Christmas and ends on the day before New Year's Day
    eve = _col("NW", dt.date(2024, 12, 27), dt.date(2024, 12, 31), "holiday_eve")
    after = _col("NW", dt.date(2024, 12, 27), dt.date(2024, 12, 31), "holiday_after")
    assert eve.tolist() == [0, 0, 0, 0, 1]
    assert after.tolist() == [1, 0, 0, 0, 0]


def test_long_weekend_around_easter_and_not_on_an_ordinary_weekend() -> None:
    easter = _col("NW", dt.date(2025, 4, 17), dt.date(2025, 4, 22), "long_weekend")
    assert easter.tolist() == [0, 1, 1, 1, 1, 0]
    plain = _col("NW", dt.date(2025, 3, 7), dt.date(2025, 3, 10), "long_weekend")
    assert plain.tolist() == [0, 0, 0, 0]


def test_christmas_eve_new_years_eve_easter_saturday() -> None:
    days = day_range(dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    part = holiday_part(days, "BE", CalendarOptions())
    marked = {c: days[part.columns[c] == 1].astype(str).tolist()
              for c in ("christmas_eve", "new_years_eve", "easter_saturday")}
    assert marked == {"christmas_eve": ["2025-12-24"], "new_years_eve": ["2025-12-31"],
                      "easter_saturday": ["2025-04-19"]}


def test_bank_holidays_are_nationwide_plus_24_and_31_december() -> None:
    closed = bank_holidays(range(2025, 2026))
    assert dt.date(2025, 12, 24) in closed
    assert dt.date(2025, 12, 31) in closed
    assert dt.date(2025, 6, 9) in closed  # Pfingstmontag, nationwide
    assert dt.date(2025, 6, 19) not in closed  # Fronleichnam, regional
    days = day_range(dt.date(2025, 12, 22), dt.date(2025, 12, 31))
    assert days[is_banking_day(days)].astype(str).tolist() == [
        "2025-12-22", "2025-12-23", "2025-12-29", "2025-12-30",
    ]


def test_augsburg_from_postal_code() -> None:
    from calendars.options import local_subdivision_for

    assert local_subdivision_for("BY", "86150") == "Augsburg"
    assert local_subdivision_for("BY", "86316") is None  # Friedberg, outside the city
    assert local_subdivision_for("NW", "86150") is None
