"""The association bound uses only the past for a product's level, and knowing the world's effects
it comes close to the floor (the true demand distribution's own quantile)."""

from __future__ import annotations

import datetime as dt
import importlib
import sys
from pathlib import Path

import numpy as np
import pytest

from forecasting.demo.association import MemberShop, simulate_member

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"
END = dt.date(2025, 1, 1)
START = END - dt.timedelta(weeks=13)


@pytest.fixture(scope="module")
def bound():
    sys.path.insert(0, str(BENCHMARKS))
    module = importlib.import_module("association_bound")
    yield module
    sys.modules.pop("association_bound", None)
    sys.modules.pop("association", None)
    sys.path.remove(str(BENCHMARKS))


@pytest.fixture(scope="module")
def member():
    """A new deli of 8 weeks before the 13 scored weeks (as d6 of the benchmark)."""
    return simulate_member(MemberShop("d6", "deli", "NI", 1.1, 4, 1, 8 + 13, 26), END)


def test_the_bound_comes_close_to_the_floor(bound, member) -> None:
    told = bound.score(member, bound.bound_forecast(member, START, END, None))
    per_category = bound.score(member, bound.bound_forecast(member, START, END, None,
                                                            by_category=True))
    blind = bound.score(member, bound.bound_forecast(member, START, END, None,
                                                     unknown="weekday"))
    assert told["rows"] == len(member.demand().query("date >= @START"))
    assert told["floor"] <= told["pinball"] < 1.05 * told["floor"]
    assert told["pinball"] <= per_category["pinball"]  # less known, no better
    assert blind["pinball"] > 1.2 * told["pinball"]  # the weekday matters most


def test_the_level_uses_only_days_before_the_forecast_day(bound, member) -> None:
    day = START + dt.timedelta(days=30)
    before = bound.bound_forecast(member, day, day + dt.timedelta(days=1), 28)
    t = member.history.world.days.get_loc(np.datetime64(day))
    member.history.demand[t:] *= 10  # the day itself and after: unknown at the origin
    try:
        after = bound.bound_forecast(member, day, day + dt.timedelta(days=1), 28)
    finally:
        member.history.demand[t:] /= 10
    assert after["q0.7"].tolist() == before["q0.7"].tolist()
