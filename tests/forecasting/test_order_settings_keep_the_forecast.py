"""Order settings (service levels, prices, packs, delivery days) move the suggestions, not the
forecast: changing them bumps the plan version only, so the trained model is kept (saving a
service level used to retrain: 34 s for the demo bakery, almost 5 minutes cold for the deli)."""

from __future__ import annotations

from pathlib import Path

import pytest

from forecasting.operations import settings as ops
from forecasting.store.create import create_shop
from forecasting.store.file import Shop
from forecasting.store.products import save_product
from forecasting.values.products import Product


@pytest.fixture
def shop(tmp_path: Path) -> Shop:
    shop = create_shop(tmp_path / "b.bkshop", name="Backstube", state="SH")
    save_product(shop, Product("Brötchen", category="Kleingebäck", supplier="Backstube"))
    save_product(shop, Product("Feta", category="Käse", supplier="Käserei", shelf_life_days=10))
    yield shop
    shop.close()


def _versions(shop: Shop) -> tuple[int, int]:
    return shop.data_version(), shop.plan_version()


@pytest.mark.parametrize("change", [
    lambda s: ops.set_area_service(s, "Backstube", 0.9),
    lambda s: ops.set_category_service(s, "Kleingebäck", "few_leftovers"),
    lambda s: ops.change_product(s, "Brötchen", {"price": 0.6, "unit_cost": 0.2}),
    lambda s: ops.change_product(s, "Brötchen", {"pack_size": 10.0, "service_level": 0.8}),
    lambda s: ops.change_supplier(s, "Käserei", {"delivery_weekdays": (1, 4)}),
], ids=["area", "category", "price", "pack", "supplier_days"])
def test_an_order_setting_keeps_the_forecast(shop: Shop, change) -> None:  # type: ignore[no-untyped-def]
    data, plan = _versions(shop)
    changes = change(shop)
    assert shop.data_version() == data  # the trained model and saved forecast still hold
    assert shop.plan_version() > plan  # the suggestions are computed again
    assert changes.stock
    assert not changes.data


@pytest.mark.parametrize("fields", [{"category": "Brot"}, {"active": False}])
def test_what_the_forecast_learns_from_still_retrains(shop: Shop, fields: dict) -> None:
    data, _ = _versions(shop)
    assert ops.change_product(shop, "Brötchen", fields).data
    assert shop.data_version() > data
