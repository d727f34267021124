"""Stock counts of goods that keep: typed in the order sheet, given on the command line, or read
from an inventory list."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from forecasting.importing.stock_list import import_stock_list
from forecasting.operations.changes import Changes
from forecasting.operations.edits import SetStock
from forecasting.store.backups import before_import
from forecasting.store.file import Shop
from forecasting.store.stock import count_on
from forecasting.values.stock import StockCount


def count(shop: Shop, product: str, day: dt.date, on_hand: float, on_order: float = 0.0
          ) -> SetStock:
    """The edit that records the count of `product` for `day` (replacing that day's count)."""
    return SetStock(product, day, StockCount(product, day, on_hand, on_order),
                    count_on(shop, product, day))


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
