"""A fuzz corpus of malformed sales files run in-process against a real shop file (issue 14).

Generates N files from a fixed seed: German and English till exports (daily, receipt and wide
layouts) with broken dates, numbers, encodings and separators, truncated lines, huge, negative
and not-finite quantities, control and bidi characters and 10,000-character names, empty files,
binary junk, truncated files and a few workbooks with junk cells. Each file is imported with
`forecasting.importing.engine.import_sales` into a real shop file and classified:

- refused: a `UserError` (the project's own, incl. ImportRefusedError); the shop's rows must be
  unchanged (a digest of every table row read through SQLite, not the file's bytes);
- accepted: then no implausible value may be in the sales table (a date outside the window, a
  quantity beyond 10,000,000, a negative production, a name with control or bidi characters or
  longer than 200 characters);
- crash: any other exception.

    .venv/bin/python benchmarks/import_fuzz.py [--files 2000] [--seed 14]

prints the counts and the time; tests/forecasting/importing/test_fuzz_corpus.py runs the same.
"""

from __future__ import annotations

import argparse
import codecs
import dataclasses
import datetime as dt
import hashlib
import random
import re
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from calendars.plausible import MAX_DAILY_QUANTITY, MAX_NAME_LENGTH, UNSAFE_CHARS, DateWindow
from forecasting.errors import UserError
from forecasting.importing.engine import ImportOptions, import_sales
from forecasting.store.create import create_shop
from forecasting.store.file import Shop

PRODUCTS = ["Brot", "Brötchen", "Laugenbrezel", "Käsekuchen", "Kaffee"]
FIRST = dt.date(2025, 1, 1)
RESET_EVERY = 50  # the shop file goes back to its seed now and then, so it stays small

IMPOSSIBLE_DATES = ["01.01.0001", "31.12.9999", "0001-01-01", "9999-12-31", "01.01.1925",
                    "31.12.1999", "01/01/1900", "12/31/9999", "01.01.2099", "2199-06-30"]
BROKEN_DATES = ["", "abc", "29.02.2023", "32.01.2025", "00.00.0000", "2025-13-01",
                "１２.０１.２０２５", "31.12.", "1.1", "20250101", "2025/02/30", "99.99.99",
                "0" * 40, "12.01.2025 25:61", "Mo", "Summe"]
HUGE = ["10000001", "99999999999", "1.000.000.000", "1e8", "-20000000", "123456789012345678901234"]
NOT_FINITE = ["NaN", "nan", "inf", "-inf", "Infinity", "∞", "1e400", "-0x10"]
BROKEN_NUMBERS = ["", "abc", "--3", "3,5,6", "−5", "1.2.3", "12x5", "€", "3 4", "+-1", ".",
                  "5-", "1'000", "\u00a0"]
CONTROL = ["\x1b[31m", "\x1b]0;owned\x07", "\x7f", "\x9b2J", "\x00", "\x08\x08", "\x1b[2J"]
BIDI = ["\u202e", "\u202d", "\u2066", "\u2067", "\u2068", "\u2069", "\u200e", "\u200f",
        "\u061c", "\u202a", "\u202b", "\u202c"]
FORMULAS = ["=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "=cmd|' /C calc'!A0"]
ENCODINGS = ["utf-8", "utf-8-sig", "cp1252", "utf-16", "latin-1"]


@dataclasses.dataclass
class Counts:
    """What happened to the corpus."""

    files: int = 0
    refused: int = 0
    accepted: int = 0
    crashes: int = 0
    partial_writes: int = 0
    silent_accepts: int = 0
    seconds: float = 0.0
    refusal_codes: dict[str, int] = dataclasses.field(default_factory=dict)
    problems: list[str] = dataclasses.field(default_factory=list)

    def line(self) -> str:
        """One line for the docs."""
        return (f"files {self.files}, refused {self.refused}, accepted {self.accepted}, "
                f"crashes {self.crashes}, partial writes {self.partial_writes}, silent accepts "
                f"{self.silent_accepts}, {self.seconds:.1f} s")


# -- generating --------------------------------------------------------------------------------
def _day(rng: random.Random) -> dt.date:
    return FIRST + dt.timedelta(days=rng.randrange(500))


def _date_cell(rng: random.Random, style: str) -> str:
    roll = rng.random()
    if roll < 0.06:
        return rng.choice(IMPOSSIBLE_DATES)
    if roll < 0.10:
        return rng.choice(BROKEN_DATES)
    day = _day(rng)
    return {"de": f"{day:%d.%m.%Y}", "iso": day.isoformat(), "us": f"{day:%m/%d/%Y}",
            "short": f"{day:%d.%m.%y}", "time": f"{day:%d.%m.%Y} {rng.randrange(6, 20)}:15"}[style]


def _number_cell(rng: random.Random, decimal: str) -> str:
    roll = rng.random()
    if roll < 0.04:
        return rng.choice(HUGE)
    if roll < 0.07:
        return rng.choice(NOT_FINITE)
    if roll < 0.10:
        return rng.choice(BROKEN_NUMBERS)
    value = rng.randrange(-5, 400) / (4 if rng.random() < 0.3 else 1)
    return f"{value:g}".replace(".", decimal)


def _name_cell(rng: random.Random) -> str:
    roll = rng.random()
    name = rng.choice(PRODUCTS)
    if roll < 0.03:
        return name[:2] + rng.choice(CONTROL) + name[2:]
    if roll < 0.06:
        return rng.choice(BIDI) + name
    if roll < 0.08:
        return name + "x" * rng.choice([MAX_NAME_LENGTH, 500, 10_000])
    if roll < 0.10:
        return rng.choice([*FORMULAS, "", "   ", "\t"])
    return name if rng.random() < 0.8 else name.upper()


def _rows(rng: random.Random) -> tuple[list[list[str]], str, str]:
    """(records, separator, decimal) of one till export in a random layout and language."""
    german = rng.random() < 0.6
    sep = rng.choice([";", ";", "\t", "|"]) if german else rng.choice([",", ",", "\t", ";"])
    decimal = "," if german and sep != "," else "."
    style = rng.choice(["de", "de", "short", "time", "iso"] if german else ["iso", "us", "us"])
    layout = rng.choice(["daily", "daily", "receipts", "wide"])
    records: list[list[str]] = []
    if rng.random() < 0.2:
        records.append([rng.choice(["Kassenexport Filiale 3", "Zeitraum: 01.01.2025 - 31.03.2025",
                                    "###", ""])])
    if layout == "wide":
        products = rng.sample(PRODUCTS, rng.randrange(1, 4))
        if rng.random() < 0.1:
            products[0] = _name_cell(rng) or products[0]
        records.append(["Datum" if german else "date", *products])
        for _ in range(rng.randrange(1, 30)):
            records.append([_date_cell(rng, style), *(_number_cell(rng, decimal)
                                                      for _ in products)])
    else:
        head = (["Datum", "Uhrzeit", "Artikel", "Menge"] if layout == "receipts" else
                ["Datum", "Artikel", "Menge", "Produziert", "Übrig"])
        if not german:
            head = (["date", "time", "product", "quantity"] if layout == "receipts" else
                    ["date", "product", "quantity", "produced", "leftover"])
        if layout == "daily" and rng.random() < 0.5:
            head = head[:3]
        records.append(head)
        for _ in range(rng.randrange(1, 40)):
            row = [_date_cell(rng, style)]
            if layout == "receipts":
                row.append(f"{rng.randrange(6, 20):02d}:{rng.randrange(60):02d}")
            row += [_name_cell(rng), _number_cell(rng, decimal)]
            row += [_number_cell(rng, decimal) for _ in range(len(head) - len(row))]
            records.append(row)
    if rng.random() < 0.2:
        records.append([rng.choice(["Summe", "Gesamt", "Ende des Berichts"]), "", "12"])
    return records, sep, decimal


def _text(rng: random.Random, records: list[list[str]], sep: str) -> str:
    """The records as text, with structural damage now and then."""
    lines = []
    for rec in records:
        cells = [f'"{c}"' if (sep in c or '"' in c or "\n" in c) and rng.random() < 0.9 else c
                 for c in rec]
        line = sep.join(cells)
        roll = rng.random()
        if roll < 0.03:
            line = line[: rng.randrange(len(line) + 1)]  # truncated line
        elif roll < 0.05:
            line += sep + rng.choice(["x", "", "1", '"offen'])  # extra field / open quote
        elif roll < 0.06:
            line = line.replace(sep, rng.choice([",", ";", "\t", " "]))  # other separator
        lines.append(line)
    newline = rng.choices(["\n", "\r\n", "\r"], weights=[10, 9, 1])[0]  # "\r": old Macs
    return newline.join(lines) + (newline if rng.random() < 0.8 else "")


def _encode(rng: random.Random, text: str) -> bytes:
    encoding = rng.choice(ENCODINGS)
    data = text.encode(encoding, errors="replace")
    roll = rng.random()
    if roll < 0.03:
        cut = rng.randrange(len(data) + 1)
        data = data[:cut]  # a file cut off mid-way (maybe mid-character)
    elif roll < 0.05:
        pos = rng.randrange(len(data) + 1)
        data = data[:pos] + bytes(rng.randrange(256) for _ in range(rng.randrange(1, 20))) \
            + data[pos:]
    elif roll < 0.06:
        data = data[: len(data) // 2] + codecs.BOM_UTF8 + data[len(data) // 2:]
    return data


def _junk(rng: random.Random) -> tuple[bytes, str]:
    """An empty, binary or misnamed file."""
    kind = rng.choice(["empty", "binary", "zip", "ole", "nul", "one_line", "header_only"])
    if kind == "empty":
        return b"", ".csv"
    if kind == "binary":
        return bytes(rng.randrange(256) for _ in range(rng.randrange(1, 3000))), ".csv"
    if kind == "zip":
        return b"PK\x03\x04" + bytes(rng.randrange(256) for _ in range(400)), ".xlsx"
    if kind == "ole":
        return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(rng.randrange(256) for _ in
                                                           range(600)), ".xls"
    if kind == "nul":
        return b"\x00" * rng.randrange(1, 500), ".csv"
    if kind == "one_line":
        return rng.choice([b"Datum;Artikel;Menge", b"01.01.2025;Brot;3", b";;;;", b'"'])[:], ".csv"
    return b"Datum;Artikel;Menge\n", ".csv"


def _workbook(rng: random.Random, path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE  # a workbook cannot hold them

    book = Workbook()
    sheet = book.active
    sheet.append(["Datum", "Artikel", "Menge"])
    for _ in range(rng.randrange(1, 20)):
        roll = rng.random()
        day: object = dt.datetime.combine(_day(rng), dt.time())
        if roll < 0.1:
            day = dt.datetime(rng.choice([1900, 1925, 1999, 2099]), 1, 1)
        elif roll < 0.15:
            day = rng.choice(["01.01.0001", "kein Datum", 45000, None, True])
        quantity: object = rng.randrange(0, 300)
        if rng.random() < 0.1:
            quantity = rng.choice([1e12, -1e9, "NaN", 1e-300, "=1+1", 2**70])
        sheet.append([day, ILLEGAL_CHARACTERS_RE.sub("", _name_cell(rng)), quantity])
    book.save(path)


def write_file(rng: random.Random, folder: Path, index: int) -> Path:
    """One malformed (or sometimes fine) file of the corpus."""
    roll = rng.random()
    if roll < 0.04:
        path = folder / f"f{index}.xlsx"
        _workbook(rng, path)
        return path
    if roll < 0.10:
        data, suffix = _junk(rng)
        path = folder / f"f{index}{suffix}"
        path.write_bytes(data)
        return path
    records, sep, _ = _rows(rng)
    path = folder / f"f{index}{rng.choice(['.csv', '.csv', '.txt', '.xls'])}"
    path.write_bytes(_encode(rng, _text(rng, records, sep)))
    return path


# -- checking ---------------------------------------------------------------------------------
def rows_digest(shop: Shop) -> str:
    """SHA-256 of every row of every table, read through SQLite."""
    h = hashlib.sha256()
    tables = [r[0] for r in shop._conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    for table in tables:
        width = len(shop._conn.execute(f"PRAGMA table_info({table})").fetchall())
        order = ", ".join(str(i) for i in range(1, width + 1))
        h.update(table.encode())
        for row in shop._conn.execute(f"SELECT * FROM {table} ORDER BY {order}"):
            h.update(repr(tuple(row)).encode())
    return h.hexdigest()


def implausible_rows(shop: Shop, window: DateWindow) -> list[str]:
    """Every implausible value in the sales and products tables (should be none)."""
    found = [f"sales {tuple(r)}" for r in shop._conn.execute(
        """SELECT date, quantity, produced, leftover FROM sales
           WHERE date < ? OR date > ? OR quantity IS NULL OR abs(quantity) > ?
              OR produced < 0 OR produced > ? OR leftover < 0 OR leftover > ?""",
        (window.first.isoformat(), window.last.isoformat(), MAX_DAILY_QUANTITY,
         MAX_DAILY_QUANTITY, MAX_DAILY_QUANTITY))]
    for (name,) in shop._conn.execute("SELECT name FROM products"):
        if UNSAFE_CHARS.search(name) or len(name) > MAX_NAME_LENGTH or not name.strip():
            found.append(f"product {name[:80]!r}")
    return found


def _seed_shop(path: Path) -> None:
    with create_shop(path, name="Fuzz-Bäckerei", state="NW") as shop, shop.transaction() as conn:
        conn.execute("INSERT INTO products(name) VALUES ('Brot')")
        conn.execute("INSERT INTO sales(product_id, date, quantity) VALUES (1, '2025-03-01', 7)")


def run(files: int = 2000, seed: int = 14, folder: Path | None = None,
        on_file: Callable[[int], None] | None = None) -> Counts:
    """Generate and import the corpus; the counts of what happened."""
    own = folder is None
    folder = Path(tempfile.mkdtemp(prefix="bk-fuzz-")) if own else folder
    rng = random.Random(seed)
    counts = Counts()
    seed_path = folder / "seed.bkshop"
    shop_path = folder / "laden.bkshop"
    inbox = folder / "in"
    inbox.mkdir(exist_ok=True)
    _seed_shop(seed_path)
    window = DateWindow.default()
    started = time.perf_counter()
    shop: Shop | None = None
    try:
        for index in range(files):
            if index % RESET_EVERY == 0:
                if shop is not None:
                    shop.close()
                shutil.copy(seed_path, shop_path)  # no connection is open here
                shop = Shop.open(shop_path)
            assert shop is not None
            path = write_file(rng, inbox, index)
            options = ImportOptions(accept_rejects=rng.random() < 0.4,
                                    on_conflict=rng.choice([None, "keep", "replace"]))
            before = rows_digest(shop)
            bad_before = set(implausible_rows(shop, window))  # none, unless a check failed
            counts.files += 1
            try:
                import_sales(path, shop, options=options)
            except UserError as exc:
                counts.refused += 1
                counts.refusal_codes[exc.code] = counts.refusal_codes.get(exc.code, 0) + 1
                if rows_digest(shop) != before:
                    counts.partial_writes += 1
                    counts.problems.append(f"{path.name}: partial write after {exc.code}")
            except Exception:  # the point of the drill: anything else is a crash
                counts.crashes += 1
                counts.problems.append(f"{path.name}: {traceback.format_exc(limit=3)}")
            else:
                counts.accepted += 1
                bad = sorted(set(implausible_rows(shop, window)) - bad_before)
                if bad:
                    counts.silent_accepts += 1
                    counts.problems.append(f"{path.name}: accepted {bad[:3]}")
            path.unlink()
            if on_file is not None:
                on_file(index)
    finally:
        if shop is not None:
            shop.close()
        counts.seconds = time.perf_counter() - started
        if own:
            shutil.rmtree(folder, ignore_errors=True)
    return counts


def main() -> int:
    """Run the corpus and print the counts (exit 1 on any crash, partial write or silent accept)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=14)
    args = parser.parse_args()
    counts = run(args.files, args.seed)
    print(counts.line())
    for code, n in sorted(counts.refusal_codes.items(), key=lambda kv: -kv[1]):
        print(f"  {code}: {n}")
    for problem in counts.problems[:20]:
        print(re.sub(r"\s+", " ", problem)[:300], file=sys.stderr)
    return int(bool(counts.crashes or counts.partial_writes or counts.silent_accepts))


if __name__ == "__main__":
    sys.exit(main())
