"""Names and cells as they may be shown or exported: no escape codes, no bidi tricks, no formulas.

Imports refuse such names (calendars/plausible.py), but a shop file written by an older version
may hold them, and free texts (reasons, event names) reach exports too. `display_name` is for
tables, lists and the PDF; `terminal_text` for whatever the command line prints;
`spreadsheet_cell` for every CSV/XLSX cell the program writes (OWASP "CSV injection").
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from typing import Any, TextIO

from calendars.plausible import UNSAFE_CHARS

#: Names longer than this are cut with "…" in tables and the PDF (they may be 200 long).
SHOWN_NAME_LENGTH = 60
ELLIPSIS = "…"
REPLACEMENT = "\ufffd"
#: A text cell starting with one of these is run as a formula by spreadsheets (OWASP).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")

_NUMBER = re.compile(r"[+-]?(?:\d{1,3}(?:[.,]\d{3})+|\d+)(?:[.,]\d+)?")


def _visible(match: re.Match[str]) -> str:
    """A control character as its Unicode picture (ESC -> ␛), others as U+FFFD."""
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    return REPLACEMENT


def terminal_text(text: str) -> str:
    """`text` with every control character except tab, line feed and carriage return, and every
    bidi control, replaced by a visible mark: nothing in it can drive a terminal."""
    return UNSAFE_CHARS.sub(_visible, text)


def display_name(name: object, limit: int = SHOWN_NAME_LENGTH) -> str:
    """A name for a table, list or the PDF: one line, no control or bidi characters, at most
    `limit` characters (cut with "…")."""
    text = " ".join(terminal_text(str(name)).split())
    if len(text) > limit:
        return text[: limit - 1].rstrip() + ELLIPSIS
    return text


def spreadsheet_cell(value: Any) -> Any:
    """A text cell a spreadsheet would run as a formula (= + - @ tab CR LF first) gets a leading
    apostrophe; numbers, and text that is just a number ("-3", "-1.234,5"), stay as they are.
    Control and bidi characters become visible marks (a workbook cannot even hold ESC)."""
    if not isinstance(value, str):
        return value
    value = terminal_text(value)
    if value.startswith(FORMULA_STARTS) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def spreadsheet_row(values: Iterable[Any]) -> list[Any]:
    """`spreadsheet_cell` of every value of a row."""
    return [spreadsheet_cell(v) for v in values]


class SpreadsheetWriter:
    """csv.writer whose rows are made safe with `spreadsheet_cell` (every CSV we write uses it)."""

    def __init__(self, stream: TextIO, **options: Any) -> None:
        self._writer = csv.writer(stream, **options)

    def writerow(self, row: Iterable[Any]) -> None:
        """Write one row."""
        self._writer.writerow(spreadsheet_row(row))

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        """Write several rows."""
        for row in rows:
            self.writerow(row)


def spreadsheet_frame(frame: Any) -> Any:
    """A pandas frame whose text cells are made safe (for DataFrame.to_csv)."""
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object:
            out[column] = out[column].map(spreadsheet_cell)
    return out


class TerminalStream:
    """A text stream that passes everything through `terminal_text` (the command line's stdout
    and stderr), so no name or cell can send escape sequences to the user's terminal."""

    def __init__(self, inner: TextIO) -> None:
        self.inner = inner

    @classmethod
    def wrap(cls, stream: TextIO | None) -> Any:
        """The stream wrapped once (None stays None: a windowed program has no streams)."""
        if stream is None or isinstance(stream, cls):
            return stream
        return cls(stream)

    def write(self, text: str) -> int:
        """Write `text` made safe."""
        return self.inner.write(terminal_text(text))

    def writelines(self, lines: Iterable[str]) -> None:
        """Write each line made safe."""
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)
