"""Stock of goods that keep: counts typed in the order sheet, given on the command line, or read
from an inventory list; goods receipts (what really came) and write-offs (Abschriften)."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

from forecasting.errors import UserError
from forecasting.importing.stock_list import import_stock_list
from forecasting.operations.changes import Changes
from forecasting.operations.edits import BookWriteoff, SetReceipt, SetStock, StockMoves, apply_edit
from forecasting.policy.lines import display_decimals
from forecasting.store.backups import before_import
from forecasting.store.decisions import deliveries_since
from forecasting.store.file import Shop
from forecasting.store.products import load_products
from forecasting.store.sales import last_sales_date
from forecasting.store.settings import load_settings
from forecasting.store.stock import count_on, load_moves, receipt_on
from forecasting.values.products import Product
from forecasting.values.stock import StockCount, StockMove


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
            shop.mark_plan_changed()
    return counts, Changes(stock=bool(counts))


#: Why goods are written off (Abschriften); the owner may also give a note of their own.
WRITEOFF_REASONS = ("expired", "damaged", "other")


def check_amount(shop: Shop, product: str, quantity: float) -> float:
    """A quantity of `product` that can be booked: a finite number from 0, whole for goods
    counted in pieces (kilograms and litres keep their decimals); UserError with the reason."""
    if not math.isfinite(quantity) or quantity < 0:
        raise UserError("stock.bad_amount", name=product, value=f"{quantity:g}")
    found = next((p for p in load_products(shop) if p.name == product), None)
    if found is None:
        raise UserError("stock.unknown_product", name=product,
                        names=", ".join(sorted(p.name for p in load_products(shop))))
    if display_decimals(found) == 0 and not float(quantity).is_integer():
        raise UserError("order.whole_pieces", name=product, value=float(quantity),
                        unit=found.unit, decimals=0)
    return float(quantity)


def receipt(shop: Shop, product: str, day: dt.date, quantity: float,
            today: dt.date | None = None) -> SetReceipt:
    """The undoable edit that books what really came of `product` on `day` (replacing the orders
    due that day and an earlier receipt of that day); UserError before anything is changed."""
    if day > (today or dt.date.today()):
        raise UserError("stock.receipt_bad_date", name=product, date=day)
    amount = check_amount(shop, product, quantity)
    return SetReceipt(product, day, StockMove(product, day, "receipt", amount),
                      receipt_on(shop, product, day))


def receive(shop: Shop, product: str, day: dt.date, quantity: float,
            today: dt.date | None = None) -> tuple[StockMove, float]:
    """Book what really came of `product` on `day` (the `receipt` edit, applied once); the move
    and the quantity that was ordered for the day."""
    edit = receipt(shop, product, day, quantity, today)
    apply_edit(shop, edit)
    assert edit.new is not None
    return edit.new, ordered_for(shop, product, day)


def ordered_for(shop: Shop, product: str, day: dt.date) -> float:
    """The decided orders of `product` due on `day`."""
    return sum(d.quantity for d in deliveries_since(shop, day)
               if d.product == product and d.delivery_day == day)


def due_on(shop: Shop, day: dt.date) -> dict[str, float]:
    """Product -> the decided orders due on `day` (the open orders a goods receipt confirms)."""
    out: dict[str, float] = {}
    for d in deliveries_since(shop, day):
        if d.delivery_day == day:
            out[d.product] = out.get(d.product, 0.0) + d.quantity
    return out


def receipt_rows(shop: Shop, day: dt.date) -> list[tuple[Product, float, float | None]]:
    """What a goods receipt of `day` confirms: per product with orders due that day or a booked
    receipt, (product, ordered, booked receipt or None), by name."""
    due = due_on(shop, day)
    booked = {p: m.quantity for p in {*due, *(m.product for m in load_moves(shop, day, day))}
              if (m := receipt_on(shop, p, day)) is not None}
    products = {p.name: p for p in load_products(shop)}
    return [(products[name], due.get(name, 0.0), booked.get(name))
            for name in sorted({*due, *booked}) if name in products]


def receipts(shop: Shop, day: dt.date, quantities: dict[str, float],
             today: dt.date | None = None) -> StockMoves:
    """One undoable step booking what came of several products on `day` (the goods receipt of a
    day's deliveries); UserError for the first wrong quantity, before anything is changed."""
    return StockMoves(tuple(receipt(shop, p, day, q, today) for p, q in quantities.items()))


def writeoff_edit(shop: Shop, product: str, day: dt.date, quantity: float,
                  reason: str = "expired") -> BookWriteoff:
    """The undoable edit that books units of `product` taken off the shelf unsold on `day`
    (expired, damaged, ...); UserError before anything is changed."""
    amount = check_amount(shop, product, quantity)
    return BookWriteoff(StockMove(product, day, "writeoff", amount, reason))


def writeoff(shop: Shop, product: str, day: dt.date, quantity: float,
             reason: str = "expired") -> StockMove:
    """Book units of `product` taken off the shelf unsold on `day` (the `writeoff_edit`,
    applied once)."""
    edit = writeoff_edit(shop, product, day, quantity, reason)
    apply_edit(shop, edit)
    return edit.move
