"""One order line from plain inputs: a quantile grid, contributions, the product and its level.

`newsvendor_line` is for goods sold on the day they are made (bakery); `stocked_line` for goods that
keep (deli: stock, lead time, delivery days). Both return an `OrderLine` whose explanation steps add
up to the forecast and to the suggestion, and that can say what any other quantity would bring.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from forecasting.policy.economics import ServiceLevel
from forecasting.policy.explanation import Explanation, Note, Step, build_explanation, factor_steps
from forecasting.policy.explanation import shown_decimals as shown_decimals  # where it was
from forecasting.policy.newsvendor import Outcome, demand_points, outcome, quantile_at
from forecasting.policy.order_up_to import Schedule, shelf_order, window_outcome
from forecasting.policy.rounding import round_quantity
from forecasting.values.products import Product

#: Line status: "order" (a real suggestion) or why the line is 0.
STATUSES = ("order", "closed", "not_sold", "not_sold_weekday", "no_history", "out_of_season",
            "supplier_closed")
_VOLUME_UNITS = {"kg", "g", "l", "liter", "litre"}


@dataclasses.dataclass
class OrderLine:
    """One product's suggestion with everything the order sheet shows.

    date: the sales day (goods made for the day) or the order day (goods that keep, delivered on
    `delivery_day` and covering `sales_days`). forecast: the median demand (over `sales_days` for
    goods that keep). quantiles: level -> units, for the same span. outcome: expected sales,
    leftover, short, P(sell out), margin at the suggestion; `at(q)` gives them for another q.
    """

    product: str
    date: dt.date
    status: str
    forecast: float
    suggestion: float
    explanation: Explanation
    supplier: str = ""
    category: str = ""
    unit: str = "Stück"
    quantiles: dict[float, float] = dataclasses.field(default_factory=dict)
    service: ServiceLevel | None = None
    outcome: Outcome | None = None
    model: str = ""
    delivery_day: dt.date | None = None
    sales_days: tuple[dt.date, ...] = ()
    status_params: dict[str, Any] = dataclasses.field(default_factory=dict)
    evaluate: Callable[[float], Outcome] | None = dataclasses.field(default=None, repr=False)
    shelf_life_days: int = 1  # more than 1: the product keeps, its stock can be counted
    stocked: bool = False  # ordered up to the stock (goods that keep), not for one day
    on_hand: float | None = None  # goods that keep, ordered up to: the stock count used
    on_order: float | None = None
    counted: dt.date | None = None  # the date of that count (carried forward since)
    covers: tuple[dt.date, ...] = ()  # goods that keep: the sales days the order serves
    stock_at_delivery: float | None = None  # expected units on the shelf when the order comes
    empty_from: dt.date | None = None  # first day before the delivery the shelf is likely empty
    # goods that keep: one quantile grid (level -> units) per day of `sales_days` (the preview of
    # the next weeks plays them forward: tradeoff_stock)
    day_quantiles: tuple[dict[float, float], ...] = dataclasses.field(default=(), repr=False)

    @property
    def decimals(self) -> int:
        """Decimals to show for this product's quantities."""
        return self.explanation.decimals

    def at(self, quantity: float) -> Outcome | None:
        """What the owner's own quantity is expected to bring (None when there is no forecast)."""
        return self.evaluate(float(quantity)) if self.evaluate else None


def display_decimals(product: Product) -> int:
    """0 for pieces, 1 for goods sold by weight or volume or in part packs."""
    if product.unit.strip().lower() in _VOLUME_UNITS or not float(product.pack_size).is_integer():
        return 1
    return 0


def _economics(product: Product) -> dict[str, float | None]:
    known = product.price > 0 and product.unit_cost > 0
    return {
        "price": product.price if known else None,
        "unit_cost": product.unit_cost if known else None,
        "salvage_value": product.salvage_value,
    }


def _factors(
    contributions: Sequence[tuple[str, float]], median: float, params: dict[str, dict[str, Any]]
) -> list[Step]:
    if not contributions:
        return [Step("baseline", dict(params.get("baseline", {})), median)]
    steps = factor_steps(contributions, params=params)
    gap = median - sum(s.amount for s in steps)
    if abs(gap) > 1e-9:
        rest = [s for s in steps if s.code == "other"]
        if rest:
            steps[steps.index(rest[0])] = Step("other", {}, rest[0].amount + gap)
        else:
            steps.append(Step("other", {}, gap))
    return steps


def _rounding_step(product: Product, rule: str, amount: float) -> Step:
    params: dict[str, Any] = {"pack_size": product.pack_size, "unit": product.unit}
    params["container"] = "tray" if product.shelf_life_days <= 1 else "pack"
    if rule != "rounding":
        params["min_order"] = product.min_order
    return Step(rule, params, amount)


def zero_line(product: Product, day: dt.date, status: str, **params: Any) -> OrderLine:
    """A line that orders nothing, with the reason in `status` (closed, not sold that weekday)."""
    expl = Explanation(steps=[], forecast=0.0, suggestion=0.0, decimals=display_decimals(product))
    return OrderLine(
        product=product.name,
        date=day,
        status=status,
        forecast=0.0,
        suggestion=0.0,
        explanation=expl,
        supplier=product.supplier,
        category=product.category,
        unit=product.unit,
        shelf_life_days=product.shelf_life_days,
        status_params=params,
    )


def newsvendor_line(
    product: Product,
    day: dt.date,
    levels: Sequence[float] | np.ndarray,
    values: Sequence[float] | np.ndarray,
    contributions: Sequence[tuple[str, float]],
    *,
    service: ServiceLevel,
    params: dict[str, dict[str, Any]] | None = None,
    notes: Sequence[Note] = (),
    model: str = "",
) -> OrderLine:
    """Goods sold on the day: the quantile at the service level, then packs and minimum order."""
    grid = np.asarray(values, dtype=float)[None, :]
    median = float(quantile_at(levels, grid, 0.5)[0])
    raw = float(quantile_at(levels, grid, service.level)[0])
    pts = demand_points(levels, grid)
    rounded = round_quantity(
        pts, raw, pack_size=product.pack_size, min_order=product.min_order, level=service.level
    )
    factors = _factors(contributions, median, params or {})
    policy = [
        Step("safety", {"level": service.level, "source": service.source}, raw - median),
        _rounding_step(product, rounded.rule, rounded.quantity - raw),
    ]
    decimals = display_decimals(product)
    expl = build_explanation(
        factors, policy, suggestion=rounded.quantity, decimals=decimals, notes=list(notes)
    )
    econ = _economics(product)

    def evaluate(q: float) -> Outcome:
        return outcome(levels, grid, q, **econ)  # type: ignore[arg-type]

    return OrderLine(
        product=product.name,
        date=day,
        status="order",
        forecast=median,
        suggestion=rounded.quantity,
        explanation=expl,
        supplier=product.supplier,
        category=product.category,
        unit=product.unit,
        shelf_life_days=product.shelf_life_days,
        quantiles=_quantile_map(levels, grid[0]),
        service=service,
        outcome=evaluate(rounded.quantity),
        model=model,
        delivery_day=day,
        sales_days=(day,),
        evaluate=evaluate,
    )


def _quantile_map(levels: Sequence[float] | np.ndarray, values: np.ndarray) -> dict[float, float]:
    order = np.argsort(np.asarray(levels, dtype=float))
    vals = np.maximum.accumulate(np.clip(np.asarray(values, dtype=float)[order], 0.0, None))
    return {float(levels[i]): float(v) for i, v in zip(order, vals, strict=True)}


def stocked_line(
    product: Product,
    schedule: Schedule,
    levels: Sequence[float] | np.ndarray,
    values: np.ndarray,
    contributions: Sequence[Sequence[tuple[str, float]]],
    *,
    service: ServiceLevel,
    on_hand: float = 0.0,
    on_order: float = 0.0,
    old_stock_days: int | None = None,
    batches: Sequence[tuple[float, int]] | None = None,
    arrivals: Sequence[tuple[float, int, int]] | None = None,
    params: dict[str, dict[str, Any]] | None = None,
    notes: Sequence[Note] = (),
    model: str = "",
) -> OrderLine:
    """Goods that keep: order today what the days from its delivery to the following one need.

    values: one quantile row per day in `schedule.sales_days`; contributions: one list per day.
    The days before the delivery are served by the shelf alone. batches: the stock as (units,
    window days it can still be sold), default all of `on_hand` for `old_stock_days`; arrivals:
    open orders as (units, window day index they come, index from which they no longer sell),
    default `on_order` today.
    """
    grid = np.atleast_2d(np.asarray(values, dtype=float))
    n = grid.shape[0]
    medians = quantile_at(levels, grid, 0.5)
    first = len(schedule.before)
    if batches is None:
        batches = [(on_hand, n if old_stock_days is None else old_stock_days)]
    if arrivals is None:
        arrivals = [(on_order, 0, n)]
    res = shelf_order(levels, grid, level=service.level, first_cover=first, batches=batches,
                      arrivals=arrivals, medians=medians)
    on_hand, on_order = res.on_hand, res.on_order
    contributions = contributions[first:]
    flat = [c for day in contributions for c in day]
    base = dict((params or {}).get("baseline", {}))
    base["days"] = len(schedule.covers)
    factors = _factors(flat, res.median_total, {**(params or {}), "baseline": base})
    policy = [
        Step("safety", {"level": service.level, "source": service.source}, res.parts()["safety"]),
    ]
    for code in ("stock_on_hand", "sold_before_delivery", "spoilage", "on_order"):
        if abs(res.parts()[code]) > 1e-9:
            policy.append(Step(code, {}, res.parts()[code]))
    raw = res.raw_quantity
    if raw < 0:
        policy.append(Step("stock_covers", {}, -raw))
        raw = 0.0
    rounded = round_quantity(
        res.need(), raw, pack_size=product.pack_size, min_order=product.min_order,
        level=service.level,
    )
    policy.append(_rounding_step(product, rounded.rule, rounded.quantity - raw))
    decimals = display_decimals(product)
    expl = build_explanation(
        factors, policy, suggestion=rounded.quantity, decimals=decimals, notes=list(notes)
    )
    econ = _economics(product)
    last_day = schedule.sales_days[-1] if schedule.sales_days else schedule.delivery_day
    expires = (last_day - schedule.delivery_day).days + 1 >= product.shelf_life_days

    def evaluate(q: float) -> Outcome:
        return window_outcome(res, q, expires_at_end=expires, **econ)  # type: ignore[arg-type]

    window_q = np.quantile(res.total_demand, np.asarray(levels, dtype=float))
    return OrderLine(
        product=product.name,
        date=schedule.order_day,
        status="order",
        forecast=res.median_total,
        suggestion=rounded.quantity,
        explanation=expl,
        supplier=product.supplier,
        category=product.category,
        unit=product.unit,
        shelf_life_days=product.shelf_life_days,
        quantiles=_quantile_map(levels, window_q),
        service=service,
        outcome=evaluate(rounded.quantity),
        model=model,
        delivery_day=schedule.delivery_day,
        sales_days=schedule.sales_days,
        evaluate=evaluate,
        stocked=True,
        on_hand=on_hand,
        on_order=on_order,
        covers=schedule.covers,
        stock_at_delivery=res.stock_at_delivery,
        empty_from=next((d for d, p in zip(schedule.before, res.p_empty_before, strict=False)
                         if p >= 0.5), None),
        day_quantiles=tuple(_quantile_map(levels, row) for row in grid),
    )
