"""Issue 14, findings 2 and 8 at the import: implausible dates, quantities and names are refused
with file, row and column, counted as such, and never reach the shop file (all-or-nothing)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import Workbook

from calendars.plausible import MAX_NAME_LENGTH, DateWindow, years_later
from forecasting.errors import UserError
from forecasting.importing.engine import ImportOptions, ImportRefusedError, import_sales
from forecasting.importing.mapping import Mapping
from forecasting.importing.report import render_report
from forecasting.importing.stock_list import import_stock_list
from forecasting.store.file import Shop
from forecasting.store.products import save_product
from forecasting.values.products import Product

HEAD = "Datum;Artikel;Menge\n"
GOOD = "02.02.2026;Brot;3\n"
BEYOND = years_later(dt.date.today(), 2) + dt.timedelta(days=1)


def _file(tmp_path: Path, text: str, name: str = "kasse.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _refused(path: Path, shop: Shop, rows_digest: Callable[[Shop], str], code: str,
             options: ImportOptions | None = None, mapping: Mapping | None = None
             ) -> ImportRefusedError:
    before = rows_digest(shop)
    with pytest.raises(ImportRefusedError) as info:
        import_sales(path, shop, mapping, options=options)
    assert info.value.code == code
    assert rows_digest(shop) == before
    return info.value


@pytest.mark.parametrize("cell", [
    "01.01.0001", "31.12.9999", "01.01.1925", "31.12.1999", "0001-01-01", "9999-12-31",
    BEYOND.strftime("%d.%m.%Y"), "12/31/1925",
])
def test_dates_outside_the_window_are_refused_with_row_and_column(
        tmp_path: Path, new_shop: Shop, rows_digest: Callable[[Shop], str], cell: str) -> None:
    path = _file(tmp_path, HEAD + GOOD + f"{cell};Brot;5\n")
    refused = _refused(path, new_shop, rows_digest, "sanity.refused_date")
    de, en = refused.message("de"), refused.message("en")
    assert "kasse.csv: 1 Zeile mit unplausiblem Datum, z. B. Zeile 3, Spalte „Datum“" in de
    assert "liegt nicht zwischen 01.01.2000 und" in de
    assert "--allow-dates" in de
    assert "kasse.csv: 1 row with an implausible date, e.g. row 3, column “Datum”" in en
    assert refused.report.tally.implausible == 1
    assert refused.report.to_dict()["rows_rejected"][0]["reason"] == "sanity.date_outside"


def test_edge_days_of_the_window_are_accepted(tmp_path: Path, new_shop: Shop) -> None:
    last = years_later(dt.date.today(), 2)
    path = _file(tmp_path, HEAD + f"01.01.2000;Brot;1\n{last:%d.%m.%Y};Brot;2\n")
    assert import_sales(path, new_shop).days_new == 2


def test_the_owner_may_widen_the_window(tmp_path: Path, new_shop: Shop) -> None:
    path = _file(tmp_path, HEAD + "01.01.1925;Brot;5\n03/04/1990;Brot;1\n04/13/1990;Brot;1\n")
    options = ImportOptions(window=DateWindow.parse("1920-01-01..2030-12-31"))
    report = import_sales(path, new_shop, options=options)
    assert report.days_new == 3
    assert new_shop._conn.execute("SELECT MIN(date) FROM sales").fetchone()[0] == "1925-01-01"


def test_a_pending_date_the_order_puts_outside_is_refused(
        tmp_path: Path, new_shop: Shop, rows_digest: Callable[[Shop], str]) -> None:
    # 13/01/2000 decides day/month first; 02/12/2000 is then 2 December, a day after the window
    window = DateWindow(dt.date(2000, 1, 1), dt.date(2000, 12, 1))
    path = _file(tmp_path, HEAD + "13/01/2000;Brot;1\n02/12/2000;Brot;2\n")
    refused = _refused(path, new_shop, rows_digest, "sanity.refused_date",
                       ImportOptions(window=window))
    assert refused.params["row"] == 3
    assert refused.params["value"] == "02/12/2000"


@pytest.mark.parametrize(("cell", "column"), [("10000001", "Menge"), ("-10.000.001", "Menge"),
                                              ("1e400", None)])
def test_quantities_beyond_ten_million_are_refused(
        tmp_path: Path, new_shop: Shop, rows_digest: Callable[[Shop], str], cell: str,
        column: str | None) -> None:
    path = _file(tmp_path, HEAD + GOOD + f"03.02.2026;Brot;{cell}\n")
    if column is None:  # not a number at all: the ordinary rejection, never stored
        _refused(path, new_shop, rows_digest, "import.rejected_rows")
        return
    refused = _refused(path, new_shop, rows_digest, "sanity.refused_quantity")
    assert refused.params["row"] == 3
    assert refused.params["column"] == column
    assert "mehr als 10.000.000 an einem Tag" in refused.message("de")


def test_ten_million_is_still_fine_but_not_summed_beyond(
        tmp_path: Path, new_shop: Shop, rows_digest: Callable[[Shop], str]) -> None:
    path = _file(tmp_path, HEAD + "03.02.2026;Brot;10000000\n")
    assert import_sales(path, new_shop).days_new == 1
    path = _file(tmp_path, HEAD + "04.02.2026;Brot;6000000\n04.02.2026;Brot;6000000\n")
    refused = _refused(path, new_shop, rows_digest, "sanity.day_total")
    assert "Brot am 04.02.2026: zusammen 12000000" in refused.message("de")


@pytest.mark.parametrize("cell", ["NaN", "nan", "inf", "-inf", "Infinity", "∞"])
def test_not_finite_numbers_never_land(tmp_path: Path, new_shop: Shop,
                                       rows_digest: Callable[[Shop], str], cell: str) -> None:
    path = _file(tmp_path, HEAD + GOOD + f"03.02.2026;Brot;{cell}\n")
    _refused(path, new_shop, rows_digest, "import.rejected_rows")
    import_sales(path, new_shop, options=ImportOptions(accept_rejects=True))
    assert new_shop._conn.execute("SELECT COUNT(*) FROM sales").fetchone()[0] == 1


@pytest.mark.parametrize(("produced", "reason"), [("-1", "sanity.quantity_negative"),
                                                  ("20000000", "sanity.quantity_too_large")])
def test_produced_must_be_between_zero_and_ten_million(
        tmp_path: Path, new_shop: Shop, rows_digest: Callable[[Shop], str], produced: str,
        reason: str) -> None:
    path = _file(tmp_path, f"Datum;Artikel;Menge;Produziert\n02.02.2026;Brot;3;{produced}\n")
    refused = _refused(path, new_shop, rows_digest, "sanity.refused_quantity")
    assert refused.report.tally.first_implausible.reason == reason  # type: ignore[union-attr]
    assert refused.params["column"] == "Produziert"


@pytest.mark.parametrize(("name", "reason"), [
    ("\x1b[31mBrot\x1b[0m", "sanity.name_control"),
    ("Brot\x7f", "sanity.name_control"),
    ("Brot\x9b2J", "sanity.name_control"),
    ("Brot\x00", "sanity.name_control"),
    ("\u202eBrot", "sanity.name_bidi"),
    ("Brot\u2066x\u2069", "sanity.name_bidi"),
    ("Brot\u200f", "sanity.name_bidi"),
    ("Brot\u061c", "sanity.name_bidi"),
    ("B" * (MAX_NAME_LENGTH + 1), "sanity.name_too_long"),
    ("B" * 10_000, "sanity.name_too_long"),
])
def test_names_with_control_or_bidi_characters_or_too_long_are_refused(
        tmp_path: Path, new_shop: Shop, rows_digest: Callable[[Shop], str], name: str,
        reason: str) -> None:
    path = _file(tmp_path, HEAD + GOOD + f"03.02.2026;{name};5\n")
    refused = _refused(path, new_shop, rows_digest, "sanity.refused_name")
    assert refused.report.tally.first_implausible.reason == reason  # type: ignore[union-attr]
    assert (refused.params["row"], refused.params["column"]) == (3, "Artikel")
    message = refused.message("de")
    assert not any(ch in message for ch in "\x1b\x7f\x9b\x00\u202e\u2066\u200f\u061c")
    assert len(message) < 600


def test_long_and_tidied_names_are_fine(tmp_path: Path, new_shop: Shop) -> None:
    name = "B" * MAX_NAME_LENGTH
    path = _file(tmp_path, HEAD + f'03.02.2026;{name};5\n03.02.2026;"Brot\tmit\nKruste";2\n')
    import_sales(path, new_shop)
    names = {r[0] for r in new_shop._conn.execute("SELECT name FROM products")}
    assert names == {name, "Brot mit Kruste"}


def test_accept_rejects_drops_them_counted_and_named(tmp_path: Path, new_shop: Shop) -> None:
    path = _file(tmp_path, HEAD + GOOD + "01.01.0001;Brot;5\n03.02.2026;\x1b[2JBrot;1\n"
                 "04.02.2026;Brot;99999999\n04.02.2026;Brot;abc\n")
    report = import_sales(path, new_shop, options=ImportOptions(accept_rejects=True))
    data = report.to_dict()
    assert data["rows_imported"] == 1
    assert data["rows_rejected_count"] == 4
    assert data["rows_implausible"] == 3
    assert [r["reason"] for r in data["rows_rejected"]] == [
        "sanity.date_outside", "sanity.name_control", "sanity.quantity_too_large",
        "not_a_number"]
    text = render_report(report, "de")
    assert "Davon unplausibel (Datum, Menge oder Name): 3" in text
    assert "Zeile 3, Spalte „Datum“: Datum außerhalb des plausiblen Zeitraums" in text
    assert "\x1b" not in text
    assert [tuple(r) for r in new_shop._conn.execute("SELECT date, quantity FROM sales")] == [
        ("2026-02-02", 3.0)]


def test_wide_table_header_and_start_date(tmp_path: Path, new_shop: Shop,
                                          rows_digest: Callable[[Shop], str]) -> None:
    path = _file(tmp_path, "Datum;Brot;\u202eKuchen\n02.02.2026;1;2\n")
    mapping = Mapping(layout="wide", date_column="Datum", product_columns=["Brot", "\u202eKuchen"],
                      separator=";")
    before = rows_digest(new_shop)
    with pytest.raises(UserError) as info:
        import_sales(path, new_shop, mapping)
    assert info.value.code == "sanity.header_name"
    assert (info.value.params["row"], info.value.params["column"]) == (1, "C")
    path = _file(tmp_path, "Brot\n1\n2\n")
    mapping = Mapping(layout="wide", product_columns=["Brot"], start_date="1925-03-01",
                      separator=";")
    refused = _refused(path, new_shop, rows_digest, "sanity.refused_date", mapping=mapping)
    assert refused.params["value"] == "1925-03-01"
    assert rows_digest(new_shop) == before


def test_mapping_names_are_checked(tmp_path: Path, new_shop: Shop) -> None:
    path = _file(tmp_path, "Datum;Menge\n02.02.2026;1\n")
    mapping = Mapping(date_column="Datum", quantity_column="Menge", separator=";",
                      product_name="Brot\x1b]0;owned\x07")
    with pytest.raises(UserError) as info:
        import_sales(path, new_shop, mapping)
    assert info.value.code == "sanity.mapping_name"
    assert "\x1b" not in info.value.message("en")


def test_workbook_cells_are_checked_too(tmp_path: Path, new_shop: Shop,
                                        rows_digest: Callable[[Shop], str]) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["Datum", "Artikel", "Menge"])
    sheet.append([dt.datetime(2026, 2, 2), "Brot", 3])
    sheet.append([dt.datetime(1925, 1, 1), "Brot", 4])
    sheet.append([dt.datetime(2026, 2, 3), "Brot", 1e12])
    path = tmp_path / "kasse.xlsx"
    book.save(path)
    refused = _refused(path, new_shop, rows_digest, "sanity.refused_date")
    assert refused.report.tally.implausible == 2
    assert refused.params["row"] == 3


def test_stock_lists_refuse_huge_amounts_and_bad_names(tmp_path: Path, new_shop: Shop,
                                                       rows_digest: Callable[[Shop], str]) -> None:
    save_product(new_shop, Product("Feta", shelf_life_days=10))
    save_product(new_shop, Product("Oliven\x1b[5m", shelf_life_days=10))  # an older file's name
    path = _file(tmp_path, "Artikel;Bestand\nFeta;20000000\nOliven\x1b[5m;3\n", "inventur.csv")
    before = rows_digest(new_shop)
    with pytest.raises(UserError) as info:
        import_stock_list(new_shop, path, dt.date(2026, 2, 2))
    text = info.value.message("de")
    assert "Zeile 2, Spalte B: „20000000“ ist mehr als 10.000.000" in text
    assert "Zeile 3, Spalte A: „Oliven␛[5m“ ist als Name nicht zulässig" in text
    assert "\x1b" not in text
    assert rows_digest(new_shop) == before
