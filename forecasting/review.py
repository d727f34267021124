"""Rückblick: the owner's decisions compared with what really sold (Qt-free).

For every decided product-day in a date range this puts the suggestion, the owner's final quantity
and the reason beside the recorded sales, and for every override (final != suggestion) says which
of the two quantities was closer to the demand and what leftover / shortfall each one implies.

Censoring (the one rule used everywhere here). A day counts as sold out when the forecasting core
would treat it as censored (`forecasting.models.censoring.censored_mask`: a sold-out time is
recorded, or everything that was made was sold). On other days demand = sales, so every figure is
exact. On a sold-out day demand was *at least* the sales and nothing more is known:
- a quantity Q <= sales would also have sold out: leftover 0, short "at least" sales - Q;
- a quantity Q > sales: leftover unknown (at most Q - sales), sold out unknown, short at least 0;
- of two quantities, the larger one is closer only when their midpoint lies below the sales
  (demand >= sales > midpoint); otherwise which one was closer is "open" (undecidable).
Shortfalls are therefore never summed as lost units: the summaries count sold-out days instead,
and leftover differences are summed only where both leftovers are known.

Days for which no sales are recorded yet (the product has no sales row that day) are status
`no_sales` ("noch keine Verkaufszahlen") and are not scored.

Goods that keep (issue 21): a decided order with a delivery day serves the days up to the next
delivery, so it is judged over those days (`forecasting.review_window`): the line's `sold` is the
sales of the covered days, `sold_out` whether any of them sold out, and `window` holds what came,
what was written off and on how many days the shelf sold out. Until the sales of every covered day
are in, such a line is `no_sales` (with the sales so far) and not scored. Goods made for the day
are judged against their day as before.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pandas as pd

from forecasting.errors import ShopFileError
from forecasting.models.censoring import censored_mask
from forecasting.review_window import DeliveryWindow, covered_days, delivery_window, open_check
from forecasting.store.decisions import load_decisions
from forecasting.store.file import Shop
from forecasting.store.products import load_products, product_ids
from forecasting.store.sales import last_sales_date, read_sales
from forecasting.store.stock import load_moves
from forecasting.values.decisions import OrderDecision
from forecasting.values.products import Product

NO_SALES = "no_sales"  # status: no sales recorded for the product and day yet
ACCEPTED = "accepted"  # status: the owner took the suggestion
OVERRIDE = "override"  # status: the owner ordered another quantity
CLOSER = ("owner", "suggestion", "equal", "open")  # ReviewLine.closer for overrides
_EPS = 1e-9


@dataclasses.dataclass(frozen=True)
class Outcome:
    """What a quantity would have led to against the day's sales (see the module's censoring rule).

    leftover: units left over; None when unknown (sold-out day and the quantity above the sales).
    short: units short of demand; on a sold-out day a lower bound ("at least").
    sold_out: whether the quantity would have sold out; None when unknown.
    """

    leftover: float | None
    short: float
    sold_out: bool | None


@dataclasses.dataclass(frozen=True)
class ReviewLine:
    """One decided product-day.

    sold, produced, leftover_recorded: the day's sales row (None if not recorded / no row).
    sold_out: the day sold out (None when there are no sales yet). status: NO_SALES, ACCEPTED or
    OVERRIDE. closer (overrides with sales only): one of CLOSER. leftover_change: the owner's
    leftover minus the suggestion's (negative = fewer leftovers), None when not known.
    sellout_change: +1 the owner's quantity sold out and the suggestion's would not have, -1 the
    reverse, 0 the same, None when not known. unit: what the quantities count ("Stück", or "EUR"
    for a product planned in euros). window: for an order of goods that keep, the days it served
    and what happened over them (sold, sold_out and the outcomes are then over those days).
    """

    product: str
    date: dt.date
    suggested: float | None
    final: float | None
    reason_code: str | None
    reason_text: str
    sold: float | None
    produced: float | None
    leftover_recorded: float | None
    sold_out: bool | None
    status: str
    final_outcome: Outcome | None = None
    suggested_outcome: Outcome | None = None
    closer: str | None = None
    leftover_change: float | None = None
    sellout_change: int | None = None
    unit: str = "Stück"
    window: DeliveryWindow | None = None

    @property
    def scored(self) -> bool:
        """Whether sales are known for the day (the line is compared)."""
        return self.status != NO_SALES


@dataclasses.dataclass
class ReviewSummary:
    """Counts over lines (all of them, or the overrides with one reason code).

    decided: lines; no_sales: of them without sales yet; accepted / overrides: scored lines;
    owner_closer / suggestion_closer / equal / open: the overrides by `closer`;
    leftover_change: summed where known (negative = the owner's changes left fewer units over);
    leftover_unknown: overrides where it is not known; sellout_change: days the owner's quantities
    sold out minus days the suggestions would have, where known; sellout_unknown: where not.
    leftover_by_unit: leftover_change per unit (pieces and euros are never one number for the
    owner).
    """

    decided: int = 0
    no_sales: int = 0
    accepted: int = 0
    overrides: int = 0
    owner_closer: int = 0
    suggestion_closer: int = 0
    equal: int = 0
    open: int = 0
    leftover_change: float = 0.0
    leftover_unknown: int = 0
    sellout_change: int = 0
    sellout_unknown: int = 0
    leftover_by_unit: dict[str, float] = dataclasses.field(default_factory=dict)

    def add(self, line: ReviewLine) -> None:
        """Count one line."""
        self.decided += 1
        if line.status == NO_SALES:
            self.no_sales += 1
            return
        if line.status == ACCEPTED:
            self.accepted += 1
            return
        self.overrides += 1
        key = {"owner": "owner_closer", "suggestion": "suggestion_closer"}.get(
            line.closer or "open", line.closer or "open")
        setattr(self, key, getattr(self, key) + 1)
        if line.leftover_change is None:
            self.leftover_unknown += 1
        else:
            self.leftover_change += line.leftover_change
            self.leftover_by_unit[line.unit] = (self.leftover_by_unit.get(line.unit, 0.0)
                                                + line.leftover_change)
        if line.sellout_change is None:
            self.sellout_unknown += 1
        else:
            self.sellout_change += line.sellout_change


@dataclasses.dataclass
class Review:
    """The lines of [start, end] (by date, then product) with the summaries.

    by_reason: reason code ("" for overrides without one) -> summary of the overrides with it.
    """

    start: dt.date
    end: dt.date
    lines: list[ReviewLine]
    overall: ReviewSummary
    by_reason: dict[str, ReviewSummary]


def outcome(quantity: float, sold: float, sold_out: bool) -> Outcome:
    """What `quantity` implies on a day with `sold` units sold (censored when `sold_out`)."""
    if not sold_out:  # demand == sold
        return Outcome(max(0.0, quantity - sold), max(0.0, sold - quantity),
                       sold > 0 and quantity <= sold + _EPS)
    if quantity <= sold + _EPS:  # demand >= sold >= quantity
        return Outcome(0.0, max(0.0, sold - quantity), True)
    return Outcome(None, 0.0, None)


def closer(final: float, suggested: float, sold: float, sold_out: bool) -> str:
    """Which quantity was closer to demand: "owner", "suggestion", "equal" or "open"."""
    if not sold_out:
        gap_final, gap_suggested = abs(final - sold), abs(suggested - sold)
        if abs(gap_final - gap_suggested) < _EPS:
            return "equal"
        return "owner" if gap_final < gap_suggested else "suggestion"
    if abs(final - suggested) < _EPS:
        return "equal"
    if (final + suggested) / 2 < sold - _EPS:  # demand >= sold > midpoint: the larger is closer
        return "owner" if final > suggested else "suggestion"
    return "open"


def review_line(product: str, day: dt.date, suggested: float | None, final: float | None,
                reason_code: str | None, reason_text: str, sales: dict[str, object] | None
                ) -> ReviewLine:
    """Score one decision against the day's sales row (None: no sales yet)."""
    if sales is None or final is None:
        return ReviewLine(product, day, suggested, final, reason_code, reason_text or "",
                          None, None, None, None, NO_SALES)
    sold = float(sales["quantity"])  # type: ignore[arg-type]
    sold_out = bool(sales["sold_out"])
    line = ReviewLine(product, day, suggested, final, reason_code, reason_text or "", sold,
                      _num(sales.get("produced")), _num(sales.get("leftover")), sold_out, ACCEPTED)
    mine = outcome(final, sold, sold_out)
    if suggested is None or abs(final - suggested) < _EPS:
        return dataclasses.replace(line, final_outcome=mine, suggested_outcome=mine)
    theirs = outcome(suggested, sold, sold_out)
    left = (None if mine.leftover is None or theirs.leftover is None
            else mine.leftover - theirs.leftover)
    sellout = (None if mine.sold_out is None or theirs.sold_out is None
               else int(mine.sold_out) - int(theirs.sold_out))
    return dataclasses.replace(line, status=OVERRIDE, final_outcome=mine, suggested_outcome=theirs,
                               closer=closer(final, suggested, sold, sold_out),
                               leftover_change=left, sellout_change=sellout)


def _num(value: object) -> float | None:
    if value is None or pd.isna(value):  # type: ignore[call-overload]
        return None
    return float(value)  # type: ignore[arg-type]


def sales_by_day(shop: Shop, start: dt.date, end: dt.date) -> dict[tuple[str, dt.date], dict]:
    """(product, day) -> the sales row plus `sold_out`, flagged as the forecasting core does."""

    sales = read_sales(shop, start, end)
    if sales.empty:
        return {}
    products = sorted(sales["product"].unique())
    dates = pd.DatetimeIndex(sorted(sales["date"].unique()))
    mask = censored_mask(sales, dates, products)
    out: dict[tuple[str, dt.date], dict] = {}
    col = {p: j for j, p in enumerate(products)}
    row = {d: i for i, d in enumerate(dates)}
    for rec in sales.to_dict("records"):
        rec["sold_out"] = bool(mask[row[rec["date"]], col[rec["product"]]])
        out[(rec["product"], rec["date"].date())] = rec
    return out


def _judged_over_window(decision: OrderDecision, product: Product | None) -> bool:
    """An order of goods that keep with its delivery day (the plan sized it for its window)."""
    return (decision.delivery_day is not None and product is not None
            and product.shelf_life_days > 1)


def window_line(decision: OrderDecision, window: DeliveryWindow, unit: str) -> ReviewLine:
    """Score an order of goods that keep over the days it served (not yet: `no_sales`, with the
    sales so far)."""
    d = decision
    if d.final is None or not window.complete:
        line = review_line(d.product, d.date, d.suggested, d.final, d.reason_code, d.reason_text,
                           None)
        return dataclasses.replace(line, unit=unit, window=window,
                                   sold=window.sold if window.days_with_sales else None)
    totals = {"quantity": window.sold, "sold_out": window.sellout_days > 0}
    line = review_line(d.product, d.date, d.suggested, d.final, d.reason_code, d.reason_text,
                       totals)
    return dataclasses.replace(line, unit=unit, window=window)


def review_decisions(shop: Shop, start: dt.date, end: dt.date, product: str | None = None
                     ) -> Review:
    """The owner's decisions between start and end (inclusive) against the sales of those days;
    orders of goods that keep against the sales of the days they served."""
    if product is not None and product not in product_ids(shop):
        raise ShopFileError("shop.unknown_product", name=product)
    products = {p.name: p for p in load_products(shop)}
    every = load_decisions(shop)
    decided = [d for d in every
               if start <= d.date <= end and (product is None or d.product == product)]
    is_open = open_check(shop)
    windows: dict[tuple[str, dt.date], tuple[dt.date, ...]] = {}  # (product, delivery day)
    for d in decided:
        if _judged_over_window(d, products.get(d.product)) and d.delivery_day is not None:
            key = (d.product, d.delivery_day)
            if key not in windows:  # several orders may come with the same delivery
                windows[key] = covered_days(products[d.product], d.delivery_day, is_open)
    last = max([end, *(days[-1] for days in windows.values())])
    sales = sales_by_day(shop, start, last)
    moves = load_moves(shop, start, last) if windows else []
    sales_in = last_sales_date(shop) or start - dt.timedelta(days=1)
    ordered: dict[tuple[str, dt.date], float] = {}
    for d in every if windows else ():  # orders of other evenings count too
        key = (d.product, d.delivery_day or d.date)
        if d.delivery_day is not None and key in windows:
            ordered[key] = ordered.get(key, 0.0) + (d.final or 0.0)
    lines = []
    judged: dict[tuple[str, dt.date], DeliveryWindow] = {}
    for d in decided:
        unit = products[d.product].unit if d.product in products else "Stück"
        key = (d.product, d.delivery_day or d.date)
        if d.delivery_day is not None and key in windows:
            if key not in judged:
                judged[key] = delivery_window(products[d.product], d.delivery_day, windows[key],
                                              sales, moves, sales_in, ordered.get(key, 0.0))
            lines.append(window_line(d, judged[key], unit))
            continue
        lines.append(dataclasses.replace(
            review_line(d.product, d.date, d.suggested, d.final, d.reason_code, d.reason_text,
                        sales.get((d.product, d.date))),
            unit=unit))
    overall = ReviewSummary()
    by_reason: dict[str, ReviewSummary] = {}
    for line in lines:
        overall.add(line)
        if line.status == OVERRIDE:
            by_reason.setdefault(line.reason_code or "", ReviewSummary()).add(line)
    return Review(start, end, lines, overall, by_reason)
