"""Backups of the shop file (forecasting/backups.py) on real shop files: round trip, retention,
checks, a restore while another process holds the file open, damaged files, fallback folder."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pandas as pd
import pytest

from forecasting.errors import ShopFileError
from forecasting.store import backups
from forecasting.store.backups import Backup, BackupError, ShopDamagedError
from forecasting.store.create import create_shop
from forecasting.store.decisions import save_decision
from forecasting.store.file import Shop
from forecasting.store.products import save_product
from forecasting.store.sales import read_sales, write_sales
from forecasting.store.schema import APPLICATION_ID, CURRENT_VERSION, V1
from forecasting.values.decisions import OrderDecision
from forecasting.values.products import Product

DAY = dt.date(2026, 11, 2)
NOON = dt.datetime(2026, 11, 20, 12, 0)


@pytest.fixture(autouse=True)
def data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The user data folder (the fallback for backups) inside the test's own folder."""
    folder = tmp_path / "userdata"
    monkeypatch.setenv("XDG_DATA_HOME", str(folder))
    return folder


def _sales(days: int, start: dt.date = DAY, level: int = 40) -> pd.DataFrame:
    return pd.DataFrame([
        {"product": name, "date": start + dt.timedelta(days=k), "quantity": level + k % 7 + i}
        for i, name in enumerate(("Brötchen", "Brezel", "Roggenbrot")) for k in range(days)])


def _decide(shop: Shop, day: dt.date, final: float) -> None:
    save_decision(shop, OrderDecision(
        product="Brötchen", date=day, suggested=50.0, final=final, reason_code="event",
        reason_text="", decided_by="test", decided_at=dt.datetime(2026, 11, 1, 18, 0)))


@pytest.fixture
def shop_path(tmp_path: Path) -> Path:
    """A small real shop: three products, 200 days of sales, two decisions; closed."""
    path = tmp_path / "laden" / "Bäckerei Test.bkshop"
    with create_shop(path, name="Bäckerei Test", state="NW") as shop:
        for name in ("Brötchen", "Brezel", "Roggenbrot"):
            save_product(shop, Product(name=name))
        write_sales(shop, _sales(200))
        _decide(shop, DAY, 55)
        _decide(shop, DAY + dt.timedelta(days=1), 60)
    return path


def _state(path: Path) -> tuple[int, int, float, list[tuple[str, float]]]:
    """What the owner cares about, read through a fresh Shop: rows, decisions."""
    with Shop.open(path) as shop:
        sales = read_sales(shop)
        decisions = sorted(
            (r[0], r[1]) for r in shop._conn.execute("SELECT date, final FROM order_decisions"))
        return len(sales), len(decisions), float(sales["quantity"].sum()), decisions


def _integrity(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        return str(exc)
    finally:
        conn.close()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _damage_middle(path: Path) -> int:
    """Overwrite 8 KiB of a closed shop file from the middle page of its sales table (found by
    SQLite's dbstat, so a schema that grows a table does not move the damage elsewhere); returns
    the offset."""
    conn = sqlite3.connect(path)
    try:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        pages = [r[0] for r in conn.execute(
            "SELECT pageno FROM dbstat WHERE name = 'sales' AND pagetype = 'leaf' ORDER BY pageno")]
    finally:
        conn.close()
    offset = (pages[len(pages) // 2] - 1) * page_size
    with open(path, "r+b") as fh:
        fh.seek(offset)
        fh.write(b"\xff" * 8192)
    return offset


def _what_a_command_meets(path: Path) -> BaseException:
    """The first error opening the shop and reading its sales and decisions."""
    try:
        with Shop.open(path) as shop:
            read_sales(shop)
            shop._conn.execute("SELECT * FROM order_decisions").fetchall()
    except (ShopFileError, sqlite3.DatabaseError) as exc:
        return exc
    raise AssertionError(f"{path} reads without an error")


# -- writing and reading backups ---------------------------------------------------------------
def test_backup_is_a_checked_self_contained_copy_with_its_contents(shop_path: Path) -> None:
    made = backups.create(shop_path, "manual", now=NOON)
    assert made.path.parent == shop_path.with_name("Bäckerei Test.backups")
    assert made.path.name == "Bäckerei Test_2026-11-20_12-00-00_manual.bkbackup"
    assert (made.kind, made.taken, made.version) == ("manual", NOON, CURRENT_VERSION)
    assert (made.sales_rows, made.decisions, made.last_sale) == (600, 2, DAY + dt.timedelta(199))
    assert made.ok
    assert made.size == made.path.stat().st_size
    conn = sqlite3.connect(made.path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # one file, no WAL
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    conn.close()
    assert _integrity(made.path) == "ok"
    assert [p.name for p in made.path.parent.iterdir()] == [made.path.name]  # no .partial left
    [listed] = backups.list_backups(shop_path)
    assert listed == made
    assert listed.summary("de") == "600 Verkaufszeilen bis 20.05.2027, 2 Entscheidungen"
    assert listed.when("de") == "20.11.2026 12:00"
    assert listed.kind_text("en") == "manual"


def test_backups_in_the_same_second_keep_their_order(shop_path: Path) -> None:
    first = backups.create(shop_path, "manual", now=NOON)
    second = backups.create(shop_path, "before-import", now=NOON)
    third = backups.create(shop_path, "daily", now=NOON + dt.timedelta(hours=1))
    assert second.path.name.endswith("_2026-11-20_12-00-00-2_before-import.bkbackup")
    assert [b.path for b in backups.list_backups(shop_path)] == [third.path, second.path,
                                                                 first.path]


# -- retention ---------------------------------------------------------------------------------
def test_keeps_the_last_7_daily_and_5_before_import_and_every_manual(shop_path: Path) -> None:
    start = dt.datetime(2026, 11, 1, 7, 30)
    for k in range(10):
        day = start + dt.timedelta(days=k)
        assert backups.ensure_daily(shop_path, now=day) is not None
        assert backups.ensure_daily(shop_path, now=day + dt.timedelta(hours=9)) is None  # once
    with Shop.open(shop_path) as shop:
        for k in range(8):
            with backups.before_import(shop, now=start + dt.timedelta(days=k, hours=12)):
                write_sales(shop, _sales(1, start=dt.date(2027, 6, 1) + dt.timedelta(days=k)))
    for k in range(6):
        backups.create(shop_path, "manual", now=start + dt.timedelta(days=k, hours=20))
    kept = backups.list_backups(shop_path)
    daily = [b.taken.date() for b in kept if b.kind == "daily"]
    assert daily == [dt.date(2026, 11, d) for d in range(10, 3, -1)]  # the newest 7
    before = [b.taken.date() for b in kept if b.kind == "before-import"]
    assert before == [dt.date(2026, 11, d) for d in range(8, 3, -1)]  # the newest 5
    assert len([b for b in kept if b.kind == "manual"]) == 6
    assert all(b.ok for b in kept)
    # each before-import copy holds the shop as it was before its import
    assert [b.sales_rows for b in kept if b.kind == "before-import"] == [
        600 + 3 * k for k in range(7, 2, -1)]


def test_a_failed_import_keeps_no_before_import_backup(shop_path: Path) -> None:
    with Shop.open(shop_path) as shop:
        with backups.before_import(shop, now=NOON):
            write_sales(shop, _sales(1, start=dt.date(2027, 6, 1)))

        def refused_halfway() -> None:
            with backups.before_import(shop, now=NOON + dt.timedelta(hours=1)), \
                    shop.transaction():
                write_sales(shop, _sales(1, start=dt.date(2027, 6, 2)))
                raise RuntimeError("refused halfway")

        with pytest.raises(RuntimeError):
            refused_halfway()
    [kept] = backups.list_backups(shop_path)
    assert kept.taken == NOON  # the failed import's copy was the same as the file: deleted
    assert _state(shop_path)[0] == 603


def test_an_empty_new_shop_is_not_backed_up_before_its_first_import(tmp_path: Path) -> None:
    with create_shop(tmp_path / "neu.bkshop", name="Neu", state="HH") as shop, \
            backups.before_import(shop) as made:
        assert made is None
    assert backups.list_backups(tmp_path / "neu.bkshop") == []


def test_a_sales_import_makes_a_before_import_backup(shop_path: Path, tmp_path: Path) -> None:
    from forecasting.operations.sales import import_file

    csv = tmp_path / "kasse.csv"
    csv.write_text("Datum;Artikel;Menge\n01.06.2027;Brötchen;44\n02.06.2027;Brezel;12\n",
                   encoding="utf-8")
    with Shop.open(shop_path) as shop:
        report, _ = import_file(shop, csv)
    assert report.written
    [made] = backups.list_backups(shop_path)
    assert made.kind == "before-import"
    assert made.sales_rows == 600
    assert _state(shop_path)[0] == 602


def test_a_schema_migration_is_preceded_by_a_backup_of_the_old_file(tmp_path: Path) -> None:
    path = tmp_path / "alt.bkshop"
    old = sqlite3.connect(path)
    old.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    old.executescript(V1)
    old.execute("PRAGMA user_version = 1")
    old.execute(
        "INSERT INTO shop(id, name, state, created_at) VALUES (1, 'Alt', 'SH', '2024-01-01')")
    old.execute("INSERT INTO products(name) VALUES ('Franzbrötchen')")
    old.execute("INSERT INTO sales(product_id, date, quantity) VALUES (1, '2025-03-01', 40)")
    old.commit()
    old.close()
    with Shop.open(path) as shop:
        assert shop.version == CURRENT_VERSION
    [made] = backups.list_backups(path)
    assert (made.kind, made.version, made.sales_rows) == ("before-migration", 1, 1)
    # the copy is the old file's content; restoring it migrates the shop forward again
    restored = backups.restore(path, made)
    assert restored.backup.version == 1
    with Shop.open(path) as shop:
        assert shop.version == CURRENT_VERSION
        assert len(read_sales(shop)) == 1


# -- restore -----------------------------------------------------------------------------------
def test_backup_restore_round_trip(shop_path: Path) -> None:
    original = _state(shop_path)
    made = backups.create(shop_path, "manual", now=NOON)
    with Shop.open(shop_path) as shop:  # the owner goes on working
        write_sales(shop, _sales(30, start=dt.date(2027, 6, 1), level=90))
        _decide(shop, DAY + dt.timedelta(days=2), 70)
    changed = _state(shop_path)
    assert changed != original
    result = backups.restore(shop_path, backups.resolve(shop_path, "1"),
                             now=NOON + dt.timedelta(hours=2))
    assert _state(shop_path) == original
    assert _integrity(shop_path) == "ok"
    assert result.backup.path == made.path
    assert result.aside is None
    assert result.before is not None
    assert result.before.kind == "before-restore"
    assert (result.before.sales_rows, result.before.decisions) == (changed[0], changed[1])
    assert "Der vorige Stand ist gesichert in" in result.message("de")
    assert "20.11.2026 12:00 (von Hand; 600 Verkaufszeilen" in result.message("de")
    # and back: the before-restore copy brings the later work back
    backups.restore(shop_path, result.before, now=NOON + dt.timedelta(hours=3))
    assert _state(shop_path) == changed
    conn = sqlite3.connect(shop_path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()


def test_restore_while_another_process_holds_the_shop_open(shop_path: Path,
                                                             tmp_path: Path) -> None:
    """The backup API writes into the live file through SQLite: a process that has the shop open
    (and has written to it, so its WAL is in use) then reads the restored content, can write,
    and the file passes integrity_check."""
    made = backups.create(shop_path, "manual", now=NOON)
    original = _state(shop_path)
    child_code = textwrap.dedent("""
        import datetime as dt, sys
        from forecasting.store.decisions import save_decision
        from forecasting.values.decisions import OrderDecision
        from forecasting.store.file import Shop
        shop = Shop.open(sys.argv[1])
        def decide(day, final):
            save_decision(shop, OrderDecision(
                product="Brötchen", date=dt.date.fromisoformat(day), suggested=50.0,
                final=final, reason_code="event", reason_text="", decided_by="child",
                decided_at=dt.datetime(2026, 11, 3, 18, 0)))
        def count():
            return shop._conn.execute("SELECT COUNT(*) FROM order_decisions").fetchone()[0]
        decide("2026-12-01", 80)
        print("before", count(), flush=True)
        sys.stdin.readline()  # the parent restores meanwhile
        print("after", count(), flush=True)
        print("integrity", shop._conn.execute("PRAGMA integrity_check").fetchone()[0], flush=True)
        decide("2026-12-02", 90)
        print("wrote", count(), flush=True)
        sys.stdin.readline()
        shop.close()
    """)
    child = subprocess.Popen([sys.executable, "-c", child_code, str(shop_path)],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                             cwd=Path(__file__).resolve().parents[2])
    assert child.stdout is not None
    assert child.stdin is not None
    try:
        assert child.stdout.readline().split() == ["before", "3"]
        assert Path(f"{shop_path}-wal").exists()  # the child's connection is live
        result = backups.restore(shop_path, made, now=NOON + dt.timedelta(hours=1))
        assert result.before is not None
        assert result.before.decisions == 3
        child.stdin.write("go\n")
        child.stdin.flush()
        assert child.stdout.readline().split() == ["after", "2"]
        assert child.stdout.readline().split() == ["integrity", "ok"]
        assert child.stdout.readline().split() == ["wrote", "3"]
        # the child's acknowledged write after the restore is seen by a fresh process
        seen = subprocess.run(
            [sys.executable, "-c", "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
             "print(c.execute('SELECT COUNT(*) FROM order_decisions').fetchone()[0], "
             "c.execute('PRAGMA integrity_check').fetchone()[0])", str(shop_path)],
            capture_output=True, text=True, check=True)
        assert seen.stdout.split() == ["3", "ok"]
        child.stdin.write("end\n")
        child.stdin.flush()
        assert child.wait(timeout=30) == 0
    finally:
        if child.poll() is None:
            child.kill()
    assert _integrity(shop_path) == "ok"
    assert _state(shop_path)[0] == original[0]
    assert sorted(d for d, _f in _state(shop_path)[3]) == [
        "2026-11-02", "2026-11-03", "2026-12-02"]


def test_restore_refuses_what_it_cannot_use_and_changes_nothing(shop_path: Path,
                                                                tmp_path: Path) -> None:
    backups.create(shop_path, "manual", now=NOON)
    before = _digest(shop_path)
    with pytest.raises(BackupError) as err:
        backups.resolve(shop_path, "7")
    assert "1 bis 1" in err.value.message("de")
    foreign = tmp_path / "fremd.sqlite"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE kunden (name TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(BackupError) as err:
        backups.restore(shop_path, backups.resolve(shop_path, str(foreign)))
    assert "keine Bestellkompass-Laden-Datei" in err.value.message("de")
    newer = tmp_path / "neuer.bkshop"
    create_shop(newer, name="Neu", state="BY").close()
    conn = sqlite3.connect(newer)
    conn.execute(f"PRAGMA user_version = {CURRENT_VERSION + 1}")
    conn.commit()
    conn.close()
    with pytest.raises(BackupError) as err:
        backups.restore(shop_path, newer)
    assert "neueren Bestellkompass-Version" in err.value.message("de")
    with pytest.raises(BackupError):  # onto a file that is not a shop: refused, file untouched
        backups.restore(foreign, backups.resolve(shop_path, "1"))
    assert _digest(shop_path) == before
    assert [b.kind for b in backups.list_backups(shop_path)] == ["manual"]


# -- damage ------------------------------------------------------------------------------------
def test_damaged_file_offers_newest_good_backup_and_restore_keeps_it_aside(
        shop_path: Path) -> None:
    older = backups.create(shop_path, "daily", now=NOON - dt.timedelta(days=1))
    newest = backups.create(shop_path, "manual", now=NOON)
    good = _state(shop_path)
    middle = _damage_middle(shop_path)
    damaged_bytes = shop_path.read_bytes()
    assert _integrity(shop_path) != "ok"
    found = backups.diagnose(shop_path, _what_a_command_meets(shop_path))
    assert isinstance(found, ShopDamagedError)
    assert found.offer is not None
    assert found.offer[0] == 1
    assert found.offer[1].path == newest.path
    text = found.message("de")
    assert "ist beschädigt: ihr Inhalt ist fehlerhaft" in text
    assert f'bestellkompass --shop "{shop_path}" backup restore 1' in text
    assert "nicht gelöscht" in text
    assert "The shop file" in found.message("en")
    # a backup of the damaged file fails its check: deleted, said, nothing else changed
    with pytest.raises(ShopDamagedError) as err:
        backups.create(shop_path, "before-import", now=NOON + dt.timedelta(hours=1))
    assert err.value.while_backing_up
    assert [b.path for b in backups.list_backups(shop_path)] == [newest.path, older.path]
    assert not list(newest.path.parent.glob("*.partial"))
    assert shop_path.read_bytes() == damaged_bytes
    # restore: the damaged pages are kept aside, the backup written into the file
    result = backups.restore(shop_path, found.offer[1], now=NOON + dt.timedelta(hours=2))
    assert result.before is None
    assert result.aside is not None
    assert result.aside.name == "Bäckerei Test.bkshop.damaged-2026-11-20_14-00-00"
    kept = result.aside.read_bytes()
    assert kept[100:] == damaged_bytes[100:]  # every page as it was (the header may differ)
    assert kept[middle:middle + 8192] == b"\xff" * 8192
    assert "liegt unter" in result.message("de")
    assert _integrity(shop_path) == "ok"
    assert _state(shop_path) == good


def test_newest_good_skips_a_damaged_backup(shop_path: Path) -> None:
    older = backups.create(shop_path, "daily", now=NOON - dt.timedelta(days=1))
    newest = backups.create(shop_path, "manual", now=NOON)
    _damage_middle(newest.path)
    number, good = backups.newest_good(shop_path) or (0, None)
    assert (number, good.path if good else None) == (2, older.path)


def test_unreadable_file_is_moved_aside_and_the_backup_put_in_place(shop_path: Path) -> None:
    made = backups.create(shop_path, "manual", now=NOON)
    good = _state(shop_path)
    with open(shop_path, "r+b") as fh:  # the header: SQLite no longer sees a database
        fh.write(b"\x00" * 100)
    damaged = _digest(shop_path)
    with pytest.raises(ShopFileError) as err:
        Shop.open(shop_path)
    found = backups.diagnose(shop_path, err.value)
    assert isinstance(found, ShopDamagedError)
    assert "lässt sich nicht als Datenbank lesen" in found.message("de")
    result = backups.restore(shop_path, made, now=NOON + dt.timedelta(hours=1))
    assert result.aside is not None
    assert _digest(result.aside) == damaged
    assert _state(shop_path) == good
    assert _integrity(shop_path) == "ok"


def test_a_file_that_is_simply_not_a_shop_is_not_called_damaged(tmp_path: Path) -> None:
    path = tmp_path / "umsatz.csv"
    path.write_text("Datum;Artikel;Menge\n", encoding="utf-8")
    with pytest.raises(ShopFileError) as err:
        Shop.open(path)
    assert backups.diagnose(path, err.value) is None  # no backups: the plain "not a shop" stays


# -- where ---------------------------------------------------------------------------------------
def test_falls_back_to_the_user_data_folder_when_beside_is_not_writable(
        shop_path: Path, data_folder: Path) -> None:
    blocked = shop_path.with_name("Bäckerei Test.backups")
    blocked.write_text("a file where the folder would be", encoding="utf-8")
    made = backups.create(shop_path, "manual", now=NOON)
    assert made.path.is_relative_to(data_folder / "Bestellkompass" / "backups")
    assert made.path.parent.name.startswith("Bäckerei Test-")
    assert [b.path for b in backups.list_backups(shop_path)] == [made.path]
    with Shop.open(shop_path) as shop:
        _decide(shop, DAY + dt.timedelta(days=5), 10)
    backups.restore(shop_path, backups.resolve(shop_path, "1"), now=NOON + dt.timedelta(hours=1))
    assert _state(shop_path)[1] == 2


def test_backup_list_metadata_survives_being_read_only(shop_path: Path) -> None:
    """Listing opens the copies read-only: their bytes do not change, no -wal/-shm appear."""
    made = backups.create(shop_path, "manual", now=NOON)
    before = _digest(made.path)
    for _ in range(3):
        backups.list_backups(shop_path, full=True)
    assert _digest(made.path) == before
    assert sorted(p.name for p in made.path.parent.iterdir()) == [made.path.name]
    assert isinstance(backups.inspect(made.path), Backup)


def test_no_writable_folder_refuses_the_import_and_changes_nothing(
        shop_path: Path, data_folder: Path, tmp_path: Path) -> None:
    from forecasting.operations.sales import import_file

    shop_path.with_name("Bäckerei Test.backups").write_text("not a folder", encoding="utf-8")
    (data_folder / "Bestellkompass").mkdir(parents=True)
    (data_folder / "Bestellkompass" / "backups").write_text("not a folder", encoding="utf-8")
    csv = tmp_path / "kasse.csv"
    csv.write_text("Datum;Artikel;Menge\n01.06.2027;Brötchen;44\n", encoding="utf-8")
    before = _state(shop_path)
    with Shop.open(shop_path) as shop, pytest.raises(BackupError) as err:
        import_file(shop, csv)
    assert "Die Sicherung konnte nicht geschrieben werden" in err.value.message("de")
    assert "Es wurde nichts geändert." in err.value.message("de")
    assert _state(shop_path) == before
