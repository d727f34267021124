"""What input Bestellkompass believes: the date window, the largest daily quantity, clean names.

Every import (sales, stock lists, events, weather) checks its cells against these limits and
refuses implausible ones with file, row and column, so that a typo such as 01.01.0001 or a name
with terminal escape codes never reaches the shop file. Lives in `calendars` (the lowest layer)
because the event and weather parsers need it as well as `forecasting`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

#: The first day a sales, event or weather row may have (the owner may widen the window).
FIRST_DAY = dt.date(2000, 1, 1)
#: How far ahead of today a row may lie (planned events, forecasts, a till's clock set wrong).
YEARS_AHEAD = 2
#: The largest quantity one product may sell (or be produced) on one day.
MAX_DAILY_QUANTITY = 10_000_000
#: The longest product or event name in characters (after spaces are tidied).
MAX_NAME_LENGTH = 200
#: No owner's window may reach beyond these days (the date type of pandas ends in 1677 and 2262).
EARLIEST_DAY = dt.date(1700, 1, 1)
LATEST_DAY = dt.date(2199, 12, 31)

# C0 controls except tab, line feed and carriage return (whitespace that names are tidied of),
# DEL and the C1 controls: ESC [ ... and CSI (U+009B) start terminal escape sequences.
CONTROL_CHARS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
# Bidirectional formatting characters (Unicode TR 9): embeddings and overrides U+202A..U+202E,
# isolates U+2066..U+2069 and the marks LRM, RLM, ALM. U+202E shows "Brot" as "torB".
BIDI_CONTROLS = "\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c"
_CONTROL = re.compile(f"[{CONTROL_CHARS}]")
_BIDI = re.compile(f"[{BIDI_CONTROLS}]")
#: Either kind: what must never reach a terminal, a table or the PDF as it is.
UNSAFE_CHARS = re.compile(f"[{CONTROL_CHARS}{BIDI_CONTROLS}]")


def years_later(day: dt.date, years: int) -> dt.date:
    """The same day `years` later (29 February becomes 28 February)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


@dataclasses.dataclass(frozen=True)
class DateWindow:
    """The inclusive range of days an import accepts."""

    first: dt.date
    last: dt.date

    @classmethod
    def default(cls, today: dt.date | None = None) -> DateWindow:
        """2000-01-01 .. today + 2 years."""
        return cls(FIRST_DAY, years_later(today or dt.date.today(), YEARS_AHEAD))

    @classmethod
    def parse(cls, text: str, today: dt.date | None = None) -> DateWindow:
        """"1990-01-01..2030-12-31" (ISO or 31.12.2030; an empty side keeps the default);
        ValueError if a side is no date, the window ends before it starts or leaves 1700..2199."""
        left, sep, right = text.partition("..")
        if not sep:
            raise ValueError(text)
        default = cls.default(today)
        first = _parse_day(left) if left.strip() else default.first
        last = _parse_day(right) if right.strip() else default.last
        if last < first or first < EARLIEST_DAY or last > LATEST_DAY:
            raise ValueError(text)
        return cls(first, last)

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and self.first <= _as_date(day) <= self.last

    def holds_year(self, year: int) -> bool:
        """Whether some day of `year` lies in the window (for dates whose day/month is pending)."""
        return self.first.year <= year <= self.last.year


def _as_date(day: dt.date) -> dt.date:
    return day.date() if isinstance(day, dt.datetime) else day


def _parse_day(text: str) -> dt.date:
    text = text.strip()
    for fmt in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(text)


def name_problem(name: str) -> str | None:
    """Why a product or event name is refused ("name_control", "name_bidi", "name_too_long"),
    or None when it is fine. Check the tidied name (outer spaces removed, runs collapsed)."""
    if _CONTROL.search(name):
        return "name_control"
    if _BIDI.search(name):
        return "name_bidi"
    if len(name) > MAX_NAME_LENGTH:
        return "name_too_long"
    return None


def quantity_problem(value: float, *, negative_allowed: bool = True) -> str | None:
    """Why a daily quantity is refused ("quantity_not_finite", "quantity_too_large",
    "quantity_negative"), or None. Sales may be negative (returns), stock and production not."""
    if value != value or value in (float("inf"), float("-inf")):
        return "quantity_not_finite"
    if abs(value) > MAX_DAILY_QUANTITY:
        return "quantity_too_large"
    if value < 0 and not negative_allowed:
        return "quantity_negative"
    return None


def shown(text: str, limit: int = 60) -> str:
    """A cell for a message: one line, control and bidi characters as U+FFFD, cut with "…"."""
    clean = " ".join(UNSAFE_CHARS.sub("\ufffd", text).split())
    return clean if len(clean) <= limit else clean[: limit - 1] + "…"
