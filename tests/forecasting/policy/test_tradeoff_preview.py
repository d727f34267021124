"""The trade-off per area ("lieber Reste / lieber ausverkauft"): the 4-week preview and the
area's service level in the plan."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable

import numpy as np
import pandas as pd
import pytest

from forecasting.errors import ChangedElsewhereError, UserError
from forecasting.operations.settings import set_area_service, set_category_service
from forecasting.plan_inputs import read_plan_inputs, sales_between
from forecasting.policy.plan import build_order_plan, not_sold_that_weekday, plan_order
from forecasting.policy.tradeoff_preview import (
    STEPS,
    area_demands,
    preview,
    quantities,
    weekdays_not_sold,
)
from forecasting.policy.tradeoff_text import notes, sellout_words, waste_words
from forecasting.store.file import Shop
from forecasting.store.service_levels import load_area_levels

SATURDAY = dt.date(2026, 11, 28)
NAMES = ("Brötchen", "Bauernbrot", "Zopf", "Käsekuchen", "Neu")


@pytest.fixture
def forecast(make_forecast: Callable[..., object]) -> object:
    return make_forecast({(p, SATURDAY): (100.0 if p == "Brötchen" else 20.0, 6.0)
                          for p in NAMES})


def _demands(shop: Shop, forecast: object) -> dict:
    inputs = read_plan_inputs(shop, SATURDAY)
    return area_demands(inputs, plan_order(inputs, result=forecast))


def test_leaning_to_sold_out_never_raises_waste(small_shop: Shop, forecast: object) -> None:
    demands = _demands(small_shop, forecast)
    assert set(demands) == {"Backstube", "Konditorei"}
    for demand in demands.values():
        figures = [preview(demand, level) for level in STEPS]  # lieber Reste -> ausverkauft
        waste = [f.waste_units for f in figures]
        sellouts = [f.sellout_days for f in figures]
        assert all(a >= b - 1e-9 for a, b in itertools.pairwise(waste)), waste
        assert all(a <= b + 1e-9 for a, b in itertools.pairwise(sellouts))
        assert waste[0] > waste[-1]
        assert sellouts[0] < sellouts[-1]


def test_preview_covers_four_weeks_of_open_days(small_shop: Shop, forecast: object) -> None:
    backstube = _demands(small_shop, forecast)["Backstube"]
    # Mon-Sat shop: 28 days from Saturday 28.11. to 25.12. hold 24 working days, 1st Christmas
    # Day closed
    assert len(backstube.days) == 23
    assert backstube.days[0] == SATURDAY
    assert dt.date(2026, 12, 25) not in backstube.days
    # Brötchen, Bauernbrot and Neu on every open day, Zopf on the four Saturdays only
    assert backstube.rows == 3 * 23 + 4
    figures = preview(backstube, 0.8)
    assert figures.open_days == 23
    assert figures.products == 4
    assert figures.waste_euros is not None
    assert figures.waste_euros > 0


def test_preview_of_the_order_day_is_the_plans_suggestion(small_shop: Shop,
                                                           forecast: object) -> None:
    inputs = read_plan_inputs(small_shop, SATURDAY)
    plan = plan_order(inputs, result=forecast)
    demand = area_demands(inputs, plan)["Backstube"]
    q = quantities(demand, None)
    first = {demand.products[i]: q[row] for row, i in enumerate(demand.product_index)
             if row == 0 or demand.product_index[row - 1] != i}
    for name, quantity in first.items():
        assert quantity == pytest.approx(plan.line(name).suggestion)


def test_area_setting_moves_the_suggestions(small_shop: Shop, forecast: object) -> None:
    before = build_order_plan(small_shop, SATURDAY, result=forecast)
    set_area_service(small_shop, "Backstube", 0.97)
    high = build_order_plan(small_shop, SATURDAY, result=forecast)
    assert load_area_levels(small_shop) == {"Backstube": 0.97}
    assert high.line("Bauernbrot").service.source == "area"
    assert high.line("Bauernbrot").suggestion > before.line("Bauernbrot").suggestion
    assert high.line("Käsekuchen").suggestion == before.line("Käsekuchen").suggestion
    set_area_service(small_shop, "Backstube", None)
    again = build_order_plan(small_shop, SATURDAY, result=forecast)
    assert again.line("Bauernbrot").suggestion == before.line("Bauernbrot").suggestion


def test_category_setting_wins_over_the_area(small_shop: Shop, forecast: object) -> None:
    set_category_service(small_shop, "Brot", "sellout_ok")
    demand = _demands(small_shop, forecast)["Backstube"]
    assert demand.fixed_products() == ("Bauernbrot",)
    bread = demand.product_index == demand.products.index("Bauernbrot")
    assert np.array_equal(quantities(demand, 0.5)[bread], quantities(demand, 0.97)[bread])


def test_area_setting_is_checked_and_compare_and_set(small_shop: Shop) -> None:
    with pytest.raises(UserError) as unknown:
        set_area_service(small_shop, "Metzgerei", 0.8)
    assert "Backstube" in unknown.value.message("de")
    with pytest.raises(UserError):
        set_area_service(small_shop, "Backstube", 0.99)
    set_area_service(small_shop, "Backstube", 0.9, expected=None)
    # a view that still shows "from price and cost" may not overwrite the 90 % set meanwhile
    with pytest.raises(ChangedElsewhereError):
        set_area_service(small_shop, "Backstube", 0.65, expected=None)
    assert load_area_levels(small_shop) == {"Backstube": 0.9}
    assert not set_area_service(small_shop, "Backstube", 0.9, expected=None).any
    actions = [r[0] for r in small_shop._conn.execute("SELECT action FROM change_log")]
    assert actions.count("policy.area_setting") == 1


def test_words(small_shop: Shop, forecast: object) -> None:
    demand = _demands(small_shop, forecast)["Backstube"]
    figures = preview(demand, 0.8)
    assert waste_words(demand, figures, "de").startswith("Reste in 4 Wochen: etwa ")
    assert "Stück" in waste_words(demand, figures, "de")
    assert "von 23 Öffnungstagen – reicht an " in sellout_words(figures, "de")
    assert "of 23 opening days" in sellout_words(figures, "en")


def test_weekdays_not_sold_is_the_plans_rule(small_shop: Shop) -> None:
    inputs = read_plan_inputs(small_shop, SATURDAY)
    history = sales_between(inputs.sales, SATURDAY - dt.timedelta(weeks=8),
                            SATURDAY - dt.timedelta(days=1))
    fast = weekdays_not_sold(history)
    assert fast["Käsekuchen"] == {2}
    for product in ("Brötchen", "Bauernbrot", "Käsekuchen"):
        for offset in range(7):
            day = SATURDAY + dt.timedelta(days=offset)
            assert (day.weekday() in fast[product]) == not_sold_that_weekday(history, product, day)


def _cheese(shop: Shop, make_forecast: Callable[..., object], **product: object) -> object:
    """The Käsehandel area with Feta, a good that keeps (delivered Tuesdays and Fridays)."""
    from forecasting.store.products import save_product
    from forecasting.values.products import Product

    fields: dict = {"category": "Käse", "price": 3.2, "unit_cost": 1.6, "shelf_life_days": 10,
                    "delivery_weekdays": (1, 4), "supplier": "Käsehandel", **product}
    save_product(shop, Product("Feta", **fields))
    days = [SATURDAY + dt.timedelta(days=k) for k in range(8)]
    rows = {("Feta", d): (10.0, 4.0) for d in days}
    rows.update({(p, SATURDAY): (20.0, 6.0) for p in NAMES})
    result = make_forecast(rows)
    inputs = read_plan_inputs(shop, SATURDAY)
    return area_demands(inputs, plan_order(inputs, result=result))["Käsehandel"], result


def test_goods_that_keep_are_played_forward_and_move_the_right_way(
        small_shop: Shop, make_forecast: Callable[..., object]) -> None:
    # short shelf life and packs of 6: something expires at every setting
    cheese, _ = _cheese(small_shop, make_forecast, shelf_life_days=4, pack_size=6)
    assert cheese.rows == 0
    assert cheese.stocked == ()
    assert [k.name for k in cheese.kept] == ["Feta"]
    assert cheese.previewed
    figures = [preview(cheese, level) for level in STEPS]  # lieber Reste -> ausverkauft
    waste = [f.waste_units for f in figures]
    sellouts = [f.sellout_days for f in figures]
    stock = [f.stock_days for f in figures]
    # the same demand paths at every step: more service, more written off and more on the
    # shelf, fewer days sold out
    assert all(a >= b - 1e-9 for a, b in itertools.pairwise(waste)), waste
    assert all(a <= b + 1e-9 for a, b in itertools.pairwise(sellouts)), sellouts
    assert all(a >= b - 1e-9 for a, b in itertools.pairwise(stock)), stock  # type: ignore[operator]
    assert waste[0] > waste[-1] > 0
    assert sellouts[0] < sellouts[-1]
    # Mon-Sat shop, 23 open days from 28.11. (1st Christmas Day closed), Feta on all of them
    assert figures[0].product_days == 23
    assert figures[0].open_days == 23
    assert figures[0].waste_euros == pytest.approx(waste[0] * 1.6)
    assert notes(cheese, "de") == [
        "Ware mit Vorrat: Bestellung für Bestellung durchgespielt; abgeschrieben wird, was vor "
        "dem Verkauf abläuft."]
    assert waste_words(cheese, figures[0], "de").startswith("Abgeschrieben in 4 Wochen: etwa ")
    assert waste_words(cheese, figures[0], "en").startswith("Written off in 4 weeks: about ")


def test_goods_that_keep_follow_the_area_in_the_plan_and_the_preview(
        small_shop: Shop, make_forecast: Callable[..., object]) -> None:
    cheese, result = _cheese(small_shop, make_forecast)
    first = cheese.kept[0].cycles[0]
    assert cheese.kept[0].level_of(first, 0.97) == 0.97
    assert cheese.kept[0].level_of(first, None) == first.auto_level
    set_area_service(small_shop, "Käsehandel", 0.97)
    line = build_order_plan(small_shop, SATURDAY, result=result).line("Feta")
    assert (line.service.source, line.service.level) == ("area", 0.97)
    set_category_service(small_shop, "Käse", "few_leftovers")
    inputs = read_plan_inputs(small_shop, SATURDAY)
    cheese = area_demands(inputs, plan_order(inputs, result=result))["Käsehandel"]
    assert cheese.fixed_products() == ("Feta",)
    # its category's setting wins: the same figures at both ends of the slider
    high, low = preview(cheese, 0.97), preview(cheese, 0.5)
    assert (high.waste_units, high.sellout_days, high.stock_units) == (
        low.waste_units, low.sellout_days, low.stock_units)


def test_the_play_matches_a_hand_played_shelf() -> None:
    """Demand exactly 4 a day, open and delivered every day, lead time 1, shelf life 2, at least
    10 per order. Played by hand: an order of 10 comes, 4 sell, 6 are left; the next morning's
    order sees 2 of them expire unsold tomorrow and the 4 enough, so orders nothing; the 6 sell
    4 and 2 are written off; the order that day needs 4 and gets the minimum 10. So every two
    days 10 come, 8 sell, 2 expire; the morning shelf holds 10, then 6: 8 on average, two days
    of demand; never sold out."""
    from forecasting.policy.tradeoff_stock import WARMUP_DAYS, kept_product, play
    from forecasting.values.products import Product

    feta = Product("Feta", price=3.2, unit_cost=1.6, shelf_life_days=2, lead_time_days=1,
                   min_order=10, delivery_weekdays=tuple(range(7)), supplier="Käsehandel")
    grid = dict.fromkeys((0.1, 0.5, 0.9), 4.0)
    item = kept_product(feta, [grid, grid], [SATURDAY, SATURDAY + dt.timedelta(days=1)],
                        SATURDAY, 4, lambda _d: True, None, {}, float("nan"))
    assert [(c.order, c.delivery) for c in item.cycles[:3]] == [(0, 1), (1, 2), (2, 3)]
    figures = play(item, 0.9)
    assert figures.selling_days == 28
    assert figures.sellout_days == 0
    # the play starts WARMUP_DAYS (odd) before: deliveries of 10 on odd days, so the 28 days
    # hold 14 days with 10 in the morning and 14 with 6, and 14 write-offs of 2
    assert WARMUP_DAYS % 2 == 1
    assert figures.waste_units == pytest.approx(28.0)
    assert figures.stock_units == pytest.approx(8.0)
    assert figures.demand_per_day == pytest.approx(4.0)


def test_the_window_reads_eight_weeks_and_gets_the_plans_inputs(small_shop: Shop) -> None:
    from forecasting.policy.tradeoff_preview import from_plan_inputs, read_tradeoff_inputs

    read = read_tradeoff_inputs(small_shop, SATURDAY)
    sliced = from_plan_inputs(read_plan_inputs(small_shop, SATURDAY))
    assert read.history["date"].min() >= pd.Timestamp(SATURDAY - dt.timedelta(weeks=8))
    assert len(read.history) > 0
    pd.testing.assert_frame_equal(read.history, sliced.history)
    assert (read.settings, read.products, dict(read.category_levels)) == (
        sliced.settings, sliced.products, dict(sliced.category_levels))
