"""Category service settings kept in the shop file."""

from __future__ import annotations

from pathlib import Path

from forecasting.operations.settings import set_category_service
from forecasting.policy.economics import service_level
from forecasting.store.create import create_shop
from forecasting.store.file import Shop
from forecasting.store.products import save_product
from forecasting.store.service_levels import load_category_levels
from forecasting.values.products import Product


def test_category_setting_round_trip_and_effect(tmp_path: Path) -> None:
    with create_shop(tmp_path / "s.bkshop", name="x", state="NW") as shop:
        assert load_category_levels(shop) == {}
        save_product(shop, Product("Weizenbrötchen", category="Brötchen"))
        save_product(shop, Product("Käsekuchen", category="Kuchen"))
        set_category_service(shop, "Brötchen", "never_sold_out")
        set_category_service(shop, "Kuchen", "sellout_ok")
        set_category_service(shop, "Kuchen", None)
        levels = load_category_levels(shop)
        assert levels == {"Brötchen": 0.97}
        roll = Product("Weizenbrötchen", category="Brötchen", price=0.45, unit_cost=0.11)
        assert service_level(roll, levels).source == "category"
        actions = [r[0] for r in shop._conn.execute("SELECT action FROM change_log")]
        assert actions.count("policy.category_setting") == 3
    with Shop.open(tmp_path / "s.bkshop") as shop:
        assert load_category_levels(shop) == {"Brötchen": 0.97}
