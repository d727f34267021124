"""`bestellkompass path/to/shop.bkshop` opens that shop (a double-clicked .bkshop file, "Open
with"); a mistyped subcommand still gets argparse's message."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from app.cli import build_parser, shop_as_argument
from tests.app.conftest import REPO_ROOT


def test_a_lone_shop_path_becomes_the_shop(tmp_path: Path) -> None:
    assert shop_as_argument(["laden.bkshop"]) == ["--shop", "laden.bkshop"]
    assert shop_as_argument(["--lang", "en", "C:\\Läden\\Mein Laden.BKSHOP"]) == [
        "--lang", "en", "--shop", "C:\\Läden\\Mein Laden.BKSHOP"]
    other = tmp_path / "kopie.db"  # any existing file: the window says if it is not a shop
    other.write_bytes(b"")
    assert shop_as_argument([str(other)]) == ["--shop", str(other)]
    args = build_parser(shop_as_argument(["laden.bkshop"])).parse_args(
        shop_as_argument(["laden.bkshop"]))
    assert args.shop == "laden.bkshop"
    assert args.command is None


def test_subcommands_and_typos_are_left_alone() -> None:
    for words in (["suggest", "--shop", "a.bkshop"], ["sugest"], ["--shop", "a.bkshop"],
                  ["--shop", "a.bkshop", "b.bkshop"], ["a.bkshop", "b.bkshop"], []):
        assert shop_as_argument(words) == words


def test_the_program_opens_the_shop_given_as_its_argument(tmp_path: Path) -> None:
    """A real process: the selftest is run on the file named (it is missing, so the selftest
    fails at once naming it; before, argparse refused the word as an unknown subcommand)."""
    missing = tmp_path / "Mein Laden.bkshop"
    env = dict(os.environ, XDG_DATA_HOME=str(tmp_path / "data"))
    result = subprocess.run([sys.executable, "-m", "app", "--selftest", str(missing)],
                            cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=300,
                            check=False)
    assert result.returncode == 1, result.stderr
    assert "selftest FAILED at step 'demo shop'" in result.stderr
    assert "Mein Laden.bkshop" in result.stderr
    assert "invalid choice" not in result.stderr


def test_a_file_handed_over_by_macos_opens_in_the_window(qapp: object, tmp_path: Path) -> None:
    """Finder sends a double-clicked .bkshop to the running app as a FileOpen event."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QFileOpenEvent

    from app.launch import FileOpenFilter

    opened: list[str] = []
    file_opener = FileOpenFilter(opened.append)
    qapp.installEventFilter(file_opener)  # type: ignore[attr-defined]
    try:
        path = str(tmp_path / "Filiale Süd.bkshop")
        QCoreApplication.sendEvent(qapp, QFileOpenEvent(path))  # type: ignore[arg-type]
    finally:
        qapp.removeEventFilter(file_opener)  # type: ignore[attr-defined]
    assert opened == [path]
