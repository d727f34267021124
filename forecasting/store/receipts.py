"""Receipt times per day (tables `receipt_days`, `receipt_hours`): first and last sale and sales
per hour, written by a DSFinV-K import in the import's transaction (forecasting/values/receipts.py).

A day is replaced as a whole (its hours with it); `replace=False` keeps the days already stored,
as an import with "keep" keeps the shop's sales days.
"""

from __future__ import annotations

import datetime as dt

from forecasting.store.file import Shop
from forecasting.values.receipts import ReceiptDay, ReceiptHour


def save_receipt_days(shop: Shop, days: list[ReceiptDay], *, replace: bool = True) -> int:
    """Store the days (all or nothing); returns how many were written."""
    written = 0
    with shop.transaction() as conn:
        for day in days:
            iso = day.date.isoformat()
            exists = conn.execute("SELECT 1 FROM receipt_days WHERE date = ?", (iso,)).fetchone()
            if exists and not replace:
                continue
            conn.execute("DELETE FROM receipt_hours WHERE date = ?", (iso,))
            conn.execute(
                "INSERT OR REPLACE INTO receipt_days(date, first_sale, last_sale, receipts) "
                "VALUES (?, ?, ?, ?)",
                (iso, day.first_sale, day.last_sale, day.receipts),
            )
            conn.executemany(
                "INSERT INTO receipt_hours(date, hour, receipts, quantity) VALUES (?, ?, ?, ?)",
                [(iso, h.hour, h.receipts, h.quantity) for h in day.hours],
            )
            written += 1
    return written


def read_receipt_days(shop: Shop, start: dt.date | None = None, end: dt.date | None = None
                      ) -> list[ReceiptDay]:
    """The stored days from start to end (inclusive; None = open end), oldest first."""
    first = start.isoformat() if start else "0000-01-01"
    last = end.isoformat() if end else "9999-12-31"
    hours: dict[str, list[ReceiptHour]] = {}
    for iso, hour, receipts, quantity in shop._conn.execute(
        "SELECT date, hour, receipts, quantity FROM receipt_hours WHERE date BETWEEN ? AND ? "
        "ORDER BY date, hour", (first, last)
    ):
        hours.setdefault(iso, []).append(ReceiptHour(hour, receipts, quantity))
    return [
        ReceiptDay(dt.date.fromisoformat(iso), first_sale, last_sale, receipts,
                   tuple(hours.get(iso, ())))
        for iso, first_sale, last_sale, receipts in shop._conn.execute(
            "SELECT date, first_sale, last_sale, receipts FROM receipt_days "
            "WHERE date BETWEEN ? AND ? ORDER BY date", (first, last)
        )
    ]
