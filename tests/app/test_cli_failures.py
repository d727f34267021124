"""The command line on a locked, write-protected, damaged or gutted shop file and on exports it
cannot write: one sentence in the user's language on stderr, exit code 2, never a traceback; a bug
exits 1 with one sentence naming the log file, which holds the stack."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main
from forecasting.store.create import create_shop
from tests.app.conftest import ORDER_DAY
from tests.file_faults import (
    BUSY_DE,
    REPO_ROOT,
    corrupt_table,
    open_folder,
    unprivileged,
    writer_holding,
)

DAY = ORDER_DAY.isoformat()


def _small_shop(path: Path) -> Path:
    create_shop(path, name="Bäckerei Test", state="NW").close()
    return path


def _fails_cleanly(capsys: pytest.CaptureFixture[str], argv: list[str], code: int = 2) -> str:
    """Run the command in-process; it must exit with `code` and print one line on stderr."""
    assert main(argv) == code
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1, err
    return err.strip()


def _cli(argv: list[str], env: dict[str, str] | None = None, prefix: list[str] | None = None
         ) -> subprocess.CompletedProcess[str]:
    """Run `bestellkompass` as its own process, as a user would."""
    return subprocess.run([*(prefix or []), sys.executable, "-m", "app", *argv],
                          capture_output=True, text=True, cwd=REPO_ROOT, timeout=300,
                          env=dict(os.environ, **(env or {})), check=False)


def test_a_shop_file_another_process_is_writing(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    path = _small_shop(tmp_path / "shop.bkshop")
    with writer_holding(path):  # longer than the busy timeout (a few seconds)
        err = _fails_cleanly(capsys, ["--shop", str(path), "settings", "shop", "--name", "Neu"])
    assert err == BUSY_DE
    assert main(["--shop", str(path), "settings", "shop", "--name", "Neu"]) == 0  # free again


def test_a_damaged_shop_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _small_shop(tmp_path / "shop.bkshop")
    corrupt_table(path, "shop")
    # the damaged-file message: what is wrong, then what to do (its backup, or where to look)
    assert main(["--shop", str(path), "settings", "show"]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert "beschädigt" in err
    assert "Sicherung" in err
    assert main(["--shop", str(path), "--lang", "en", "settings", "show"]) == 2
    assert "damaged" in capsys.readouterr().err


def test_a_shop_row_deleted_by_hand(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _small_shop(tmp_path / "shop.bkshop")
    conn = sqlite3.connect(path)
    conn.execute("DELETE FROM shop")
    conn.commit()
    conn.close()
    err = _fails_cleanly(capsys, ["--shop", str(path), "settings", "show"])
    assert "fehlen die Angaben zum Laden" in err


def test_exports_to_a_full_disk(qapp: object, planned_path: Path, tmp_path: Path,
                                capsys: pytest.CaptureFixture[str]) -> None:
    # qapp: the PDF export in-process would otherwise make a QGuiApplication, and later widget
    # tests in this process could not make their QApplication
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full on this system")
    for suffix in ("csv", "xlsx", "pdf"):
        target = tmp_path / f"bestellung.{suffix}"
        target.symlink_to("/dev/full")  # every write there fails with ENOSPC
        err = _fails_cleanly(capsys, ["--shop", str(planned_path), "order", "export",
                                      "--date", DAY, "--out", str(target)])
        assert err.startswith("Der Datenträger ist voll"), (suffix, err)


def test_export_into_a_folder(planned_path: Path, tmp_path: Path,
                              capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "liste.csv"
    target.mkdir()
    err = _fails_cleanly(capsys, ["--shop", str(planned_path), "order", "export", "--date", DAY,
                                  "--out", str(target)])
    assert err == f"{target} ist ein Ordner; bitte einen Dateinamen angeben."


def test_write_protection_as_an_ordinary_user(planned_path: Path) -> None:
    """Read-only shop file, read-only export folder: as a user without root's rights, in a real
    process (the windowed program has no console, so no traceback may be its only trace)."""
    with open_folder() as folder:
        shop = folder / "shop.bkshop"
        shop.write_bytes(planned_path.read_bytes())
        folder.chmod(0o777)  # the -wal/-shm files may be made, the shop file is read-only
        shop.chmod(0o444)
        locked = folder / "locked"
        locked.mkdir()
        locked.chmod(0o555)
        env = {"HOME": str(folder), "BESTELLKOMPASS_LOG_DIR": str(folder / "logs")}
        prefix = unprivileged()
        done = _cli(["--shop", str(shop), "settings", "shop", "--name", "Neu"], env, prefix)
        assert done.returncode == 2, done.stderr
        assert "Traceback" not in done.stderr
        assert done.stderr.strip() == (
            f"Die Laden-Datei {shop} ist schreibgeschützt, deshalb wurde nichts gespeichert; bitte "
            "den Schreibschutz aufheben (Eigenschaften der Datei) und es noch einmal versuchen.")

        shop.chmod(0o666)
        target = locked / "bestellung.csv"
        done = _cli(["--shop", str(shop), "order", "export", "--date", DAY, "--out",
                     str(target)], env, prefix)
        assert done.returncode == 2, done.stderr
        assert "Traceback" not in done.stderr
        assert str(target) in done.stderr
        assert "Excel" in done.stderr
        assert not target.exists()
        # what went wrong is in the command line's log, with the technical cause
        log = (folder / "logs" / "bestellkompass-cli.log").read_text(encoding="utf-8")
        assert "PermissionError" in log
        assert "attempt to write a readonly database" in log


def test_a_bug_exits_1_with_the_log_file_named(tmp_path: Path) -> None:
    """A shop file without its products table is no failure we know: the user gets one sentence
    naming the log; the log gets the stack. Normal output is not logged."""
    path = _small_shop(tmp_path / "shop.bkshop")
    logs = tmp_path / "logs"
    env = {"BESTELLKOMPASS_LOG_DIR": str(logs)}
    done = _cli(["--shop", str(path), "settings", "show"], env)
    assert done.returncode == 0
    assert not (logs / "bestellkompass-cli.log").exists()  # nothing went wrong: nothing logged

    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("DROP TABLE products")
    conn.commit()
    conn.close()
    done = _cli(["--shop", str(path), "settings", "show"], env)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    log_file = logs / "bestellkompass-cli.log"
    assert done.stderr.strip().startswith("Ein unerwarteter Fehler ist aufgetreten")
    assert str(log_file) in done.stderr
    log = log_file.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in log
    assert "no such table: products" in log
