"""Auto-detection: the same sales written in every dialect come back as identical shop contents."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from forecasting.importing.engine import import_sales
from forecasting.importing.sniff import column_letter, detect_mapping, detect_separator
from forecasting.store.file import Shop

PRODUCTS = ["Brötchen", "Brot, groß", "Blechkuchen (Apfel)"]
DAYS = [dt.date(2024, 3, 1) + dt.timedelta(days=i) for i in range(16)]
WEEKDAYS_DE = ["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"]


def quantity(p: int, day: dt.date) -> Decimal:
    """Deterministic daily quantities with halves, a thousand and one net-negative day."""
    if p == 0 and day.day == 5:
        return Decimal("-2")
    if p == 1 and day.day == 7:
        return Decimal("1234.5")
    return Decimal((day.day * 7 + p * 13) % 50) + (Decimal("0.5") if day.day % 3 == 0 else 0)


EXPECTED = {
    (name, day.isoformat(), float(quantity(p, day)))
    for p, name in enumerate(PRODUCTS)
    for day in DAYS
}


def fmt_number(value: Decimal, decimal: str, thousands: str) -> str:
    text = f"{value:,f}" if thousands else f"{value:f}"
    return text.replace(",", "\x00").replace(".", decimal).replace("\x00", thousands)


DATE_STYLES: dict[str, Callable[[dt.date], str]] = {
    "de": lambda d: d.strftime("%d.%m.%Y"),
    "de_short": lambda d: d.strftime("%d.%m.%y"),
    "iso": lambda d: d.isoformat(),
    "us": lambda d: d.strftime("%m/%d/%Y"),
    "uk": lambda d: d.strftime("%d/%m/%Y"),
    "weekday_de": lambda d: f"{WEEKDAYS_DE[d.weekday()]}, {d:%d.%m.%Y}",
    "weekday_en": lambda d: f"{d:%A} {d.isoformat()}",
    "with_time": lambda d: f"{d:%d.%m.%Y} 00:00:00",
    "iso_t": lambda d: f"{d.isoformat()}T00:00:00+01:00",
}


def rows_for(layout: str, date_style: str, decimal: str, thousands: str) -> list[list[str]]:
    show_date = DATE_STYLES[date_style]
    num = lambda v: fmt_number(v, decimal, thousands)  # noqa: E731
    if layout == "wide":
        rows = [["Datum", *[n.replace("(", "\n(") for n in PRODUCTS]]]
        for day in DAYS:
            rows.append([show_date(day), *[num(quantity(p, day)) for p in range(len(PRODUCTS))]])
        return rows
    if layout == "daily":
        rows = [["Datum", "Artikel", "Menge", "Retoure"]]
        for day in DAYS:
            for p, name in enumerate(PRODUCTS):
                rows.append([show_date(day), name, num(quantity(p, day)), ""])
        return rows
    rows = [["Datum", "Uhrzeit", "Bon-Nr", "Artikel", "Menge", "Einzelpreis"]]
    receipt = 0
    for day in DAYS:
        for p, name in enumerate(PRODUCTS):
            q = quantity(p, day)
            parts = [q + 1, Decimal(-1)] if q != 0 else [Decimal(2), Decimal(-2)]
            for i, part in enumerate(parts):
                receipt += 1
                spelled = name.upper().replace("Ö", "OE") if i else name
                rows.append(
                    [
                        show_date(day),
                        f"{7 + i}:{10 + p:02d}",
                        str(receipt),
                        spelled,
                        num(part),
                        num(Decimal("0.45")),
                    ]
                )
    return rows


def write_csv(path: Path, rows: list[list[str]], sep: str, encoding: str, junk: bool) -> Path:
    buf = io.StringIO()
    if junk:
        buf.write("Kassenexport Filiale 3\r\n\r\n")
    writer = csv.writer(buf, delimiter=sep, lineterminator="\r\n")
    writer.writerows(rows)
    path.write_bytes(buf.getvalue().encode(encoding))
    return path


CSV_CASES = [
    # layout, separator, encoding, decimal, thousands, date style, junk lines above the header
    ("daily", ",", "utf-8", ".", "", "iso", False),
    ("daily", ";", "utf-8-sig", ",", ".", "de", True),
    ("daily", "\t", "utf-16", ",", "", "de_short", False),
    ("daily", "|", "cp1252", ".", ",", "us", False),
    ("daily", ";", "latin-1", ",", "", "weekday_de", True),
    ("daily", ",", "utf-8", ",", ".", "uk", False),
    ("receipts", ";", "cp1252", ",", "", "de", False),
    ("receipts", ",", "utf-8-sig", ".", "", "weekday_en", True),
    ("receipts", "\t", "utf-16", ",", "", "iso", False),
    ("receipts", "|", "utf-8", ".", "", "with_time", False),
    ("wide", ";", "cp1252", ",", ".", "de", True),
    ("wide", ",", "utf-8", ".", ",", "iso_t", False),
    ("wide", "\t", "utf-16", ".", "", "us", False),
    ("wide", "|", "utf-8-sig", ",", "", "weekday_de", False),
]


@pytest.mark.parametrize(
    ("layout", "sep", "encoding", "decimal", "thousands", "date_style", "junk"), CSV_CASES
)
def test_every_csv_dialect_gives_the_same_shop(
    tmp_path: Path,
    new_shop: Shop,
    shop_sales: Callable[[Shop], set[tuple[str, str, float]]],
    layout: str,
    sep: str,
    encoding: str,
    decimal: str,
    thousands: str,
    date_style: str,
    junk: bool,
) -> None:
    rows = rows_for(layout, date_style, decimal, thousands)
    path = write_csv(tmp_path / "export.csv", rows, sep, encoding, junk)

    mapping = detect_mapping(path)
    assert mapping.separator == sep
    assert mapping.decimal == decimal or not any(decimal in c for r in rows[1:] for c in r[2:])
    assert mapping.header_row == (3 if junk else 1)
    assert mapping.layout == layout
    report = import_sales(path, new_shop, mapping)

    assert report.reconciled
    assert report.tally.rejected == 0
    assert shop_sales(new_shop) == EXPECTED


@pytest.mark.parametrize("layout", ["daily", "receipts", "wide"])
def test_xlsx_with_title_rows_gives_the_same_shop(
    tmp_path: Path,
    new_shop: Shop,
    shop_sales: Callable[[Shop], set[tuple[str, str, float]]],
    layout: str,
) -> None:
    import openpyxl

    rows = rows_for(layout, "iso", ".", "")
    wb = openpyxl.Workbook()
    wb.active.title = "Notizen"
    wb.active.append(["nichts hier"])
    ws = wb.create_sheet("Verkauf")
    ws.append(["Verkäufe März 2024"])
    ws.append([])
    ws.append(rows[0])
    for r in rows[1:]:
        cells: list[object] = [dt.datetime.fromisoformat(r[0])]
        for c in r[1:]:
            try:
                cells.append(float(c) if "." in c else int(c))
            except ValueError:
                cells.append(c)
        ws.append(cells)
    path = tmp_path / "verkauf.xlsx"
    wb.save(path)

    mapping = detect_mapping(path, sheet="Verkauf")
    assert mapping.header_row == 3
    report = import_sales(path, new_shop, mapping)
    assert report.reconciled
    assert shop_sales(new_shop) == EXPECTED


def test_detect_separator_ignores_separators_inside_quotes() -> None:
    lines = ["Datum,Artikel,Menge\n", '01.02.2024,"Brot; groß",3\n', '02.02.2024,"Brot; groß",4\n']
    assert detect_separator(lines) == ","
    assert detect_separator(["a;b;c\n", "1;2,5;3\n", "4;5,5;6\n"]) == ";"


def test_column_letters_match_spreadsheets() -> None:
    assert [column_letter(i) for i in (0, 1, 25, 26, 27, 701, 702)] == [
        "A",
        "B",
        "Z",
        "AA",
        "AB",
        "ZZ",
        "AAA",
    ]


def test_mapping_lists_columns_a_user_can_correct(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text(
        "Filiale;Datum;Uhrzeit;Artikel;Menge;Produziert;Ausverkauft um\n"
        "Nord;01.02.2024;08:00;Brot;3;10;\n",
        encoding="utf-8",
    )
    m = detect_mapping(path)
    assert (
        m.branch_column,
        m.date_column,
        m.time_column,
        m.product_column,
        m.quantity_column,
        m.produced_column,
        m.sold_out_column,
    ) == ("Filiale", "Datum", "Uhrzeit", "Artikel", "Menge", "Produziert", "Ausverkauft um")
    assert m.layout == "receipts"


XLS_FIXTURES = Path(__file__).resolve().parents[2] / "data" / "import"


@pytest.mark.parametrize("layout", ["daily", "receipts", "wide"])
def test_old_excel_xls_with_title_rows_gives_the_same_shop(
    new_shop: Shop, shop_sales: Callable[[Shop], set[tuple[str, str, float]]], layout: str,
) -> None:
    """Real .xls files (BIFF8, written by xlwt from rows_for(layout)): dates as Excel dates,
    a notes sheet first, a title above the header."""
    path = XLS_FIXTURES / f"verkauf_{layout}.xls"
    mapping = detect_mapping(path, sheet="Verkauf")
    assert mapping.header_row == 3
    report = import_sales(path, new_shop, mapping)
    assert report.reconciled
    assert shop_sales(new_shop) == EXPECTED


def test_a_text_export_named_xls_is_read_as_text(
    tmp_path: Path, new_shop: Shop, shop_sales: Callable[[Shop], set[tuple[str, str, float]]],
) -> None:
    rows = rows_for("daily", "de", ",", "")
    path = write_csv(tmp_path / "export.xls", rows, "\t", "cp1252", junk=False)
    report = import_sales(path, new_shop, detect_mapping(path))
    assert report.reconciled
    assert shop_sales(new_shop) == EXPECTED
