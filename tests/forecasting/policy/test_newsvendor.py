"""The newsvendor quantity and expected outcomes against closed forms."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats

from forecasting.policy.newsvendor import (
    demand_points,
    newsvendor_quantity,
    outcome,
    quantile_at,
)

LEVELS = np.round(np.linspace(0.005, 0.995, 199), 4)


@pytest.mark.parametrize("cr", [0.3, 0.5, 0.67, 0.8, 0.95])
def test_normal_quantity_matches_closed_form(cr: float) -> None:
    mu, sigma = 120.0, 25.0
    grid = stats.norm.ppf(LEVELS, mu, sigma)
    q = newsvendor_quantity(LEVELS, grid, cr)[0]
    assert q == pytest.approx(mu + sigma * stats.norm.ppf(cr), abs=0.05)


def test_exponential_quantity_matches_closed_form() -> None:
    grid = stats.expon.ppf(LEVELS, scale=40.0)
    for cr in (0.5, 0.75, 0.9):
        assert quantile_at(LEVELS, grid, cr)[0] == pytest.approx(-40 * np.log(1 - cr), rel=2e-3)


def test_expected_sales_leftover_and_sellout_match_normal_loss_function() -> None:
    mu, sigma, q = 100.0, 20.0, 115.0
    grid = stats.norm.ppf(LEVELS, mu, sigma)
    z = (q - mu) / sigma
    loss = stats.norm.pdf(z) - z * stats.norm.sf(z)  # E[(Z - z)+]
    o = outcome(LEVELS, grid, q, price=2.0, unit_cost=0.8, salvage_value=0.1)
    assert o.expected_short == pytest.approx(sigma * loss, abs=0.1)
    assert o.expected_sales == pytest.approx(mu - sigma * loss, abs=0.1)
    assert o.expected_leftover == pytest.approx(q - (mu - sigma * loss), abs=0.1)
    assert o.p_sellout == pytest.approx(stats.norm.sf(z), abs=0.005)
    margin = 2.0 * o.expected_sales + 0.1 * o.expected_leftover - 0.8 * q
    assert o.expected_margin == pytest.approx(margin)


def test_margin_is_highest_near_the_critical_ratio() -> None:
    grid = stats.norm.ppf(LEVELS, 80, 15)
    price, cost = 1.0, 0.3
    best = newsvendor_quantity(LEVELS, grid, 0.7)[0]
    at_best = outcome(LEVELS, grid, best, price=price, unit_cost=cost).expected_margin
    for other in (best - 10, best + 10):
        assert outcome(LEVELS, grid, other, price=price, unit_cost=cost).expected_margin < at_best


def test_grid_is_made_monotone_and_non_negative() -> None:
    levels = [0.1, 0.5, 0.9]
    q = quantile_at(levels, [[-3.0, 10.0, 8.0]], [0.9])
    assert q[0] == pytest.approx(10.0)
    pts = demand_points(levels, [[-3.0, 10.0, 8.0]], 100)
    assert (pts >= 0).all()
    assert (np.diff(pts[0]) >= 0).all()


def test_tails_extend_the_end_segments() -> None:
    levels = [0.1, 0.5, 0.9]
    q = quantile_at(levels, [[10.0, 20.0, 30.0]], [0.99])[0]
    assert q == pytest.approx(30.0 + 0.09 * 25.0)
    assert outcome(levels, [[10.0, 20.0, 30.0]], 0.0).p_sellout == 1.0
    assert outcome(levels, [[10.0, 20.0, 30.0]], 0.0).expected_margin is None
