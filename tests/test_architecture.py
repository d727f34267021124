"""The layer rules of the design card: the core never imports Qt or the app."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]


def test_import_linter_contracts_hold() -> None:
    from importlinter.cli import lint_imports

    cwd = os.getcwd()
    os.chdir(REPO_ROOT)
    try:
        assert lint_imports(config_filename=str(REPO_ROOT / "pyproject.toml"), cache_dir=None) == 0
    finally:
        os.chdir(cwd)


def test_core_imports_with_qt_unavailable() -> None:
    """Import every core module in a process where PySide6 cannot be imported at all."""
    script = """
import pkgutil, importlib, sys
sys.modules['PySide6'] = None
sys.modules['pyqtgraph'] = None
for pkg in ('calendars', 'forecasting'):
    mod = importlib.import_module(pkg)
    for info in pkgutil.walk_packages(mod.__path__, pkg + '.'):
        importlib.import_module(info.name)
print('ok')
"""
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO_ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("ok")


def test_cli_help_does_not_import_qt() -> None:
    """`bestellkompass --help` and headless subcommands must not pull in Qt (start-up time)."""
    script = "import sys; from app.cli import build_parser; build_parser(); print('PySide6' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO_ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"
