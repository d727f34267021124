"""The deli's shelf across evenings (issue 21): decided orders are open orders until their
delivery day, then stock; receipts and write-offs correct it; an order serves the days from its
delivery on. Real shop files, the real operations; the forecast is given (normal demand)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from forecasting.errors import UserError
from forecasting.operations import decisions, stock
from forecasting.operations.edits import apply_edit
from forecasting.operations.sheet import read_decisions, sheet_of
from forecasting.policy.explain_text import delivery_text
from forecasting.policy.lines import OrderLine
from forecasting.policy.plan import OrderPlan, build_order_plan
from forecasting.store.create import create_shop
from forecasting.store.file import Shop
from forecasting.store.products import save_product
from forecasting.store.sales import write_sales
from forecasting.store.stock import save_count
from forecasting.values.products import Product
from forecasting.values.stock import StockCount

THU, FRI, SAT = dt.date(2026, 11, 26), dt.date(2026, 11, 27), dt.date(2026, 11, 28)
MON, TUE = dt.date(2026, 11, 30), dt.date(2026, 12, 1)
DAILY = {"Büffelmozzarella": 14.5, "Hummus": 12.0, "Ciabatta": 15.0}


@pytest.fixture
def deli(tmp_path: Path) -> Shop:
    """A deli open Monday to Saturday: mozzarella delivered Tuesday and Friday (ordered two days
    ahead), hummus Monday and Thursday (one day ahead), Ciabatta daily (keeps two days)."""
    shop = create_shop(tmp_path / "deli.bkshop", name="Feinkost", state="SH")
    save_product(shop, Product("Büffelmozzarella", category="Käse", price=2.9, unit_cost=1.5,
                               shelf_life_days=10, lead_time_days=2, delivery_weekdays=(1, 4),
                               supplier="Käsehandel"))
    save_product(shop, Product("Hummus", category="Feinkost", price=2.5, unit_cost=1.0,
                               shelf_life_days=14, lead_time_days=1, delivery_weekdays=(0, 3),
                               supplier="Orient"))
    save_product(shop, Product("Ciabatta", category="Brot", price=2.2, unit_cost=0.8,
                               shelf_life_days=2, lead_time_days=1, supplier="Bäckerei"))
    yield shop
    shop.close()


def _plan(shop: Shop, day: dt.date, make_forecast: Callable[..., object]) -> OrderPlan:
    days = [day + dt.timedelta(days=k) for k in range(12)]
    result = make_forecast({(p, d): (mu, 2.0) for p, mu in DAILY.items() for d in days})
    return build_order_plan(shop, day, result=result)


def _accept(shop: Shop, plan: OrderPlan) -> None:
    apply_edit(shop, decisions.accept(sheet_of(plan, read_decisions(shop, plan.day)), by="test"))


def _sold(shop: Shop, day: dt.date, **sold: float) -> None:
    write_sales(shop, pd.DataFrame([{"product": p.replace("_", " "), "date": day, "quantity": q}
                                    for p, q in sold.items()]))


def _line(plan: OrderPlan, product: str) -> OrderLine:
    return plan.line(product)


def test_an_accepted_order_is_an_open_order_until_its_delivery_day(
        deli: Shop, make_forecast: Callable[..., object]) -> None:
    """Finding 1: accept Friday's sheet, import Friday's sales: Saturday's sheet shows the
    mozzarella ordered for Tuesday as "schon bestellt" and does not order Tuesday again."""
    save_count(deli, StockCount("Büffelmozzarella", FRI, on_hand=22.0))
    friday = _plan(deli, FRI, make_forecast)
    ordered = _line(friday, "Büffelmozzarella").suggestion
    assert _line(friday, "Büffelmozzarella").delivery_day == TUE
    assert ordered > 0
    _accept(deli, friday)
    _sold(deli, FRI, Büffelmozzarella=14.0, Hummus=11.0, Ciabatta=15.0)
    saturday = _line(_plan(deli, SAT, make_forecast), "Büffelmozzarella")
    assert saturday.on_order == ordered
    assert read_decisions(deli, FRI)["Büffelmozzarella"].delivery_day == TUE
    assert saturday.on_hand == 8.0
    assert saturday.delivery_day == TUE  # the same delivery
    steps = {s.code: s.amount for s in saturday.explanation.steps}
    assert steps["on_order"] == pytest.approx(-ordered)
    assert saturday.suggestion <= 0.15 * ordered  # not the same order again
    # the sheet of the order day itself does not count its own decision as on order
    assert _line(_plan(deli, FRI, make_forecast), "Büffelmozzarella").suggestion == ordered
    # reopening the line takes the open order away again
    sheet = sheet_of(friday, read_decisions(deli, FRI))
    apply_edit(deli, decisions.reopen(sheet, ["Büffelmozzarella"]))
    assert _line(_plan(deli, SAT, make_forecast), "Büffelmozzarella").on_order == 0.0


def test_an_order_enters_the_stock_on_its_delivery_day(
        deli: Shop, make_forecast: Callable[..., object]) -> None:
    """Finding 2: hummus ordered Saturday comes Monday; on Tuesday it is stock less Monday's
    sales, no longer "schon bestellt". Ciabatta ordered Thursday comes Friday; Saturday's sheet
    has it on the shelf less Friday's sales, not 0."""
    save_count(deli, StockCount("Ciabatta", THU, on_hand=5.0))
    thursday = _plan(deli, THU, make_forecast)
    bread = _line(thursday, "Ciabatta").suggestion
    assert _line(thursday, "Ciabatta").delivery_day == FRI
    assert _line(thursday, "Hummus").delivery_day == MON
    hummus = _line(thursday, "Hummus").suggestion
    _accept(deli, thursday)
    _sold(deli, THU, Ciabatta=5.0, Hummus=10.0)
    _sold(deli, FRI, Ciabatta=12.0, Hummus=12.0)
    assert _line(_plan(deli, SAT, make_forecast), "Ciabatta").on_hand == bread - 12.0
    saturday = _plan(deli, SAT, make_forecast)
    assert _line(saturday, "Hummus").on_order == hummus  # Thursday's, due Monday
    assert _line(saturday, "Hummus").suggestion == 0  # Monday's delivery is ordered already
    _accept(deli, saturday)
    _sold(deli, SAT, Ciabatta=14.0, Hummus=13.0)
    monday = _line(_plan(deli, MON, make_forecast), "Hummus")
    assert (monday.on_hand, monday.on_order) == (0.0, hummus)  # comes today
    _sold(deli, MON, Ciabatta=15.0, Hummus=14.0)
    tuesday = _line(_plan(deli, TUE, make_forecast), "Hummus")
    assert (tuesday.on_hand, tuesday.on_order) == (hummus - 14.0, 0.0)


def test_receipts_and_write_offs_correct_the_shelf(
        deli: Shop, make_forecast: Callable[..., object]) -> None:
    """A short delivery booked as received, and write-offs, change the stock from that day on;
    a receipt in the future and bad quantities are refused and change nothing."""
    saturday = _plan(deli, SAT, make_forecast)
    hummus = _line(saturday, "Hummus").suggestion
    _accept(deli, saturday)
    _sold(deli, MON, Hummus=14.0, Ciabatta=15.0)
    move, ordered = stock.receive(deli, "Hummus", MON, hummus - 10.0, today=TUE)
    assert (move.kind, move.quantity) == ("receipt", hummus - 10.0)
    assert ordered == hummus
    assert _line(_plan(deli, TUE, make_forecast), "Hummus").on_hand == hummus - 24.0
    stock.writeoff(deli, "Hummus", MON, 3.0, "damaged")
    line = _line(_plan(deli, TUE, make_forecast), "Hummus")
    assert (line.on_hand, line.on_order) == (hummus - 27.0, 0.0)
    before = deli.plan_version()
    with pytest.raises(UserError):
        stock.receive(deli, "Hummus", TUE + dt.timedelta(days=3), 5.0, today=TUE)
    with pytest.raises(UserError):
        stock.writeoff(deli, "Hummus", MON, -1.0)
    with pytest.raises(UserError):
        stock.writeoff(deli, "Kaviar", MON, 1.0)
    assert deli.plan_version() == before


def test_days_before_the_delivery_are_served_by_the_shelf_alone(
        deli: Shop, make_forecast: Callable[..., object]) -> None:
    """Finding 3: 22 mozzarella on Friday, about 14.5 sold a day, the order comes Tuesday: the
    shelf is empty from Saturday; the order serves Tuesday to Thursday (Friday's delivery
    follows), about 43.5, not the 87 of Friday to Thursday less the 22 on the shelf."""
    save_count(deli, StockCount("Büffelmozzarella", FRI, on_hand=22.0))
    line = _line(_plan(deli, FRI, make_forecast), "Büffelmozzarella")
    assert 43 <= line.suggestion <= 55
    assert line.covers == (TUE, TUE + dt.timedelta(days=1), TUE + dt.timedelta(days=2))
    assert line.forecast == pytest.approx(43.5, abs=0.1)
    assert line.empty_from == SAT
    assert line.stock_at_delivery == pytest.approx(0.0, abs=0.5)
    assert 43 <= line.suggestion <= 55
    assert sum(s.amount for s in line.explanation.steps) == pytest.approx(line.suggestion)
    assert delivery_text(line, "de") == ("Lieferung Di 1.12.; bis dahin voraussichtlich "
                                         "ausverkauft ab Sa; deckt Di–Do")
    assert delivery_text(line, "en") == ("delivery Tue 1 Dec; until then likely sold out from "
                                         "Sat; covers Tue–Thu")


def test_counted_stock_of_unknown_age_is_taken_as_old_as_it_can_be(
        deli: Shop, make_forecast: Callable[..., object]) -> None:
    """Finding 4: 25 Ciabatta counted Saturday (keeps 2 days) came Friday at the latest: they
    are gone by Monday, so Saturday's order for Monday is not 0 ("Vorrat reicht"), and the
    line says the age was assumed. Received Saturday (age known), they last until Sunday only
    too: Monday still needs its bread."""
    save_count(deli, StockCount("Ciabatta", SAT, on_hand=25.0))
    line = _line(_plan(deli, SAT, make_forecast), "Ciabatta")
    assert line.delivery_day == MON
    assert line.suggestion >= 15
    assert "stock_age_assumed" in [n.code for n in line.explanation.notes]
