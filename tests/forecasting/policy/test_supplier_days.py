"""The plan with the suppliers the owner keeps: a new cheese of a Tuesday/Friday supplier is
delivered on Tuesday (not Monday); the supplier's day without delivery moves it to Friday; a
product planned per day gets no line on such a day."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from forecasting.operations.settings import change_supplier
from forecasting.policy.plan import build_order_plan
from forecasting.store.file import Shop
from forecasting.store.products import save_product
from forecasting.values.products import Product

SATURDAY = dt.date(2026, 11, 28)
TUESDAY = dt.date(2026, 12, 1)


def _cheese_plan(shop: Shop, make_forecast: Callable[..., object]) -> object:
    save_product(shop, Product("Bergkäse", category="Käse", price=5.5, unit_cost=3.1,
                               shelf_life_days=10, supplier="Käsehandel"))  # a new product
    days = [SATURDAY + dt.timedelta(days=k) for k in range(14)]
    result = make_forecast({("Bergkäse", d): (10.0, 2.0) for d in days})
    return build_order_plan(shop, SATURDAY, result=result)


def test_a_new_product_of_a_tuesday_friday_supplier_comes_on_tuesday(
        small_shop: Shop, make_forecast: Callable[..., object]) -> None:
    save_product(small_shop, Product("Platzhalter", supplier="Käsehandel", active=False))
    change_supplier(small_shop, "Käsehandel", {"delivery_weekdays": (1, 4), "lead_time_days": 1})
    line = _cheese_plan(small_shop, make_forecast).line("Bergkäse")  # type: ignore[attr-defined]
    assert line.status == "order"
    assert line.delivery_day == TUESDAY  # Saturday's order; Monday is no delivery day


def test_a_day_without_delivery_moves_the_delivery(
        small_shop: Shop, make_forecast: Callable[..., object]) -> None:
    save_product(small_shop, Product("Platzhalter", supplier="Käsehandel", active=False))
    change_supplier(small_shop, "Käsehandel", {"delivery_weekdays": (1, 4), "lead_time_days": 1,
                                               "no_delivery_days": (TUESDAY,)})
    line = _cheese_plan(small_shop, make_forecast).line("Bergkäse")  # type: ignore[attr-defined]
    assert line.delivery_day == dt.date(2026, 12, 4)  # Friday


def test_a_daily_product_gets_no_line_on_a_day_without_delivery(
        small_shop: Shop, make_forecast: Callable[..., object]) -> None:
    change_supplier(small_shop, "Backstube", {"no_delivery_days": (SATURDAY,)})
    result = make_forecast({(p, SATURDAY): (20.0, 6.0) for p in ("Brötchen", "Käsekuchen")})
    plan = build_order_plan(small_shop, SATURDAY, result=result)
    rolls = plan.line("Brötchen")
    assert (rolls.status, rolls.suggestion) == ("supplier_closed", 0.0)
    assert plan.line("Käsekuchen").status == "order"  # another supplier
