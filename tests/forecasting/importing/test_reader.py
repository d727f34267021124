"""Records in spreadsheet order: encodings, quoted line breaks, blank rows, workbooks."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from forecasting.errors import UserError
from forecasting.importing.reader import detect_encoding, records, sheet_names, text_records


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (codecs.BOM_UTF8 + "Größe".encode(), "utf-8-sig"),
        ("Größe".encode(), "utf-8"),
        ("Größe €".encode("cp1252"), "cp1252"),
        ("Größe".encode("utf-16"), "utf-16"),
        ("Größe".encode("utf-16-le"), "utf-16-le"),
        ("Grüße".encode("cp850"), "cp850"),  # 0x81 (ü in DOS) is undefined in Windows-1252
        # issue 15: a short DOS export that Windows-1252 would also decode ("Br”tchen")
        ("Datum;Artikel;Menge\n01.02.2024;Brötchen;120\n".encode("cp850"), "cp850"),
        ("Datum;Artikel;Menge\n01.02.2024;Brötchen;120\n".encode("cp1252"), "cp1252"),
        ("Datum;Artikel;Menge\n01.02.2024;Brötchen;120\n".encode("utf-16-le"), "utf-16-le"),
        ("Datum;Artikel;Menge\n01.02.2024;Brötchen;120\n".encode("utf-16-be"), "utf-16-be"),
    ],
)
def test_detect_encoding(tmp_path: Path, data: bytes, expected: str) -> None:
    (tmp_path / "f.csv").write_bytes(data)
    assert detect_encoding(tmp_path / "f.csv") == expected


def test_quoted_line_break_is_one_row_and_blank_lines_count(tmp_path: Path) -> None:
    path = tmp_path / "f.csv"
    path.write_text('a;b\n"Brot\nmit Kruste";"1;5"\n\n2;3\n', encoding="utf-8")
    rows = list(text_records(path, "utf-8", ";"))
    assert rows == [["a", "b"], ["Brot\nmit Kruste", "1;5"], [], ["2", "3"]]


def test_wrong_encoding_names_the_row(tmp_path: Path) -> None:
    path = tmp_path / "f.csv"
    path.write_bytes(b"a;b\n1;2\n" + "Größe;3\n".encode("cp1252"))
    with pytest.raises(UserError) as err:
        list(text_records(path, "utf-8", ";"))
    assert err.value.code == "import.bad_encoding"
    assert "f.csv" in err.value.message("de")


def test_workbook_rows_keep_their_numbers(tmp_path: Path) -> None:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Erstes"
    ws["A1"] = "Titel"
    ws["A4"] = "Datum"
    ws["B4"] = 3
    wb.create_sheet("Zweites")
    wb.save(tmp_path / "b.xlsx")
    rows = list(records(tmp_path / "b.xlsx", "", "", None))
    assert rows[0][0] == "Titel"
    assert rows[3] == ["Datum", 3]
    assert rows[1] == [None, None]
    assert len(rows) == 4
    assert sheet_names(tmp_path / "b.xlsx") == ["Erstes", "Zweites"]
    with pytest.raises(UserError) as err:
        list(records(tmp_path / "b.xlsx", "", "", "Drittes"))
    assert "Erstes, Zweites" in err.value.message("de")


def test_not_a_workbook(tmp_path: Path) -> None:
    (tmp_path / "x.xlsx").write_bytes(b"not a zip")
    with pytest.raises(UserError) as err:
        list(records(tmp_path / "x.xlsx", "", "", None))
    assert err.value.code == "import.xlsx_unreadable"


def _ods(path: Path) -> Path:
    """The start of a real OpenDocument spreadsheet: a zip whose first entry is the mimetype."""
    import zipfile

    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("content.xml", "<office:document-content/>")
    return path


def test_opendocument_files_get_a_clear_message(tmp_path: Path) -> None:
    from forecasting.importing.engine import read_file

    for path in (_ods(tmp_path / "umsatz.ods"), _ods(tmp_path / "export.zip")):
        with pytest.raises(UserError) as info:
            read_file(path)
        assert info.value.code == "import.other_spreadsheet"
        assert path.name in info.value.message("de")
        assert ".xlsx" in info.value.message("en")


def test_a_damaged_old_excel_file_is_named(tmp_path: Path) -> None:
    from forecasting.importing.engine import read_file

    xls = tmp_path / "kasse.xls"
    xls.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))  # OLE2 header, no sheet
    with pytest.raises(UserError) as info:
        read_file(xls)
    assert info.value.code == "import.xlsx_unreadable"
    assert "kasse.xls" in info.value.message("de")
