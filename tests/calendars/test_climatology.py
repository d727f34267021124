"""Climatological normal from the shop's own history and the typical-weather flag."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from calendars.climatology import climate_normal, weather_part
from calendars.days import day_range


def _history() -> pd.DataFrame:
    dates = pd.date_range("2021-01-01", "2023-12-31")
    angle = 2 * np.pi * (dates.day_of_year.to_numpy() - 15) / 365.25
    return pd.DataFrame({
        "date": dates,
        "kind": "observation",
        "temperature": 9.0 - 8.0 * np.cos(angle),
        "temperature_max": 13.0 - 9.0 * np.cos(angle),
        "precipitation": 2.0,
        "sunshine": np.nan,
        "source": "test",
    })


def test_normal_follows_the_seasons() -> None:
    normal = climate_normal(_history())
    assert normal.loc[15, "temperature"] == pytest.approx(1.0, abs=0.5)
    assert normal.loc[197, "temperature"] == pytest.approx(17.0, abs=0.5)
    assert normal["precipitation"].eq(2.0).all()
    assert normal["sunshine"].isna().all()


def test_missing_days_get_the_normal_and_the_flag() -> None:
    history = _history()
    forecast = pd.DataFrame({"date": [pd.Timestamp("2024-01-02")], "kind": ["forecast"],
                             "temperature": [5.0], "temperature_max": [7.0],
                             "precipitation": [0.0], "sunshine": [np.nan], "source": ["x"]})
    weather = pd.concat([history, forecast], ignore_index=True)
    days = day_range(pd.Timestamp("2023-12-31").date(), pd.Timestamp("2024-01-04").date())
    part = weather_part(days, weather)
    assert part.columns["weather_is_typical"].tolist() == [0, 1, 0, 1, 1]
    assert part.columns["temperature"][2] == 5.0
    assert part.columns["temperature"][3] == pytest.approx(1.0, abs=0.6)
    assert np.isnan(part.columns["sunshine"]).all()  # never observed: stays unknown
    assert part.notes[0].en == "typical weather assumed"
    assert part.labels["precipitation"].group == "weather_rain"


def test_observation_wins_over_forecast() -> None:
    rows = pd.DataFrame({"date": pd.to_datetime(["2024-05-01", "2024-05-01"]),
                         "kind": ["forecast", "observation"], "temperature": [20.0, 14.0],
                         "temperature_max": [25.0, 18.0], "precipitation": [0.0, 3.0],
                         "sunshine": [10.0, 2.0], "source": ["f", "o"]})
    part = weather_part(day_range(pd.Timestamp("2024-05-01").date(),
                                  pd.Timestamp("2024-05-01").date()), rows)
    assert part.columns["temperature"].tolist() == [14.0]
    assert part.columns["weather_is_typical"].tolist() == [0]
