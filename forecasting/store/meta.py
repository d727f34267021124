"""The meta table: the shop file's counters and small settings, each under one typed key."""

from __future__ import annotations

import enum
import json
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from forecasting.store.file import Shop

JsonValue = dict[str, object] | list[object] | str | int | float | bool | None


class Key(enum.StrEnum):
    """Every key the meta table holds."""

    DATA_VERSION = "data_version"  # grows with every change of sales, calendar or settings
    STOCK_VERSION = "stock_version"  # grows with changes of the plan only (stock, order settings)
    SHOP_ID = "shop_id"  # random, names the shop's model cache folder
    CALENDAR_OPTIONS = "calendar.options"  # calendars.options.CalendarOptions as JSON
    SERVICE_LEVELS = "policy.category_service_levels"  # category -> service level, JSON
    AREA_SERVICE_LEVELS = "policy.area_service_levels"  # supplier / area -> service level, JSON
    DEMO_KIND = "demo.kind"  # demo shops only: the generator's kind, end and seed
    DEMO_END = "demo.end"
    DEMO_SEED = "demo.seed"
    ASSOCIATION_PRIOR = "association.prior"  # the association's prior (.bkprior), base64 (issue 18)


def get_text(shop: Shop, key: Key) -> str | None:
    """The stored text of `key`, or None."""
    row = shop._conn.execute("SELECT value FROM meta WHERE key = ?", (key.value,)).fetchone()
    return None if row is None else str(row[0])


def set_text(shop: Shop, key: Key, value: str) -> None:
    """Store `value` under `key` (inside the caller's transaction, or its own)."""
    with shop.transaction() as conn:
        conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key.value, value))


def delete(shop: Shop, key: Key) -> bool:
    """Remove `key`; whether it was there."""
    with shop.transaction() as conn:
        return conn.execute("DELETE FROM meta WHERE key = ?", (key.value,)).rowcount > 0


def get_int(shop: Shop, key: Key) -> int:
    """A counter (0 when never set)."""
    text = get_text(shop, key)
    return int(text) if text is not None else 0


def bump(shop: Shop, key: Key) -> None:
    """Add one to a counter."""
    with shop.transaction() as conn:
        conn.execute(
            """INSERT INTO meta(key, value) VALUES (?, '1') ON CONFLICT(key)
               DO UPDATE SET value = CAST(value AS INTEGER) + 1""", (key.value,))


def get_json(shop: Shop, key: Key) -> JsonValue:
    """The JSON value stored under `key`, or None."""
    text = get_text(shop, key)
    return None if text is None else json.loads(text)  # type: ignore[no-any-return]


def set_json(shop: Shop, key: Key, value: JsonValue) -> None:
    """Store a JSON value under `key`."""
    set_text(shop, key, json.dumps(value, ensure_ascii=False, sort_keys=True))
