"""Deli orders: delivery schedule, stock on hand, goods on order, spoilage of older stock."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from scipy import stats

from forecasting.policy.order_up_to import (
    delivery_schedule,
    order_up_to,
    quantile_of,
    window_outcome,
)

LEVELS = np.linspace(0.01, 0.99, 99)
MONDAY = dt.date(2026, 11, 23)


def _open(day: dt.date) -> bool:
    return day.weekday() < 6


def test_schedule_respects_lead_time_and_delivery_weekdays() -> None:
    s = delivery_schedule(MONDAY, lead_time_days=2, delivery_weekdays=(1, 4), shelf_life_days=14,
                          is_open=_open)
    assert s.delivery_day == dt.date(2026, 11, 27)  # Friday: Tuesday is too early
    assert s.next_delivery_day == dt.date(2026, 12, 1)
    assert s.sales_days[0] == MONDAY
    assert s.sales_days[-1] == dt.date(2026, 11, 30)
    assert dt.date(2026, 11, 29) not in s.sales_days  # Sunday closed


def test_short_shelf_life_caps_the_window() -> None:
    s = delivery_schedule(MONDAY, lead_time_days=0, delivery_weekdays=(0,), shelf_life_days=2,
                          is_open=_open)
    assert s.delivery_day == MONDAY
    assert s.sales_days == (MONDAY, MONDAY + dt.timedelta(days=1))


def test_no_delivery_on_a_closed_day() -> None:
    # Saturday's order with a day's lead time, daily deliveries: the shop is closed on Sunday, so
    # the goods come on Monday and Saturday's order covers Saturday and Monday.
    saturday = MONDAY + dt.timedelta(days=5)
    s = delivery_schedule(saturday, lead_time_days=1, delivery_weekdays=tuple(range(7)),
                          shelf_life_days=4, is_open=_open)
    assert s.delivery_day == dt.date(2026, 11, 30)
    assert s.next_delivery_day == dt.date(2026, 12, 1)
    assert s.sales_days == (saturday, dt.date(2026, 11, 30))


def _grid(days: int, mu: float = 10.0, sigma: float = 3.0) -> np.ndarray:
    return np.tile(stats.norm.ppf(LEVELS, mu, sigma), (days, 1))


def test_sum_of_days_at_the_level_minus_stock() -> None:
    grid = _grid(4)
    empty = order_up_to(LEVELS, grid, level=0.9)
    # Four independent N(10, 3) days: N(40, 6).
    assert empty.quantile_total == pytest.approx(40 + 6 * stats.norm.ppf(0.9), abs=0.6)
    assert empty.median_total == pytest.approx(40.0, abs=0.01)
    stocked = order_up_to(LEVELS, grid, level=0.9, on_hand=12, on_order=5)
    assert stocked.raw_quantity == pytest.approx(empty.raw_quantity - 17, abs=0.3)
    assert sum(stocked.parts().values()) + stocked.median_total == pytest.approx(
        stocked.raw_quantity
    )


def test_old_stock_that_expires_first_is_added_back() -> None:
    grid = _grid(5)
    keeps = order_up_to(LEVELS, grid, level=0.8, on_hand=30, old_stock_days=None)
    spoils = order_up_to(LEVELS, grid, level=0.8, on_hand=30, old_stock_days=1)
    assert keeps.spoilage == pytest.approx(0.0, abs=0.5)
    assert spoils.spoilage > 15  # one day sells ~10 of 30
    assert spoils.raw_quantity > keeps.raw_quantity


def test_same_inputs_same_answer() -> None:
    a = order_up_to(LEVELS, _grid(3), level=0.9, on_hand=4)
    b = order_up_to(LEVELS, _grid(3), level=0.9, on_hand=4)
    assert a.raw_quantity == b.raw_quantity


def test_window_outcome_more_stock_sells_out_less() -> None:
    res = order_up_to(LEVELS, _grid(3), level=0.9, on_hand=5)
    low = window_outcome(res, 10, price=5.0, unit_cost=2.0)
    high = window_outcome(res, 30, price=5.0, unit_cost=2.0)
    assert high.p_sellout < low.p_sellout
    assert high.expected_leftover > low.expected_leftover
    assert low.expected_margin is not None


def test_quantile_of_is_numpys_quantile_to_the_last_bit() -> None:
    """shelf_order's quick quantile gives exactly np.quantile's figure (the plan must not move)."""
    rng = np.random.default_rng(21)
    for k in range(3000):
        values = rng.gamma(2.0, 10.0, 2000) * (1000.0, 1.0, 0.001)[k % 3] - (k % 2) * 5.0
        if k % 4 == 0:
            values = np.round(values)  # ties, as whole units
        for level in (0.0, 0.3, 0.5, 0.8, 0.9, 0.97, 1.0, float(rng.uniform(0.3, 0.98))):
            assert quantile_of(values, level) == float(np.quantile(values, level))
    assert quantile_of(np.array([4.0]), 0.8) == 4.0
