"""Public holidays per Bundesland (via `holidays`) and the days they shape around them.

Derived days: the day before and after a holiday, bridge days (a working day between a holiday and
a weekend), long weekends (three or more days off in a row), Christmas Eve, New Year's Eve and
Easter Saturday. Banking days for paydays live here too, since they follow nationwide holidays.
"""

from __future__ import annotations

import datetime as dt
import functools

import numpy as np
from dateutil.easter import easter

from calendars.days import (
    as_date,
    day_range,
    month_day,
    run_length,
    shifted,
    weekday,
    years_of,
)
from calendars.labels import Label, words
from calendars.options import CalendarOptions, holiday_subdivision
from calendars.parts import Part, names_on

GROUP = "holiday"
PAD = 7  # days looked at beyond the range, so the first and last day see their neighbours


@functools.lru_cache(maxsize=64)
def _cached_names(
    subdiv: str | None, categories: tuple[str, ...], years: tuple[int, ...], language: str
) -> dict[dt.date, str]:
    import holidays

    return dict(
        holidays.country_holidays(
            "DE", subdiv=subdiv, years=years, categories=categories, language=language
        )
    )


def holiday_names(
    state: str, years: range, options: CalendarOptions | None = None, lang: str = "de"
) -> dict[dt.date, str]:
    """The public holidays that close shops in `state` (and its local subdivision), by date."""
    options = options or CalendarOptions()
    subdiv = holiday_subdivision(state, options)
    categories = ("public", "catholic") if options.is_catholic_region(state) else ("public",)
    language = "de" if lang == "de" else "en_US"
    return _cached_names(subdiv, categories, tuple(years), language)


def bank_holidays(years: range) -> set[dt.date]:
    """Days German banks do not book transfers: nationwide public holidays plus 24 and 31 Dec."""
    nationwide = set(_cached_names(None, ("public",), tuple(years), "de"))
    for year in years:
        nationwide |= {dt.date(year, 12, 24), dt.date(year, 12, 31)}
    return nationwide


def is_banking_day(days: np.ndarray) -> np.ndarray:
    """Mon-Fri that is not a bank holiday, for datetime64[D] days."""
    closed = bank_holidays(years_of(days))
    closed_arr = np.array(sorted(closed), dtype="datetime64[D]")
    return (weekday(days) < 5) & ~np.isin(days, closed_arr)


def holiday_part(days: np.ndarray, state: str, options: CalendarOptions) -> Part:
    """Holiday and derived-day columns for `days` (datetime64[D], consecutive)."""
    ext = day_range(as_date(days[0]) - dt.timedelta(PAD), as_date(days[-1]) + dt.timedelta(PAD))
    years = years_of(ext)
    de = names_on(ext, holiday_names(state, years, options, "de"))
    en = names_on(ext, holiday_names(state, years, options, "en"))
    holiday = de != ""
    weekend = weekday(ext) >= 5
    off = holiday | weekend
    workday = ~off
    before = ~holiday & shifted(holiday, -1)
    after = ~holiday & shifted(holiday, 1)
    prev_off, next_off = shifted(off, 1), shifted(off, -1)
    bridge = workday & prev_off & next_off & (shifted(holiday, 1) | shifted(holiday, -1))
    off_or_bridge = off | bridge
    long_weekend = (run_length(off_or_bridge) >= 3) & _run_has(off_or_bridge, holiday)
    md = month_day(ext)
    christmas_eve = md == 1224
    new_years_eve = md == 1231
    easter_saturday = np.isin(ext, _easter_saturdays(years))

    inner = slice(PAD, PAD + len(days))
    part = Part()
    columns = [
        ("holiday", holiday, *words("public holiday")),
        ("holiday_eve", before, *words("day before a holiday")),
        ("holiday_after", after, *words("day after a holiday")),
        ("bridge_day", bridge, *words("bridge day")),
        ("long_weekend", long_weekend, *words("long weekend")),
        ("christmas_eve", christmas_eve, *words("Christmas Eve")),
        ("new_years_eve", new_years_eve, *words("New Year's Eve")),
        ("easter_saturday", easter_saturday, *words("Easter Saturday")),
    ]
    for name, mask, label_de, label_en in columns:
        part.add(name, mask[inner].astype(np.int8), Label(label_de, label_en, GROUP))
    part.note(holiday[inner], de[inner], en[inner])
    next_de, next_en = shifted(de, -1, ""), shifted(en, -1, "")
    prev_de, prev_en = shifted(de, 1, ""), shifted(en, 1, "")
    named_eve = christmas_eve | new_years_eve | easter_saturday  # their own name says it
    before_de, before_en = words("day before {name}", name="{name}")
    after_de, after_en = words("day after {name}", name="{name}")
    part.note(
        (before & ~named_eve)[inner],
        _named(before_de, next_de[inner]),
        _named(before_en, next_en[inner]),
    )
    part.note(
        after[inner],
        _named(after_de, prev_de[inner]),
        _named(after_en, prev_en[inner]),
    )
    for _name, mask, label_de, label_en in columns[3:]:
        part.note(mask[inner] & ~holiday[inner], label_de, label_en)
    return part


def _run_has(mask: np.ndarray, inside: np.ndarray) -> np.ndarray:
    """True on days of a `mask` run that contains at least one `inside` day."""
    run_id = np.cumsum(mask & ~shifted(mask, 1))
    hit_ids = np.unique(run_id[mask & inside])
    return mask & np.isin(run_id, hit_ids)


def _named(template: str, names: np.ndarray) -> np.ndarray:
    out = np.full(len(names), "", dtype=object)
    has = names != ""
    out[has] = [template.format(name=n) for n in names[has]]
    return out


def _easter_saturdays(years: range) -> np.ndarray:
    return np.array([easter(y) - dt.timedelta(1) for y in years], dtype="datetime64[D]")


def holiday_display_names(state: str, lang: str = "de", years: range | None = None
                          ) -> dict[str, str]:
    """The holidays' German names (the keys the settings keep) with their name in `lang`; by
    default of every year a sales history or a setting may name (2000 to two years ahead)."""
    years = years or range(2000, dt.date.today().year + 3)
    german = holiday_names(state, years)
    shown = holiday_names(state, years, lang=lang)
    return {name: shown.get(day, name) for day, name in german.items()}
