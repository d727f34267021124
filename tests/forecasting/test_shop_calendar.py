"""A shop's calendar: one-product promotions are that product's input, not a shop-wide event."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from calendars.event_files import read_events_file
from forecasting.operations.calendar import import_events
from forecasting.shop_calendar import product_promotions, shop_features
from forecasting.store.calendar import load_events
from forecasting.store.create import create_shop
from forecasting.store.products import save_product
from forecasting.values.products import Product


def test_imported_product_promotion_stays_out_of_the_shop_calendar(tmp_path: Path) -> None:
    source = tmp_path / "aktionen.csv"
    source.write_text("Art;Name;Von;Bis;Produkt\n"
                      "Aktion;Aktion: Hummus;07.12.2026;08.12.2026;Hummus\n"
                      "Aktion;Rabattwoche;09.12.2026;09.12.2026;\n", encoding="utf-8")
    with create_shop(tmp_path / "shop.bkshop", name="Feinkost", state="SH") as shop:
        save_product(shop, Product(name="Hummus"))
        assert import_events(shop, read_events_file(source))[:2] == (2, 0)
        assert {e.name: e.product for e in load_events(shop)} == {"Aktion: Hummus": "Hummus",
                                                                   "Rabattwoche": None}
        promotions = product_promotions(shop)
        assert promotions["product"].tolist() == ["Hummus", "Hummus"]
        assert promotions["date"].tolist() == list(pd.to_datetime(["2026-12-07", "2026-12-08"]))
        table = shop_features(shop, dt.date(2026, 12, 6), dt.date(2026, 12, 10))
        column = table.frame["event_promotion"]
        # only the shop-wide "Rabattwoche" on 09.12. is a calendar event
        assert column.gt(0).tolist() == [False, False, False, True, False]
