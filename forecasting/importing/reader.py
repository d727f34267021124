"""Records of a CSV/text or .xlsx file, in spreadsheet order: row 1 is the file's first row.

A record is a list of cells (str for text files; str, int, float, datetime or None for .xlsx). A
blank line is a record too, so row numbers match what a spreadsheet shows; a quoted field with a
line break stays one record (one spreadsheet row), as in Excel.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from forecasting.errors import UserError

XLSX_SUFFIXES = (".xlsx", ".xlsm")
Record = list[object]
# Spreadsheet formats we do not read, by signature: old Excel (.xls, an OLE2 compound file) and
# OpenDocument (.ods, a zip whose first entry is "mimetype").
OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
OTHER_SPREADSHEET_SUFFIXES = (".xls", ".ods", ".numbers")


def refuse_other_spreadsheets(path: Path) -> None:
    """A clear message instead of reading an old Excel or OpenDocument file as text."""
    with open(path, "rb") as fh:
        head = fh.read(64)
    ods = head.startswith(b"PK\x03\x04") and b"mimetypeapplication/vnd.oasis" in head
    if head.startswith(OLE2_SIGNATURE) or ods or (
            path.suffix.lower() in OTHER_SPREADSHEET_SUFFIXES and not is_xlsx(path)):
        raise UserError("import.other_spreadsheet", file=path.name)


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
    """BOM first; else UTF-8 if the whole file decodes; else Windows-1252 (or Latin-1)."""
    refuse_other_spreadsheets(path)
    with open(path, "rb") as fh:
        head = fh.read(4)
        if head.startswith(codecs.BOM_UTF8):
            return "utf-8-sig"
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return "utf-16"
        if len(head) >= 4 and head[1] == 0 and head[3] == 0 and head[0] and head[2]:
            return "utf-16-le"
        if len(head) >= 4 and head[0] == 0 and head[2] == 0 and head[1] and head[3]:
            return "utf-16-be"
        fh.seek(0)
        decoder = codecs.getincrementaldecoder("utf-8")()
        cp1252_ok = True
        try:
            while chunk := fh.read(1 << 20):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
            return "utf-8"
        except UnicodeDecodeError:
            pass
        fh.seek(0)
        while chunk := fh.read(1 << 20):
            try:
                chunk.decode("cp1252")
            except UnicodeDecodeError:
                cp1252_ok = False
                break
    return "cp1252" if cp1252_ok else "latin-1"


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
    if is_xlsx(path):
        return xlsx_records(path, sheet, counter)
    return text_records(path, encoding, separator, counter)
