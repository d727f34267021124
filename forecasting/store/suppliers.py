"""Suppliers of a shop (customer number, list columns), by the name the products give."""

from __future__ import annotations

from forecasting.store.file import Shop
from forecasting.values.suppliers import Supplier


def load_suppliers(shop: Shop) -> dict[str, Supplier]:
    """Every supplier the owner described, by name."""
    rows = shop._conn.execute("SELECT name, customer_number, columns FROM suppliers ORDER BY name")
    return {name: Supplier(name, number, tuple(c for c in columns.split(",") if c))
            for name, number, columns in rows}


def save_supplier(shop: Shop, supplier: Supplier) -> None:
    """Insert or replace one supplier (inside the caller's transaction or its own)."""
    with shop.transaction() as conn:
        conn.execute("INSERT OR REPLACE INTO suppliers(name, customer_number, columns) "
                     "VALUES (?, ?, ?)",
                     (supplier.name, supplier.customer_number, ",".join(supplier.columns)))
