"""How sure the owner wants to be not to sell out: from prices and costs, or from a plain setting.

The critical ratio (price - cost) / (price - salvage) is the share of days on which the last unit
baked still pays for itself; it is the service level that maximises the expected margin.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from forecasting.values.products import Product

#: Below / above these the economics are not believable (missing costs, typo); we clip.
MIN_LEVEL = 0.3
MAX_LEVEL = 0.98
#: When prices or costs are missing and the owner set nothing.
DEFAULT_LEVEL = 0.8

#: The owner's plain settings, from "rather sold out than leftovers" to "never sold out".
SERVICE_SETTINGS: dict[str, float] = {
    "sellout_ok": 0.5,
    "few_leftovers": 0.65,
    "balanced": 0.8,
    "rarely_sold_out": 0.9,
    "never_sold_out": 0.97,
}


@dataclasses.dataclass(frozen=True)
class ServiceLevel:
    """A target probability of not selling out and where it comes from.

    source: "product" (owner's setting for the product), "category" (owner's setting for the
    category), "area" (owner's setting for the supplier / production area), "economics"
    (critical ratio from price, cost, salvage) or "default" (no prices).
    """

    level: float
    source: str
    setting: str | None = None


def critical_ratio(price: float, unit_cost: float, salvage_value: float = 0.0) -> float | None:
    """(price - cost) / (price - salvage), or None when the numbers do not make sense."""
    if price <= 0 or unit_cost <= 0 or unit_cost >= price or salvage_value >= unit_cost:
        return None
    return (price - unit_cost) / (price - salvage_value)


def clip_level(level: float) -> float:
    """Keep a service level inside the range the forecasts can back."""
    return min(MAX_LEVEL, max(MIN_LEVEL, float(level)))


def nearest_setting(level: float) -> str:
    """The plain setting closest to a numeric level (to show the owner's choice in words)."""
    return min(SERVICE_SETTINGS, key=lambda name: abs(SERVICE_SETTINGS[name] - level))


def setting_level(setting: str) -> float:
    """The level behind a plain setting; raises KeyError for an unknown one."""
    return SERVICE_SETTINGS[setting]


def service_level(
    product: Product, category_levels: Mapping[str, float] | None = None,
    area_levels: Mapping[str, float] | None = None,
) -> ServiceLevel:
    """The level for a product: product override, then category, then area, then economics."""
    if product.service_level is not None:
        level = clip_level(product.service_level)
        return ServiceLevel(level, "product", nearest_setting(level))
    if category_levels and product.category in category_levels:
        level = clip_level(category_levels[product.category])
        return ServiceLevel(level, "category", nearest_setting(level))
    if area_levels and product.supplier in area_levels:
        level = clip_level(area_levels[product.supplier])
        return ServiceLevel(level, "area", nearest_setting(level))
    return economic_level(product)


def economic_level(product: Product) -> ServiceLevel:
    """The level from price, cost and salvage value alone (the default without owner settings)."""
    ratio = critical_ratio(product.price, product.unit_cost, product.salvage_value)
    if ratio is None:
        return ServiceLevel(DEFAULT_LEVEL, "default")
    return ServiceLevel(clip_level(ratio), "economics")


def unit_costs(level: float) -> tuple[float, float]:
    """Costs (short, leftover) per unit whose newsvendor answer is `level`; they sum to 1.

    Used to judge rounding and minimum orders by the owner's own level, even when the level is a
    plain setting rather than prices.
    """
    return level, 1.0 - level


def stock_service_level(
    product: Product, cycle_days: int, category_levels: Mapping[str, float] | None = None,
    area_levels: Mapping[str, float] | None = None,
) -> ServiceLevel:
    """The level for goods that keep: a unit left at the end of a delivery cycle is not lost.

    It sells later unless it expires first; its cost is the share of its shelf life one cycle
    uses up, times (cost - salvage). The owner's settings win as for fresh goods.
    """
    base = service_level(product, category_levels, area_levels)
    if base.source != "economics":
        return base
    risk = min(1.0, max(1, cycle_days) / max(1, product.shelf_life_days))
    margin = product.price - product.unit_cost
    over = (product.unit_cost - product.salvage_value) * risk
    return ServiceLevel(clip_level(margin / (margin + over)), "economics")
