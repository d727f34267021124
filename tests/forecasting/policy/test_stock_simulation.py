"""The deli stock simulation: FIFO, expiry, deliveries on their weekdays, counting."""

from __future__ import annotations

import datetime as dt

import pytest

from forecasting.policy.stock_simulation import OrderContext, margin, round_up_to_packs, simulate
from forecasting.values.products import Product

START = dt.date(2026, 3, 2)  # a Monday
DAYS = [START + dt.timedelta(days=k) for k in range(28)]


def _open(day: dt.date) -> bool:
    return day.weekday() < 6


def test_units_are_conserved_and_expire() -> None:
    p = Product("Salat", shelf_life_days=2, lead_time_days=1, price=3.0, unit_cost=1.0)
    demand = {d: 5.0 for d in DAYS if _open(d)}
    res = simulate(p, DAYS, demand, _open, lambda ctx: 9.0)
    assert res.sold + res.short == pytest.approx(res.demand)
    assert res.wasted > 0  # 9 a day for 5 sold: the rest expires
    assert res.sold <= res.ordered
    assert margin(p, res) == pytest.approx(3.0 * res.sold - 1.0 * res.ordered)


def test_orders_only_for_delivery_weekdays_and_see_the_window() -> None:
    p = Product("Käse", shelf_life_days=10, lead_time_days=2, delivery_weekdays=(1, 4))
    seen: list[OrderContext] = []

    def policy(ctx: OrderContext) -> float:
        seen.append(ctx)
        return 10.0

    simulate(p, DAYS, {d: 3.0 for d in DAYS if _open(d)}, _open, policy)
    assert {c.delivery_day.weekday() for c in seen} == {1, 4}
    assert all((c.delivery_day - c.day).days == 2 for c in seen)
    first = seen[0]
    assert first.window[0] == first.day + dt.timedelta(days=1)
    assert all(_open(d) for d in first.window)


def test_too_little_sells_out() -> None:
    p = Product("Brot", shelf_life_days=3, lead_time_days=1)
    res = simulate(p, DAYS, {d: 10.0 for d in DAYS if _open(d)}, _open, lambda ctx: 4.0)
    assert res.sellout_days >= res.days - 2
    assert res.wasted == 0


def test_rule_rounding_to_packs() -> None:
    p = Product("x", pack_size=6, min_order=12)
    assert round_up_to_packs(0.0, p) == 0.0
    assert round_up_to_packs(3.0, p) == 12.0
    assert round_up_to_packs(13.0, p) == 18.0
