"""Weather files people can get: DWD with -999, Open-Meteo, Meteostat, plain CSV, bad input."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from calendars.errors import CalendarError
from calendars.weather_files import WEATHER_COLUMNS, read_weather_file

DWD = "produkt_klima_tag_20240101_20240110_02564.txt"


def test_dwd_file_with_missing_values(data_dir: Path) -> None:
    frame = read_weather_file(data_dir / DWD)
    assert list(frame.columns) == WEATHER_COLUMNS
    assert len(frame) == 7
    jan4, jan5 = frame.iloc[3], frame.iloc[4]
    assert jan4["temperature"] == pytest.approx(5.2)
    assert math.isnan(jan4["sunshine"])  # SDK -999
    assert math.isnan(jan5["temperature"])
    assert math.isnan(jan5["precipitation"])
    assert jan5["temperature_max"] == pytest.approx(4.9)
    assert (frame["kind"] == "observation").all()
    assert frame["source"].iloc[0] == "DWD 2564"
    assert str(frame["date"].iloc[0].date()) == "2024-01-01"


def test_open_meteo_export_with_metadata_lines(data_dir: Path) -> None:
    frame = read_weather_file(data_dir / "open-meteo-54.32N10.14E9m.csv", kind="forecast")
    assert len(frame) == 4
    assert frame["sunshine"].iloc[0] == pytest.approx(10.0)  # 36000 s
    assert frame["precipitation"].iloc[1] == pytest.approx(4.1)
    assert math.isnan(frame["temperature"].iloc[3])
    assert (frame["kind"] == "forecast").all()


def test_meteostat_export(data_dir: Path) -> None:
    frame = read_weather_file(data_dir / "meteostat-10147.csv")
    assert frame["temperature"].tolist() == [5.1, 6.0, 4.2]
    assert frame["temperature_max"].iloc[0] == pytest.approx(7.4)
    assert frame["sunshine"].iloc[0] == pytest.approx(2.0)  # 120 minutes
    assert math.isnan(frame["sunshine"].iloc[1])


def test_plain_german_csv(data_dir: Path) -> None:
    frame = read_weather_file(data_dir / "plain_weather_de.csv")
    assert frame["temperature"].tolist() == [21.5, 19.0, 23.1]
    assert frame["precipitation"].tolist() == [0.0, 12.4, 0.2]
    assert str(frame["date"].iloc[1].date()) == "2024-08-02"


def test_bad_value_names_file_row_and_column(data_dir: Path) -> None:
    with pytest.raises(CalendarError) as info:
        read_weather_file(data_dir / "plain_weather_bad.csv")
    assert info.value.code == "calendar.weather_bad_value"
    assert info.value.params["row"] == 3
    assert info.value.params["column"] == "precipitation"
    assert "Zeile 3" in info.value.message("de")
    assert "viel" in info.value.message("de")


def test_implausible_and_unknown_files(tmp_path: Path) -> None:
    hot = tmp_path / "hot.csv"
    hot.write_text("date,temperature,precipitation\n2024-08-01,21,0\n2024-08-02,71,0\n")
    with pytest.raises(CalendarError) as info:
        read_weather_file(hot)
    assert info.value.code == "calendar.weather_out_of_range"
    assert info.value.params["row"] == 3
    other = tmp_path / "sales.csv"
    other.write_text("Datum,Umsatz\n2024-08-01,100\n")
    with pytest.raises(CalendarError, match="no weather columns"):
        read_weather_file(other)
    with pytest.raises(CalendarError, match="does not exist"):
        read_weather_file(tmp_path / "missing.csv")
