"""A new shop's facts read from its sales history, for the owner to confirm: on which weekdays it
opens and on which public holidays (from the days that have sales), and where it lies
(Bundesland and coordinates from the postal code; calendars.postal_codes)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from collections.abc import Iterable

from calendars.options import STATES
from calendars.postal_codes import place_for_postal_code
from calendars.public_holidays import holiday_display_names, holiday_names
from forecasting.errors import UserError
from forecasting.texts import format_number, render

#: A weekday is an opening day when it has sales on at least this share of the days of the
#: weekday that has sales most often (a few special Sunday openings do not open every Sunday).
OPEN_WEEKDAY_SHARE = 0.5
#: The shop opens on public holidays when it has sales on at least this share of the holidays
#: that fall on its opening weekdays within the history; one holiday (by name) is an exception
#: when its own share lies on the other side (the Kiel bakery: closed at Christmas, New Year and
#: Good Friday, open on Easter Monday, Ascension, Whit Monday and German Unity Day).
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
    #: per holiday (German name): (occurrences with sales, occurrences on opening weekdays)
    per_holiday: dict[str, tuple[int, int]] = dataclasses.field(default_factory=dict)
    #: the holidays on which the shop does the opposite of open_on_public_holidays
    holiday_exceptions: tuple[str, ...] = ()

    def opens_on(self, name: str) -> bool:
        """Whether the shop opens on the holiday `name`, as inferred or confirmed."""
        return self.open_on_public_holidays != (name in self.holiday_exceptions)


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
    per_holiday: dict[str, tuple[int, int]] = {}
    if days:
        holidays = holiday_names(state, range(days[0].year, days[-1].year + 1))
        have = set(days)
        for day, name in sorted(holidays.items()):
            if days[0] <= day <= days[-1] and day.weekday() in opening:
                sold, seen = per_holiday.get(name, (0, 0))
                per_holiday[name] = (sold + (day in have), seen + 1)
    with_sales = sum(sold for sold, _ in per_holiday.values())
    seen = sum(n for _, n in per_holiday.values())
    open_on_holidays = bool(seen) and with_sales >= OPEN_HOLIDAY_SHARE * seen
    exceptions = tuple(name for name, (sold, n) in per_holiday.items()
                       if (sold >= OPEN_HOLIDAY_SHARE * n) != open_on_holidays)
    return OpeningFacts(opening or (0, 1, 2, 3, 4, 5), {w: counts[w] for w in range(7)},
                        open_on_holidays, with_sales, seen, per_holiday, exceptions)


def exceptions_text(facts: OpeningFacts, state: str, lang: str = "de") -> str:
    """The holidays on which the shop does the opposite of its rule, with the sales behind each
    ("außer an diesen Feiertagen geöffnet: Ostermontag (5 von 5 mit Verkäufen), ..."); "" if
    none."""
    return holiday_exceptions_text(facts.open_on_public_holidays, facts.holiday_exceptions, state,
                                   lang, facts.per_holiday)


def holiday_exceptions_text(open_on_holidays: bool, exceptions: Iterable[str], state: str,
                            lang: str = "de",
                            counts: dict[str, tuple[int, int]] | None = None) -> str:
    """The exceptions to the holiday rule in the user's language, with the sales behind each
    where `counts` has them; "" if none."""
    exceptions = tuple(exceptions)
    if not exceptions:
        return ""
    shown = holiday_display_names(state, lang)
    names = []
    for name in exceptions:
        sold, seen = (counts or {}).get(name, (0, 0))
        label = shown.get(name, name)
        names.append(render("facts.holiday_sales", lang, name=label,
                            n=format_number(sold, lang, 0), seen=format_number(seen, lang, 0))
                     if seen else label)
    code = "facts.holidays_closed_except" if open_on_holidays else "facts.holidays_open_except"
    return render(code, lang, names=", ".join(names))
