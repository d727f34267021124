"""Order lines from plain inputs: faithful explanations, overrides, zero lines."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from scipy import stats

from forecasting.policy.economics import ServiceLevel, service_level
from forecasting.policy.lines import newsvendor_line, stocked_line, zero_line
from forecasting.policy.order_up_to import delivery_schedule
from forecasting.values.products import Product

LEVELS = [0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.975, 0.99]
SATURDAY = dt.date(2026, 11, 28)


def _grid(mu: float, sigma: float) -> np.ndarray:
    return stats.norm.ppf(LEVELS, mu, sigma).clip(0)


def _line(price: float, mu: float = 100.0, pack: float = 12.0) -> object:
    product = Product("Brötchen", price=price, unit_cost=0.2, pack_size=pack, supplier="Backstube")
    grid = _grid(mu, 20)
    contribs = [("baseline", 80.0), ("weekday", 12.0), ("weather_rain", -4.0),
                ("other", float(grid[5]) - 88.0)]
    return newsvendor_line(product, SATURDAY, LEVELS, grid, contribs,
                           service=service_level(product), params={"weekday": {"weekday": 5}})


def test_newsvendor_line_numbers_and_faithful_steps() -> None:
    line = _line(0.6)
    assert line.forecast == pytest.approx(100.0, abs=0.01)
    assert line.suggestion % 12 == 0
    assert sum(s.amount for s in line.explanation.steps) == pytest.approx(line.suggestion)
    assert sum(s.amount for s in line.explanation.forecast_steps) == pytest.approx(line.forecast)
    codes = [s.code for s in line.explanation.steps]
    assert codes[0] == "baseline"
    assert codes[-2:] == ["safety", "rounding"]
    assert line.outcome.quantity == line.suggestion
    assert 0 < line.outcome.p_sellout < 1


def test_higher_margin_never_lowers_the_suggestion() -> None:
    for mu in (7.0, 40.0, 100.0, 333.0):
        for pack in (1.0, 6.0, 12.0):
            got = [_line(p, mu, pack).suggestion for p in (0.25, 0.3, 0.4, 0.6, 1.0, 2.0, 5.0)]
            assert got == sorted(got), (mu, pack, got)


def test_override_is_evaluated() -> None:
    line = _line(0.6)
    more = line.at(line.suggestion + 24)
    assert more.p_sellout < line.outcome.p_sellout
    assert more.expected_leftover > line.outcome.expected_leftover


def test_missing_contributions_give_a_single_baseline() -> None:
    product = Product("Brot", price=3.0, unit_cost=1.0)
    line = newsvendor_line(product, SATURDAY, LEVELS, _grid(30, 5), [],
                           service=ServiceLevel(0.8, "default"))
    assert [s.code for s in line.explanation.forecast_steps] == ["baseline"]


def test_zero_line() -> None:
    line = zero_line(Product("Zopf"), SATURDAY, "closed", reason="Betriebsferien")
    assert (line.suggestion, line.status, line.at(5)) == (0.0, "closed", None)


def test_stocked_line_adds_up_and_uses_stock() -> None:
    product = Product("Oliven", unit="kg", price=20.0, unit_cost=8.0, pack_size=0.5,
                      shelf_life_days=10, lead_time_days=1, delivery_weekdays=(1, 4))
    schedule = delivery_schedule(dt.date(2026, 11, 23), lead_time_days=1,
                                 delivery_weekdays=(1, 4), shelf_life_days=10,
                                 is_open=lambda d: d.weekday() < 6)
    n = len(schedule.sales_days)
    grid = np.tile(_grid(3.0, 1.0), (n, 1))
    contribs = [[("baseline", 3.0)] for _ in range(n)]
    kw = {"service": service_level(product)}
    bare = stocked_line(product, schedule, LEVELS, grid, contribs, **kw)
    stocked = stocked_line(product, schedule, LEVELS, grid, contribs, on_hand=4.0, **kw)
    assert stocked.suggestion < bare.suggestion
    for line in (bare, stocked):
        assert line.explanation.decimals == 1
        assert sum(s.amount for s in line.explanation.steps) == pytest.approx(line.suggestion)
        assert (line.suggestion / 0.5).is_integer()
    flush = stocked_line(product, schedule, LEVELS, grid, contribs, on_hand=100.0, **kw)
    assert flush.suggestion == 0.0
    assert "stock_covers" in [s.code for s in flush.explanation.steps]
