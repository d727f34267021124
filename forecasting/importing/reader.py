"""Records of a CSV/text, .xlsx or .xls file, in spreadsheet order: row 1 is the file's first row.

A record is a list of cells (str for text files; str, int, float, datetime or None for workbooks).
A
blank line is a record too, so row numbers match what a spreadsheet shows; a quoted field with a
line break stays one record (one spreadsheet row), as in Excel.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from calendars import text_files
from forecasting.errors import UserError

XLSX_SUFFIXES = (".xlsx", ".xlsm")
Record = list[object]
# Old Excel files (.xls, BIFF in an OLE2 compound file) are recognised by their signature; an
# ".xls" that is really text (many web tools export tab-separated text under that name) is text.
OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Spreadsheets we do not read: OpenDocument (a zip whose first entry is "mimetype"), Numbers.
OTHER_SPREADSHEET_SUFFIXES = (".ods", ".numbers")


def refuse_other_spreadsheets(path: Path) -> None:
    """A clear message instead of reading an OpenDocument or Numbers file as text."""
    with open(path, "rb") as fh:
        head = fh.read(64)
    ods = head.startswith(b"PK\x03\x04") and b"mimetypeapplication/vnd.oasis" in head
    if ods or (path.suffix.lower() in OTHER_SPREADSHEET_SUFFIXES and not is_xlsx(path)):
        raise UserError("import.other_spreadsheet", file=path.name)


def is_xls(path: Path) -> bool:
    """An old Excel workbook (.xls), by its OLE2 signature."""
    with open(path, "rb") as fh:
        return fh.read(8) == OLE2_SIGNATURE


def is_workbook(path: Path) -> bool:
    """An Excel workbook, new (.xlsx) or old (.xls)."""
    return is_xlsx(path) or is_xls(path)


def is_xlsx(path: Path) -> bool:
    """Excel workbook (by name or by its zip signature; an OpenDocument zip is not one)."""
    if path.suffix.lower() in XLSX_SUFFIXES:
        return True
    with open(path, "rb") as fh:
        head = fh.read(64)
    return head.startswith(b"PK\x03\x04") and b"mimetypeapplication/vnd.oasis" not in head


class CountingReader(io.RawIOBase):
    """A binary file that counts the bytes read, for a progress fraction."""

    def __init__(self, raw: BinaryIO) -> None:
        self.raw = raw
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        data = self.raw.read(len(buffer))
        buffer[: len(data)] = data
        self.count += len(data)
        return len(data)


def detect_encoding(path: Path) -> str:
    """The text file's encoding (calendars.text_files: the one reader of every text file)."""
    refuse_other_spreadsheets(path)
    return text_files.detect_encoding(path)


def text_records(
    path: Path, encoding: str, separator: str, counter: list[int] | None = None
) -> Iterator[Record]:
    """Records of a text file; `counter[0]` follows the bytes read (for progress)."""
    refuse_other_spreadsheets(path)
    with open(path, "rb") as raw:
        counting = CountingReader(raw)
        buffered = io.BufferedReader(counting, buffer_size=1 << 20)
        text = io.TextIOWrapper(buffered, encoding=encoding, newline="")
        reader = csv.reader(text, delimiter=separator, quotechar='"', strict=False)
        row = 0
        try:
            for record in reader:
                row += 1
                if counter is not None:
                    counter[0] = counting.count
                yield record  # type: ignore[misc]
        except UnicodeDecodeError:
            raise UserError(
                "import.bad_encoding", file=path.name, encoding=encoding, row=row + 1
            ) from None
        except csv.Error as exc:
            raise UserError(
                "import.bad_csv", file=path.name, row=row + 1, detail=str(exc)
            ) from None


def sheet_names(path: Path) -> list[str]:
    """The worksheet names of a workbook."""
    if is_xls(path):
        book = _open_xls(path)
        try:
            return list(book.sheet_names())
        finally:
            book.release_resources()
    wb = _open_workbook(path)
    try:
        return list(wb.sheetnames)
    finally:
        wb.close()


def _open_workbook(path: Path):  # type: ignore[no-untyped-def]
    import zipfile

    import openpyxl

    try:
        return openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise UserError("import.xlsx_unreadable", file=path.name, detail=str(exc)) from None
    except Exception as exc:  # openpyxl raises many kinds on damaged or misnamed workbooks
        raise UserError("import.xlsx_unreadable", file=path.name, detail=str(exc)) from None


def xlsx_records(
    path: Path, sheet: str | None, counter: list[int] | None = None
) -> Iterator[Record]:
    """Records of one worksheet (the first if `sheet` is None); counter[0] = rows read."""
    wb = _open_workbook(path)
    try:
        if sheet is None:
            ws = wb.worksheets[0]
        elif sheet in wb.sheetnames:
            ws = wb[sheet]
        else:
            raise UserError(
                "import.xlsx_sheet", file=path.name, sheet=sheet, sheets=", ".join(wb.sheetnames)
            )
        rows = ws.iter_rows(values_only=True)
        row = 0
        while True:
            try:
                values = next(rows)
            except StopIteration:
                break
            except Exception as exc:  # a damaged sheet: say which row, never a stack trace
                raise UserError(
                    "import.xlsx_unreadable", file=path.name, detail=f"row {row + 1}: {exc}"
                ) from None
            row += 1
            if counter is not None:
                counter[0] = row
            yield list(values)
    finally:
        wb.close()


def _open_xls(path: Path):  # type: ignore[no-untyped-def]
    import xlrd

    try:
        return xlrd.open_workbook(str(path), on_demand=True)
    except Exception as exc:  # xlrd raises XLRDError, struct.error, ... on damaged files
        raise UserError("import.xlsx_unreadable", file=path.name, detail=str(exc)) from None


def _xls_sheet(book, path: Path, sheet: str | None):  # type: ignore[no-untyped-def]
    names = book.sheet_names()
    if sheet is None:
        return book.sheet_by_index(0)
    if sheet not in names:
        raise UserError("import.xlsx_sheet", file=path.name, sheet=sheet, sheets=", ".join(names))
    return book.sheet_by_name(sheet)


def _xls_cell(cell, datemode: int) -> object:  # type: ignore[no-untyped-def]
    """A cell as openpyxl would give it: text, number, datetime, bool or None."""
    import xlrd

    kind = cell.ctype
    if kind in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
        return None
    if kind == xlrd.XL_CELL_DATE:
        return xlrd.xldate_as_datetime(cell.value, datemode)
    if kind == xlrd.XL_CELL_NUMBER:
        value = float(cell.value)
        return int(value) if value.is_integer() else value
    if kind == xlrd.XL_CELL_BOOLEAN:
        return bool(cell.value)
    if kind == xlrd.XL_CELL_ERROR:
        return xlrd.error_text_from_code.get(cell.value, "#ERROR")
    return str(cell.value)


def xls_records(
    path: Path, sheet: str | None, counter: list[int] | None = None
) -> Iterator[Record]:
    """Records of one worksheet of an old Excel file (the first if `sheet` is None)."""
    book = _open_xls(path)
    try:
        ws = _xls_sheet(book, path, sheet)
        for row in range(ws.nrows):
            if counter is not None:
                counter[0] = row + 1
            yield [_xls_cell(cell, book.datemode) for cell in ws.row(row)]
    finally:
        book.release_resources()


def workbook_records(
    path: Path, sheet: str | None, counter: list[int] | None = None
) -> Iterator[Record]:
    """Records of a worksheet of an .xlsx or .xls workbook."""
    if is_xls(path):
        return xls_records(path, sheet, counter)
    return xlsx_records(path, sheet, counter)


def workbook_row_count(path: Path, sheet: str | None) -> int:
    """The sheet's row count (for progress), 0 if unknown."""
    if is_xls(path):
        book = _open_xls(path)
        try:
            return int(_xls_sheet(book, path, sheet).nrows)
        finally:
            book.release_resources()
    return xlsx_row_count(path, sheet)


def xlsx_row_count(path: Path, sheet: str | None) -> int:
    """The sheet's declared row count (for progress), 0 if unknown."""
    wb = _open_workbook(path)
    try:
        ws = wb[sheet] if sheet in wb.sheetnames else wb.worksheets[0]
        return int(ws.max_row or 0)
    finally:
        wb.close()


def records(
    path: Path, encoding: str, separator: str, sheet: str | None, counter: list[int] | None = None
) -> Iterator[Record]:
    """Records of a text file or workbook."""
    if is_workbook(path):
        return workbook_records(path, sheet, counter)
    return text_records(path, encoding, separator, counter)
