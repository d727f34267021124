"""Pack sizes and minimum orders, judged by the owner's service level."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats

from forecasting.policy.newsvendor import demand_points
from forecasting.policy.rounding import round_quantities, round_quantity

LEVELS = np.linspace(0.01, 0.99, 99)


def _points(mu: float, sigma: float) -> np.ndarray:
    return demand_points(LEVELS, stats.norm.ppf(LEVELS, mu, sigma))


def test_result_is_a_whole_number_of_packs_next_to_the_raw_quantity() -> None:
    pts = _points(100, 20)
    for raw in (95.2, 100.0, 107.9, 113.5):
        r = round_quantity(pts, raw, pack_size=12, min_order=0, level=0.8)
        assert r.quantity % 12 == 0
        assert abs(r.quantity - raw) < 12
        assert r.rule == "rounding"


def test_exact_multiple_is_kept() -> None:
    r = round_quantity(_points(100, 20), 108.0, pack_size=12, min_order=0, level=0.8)
    assert r.quantity == 108.0


def test_high_level_rounds_up_low_level_rounds_down() -> None:
    pts = _points(100, 20)
    assert round_quantity(pts, 102.0, pack_size=12, min_order=0, level=0.97).quantity == 108.0
    assert round_quantity(pts, 106.0, pack_size=12, min_order=0, level=0.3).quantity == 96.0


def test_pieces_are_rounded_to_whole_units() -> None:
    r = round_quantity(_points(30, 5), 31.4, pack_size=1, min_order=0, level=0.8)
    assert r.quantity in (31.0, 32.0)


def test_minimum_order_lifts_or_drops_small_quantities() -> None:
    up = round_quantity(_points(8, 2), 9.0, pack_size=1, min_order=10, level=0.9)
    assert (up.quantity, up.rule) == (10.0, "min_order")
    down = round_quantity(_points(1, 0.5), 1.5, pack_size=1, min_order=20, level=0.5)
    assert (down.quantity, down.rule) == (0.0, "below_min_order")


def test_zero_need_orders_nothing() -> None:
    assert round_quantity(_points(5, 1), 0.0, pack_size=6, min_order=0, level=0.9).quantity == 0


def test_rounding_is_monotone_in_the_level() -> None:
    pts = np.repeat(_points(100, 20), 40, axis=0)
    levels = np.linspace(0.3, 0.98, 40)
    raw = stats.norm.ppf(levels, 100, 20)
    q, _ = round_quantities(pts, raw, pack_size=10, min_order=0, level=levels)
    assert (np.diff(q) >= 0).all()


def test_rounding_keeps_the_service_level_on_average() -> None:
    rng = np.random.default_rng(1)
    mus = rng.uniform(20, 200, 300)
    pts = np.vstack([_points(m, 0.25 * m) for m in mus])
    raw = stats.norm.ppf(0.8, mus, 0.25 * mus)
    q, _ = round_quantities(pts, raw, pack_size=12, min_order=0, level=0.8)
    met = stats.norm.cdf(q, mus, 0.25 * mus).mean()
    assert met == pytest.approx(0.8, abs=0.04)
