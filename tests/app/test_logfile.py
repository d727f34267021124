"""app/logfile.py: the log folder, rotation, a program without console streams (the windowed
Windows build), and hard crashes written by faulthandler, each in a real process."""

from __future__ import annotations

import logging
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from app.logfile import BACKUPS, LOG_DIR_ENV, MAX_BYTES, log_dir, setup_logging
from forecasting.store.create import create_shop
from tests.file_faults import REPO_ROOT


def _python(code: str, logs: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=REPO_ROOT, timeout=120, check=False,
                          env=dict(os.environ, **{LOG_DIR_ENV: str(logs)}))


def test_the_platforms_log_folder_unless_told_otherwise(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(LOG_DIR_ENV, str(tmp_path / "elsewhere"))
    assert log_dir() == tmp_path / "elsewhere"
    monkeypatch.delenv(LOG_DIR_ENV)
    if sys.platform.startswith("linux"):
        monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
        assert log_dir() == tmp_path / "state" / "Bestellkompass" / "log"
    assert "Bestellkompass" in str(log_dir())


def test_the_log_rotates_at_one_megabyte_keeping_five(tmp_path: Path) -> None:
    setup = setup_logging("bestellkompass", logging.INFO, tmp_path)
    assert setup is not None
    try:
        line = "x" * 1000
        for _ in range(int(1.5 * MAX_BYTES / 1000)):
            logging.getLogger("test").warning(line)
    finally:
        setup.close()
    assert (tmp_path / "bestellkompass.log").stat().st_size <= MAX_BYTES
    assert (tmp_path / "bestellkompass.log.1").stat().st_size <= MAX_BYTES
    assert BACKUPS == 5


def test_without_console_streams_nothing_is_lost(tmp_path: Path) -> None:
    """The windowed program has sys.stderr = sys.stdout = None: a failing command must neither
    crash on it nor lose its message; warnings printed to stderr land in the log too."""
    shop = tmp_path / "shop.bkshop"
    create_shop(shop, name="Bäckerei Test", state="NW").close()
    conn = sqlite3.connect(shop)
    conn.execute("DELETE FROM shop")
    conn.commit()
    conn.close()
    logs = tmp_path / "logs"
    code = ("import sys, warnings\n"
            "sys.stderr = None\n"
            "sys.stdout = None\n"
            "from app.cli import main\n"
            f"code = main(['--shop', {str(shop)!r}, 'settings', 'show'])\n"
            "warnings.warn('careful with that file')\n"
            "sys.exit(code)\n")
    done = _python(code, logs)
    assert done.returncode == 2, done.stderr
    assert done.stderr == ""
    log = (logs / "bestellkompass-cli.log").read_text(encoding="utf-8")
    assert "fehlen die Angaben zum Laden" in log  # what the console would have shown
    assert "lacks the shop's own details" in log
    assert "careful with that file" in log


def test_a_hard_crash_is_written_to_the_crash_log(tmp_path: Path) -> None:
    logs = tmp_path / "logs"
    code = ("from app.logfile import setup_logging\n"
            "setup_logging('bestellkompass')\n"
            "import ctypes\n"
            "ctypes.string_at(0)\n")  # a real segmentation fault, as a broken library would
    done = _python(code, logs)
    assert done.returncode != 0
    crash = (logs / "crash.log").read_text(encoding="utf-8")
    assert "Fatal Python error: Segmentation fault" in crash
    assert "string_at" in crash
