"""Typical weather for a day of the year from the shop's own history, and the weather columns.

The normal is the mean of all observations within +-15 days of the day of year (over all years),
so one year of history already gives a smooth curve. Days without an observation or forecast get
the normal and `weather_is_typical = 1`; explanations then say "typical weather assumed".
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from calendars.labels import Label, words
from calendars.parts import Part
from calendars.weather_files import VALUE_COLUMNS

WINDOW = 15  # days either side of the day of year
GROUPS = {
    "temperature": (*words("temperature (mean)"), "weather_temperature"),
    "temperature_max": (*words("maximum temperature"), "weather_temperature"),
    "precipitation": (*words("precipitation"), "weather_rain"),
    "sunshine": (*words("sunshine hours"), "weather_sunshine"),
}
TYPICAL_LABEL = Label(*words("typical weather assumed"), "weather_typical")


def climate_normal(weather: pd.DataFrame) -> pd.DataFrame:
    """Per day of year (1..366, index "day_of_year") the smoothed mean of each weather value."""
    obs = weather[weather["kind"] == "observation"] if "kind" in weather else weather
    doy = _day_of_year(pd.DatetimeIndex(obs["date"]))
    out = pd.DataFrame(index=pd.RangeIndex(1, 367, name="day_of_year"))
    for column in VALUE_COLUMNS:
        values = obs[column].to_numpy(dtype=float) if column in obs else np.full(len(obs), np.nan)
        has = ~np.isnan(values)
        sums = np.bincount(doy[has], weights=values[has], minlength=367)[1:]
        counts = np.bincount(doy[has], minlength=367)[1:].astype(float)
        total = _circular_window_sum(sums)
        n = _circular_window_sum(counts)
        out[column] = np.divide(total, n, out=np.full(366, np.nan), where=n > 0)
    return out


def _circular_window_sum(values: np.ndarray) -> np.ndarray:
    wrapped = np.r_[values[-WINDOW:], values, values[:WINDOW]]
    return np.convolve(wrapped, np.ones(2 * WINDOW + 1), mode="valid")


def weather_part(days: np.ndarray, weather: pd.DataFrame, fill_typical: bool = True) -> Part:
    """Weather columns for `days`: observation, else forecast, else the climatological normal."""
    index = pd.DatetimeIndex(days.astype("datetime64[ns]"))
    frame = weather.copy()
    frame["date"] = pd.to_datetime(frame["date"]).dt.normalize()
    kinds = frame["kind"] if "kind" in frame else pd.Series("observation", index=frame.index)
    frame["_rank"] = np.where(kinds == "observation", 0, 1)
    best = frame.sort_values(["date", "_rank"]).drop_duplicates("date", keep="first")
    best = best.set_index("date").reindex(index)
    for column in VALUE_COLUMNS:
        if column not in best:
            best[column] = np.nan
    known = best["temperature"].notna() | best["temperature_max"].notna()
    known |= best["precipitation"].notna()
    part = Part()
    normal = climate_normal(frame) if fill_typical else None
    doy = _day_of_year(index)
    for column in VALUE_COLUMNS:
        values = best[column].to_numpy(dtype=float)
        if normal is not None:
            typical = normal[column].to_numpy()[doy - 1]
            values = np.where(np.isnan(values), typical, values)
        part.add(column, values, Label(*GROUPS[column]))
    typical_flag = (~known).to_numpy()
    part.add("weather_is_typical", typical_flag.astype(np.int8), TYPICAL_LABEL)
    part.note(typical_flag, TYPICAL_LABEL.de, TYPICAL_LABEL.en)
    return part


def _day_of_year(index: pd.DatetimeIndex) -> np.ndarray:
    """1..366 with 29 Feb = 60 and 1 March = 61 in every year, so seasons line up across years."""
    doy = index.day_of_year.to_numpy()
    shift = (~index.is_leap_year) & (index.month > 2)
    return np.asarray(doy + shift.astype(int), dtype=np.int64)
