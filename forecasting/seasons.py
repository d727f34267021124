"""Selling seasons: which products are sold only in the same weeks every year, and when.

The rule (constants below): a week of the year is a product's **season week** when the product
sold in it in at least SEASON_MIN_YEARS different years; short gaps between season weeks (at most
GAP_WEEKS) are closed, and SEASON_MARGIN_WEEKS are added on both sides (a season starts a few
days earlier or later from year to year). The product is **seasonal** when the other weeks, its
**off-season**, are at least MIN_OFF_WEEKS weeks, the shop sold other goods in them in at least
SEASON_MIN_YEARS years, and the product itself sold on at most STRAY_SHARE of its selling days
there (off-season = no sales in those weeks). A stored setting of the owner overrides the rule
(`Product.season`: "year" = sold all year, "MM-DD:MM-DD" = from, to). Weeks are ISO weeks; week
53 counts as week 52.

Kiel's "Saisonbrot" (sold late October to early January 2013-2017) comes out as weeks 42-52 and
1-2; its other products, Würzburg's and the demo shops' are not seasonal.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import numpy as np
import pandas as pd

SEASON_MIN_YEARS = 2
GAP_WEEKS = 2
SEASON_MARGIN_WEEKS = 1
MIN_OFF_WEEKS = 8
STRAY_SHARE = 0.02
#: A seasonal product that sold in the last days before the order day is in season, whatever the
#: weeks say (this year's season began early).
RECENT_SALE_DAYS = 7
WEEKS = 52

#: The owner's settings of `Product.season`: detect (""), sold all year, or a window "MM-DD:MM-DD".
AUTO = ""
ALL_YEAR = "year"
_WINDOW = re.compile(r"^(\d\d)-(\d\d):(\d\d)-(\d\d)$")


@dataclasses.dataclass(frozen=True)
class Season:
    """A product's selling season: the weeks of the year (1..52) it is sold in, or a window of
    calendar days the owner set (first, last as (month, day))."""

    weeks: frozenset[int] = frozenset()
    window: tuple[tuple[int, int], tuple[int, int]] | None = None

    def contains(self, day: dt.date) -> bool:
        """Whether `day` lies in the season."""
        if self.window is not None:
            first, last = self.window
            key = (day.month, day.day)
            return first <= key <= last if first <= last else key >= first or key <= last
        return week_of(day) in self.weeks

    def bounds(self) -> tuple[dt.date, dt.date]:
        """The season's first and last day as dates of a leap year (for the words: "Oktober bis
        Januar"); for weeks, the Monday of the first and the Sunday of the last week in 2024."""
        if self.window is not None:
            (m1, d1), (m2, d2) = self.window
            return dt.date(2024, m1, d1), dt.date(2024, m2, d2)
        runs = _runs(self.weeks)
        start, end = max(runs, key=len)[0], max(runs, key=len)[-1]
        return (dt.date.fromisocalendar(2024, start, 1), dt.date.fromisocalendar(2024, end, 7))


def week_of(day: dt.date | pd.Timestamp) -> int:
    """The ISO week of a day, 53 counted as 52."""
    return min(int(day.isocalendar()[1]), WEEKS)


def parse_setting(text: str) -> str:
    """The stored form of an owner's season setting: "" (auto), "year", or "MM-DD:MM-DD" from
    "auto", "year"/"ganzjährig" or "TT.MM-TT.MM"; ValueError if it is none of these."""
    value = text.strip().lower()
    if value in ("auto", ""):
        return AUTO
    if value in ("year", "ganzjährig", "all"):
        return ALL_YEAR
    match = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.?\s*-\s*(\d{1,2})\.(\d{1,2})\.?", value)
    if match is None:
        raise ValueError(text)
    d1, m1, d2, m2 = (int(g) for g in match.groups())
    try:
        for month, day in ((m1, d1), (m2, d2)):
            dt.date(2024, month, day)  # 31.02 is no day
    except ValueError:
        raise ValueError(text) from None
    return f"{m1:02d}-{d1:02d}:{m2:02d}-{d2:02d}"


def from_setting(setting: str) -> Season | None:
    """The season an owner's stored setting fixes, or None for "detect" and "all year"."""
    match = _WINDOW.match(setting or "")
    if match is None:
        return None
    m1, d1, m2, d2 = (int(g) for g in match.groups())
    return Season(window=((m1, d1), (m2, d2)))


def detect(product_days: pd.DatetimeIndex, open_days: pd.DatetimeIndex) -> Season | None:
    """The product's season from the days it sold on and the days the shop sold anything on, or
    None when it is not seasonal (see the module's rule)."""
    if len(product_days) == 0:
        return None
    year, week = _iso(product_days)
    return _decide(year, week, _year_weeks(*_iso(open_days)))


def seasons_of(sales: pd.DataFrame, before: dt.date) -> dict[str, Season]:
    """Detected seasons of the products in a SALES frame, from the days before `before`."""
    rows = sales[(sales["date"] < pd.Timestamp(before)) & (sales["quantity"] > 0)]
    year, week = _iso(pd.DatetimeIndex(rows["date"]))
    shop = _year_weeks(year, week)
    out = {}
    names = rows["product"].astype(str).to_numpy()
    for name in dict.fromkeys(names):
        mine = names == name
        season = _decide(year[mine], week[mine], shop)
        if season is not None:
            out[name] = season
    return out


def _decide(year: np.ndarray, week: np.ndarray, shop: set[tuple[int, int]]) -> Season | None:
    """The rule, on one product's selling days (ISO year and week of each) and the (year, week)
    pairs the shop sold anything in."""
    sold = _year_weeks(year, week)
    counts = np.zeros(WEEKS + 1, dtype=int)
    for _, w in sold:
        counts[w] += 1
    core = {w for w in range(1, WEEKS + 1) if counts[w] >= SEASON_MIN_YEARS}
    if not core:
        return None
    weeks = _widen(_close_gaps(core))
    off = set(range(1, WEEKS + 1)) - weeks
    if len(off) < MIN_OFF_WEEKS:
        return None
    if len({y for y, w in shop if w in off}) < SEASON_MIN_YEARS:
        return None
    stray = int(np.isin(week, sorted(off)).sum())
    if stray > STRAY_SHARE * len(week):
        return None
    return Season(weeks=frozenset(weeks))


def off_season(season: Season | None, setting: str, day: dt.date,
               last_sold: dt.date | None) -> bool:
    """Whether a product is "nicht im Angebot" on `day`: the owner's window excludes the day, or
    (setting auto) its detected season does and it did not sell in the RECENT_SALE_DAYS before."""
    if setting == ALL_YEAR:
        return False
    fixed = from_setting(setting)
    if fixed is not None:
        return not fixed.contains(day)
    if season is None or season.contains(day):
        return False
    return last_sold is None or (day - last_sold).days > RECENT_SALE_DAYS


def _iso(days: pd.DatetimeIndex) -> tuple[np.ndarray, np.ndarray]:
    """ISO year and week (53 as 52) of each day."""
    iso = days.isocalendar()
    return (iso["year"].to_numpy(dtype=int),
            np.minimum(iso["week"].to_numpy(dtype=int), WEEKS))


def _year_weeks(year: np.ndarray, week: np.ndarray) -> set[tuple[int, int]]:
    return set(zip(year.tolist(), week.tolist(), strict=True))


def _close_gaps(weeks: set[int]) -> set[int]:
    """Weeks with a gap of at most GAP_WEEKS to the next season week (around the year) added."""
    out = set(weeks)
    ordered = sorted(weeks)
    for a, b in zip(ordered, [*ordered[1:], ordered[0] + WEEKS], strict=True):
        if 1 < b - a <= GAP_WEEKS + 1:
            out.update((w - 1) % WEEKS + 1 for w in range(a + 1, b))
    return out


def _widen(weeks: set[int]) -> set[int]:
    out = set(weeks)
    for w in weeks:
        for k in range(1, SEASON_MARGIN_WEEKS + 1):
            out.update({(w - 1 + k) % WEEKS + 1, (w - 1 - k) % WEEKS + 1})
    return out


def _runs(weeks: frozenset[int]) -> list[list[int]]:
    """Consecutive runs of weeks around the year (52 -> 1 continues a run)."""
    if len(weeks) >= WEEKS:
        return [list(range(1, WEEKS + 1))]
    start = next(w for w in range(1, WEEKS + 1) if w in weeks and (w - 2) % WEEKS + 1 not in weeks)
    runs: list[list[int]] = []
    for k in range(WEEKS):
        w = (start - 1 + k) % WEEKS + 1
        if w in weeks:
            if runs and runs[-1][-1] == (w - 2) % WEEKS + 1:
                runs[-1].append(w)
            else:
                runs.append([w])
    return runs
