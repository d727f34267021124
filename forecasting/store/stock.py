"""Stock counts of goods that keep: what is on the shelf and what is already ordered, per day.

A count dated d is the stock at the start of day d (counted that morning, or after closing the day
before). The order-up-to suggestion for goods that keep (forecasting/policy/plan.py) uses the
latest count on or before the order day, carried forward over the sales rows recorded since
(`stocks_at`: sold and written off out, delivered in). A count changes the suggestions but not the
forecast: it bumps the shop's stock version (`Shop.plan_version`), not its data version, so the
trained model and the saved forecast are kept.

Table `stock` (product_id, date, on_hand, on_order); one count per product and day. Table
`stock_moves` (issue 21): goods receipts (at most one per product and day: what really came) and
write-offs (any number).
"""

from __future__ import annotations

import datetime as dt
import math

from forecasting.errors import UserError
from forecasting.store.file import Shop
from forecasting.store.products import product_ids
from forecasting.values.stock import MOVE_KINDS, StockCount, StockMove


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
    """Ids of the products with at least one count or booked receipt (they are planned with
    their stock)."""
    return {r[0] for r in shop._conn.execute(
        "SELECT product_id FROM stock UNION SELECT product_id FROM stock_moves")}


def save_move(shop: Shop, move: StockMove) -> None:
    """Book a receipt (replacing that day's receipt) or add a write-off; UserError if invalid."""
    product_id = _product_id(shop, move.product)
    quantity = _checked(move.quantity, move.product)
    if move.kind not in MOVE_KINDS:
        raise ValueError(move.kind)
    with shop.transaction():
        if move.kind == "receipt":
            shop._conn.execute(
                "DELETE FROM stock_moves WHERE product_id = ? AND date = ? AND kind = 'receipt'",
                (product_id, move.date.isoformat()))
        shop._conn.execute(
            "INSERT INTO stock_moves(product_id, date, kind, quantity, reason) VALUES (?, ?, ?, ?, ?)",
            (product_id, move.date.isoformat(), move.kind, quantity, move.reason))
        shop.log(f"stock.{move.kind}", {"product": move.product, "date": move.date.isoformat(),
                                         "quantity": quantity, "reason": move.reason})


def delete_move(shop: Shop, move: StockMove) -> bool:
    """Remove one booked move (the newest that matches exactly); False when there is none."""
    product_id = _product_id(shop, move.product)
    with shop.transaction():
        row = shop._conn.execute(
            """SELECT id FROM stock_moves WHERE product_id = ? AND date = ? AND kind = ?
               AND quantity = ? AND reason = ? ORDER BY id DESC LIMIT 1""",
            (product_id, move.date.isoformat(), move.kind, float(move.quantity), move.reason),
        ).fetchone()
        if row is None:
            return False
        shop._conn.execute("DELETE FROM stock_moves WHERE id = ?", (row[0],))
        shop.log(f"stock.{move.kind}_removed", {"product": move.product,
                                                 "date": move.date.isoformat()})
    return True


def receipt_on(shop: Shop, product: str, day: dt.date) -> StockMove | None:
    """The goods receipt booked for `day`, or None."""
    return next((m for m in load_moves(shop, day, day, product) if m.kind == "receipt"), None)


def load_moves(shop: Shop, start: dt.date | None = None, end: dt.date | None = None,
               product: str | None = None) -> list[StockMove]:
    """Receipts and write-offs from `start` to `end` (inclusive), by date."""
    sql = """SELECT p.name, m.date, m.kind, m.quantity, m.reason FROM stock_moves m
             JOIN products p ON p.id = m.product_id WHERE 1 = 1"""
    params: list[str] = []
    if start is not None:
        sql += " AND m.date >= ?"
        params.append(start.isoformat())
    if end is not None:
        sql += " AND m.date <= ?"
        params.append(end.isoformat())
    if product is not None:
        sql += " AND p.name = ?"
        params.append(product)
    rows = shop._conn.execute(sql + " ORDER BY m.date, m.id", params)
    return [StockMove(r[0], dt.date.fromisoformat(r[1]), r[2], float(r[3]), r[4]) for r in rows]
