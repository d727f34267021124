"""Inventory lists: CSV (German and English), XLSX; all rows or none, problems with row/column."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest
from openpyxl import Workbook

from forecasting.errors import UserError
from forecasting.importing.stock_list import import_stock_list
from forecasting.store.create import create_shop
from forecasting.store.file import Shop
from forecasting.store.products import save_product
from forecasting.store.stock import latest_counts
from forecasting.values.products import Product
from forecasting.values.stock import StockCount

DAY = dt.date(2026, 11, 26)


@pytest.fixture
def shop(tmp_path: Path) -> Shop:
    shop = create_shop(tmp_path / "deli.bkshop", name="Feinkost", state="SH")
    for name in ("Feta 200 g", "Oliven Kalamata", "Räucherlachs 100 g"):
        save_product(shop, Product(name, shelf_life_days=10))
    yield shop
    shop.close()


def _file(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding=encoding)
    return path


def test_german_list_with_spelling_of_the_till(shop: Shop, tmp_path: Path) -> None:
    path = _file(tmp_path, "inventur.csv",
                 "Artikel;Bestand;bestellt\nFETA 200 G;12;24\nRaeucherlachs 100 g;1.250,5;\n\n"
                 "Oliven  Kalamata;0,75;0\n", encoding="cp1252")
    counts = import_stock_list(shop, path, DAY)
    assert len(counts) == 3
    assert latest_counts(shop, DAY) == {
        "Feta 200 g": StockCount("Feta 200 g", DAY, 12.0, 24.0),
        "Räucherlachs 100 g": StockCount("Räucherlachs 100 g", DAY, 1250.5, 0.0),
        "Oliven Kalamata": StockCount("Oliven Kalamata", DAY, 0.75, 0.0),
    }


def test_english_list_and_xlsx(shop: Shop, tmp_path: Path) -> None:
    path = _file(tmp_path, "stock.csv", "product,on hand,on order\nFeta 200 g,2.5,1\n")
    import_stock_list(shop, path, DAY)
    assert latest_counts(shop, DAY)["Feta 200 g"] == StockCount("Feta 200 g", DAY, 2.5, 1.0)
    book = Workbook()
    sheet = book.active
    sheet.append(["Inventur Feinkost 26.11.2026"])  # a title above the header is fine
    sheet.append([])
    sheet.append(["Produkt", "Menge"])
    sheet.append(["Oliven Kalamata", 3])
    xlsx = tmp_path / "inventur.xlsx"
    book.save(xlsx)
    import_stock_list(shop, xlsx, DAY)
    assert latest_counts(shop, DAY)["Oliven Kalamata"].on_hand == 3.0


def test_bad_rows_are_all_named_and_nothing_is_written(shop: Shop, tmp_path: Path) -> None:
    path = _file(tmp_path, "inventur.csv",
                 "Produkt;Bestand;bestellt\nFeta 200 g;12;0\nSchafskäse;3;0\n"
                 "Oliven Kalamata;-2;0\nFeta 200 g;1;0\nRäucherlachs 100 g;4;viel\n")
    before = hashlib.sha256(shop.path.read_bytes()).hexdigest()
    with pytest.raises(UserError) as err:
        import_stock_list(shop, path, DAY)
    text = err.value.message("de")
    assert text.splitlines() == [
        "inventur.csv: 4 Zeilen sind nicht in Ordnung; es wurde nichts gespeichert.",
        "  Zeile 3, Spalte A: „Schafskäse“ ist kein Produkt dieses Ladens",
        "  Zeile 4, Spalte B: „-2“ ist keine Menge ab 0",
        "  Zeile 5, Spalte A: „Feta 200 g“ steht zweimal in der Liste",
        "  Zeile 6, Spalte C: „viel“ ist keine Menge ab 0",
    ]
    assert "row 3, column A" in err.value.message("en")
    assert latest_counts(shop, DAY) == {}
    assert hashlib.sha256(shop.path.read_bytes()).hexdigest() == before


def test_a_list_without_the_columns_is_refused(shop: Shop, tmp_path: Path) -> None:
    path = _file(tmp_path, "liste.csv", "Name;Preis\nFeta 200 g;3,20\n")
    with pytest.raises(UserError) as err:
        import_stock_list(shop, path, DAY)
    assert err.value.code == "stock.file_columns"
    assert "gefunden: Name, Preis" in err.value.message("de")
