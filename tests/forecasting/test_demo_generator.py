"""The demo generator: deterministic, complete shop files, plausible catalogues and weather."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from forecasting.demo.generate import (
    ensure_demo_shop,
    read_demo_meta,
    simulate,
    write_demo_shop,
)
from forecasting.errors import UserError
from forecasting.store.calendar import load_events, load_weather
from forecasting.store.file import Shop
from forecasting.store.products import load_products
from forecasting.store.sales import read_sales, read_true_demand
from forecasting.store.settings import load_settings

DEMO_END = dt.date(2026, 11, 26)  # the end date of the conftest fixtures


def _data(path: Path) -> dict[str, pd.DataFrame]:
    """Everything a model or benchmark reads. The raw SQLite bytes differ between two runs
    (change_log and weather.recorded_at hold the wall-clock time), so data is compared."""
    with Shop.open(path) as shop:
        events = pd.DataFrame([e.__dict__ for e in load_events(shop)]).drop(columns="id")
        products = pd.DataFrame([p.__dict__ for p in load_products(shop)]).drop(columns="id")
        stock = pd.read_sql_query(
            "SELECT p.name, s.date, s.on_hand, s.on_order FROM stock s "
            "JOIN products p ON p.id = s.product_id ORDER BY p.name", shop._conn)
        return {
            "sales": read_sales(shop),
            "true_demand": read_true_demand(shop),
            "weather": load_weather(shop),
            "events": events,
            "products": products,
            "stock": stock,
        }


def test_same_seed_and_end_give_the_same_data(demo_deli_path: Path, tmp_path: Path) -> None:
    with Shop.open(demo_deli_path) as shop:
        meta = read_demo_meta(shop)
    assert meta is not None
    kind, end, seed = meta
    assert (kind, end) == ("deli", DEMO_END)
    again = write_demo_shop(kind, end, tmp_path / "again.bkshop", seed=seed)
    first, second = _data(demo_deli_path), _data(again)
    for table, frame in first.items():
        pd.testing.assert_frame_equal(frame, second[table], check_exact=True, obj=table)


def test_another_seed_gives_other_data() -> None:
    one = simulate("bakery", DEMO_END, seed=1)
    two = simulate("bakery", DEMO_END, seed=2)
    assert not one.sales_frame()["quantity"].equals(two.sales_frame()["quantity"])
    assert (one.demand != two.demand).any()


def test_three_years_up_to_the_day_before_end(demo_bakery_path: Path) -> None:
    with Shop.open(demo_bakery_path) as shop:
        sales = read_sales(shop)
        demand = read_true_demand(shop)
        settings = load_settings(shop)
    assert sales["date"].max() == pd.Timestamp("2026-11-25")
    assert sales["date"].min() <= pd.Timestamp("2023-11-28")
    assert len(demand) == len(sales)
    assert settings.name == "Bäckerei Sonnenkorn"
    assert (settings.state, settings.postal_code) == ("NW", "44135")
    assert settings.latitude
    assert settings.longitude
    assert settings.opening_days == (0, 1, 2, 3, 4, 5, 6)


def test_catalogues_look_like_the_shops(demo_bakery_path: Path, demo_deli_path: Path) -> None:
    with Shop.open(demo_bakery_path) as shop:
        bakery = load_products(shop)
    with Shop.open(demo_deli_path) as shop:
        deli = load_products(shop)
        settings = load_settings(shop)
    assert 28 <= len(bakery) <= 34
    assert {p.category for p in bakery} == {"Brötchen", "Laugengebäck", "Brot", "Kuchen", "Snacks"}
    assert sum(p.shelf_life_days == 1 for p in bakery) > len(bakery) / 2
    assert all(p.pack_size > 1 and p.min_order >= p.pack_size for p in bakery)
    assert all(p.unit_cost < p.price and p.salvage_value < p.unit_cost for p in bakery + deli)
    assert 38 <= len(deli) <= 44
    assert {"Käse", "Antipasti", "Salate", "Kaltgetränke", "Suppen"} <= {p.category for p in deli}
    assert all(2 <= p.shelf_life_days <= 10 for p in deli)
    assert all(p.lead_time_days >= 1 and p.supplier for p in deli)
    assert any(len(p.delivery_weekdays) <= 3 for p in deli)
    assert (settings.name, settings.state, settings.postal_code) == (
        "Feinkost am Markt", "SH", "24103")
    assert 6 not in settings.opening_days


def test_weather_is_stored_as_imported_with_a_plausible_climate(demo_deli_path: Path) -> None:
    with Shop.open(demo_deli_path) as shop:
        weather = load_weather(shop)
    observed = weather[weather["kind"] == "observation"].set_index("date")
    assert set(observed["source"]) == {"demo"}
    assert observed.index.max() == pd.Timestamp("2026-11-25")
    monthly = observed["temperature"].groupby(observed.index.month).mean()
    assert 14 <= monthly[7] <= 21
    assert -2 <= monthly[1] <= 5
    per_year = observed["precipitation"].sum() / (len(observed) / 365.25)
    assert 550 <= per_year <= 1000
    assert 0.35 <= (observed["precipitation"] > 0).mean() <= 0.65
    assert (observed["temperature_max"] > observed["temperature"]).mean() > 0.95
    # lag-one autocorrelation of daily temperature anomalies, as real weather has
    anomaly = observed["temperature"] - observed["temperature"].rolling(31, center=True).mean()
    assert anomaly.autocorr() > 0.5
    forecast = weather[weather["kind"] == "forecast"]
    upcoming = forecast[forecast["date"] >= pd.Timestamp(DEMO_END)]
    assert upcoming["date"].min() == pd.Timestamp(DEMO_END)
    assert len(upcoming) == 7
    # every past day keeps the forecast it had the evening before (what a workshop shows),
    # off by what one-day-ahead forecasts are off by: close, but not the observation
    past = forecast[forecast["date"] < pd.Timestamp(DEMO_END)].set_index("date")
    assert past.index.equals(observed.index)
    miss = (past["temperature_max"] - observed["temperature_max"]).abs()
    assert 0.7 <= miss.mean() <= 1.4
    assert (miss > 0.05).mean() > 0.8
    rainy = observed["precipitation"] >= 1.0
    assert 0.75 <= ((past["precipitation"] >= 1.0) == rainy).mean() < 0.98


def test_events_include_known_history_and_upcoming_days(demo_bakery_path: Path) -> None:
    with Shop.open(demo_bakery_path) as shop:
        events = load_events(shop)
    kinds = {e.kind for e in events}
    assert {"town_festival", "football_home", "christmas_market", "construction",
            "promotion"} <= kinds
    assert all(e.source == "demo" and e.uid for e in events)
    assert any(e.start_date > DEMO_END for e in events)
    assert any(e.kind == "promotion" and e.start_date > DEMO_END for e in events)


def test_deli_has_a_starting_stock(demo_deli_path: Path) -> None:
    with Shop.open(demo_deli_path) as shop:
        rows = shop._conn.execute("SELECT date, on_hand, on_order FROM stock").fetchall()
        active = [p for p in load_products(shop) if p.active]
    assert len(rows) == len(active)
    assert {r["date"] for r in rows} == {"2026-11-26"}  # after closing on 25.11.
    assert sum(r["on_hand"] for r in rows) > 0
    assert sum(r["on_order"] for r in rows) > 0


def test_existing_file_is_refused_unless_overwrite(tmp_path: Path) -> None:
    target = tmp_path / "shop.bkshop"
    target.write_bytes(b"keep me")
    with pytest.raises(UserError) as caught:
        write_demo_shop("bakery", DEMO_END, target)
    assert caught.value.code == "shop.exists"
    assert target.read_bytes() == b"keep me"
    with pytest.raises(UserError) as caught:
        write_demo_shop("cafe", DEMO_END, tmp_path / "other.bkshop")
    assert caught.value.code == "demo.bad_kind"
    write_demo_shop("bakery", dt.date(2025, 3, 1), target, overwrite=True)
    with Shop.open(target) as shop:
        assert read_sales(shop)["date"].max() == pd.Timestamp("2025-02-28")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["shop.bkshop"]


def test_ensure_demo_shop_generates_once(tmp_path: Path) -> None:
    path = ensure_demo_shop("deli", tmp_path / "demo", end=dt.date(2025, 7, 1))
    assert path.exists()
    assert path.parent == tmp_path / "demo"
    stamp = path.stat().st_mtime_ns
    assert ensure_demo_shop("deli", tmp_path / "demo") == path
    assert path.stat().st_mtime_ns == stamp
