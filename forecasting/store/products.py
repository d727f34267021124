"""Products of a shop: the economics and logistics the order policy needs, one dataclass per row."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3

from forecasting.errors import ShopFileError
from forecasting.store.file import Shop
from forecasting.store.suppliers import load_suppliers
from forecasting.values.products import Product
from forecasting.values.suppliers import Supplier

_DERIVED = ("id", "no_delivery_days")  # not columns of the products table
_FIELDS = [f.name for f in dataclasses.fields(Product) if f.name not in _DERIVED]


def _to_row(p: Product) -> list[object]:
    row: list[object] = []
    for name in _FIELDS:
        value = getattr(p, name)
        if name == "delivery_weekdays":
            value = "".join(str(d) for d in sorted(set(value)))
        elif isinstance(value, dt.date):
            value = value.isoformat()
        elif isinstance(value, bool):
            value = int(value)
        row.append(value)
    return row


def _from_row(row: object) -> Product:
    r = dict(row)  # type: ignore[call-overload]
    day = dt.date.fromisoformat
    special = {
        "delivery_weekdays": tuple(int(c) for c in r["delivery_weekdays"]),
        "active": bool(r["active"]),
        "introduced": day(r["introduced"]) if r["introduced"] else None,
        "discontinued": day(r["discontinued"]) if r["discontinued"] else None,
    }
    special["own_delivery_weekdays"] = bool(r["own_delivery_weekdays"])
    special["own_lead_time"] = bool(r["own_lead_time"])
    plain = {f.name: r[f.name] for f in dataclasses.fields(Product)
             if f.name not in special and f.name != "no_delivery_days"}
    return Product(**plain, **special)


def _suppliers(shop: Shop) -> dict[str, Supplier]:
    try:
        return load_suppliers(shop)
    except sqlite3.OperationalError:  # a file of an older version opened without migrating
        return {}


def with_supplier(product: Product, suppliers: dict[str, Supplier]) -> Product:
    """The product as planned: its supplier's delivery weekdays and lead time where the product
    sets no own and the supplier has them (else what the product holds), and the supplier's dates
    without delivery."""
    supplier = suppliers.get(product.supplier, Supplier(product.supplier))
    changes: dict[str, object] = {"no_delivery_days": supplier.no_delivery_days}
    if not product.own_delivery_weekdays and supplier.delivery_weekdays:
        changes["delivery_weekdays"] = supplier.delivery_weekdays
    if not product.own_lead_time and supplier.lead_time_days is not None:
        changes["lead_time_days"] = supplier.lead_time_days
    return dataclasses.replace(product, **changes)  # type: ignore[arg-type]


def load_products(shop: Shop, *, active_only: bool = False) -> list[Product]:
    """All products, by name."""
    sql = "SELECT * FROM products" + (" WHERE active = 1" if active_only else "") + " ORDER BY name"
    suppliers = _suppliers(shop)
    return [with_supplier(_from_row(r), suppliers) for r in shop._conn.execute(sql)]


def product_by_name(shop: Shop, name: str) -> Product:
    """The product called `name`; raises a user error if there is none."""
    row = shop._conn.execute("SELECT * FROM products WHERE name = ?", (name,)).fetchone()
    if row is None:
        raise ShopFileError("shop.unknown_product", name=name)
    return with_supplier(_from_row(row), _suppliers(shop))


def save_product(shop: Shop, product: Product) -> int:
    """Insert or update (by id, else by name) a product; returns its id."""
    values = _to_row(product)
    with shop.transaction() as conn:
        if product.id is None:
            existing = conn.execute(
                "SELECT id FROM products WHERE name = ?", (product.name,)
            ).fetchone()
            product.id = existing["id"] if existing else None
        if product.id is None:
            # a new product given other days or lead time than the defaults sets its own (as
            # the migration to version 8 judged the products already there)
            product.own_delivery_weekdays |= set(product.delivery_weekdays) != set(range(7))
            product.own_lead_time |= product.lead_time_days != 1
            values = _to_row(product)
            cols = ", ".join(_FIELDS)
            marks = ", ".join("?" for _ in _FIELDS)
            cur = conn.execute(f"INSERT INTO products({cols}) VALUES ({marks})", values)
            product.id = int(cur.lastrowid or 0)
            shop.log("product.added", {"name": product.name})
        else:
            assignments = ", ".join(f"{c} = ?" for c in _FIELDS)
            conn.execute(f"UPDATE products SET {assignments} WHERE id = ?", [*values, product.id])
            shop.log("product.changed", dataclasses.asdict(product))
    return product.id


def product_ids(shop: Shop) -> dict[str, int]:
    """Product name -> id."""
    return {r["name"]: r["id"] for r in shop._conn.execute("SELECT id, name FROM products")}


def aliases(shop: Shop) -> dict[str, str]:
    """Alias key -> product name (names a till used for a product; empty for a version-1 file
    opened without migrating, for a dry run)."""
    try:
        rows = shop._conn.execute(
            "SELECT a.alias, p.name FROM product_aliases a JOIN products p ON p.id = a.product_id")
        return {r[0]: r[1] for r in rows}
    except sqlite3.OperationalError:  # no product_aliases table before version 2
        return {}


def save_alias(shop: Shop, alias_key: str, product_id: int) -> None:
    """Remember that a till's name (its key) means this product."""
    with shop.transaction() as conn:
        conn.execute("INSERT OR REPLACE INTO product_aliases(alias, product_id) VALUES (?, ?)",
                     (alias_key, product_id))
