"""Calendar options live in the shop file and reach every calendar built for the shop."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from calendars.options import CalendarOptions
from forecasting.shop_calendar import shop_features
from forecasting.store.calendar_options import (
    load_calendar_options,
    stored_calendar_options,
)
from forecasting.store.create import create_shop
from forecasting.store.file import Shop
from forecasting.store.settings import save_settings, set_closing_day
from forecasting.values.settings import ShopSettings


def _shop(tmp_path: Path, state: str = "BY", postal_code: str = "80331") -> Shop:
    return create_shop(tmp_path / "laden.bkshop", name="Test", state=state,
                       postal_code=postal_code)


def test_defaults_until_the_owner_sets_something(tmp_path: Path) -> None:
    with _shop(tmp_path) as shop:
        assert stored_calendar_options(shop) == CalendarOptions()
        assert load_calendar_options(shop).local_subdivision is None


def test_saved_options_come_back_and_make_forecasts_stale(tmp_path: Path) -> None:
    with _shop(tmp_path) as shop:
        from forecasting.operations.settings import change_calendar

        version = shop.data_version()
        change_calendar(shop, {"observe_ramadan": True})
        assert load_calendar_options(shop).observe_ramadan
        assert shop.data_version() == version + 1
    with Shop.open(tmp_path / "laden.bkshop") as again:
        assert load_calendar_options(again).observe_ramadan


def test_augsburg_postal_code_brings_the_friedensfest(tmp_path: Path) -> None:
    with _shop(tmp_path, postal_code="86150") as shop:
        assert load_calendar_options(shop).local_subdivision == "Augsburg"
        table = shop_features(shop, dt.date(2026, 8, 1), dt.date(2026, 8, 15))
        assert table.frame.loc["2026-08-08", "holiday"] == 1
        save_settings(shop, ShopSettings(name="Test", state="BY", postal_code="80331"))
        munich = shop_features(shop, dt.date(2026, 8, 1), dt.date(2026, 8, 15))
        assert munich.frame.loc["2026-08-08", "holiday"] == 0


def test_closing_days_are_closure_events_of_the_feature_table(tmp_path: Path) -> None:
    with _shop(tmp_path) as shop:
        set_closing_day(shop, dt.date(2026, 7, 14), "Betriebsferien")
        table = shop_features(shop, dt.date(2026, 7, 1), dt.date(2026, 7, 31))
    assert table.frame.loc["2026-07-14", "event_closure"] == 1
    assert table.frame.loc["2026-07-13", "event_closure"] == 0
