"""A seeded synthetic daily weather series with a plausible Dortmund or Kiel climate.

Mean temperature = seasonal normal (annual harmonic fitted to DWD 1991-2020 monthly means) plus an
AR(1) anomaly (day-to-day persistence 0.8, wider in winter); rain follows a two-state Markov chain
with gamma-distributed amounts; sunshine depends on day length and whether it rained.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import numpy as np
import pandas as pd


@dataclasses.dataclass(frozen=True)
class Climate:
    """Parameters of a station's climate (°C, mm, probabilities)."""

    mean: float
    amplitude: float
    warmest_day: int
    anomaly_sd: float
    p_wet_after_dry: float
    p_wet_after_wet: float
    rain_scale: float
    latitude: float


CLIMATES = {
    # Dortmund: annual mean 10.6 °C, July 18.9 / January 2.6, ~800 mm on ~180 wet days.
    "dortmund": Climate(10.6, 8.2, 200, 3.0, 0.36, 0.64, 5.7, 51.5),
    # Kiel: annual mean 9.4 °C, July 17.6 / January 1.6, ~760 mm on ~190 wet days.
    "kiel": Climate(9.4, 8.0, 205, 2.8, 0.38, 0.66, 5.1, 54.3),
}


def day_length(latitude: float, day_of_year: np.ndarray) -> np.ndarray:
    """Hours between sunrise and sunset (standard astronomical approximation)."""
    decl = np.radians(23.44) * np.sin(2 * np.pi * (day_of_year - 81) / 365.0)
    cos_h = -np.tan(np.radians(latitude)) * np.tan(decl)
    return 24.0 / np.pi * np.arccos(np.clip(cos_h, -1.0, 1.0))


def synthetic_weather(
    climate: str, start: dt.date, end: dt.date, rng: np.random.Generator
) -> pd.DataFrame:
    """Daily weather from start to end inclusive as a WEATHER frame (kind observation, source demo)."""
    c = CLIMATES[climate]
    dates = pd.date_range(start, end, freq="D")
    n = len(dates)
    doy = dates.day_of_year.to_numpy().astype(float)
    normal = c.mean + c.amplitude * np.cos(2 * np.pi * (doy - c.warmest_day) / 365.25)
    winter = 0.5 * (1 + np.cos(2 * np.pi * (doy - 15) / 365.25))
    sd = c.anomaly_sd * (0.8 + 0.45 * winter)
    phi = 0.8
    shocks = rng.standard_normal(n)
    anomaly = np.empty(n)
    level = shocks[0] * sd[0]
    for i in range(n):
        if i:
            level = phi * level + np.sqrt(1 - phi**2) * sd[i] * shocks[i]
        anomaly[i] = level
    temperature = normal + anomaly

    wet = np.zeros(n, dtype=bool)
    u = rng.random(n)
    for i in range(n):
        p = c.p_wet_after_wet if i and wet[i - 1] else c.p_wet_after_dry
        wet[i] = u[i] < p
    amounts = rng.gamma(0.75, c.rain_scale, n) + 0.1
    precipitation = np.where(wet, np.round(amounts, 1), 0.0)

    daylight = day_length(c.latitude, doy)
    share = np.where(wet, rng.beta(1.2, 5.0, n), rng.beta(3.0, 2.2, n))
    sunshine = np.round(daylight * share, 1)
    temperature_max = temperature + 2.5 + 0.45 * sunshine + rng.normal(0, 0.8, n)
    return pd.DataFrame(
        {
            "date": dates,
            "kind": "observation",
            "temperature": np.round(temperature, 1),
            "temperature_max": np.round(temperature_max, 1),
            "precipitation": precipitation,
            "sunshine": sunshine,
            "source": "demo",
        }
    )
