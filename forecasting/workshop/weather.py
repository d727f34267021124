"""The weather a workshop day shows: what the shop knew that evening, said honestly.

The shop file keeps per day at most one forecast and one observation (forecasting/store/
calendar.py). A day shows its stored forecast when there is one (kind "forecast"); otherwise the
observation, marked as observed (kind "observation"), so a participant is never shown what was
measured afterwards as if it had been forecast. Days without either show no weather (kind "").
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

FORECAST, OBSERVATION = "forecast", "observation"
#: the scenario calendar's weather columns (after date, labels_de, labels_en)
WEATHER_COLUMNS = ("weather_kind", "temperature_max", "precipitation")


def shown_weather(rows: pd.DataFrame, first: dt.date, last: dt.date) -> pd.DataFrame:
    """date, weather_kind, temperature_max, precipitation for each day from `first` to `last`
    (WEATHER rows as load_weather gives them): the forecast where stored, else the observation."""
    days = pd.date_range(first, last, freq="D")
    out = pd.DataFrame({"date": days, "weather_kind": "", "temperature_max": np.nan,
                        "precipitation": np.nan})
    if rows is None or rows.empty:
        return out
    frame = rows.assign(date=pd.to_datetime(rows["date"]).dt.normalize())
    frame = frame[frame["kind"].isin([FORECAST, OBSERVATION])]
    frame = frame[frame["temperature_max"].notna() | frame["precipitation"].notna()]
    rank = np.where(frame["kind"] == FORECAST, 0, 1)
    best = (frame.assign(_rank=rank).sort_values(["date", "_rank"])
            .drop_duplicates("date", keep="first").set_index("date").reindex(days))
    out["weather_kind"] = best["kind"].fillna("").astype(str).to_numpy()
    out["temperature_max"] = best["temperature_max"].to_numpy(dtype=float)
    out["precipitation"] = best["precipitation"].to_numpy(dtype=float)
    return out


def weather_of(calendar: pd.DataFrame, day: dt.date) -> tuple[str, float | None, float | None]:
    """(kind, maximum °C, rain mm) a scenario shows for `day`; kind "" for none (also for
    scenario files made before the weather was kept)."""
    if "weather_kind" not in calendar:
        return "", None, None
    row = calendar[pd.to_datetime(calendar["date"]) == pd.Timestamp(day)]
    if row.empty:
        return "", None, None
    kind = str(row.iloc[0]["weather_kind"] or "")

    def value(column: str) -> float | None:
        number = pd.to_numeric(row.iloc[0].get(column), errors="coerce")
        return None if pd.isna(number) else float(number)

    return (kind, value("temperature_max"), value("precipitation")) if kind else ("", None, None)


def weather_counts(calendar: pd.DataFrame, days: list[dt.date]) -> dict[str, int]:
    """How many of `days` show a forecast, only the observation, or no weather (what `workshop
    create` tells the trainer, so the room can be told what it sees)."""
    kinds = [weather_of(calendar, d)[0] for d in days]
    return {"forecast": kinds.count(FORECAST), "observed": kinds.count(OBSERVATION),
            "none": kinds.count("")}
