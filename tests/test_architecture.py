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


SQL_CALLS = {"execute", "executemany", "executescript", "read_sql", "read_sql_query",
             "read_sql_table"}
STORE = REPO_ROOT / "forecasting" / "store"


def _sql_uses(path: Path) -> list[str]:
    """Where a module runs SQL or touches a connection: calls named like sqlite3's or pandas'
    SQL functions, the shop's private connection, sqlite3.connect."""
    import ast

    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in SQL_CALLS | {"_conn", "conn"}:
            found.append(f"{path.relative_to(REPO_ROOT)}:{node.lineno} .{node.attr}")
        if (isinstance(node, ast.Attribute) and node.attr == "connect"
                and isinstance(node.value, ast.Name) and node.value.id == "sqlite3"):
            found.append(f"{path.relative_to(REPO_ROOT)}:{node.lineno} sqlite3.connect")
    return found


def test_no_sql_outside_the_store() -> None:
    """forecasting/store holds the only SQLite connections; the rest of the product reads and
    writes through its functions (issue 16)."""
    offenders = []
    for package in ("app", "forecasting", "calendars"):
        for path in sorted((REPO_ROOT / package).rglob("*.py")):
            if STORE in path.parents:
                continue
            offenders += _sql_uses(path)
    assert offenders == []


def test_the_check_finds_sql() -> None:
    """The check above is not blind: the store itself is full of it."""
    assert len([u for p in STORE.glob("*.py") for u in _sql_uses(p)]) > 50
