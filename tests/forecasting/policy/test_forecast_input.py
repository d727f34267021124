"""Reading a forecast result by product and day."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from forecasting.policy.forecast_input import ForecastLookup, level_of

DAY = dt.date(2026, 11, 28)


def test_level_names() -> None:
    assert level_of("q0.975") == 0.975
    assert level_of("product") is None
    assert level_of("qx") is None


def test_lookup(make_forecast: Callable[..., object]) -> None:
    fc = ForecastLookup(make_forecast({("Brot", DAY): (20.0, 4.0), ("Neu", DAY): (5.0, 1.0)}))
    assert fc.levels[0] == 0.05
    assert fc.has("Brot", DAY)
    assert not fc.has("Brot", DAY + dt.timedelta(days=1))
    grid = fc.grid("Brot", DAY)
    assert grid[list(fc.levels).index(0.5)] == pytest.approx(20.0)
    assert sum(a for _, a in fc.contributions("Brot", DAY)) == pytest.approx(20.0)
    assert fc.model("Brot") == "test"
    assert fc.notes("Brot") == []
    assert [n.code for n in fc.notes("Neu")] == ["thin_history", "borrowed_from"]
    assert fc.notes("Neu")[1].params == {"category": "Brötchen"}
