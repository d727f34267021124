"""Day arrays shared by the calendar modules: datetime64[D] ranges, weekdays, run positions."""

from __future__ import annotations

import datetime as dt

import numpy as np


def day_range(start: dt.date, end: dt.date) -> np.ndarray:
    """All days start..end inclusive as datetime64[D]."""
    return np.arange(np.datetime64(start, "D"), np.datetime64(end, "D") + 1)


def weekday(days: np.ndarray) -> np.ndarray:
    """Monday = 0 .. Sunday = 6 (1970-01-01 was a Thursday)."""
    return (days.astype("int64") + 3) % 7


def years_of(days: np.ndarray) -> range:
    """The calendar years the days touch."""
    first = int(str(days[0])[:4])
    last = int(str(days[-1])[:4])
    return range(first, last + 1)


def shifted(mask: np.ndarray, by: int, fill: bool | str = False) -> np.ndarray:
    """mask moved forward by `by` days (value of day i-by at i); `fill` where there is none."""
    out = np.full(len(mask), fill, dtype=mask.dtype)
    if by > 0:
        out[by:] = mask[:-by]
    elif by < 0:
        out[:by] = mask[-by:]
    else:
        out[:] = mask
    return out


def run_position(mask: np.ndarray) -> np.ndarray:
    """1, 2, 3, ... along each run of True days, 0 elsewhere."""
    idx = np.arange(len(mask))
    starts = mask & ~shifted(mask, 1)
    last_start = np.maximum.accumulate(np.where(starts, idx, 0))
    return np.where(mask, idx - last_start + 1, 0)


def run_length(mask: np.ndarray) -> np.ndarray:
    """For each True day the length of its run, 0 elsewhere."""
    pos = run_position(mask)
    ends = mask & ~shifted(mask, -1)
    # carry each run's final position backwards over the run
    idx = np.arange(len(mask))
    end_idx = np.where(ends, idx, len(mask))
    next_end = np.minimum.accumulate(end_idx[::-1])[::-1]
    safe = np.clip(next_end, 0, len(mask) - 1)
    return np.where(mask, pos[safe], 0)


def month_day(days: np.ndarray) -> np.ndarray:
    """Month * 100 + day of month: 1224 for 24 December."""
    months = days.astype("datetime64[M]")
    month = months.astype("int64") % 12 + 1
    day = (days - months.astype("datetime64[D]")).astype("int64") + 1
    return month * 100 + day


def as_date(day: np.datetime64) -> dt.date:
    """A datetime64 day as datetime.date."""
    return day.astype("datetime64[D]").item()
