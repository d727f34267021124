"""Issue 15: every text file the program reads (sales, events, weather, stock lists) goes through
one reader that recognises UTF-8, UTF-16 and the code pages of German offices (1252 and DOS 850)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from calendars.event_files import read_events_file
from calendars.text_files import detect_encoding, read_text
from calendars.weather_files import read_weather_file
from forecasting.importing.engine import read_file
from forecasting.importing.stock_list import read_stock_list
from forecasting.store.create import create_shop
from forecasting.store.products import save_product
from forecasting.values.products import Product

EVENTS = ("Art;Name;Von;Bis\n"
          "Stadtfest;Straßenfest Düsternbrook;13.12.2026;13.12.2026\n"
          "Markt;Wochenmarkt Schützenwall;15.12.2026;15.12.2026\n")


@pytest.mark.parametrize("encoding", ["cp850", "cp1252", "utf-16", "utf-16-le", "utf-8"])
def test_events_csv_in_any_office_encoding(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "events.csv"
    path.write_bytes(EVENTS.encode(encoding))
    names = set(read_events_file(path)["name"])
    assert names == {"Straßenfest Düsternbrook", "Wochenmarkt Schützenwall"}


def test_weather_file_in_dos_code_page(tmp_path: Path) -> None:
    path = tmp_path / "wetter.csv"
    path.write_bytes("Datum;Temperatur;Niederschlag;Bemerkung Ü\n"
                     "01.12.2026;3,5;0,0;trüb\n02.12.2026;1,0;2,5;Schnee\n".encode("cp850"))
    frame = read_weather_file(path)
    assert len(frame) == 2
    assert frame["temperature"].tolist() == [3.5, 1.0]


def test_sales_file_in_dos_code_page_keeps_its_umlauts(tmp_path: Path) -> None:
    path = tmp_path / "kasse.csv"
    path.write_bytes("Datum;Artikel;Menge\n01.02.2024;Brötchen;120\n01.02.2024;Käsekuchen;12\n"
                     "02.02.2024;Brötchen;110\n".encode("cp850"))
    data = read_file(path)
    assert data.mapping.encoding == "cp850"
    assert set(data.spellings.values()) == {"Brötchen", "Käsekuchen"}


@pytest.mark.parametrize("encoding", ["cp850", "utf-16"])
def test_stock_list_in_dos_code_page_or_utf16(tmp_path: Path, encoding: str) -> None:
    shop = create_shop(tmp_path / "deli.bkshop", name="Feinkost", state="SH")
    try:
        save_product(shop, Product("Räucherlachs 100 g", shelf_life_days=10))
        path = tmp_path / "bestand.csv"
        path.write_bytes("Artikel;Bestand\nRäucherlachs 100 g;12\n".encode(encoding))
        assert detect_encoding(path) == encoding
        counts = read_stock_list(shop, path, dt.date(2026, 11, 26))
        assert [(c.on_hand) for c in counts] == [12]
    finally:
        shop.close()


def test_read_text_drops_the_byte_order_mark(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_bytes("\ufeffDatum;Wert\n".encode())
    assert read_text(path) == "Datum;Wert\n"
