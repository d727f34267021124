"""A new shop's facts read from its sales history, for the owner to confirm: on which weekdays it
opens and whether it opens on public holidays (from the days that have sales), and where it lies
(Bundesland and coordinates from the postal code; calendars.postal_codes)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from collections.abc import Iterable

from calendars.options import STATES
from calendars.postal_codes import place_for_postal_code
from calendars.public_holidays import holiday_names
from forecasting.errors import UserError

#: A weekday is an opening day when it has sales on at least this share of the days of the
#: weekday that has sales most often (a few special Sunday openings do not open every Sunday).
OPEN_WEEKDAY_SHARE = 0.5
#: The shop opens on public holidays when it has sales on at least this share of the holidays
#: that fall on its opening weekdays within the history.
OPEN_HOLIDAY_SHARE = 0.5


@dataclasses.dataclass
class Location:
    """Where a new shop lies: the Bundesland always, the rest when a postal code was given."""

    state: str
    postal_code: str = ""
    place: str = ""
    latitude: float | None = None
    longitude: float | None = None


@dataclasses.dataclass
class OpeningFacts:
    """Opening weekdays (Monday = 0) and public holidays, with the counts behind them."""

    opening_days: tuple[int, ...]
    days_per_weekday: dict[int, int]
    open_on_public_holidays: bool
    holidays_with_sales: int
    holidays_seen: int


def shop_location(state: str | None, postal_code: str | None) -> Location:
    """The location of a new shop: the state given, else the one of the postal code; never a
    guess (neither given: UserError "facts.need_state")."""
    code = (postal_code or "").strip()
    place = None
    if code:
        place = place_for_postal_code(code)
        if place is None:
            raise UserError("facts.unknown_postal_code", value=code)
    chosen = (state or "").strip().upper() or (place.state if place else "")
    if not chosen:
        raise UserError("facts.need_state")
    if chosen not in STATES:
        raise UserError("facts.bad_state", value=chosen, states=", ".join(STATES))
    if place is None:
        return Location(chosen)
    return Location(chosen, code, place.place, place.latitude, place.longitude)


def opening_facts(days: Iterable[dt.date], state: str) -> OpeningFacts:
    """The weekdays and holidays on which the history has sales (`days`: the distinct days)."""
    days = sorted(set(days))
    counts = Counter(d.weekday() for d in days)
    most = max(counts.values(), default=0)
    opening = tuple(w for w in range(7) if most and counts[w] >= OPEN_WEEKDAY_SHARE * most)
    seen = with_sales = 0
    if days:
        holidays = holiday_names(state, range(days[0].year, days[-1].year + 1))
        have = set(days)
        for day in holidays:
            if days[0] <= day <= days[-1] and day.weekday() in opening:
                seen += 1
                with_sales += day in have
    open_on_holidays = bool(seen) and with_sales >= OPEN_HOLIDAY_SHARE * seen
    return OpeningFacts(opening or (0, 1, 2, 3, 4, 5), {w: counts[w] for w in range(7)},
                        open_on_holidays, with_sales, seen)
