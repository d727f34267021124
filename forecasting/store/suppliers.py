"""Suppliers of a shop (customer number, list columns, delivery days, minimum order), by the name
the products give."""

from __future__ import annotations

import datetime as dt
import sqlite3

from forecasting.store.file import Shop
from forecasting.values.suppliers import Supplier


def _from_row(row: sqlite3.Row) -> Supplier:
    dates = tuple(dt.date.fromisoformat(d) for d in row["no_delivery_days"].split(",") if d)
    return Supplier(row["name"], row["customer_number"],
                    tuple(c for c in row["columns"].split(",") if c),
                    delivery_weekdays=tuple(int(c) for c in row["delivery_weekdays"]),
                    lead_time_days=row["lead_time_days"], cutoff=row["cutoff"],
                    no_delivery_days=dates, min_order_value=float(row["min_order_value"]))


def load_suppliers(shop: Shop) -> dict[str, Supplier]:
    """Every supplier the owner described, by name."""
    rows = shop._conn.execute("SELECT * FROM suppliers ORDER BY name")
    return {row["name"]: _from_row(row) for row in rows}


def save_supplier(shop: Shop, supplier: Supplier) -> None:
    """Insert or replace one supplier (inside the caller's transaction or its own)."""
    with shop.transaction() as conn:
        conn.execute(
            "INSERT OR REPLACE INTO suppliers(name, customer_number, columns, delivery_weekdays, "
            "lead_time_days, cutoff, no_delivery_days, min_order_value) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (supplier.name, supplier.customer_number, ",".join(supplier.columns),
             "".join(str(d) for d in sorted(set(supplier.delivery_weekdays))),
             supplier.lead_time_days, supplier.cutoff,
             ",".join(d.isoformat() for d in sorted(set(supplier.no_delivery_days))),
             supplier.min_order_value))
        shop.log("supplier.saved", {"name": supplier.name})
