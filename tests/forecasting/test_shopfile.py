"""The shop file: round trips of every table, migrations, refusals, atomic writes."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from pathlib import Path

import pandas as pd
import pytest

from forecasting.errors import ShopFileError
from forecasting.store.calendar import (
    delete_event,
    events_frame,
    load_events,
    load_weather,
    save_event,
    write_weather,
)
from forecasting.store.create import create_shop
from forecasting.store.decisions import (
    delete_decision,
    load_decisions,
    load_forecasts,
    save_decision,
    save_forecasts,
)
from forecasting.store.file import Shop
from forecasting.store.products import load_products, product_by_name, save_product
from forecasting.store.sales import read_sales, read_true_demand, write_sales, write_true_demand
from forecasting.store.schema import APPLICATION_ID, CURRENT_VERSION, V1
from forecasting.store.settings import (
    load_closing_days,
    load_settings,
    save_settings,
)
from forecasting.values.decisions import OrderDecision, StoredForecast
from forecasting.values.events import Event
from forecasting.values.products import Product
from forecasting.values.settings import ShopSettings


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def shop(tmp_path: Path) -> Shop:
    s = create_shop(tmp_path / "laden.bkshop", name="Bäckerei Test", state="NW")
    yield s
    s.close()


def test_settings_round_trip(shop: Shop, tmp_path: Path) -> None:
    settings = ShopSettings(
        name="Bäckerei Sonnenkorn",
        state="nw",
        postal_code="44135",
        latitude=51.51,
        longitude=7.47,
        opening_days=(5, 0, 1, 2, 3, 4),
        opening_hours={"0": "06:00-18:00", "5": "06:00-13:00"},
        language="en",
        open_on_public_holidays=True,
    )
    save_settings(shop, settings)
    shop.close()
    with Shop.open(tmp_path / "laden.bkshop") as again:
        loaded = load_settings(again)
    assert loaded == settings
    assert loaded.state == "NW"
    assert loaded.opening_days == (0, 1, 2, 3, 4, 5)


def test_bad_state_is_refused() -> None:
    with pytest.raises(ShopFileError) as err:
        ShopSettings(name="x", state="XX")
    assert "Bundesland" in err.value.message("de")


def test_closing_days_round_trip(shop: Shop) -> None:
    from forecasting.operations import settings

    before = shop.data_version()
    settings.set_closing_day(shop, dt.date(2026, 8, 3), "Betriebsferien")
    settings.set_closing_day(shop, dt.date(2026, 8, 4), "Betriebsferien")
    settings.remove_closing_day(shop, dt.date(2026, 8, 4))
    assert load_closing_days(shop) == {dt.date(2026, 8, 3): "Betriebsferien"}
    assert shop.data_version() == before + 3


def test_products_round_trip(shop: Shop) -> None:
    p = Product(
        name="Laugenbrezel",
        category="Laugengebäck",
        unit="Stück",
        price=0.95,
        unit_cost=0.28,
        salvage_value=0.2,
        pack_size=12,
        min_order=24,
        shelf_life_days=1,
        lead_time_days=0,
        supplier="Backstube",
        delivery_weekdays=(0, 1, 2, 3, 4, 5),
        service_level=0.8,
        introduced=dt.date(2024, 1, 2),
        discontinued=None,
    )
    pid = save_product(shop, p)
    assert load_products(shop) == [p]
    p.price = 1.05
    assert save_product(shop, p) == pid
    assert product_by_name(shop, "Laugenbrezel").price == 1.05
    with pytest.raises(ShopFileError):
        product_by_name(shop, "Quarkbällchen")


def test_product_sold_on() -> None:
    p = Product(name="Kürbisbrot", introduced=dt.date(2026, 9, 1), discontinued=dt.date(2026, 12, 1))
    assert not p.sold_on(dt.date(2026, 8, 31))
    assert p.sold_on(dt.date(2026, 9, 1))
    assert not p.sold_on(dt.date(2026, 12, 1))


def test_sales_round_trip_keeps_optional_columns(shop: Shop) -> None:
    save_product(shop, Product(name="Brötchen"))
    save_product(shop, Product(name="Roggenbrot"))
    sales = pd.DataFrame(
        {
            "product": ["Brötchen", "Brötchen", "Roggenbrot"],
            "date": ["2026-11-02", "2026-11-03", "2026-11-02"],
            "quantity": [310.0, -4.0, 21.5],
            "produced": [320.0, None, 25.0],
            "leftover": [10.0, None, 3.5],
            "sold_out_time": [None, None, "16:45"],
        }
    )
    assert write_sales(shop, sales) == 3
    back = read_sales(shop)
    assert back["quantity"].tolist() == [310.0, -4.0, 21.5]
    assert back["produced"].isna().tolist() == [False, True, False]
    assert back["sold_out_time"].tolist() == [None, None, "16:45"]
    assert back["date"].dt.strftime("%Y-%m-%d").tolist() == ["2026-11-02", "2026-11-03", "2026-11-02"]
    window = read_sales(shop, start=dt.date(2026, 11, 3))
    assert window["product"].tolist() == ["Brötchen"]


def test_sales_for_unknown_product_write_nothing(shop: Shop) -> None:
    save_product(shop, Product(name="Brötchen"))
    bad = pd.DataFrame(
        {"product": ["Brötchen", "Gibtsnicht"], "date": ["2026-11-02"] * 2, "quantity": [1, 2]}
    )
    with pytest.raises(ShopFileError):
        write_sales(shop, bad)
    assert read_sales(shop).empty


def test_true_demand_round_trip(shop: Shop) -> None:
    save_product(shop, Product(name="Brötchen"))
    demand = pd.DataFrame({"product": ["Brötchen"], "date": ["2026-11-02"], "demand": [333.0]})
    write_true_demand(shop, demand)
    back = read_true_demand(shop)
    assert back["demand"].tolist() == [333.0]


def test_events_round_trip(shop: Shop) -> None:
    e = Event(
        kind="town_festival",
        name="Stadtfest",
        start_date=dt.date(2026, 6, 12),
        end_date=dt.date(2026, 6, 14),
        strength=1.5,
        source="ics",
        uid="abc@x",
    )
    eid = save_event(shop, e)
    assert load_events(shop) == [e]
    e.name = "Stadtfest Dortmund"
    save_event(shop, e)
    assert load_events(shop)[0].name == "Stadtfest Dortmund"
    assert events_frame(load_events(shop))["end_date"].iloc[0] == pd.Timestamp("2026-06-14")
    delete_event(shop, eid)
    assert load_events(shop) == []
    with pytest.raises(sqlite3.IntegrityError):
        save_event(shop, Event("fair", "Kirmes", dt.date(2026, 6, 2), dt.date(2026, 6, 1)))


def test_a_promotion_can_be_for_one_product(shop: Shop) -> None:
    save_product(shop, Product(name="Hummus"))
    e = Event("promotion", "Aktion: Hummus", dt.date(2026, 12, 7), dt.date(2026, 12, 12),
              product="Hummus")
    save_event(shop, e)
    assert load_events(shop) == [e]
    with pytest.raises(ShopFileError) as info:
        save_event(shop, Event("promotion", "Aktion", dt.date(2026, 12, 7), dt.date(2026, 12, 7),
                               product="Humus"))
    assert "Humus" in info.value.message("de")
    assert len(load_events(shop)) == 1
    with shop.transaction() as conn:
        conn.execute("DELETE FROM products WHERE name = 'Hummus'")
    assert load_events(shop)[0].product is None  # the event stays, for the whole shop


def test_weather_round_trip(shop: Shop) -> None:
    weather = pd.DataFrame(
        {
            "date": ["2026-07-01", "2026-07-01", "2026-07-02"],
            "kind": ["observation", "forecast", "forecast"],
            "temperature": [21.5, 20.0, None],
            "temperature_max": [27.0, 26.0, 31.0],
            "precipitation": [0.0, 1.2, 0.0],
            "sunshine": [10.5, None, None],
        }
    )
    assert write_weather(shop, weather, source="dwd") == 3
    back = load_weather(shop)
    assert back["kind"].tolist() == ["forecast", "observation", "forecast"]
    assert back["temperature_max"].tolist() == [26.0, 27.0, 31.0]
    assert back["source"].unique().tolist() == ["dwd"]
    assert pd.isna(back["temperature"].iloc[2])


def test_forecasts_and_decisions_round_trip(shop: Shop) -> None:
    save_product(shop, Product(name="Brötchen"))
    day = dt.date(2026, 11, 26)
    now = dt.datetime(2026, 11, 25, 18, 0, 0)
    fc = StoredForecast(
        product="Brötchen",
        date=day,
        quantiles={0.5: 300.0, 0.7: 320.0, 0.9: 350.0},
        median=300.0,
        model="lgbm",
        explanation=[{"code": "baseline", "amount": 280.0}, {"code": "weekday", "amount": 20.0}],
        computed_at=now,
        data_version=7,
    )
    save_forecasts(shop, [fc])
    assert load_forecasts(shop, day) == [fc]
    d = OrderDecision(
        product="Brötchen",
        date=day,
        suggested=324.0,
        final=360.0,
        reason_code="event",
        reason_text="Schulfest nebenan",
        decided_by="Inhaberin",
        decided_at=now,
    )
    save_decision(shop, d)
    assert load_decisions(shop, day) == [d]
    delete_decision(shop, "Brötchen", day)
    assert load_decisions(shop) == []
    actions = [r[0] for r in shop._conn.execute("SELECT action FROM change_log ORDER BY id")]
    assert actions[-2:] == ["order.decided", "order.undecided"]


def test_change_log_is_append_only(shop: Shop) -> None:
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        shop._conn.execute("UPDATE change_log SET action = 'x'")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        shop._conn.execute("DELETE FROM change_log")
    assert shop._conn.execute("SELECT COUNT(*) FROM change_log").fetchone()[0] >= 1


def test_failed_transaction_leaves_file_unchanged(shop: Shop, tmp_path: Path) -> None:
    save_product(shop, Product(name="Brötchen"))
    shop.close()
    path = tmp_path / "laden.bkshop"
    before = digest(path)
    again = Shop.open(path)
    sales = pd.DataFrame({"product": ["Croissant"], "date": ["2026-01-02"], "quantity": [5]})

    def cancelled_halfway() -> None:
        with again.transaction():
            save_product(again, Product(name="Croissant"))
            write_sales(again, sales)
            raise RuntimeError("cancelled halfway")

    with pytest.raises(RuntimeError):
        cancelled_halfway()
    assert [p.name for p in load_products(again)] == ["Brötchen"]
    again.close()
    assert digest(path) == before


def test_file_is_marked_and_versioned(shop: Shop) -> None:
    assert shop._conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert shop.version == CURRENT_VERSION
    assert shop._conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert shop._conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_migration_from_version_1_keeps_rows(tmp_path: Path) -> None:
    """A file as version 1 of the program wrote it: only the V1 script, rows in V1's shape."""
    path = tmp_path / "alt.bkshop"
    old = sqlite3.connect(path)
    old.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    old.executescript(V1)
    old.execute("PRAGMA user_version = 1")
    old.execute(
        "INSERT INTO shop(id, name, state, created_at) VALUES (1, 'Altladen', 'SH', '2024-01-01')"
    )
    old.execute("INSERT INTO products(name, category, price) VALUES ('Franzbrötchen', 'Gebäck', 1.6)")
    old.execute(
        "INSERT INTO sales(product_id, date, quantity, leftover) VALUES (1, '2025-03-01', 40, 2)"
    )
    old.commit()
    old.close()
    with Shop.open(path) as shop:
        assert shop.version == CURRENT_VERSION
        [product] = load_products(shop)
        assert (product.name, product.price, product.service_level) == ("Franzbrötchen", 1.6, None)
        assert product.delivery_weekdays == (0, 1, 2, 3, 4, 5, 6)
        assert read_sales(shop)["leftover"].tolist() == [2.0]
        assert load_settings(shop).open_on_public_holidays is False
        assert shop.data_version() == 0


def test_refuses_foreign_sqlite_file_untouched(tmp_path: Path) -> None:
    path = tmp_path / "fremd.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE kunden (name TEXT)")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(ShopFileError) as err:
        Shop.open(path)
    assert "keine Bestellkompass-Laden-Datei" in err.value.message("de")
    assert digest(path) == before


def test_refuses_non_sqlite_file_untouched(tmp_path: Path) -> None:
    path = tmp_path / "umsatz.csv"
    path.write_text("Datum;Artikel;Menge\n01.01.2026;Brötchen;3\n", encoding="utf-8")
    before = digest(path)
    with pytest.raises(ShopFileError):
        Shop.open(path)
    assert digest(path) == before


def test_refuses_newer_version_untouched(tmp_path: Path) -> None:
    path = tmp_path / "neu.bkshop"
    create_shop(path, name="Neu", state="BY").close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {CURRENT_VERSION + 1}")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(ShopFileError) as err:
        Shop.open(path)
    assert "neueren Bestellkompass-Version" in err.value.message("de")
    assert "newer Bestellkompass" in err.value.message("en")
    assert digest(path) == before


def test_missing_file_and_existing_target(tmp_path: Path) -> None:
    with pytest.raises(ShopFileError):
        Shop.open(tmp_path / "nichtda.bkshop")
    create_shop(tmp_path / "a.bkshop", name="A", state="HH").close()
    with pytest.raises(ShopFileError):
        create_shop(tmp_path / "a.bkshop", name="A", state="HH")


def test_close_folds_wal_into_one_file(tmp_path: Path) -> None:
    path = tmp_path / "a.bkshop"
    shop = create_shop(path, name="A", state="HH")
    save_product(shop, Product(name="Brötchen"))
    shop.close()
    wal = path.with_name(path.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0
