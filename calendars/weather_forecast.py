"""Tomorrow's weather: typed in by hand, or fetched from Open-Meteo when the user asks for it.

Nothing here touches the network unless `fetch_forecast` is called; without a connection it
raises CalendarError("calendar.no_connection") and the calendar falls back to typical weather.
"""

from __future__ import annotations

import datetime as dt
import json
import urllib.error
import urllib.parse
import urllib.request

import numpy as np
import pandas as pd

from calendars.errors import CalendarError
from calendars.weather_files import PLAUSIBLE, WEATHER_COLUMNS

OPEN_METEO_URL = "https://api.open-meteo.com/v1/forecast"
RAINY_DAY_MM = 5.0  # precipitation assumed when the owner only says "it will rain"
DAILY = "temperature_2m_mean,temperature_2m_max,precipitation_sum,sunshine_duration"


def manual_forecast(
    day: dt.date,
    temperature_max: float | None = None,
    rain: bool | float | str | None = None,
    temperature: float | None = None,
) -> pd.DataFrame:
    """A one-row WEATHER forecast from the few fields an owner fills in.

    `rain` is yes/no (True/False, "ja"/"nein", "yes"/"no") or millimetres; "yes" without an amount
    counts as RAINY_DAY_MM.
    """
    precipitation = _rain_mm(day, rain)
    row = {
        "date": pd.Timestamp(day),
        "kind": "forecast",
        "temperature": _checked(day, "temperature", temperature),
        "temperature_max": _checked(day, "temperature_max", temperature_max),
        "precipitation": precipitation,
        "sunshine": np.nan,
        "source": "manual",
    }
    return pd.DataFrame([row], columns=WEATHER_COLUMNS)


def _rain_mm(day: dt.date, rain: bool | float | str | None) -> float:
    if rain is None:
        return np.nan
    if isinstance(rain, bool):
        return RAINY_DAY_MM if rain else 0.0
    if isinstance(rain, str):
        word = rain.strip().lower()
        if word in ("ja", "yes", "j", "y"):
            return RAINY_DAY_MM
        if word in ("nein", "no", "n"):
            return 0.0
        try:
            rain = float(word.replace(",", "."))
        except ValueError:
            raise CalendarError("calendar.forecast_bad_input", date=day, field="rain",
                                value=rain) from None
    return _checked(day, "precipitation", float(rain))


def _checked(day: dt.date, field: str, value: float | None) -> float:
    if value is None:
        return np.nan
    low, high = PLAUSIBLE[field]
    if not low <= float(value) <= high:
        raise CalendarError("calendar.forecast_bad_input", date=day, field=field, value=value)
    return float(value)


def fetch_forecast(
    latitude: float,
    longitude: float,
    *,
    days: int = 7,
    base_url: str = OPEN_METEO_URL,
    timeout: float = 10.0,
) -> pd.DataFrame:
    """The daily forecast for the next `days` days from Open-Meteo (network; only on request)."""
    query = urllib.parse.urlencode({
        "latitude": f"{latitude:.4f}",
        "longitude": f"{longitude:.4f}",
        "daily": DAILY,
        "timezone": "Europe/Berlin",
        "forecast_days": int(days),
    })
    host = urllib.parse.urlsplit(base_url).netloc or base_url
    try:
        with urllib.request.urlopen(f"{base_url}?{query}", timeout=timeout) as answer:
            payload = json.loads(answer.read().decode("utf-8"))
    except (urllib.error.URLError, OSError, TimeoutError) as exc:
        raise CalendarError("calendar.no_connection", host=host) from exc
    except ValueError as exc:
        raise CalendarError("calendar.fetch_bad_answer", host=host, reason="JSON") from exc
    return parse_open_meteo_json(payload, host)


def parse_open_meteo_json(payload: dict, host: str = "open-meteo") -> pd.DataFrame:
    """A WEATHER forecast frame from Open-Meteo's daily JSON answer."""
    try:
        daily = payload["daily"]
        frame = pd.DataFrame({
            "date": pd.to_datetime(daily["time"]),
            "kind": "forecast",
            "temperature": pd.to_numeric(pd.Series(daily.get("temperature_2m_mean")),
                                         errors="coerce"),
            "temperature_max": pd.to_numeric(pd.Series(daily["temperature_2m_max"]),
                                             errors="coerce"),
            "precipitation": pd.to_numeric(pd.Series(daily["precipitation_sum"]),
                                           errors="coerce"),
            "sunshine": pd.to_numeric(pd.Series(daily.get("sunshine_duration")),
                                      errors="coerce") / 3600.0,
            "source": "Open-Meteo",
        })
    except (KeyError, TypeError, ValueError) as exc:
        raise CalendarError("calendar.fetch_bad_answer", host=host, reason=str(exc)) from exc
    return frame[WEATHER_COLUMNS]
