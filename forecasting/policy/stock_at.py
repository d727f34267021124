"""The shelf of goods that keep at the start of a day, played forward from the latest count.

The stock is held as batches (units, last day they can be sold), first in, first out. From the
latest count (forecasting/store/stock.py keeps the counts) every day until the day asked for: the
goods due that day come in (what the owner booked as received, else the decided orders due that
day, else the sales file's `produced`), write-offs (booked, or the sales file's `leftover`) and
the day's sales go out, oldest first, and whatever has reached its last day is thrown away. A
decided order due on the day or later is an open order ("schon bestellt"). A counted unit gets the
age of the newest deliveries that can explain it; units no delivery explains are given the oldest
age they can plausibly have: the delivery before the last one whose goods still sell on the count
day (FIFO leaves little older than a cycle on the shelf), else the last one (said on the line). A product never counted starts empty on its
first decided delivery.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence

import pandas as pd

from forecasting.plan_inputs import STOCK_LOOKBACK_DAYS, sales_between
from forecasting.store.decisions import deliveries_since
from forecasting.store.file import Shop
from forecasting.store.products import load_products
from forecasting.store.sales import read_sales
from forecasting.store.stock import latest_counts, load_moves
from forecasting.values.products import Product
from forecasting.values.stock import Delivery, StockCount, StockMove


@dataclasses.dataclass(frozen=True)
class StockAt:
    """The stock at the start of a day as the plan uses it.

    counted: the date of the count it comes from (None: never counted, played from the first
    decided delivery); unrecorded: open days since then without any sales rows in the shop (not
    imported yet: their sales could not be taken off, so `on_hand` may be too high). batches:
    (units, last day they can be sold), oldest first; arrivals: open orders (units, day due);
    age_assumed: units of the count no known delivery explains (given the oldest plausible age);
    spoiled / written_off: units thrown away since the count (expired / booked or `leftover`).
    """

    on_hand: float
    on_order: float
    counted: dt.date | None
    unrecorded: int = 0
    batches: tuple[tuple[float, dt.date], ...] = dataclasses.field(default=(), compare=False)
    arrivals: tuple[tuple[float, dt.date], ...] = dataclasses.field(default=(), compare=False)
    age_assumed: float = dataclasses.field(default=0.0, compare=False)
    spoiled: float = dataclasses.field(default=0.0, compare=False)
    written_off: float = dataclasses.field(default=0.0, compare=False)


def stocks_at(shop: Shop, day: dt.date,
              is_open: Callable[[dt.date], bool] | None = None) -> dict[str, StockAt]:
    """Per product with a count or a decided delivery: the stock at the start of `day`."""
    start = day - dt.timedelta(days=STOCK_LOOKBACK_DAYS)
    counts = latest_counts(shop, day)
    deliveries = deliveries_since(shop, start)
    moves = load_moves(shop, start, day)
    starts = [c.date for c in counts.values()] + [d.delivery_day for d in deliveries] + [
        m.date for m in moves]
    first = min((d for d in starts if d < day), default=None)
    sales = read_sales(shop, first, day - dt.timedelta(days=1)) if first else None
    return stocks_from(counts, sales, day, is_open, deliveries=deliveries, moves=moves,
                       products=load_products(shop))


def _take(batches: list[list], amount: float) -> float:
    """Take `amount` off the oldest batches first; what could not be taken."""
    for batch in batches:
        take = min(batch[0], amount)
        batch[0] -= take
        amount -= take
    batches[:] = [b for b in batches if b[0] > 1e-9]
    return amount


@dataclasses.dataclass
class _Ledger:
    product: Product | None
    count: StockCount | None
    due: dict[dt.date, float]  # decided orders by delivery day
    received: dict[dt.date, float]  # booked receipts
    written: dict[dt.date, float]  # booked write-offs (damaged, other)
    expired: dict[dt.date, float] = dataclasses.field(default_factory=dict)  # booked as expired

    def arrival(self, day: dt.date, produced: float) -> float:
        """What came on `day`: the receipt, else the orders due, else the sales file's."""
        if day in self.received:
            return self.received[day]
        return self.due.get(day, produced)

    def shelf_life(self) -> int:
        return max(1, self.product.shelf_life_days) if self.product else 3650

    def weekdays(self) -> tuple[int, ...]:
        return (self.product.delivery_weekdays if self.product else ()) or tuple(range(7))


def _count_batches(ledger: _Ledger, count: StockCount) -> tuple[list[list], float]:
    """The counted units as batches: the newest deliveries that can explain them, the rest at
    the oldest plausible age (of the delivery days whose goods still sell on the count day, the
    one before the last, else the last)."""
    life = ledger.shelf_life()
    left = count.on_hand
    batches: list[list] = []
    for k in range(1, life):
        day = count.date - dt.timedelta(days=k)
        came = ledger.received.get(day, ledger.due.get(day, 0.0))
        if came > 0 and left > 0:
            take = min(came, left)
            batches.insert(0, [take, day + dt.timedelta(days=life - 1)])
            left -= take
    if left > 1e-9:
        weekdays = ledger.weekdays()
        # the delivery days before the count whose goods still sell on the count day
        still = [count.date - dt.timedelta(days=k) for k in range(1, life)
                 if (count.date - dt.timedelta(days=k)).weekday() in weekdays]
        came = (still[1] if len(still) > 1 else still[0] if still
                else count.date - dt.timedelta(days=1))
        batches.insert(0, [left, came + dt.timedelta(days=life - 1)])
        return batches, left
    return batches, 0.0


def stocks_from(counts: Mapping[str, StockCount], sales: pd.DataFrame | None, day: dt.date,
                is_open: Callable[[dt.date], bool] | None = None, *,
                deliveries: Iterable[Delivery] = (), moves: Iterable[StockMove] = (),
                products: Sequence[Product] = ()) -> dict[str, StockAt]:
    """`stocks_at` from the latest counts, the decided deliveries, the booked moves and the
    SALES rows (at least those from the oldest start to the day before `day`). Orders placed on
    `day` or later are not open orders of `day` (the sheet of `day` decides them)."""
    by_name = {p.name: p for p in products}
    ledgers: dict[str, _Ledger] = {}

    def ledger(name: str) -> _Ledger:
        if name not in ledgers:
            ledgers[name] = _Ledger(by_name.get(name), counts.get(name), {}, {}, {})
        return ledgers[name]

    for name in counts:
        ledger(name)
    for d in deliveries:
        if d.order_day >= day:  # ordered on the sheet of `day` or later: not open yet
            continue
        led = ledger(d.product)
        led.due[d.delivery_day] = led.due.get(d.delivery_day, 0.0) + d.quantity
    for m in moves:
        if m.date > day:
            continue
        led = ledger(m.product)
        book = (led.received if m.kind == "receipt" else led.expired if m.reason == "expired"
                else led.written)
        book[m.date] = book.get(m.date, 0.0) + m.quantity
    starts = {name: _start(led) for name, led in ledgers.items()}
    older = [s for s in starts.values() if s is not None and s < day]
    rows = None
    if older and sales is not None:
        rows = sales_between(sales, min(older), day - dt.timedelta(days=1))
    dates = rows["date"].dt.date if rows is not None else None
    seen = set(dates) if dates is not None else set()
    per_product = {} if rows is None else {
        name: {d: (float(q), float(p), float(lo)) for d, q, p, lo in zip(
            dates[group.index], group["quantity"], group["produced"].fillna(0.0).clip(lower=0.0),
            group["leftover"].fillna(0.0).clip(lower=0.0), strict=True)}
        for name, group in rows.groupby("product", sort=False)}
    out = {}
    for name, led in ledgers.items():
        start = starts[name]
        if start is None:
            continue
        out[name] = _play(led, start, day, per_product.get(name, {}), seen, is_open)
    return out


def _start(led: _Ledger) -> dt.date | None:
    if led.count is not None:
        return led.count.date
    return min([*led.due, *led.received], default=None)


def _play(led: _Ledger, start: dt.date, day: dt.date,
          sold: Mapping[dt.date, tuple[float, float, float]], seen: set[dt.date],
          is_open: Callable[[dt.date], bool] | None) -> StockAt:
    """Play the shelf from `start` to the start of `day`."""
    life = led.shelf_life()
    batches: list[list] = []
    assumed = 0.0
    undated = 0.0  # ordered as typed with the count, not yet delivered
    if led.count is not None:
        batches, assumed = _count_batches(led, led.count)
        undated = led.count.on_order
    spoiled = written = 0.0
    unbooked = 0.0  # thrown away as expired by the play, not yet booked by the owner
    unrecorded = 0

    def write_off(d: dt.date, extra: float) -> None:
        """Booked write-offs of `d` off the shelf; an expired one first books what the play has
        already thrown away (else the same units would leave the shelf twice)."""
        nonlocal spoiled, written, unbooked
        expired = led.expired.get(d, 0.0)
        known = min(expired, unbooked)
        unbooked -= known
        spoiled -= known
        off = led.written.get(d, 0.0) + expired - known + extra
        written += known + off - _take(batches, off)
    for k in range((day - start).days):
        d = start + dt.timedelta(days=k)
        quantity, produced, leftover = sold.get(d, (0.0, 0.0, 0.0))
        planned = d in led.received or d in led.due
        came = led.arrival(d, produced)
        if not planned:
            undated = max(undated - produced, 0.0)
        if came > 0:
            batches.append([came, d + dt.timedelta(days=life - 1)])
        write_off(d, leftover)
        _take(batches, quantity)
        if d not in seen and (is_open is None or is_open(d)):
            unrecorded += 1
        for b in batches:
            if b[1] <= d:
                spoiled += b[0]
                unbooked += b[0]
                b[0] = 0.0
        batches[:] = [b for b in batches if b[0] > 1e-9]
    if day in led.received:  # booked as come this morning: on the shelf
        batches.append([led.received[day], day + dt.timedelta(days=life - 1)])
    if day >= start:
        write_off(day, 0.0)
    arrivals = [(q, d) for d, q in sorted(led.due.items()) if d >= day and d not in led.received]
    if undated > 1e-9:
        arrivals.insert(0, (undated, day))
    batches.sort(key=lambda b: b[1])
    return StockAt(
        on_hand=sum(b[0] for b in batches),
        on_order=sum(q for q, _ in arrivals),
        counted=None if led.count is None else led.count.date,
        unrecorded=unrecorded,
        batches=tuple((b[0], b[1]) for b in batches),
        arrivals=tuple(arrivals),
        age_assumed=assumed,
        spoiled=spoiled,
        written_off=written,
    )
