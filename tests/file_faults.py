"""Real faults of the shop file for tests: another process writing, write protection that also
holds for root, a damaged page.

Tests may run as root, and chmod does not stop root from writing: `unprivileged()` gives the
prefix that runs a child process as an ordinary user (setpriv), so a write-protected file or folder
fails there exactly as on the owner's laptop.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
BUSY_DE = ("Eine andere Bestellkompass-Anwendung schreibt gerade in diese Laden-Datei; bitte gleich "
           "noch einmal versuchen.")


@contextlib.contextmanager
def writer_holding(path: Path) -> Iterator[subprocess.Popen[str]]:
    """Another real process inside a write transaction (BEGIN IMMEDIATE) on `path` until the end
    of the block, as a second Bestellkompass writing a long import would be."""
    code = ("import sqlite3, sys\n"
            "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
            "c.execute('BEGIN IMMEDIATE')\n"
            "print('locked', flush=True)\n"
            "sys.stdin.read()\n"
            "c.execute('ROLLBACK')\n")
    child = subprocess.Popen([sys.executable, "-c", code, str(path)], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "locked"
        yield child
    finally:
        assert child.stdin is not None
        child.stdin.close()
        child.wait(timeout=30)


def unprivileged() -> list[str]:
    """The prefix that runs a command without root's right to write anything (empty if not root)."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: write protection cannot be tested")
    return [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"]


@contextlib.contextmanager
def open_folder() -> Iterator[Path]:
    """A folder any user may enter (pytest's tmp_path is private to the user running the tests,
    so an unprivileged child could not reach its files); removed afterwards."""
    folder = Path(tempfile.mkdtemp(prefix="bk-faults-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        for path in [folder, *folder.rglob("*")]:
            with contextlib.suppress(OSError):
                path.chmod(0o755 if path.is_dir() else 0o644)
        shutil.rmtree(folder, ignore_errors=True)


def corrupt_table(path: Path, table: str) -> None:
    """Overwrite the root page of `table` with bytes that are no b-tree page: reading the table
    then fails with "database disk image is malformed"."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = DELETE")  # everything in the one file, no WAL beside it
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?",
                        (table,)).fetchone()[0]
    conn.close()
    with open(path, "r+b") as fh:
        fh.seek((root - 1) * page_size)
        fh.write(b"\xee" * 64)
