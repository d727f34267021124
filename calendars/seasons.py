"""Weekday and time-of-year columns: the regular rhythm every other feature is measured against."""

from __future__ import annotations

import numpy as np

from calendars.days import weekday
from calendars.labels import Label, words
from calendars.parts import Part


def weekday_part(days: np.ndarray) -> Part:
    """`weekday` (Monday = 0 .. Sunday = 6)."""
    part = Part()
    part.add("weekday", weekday(days).astype(np.int8), Label(*words("weekday"), "weekday"))
    return part


def season_part(days: np.ndarray) -> Part:
    """Smooth yearly terms (two harmonics of the day of year) and the month."""
    years = days.astype("datetime64[Y]")
    day_of_year = (days - years.astype("datetime64[D]")).astype("int64")  # 0-based
    next_years = (years + 1).astype("datetime64[D]")
    year_length = (next_years - years.astype("datetime64[D]")).astype("int64")
    angle = 2 * np.pi * day_of_year / year_length
    part = Part()
    label = words("time of year")
    for k in (1, 2):
        part.add(f"season_sin{k}", np.sin(k * angle), Label(*label, "season"))
        part.add(f"season_cos{k}", np.cos(k * angle), Label(*label, "season"))
    month = days.astype("datetime64[M]").astype("int64") % 12 + 1
    part.add("month", month.astype(np.int8), Label(*words("month"), "season"))
    return part
