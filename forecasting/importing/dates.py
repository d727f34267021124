"""Dates and times as shops write them, with day/month order detected instead of guessed.

`split_date` reads one cell. ISO (2024-12-31) and German dotted dates (31.12.2024, 31.12.24) are
unambiguous and become a `datetime.date` at once. Dates with "/" or "-" and the year last
(03/04/2024) become a `Pending` (first, second, year) until the whole column has been seen;
`resolve_order` then decides DMY or MDY from values above 12, or refuses if nothing decides.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

# Optional weekday word in front ("Mo, ", "Monday ", "Mo. "), the date, an optional time after it;
# anything after the time (seconds fraction, time zone, weekday) is ignored.
_DATE_RE = re.compile(
    r"^\s*(?:[^\W\d_]{2,12}\.?,?\s*)?"
    r"(\d{1,4})([./-])(\d{1,2})\2(\d{1,4})(?!\d)"
    r"(?:(?:T|\s+|,\s*)(\d{1,2}):(\d{2})(?::(\d{2}))?(?!\d))?"
)
_TIME_RE = re.compile(r"^\s*(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?(?:\s*(?:Uhr|h))?\s*$")


class Pending(NamedTuple):
    """A date whose day/month order is not known yet: 03/04/2024 -> (3, 4, 2024)."""

    first: int
    second: int
    year: int


def _year(text: str) -> int:
    value = int(text)
    if len(text) <= 2:
        return 2000 + value if value < 70 else 1900 + value
    return value


def _make(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _time(h: str | None, m: str | None) -> str | None:
    if h is None or m is None:
        return None
    hour, minute = int(h), int(m)
    if hour > 24 or minute > 59:
        return None
    return f"{hour:02d}:{minute:02d}"


def split_date(value: object) -> tuple[dt.date | Pending | None, str | None]:
    """(date or Pending or None if not a date, "HH:MM" or None) for one cell."""
    if isinstance(value, dt.datetime):
        time = f"{value.hour:02d}:{value.minute:02d}" if (value.hour or value.minute) else None
        return value.date(), time
    if isinstance(value, dt.date):
        return value, None
    if not isinstance(value, str):
        return None, None
    match = _DATE_RE.match(value)
    if match is None:
        return None, None
    a, sep, b, c, hh, mm, _ss = match.groups()
    time = _time(hh, mm)
    if time == "00:00":
        time = None  # "2024-12-31 00:00:00" is a date written as a timestamp, not a sale time
    if len(a) == 4:  # year first: always year-month-day (2024-12-31, 2024/12/31)
        if len(c) > 2:
            return None, time
        return _make(int(a), int(b), int(c)), time
    if len(a) > 2 or len(c) not in (2, 4):
        return None, time
    if sep == ".":
        return _make(_year(c), int(b), int(a)), time
    first, second = int(a), int(b)
    if first == 0 or second == 0 or (first > 12 and second > 12) or max(first, second) > 31:
        return None, time
    return Pending(first, second, _year(c)), time


def parse_time(value: object) -> str | None:
    """ "HH:MM" from a time cell (08:15, 8.15, 08:15:30, 8:15 Uhr, a datetime/time), else None."""
    if isinstance(value, dt.datetime | dt.time):
        return f"{value.hour:02d}:{value.minute:02d}"
    if not isinstance(value, str):
        return None
    match = _TIME_RE.match(value)
    if match is None:
        _, time = split_date(value)
        return time
    return _time(match.group(1), match.group(2))


class OrderEvidence:
    """Collects Pending dates of a column and the first row each was seen in."""

    def __init__(self) -> None:
        self.first_row: dict[Pending, int] = {}

    def add(self, pending: Pending, row: int) -> None:
        """Remember a pending date (first occurrence only)."""
        if pending not in self.first_row:
            self.first_row[pending] = row

    def decide(self, given: str | None) -> tuple[str | None, int | None, Pending | None]:
        """(order, None, None) when decidable; (None, row, example) when ambiguous;
        raises ValueError((row_a, value_a, row_b, value_b)) when the column mixes both orders."""
        if given is not None or not self.first_row:
            return given, None, None
        day_first = [p for p in self.first_row if p.first > 12]
        month_first = [p for p in self.first_row if p.second > 12]
        if day_first and month_first:
            a, b = day_first[0], month_first[0]
            raise ValueError((self.first_row[a], a, self.first_row[b], b))
        if day_first:
            return "DMY", None, None
        if month_first:
            return "MDY", None, None
        example = min(self.first_row, key=self.first_row.__getitem__)
        return None, self.first_row[example], example


def resolve(pending: Pending, order: str) -> dt.date | None:
    """The date a Pending means in the given order, or None if there is no such day."""
    if order == "DMY":
        return _make(pending.year, pending.second, pending.first)
    return _make(pending.year, pending.first, pending.second)


def show_pending(pending: Pending) -> str:
    """How the date looked in the file (zero-padded): 03/04/2024."""
    return f"{pending.first:02d}/{pending.second:02d}/{pending.year}"
