"""The order list export: formula injection is neutralised in CSV and XLSX, numbers stay numbers."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from forecasting.order_export import ExportLine, export_rows, neutralise, write_csv, write_xlsx

EVIL = ["=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-2+3", "@SUM(A1)", "\tTab"]


def _lines() -> list[ExportLine]:
    return [
        ExportLine("Backstube", "Baguette", "Stück", 40.0, 46.0, "Samstag, Stadtfest"),
        ExportLine("Backstube", EVIL[0], "Stück", 12.0, None, EVIL[1]),
        ExportLine(EVIL[3], "Käse 1.000 g", EVIL[2], 2.5, 3.5, EVIL[4], decimals=1),
    ]


@pytest.mark.parametrize("text", EVIL)
def test_neutralise_prefixes_formula_starts(text: str) -> None:
    assert neutralise(text) == "'" + text


def test_neutralise_leaves_plain_text_and_numbers() -> None:
    assert neutralise("Brötchen") == "Brötchen"
    assert neutralise(-5.0) == -5.0


def test_rows_use_order_else_suggestion() -> None:
    rows = export_rows(_lines(), "de")
    assert rows[0][:3] == ["Bereich", "Produkt", "Menge"]
    assert rows[1][2] == 46.0
    assert rows[1][5] == "ja"
    assert rows[2][2] == 12.0
    assert rows[2][5] == "nein"


def test_csv_german_and_neutralised(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "order.csv", _lines(), "de")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh, delimiter=";"))
    assert rows[1][1] == "Baguette"
    assert rows[1][2] == "46"
    assert rows[3][2] == "3,5"
    for row in rows[1:]:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t")), cell


def test_csv_english_uses_comma_and_point(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "order.csv", _lines(), "en")
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0][0] == "Area"
    assert rows[3][2] == "3.5"


def test_xlsx_has_no_formulas(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = write_xlsx(tmp_path / "order.xlsx", _lines(), "de", heading="=Bestellliste")
    book = load_workbook(path)
    sheet = book.active
    values = [c for row in sheet.iter_rows() for c in row if c.value is not None]
    assert values, "empty sheet"
    for cell in values:
        assert cell.data_type != "f", cell.coordinate
        if isinstance(cell.value, str):
            assert not cell.value.startswith(("=", "+", "-", "@", "\t")), cell.value
    numbers = [c.value for c in values if c.data_type == "n"]
    assert 46.0 in numbers
    assert 3.5 in numbers
