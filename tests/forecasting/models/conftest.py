"""Small synthetic shops for the model tests (fast: a few products, about 15 months)."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

WEEKDAY = np.array([1.0, 0.9, 0.95, 1.0, 1.15, 1.5, 0.0])  # closed on Sundays


def synthetic_sales(
    days: int = 420,
    levels: tuple[float, ...] = (60.0, 25.0, 8.0),
    start: str = "2025-01-06",
    seed: int = 1,
    sunday_closed: bool = True,
) -> pd.DataFrame:
    """Poisson demand with a weekday pattern; Sundays closed (rows with 0 for every product)."""
    rng = np.random.default_rng(seed)
    dates = pd.date_range(start, periods=days, freq="D")
    factor = WEEKDAY[dates.day_of_week.to_numpy()]
    if not sunday_closed:
        factor = np.where(factor == 0, 0.8, factor)
    frames = []
    for j, level in enumerate(levels):
        qty = rng.poisson(level * factor).astype(float)
        frames.append(pd.DataFrame({"product": f"p{j}", "date": dates, "quantity": qty}))
    return pd.concat(frames, ignore_index=True)


@pytest.fixture(scope="session")
def features_nw():
    """Real calendar features for NW, 2024 .. 2027."""
    from calendars.features import build_features

    return build_features("NW", dt.date(2024, 1, 1), dt.date(2027, 12, 31))


@pytest.fixture(scope="session")
def make_sales():
    """The synthetic sales generator (a function: days, levels, start, seed, sunday_closed)."""
    return synthetic_sales
