"""Daily sales in the shop file, read and written as SALES frames (see forecasting/schema.py)."""

from __future__ import annotations

import datetime as dt
import math

import pandas as pd

from forecasting.errors import ShopFileError
from forecasting.products import product_ids
from forecasting.schema import empty_sales, normalise_sales
from forecasting.shopfile import Shop


def _none_if_nan(value: object) -> object:
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def read_sales(
    shop: Shop, start: dt.date | None = None, end: dt.date | None = None
) -> pd.DataFrame:
    """Sales between start and end (inclusive; None = open end) as a SALES frame."""
    sql = """SELECT p.name AS product, s.date, s.quantity, s.produced, s.leftover, s.sold_out_time
             FROM sales s JOIN products p ON p.id = s.product_id WHERE 1 = 1"""
    params: list[str] = []
    if start is not None:
        sql += " AND s.date >= ?"
        params.append(start.isoformat())
    if end is not None:
        sql += " AND s.date <= ?"
        params.append(end.isoformat())
    # Fetched in chunks: one long fetch holds the GIL and would stall the app's window.
    chunks = list(pd.read_sql_query(sql, shop.conn, params=params, chunksize=2000))
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
        shop.mark_data_changed()
    return len(rows)


def last_sales_date(shop: Shop) -> dt.date | None:
    """The latest day with any sales row."""
    row = shop.conn.execute("SELECT MAX(date) FROM sales").fetchone()
    return dt.date.fromisoformat(row[0]) if row and row[0] else None


def read_true_demand(shop: Shop) -> pd.DataFrame:
    """Demo shops only: the true daily demand behind the censored sales (product, date, demand).

    For benchmarks and evaluation; models must never see it.
    """
    frame = pd.read_sql_query(
        """SELECT p.name AS product, t.date, t.demand FROM true_demand t
           JOIN products p ON p.id = t.product_id ORDER BY p.name, t.date""",
        shop.conn,
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
