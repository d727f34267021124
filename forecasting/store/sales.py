"""Daily sales in the shop file, read and written as SALES frames (see forecasting/schema.py).

Reading leaves out rows dated outside the plausible window (calendars/plausible.py): a shop file
from before issue 14 may hold a typo such as 01.01.0001, which would break every forecast.
`sales_outside_window` lists them so the owner is told, `remove_sales` takes them out.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math

import pandas as pd

from calendars.plausible import DateWindow
from forecasting.errors import ShopFileError
from forecasting.schema import empty_sales, normalise_sales
from forecasting.store.file import Shop
from forecasting.store.products import product_by_name, product_ids
from forecasting.values.sales import OutsideSales, RemovedDay


def _none_if_nan(value: object) -> object:
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def read_sales(
    shop: Shop,
    start: dt.date | None = None,
    end: dt.date | None = None,
    *,
    window: DateWindow | None = None,
) -> pd.DataFrame:
    """Sales between start and end (inclusive; None = open end) as a SALES frame, without the
    rows outside `window` (default: 2000-01-01 .. today + 2 years)."""
    window = window or DateWindow.default()
    first = max(start, window.first) if start is not None else window.first
    last = min(end, window.last) if end is not None else window.last
    sql = """SELECT p.name AS product, s.date, s.quantity, s.produced, s.leftover, s.sold_out_time
             FROM sales s JOIN products p ON p.id = s.product_id
             WHERE s.date >= ? AND s.date <= ?"""
    params = [first.isoformat(), last.isoformat()]
    # Fetched in chunks: one long fetch holds the GIL and would stall the app's window.
    chunks = list(pd.read_sql_query(sql, shop._conn, params=params, chunksize=2000))
    frame = pd.concat(chunks, ignore_index=True) if chunks else pd.DataFrame()
    if frame.empty:
        return empty_sales()
    return normalise_sales(frame)


def write_sales(
    shop: Shop, sales: pd.DataFrame, *, replace: bool = True, action: str = "sales.written"
) -> int:
    """Store a SALES frame (products must exist); `replace` overwrites existing days. Returns rows."""
    frame = normalise_sales(sales)
    ids = product_ids(shop)
    unknown = sorted(set(frame["product"]) - set(ids))
    if unknown:
        raise ShopFileError("shop.unknown_product", name=unknown[0])
    verb = "INSERT OR REPLACE" if replace else "INSERT OR IGNORE"
    rows = [
        (
            ids[p],
            d.date().isoformat(),
            float(q),
            _none_if_nan(pr),
            _none_if_nan(lo),
            _none_if_nan(so),
        )
        for p, d, q, pr, lo, so in zip(
            frame["product"],
            frame["date"],
            frame["quantity"],
            frame["produced"],
            frame["leftover"],
            frame["sold_out_time"],
            strict=True,
        )
    ]
    with shop.transaction() as conn:
        conn.executemany(
            f"""{verb} INTO sales(product_id, date, quantity, produced, leftover, sold_out_time)
                VALUES (?, ?, ?, ?, ?, ?)""",
            rows,
        )
        shop.log(action, {"rows": len(rows)})
    return len(rows)


def last_sales_date(shop: Shop) -> dt.date | None:
    """The latest day with any sales row (inside the plausible window)."""
    window = DateWindow.default()
    row = shop._conn.execute(
        "SELECT MAX(date) FROM sales WHERE date >= ? AND date <= ?",
        (window.first.isoformat(), window.last.isoformat()),
    ).fetchone()
    return dt.date.fromisoformat(row[0]) if row and row[0] else None


def sales_outside_window(shop: Shop, window: DateWindow | None = None) -> dict[str, OutsideSales]:
    """Product name -> its sales days outside `window` (default: the plausible window)."""
    window = window or DateWindow.default()
    out: dict[str, OutsideSales] = {}
    for name, day in shop._conn.execute(
        """SELECT p.name, s.date FROM sales s JOIN products p ON p.id = s.product_id
           WHERE s.date < ? OR s.date > ? ORDER BY p.name, s.date""",
        (window.first.isoformat(), window.last.isoformat()),
    ):
        out.setdefault(name, OutsideSales(name, [])).days.append(day)
    return out


def remove_sales(
    shop: Shop,
    first: dt.date | None,
    last: dt.date | None,
    *,
    product: str | None = None,
    dry_run: bool = False,
) -> list[RemovedDay]:
    """Delete the sales days from `first` to `last` (inclusive; None = open end), of one product
    or all, in one transaction that is logged and bumps the data version. Returns them."""
    sql = """SELECT p.name, s.date, s.quantity, s.product_id FROM sales s
             JOIN products p ON p.id = s.product_id WHERE s.date >= ? AND s.date <= ?"""
    params: list[object] = [(first or dt.date.min).isoformat(), (last or dt.date.max).isoformat()]
    if product is not None:

        sql += " AND s.product_id = ?"
        params.append(product_by_name(shop, product).id)  # ShopFileError if unknown
    sql += " ORDER BY s.date, p.name"
    if dry_run:  # a read only: no write lock, nothing written
        return [_removed(r) for r in shop._conn.execute(sql, params)]
    with shop.transaction() as conn:
        rows = conn.execute(sql, params).fetchall()
        removed = [_removed(r) for r in rows]
        if not rows:
            return removed
        conn.executemany(
            "DELETE FROM sales WHERE product_id = ? AND date = ?", [(r[3], r[1]) for r in rows]
        )
        shop.log("sales.removed", {
            "from": first.isoformat() if first else None,
            "to": last.isoformat() if last else None,
            "product": product,
            "days": len(rows),
            "quantity": sum(d.quantity for d in removed),
            "rows": [[d.product, d.date.isoformat(), d.quantity] for d in removed[:1000]],
        })
    return removed


def read_true_demand(shop: Shop) -> pd.DataFrame:
    """Demo shops only: the true daily demand behind the censored sales (product, date, demand).

    For benchmarks and evaluation; models must never see it.
    """
    frame = pd.read_sql_query(
        """SELECT p.name AS product, t.date, t.demand FROM true_demand t
           JOIN products p ON p.id = t.product_id ORDER BY p.name, t.date""",
        shop._conn,
    )
    frame["date"] = pd.to_datetime(frame["date"])
    return frame


def write_true_demand(shop: Shop, demand: pd.DataFrame) -> None:
    """Store the demo generator's true demand (product, date, demand)."""
    ids = product_ids(shop)
    rows = [
        (ids[p], pd.Timestamp(d).date().isoformat(), float(v))
        for p, d, v in zip(demand["product"], demand["date"], demand["demand"], strict=True)
    ]
    with shop.transaction() as conn:
        conn.executemany(
            "INSERT OR REPLACE INTO true_demand(product_id, date, demand) VALUES (?, ?, ?)", rows
        )


def _removed(row: tuple[str, str, float, int]) -> RemovedDay:
    return RemovedDay(row[0], dt.date.fromisoformat(row[1]), float(row[2]))


def quantities_of(shop: Shop, product: str, first: dt.date, last: dt.date
                  ) -> dict[dt.date, float]:
    """The stored quantity per day of one product from `first` to `last` (empty if unknown)."""
    return {
        dt.date.fromisoformat(d): float(q)
        for d, q in shop._conn.execute(
            """SELECT s.date, s.quantity FROM sales s JOIN products p ON p.id = s.product_id
               WHERE p.name = ? AND s.date BETWEEN ? AND ?""",
            (product, first.isoformat(), last.isoformat()),
        )
    }


@dataclasses.dataclass(frozen=True)
class SalesRow:
    """One product-day as an import writes it (last_sale: the time of its last receipt)."""

    product_id: int
    day: dt.date
    quantity: float
    produced: float | None = None
    leftover: float | None = None
    sold_out: str | None = None
    last_sale: str | None = None


def insert_rows(shop: Shop, rows: list[SalesRow], *, replace: bool) -> None:
    """Write imported product-days (`replace`: days already stored are overwritten)."""
    with_time = any(r[1] == "last_sale_time" for r in shop._conn.execute("PRAGMA table_info(sales)"))
    columns = "product_id, date, quantity, produced, leftover, sold_out_time"
    columns += ", last_sale_time" if with_time else ""
    marks = ", ".join("?" for _ in columns.split(","))
    verb = "INSERT OR REPLACE" if replace else "INSERT"
    values = [
        (r.product_id, r.day.isoformat(), r.quantity, r.produced, r.leftover, r.sold_out,
         *((r.last_sale,) if with_time else ()))
        for r in rows
    ]
    with shop.transaction() as conn:
        conn.executemany(f"{verb} INTO sales({columns}) VALUES ({marks})", values)
