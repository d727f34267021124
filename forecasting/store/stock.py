"""Stock counts of goods that keep: what is on the shelf and what is already ordered, per day.

A count dated d is the stock at the start of day d (counted that morning, or after closing the day
before). The order-up-to suggestion for goods that keep (forecasting/policy/plan.py) uses the
latest count on or before the order day, carried forward over the sales rows recorded since
(`stocks_at`: sold and written off out, delivered in). A count changes the suggestions but not the
forecast: it bumps the shop's stock version (`Shop.plan_version`), not its data version, so the
trained model and the saved forecast are kept.

Table `stock` (product_id, date, on_hand, on_order); one count per product and day.
"""

from __future__ import annotations

import datetime as dt
import math

from forecasting.errors import UserError
from forecasting.store.file import Shop
from forecasting.store.products import product_ids
from forecasting.values.stock import StockCount


def _product_id(shop: Shop, product: str) -> int:
    ids = product_ids(shop)
    if product not in ids:
        raise UserError("stock.unknown_product", name=product, names=", ".join(sorted(ids)))
    return ids[product]


def _checked(value: float, product: str) -> float:
    if not isinstance(value, int | float) or not math.isfinite(value) or value < 0:
        raise UserError("stock.bad_amount", name=product, value=value)
    return float(value)


def save_count(shop: Shop, count: StockCount) -> None:
    """Store (or replace) the count of one product and day; UserError and no change if invalid."""
    product_id = _product_id(shop, count.product)
    on_hand = _checked(count.on_hand, count.product)
    on_order = _checked(count.on_order, count.product)
    with shop.transaction():
        shop._conn.execute(
            "INSERT OR REPLACE INTO stock(product_id, date, on_hand, on_order) VALUES (?, ?, ?, ?)",
            (product_id, count.date.isoformat(), on_hand, on_order),
        )
        shop.log("stock.set", {"product": count.product, "date": count.date.isoformat(),
                               "on_hand": on_hand, "on_order": on_order})


def delete_count(shop: Shop, product: str, day: dt.date) -> bool:
    """Remove the count of one product and day; False when there was none."""
    product_id = _product_id(shop, product)
    with shop.transaction():
        gone = shop._conn.execute("DELETE FROM stock WHERE product_id = ? AND date = ?",
                                 (product_id, day.isoformat())).rowcount
        if gone:
            shop.log("stock.clear", {"product": product, "date": day.isoformat()})
    return bool(gone)


def count_on(shop: Shop, product: str, day: dt.date) -> StockCount | None:
    """The count made for exactly `day`, or None."""
    row = shop._conn.execute(
        """SELECT s.on_hand, s.on_order FROM stock s JOIN products p ON p.id = s.product_id
           WHERE p.name = ? AND s.date = ?""", (product, day.isoformat())).fetchone()
    return None if row is None else StockCount(product, day, float(row[0]), float(row[1]))


def latest_counts(shop: Shop, day: dt.date) -> dict[str, StockCount]:
    """Per product the latest count on or before `day` (products never counted are absent)."""
    rows = shop._conn.execute(
        """SELECT p.name, s.date, s.on_hand, s.on_order FROM stock s
           JOIN products p ON p.id = s.product_id
           WHERE s.date = (SELECT MAX(date) FROM stock t
                           WHERE t.product_id = s.product_id AND t.date <= ?)""",
        (day.isoformat(),),
    ).fetchall()
    return {r[0]: StockCount(r[0], dt.date.fromisoformat(r[1]), float(r[2]), float(r[3]))
            for r in rows}


def counted_product_ids(shop: Shop) -> set[int]:
    """Ids of the products with at least one count (they are planned with their stock)."""
    return {r[0] for r in shop._conn.execute("SELECT DISTINCT product_id FROM stock")}
