"""Typed-in forecasts and the fetch that only uses the network when asked (tested offline)."""

from __future__ import annotations

import datetime as dt
import math

import pytest

from calendars.errors import CalendarError
from calendars.weather_forecast import (
    RAINY_DAY_MM,
    fetch_forecast,
    manual_forecast,
    parse_open_meteo_json,
)

DAY = dt.date(2026, 7, 3)


@pytest.mark.parametrize(
    ("rain", "mm"), [("ja", RAINY_DAY_MM), ("no", 0.0), (True, RAINY_DAY_MM), ("3,5", 3.5),
                     (None, float("nan"))],
)
def test_manual_forecast_rain(rain: object, mm: float) -> None:
    frame = manual_forecast(DAY, temperature_max=28.0, rain=rain)  # type: ignore[arg-type]
    row = frame.iloc[0]
    assert row["kind"] == "forecast"
    assert row["temperature_max"] == 28.0
    assert (math.isnan(row["precipitation"]) and math.isnan(mm)) or row["precipitation"] == mm


def test_manual_forecast_rejects_nonsense() -> None:
    with pytest.raises(CalendarError) as info:
        manual_forecast(DAY, temperature_max=80.0)
    assert info.value.params["field"] == "temperature_max"
    with pytest.raises(CalendarError, match="rain"):
        manual_forecast(DAY, rain="vielleicht")


def test_fetch_without_connection_says_so() -> None:
    # port 9 (discard) on the loopback: nothing listens, so the connection is refused at once
    with pytest.raises(CalendarError) as info:
        fetch_forecast(54.3, 10.1, base_url="http://127.0.0.1:9/v1/forecast", timeout=2)
    assert info.value.code == "calendar.no_connection"
    assert "127.0.0.1:9" in info.value.message("de")
    assert "typischem Wetter" in info.value.message("de")


def test_parse_open_meteo_answer() -> None:
    payload = {"daily": {"time": ["2026-07-03", "2026-07-04"],
                         "temperature_2m_mean": [19.5, None],
                         "temperature_2m_max": [25.1, 22.0],
                         "precipitation_sum": [0.0, 7.2],
                         "sunshine_duration": [36000, 3600]}}
    frame = parse_open_meteo_json(payload)
    assert frame["sunshine"].tolist() == [10.0, 1.0]
    assert math.isnan(frame["temperature"].iloc[1])
    with pytest.raises(CalendarError, match="usable"):
        parse_open_meteo_json({"hourly": {}})
