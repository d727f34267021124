"""Day-specific words for explanations: calendar names, event names, weather values."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from calendars.features import build_features
from forecasting.policy.day_context import day_params, event_names, feature_names, weather_values

EVENTS = pd.DataFrame({
    "kind": ["town_festival"], "name": ["Altstadtfest"],
    "start_date": [pd.Timestamp("2026-06-05")], "end_date": [pd.Timestamp("2026-06-06")],
    "strength": [1.0], "source": ["test"], "uid": [None],
})
WEATHER = pd.DataFrame({
    "date": pd.to_datetime(["2026-06-04", "2026-06-04"]), "kind": ["forecast", "observation"],
    "temperature": [18.0, 19.0], "temperature_max": [25.0, 27.0], "precipitation": [4.0, 0.0],
    "sunshine": [3.0, 11.0], "source": ["t", "t"],
})


def test_calendar_names_by_group() -> None:
    ft = build_features("BY", dt.date(2026, 5, 25), dt.date(2026, 6, 10), events=EVENTS)
    eve = feature_names(ft, dt.date(2026, 6, 3))
    assert eve["holiday"]["de"] == "Tag vor Fronleichnam"
    day = feature_names(ft, dt.date(2026, 6, 4))
    assert day["holiday"] == {"de": "Fronleichnam", "en": "Corpus Christi"}
    assert "school_holiday" in day
    assert feature_names(ft, dt.date(2026, 6, 5))["event_town_festival"]["de"] == "Altstadtfest"
    assert feature_names(None, dt.date(2026, 6, 5)) == {}


def test_event_and_weather_values() -> None:
    assert event_names(EVENTS, dt.date(2026, 6, 6)) == {
        "event_town_festival": {"de": "Altstadtfest", "en": "Altstadtfest"}}
    assert event_names(EVENTS, dt.date(2026, 6, 7)) == {}
    values = weather_values(WEATHER, dt.date(2026, 6, 4))
    assert values == {"weather_temperature": 27.0, "weather_rain": 0.0, "weather_sunshine": 11.0}


def test_day_params_carry_weekday_and_sellouts() -> None:
    params = day_params(dt.date(2026, 6, 6), events=EVENTS, weather=WEATHER, sellouts=2)
    assert params["baseline"] == {"weekday": 5}
    assert params["sellouts"] == {"count": 2}
    assert params["event_town_festival"]["names"]["de"] == "Altstadtfest"


def test_a_day_without_weather_forecast_says_typical_weather_was_assumed() -> None:
    from forecasting.policy.explain_text import step_label
    from forecasting.policy.explanation import Step

    days = pd.date_range("2024-01-01", "2026-06-30")
    history = pd.DataFrame({"date": days, "kind": "observation",
                            "temperature_max": 15 + 10 * np.sin((days.day_of_year - 100) / 58),
                            "precipitation": 1.0})
    ft = build_features("NW", dt.date(2026, 6, 1), dt.date(2026, 7, 10), weather=history)
    known = day_params(dt.date(2026, 6, 20), features=ft, weather=history)
    assert "typical" not in known.get("weather_temperature", {})
    assumed = day_params(dt.date(2026, 7, 8), features=ft, weather=history)
    assert assumed["weather_temperature"]["typical"]
    label = step_label(Step("weather_temperature", assumed["weather_temperature"], 3.0), "de")
    assert label.endswith("typisches Wetter angenommen")
    assert "°C" in label
    assert step_label(Step("weather_typical", assumed["weather_typical"], 1.0), "en") == (
        "typical weather assumed")


def test_the_occasion_step_names_the_occasion() -> None:
    from forecasting.policy.explain_text import step_label
    from forecasting.policy.explanation import Step

    ft = build_features("NW", dt.date(2024, 1, 1), dt.date(2026, 1, 10))
    eve = day_params(dt.date(2025, 12, 31), features=ft)
    assert eve["occasion"]["names"]["de"] == "Silvester"
    assert step_label(Step("occasion", eve["occasion"], 12.0), "de") == "wie zuletzt: Silvester"
    assert step_label(Step("occasion", eve["occasion"], 12.0), "en").startswith("as last time: ")
    assert "occasion" not in day_params(dt.date(2025, 11, 12), features=ft)
    first_time = build_features("NW", dt.date(2025, 6, 1), dt.date(2026, 1, 10))
    assert "occasion" not in day_params(dt.date(2025, 12, 31), features=first_time)
