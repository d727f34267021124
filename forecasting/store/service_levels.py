"""The owner's service setting per product category, kept in the shop file's meta table."""

from __future__ import annotations

import json

from forecasting.policy.economics import SERVICE_SETTINGS, clip_level
from forecasting.store.file import Shop

META_KEY = "policy.category_service_levels"


def load_category_levels(shop: Shop) -> dict[str, float]:
    """Category -> service level the owner chose (empty when none)."""
    row = shop.conn.execute("SELECT value FROM meta WHERE key = ?", (META_KEY,)).fetchone()
    return {str(k): float(v) for k, v in json.loads(row[0]).items()} if row else {}


def save_category_setting(shop: Shop, category: str, setting: str | None) -> None:
    """Set a category to a plain setting (see economics.SERVICE_SETTINGS), or None to clear it."""
    levels = load_category_levels(shop)
    if setting is None:
        levels.pop(category, None)
    else:
        levels[category] = clip_level(SERVICE_SETTINGS[setting])
    with shop.transaction() as conn:
        conn.execute(
            "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)",
            (META_KEY, json.dumps(levels, ensure_ascii=False, sort_keys=True)),
        )
        shop.log("policy.category_setting", {"category": category, "setting": setting})
