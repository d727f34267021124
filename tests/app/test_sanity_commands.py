"""Issue 14 on a shop file as an older version left it: sales dated 0001, 9999 and 1925, an event,
a weather day and a closing day dated 0001/9999, and product names with ESC, U+202E, 10,000
characters or a spreadsheet formula (all accepted before).

Finding 2: `suggest` works and says what it left out; `sales remove` takes such rows out.
Finding 5: every CSV the commands write neutralises formulas, numbers stay numbers.
Finding 8: no raw control or bidi character reaches the terminal or the PDF; long names are cut.
Each test here fails on the code before issue 14 (suggest crashed with an OverflowError).
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from app.cli import main
from forecasting.store.create import create_shop
from forecasting.store.decisions import save_decision
from forecasting.store.file import Shop
from forecasting.store.products import save_product
from forecasting.store.sales import read_sales, write_sales
from forecasting.store.stock import save_count
from forecasting.values.decisions import OrderDecision
from forecasting.values.products import Product
from forecasting.values.stock import StockCount

DAY = "2026-11-24"
FORMULA = '=HYPERLINK("http://x","klick")'
ESCAPED = "\x1b[31mRot\x1b[0m"
REVERSED = "\u202eLiebe"
LONG = "X" * 10_000
NAMES = ["Brot", FORMULA, ESCAPED, REVERSED, LONG]
IMPLAUSIBLE = ("0001-01-01", "1925-01-01", "9999-12-31")
EVIL_REASON = "=cmd|' /C calc'!A0"


@pytest.fixture(scope="module")
def named_shop(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Product names with a formula, ESC, U+202E and 10,000 characters, suggestions for DAY."""
    path = tmp_path_factory.mktemp("sanity") / "namen.bkshop"
    with create_shop(path, name="Testbäckerei", state="BY") as shop:
        for i, name in enumerate(NAMES):
            save_product(shop, Product(name, price=2.0, unit_cost=0.5, shelf_life_days=1 + i % 2,
                                       supplier="+Backstube" if i % 2 else "Backstube"))
        days = pd.date_range("2026-08-03", "2026-11-23")
        days = days[days.day_of_week < 6]
        rng = np.random.default_rng(1)
        write_sales(shop, pd.DataFrame([
            {"product": n, "date": d, "quantity": float(rng.poisson(20 + 5 * i))}
            for d in days for i, n in enumerate(NAMES)
        ]))
        save_decision(shop, OrderDecision(FORMULA, dt.date(2026, 11, 20), 20.0, 30.0, "other",
                                          EVIL_REASON))
        save_decision(shop, OrderDecision(ESCAPED, dt.date(2026, 11, 20), 20.0, 25.0, "other",
                                          "Fest\x1b[2J"))
        save_count(shop, StockCount(FORMULA, dt.date(2026, 11, 23), 3.0, 0.0))
    assert main(["--shop", str(path), "suggest", "--date", DAY]) == 0
    return path


@pytest.fixture(scope="module")
def old_shop(named_shop: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The named shop plus what imports let through before issue 14: sales dated 0001, 1925 and
    9999, an event and a weather day dated 0001, a closing day dated 9999."""
    path = tmp_path_factory.mktemp("sanity") / "alt.bkshop"
    shutil.copy(named_shop, path)
    with Shop.open(path) as shop, shop.transaction() as conn:
        brot = conn.execute("SELECT id FROM products WHERE name = 'Brot'").fetchone()[0]
        for day in IMPLAUSIBLE:
            conn.execute("INSERT INTO sales(product_id, date, quantity) VALUES (?, ?, 5)",
                         (brot, day))
        conn.execute("INSERT INTO events(kind, name, start_date, end_date) VALUES "
                     "('town_festival', 'Alt', '0001-01-01', '0001-01-02')")
        conn.execute("INSERT INTO weather(date, kind, temperature, source, recorded_at) "
                     "VALUES ('0001-01-01', 'observation', 5, 'x', '2026-01-01')")
        conn.execute("INSERT INTO closing_days(date, reason) VALUES ('9999-12-31', 'nie')")
    return path


@pytest.fixture
def shop_copy(old_shop: Path, tmp_path: Path) -> Path:
    target = tmp_path / "kopie.bkshop"
    shutil.copy(old_shop, target)
    return target


@pytest.fixture
def named_copy(named_shop: Path, tmp_path: Path) -> Path:
    target = tmp_path / "namen.bkshop"
    shutil.copy(named_shop, target)
    return target


def _run(capsys: pytest.CaptureFixture[str], path: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["--shop", str(path), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def _rows_digest(path: Path) -> str:
    """SHA-256 of every row of every table, read through SQLite."""
    h = hashlib.sha256()
    with Shop.open(path, migrate=False) as shop:
        tables = [r[0] for r in shop._conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        for table in tables:
            for row in shop._conn.execute(f"SELECT * FROM {table} ORDER BY 1"):
                h.update(repr(tuple(row)).encode())
    return h.hexdigest()


# -- finding 2: old rows with impossible dates ------------------------------------------------
def test_suggest_leaves_impossible_dates_out_and_says_so(
        old_shop: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, old_shop, "suggest", "--date", DAY, "--no-save")
    assert code == 0
    assert "3 Verkaufstage mit unplausiblem Datum (z. B. 01.01.0001)" in err
    assert "1 Ereignis, 1 Wettertag und 1 Schließtag" in err
    brot = out.splitlines().index(next(ln for ln in out.splitlines() if ln.startswith("Brot")))
    assert "bestellkompass sales remove" in out.splitlines()[brot + 1]
    code, out, _ = _run(capsys, old_shop, "--lang", "en", "suggest", "--date", DAY,
                        "--format", "json", "--no-save")
    notes = {ln["product"]: ln["notes"] for ln in __import__("json").loads(out)["lines"]}
    assert any("3 sales days with an implausible date (e.g. 0001-01-01)" in n
               for n in notes["Brot"])
    assert not any("implausible" in n for n in notes[FORMULA])


def test_forecast_input_holds_only_plausible_days(old_shop: Path) -> None:
    with Shop.open(old_shop) as shop:
        sales = read_sales(shop)
    assert sales["date"].min() >= pd.Timestamp("2000-01-01")
    assert sales["date"].max() <= pd.Timestamp("2026-11-23")


def test_sales_remove_dry_run_lists_and_changes_nothing(
        old_shop: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = _rows_digest(old_shop)
    code, out, _ = _run(capsys, old_shop, "sales", "remove", "--to", "31.12.1999", "--dry-run")
    assert code == 0
    assert out.splitlines() == ["  Brot  01.01.0001  5", "  Brot  01.01.1925  5",
                                "Probelauf: 2 Verkaufstage würden entfernt; nichts wurde "
                                "geändert."]
    assert _rows_digest(old_shop) == before


def test_sales_remove_takes_the_rows_out_logged_once(
        shop_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with Shop.open(shop_copy) as shop:
        version = shop.data_version()
        total = shop._conn.execute("SELECT COUNT(*) FROM sales").fetchone()[0]
    code, out, _ = _run(capsys, shop_copy, "--lang", "en", "sales", "remove", "--to",
                        "1999-12-31", "--product", "Brot")
    assert code == 0
    assert out.splitlines()[-1] == "2 sales days removed."
    code, out, _ = _run(capsys, shop_copy, "sales", "remove", "--from", "2029-01-01")
    assert out.splitlines() == ["  Brot  31.12.9999  5", "1 Verkaufstag entfernt."]
    with Shop.open(shop_copy) as shop:
        assert shop.data_version() == version + 2
        assert shop._conn.execute("SELECT COUNT(*) FROM sales").fetchone()[0] == total - 3
        assert shop._conn.execute(
            "SELECT COUNT(*) FROM sales WHERE date < '2000' OR date > '2029'").fetchone()[0] == 0
        logged = [r[0] for r in shop._conn.execute(
            "SELECT details FROM change_log WHERE action = 'sales.removed' ORDER BY id")]
    assert len(logged) == 2
    assert '"0001-01-01"' in logged[0]
    assert '"1925-01-01"' in logged[0]
    code, out, err = _run(capsys, shop_copy, "suggest", "--date", DAY, "--no-save")
    assert "mit unplausiblem Datum" not in out + err
    code, out, _ = _run(capsys, shop_copy, "sales", "remove", "--from", "2029-01-01")
    assert out.strip() == "Keine Verkaufstage in diesem Zeitraum; nichts wurde geändert."


@pytest.mark.parametrize(("argv", "words"), [
    (["sales", "remove"], "--from und/oder --to"),
    (["sales", "remove", "--to", "1999-12-31", "--product", "Torte"], "„Torte“ gibt es"),
])
def test_sales_remove_refuses_unclear_requests(
        shop_copy: Path, capsys: pytest.CaptureFixture[str], argv: list[str], words: str) -> None:
    before = _rows_digest(shop_copy)
    code, _, err = _run(capsys, shop_copy, *argv)
    assert code == 2
    assert words in err
    assert _rows_digest(shop_copy) == before


# -- finding 5: formulas in every CSV ---------------------------------------------------------
def _csv(text: str, sep: str = ";") -> list[list[str]]:
    return list(csv.reader(io.StringIO(text), delimiter=sep))


@pytest.mark.parametrize("argv", [
    ["suggest", "--date", DAY, "--format", "csv", "--no-save"],
    ["order", "show", "--date", DAY, "--format", "csv"],
    ["review", "--start", "2026-11-16", "--end", "2026-11-22", "--format", "csv"],
    ["stock", "show", "--date", DAY, "--format", "csv"],
])
def test_csv_outputs_neutralise_formulas(
        named_shop: Path, capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    code, out, _ = _run(capsys, named_shop, *argv)
    assert code == 0
    cells = [c for row in _csv(out)[1:] for c in row]
    assert "'" + FORMULA in cells
    assert FORMULA not in cells
    formulas = [c for c in cells if c[:1] in ("=", "+", "@", "\t", "\r")]
    assert formulas == []
    negative = [c for c in cells if c.startswith("-")]
    assert all(c.replace(".", "").replace(",", "").lstrip("-").isdigit() for c in negative)
    if argv[0] == "review":
        assert "'" + EVIL_REASON in cells
    if argv[0] == "suggest":
        assert "'+Backstube" in cells


def test_calendar_csv_neutralises_event_names(
        named_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with Shop.open(named_copy) as shop, shop.transaction() as conn:
        conn.execute("INSERT INTO events(kind, name, start_date, end_date) VALUES "
                     "('town_festival', '@SUM(A1)', '2026-11-24', '2026-11-24')")
    code = main(["calendar", "--shop", str(named_copy), "--from", DAY, "--to", DAY,
                 "--format", "csv"])
    out = capsys.readouterr().out
    assert code == 0
    (labels,) = [row[-1] for row in _csv(out, ",")[1:]]
    assert labels.startswith("'@SUM(A1)")


# -- finding 8: names shown safely ------------------------------------------------------------
SHOWN_ESC = "␛[31mRot␛[0m"
SHOWN_REVERSED = "\ufffdLiebe"
SHOWN_LONG = "X" * 59 + "…"


@pytest.mark.parametrize(("argv", "shown"), [
    (["suggest", "--date", DAY, "--no-save"], [SHOWN_ESC, SHOWN_REVERSED, SHOWN_LONG]),
    (["suggest", "--date", DAY, "--no-save", "--format", "csv"], []),
    (["suggest", "--date", DAY, "--no-save", "--format", "json"], []),
    (["order", "show", "--date", DAY], [SHOWN_ESC, SHOWN_REVERSED, SHOWN_LONG]),
    (["stock", "show", "--date", DAY], [SHOWN_REVERSED]),
    (["settings", "show"], [SHOWN_ESC, SHOWN_REVERSED, SHOWN_LONG]),
    (["review", "--start", "2026-11-16", "--end", "2026-11-22"], [SHOWN_ESC, "Fest␛[2J"]),
])
def test_terminal_never_gets_control_or_bidi_characters(
        named_shop: Path, capsys: pytest.CaptureFixture[str], argv: list[str], shown: list[str]
) -> None:
    code, out, err = _run(capsys, named_shop, *argv)
    assert code == 0
    text = out + err
    assert "\x1b" not in text
    assert "\u202e" not in text
    assert not any(0x80 <= ord(c) < 0xA0 for c in text)
    for name in shown:
        assert name in out
    if "--format" not in argv:
        assert max(len(line) for line in out.splitlines()) < 400


def test_refusal_messages_show_the_cell_safely(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "kasse.csv"
    src.write_text(f"Datum;Artikel;Menge\n01.02.2026;{ESCAPED}{LONG};3\n", encoding="utf-8")
    code, out, err = _run(capsys, tmp_path / "neu.bkshop", "import", str(src), "--state", "NW")
    assert code == 2
    assert "\x1b" not in out + err
    assert "kasse.csv: 1 Zeile mit unzulässigem Namen, z. B. Zeile 2, Spalte „Artikel“: " \
           "Name mit Steuerzeichen" in err
    assert len(err) < 1000
    assert not (tmp_path / "neu.bkshop").exists()


def test_pdf_is_not_reordered_and_cuts_long_names(qapp: object) -> None:
    from app.pdf_export import order_list_html
    from forecasting.order_export import ExportLine

    html = order_list_html("Bestellliste \u202eTestbäckerei", [
        ExportLine("Backstube", REVERSED, "Stück", 4.0, None),
        ExportLine("Backstube", ESCAPED, "Stück", 4.0, None),
        ExportLine("\u202eBackstube", LONG, "Stück", 4.0, None),
    ])
    assert "\u202e" not in html
    assert "\x1b" not in html
    assert "\ufffdLiebe" in html
    assert "X" * 59 + "…" in html
    assert "X" * 61 not in html


def test_order_export_files_hold_no_formula_control_or_bidi_character(
        named_shop: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from openpyxl import load_workbook

    for suffix in ("csv", "xlsx", "pdf"):
        code, _, err = _run(capsys, named_shop, "order", "export", "--date", DAY, "--out",
                            str(tmp_path / f"liste.{suffix}"))
        assert code == 0, err
    with open(tmp_path / "liste.csv", encoding="utf-8-sig", newline="") as fh:
        cells = [c for row in csv.reader(fh, delimiter=";") for c in row]
    sheet = load_workbook(tmp_path / "liste.xlsx").active
    cells += [str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None]
    assert "'" + FORMULA in cells
    assert "'+Backstube" in cells
    assert SHOWN_ESC in cells
    assert not any(ch in c for c in cells for ch in ("\x1b", "\u202e"))
    assert not any(c.startswith(("=", "+", "@")) for c in cells)
    assert (tmp_path / "liste.pdf").stat().st_size > 1000
