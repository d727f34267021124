"""Service levels from prices and costs, and the owner's plain settings."""

from __future__ import annotations

import pytest

from forecasting.policy.economics import (
    DEFAULT_LEVEL,
    MAX_LEVEL,
    SERVICE_SETTINGS,
    critical_ratio,
    nearest_setting,
    service_level,
    stock_service_level,
)
from forecasting.values.products import Product


def test_critical_ratio_formula() -> None:
    assert critical_ratio(3.0, 1.0, 0.0) == pytest.approx(2 / 3)
    assert critical_ratio(3.0, 1.0, 0.5) == pytest.approx(2.0 / 2.5)


@pytest.mark.parametrize(("price", "cost", "salvage"), [(0, 1, 0), (1, 0, 0), (1, 2, 0), (2, 1, 1)])
def test_critical_ratio_refuses_nonsense(price: float, cost: float, salvage: float) -> None:
    assert critical_ratio(price, cost, salvage) is None


def test_level_source_order_product_category_economics_default() -> None:
    p = Product("Brot", category="Brot", price=4.0, unit_cost=1.0)
    assert service_level(p).source == "economics"
    assert service_level(p).level == pytest.approx(0.75)
    cat = service_level(p, {"Brot": SERVICE_SETTINGS["sellout_ok"]})
    assert (cat.source, cat.level, cat.setting) == ("category", 0.5, "sellout_ok")
    p.service_level = SERVICE_SETTINGS["never_sold_out"]
    own = service_level(p, {"Brot": 0.5})
    assert (own.source, own.setting) == ("product", "never_sold_out")
    assert service_level(Product("Neu")).level == DEFAULT_LEVEL


def test_levels_are_clipped_and_settings_ordered() -> None:
    assert service_level(Product("x", price=100, unit_cost=0.01)).level == MAX_LEVEL
    levels = list(SERVICE_SETTINGS.values())
    assert levels == sorted(levels)
    assert nearest_setting(0.82) == "balanced"


def test_higher_price_never_lowers_the_level() -> None:
    prices = [1.2, 1.5, 2.0, 3.0, 5.0, 10.0]
    levels = [service_level(Product("x", price=p, unit_cost=1.0)).level for p in prices]
    assert levels == sorted(levels)


def test_goods_that_keep_risk_only_part_of_their_cost() -> None:
    cheese = Product("Bergkäse", price=5.5, unit_cost=3.1, shelf_life_days=10)
    fresh = service_level(cheese).level
    assert fresh == pytest.approx(2.4 / 5.5)
    kept = stock_service_level(cheese, cycle_days=3)
    assert kept.level == pytest.approx(2.4 / (2.4 + 3.1 * 0.3))
    assert stock_service_level(cheese, cycle_days=20).level == pytest.approx(fresh)
    cheese.service_level = 0.5
    assert stock_service_level(cheese, cycle_days=3).level == 0.5
