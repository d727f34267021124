"""The stock of goods that keep at the start of a day: the latest count carried forward over the
sales recorded since (forecasting/store/stock.py keeps the counts)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Mapping

import pandas as pd

from forecasting.plan_inputs import sales_between
from forecasting.store.file import Shop
from forecasting.store.sales import read_sales
from forecasting.store.stock import latest_counts
from forecasting.values.stock import StockCount


@dataclasses.dataclass(frozen=True)
class StockAt:
    """The stock at the start of a day as the plan uses it. counted: the date of the count it
    comes from; unrecorded: open days since the count without any sales rows in the shop (not
    imported yet: their sales could not be taken off, so `on_hand` may be too high)."""

    on_hand: float
    on_order: float
    counted: dt.date
    unrecorded: int = 0


def stocks_at(shop: Shop, day: dt.date,
              is_open: Callable[[dt.date], bool] | None = None) -> dict[str, StockAt]:
    """Per counted product the stock at the start of `day`: its latest count on or before `day`,
    carried forward over the sales rows since (quantity sold and `leftover` written off out,
    `produced` delivered in; on order less what was delivered). The sales are read once, from
    the oldest of those counts."""
    counts = latest_counts(shop, day)
    older = [c.date for c in counts.values() if c.date < day]
    sales = read_sales(shop, min(older), day - dt.timedelta(days=1)) if older else None
    return stocks_from(counts, sales, day, is_open)


def stocks_from(counts: Mapping[str, StockCount], sales: pd.DataFrame | None, day: dt.date,
                is_open: Callable[[dt.date], bool] | None = None) -> dict[str, StockAt]:
    """`stocks_at` from the latest counts and the SALES rows (at least those from the oldest
    count to the day before `day`; None when no count is older than `day`)."""
    older = [c.date for c in counts.values() if c.date < day]
    if not older:
        sales = None
    elif sales is not None:
        sales = sales_between(sales, min(older), day - dt.timedelta(days=1))
    dates = sales["date"].dt.date if sales is not None else None
    out = {}
    for name, count in counts.items():
        if sales is None or count.date >= day:
            out[name] = StockAt(count.on_hand, count.on_order, count.date)
            continue
        shop_rows = sales[dates >= count.date]
        rows = shop_rows[shop_rows["product"] == name]
        delivered = float(rows["produced"].fillna(0.0).clip(lower=0.0).sum())
        gone = float(rows["quantity"].sum() + rows["leftover"].fillna(0.0).clip(lower=0.0).sum())
        # a day without any sales row in the shop is not imported yet; the product may simply
        # have sold nothing on a day other products have rows
        seen = set(dates[dates >= count.date])
        days = [count.date + dt.timedelta(days=k) for k in range((day - count.date).days)]
        unrecorded = sum(1 for d in days if d not in seen and (is_open is None or is_open(d)))
        out[name] = StockAt(max(count.on_hand + delivered - gone, 0.0),
                            max(count.on_order - delivered, 0.0), count.date, unrecorded)
    return out
