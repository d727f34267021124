"""The days an order of goods that keep served, for the Rückblick (Qt-free; issue 21).

An order of the deli's cheese is not one day's bread: it arrives on its delivery day and serves
the sales days up to the next delivery (at most as long as it keeps), the same window the order
was sized for (`forecasting.policy.order_up_to.delivery_schedule`, `Schedule.covers`). Judged
against one day's sales it always looks far too big; judged over its window it says what happened:
ordered, what came (a booked goods receipt), sold over those days, written off (Abschriften booked
in the window), and on how many of the days the shelf sold out.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Mapping

from forecasting.policy.order_up_to import delivery_schedule
from forecasting.policy.plan import closed_reason
from forecasting.store.file import Shop
from forecasting.store.settings import load_closing_days, load_settings
from forecasting.values.products import Product
from forecasting.values.stock import StockMove


@dataclasses.dataclass(frozen=True)
class DeliveryWindow:
    """What one decided order of goods that keep did over the days it served.

    days: the open sales days the order covers (from its delivery day to the day before the next
    delivery, or until it expires). delivered: the goods receipt booked on the delivery day (None:
    none booked, taken as ordered). sold: units sold on the days with sales so far;
    written_off: write-offs booked from the delivery day to the end of the window; sellout_days:
    covered days that sold out; days_with_sales: covered days whose sales are in; ordered: all
    decided orders due with this delivery (orders of several evenings can come together).
    """

    delivery_day: dt.date
    days: tuple[dt.date, ...]
    delivered: float | None
    sold: float
    written_off: float
    sellout_days: int
    days_with_sales: int
    ordered: float = 0.0

    @property
    def complete(self) -> bool:
        """Whether the sales of every covered day are in (the order can be judged)."""
        return self.days_with_sales >= len(self.days)

    @property
    def last_day(self) -> dt.date:
        """The last sales day the order covers."""
        return self.days[-1] if self.days else self.delivery_day


def open_check(shop: Shop) -> Callable[[dt.date], bool]:
    """Whether the shop opens on a day (opening weekdays, closing days, public holidays), as
    the plan sees it."""
    settings = load_settings(shop)
    closing = load_closing_days(shop)
    known: dict[dt.date, bool] = {}  # the same days come up for every product

    def check(day: dt.date) -> bool:
        if day not in known:
            known[day] = closed_reason(settings, closing, day) is None
        return known[day]

    return check


def covered_days(product: Product, delivery_day: dt.date,
                 is_open: Callable[[dt.date], bool]) -> tuple[dt.date, ...]:
    """The open sales days an order arriving on `delivery_day` serves: up to the day before the
    product's next delivery or until it expires (the plan's `Schedule.covers`)."""
    weekdays = tuple(product.delivery_weekdays) or tuple(range(7))
    schedule = delivery_schedule(
        delivery_day, lead_time_days=0,
        delivery_weekdays=tuple(sorted({delivery_day.weekday(), *weekdays})),
        shelf_life_days=product.shelf_life_days,
        is_open=lambda d: d == delivery_day or is_open(d),
        no_delivery=[d for d in product.no_delivery_days if d != delivery_day])
    return tuple(d for d in schedule.covers if is_open(d)) or (delivery_day,)


def delivery_window(product: Product, delivery_day: dt.date, days: tuple[dt.date, ...],
                    sales: Mapping[tuple[str, dt.date], Mapping[str, object]],
                    moves: list[StockMove], end: dt.date, ordered: float = 0.0
                    ) -> DeliveryWindow:
    """The window's figures from the sales rows ((product, day) -> row with `quantity` and
    `sold_out`, as `forecasting.review.sales_by_day` gives them) and the product's booked moves;
    `end` is the last day whose sales are in (the shop's); `ordered` all orders due with it."""
    rows = [sales.get((product.name, d)) for d in days]
    sold = sum(float(r["quantity"]) for r in rows if r is not None)  # type: ignore[arg-type]
    sellouts = sum(1 for r in rows if r is not None and r.get("sold_out"))
    # a product without a sales row on a day the shop's sales are in sold nothing that day
    counted = sum(1 for d, r in zip(days, rows, strict=True) if r is not None or d <= end)
    until = days[-1] if days else delivery_day
    receipt = next((m.quantity for m in moves
                    if m.kind == "receipt" and m.product == product.name
                    and m.date == delivery_day), None)
    off = sum(m.quantity for m in moves if m.kind == "writeoff" and m.product == product.name
              and delivery_day <= m.date <= until)
    return DeliveryWindow(delivery_day, days, receipt, sold, off, sellouts, counted, ordered)
