"""The owner's service level per product category and per area (supplier / production area),
kept in the shop file's meta table."""

from __future__ import annotations

from forecasting.store import meta
from forecasting.store.file import Shop


def load_category_levels(shop: Shop) -> dict[str, float]:
    """Category -> service level the owner chose (empty when none)."""
    stored = meta.get_json(shop, meta.Key.SERVICE_LEVELS)
    return {str(k): float(v) for k, v in stored.items()} if isinstance(stored, dict) else {}


def save_category_levels(shop: Shop, levels: dict[str, float], *, category: str,
                         setting: str | None) -> None:
    """Store the levels of all categories (after `category` was set to `setting`, for the log)."""
    with shop.transaction():
        meta.set_json(shop, meta.Key.SERVICE_LEVELS, dict(levels))
        shop.log("policy.category_setting", {"category": category, "setting": setting})


def load_area_levels(shop: Shop) -> dict[str, float]:
    """Area (a product's supplier / production area) -> service level the owner chose."""
    stored = meta.get_json(shop, meta.Key.AREA_SERVICE_LEVELS)
    return {str(k): float(v) for k, v in stored.items()} if isinstance(stored, dict) else {}


def save_area_levels(shop: Shop, levels: dict[str, float], *, area: str,
                     level: float | None) -> None:
    """Store the levels of all areas (after `area` was set to `level`, for the log)."""
    with shop.transaction():
        meta.set_json(shop, meta.Key.AREA_SERVICE_LEVELS, dict(levels))
        shop.log("policy.area_setting", {"area": area, "level": level})
