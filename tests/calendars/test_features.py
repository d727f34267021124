"""The feature table contract: one numeric row per day, labelled columns, words per day."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from calendars.errors import CalendarError
from calendars.features import build_features
from calendars.options import CalendarOptions

GROUPS = {"weekday", "season", "holiday", "school_holiday", "payday", "special_day",
          "weather_temperature", "weather_rain", "weather_sunshine", "weather_typical"}


def test_contract_one_numeric_row_per_day_with_labels() -> None:
    table = build_features("NW", dt.date(2024, 12, 20), dt.date(2025, 1, 10))
    frame = table.frame
    assert frame.index.name == "date"
    assert list(frame.index) == list(pd.date_range("2024-12-20", "2025-01-10"))
    assert all(pd.api.types.is_numeric_dtype(frame[c]) for c in frame.columns)
    assert not frame.isna().any().any()
    assert set(frame.columns) == set(table.labels)
    groups = {label.group for label in table.labels.values()}
    assert all(g in GROUPS or g.startswith("event_") for g in groups)
    assert "temperature" not in frame.columns  # no weather given: none invented


def test_day_labels_in_both_languages() -> None:
    events = pd.DataFrame({"kind": ["town_festival"], "name": ["Stadtfest"],
                           "start_date": [pd.Timestamp("2025-06-19")],
                           "end_date": [pd.Timestamp("2025-06-22")]})
    table = build_features("NW", dt.date(2025, 6, 18), dt.date(2025, 6, 20), events=events)
    de = table.day_labels("de")
    assert de.iloc[1] == "Fronleichnam; Stadtfest"
    assert de.iloc[2] == "Tag nach Fronleichnam; Brückentag; langes Wochenende; Stadtfest"
    assert table.day_labels("en").iloc[1] == "Corpus Christi; Stadtfest"
    summer = build_features("SH", dt.date(2025, 7, 31), dt.date(2025, 7, 31)).day_labels("de")
    assert summer.iloc[0] == (
        "Sommerferien; Zahltag Gehalt; Zahltag Renten; Zahltag Bürgergeld"
    )


def test_weather_columns_only_with_weather() -> None:
    weather = pd.DataFrame({"date": pd.to_datetime(["2024-06-01", "2025-06-01"]),
                            "kind": "observation", "temperature": [15.0, 17.0],
                            "temperature_max": [20.0, 22.0], "precipitation": [0.0, 2.0],
                            "sunshine": [8.0, 4.0], "source": "t"})
    table = build_features("BE", dt.date(2025, 6, 1), dt.date(2025, 6, 3), weather=weather)
    frame = table.frame
    assert frame["weather_is_typical"].tolist() == [0, 1, 1]
    assert frame["temperature"].iloc[0] == 17.0
    assert frame["temperature"].iloc[1] == pytest.approx(16.0)  # normal of both Junes
    assert table.day_labels("de").iloc[1] == "typisches Wetter angenommen"
    assert table.labels["temperature_max"].group == "weather_temperature"


def test_options_change_the_table() -> None:
    plain = build_features("BE", dt.date(2025, 3, 1), dt.date(2025, 3, 31))
    ramadan = build_features("BE", dt.date(2025, 3, 1), dt.date(2025, 3, 31),
                             options=CalendarOptions(observe_ramadan=True))
    assert plain.frame["ramadan"].sum() == 0
    assert ramadan.frame["ramadan"].sum() == 29
    assert list(plain.frame.columns) == list(ramadan.frame.columns)


def test_bad_input() -> None:
    with pytest.raises(CalendarError, match="state code"):
        build_features("XX", dt.date(2025, 1, 1), dt.date(2025, 1, 2))
    with pytest.raises(CalendarError) as info:
        build_features("NW", dt.date(2025, 1, 2), dt.date(2025, 1, 1))
    assert info.value.code == "calendar.bad_range"


def test_lowercase_state_and_groups() -> None:
    table = build_features("by", dt.date(2025, 12, 24), dt.date(2025, 12, 28))
    assert table.frame["holiday"].tolist() == [0, 1, 1, 0, 0]
    assert table.groups()["weekday"] == ["weekday"]
    assert np.array_equal(table.frame["weekday"].to_numpy(), [2, 3, 4, 5, 6])
