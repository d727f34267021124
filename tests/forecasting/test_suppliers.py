"""Suppliers the owner keeps: their delivery weekdays and lead time are what their products are
planned with unless a product sets its own; their days without delivery move the delivery."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from forecasting.errors import ChangedElsewhereError, UserError
from forecasting.operations import settings as ops
from forecasting.plan_inputs import read_plan_inputs
from forecasting.policy.order_up_to import delivery_schedule
from forecasting.store.create import create_shop
from forecasting.store.file import Shop
from forecasting.store.products import load_products, product_by_name, save_product
from forecasting.store.suppliers import load_suppliers
from forecasting.values.products import Product
from forecasting.values.settings import is_open
from forecasting.values.suppliers import Supplier

FRI = dt.date(2026, 11, 27)  # an order on Friday evening
TUE = dt.date(2026, 12, 1)


@pytest.fixture
def shop(tmp_path: Path) -> Shop:
    shop = create_shop(tmp_path / "deli.bkshop", name="Feinkost", state="SH")
    save_product(shop, Product("Feta", unit="Stück", shelf_life_days=10, supplier="Käserei"))
    save_product(shop, Product("Bergkäse", unit="kg", shelf_life_days=20, supplier="Käserei",
                               delivery_weekdays=(2,), lead_time_days=3,
                               own_delivery_weekdays=True, own_lead_time=True))
    yield shop
    shop.close()


def _delivery(shop: Shop, product: str, day: dt.date) -> dt.date:
    inputs = read_plan_inputs(shop, day)
    p = next(p for p in inputs.products if p.name == product)
    return delivery_schedule(day, lead_time_days=p.lead_time_days,
                             delivery_weekdays=p.delivery_weekdays,
                             shelf_life_days=p.shelf_life_days,
                             is_open=lambda d: is_open(inputs.settings, inputs.closing_days, d),
                             no_delivery=p.no_delivery_days).delivery_day


def test_a_new_product_of_a_tuesday_friday_supplier_is_planned_for_tuesday(shop: Shop) -> None:
    """Today a product without its own days is delivered every day: Saturday after a Friday
    order, Monday after a Saturday one."""
    ops.change_supplier(shop, "Käserei", {"delivery_weekdays": (1, 4), "lead_time_days": 1})
    feta = product_by_name(shop, "Feta")
    assert (feta.delivery_weekdays, feta.lead_time_days) == ((1, 4), 1)
    assert _delivery(shop, "Feta", FRI) == TUE
    assert _delivery(shop, "Feta", FRI + dt.timedelta(days=1)) == TUE  # Saturday: not Monday
    save_product(shop, Product("Ziegenkäse", shelf_life_days=10, supplier="Käserei"))  # new
    assert _delivery(shop, "Ziegenkäse", FRI + dt.timedelta(days=2)).weekday() == 1
    # a product with its own days keeps them
    assert product_by_name(shop, "Bergkäse").delivery_weekdays == (2,)
    assert product_by_name(shop, "Bergkäse").lead_time_days == 3


def test_a_day_without_delivery_moves_it_to_the_next_possible_day(shop: Shop) -> None:
    ops.change_supplier(shop, "Käserei", {"delivery_weekdays": (1, 4),
                                          "no_delivery_days": (TUE,)})
    assert _delivery(shop, "Feta", FRI) == TUE + dt.timedelta(days=3)  # Friday 4.12.
    assert product_by_name(shop, "Bergkäse").no_delivery_days == (TUE,)


def test_product_days_set_on_the_product_are_its_own_and_can_go_back(shop: Shop) -> None:
    ops.change_supplier(shop, "Käserei", {"delivery_weekdays": (1, 4), "lead_time_days": 2})
    ops.change_product(shop, "Feta", {"delivery_weekdays": (0,)})
    feta = product_by_name(shop, "Feta")
    assert (feta.delivery_weekdays, feta.own_delivery_weekdays, feta.lead_time_days) == \
        ((0,), True, 2)
    ops.change_product(shop, "Feta", {"own_delivery_weekdays": False})
    assert product_by_name(shop, "Feta").delivery_weekdays == (1, 4)


def test_supplier_facts_are_stored_and_checked(shop: Shop) -> None:
    version, data = shop.plan_version(), shop.data_version()
    done = ops.change_supplier(shop, "Käserei", {
        "customer_number": " 4711 ", "delivery_weekdays": (4, 1), "lead_time_days": 2,
        "cutoff": "10:30", "no_delivery_days": (dt.date(2026, 12, 24),),
        "min_order_value": 150.0})
    assert done.stock  # the suggestions change, the forecast holds
    assert not done.data
    assert shop.plan_version() > version
    assert shop.data_version() == data
    assert load_suppliers(shop)["Käserei"] == Supplier(
        "Käserei", "4711", (), (1, 4), 2, "10:30", (dt.date(2026, 12, 24),), 150.0)
    version = shop.plan_version()
    done = ops.change_supplier(shop, "Käserei", {"min_order_value": 120.0})
    assert not done.data
    assert not done.stock
    assert done.settings
    assert shop.plan_version() == version
    for bad in ({"cutoff": "25:00"}, {"min_order_value": -1.0}, {"lead_time_days": 400},
                {"delivery_weekdays": (7,)}):
        with pytest.raises(UserError):
            ops.change_supplier(shop, "Käserei", bad)
    with pytest.raises(UserError, match="Molkerei"):
        ops.change_supplier(shop, "Molkerei", {"lead_time_days": 1})
    assert load_suppliers(shop)["Käserei"].min_order_value == 120.0


def test_a_stale_view_does_not_overwrite_a_supplier_changed_elsewhere(shop: Shop) -> None:
    shown = Supplier("Käserei")
    ops.change_supplier(shop, "Käserei", {"lead_time_days": 2})  # the command line, meanwhile
    ops.change_supplier(shop, "Käserei", {"min_order_value": 50.0}, expected=shown)  # kept
    with pytest.raises(ChangedElsewhereError):
        ops.change_supplier(shop, "Käserei", {"lead_time_days": 3}, expected=shown)
    saved = load_suppliers(shop)["Käserei"]
    assert (saved.lead_time_days, saved.min_order_value) == (2, 50.0)


def test_cutoff_times_are_read_as_the_owner_types_them() -> None:
    assert ops.parse_cutoff("10") == "10:00"
    assert ops.parse_cutoff("9.30") == "09:30"
    assert ops.parse_cutoff("") == ""
    assert ops.parse_cutoff("abends") is None
    assert ops.parse_cutoff("10:75") is None


def test_products_kept_what_they_had_set_when_the_file_is_migrated(tmp_path: Path) -> None:
    """Version 10: days and lead times other than the old defaults count as the product's own."""
    import sqlite3

    from forecasting.store.schema import MIGRATIONS, V10

    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    for script in MIGRATIONS[:MIGRATIONS.index(V10)]:
        conn.executescript(script)
    conn.execute("INSERT INTO products(name, delivery_weekdays, lead_time_days) "
                 "VALUES ('Brot', '0123456', 1), ('Oliven', '14', 1), ('Feta', '0123456', 2)")
    conn.executescript(V10)
    own = dict(conn.execute("SELECT name, own_delivery_weekdays || own_lead_time FROM products"))
    assert own == {"Brot": "00", "Oliven": "10", "Feta": "01"}
    conn.close()


def test_every_product_loaded_carries_the_supplier_days(shop: Shop) -> None:
    ops.change_supplier(shop, "Käserei", {"delivery_weekdays": (1, 4)})
    days = {p.name: p.delivery_weekdays for p in load_products(shop)}
    assert days == {"Bergkäse": (2,), "Feta": (1, 4)}


def test_a_new_product_given_its_own_days_keeps_them(shop: Shop) -> None:
    """A demo or imported product saved with days other than every day has its own days."""
    save_product(shop, Product("Zopf", supplier="Käserei", delivery_weekdays=(5,)))
    ops.change_supplier(shop, "Käserei", {"delivery_weekdays": (1, 4), "lead_time_days": 2})
    zopf = product_by_name(shop, "Zopf")
    assert (zopf.delivery_weekdays, zopf.own_delivery_weekdays) == ((5,), True)
    assert (zopf.lead_time_days, zopf.own_lead_time) == (2, False)
