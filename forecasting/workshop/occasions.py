"""The occasion of each workshop day, so the debrief can say on which kind of day a participant's
departures from the suggestion paid and on which they cost.

Every day gets exactly one occasion: the first of OCCASIONS whose calendar columns (the
FeatureTable's, forecasting's calendar) or weather mark it. The order is the mapping's point: a
Saturday before a public holiday counts as "holiday", a rainy payday as "weather", so the groups
add up to all overrides. The weather is the weather the participants were shown (the stored
forecast, else the observation, see forecasting/workshop/weather.py): it is what they could act on.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from calendars.features import FeatureTable
from calendars.weather_forecast import RAINY_DAY_MM
from forecasting.workshop.weather import WEATHER_COLUMNS

#: occasion -> the calendar columns (any of them non-zero) that mark it, in order of precedence;
#: "weather" and "weekend" are decided from the weather and the weekday, "normal" is the rest
OCCASIONS: dict[str, tuple[str, ...]] = {
    "holiday": ("holiday", "holiday_eve", "holiday_after", "bridge_day", "long_weekend",
                "christmas_eve", "new_years_eve", "easter_saturday"),
    "event": ("event_weekly_market", "event_town_festival", "event_fair",
              "event_football_home", "event_concert", "event_christmas_market", "st_martin",
              "advent_saturday", "mothers_day", "carnival", "weiberfastnacht", "rosenmontag"),
    "weather": (),
    "school_holiday": ("school_holiday",),
    "payday": ("payday",),
    "weekend": (),
    "normal": (),
}
RAIN_MM = RAINY_DAY_MM  # a rainy day: what the app's "it will rain" counts as
HOT_MAX = 25.0  # the weather service's "Sommertag": maximum 25 °C or more
FROST_MAX = 0.0  # its "Eistag": the maximum stays below 0 °C


def unusual_weather(temperature_max: pd.Series, precipitation: pd.Series) -> np.ndarray:
    """Rain (5 mm or more), heat (25 °C or more) or a day below freezing; unknown is usual."""
    tmax = pd.to_numeric(temperature_max, errors="coerce").to_numpy(dtype=float)
    rain = pd.to_numeric(precipitation, errors="coerce").to_numpy(dtype=float)
    with np.errstate(invalid="ignore"):
        return (rain >= RAIN_MM) | (tmax >= HOT_MAX) | (tmax < FROST_MAX)


def day_occasions(frame: pd.DataFrame, weather: pd.DataFrame | None = None) -> np.ndarray:
    """The occasion of each row of a calendar feature frame (one row per day, DatetimeIndex);
    `weather` (date, temperature_max, precipitation) as shown to the participants, or None."""
    index = pd.DatetimeIndex(frame.index)
    out = np.full(len(frame), "", dtype=object)
    odd = np.zeros(len(frame), dtype=bool)
    if weather is not None and len(weather):
        shown = weather.assign(date=pd.to_datetime(weather["date"])).set_index("date")
        shown = shown.reindex(index)
        odd = unusual_weather(shown["temperature_max"], shown["precipitation"])
    for name, columns in OCCASIONS.items():
        if name == "weather":
            hit = odd
        elif name == "weekend":
            hit = index.day_of_week.to_numpy() >= 5
        elif name == "normal":
            hit = np.ones(len(frame), dtype=bool)
        else:
            present = [c for c in columns if c in frame]
            hit = (frame[present].to_numpy(dtype=float) != 0).any(axis=1) if present \
                else np.zeros(len(frame), dtype=bool)
        out[(out == "") & hit] = name
    return out


def scenario_calendar(features: FeatureTable, first: dt.date, last: dt.date,
                      weather: pd.DataFrame | None = None) -> pd.DataFrame:
    """The scenario's calendar.csv from `first` to `last`: date, labels_de, labels_en, the
    weather shown (`weather` from shown_weather; None: none known) and the day's occasion."""
    de, en = features.day_labels("de"), features.day_labels("en")
    frame = pd.DataFrame({"date": de.index, "labels_de": de.to_numpy(),
                          "labels_en": en.to_numpy()})
    keep = (frame["date"] >= pd.Timestamp(first)) & (frame["date"] <= pd.Timestamp(last))
    frame = frame[keep].reset_index(drop=True)
    if weather is None:
        weather = pd.DataFrame({"date": frame["date"], "weather_kind": "",
                                "temperature_max": np.nan, "precipitation": np.nan})
    shown = weather.assign(date=pd.to_datetime(weather["date"]))[["date", *WEATHER_COLUMNS]]
    frame = frame.merge(shown, on="date", how="left")
    frame["weather_kind"] = frame["weather_kind"].fillna("")
    days = features.frame.loc[pd.DatetimeIndex(frame["date"])]
    frame["occasion"] = day_occasions(days, frame[["date", "temperature_max", "precipitation"]])
    return frame


def occasion_by_day(calendar: pd.DataFrame, days: list[dt.date]) -> dict[str, str]:
    """ISO date -> occasion of each of `days` (what a result file keeps for the report); empty
    for a scenario made before occasions were kept."""
    if "occasion" not in calendar:
        return {}
    known = dict(zip(pd.to_datetime(calendar["date"]).dt.date, calendar["occasion"], strict=True))
    return {d.isoformat(): str(known.get(d) or "normal") for d in days}
