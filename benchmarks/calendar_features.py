"""How long the daily feature table takes for 10 years of dates (target: under one second).

Run: /tmp/venv/bin/python benchmarks/calendar_features.py
Prints the first (cold: `holidays` builds its year tables) and the best of five warm builds, with
520 weekly market events and nine years of daily weather, plus day_labels; and, as a baseline in
the same process, a plain per-day loop that only asks `holidays` whether each day is a holiday.
"""

from __future__ import annotations

import datetime as dt
import time

import numpy as np
import pandas as pd

from calendars.features import build_features
from calendars.options import CalendarOptions

START, END = dt.date(2016, 1, 1), dt.date(2025, 12, 31)


def _inputs() -> tuple[pd.DataFrame, pd.DataFrame]:
    markets = pd.date_range("2016-01-02", periods=520, freq="7D")
    events = pd.DataFrame({"kind": "weekly_market", "name": "Wochenmarkt",
                           "start_date": markets, "end_date": markets})
    dates = pd.date_range("2016-01-01", "2024-12-31")
    rng = np.random.default_rng(1)
    weather = pd.DataFrame({
        "date": dates, "kind": "observation",
        "temperature": 10 + 8 * np.sin(2 * np.pi * (dates.day_of_year.to_numpy() - 110) / 365),
        "temperature_max": 14 + 9 * np.sin(2 * np.pi * (dates.day_of_year.to_numpy() - 110) / 365),
        "precipitation": rng.gamma(0.6, 3.0, len(dates)),
        "sunshine": rng.uniform(0, 12, len(dates)), "source": "bench",
    })
    return events, weather


def _build(events: pd.DataFrame, weather: pd.DataFrame) -> tuple[float, float, tuple[int, int]]:
    t0 = time.perf_counter()
    table = build_features("NW", START, END, events=events, weather=weather,
                           options=CalendarOptions(observe_ramadan=True))
    t1 = time.perf_counter()
    table.day_labels("de")
    t2 = time.perf_counter()
    return t1 - t0, t2 - t0, table.frame.shape


def _baseline() -> float:
    import holidays

    t0 = time.perf_counter()
    hol = holidays.country_holidays("DE", subdiv="NW", years=range(2016, 2026))
    day = START
    flags = []
    while day <= END:
        flags.append(day in hol)
        day += dt.timedelta(1)
    return time.perf_counter() - t0


def main() -> None:
    events, weather = _inputs()
    cold, cold_labels, shape = _build(events, weather)
    runs = [_build(events, weather) for _ in range(5)]
    warm = min(r[0] for r in runs)
    warm_labels = min(r[1] for r in runs)
    base = _baseline()
    print(f"feature table {shape[0]} days x {shape[1]} columns ({START} .. {END})")
    print(f"cold build: {cold:.3f} s (with day_labels {cold_labels:.3f} s)")
    print(f"warm build: {warm:.3f} s best of 5 (with day_labels {warm_labels:.3f} s)")
    print(f"baseline per-day holiday lookup loop: {base:.3f} s "
          f"(warm build = {warm / base:.1f}x baseline)")
    print("target: under 1 s ->", "OK" if max(cold_labels, warm_labels) < 1.0 else "MISSED")


if __name__ == "__main__":
    main()
