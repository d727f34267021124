"""Stored forecasts and the owner's order decisions (suggested vs final, who, when, why)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sqlite3

from forecasting.store.file import Shop
from forecasting.store.products import product_ids
from forecasting.values.decisions import OrderDecision, StoredForecast
from forecasting.values.stock import Delivery


def save_decision(shop: Shop, decision: OrderDecision) -> None:
    """Store (or replace) the decision for one product and day and log it."""
    ids = product_ids(shop)
    decided_at = decision.decided_at or dt.datetime.now()
    with shop.transaction() as conn:
        conn.execute(
            """INSERT OR REPLACE INTO order_decisions(product_id, date, suggested, final, reason_code,
               reason_text, decided_by, decided_at, delivery_date)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (
                ids[decision.product],
                decision.date.isoformat(),
                decision.suggested,
                decision.final,
                decision.reason_code,
                decision.reason_text,
                decision.decided_by,
                decided_at.isoformat(timespec="seconds"),
                None if decision.delivery_day is None else decision.delivery_day.isoformat(),
            ),
        )
        shop.log("order.decided", {k: v for k, v in dataclasses.asdict(decision).items()
                                   if k != "delivery_day" or v is not None},
                 actor=decision.decided_by)


def delete_decision(shop: Shop, product: str, day: dt.date) -> None:
    """Forget the decision for one product and day (used by undo)."""
    ids = product_ids(shop)
    with shop.transaction() as conn:
        conn.execute(
            "DELETE FROM order_decisions WHERE product_id = ? AND date = ?",
            (ids[product], day.isoformat()),
        )
        shop.log("order.undecided", {"product": product, "date": day.isoformat()})


def decision_on(shop: Shop, product: str, day: dt.date) -> OrderDecision | None:
    """The decision stored now for one product and day, or None."""
    return next((d for d in load_decisions(shop, day, product) if d.product == product), None)


def load_decisions(shop: Shop, day: dt.date | None = None,
                   product: str | None = None) -> list[OrderDecision]:
    """Decisions for `day`, or all of them."""
    sql = """SELECT p.name, d.* FROM order_decisions d JOIN products p ON p.id = d.product_id"""
    where, params = [], []
    if day is not None:
        where.append("d.date = ?")
        params.append(day.isoformat())
    if product is not None:
        where.append("p.name = ?")
        params.append(product)
    if where:
        sql += " WHERE " + " AND ".join(where)
    return [
        OrderDecision(
            product=r["name"],
            date=dt.date.fromisoformat(r["date"]),
            suggested=r["suggested"],
            final=r["final"],
            reason_code=r["reason_code"],
            reason_text=r["reason_text"],
            decided_by=r["decided_by"],
            decided_at=dt.datetime.fromisoformat(r["decided_at"]),
            delivery_day=(None if r["delivery_date"] is None
                          else dt.date.fromisoformat(r["delivery_date"])),
        )
        for r in shop._conn.execute(sql + " ORDER BY d.date, p.name", params)
    ]


def deliveries_since(shop: Shop, start: dt.date) -> list[Delivery]:
    """The decided orders (more than 0) delivered on `start` or later, by delivery day."""
    rows = shop._conn.execute(
        """SELECT p.name, d.date, d.delivery_date, d.final FROM order_decisions d
           JOIN products p ON p.id = d.product_id
           WHERE d.delivery_date IS NOT NULL AND d.delivery_date >= ? AND d.final > 0
           ORDER BY d.delivery_date, p.name, d.date""", (start.isoformat(),))
    return [Delivery(r[0], dt.date.fromisoformat(r[1]), dt.date.fromisoformat(r[2]), float(r[3]))
            for r in rows]


def save_forecasts(shop: Shop, forecasts: list[StoredForecast]) -> None:
    """Store forecasts, replacing those for the same product and day."""
    ids = product_ids(shop)
    rows = [
        (
            ids[f.product],
            f.date.isoformat(),
            json.dumps({f"{k:g}": v for k, v in f.quantiles.items()}),
            f.median,
            f.model,
            json.dumps(f.explanation, ensure_ascii=False),
            f.computed_at.isoformat(timespec="seconds"),
            f.data_version,
        )
        for f in forecasts
    ]
    with shop.transaction() as conn:
        conn.executemany(
            """INSERT OR REPLACE INTO forecasts(product_id, date, quantiles, median, model,
               explanation, computed_at, data_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
            rows,
        )


def load_forecasts(shop: Shop, day: dt.date) -> list[StoredForecast]:
    """Stored forecasts for `day`."""
    rows = shop._conn.execute(
        """SELECT p.name, f.* FROM forecasts f JOIN products p ON p.id = f.product_id
           WHERE f.date = ? ORDER BY p.name""",
        (day.isoformat(),),
    )
    return [_stored(r) for r in rows]


def forecasts_of(shop: Shop, product: str, start: dt.date, end: dt.date) -> list[StoredForecast]:
    """One product's stored forecasts between start and end (inclusive), by date."""
    rows = shop._conn.execute(
        """SELECT p.name, f.* FROM forecasts f JOIN products p ON p.id = f.product_id
           WHERE p.name = ? AND f.date BETWEEN ? AND ? ORDER BY f.date""",
        (product, start.isoformat(), end.isoformat()),
    )
    return [_stored(r) for r in rows]


def _stored(r: sqlite3.Row) -> StoredForecast:
    return StoredForecast(
        product=r["name"],
        date=dt.date.fromisoformat(r["date"]),
        quantiles={float(k): v for k, v in json.loads(r["quantiles"]).items()},
        median=r["median"],
        model=r["model"],
        explanation=json.loads(r["explanation"]),
        computed_at=dt.datetime.fromisoformat(r["computed_at"]),
        data_version=r["data_version"],
    )
