"""The tables of a DSFinV-K export (the tax authority's interface every German till must offer):
a .zip or a folder holding `index.xml` and CSV tables (`transactions.csv`, `lines.csv`, ...).

`index.xml` (GDPdU format) says how each table is written: encoding, column delimiter, text
encapsulator, decimal and grouping symbols, the row the data starts in and the columns in order.
A table it does not describe is read with the spec's defaults (UTF-8, ";", '"', ",", ".", column
names in row 1). Columns are found by their names in the header row, so a till that adds or
reorders columns is read correctly; a file without a header row takes the names from index.xml.
Nothing is extracted: the tables are streamed row by row from the zip or the folder.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import itertools
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree

from forecasting.errors import UserError
from forecasting.importing.mapping import Mapping

INDEX = "index.xml"
LINES = "lines.csv"
TRANSACTIONS = "transactions.csv"
LOCATIONS = "location.csv"
REQUIRED = (LINES, TRANSACTIONS)
#: An index.xml is a few hundred KiB; a bigger one is not an index and is not parsed.
MAX_INDEX_BYTES = 8 << 20
#: GDPdU encoding elements -> Python codecs (UTF-8 with or without a byte-order mark).
ENCODINGS = {
    "UTF8": "utf-8-sig",
    "ANSI": "cp1252",
    "OEM": "cp850",
    "Macintosh": "mac_roman",
    "UTF16": "utf-16",
    "ISO-8859-1": "latin-1",
}
#: What reading a damaged zip or file can raise (CRC, inflate, truncation, unknown method).
READ_ERRORS = (OSError, EOFError, zipfile.BadZipFile, zlib.error, RuntimeError,
               NotImplementedError)
#: How far below the chosen folder (or the zip's root) the tables may sit.
MAX_DEPTH = 2


def is_export(path: str | Path) -> bool:
    """True for what is read as a DSFinV-K export: a folder, a zip holding its tables, or a file
    named .zip that is no spreadsheet (an OpenDocument or Excel file renamed keeps its message)."""
    path = Path(path)
    if path.is_dir():
        return True
    if not path.is_file():
        return False
    named_zip = path.suffix.lower() == ".zip"
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
    except READ_ERRORS:
        return named_zip  # a damaged .zip: opening it says what is wrong
    if {name.rsplit("/", 1)[-1].lower() for name in names} & {INDEX, *REQUIRED}:
        return True
    spreadsheet = "mimetype" in names or "[Content_Types].xml" in names
    return named_zip and not spreadsheet


def export_mapping() -> Mapping:
    """The mapping an export is read with (shown in reports; the columns are the spec's)."""
    return Mapping(
        layout="receipts",
        encoding="utf-8",
        separator=";",
        decimal=",",
        thousands=".",
        date_column="BON_ENDE",
        product_column="ARTIKELTEXT",
        quantity_column="MENGE",
        receipt_column="BON_ID",
    )


@dataclasses.dataclass
class TableFormat:
    """How one table is written (from index.xml, else the spec's defaults)."""

    encoding: str = "utf-8-sig"
    delimiter: str = ";"
    quote: str = '"'
    decimal: str = ","
    thousands: str = "."
    first_row: int | None = None  # the row the data starts in (index.xml Range/From); None: row 1
    # or 2, by whether row 1 holds column names
    columns: list[str] = dataclasses.field(default_factory=list)


@dataclasses.dataclass
class Table:
    """A table's column names (upper case) and its rows: (spreadsheet row number, cells)."""

    name: str
    columns: list[str]
    header_rows: int
    rows: Iterator[tuple[int, list[str]]]
    size: int

    def index(self, column: str, *, required: bool = True) -> int | None:
        """Position of a column; a missing required column is a user error naming the file."""
        if column in self.columns:
            return self.columns.index(column)
        if not required:
            return None
        raise UserError("dsfinvk.missing_column", file=self.name, column=column,
                        columns=", ".join(self.columns))


class Export:
    """An opened export: which tables it has and how each is written."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._zip: zipfile.ZipFile | None = None
        self._members: dict[str, str] = {}
        if path.is_dir():
            self._members = _folder_members(path)
        else:
            self._zip = _open_zip(path)
            self._members = _zip_members(self._zip)
        missing = [name for name in REQUIRED if name not in self._members]
        if missing:
            self.close()
            raise UserError("dsfinvk.not_an_export", file=path.name, missing=", ".join(missing))
        self.formats = self._read_index()

    def close(self) -> None:
        """Close the zip file (a folder needs nothing)."""
        if self._zip is not None:
            self._zip.close()
            self._zip = None

    def __enter__(self) -> Export:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def has(self, name: str) -> bool:
        """Whether the export holds this table."""
        return name in self._members

    def label(self, name: str) -> str:
        """How a table is named in messages: export/table ("kasse.zip/lines.csv")."""
        return f"{self.path.name}/{name}"

    def _open(self, name: str) -> io.BufferedIOBase:
        member = self._members[name]
        try:
            if self._zip is not None:
                return self._zip.open(member)  # type: ignore[return-value]
            return open(member, "rb")
        except READ_ERRORS as exc:
            raise UserError("import.unreadable", file=self.label(name), detail=exc) from None

    def _size(self, name: str) -> int:
        member = self._members[name]
        if self._zip is not None:
            return self._zip.getinfo(member).file_size
        return Path(member).stat().st_size

    def _read_index(self) -> dict[str, TableFormat]:
        if INDEX not in self._members:
            return {}
        if self._size(INDEX) > MAX_INDEX_BYTES:
            raise UserError("dsfinvk.bad_index", file=self.label(INDEX), detail="> 8 MiB")
        try:
            with self._open(INDEX) as stream:
                data = stream.read(MAX_INDEX_BYTES + 1)
        except READ_ERRORS as exc:
            raise UserError("import.unreadable", file=self.label(INDEX), detail=exc) from None
        if len(data) > MAX_INDEX_BYTES:
            raise UserError("dsfinvk.bad_index", file=self.label(INDEX), detail="> 8 MiB")
        try:
            return parse_index(data)
        except ElementTree.ParseError as exc:
            raise UserError("dsfinvk.bad_index", file=self.label(INDEX), detail=exc) from None

    def table(self, name: str) -> Table:
        """The table's column names and a stream of its data rows (header rows are counted)."""
        fmt = self.formats.get(name, TableFormat())
        label = self.label(name)
        stream = self._open(name)
        text = io.TextIOWrapper(stream, encoding=fmt.encoding, newline="")
        reader = csv.reader(text, delimiter=fmt.delimiter, quotechar=fmt.quote or '"',
                            strict=False)
        rows = _rows(reader, text, label, fmt.encoding)
        for _ in range(max((fmt.first_row or 1) - 2, 0)):  # lines above the column names
            next(rows, None)
        first = next(rows, None)
        head = [c.strip().lstrip("\ufeff").strip().upper() for c in first[1]] if first else []
        if _is_header(head, fmt):
            columns, header_rows = head, first[0] if first else 0
        else:  # no names in the file: index.xml's, and the first record is data
            columns, header_rows = [c.strip().upper() for c in fmt.columns], 0
            if first is not None:
                rows = itertools.chain([first], rows)
        if not columns:
            text.close()
            raise UserError("dsfinvk.no_header", file=label)
        return Table(label, columns, header_rows, rows, self._size(name))


def _is_header(head: list[str], fmt: TableFormat) -> bool:
    """Whether the first record names the columns: it holds Z_KASSE_ID (the spec's first column
    of every table), or index.xml says the data starts in row 2 or later (Range/From)."""
    return "Z_KASSE_ID" in head or (fmt.first_row or 0) >= 2


def preview_lines(path: str | Path, count: int) -> tuple[list[str], list[list[str]]]:
    """The column names and first `count` rows of the export's lines.csv (for the wizard)."""
    with Export(Path(path)) as export:
        table = export.table(LINES)
        rows = [record for _row, record in itertools.islice(table.rows, count)]
        table.rows.close()  # type: ignore[attr-defined]
    return table.columns, rows


def _rows(reader: Iterator[list[str]], text: io.TextIOWrapper, label: str, encoding: str
          ) -> Iterator[tuple[int, list[str]]]:
    """(record number, cells); closes the file at the end; bad bytes are a user error."""
    number = 0
    try:
        for record in reader:
            number += 1
            yield number, record
    except UnicodeDecodeError:
        raise UserError("import.bad_encoding", file=label, row=number + 1,
                        encoding=encoding) from None
    except csv.Error as exc:
        raise UserError("import.not_a_table", file=label, detail=f"{number + 1}: {exc}") from None
    except READ_ERRORS as exc:
        raise UserError("import.unreadable", file=label, detail=exc) from None
    finally:
        text.close()


def parse_index(data: bytes) -> dict[str, TableFormat]:
    """Table file name (lower case) -> how it is written, from a GDPdU index.xml."""
    root = ElementTree.fromstring(data)
    formats: dict[str, TableFormat] = {}
    for table in root.iter("Table"):
        url = (table.findtext("URL") or "").strip().replace("\\", "/").rsplit("/", 1)[-1]
        if not url:
            continue
        fmt = TableFormat()
        for element, codec in ENCODINGS.items():
            if table.find(element) is not None:
                fmt.encoding = codec
        fmt.decimal = table.findtext("DecimalSymbol") or fmt.decimal
        grouping = table.findtext("DigitGroupingSymbol")
        fmt.thousands = grouping if grouping is not None else ("." if fmt.decimal == "," else "")
        if fmt.thousands == fmt.decimal:
            fmt.thousands = ""
        start = table.findtext("Range/From")
        if start and start.strip().isdigit():
            fmt.first_row = int(start)
        variable = table.find("VariableLength")
        if variable is not None:
            fmt.delimiter = variable.findtext("ColumnDelimiter") or fmt.delimiter
            fmt.quote = variable.findtext("TextEncapsulator") or fmt.quote
            fmt.columns = [
                (child.findtext("Name") or "").strip()
                for child in variable
                if child.tag in ("VariablePrimaryKey", "VariableColumn")
            ]
        formats[url.lower()] = fmt
    return formats


def _open_zip(path: Path) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(path)
    except READ_ERRORS as exc:
        raise UserError("dsfinvk.bad_zip", file=path.name, detail=exc) from None


def _choose(candidates: dict[str, list[str]]) -> dict[str, str]:
    """The tables of the shallowest folder that holds lines.csv (file name -> member)."""
    folders = sorted(candidates, key=lambda f: (f.count("/"), f))
    for folder in folders:
        if LINES in {Path(m).name.lower() for m in candidates[folder]}:
            return {Path(m).name.lower(): m for m in candidates[folder]}
    return {Path(m).name.lower(): m for m in candidates.get(folders[0], [])} if folders else {}


def _zip_members(archive: zipfile.ZipFile) -> dict[str, str]:
    candidates: dict[str, list[str]] = {}
    for member in archive.namelist():
        if member.endswith("/"):
            continue
        folder = member.rpartition("/")[0]
        if folder.count("/") + bool(folder) <= MAX_DEPTH:
            candidates.setdefault(folder, []).append(member)
    return _choose(candidates)


def _folder_members(path: Path) -> dict[str, str]:
    candidates: dict[str, list[str]] = {}
    level = [path]
    for depth in range(MAX_DEPTH + 1):
        following = []
        for folder in level:
            try:
                entries = sorted(folder.iterdir())
            except OSError:
                continue
            key = "/".join(folder.relative_to(path).parts)
            files = [str(e) for e in entries if e.is_file()]
            if files:
                candidates[key] = files
            if depth < MAX_DEPTH:
                following += [e for e in entries if e.is_dir()]
        level = following
    return _choose(candidates)
