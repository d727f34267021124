"""Stock counts of goods that keep: typed in the order sheet, given on the command line, or read
from an inventory list."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

from forecasting.errors import UserError
from forecasting.importing.stock_list import import_stock_list
from forecasting.operations.changes import Changes
from forecasting.operations.edits import SetStock
from forecasting.store.backups import before_import
from forecasting.store.file import Shop
from forecasting.store.sales import last_sales_date
from forecasting.store.settings import load_settings
from forecasting.store.stock import count_on
from forecasting.values.stock import StockCount


def count(shop: Shop, product: str, day: dt.date, on_hand: float, on_order: float = 0.0
          ) -> SetStock:
    """The edit that records the count of `product` for `day` (replacing that day's count);
    UserError for an amount below 0 or not a number (before anything is changed)."""
    for amount in (on_hand, on_order):
        if not math.isfinite(amount) or amount < 0:
            raise UserError("stock.bad_amount", name=product,
                            value=f"{amount:g}")
    return SetStock(product, day, StockCount(product, day, on_hand, on_order),
                    count_on(shop, product, day))


def count_day(shop: Shop, now: dt.datetime) -> dt.date:
    """The day a count made at `now` is the stock of (a count is the stock at the start of its
    day): tomorrow once today's sales are in the shop file or the shop has closed today (its
    closing hour from the opening hours), else today. Dated today, a count made after closing
    would lose today's sales a second time."""
    today = now.date()
    last = last_sales_date(shop)
    if last is not None and last >= today:
        return today + dt.timedelta(days=1)
    hours = load_settings(shop).opening_hours.get(str(today.weekday()), "")
    closing = _closing_time(hours)
    if closing is not None and now.time() >= closing:
        return today + dt.timedelta(days=1)
    return today


def _closing_time(hours: str) -> dt.time | None:
    """"06:30-18:00" -> 18:00; None for anything else."""
    _, _, end = hours.partition("-")
    try:
        return dt.time.fromisoformat(end.strip())
    except ValueError:
        return None


def clear_count(shop: Shop, product: str, day: dt.date) -> SetStock | None:
    """The edit that deletes the count of `day` (the one before applies again); None if there is
    no count that day."""
    old = count_on(shop, product, day)
    return None if old is None else SetStock(product, day, None, old)


def import_list(shop: Shop, path: Path, day: dt.date) -> tuple[list[StockCount], Changes]:
    """Counts for `day` from an inventory list (all rows or none); the counts and what changed."""
    with before_import(shop), shop.transaction():
        counts = import_stock_list(shop, path, day)
        if counts:
            shop.mark_stock_changed()
    return counts, Changes(stock=bool(counts))
