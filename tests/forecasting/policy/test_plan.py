"""The order sheet for a day: closed days, weekdays without sales, saving with the data version."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

import pandas as pd
import pytest

from forecasting.operations.plan import save_plan
from forecasting.policy.explain_text import explanation_lines, reason_line
from forecasting.policy.plan import (
    RECENT_DAYS,
    build_order_plan,
    missing_sales,
    next_opening_day,
)
from forecasting.store.decisions import load_forecasts
from forecasting.store.file import Shop
from forecasting.store.products import save_product
from forecasting.store.settings import set_closing_day
from forecasting.values.products import Product

SATURDAY = dt.date(2026, 11, 28)
WEDNESDAY = dt.date(2026, 11, 25)
Build = Callable[[dt.date], object]
NAMES = ("Brötchen", "Bauernbrot", "Zopf", "Käsekuchen", "Neu")


@pytest.fixture
def forecast(make_forecast: Callable[..., object]) -> Callable[[dt.date], object]:
    def build(day: dt.date) -> object:
        return make_forecast({(p, day): (100.0 if p == "Brötchen" else 20.0, 6.0) for p in NAMES})

    return build


def test_open_day_gives_suggestions_by_supplier(small_shop: Shop, forecast: Build) -> None:
    plan = build_order_plan(small_shop, SATURDAY, result=forecast(SATURDAY))
    assert plan.is_open
    assert list(plan.groups()) == ["Backstube", "Konditorei"]
    rolls = plan.line("Brötchen")
    assert rolls.status == "order"
    assert rolls.suggestion % 12 == 0
    assert rolls.suggestion >= 96
    assert rolls.forecast == pytest.approx(100.0, abs=0.01)
    assert plan.line("Zopf").suggestion > 0  # Saturday is Zopf day
    steps = rolls.explanation.steps
    assert steps[0].code == "baseline"
    assert steps[0].params["weekday"] == 5
    assert [s.code for s in steps[:2]] == ["baseline", "weekday"]
    assert [n.code for n in plan.line("Neu").explanation.notes] == ["thin_history", "borrowed_from"]


def test_products_not_sold_on_the_weekday_get_zero(small_shop: Shop, forecast: Build) -> None:
    plan = build_order_plan(small_shop, WEDNESDAY, result=forecast(WEDNESDAY))
    zopf = plan.line("Zopf")
    assert (zopf.suggestion, zopf.status) == (0.0, "not_sold_weekday")  # only baked on Saturdays
    cake = plan.line("Käsekuchen")
    assert (cake.suggestion, cake.status) == (0.0, "not_sold_weekday")  # never sold on Wednesdays
    assert plan.line("Brötchen").suggestion > 0


@pytest.mark.parametrize(
    ("day", "kind"),
    [(dt.date(2026, 11, 29), "weekday"), (dt.date(2026, 12, 25), "holiday"),
     (dt.date(2026, 12, 1), "closing_day")],
)
def test_closed_days_give_zero_everywhere(
    small_shop: Shop, day: dt.date, kind: str, forecast: Build
) -> None:
    set_closing_day(small_shop, dt.date(2026, 12, 1), "Betriebsausflug")
    plan = build_order_plan(small_shop, day, result=forecast(day))
    assert not plan.is_open
    assert plan.closed_reason is not None
    assert plan.closed_reason[0] == kind
    assert all(line.suggestion == 0 and line.status == "closed" for line in plan.lines)


def test_next_opening_day_skips_sundays_holidays_and_closing_days(small_shop: Shop) -> None:
    set_closing_day(small_shop, dt.date(2026, 12, 28), "Inventur")
    assert next_opening_day(small_shop, dt.date(2026, 11, 28)) == dt.date(2026, 11, 30)
    assert next_opening_day(small_shop, dt.date(2026, 12, 24)) == dt.date(2026, 12, 29)


def test_product_not_yet_introduced_gets_zero(small_shop: Shop, forecast: Build) -> None:
    save_product(small_shop, Product("Stollen", introduced=dt.date(2026, 12, 1)))
    plan = build_order_plan(small_shop, SATURDAY, result=forecast(SATURDAY))
    assert plan.line("Stollen").status == "not_sold"


def test_saved_with_data_version(small_shop: Shop, forecast: Build) -> None:
    plan = build_order_plan(small_shop, SATURDAY, result=forecast(SATURDAY))
    saved = save_plan(small_shop, plan)
    stored = {f.product: f for f in load_forecasts(small_shop, SATURDAY)}
    assert saved == len(stored) == sum(1 for line in plan.lines if line.status == "order")
    rolls = stored["Brötchen"]
    assert rolls.data_version == small_shop.data_version() == plan.data_version
    assert sum(s["amount"] for s in rolls.explanation) == pytest.approx(
        plan.line("Brötchen").suggestion
    )
    assert rolls.median == pytest.approx(plan.line("Brötchen").forecast)


def test_goods_that_keep_cover_no_days_after_discontinuation(
    small_shop: Shop, make_forecast: Callable[..., object]
) -> None:
    # Tuesday/Friday deliveries, lead time 1: Wednesday's order arrives on Friday and must last
    # until Monday; discontinued from Saturday, it only covers Wednesday to Friday.
    last = Product("Feta", category="Käse", price=3.2, unit_cost=1.6, shelf_life_days=10,
                   lead_time_days=1, delivery_weekdays=(1, 4), supplier="Käsehandel")
    save_product(small_shop, last)
    save_product(small_shop, dataclasses.replace(last, id=None, name="Feta alt",
                                                 discontinued=dt.date(2026, 11, 28)))
    days = [WEDNESDAY + dt.timedelta(days=k) for k in range(7)]
    result = make_forecast({(p, d): (10.0, 2.0) for p in ("Feta", "Feta alt") for d in days})
    plan = build_order_plan(small_shop, WEDNESDAY, result=result)
    full, ending = plan.line("Feta"), plan.line("Feta alt")
    assert full.sales_days[-1] == dt.date(2026, 11, 30)
    assert ending.sales_days == (WEDNESDAY, dt.date(2026, 11, 26), dt.date(2026, 11, 27))
    # the order comes on Friday: it serves Friday (and Saturday, Monday), not the days before
    assert ending.covers == (dt.date(2026, 11, 27),)
    assert ending.forecast == pytest.approx(10.0, abs=0.1)
    assert full.covers == (dt.date(2026, 11, 27), SATURDAY, dt.date(2026, 11, 30))
    assert full.forecast == pytest.approx(30.0, abs=0.1)


def test_goods_that_keep_are_ordered_ahead_of_their_first_day(
    small_shop: Shop, make_forecast: Callable[..., object]
) -> None:
    # Wednesday's order arrives on Friday: a cheese on sale from Saturday is ordered now, one
    # gone from Friday is not (its delivery would come too late).
    cheese = Product("Bergkäse", category="Käse", price=5.5, unit_cost=3.1, shelf_life_days=10,
                     lead_time_days=1, delivery_weekdays=(1, 4), supplier="Käsehandel",
                     introduced=dt.date(2026, 11, 28))
    save_product(small_shop, cheese)
    save_product(small_shop, dataclasses.replace(cheese, id=None, name="Gouda", introduced=None,
                                                 discontinued=dt.date(2026, 11, 27)))
    days = [WEDNESDAY + dt.timedelta(days=k) for k in range(7)]
    result = make_forecast({(p, d): (10.0, 2.0) for p in ("Bergkäse", "Gouda") for d in days})
    plan = build_order_plan(small_shop, WEDNESDAY, result=result)
    new, gone = plan.line("Bergkäse"), plan.line("Gouda")
    assert new.status == "order"
    assert new.sales_days == (dt.date(2026, 11, 28), dt.date(2026, 11, 30))
    assert new.suggestion > 0
    assert (gone.status, gone.suggestion) == ("not_sold", 0.0)


def test_missing_sales_counts_past_opening_days_without_sales(small_shop: Shop) -> None:
    """Sales end Saturday 21.11.; the shop opens Monday to Saturday."""
    last = dt.date(2026, 11, 21)
    # Monday evening for Tuesday: only the closed Sunday is behind -> current
    assert missing_sales(small_shop, dt.date(2026, 11, 24), dt.date(2026, 11, 23)) is None
    # Wednesday evening: Monday and Tuesday missing, two days are tolerated
    assert missing_sales(small_shop, dt.date(2026, 11, 26), dt.date(2026, 11, 25)) is None
    # Thursday evening: Monday to Wednesday missing
    assert missing_sales(small_shop, dt.date(2026, 11, 27), dt.date(2026, 11, 26)) == (last, 3)
    # planning a day long past: only the days before that day count
    assert missing_sales(small_shop, dt.date(2026, 11, 23), dt.date(2026, 12, 10)) is None
    # a planned closing day is not a missing sales day
    set_closing_day(small_shop, dt.date(2026, 11, 24), "Betriebsausflug")
    assert missing_sales(small_shop, dt.date(2026, 11, 27), dt.date(2026, 11, 26)) is None


def test_a_stock_count_lowers_the_order_of_goods_that_keep(
    small_shop: Shop, make_forecast: Callable[..., object]
) -> None:
    from forecasting.store.stock import save_count
    from forecasting.values.stock import StockCount

    feta = Product("Feta", category="Käse", price=3.2, unit_cost=1.6, shelf_life_days=10,
                   lead_time_days=1, delivery_weekdays=(1, 4), supplier="Käsehandel")
    save_product(small_shop, feta)
    days = [WEDNESDAY + dt.timedelta(days=k) for k in range(7)]
    result = make_forecast({("Feta", d): (10.0, 2.0) for d in days})
    uncounted = build_order_plan(small_shop, WEDNESDAY, result=result).line("Feta")
    assert uncounted.on_hand is None
    assert uncounted.suggestion > 0
    save_count(small_shop, StockCount("Feta", dt.date(2026, 11, 24), on_hand=12.0, on_order=6.0))
    counted = build_order_plan(small_shop, WEDNESDAY, result=result).line("Feta")
    assert (counted.on_hand, counted.on_order) == (12.0, 6.0)
    steps = {s.code: s.amount for s in counted.explanation.steps}
    assert steps["stock_on_hand"] == pytest.approx(-12.0)
    assert steps["on_order"] == pytest.approx(-6.0)
    # Wednesday and Thursday (about 20) empty the shelf of 18 before Friday's delivery: the
    # order is as large as without the count
    assert steps["sold_before_delivery"] == pytest.approx(17.0, abs=1.0)
    assert counted.stock_at_delivery == pytest.approx(1.0, abs=1.0)
    assert counted.suggestion == pytest.approx(uncounted.suggestion, abs=2.0)
    # no sales rows for Tuesday yet: the count is not carried forward, and the line says so
    from forecasting.policy.explain_text import note_text

    notes = [note_text(n, "de") for n in counted.explanation.notes
             if n.code == "stock_unrecorded"]
    assert notes == ["Bestand gezählt am 24.11.2026; von 1 Verkaufstag seitdem fehlen die "
                     "Zahlen, sie sind nicht abgezogen: der Vorschlag ist eher zu niedrig"]
    # 46 on Wednesday: about 26 left when Friday's delivery comes; the order is that much lower
    save_count(small_shop, StockCount("Feta", WEDNESDAY, on_hand=40.0, on_order=6.0))
    more = build_order_plan(small_shop, WEDNESDAY, result=result).line("Feta")
    assert more.stock_at_delivery == pytest.approx(26.0, abs=1.5)
    assert more.suggestion == pytest.approx(uncounted.suggestion - 26.0, abs=2.0)
    assert sum(s.amount for s in more.explanation.steps) == pytest.approx(more.suggestion)
    # 80 of unknown age: taken as from the delivery before the last (Friday 20.11.), so they
    # sell until Sunday; Friday and Saturday are covered, Monday is not
    save_count(small_shop, StockCount("Feta", WEDNESDAY, on_hand=80.0))
    plenty = build_order_plan(small_shop, WEDNESDAY, result=result).line("Feta")
    assert 0 < plenty.suggestion <= 14
    assert "stock_age_assumed" in [n.code for n in plenty.explanation.notes]


def test_bread_that_keeps_is_ordered_up_to_once_its_stock_is_counted(
    small_shop: Shop, make_forecast: Callable[..., object]
) -> None:
    from forecasting.store.stock import save_count
    from forecasting.values.stock import StockCount

    bread = Product("Vollkornbrot", category="Brot", price=4.5, unit_cost=1.4, shelf_life_days=4,
                    supplier="Backstube")
    save_product(small_shop, bread)
    days = [SATURDAY + dt.timedelta(days=k) for k in range(7)]
    result = make_forecast({("Vollkornbrot", d): (20.0, 4.0) for d in days})
    daily = build_order_plan(small_shop, SATURDAY, result=result).line("Vollkornbrot")
    assert daily.sales_days == (SATURDAY,)
    assert daily.on_hand is None
    save_count(small_shop, StockCount("Vollkornbrot", SATURDAY, on_hand=5.0))
    stocked = build_order_plan(small_shop, SATURDAY, result=result).line("Vollkornbrot")
    assert stocked.on_hand == 5.0
    assert {s.code for s in stocked.explanation.steps} >= {"stock_on_hand"}


def _with_recent_level(result: object, amount: float) -> object:
    """The forecast with part of every weekday step moved to "recent_level" (the sum unchanged)."""
    frame = result.contributions  # type: ignore[attr-defined]
    moved = frame[frame["group"] == "weekday"].copy()
    moved["group"], moved["amount"] = "recent_level", amount
    frame.loc[frame["group"] == "weekday", "amount"] -= amount
    result.contributions = pd.concat([frame, moved], ignore_index=True)  # type: ignore[attr-defined]
    return result


def test_history_that_ended_long_ago_is_said_first_and_never_called_recent(
        small_shop: Shop, forecast: Build) -> None:
    """Issue 15: a history that ended years ago was forecast as if it were last week ("zuletzt
    weniger verkauft" about 2018). The sales of small_shop end on 21.11.2026."""
    later = dt.date(2028, 11, 25)
    plan = build_order_plan(small_shop, later, result=_with_recent_level(forecast(later), -3.0))
    rolls = plan.line("Brötchen")
    assert rolls.explanation.stale_since == dt.date(2026, 11, 21)
    reason = reason_line(rolls.explanation, "de")
    assert reason.startswith("Verkaufszahlen nur bis 21.11.2026 (2 Jahre alt)")
    assert "zuletzt" not in reason
    lines = explanation_lines(rolls.explanation, "de")
    assert lines[0] == "Verkaufszahlen nur bis 21.11.2026 (2 Jahre alt)"
    assert "bis 21.11.2026 weniger verkauft -3" in lines
    assert not any("zuletzt" in line for line in lines)
    assert reason_line(rolls.explanation, "en").startswith(
        "sales data only up to 2026-11-21 (2 years old)")
    # within RECENT_DAYS the latest sales are "zuletzt", as before
    soon = dt.date(2026, 11, 28)
    assert (soon - dt.date(2026, 11, 21)).days <= RECENT_DAYS
    plan = build_order_plan(small_shop, soon, result=_with_recent_level(forecast(soon), -3.0))
    assert plan.line("Brötchen").explanation.stale_since is None
    assert "zuletzt weniger verkauft" in reason_line(plan.line("Brötchen").explanation, "de")
