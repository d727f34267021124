"""forecasting/failures.py: real SQLite and OS errors, produced against real files, become one sentence
with what to do next; anything else (a bug) is left to the caller's log.

Tests may run as root, and chmod does not stop root from writing: the read-only cases then run
their part in a child process as an unprivileged user (tests/file_faults.py), or use SQLite's own
read-only mode (`mode=ro`), which produces the same SQLITE_READONLY error as a write-protected file.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

from forecasting.errors import ShopFileError
from forecasting.failures import user_message
from forecasting.store.create import create_shop
from forecasting.store.decisions import load_decisions, save_decision
from forecasting.store.file import Shop
from forecasting.store.products import save_product
from forecasting.store.sales import write_sales
from forecasting.store.settings import load_settings
from forecasting.texts import render
from forecasting.values.decisions import OrderDecision
from forecasting.values.products import Product
from tests.file_faults import (
    BUSY_DE,
    REPO_ROOT,
    corrupt_table,
    open_folder,
    unprivileged,
    writer_holding,
)

DAY = dt.date(2026, 11, 26)


def make_shop(path: Path, sales_days: int = 0) -> Path:
    """A small real shop file: one product, `sales_days` days of sales."""
    with create_shop(path, name="Bäckerei Test", state="NW") as shop:
        save_product(shop, Product(name="Brötchen", category="Brötchen"))
        if sales_days:
            write_sales(shop, pd.DataFrame(
                {"product": "Brötchen",
                 "date": [DAY - dt.timedelta(days=k) for k in range(1, sales_days + 1)],
                 "quantity": 40.0}))
    return path


def decision(final: float = 50.0) -> OrderDecision:
    return OrderDecision(product="Brötchen", date=DAY, suggested=45.0, final=final,
                         reason_code="event", reason_text="Markt", decided_by="test",
                         decided_at=dt.datetime(2026, 11, 25, 18, 0))


@pytest.fixture
def open_dir() -> Iterator[Path]:
    """A folder an unprivileged child process may enter."""
    with open_folder() as folder:
        yield folder


CHILD = """
import sys
from forecasting.failures import user_message
def report(exc):
    problem = user_message(exc, sys.argv[1])
    print(problem.code if problem else "none")
    print(problem.message("de") if problem else repr(exc))
"""


def run_child(code: str, shop: Path, home: Path) -> list[str]:
    """Run `code` (with CHILD's `report`) as an unprivileged user; its two output lines."""
    env = dict(os.environ, PYTHONPATH=str(REPO_ROOT), HOME=str(home))
    done = subprocess.run([*unprivileged(), sys.executable, "-c", CHILD + code, str(shop)],
                          capture_output=True, text=True, env=env, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


# -- the database ---------------------------------------------------------------------------------
def test_a_second_process_writing_longer_than_the_busy_timeout_is_busy(tmp_path: Path) -> None:
    path = make_shop(tmp_path / "shop.bkshop")
    with Shop.open(path) as shop, writer_holding(path):
        shop._conn.execute("PRAGMA busy_timeout = 200")  # the real wait is seconds; same error
        with pytest.raises(sqlite3.OperationalError) as caught:
            save_decision(shop, decision())
    assert caught.value.sqlite_errorname.startswith("SQLITE_BUSY")
    problem = user_message(caught.value, path)
    assert problem is not None
    assert problem.code == "failure.busy"
    assert problem.message("de") == BUSY_DE
    assert "try again" in problem.message("en")
    with Shop.open(path) as shop:
        assert load_decisions(shop) == []


def test_a_write_protected_shop_file_is_read_only(tmp_path: Path) -> None:
    path = make_shop(tmp_path / "shop.bkshop")
    path.chmod(0o444)
    if os.access(path, os.W_OK):  # root: chmod does not stop it, SQLite's read-only mode does
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None)
    else:
        conn = sqlite3.connect(path, isolation_level=None)
    with pytest.raises(sqlite3.OperationalError) as caught:
        conn.execute("INSERT INTO meta(key, value) VALUES ('x', 'y')")
    conn.close()
    problem = user_message(caught.value, path)
    assert problem is not None
    assert problem.code == "failure.read_only"
    assert str(path) in problem.message("de")
    assert "schreibgeschützt" in problem.message("de")


def test_a_write_protected_file_for_a_user_without_root_rights(open_dir: Path) -> None:
    path = make_shop(open_dir / "shop.bkshop")
    open_dir.chmod(0o777)  # the folder may take the -wal/-shm files, the file itself not
    path.chmod(0o444)
    lines = run_child(
        "from forecasting.store.file import Shop\n"
        "shop = Shop.open(sys.argv[1])\n"
        "try:\n"
        "    shop._conn.execute(\"INSERT INTO meta(key, value) VALUES ('x', 'y')\")\n"
        "except Exception as exc:\n"
        "    report(exc)\n", path, open_dir)
    assert lines[0] == "failure.read_only", lines


def test_a_write_protected_folder(open_dir: Path) -> None:
    path = make_shop(open_dir / "shop.bkshop")
    path.chmod(0o666)
    open_dir.chmod(0o555)  # the file may be written, but not the journal files beside it
    lines = run_child(
        "import sqlite3\n"
        "conn = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
        "try:\n"
        "    conn.execute('SELECT count(*) FROM products').fetchall()\n"
        "except Exception as exc:\n"
        "    report(exc)\n", path, open_dir)
    assert lines[0] == "failure.folder_read_only", lines
    assert str(open_dir) in lines[1]


def test_a_full_disk_rolls_back_and_says_so(tmp_path: Path) -> None:
    path = make_shop(tmp_path / "shop.bkshop")
    with Shop.open(path) as shop:
        pages = shop._conn.execute("PRAGMA page_count").fetchone()[0]
        shop._conn.execute(f"PRAGMA max_page_count = {pages}")  # the disk is full at this size
        frame = pd.DataFrame({"product": "Brötchen",
                              "date": [DAY - dt.timedelta(days=k) for k in range(1, 2000)],
                              "quantity": 40.0})
        with pytest.raises(sqlite3.Error) as caught:
            write_sales(shop, frame)
    # SQLite rolled back itself, so Shop.transaction's ROLLBACK fails too: the first known
    # failure in the chain is the one to tell
    problem = user_message(caught.value, path)
    assert problem is not None
    assert problem.code == "failure.disk_full"
    assert "Platz" in problem.message("de")
    with Shop.open(path) as shop:
        assert shop._conn.execute("SELECT count(*) FROM sales").fetchone()[0] == 0


def test_a_damaged_file_points_to_the_backups(tmp_path: Path) -> None:
    path = make_shop(tmp_path / "shop.bkshop", sales_days=400)
    corrupt_table(path, "sales")
    with Shop.open(path) as shop, pytest.raises(sqlite3.DatabaseError) as caught:
        shop._conn.execute("SELECT * FROM sales").fetchall()
    assert caught.value.sqlite_errorname.startswith("SQLITE_CORRUPT")
    problem = user_message(caught.value, path)
    assert problem is not None
    assert problem.code == "failure.damaged"
    text = problem.message("de")
    assert "beschädigt" in text
    assert "bestellkompass backup list" in text
    assert "Datei > Sicherung wiederherstellen" in text


def test_a_file_that_is_no_database_at_all_is_damaged(tmp_path: Path) -> None:
    path = tmp_path / "shop.bkshop"
    path.write_bytes(b"\x13" * 8192)
    conn = sqlite3.connect(path)
    with pytest.raises(sqlite3.DatabaseError) as caught:
        conn.execute("SELECT * FROM sqlite_master").fetchall()
    conn.close()
    assert user_message(caught.value, path).code == "failure.damaged"  # type: ignore[union-attr]


def test_text_that_is_no_utf8_is_damage(tmp_path: Path) -> None:
    path = make_shop(tmp_path / "shop.bkshop")
    conn = sqlite3.connect(path)
    conn.execute("UPDATE products SET name = CAST(x'ffff' AS TEXT)")
    conn.commit()
    with pytest.raises(sqlite3.OperationalError) as caught:
        conn.execute("SELECT name FROM products").fetchall()
    conn.close()
    assert user_message(caught.value, path).code == "failure.damaged"  # type: ignore[union-attr]


def test_a_shop_row_deleted_by_hand_is_a_message_not_a_type_error(tmp_path: Path) -> None:
    path = make_shop(tmp_path / "shop.bkshop")
    conn = sqlite3.connect(path)
    conn.execute("DELETE FROM shop")
    conn.commit()
    conn.close()
    with Shop.open(path) as shop, pytest.raises(ShopFileError) as caught:
        load_settings(shop)
    assert caught.value.code == "failure.no_shop_row"
    assert user_message(caught.value) is caught.value
    assert "Sicherung" in caught.value.message("de")


# -- files ----------------------------------------------------------------------------------------
def test_an_export_to_a_full_disk(tmp_path: Path) -> None:
    from forecasting.order_export import ExportLine, write_csv, write_xlsx

    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full on this system")
    lines = [ExportLine("Backstube", "Brötchen", "Stück", 40.0, 46.0)]
    for suffix, write in (("csv", write_csv), ("xlsx", write_xlsx)):
        target = tmp_path / f"order.{suffix}"
        target.symlink_to("/dev/full")  # every write there fails with ENOSPC
        with pytest.raises(OSError, match="No space") as caught:
            write(target, lines, "de")
        problem = user_message(caught.value)
        assert problem is not None, suffix
        assert problem.code == "failure.disk_full", suffix


def test_export_paths_that_cannot_be_written(tmp_path: Path) -> None:
    for target, code, error in ((tmp_path, "failure.is_folder", IsADirectoryError),
                                (tmp_path / "missing" / "order.csv", "failure.not_found",
                                 FileNotFoundError)):
        with pytest.raises(error) as caught:
            open(target, "w").close()
        problem = user_message(caught.value)
        assert problem is not None
        assert problem.code == code
        assert str(target) in problem.message("de")


def test_permission_denied_on_an_export_path(open_dir: Path) -> None:
    locked = open_dir / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    target = locked / "bestellung.csv"
    lines = run_child(
        "from forecasting.order_export import ExportLine, write_csv\n"
        "try:\n"
        f"    write_csv({str(target)!r}, [ExportLine('A', 'Brot', 'Stück', 1.0, 2.0)], 'de')\n"
        "except Exception as exc:\n"
        "    report(exc)\n", open_dir / "shop.bkshop", open_dir)
    assert lines[0] == "failure.permission", lines
    assert str(target) in lines[1]
    assert "Excel" in lines[1]


# -- what is not ours to explain ----------------------------------------------------------------
def test_bugs_are_not_dressed_up_as_user_errors(tmp_path: Path) -> None:
    path = make_shop(tmp_path / "shop.bkshop")
    conn = sqlite3.connect(path)
    with pytest.raises(sqlite3.OperationalError) as syntax:
        conn.execute("SELEKT 1")
    conn.close()
    with pytest.raises(sqlite3.ProgrammingError) as closed:
        conn.execute("SELECT 1")
    assert user_message(syntax.value, path) is None
    assert user_message(closed.value, path) is None
    assert user_message(ValueError("x")) is None
    assert user_message(KeyError("x")) is None


def test_every_failure_code_reads_in_both_languages() -> None:
    from forecasting.texts import MESSAGES

    codes = [code for code in MESSAGES if code.startswith("failure.")]
    assert len(codes) >= 15
    for code in codes:
        for lang in ("de", "en"):
            text = render(code, lang, path="/x/shop.bkshop", folder="/x", reason="r",
                          error="E", log="/l")
            assert text.endswith((".", ")", "?")), (code, lang, text)
            assert "Traceback" not in text
