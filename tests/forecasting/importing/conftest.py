"""Helpers for the import tests: fresh shop files, file digests, shop contents as plain sets."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from forecasting.store.create import create_shop
from forecasting.store.file import Shop
from tests.shared_data import require_datasets

REPO_ROOT = Path(__file__).resolve().parents[3]
IMPORT_DATA = REPO_ROOT / "tests" / "data" / "import"


def _digest(path: Path) -> str:
    """SHA-256 of a file's bytes (WAL/SHM side files included when present)."""
    h = hashlib.sha256()
    for suffix in ("", "-wal"):
        side = Path(str(path) + suffix)
        if side.exists():
            h.update(side.read_bytes())
    return h.hexdigest()


def _shop_sales(shop: Shop) -> set[tuple[str, str, float]]:
    """(product, ISO date, quantity) of every sales row."""
    return {
        (r[0], r[1], r[2])
        for r in shop._conn.execute(
            "SELECT p.name, s.date, s.quantity FROM sales s JOIN products p ON p.id = s.product_id"
        )
    }


def _rows_digest(shop: Shop) -> str:
    """SHA-256 of every row of every table, read through the shop's own connection (never the
    file's bytes while a connection is open)."""
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


@pytest.fixture
def rows_digest() -> Callable[[Shop], str]:
    """SHA-256 of all table rows of a shop, read via SQL."""
    return _rows_digest


@pytest.fixture
def new_shop(tmp_path: Path) -> Iterator[Shop]:
    """An empty shop file."""
    shop = create_shop(tmp_path / "laden.bkshop", name="Testbäckerei", state="NW")
    yield shop
    shop.close()


@pytest.fixture
def datasets() -> Path:
    """../shared/datasets or $BESTELLKOMPASS_DATASETS (read-only; skipped when not there)."""
    return require_datasets()


@pytest.fixture
def digest() -> Callable[[Path], str]:
    """SHA-256 of a shop file (with its write-ahead log)."""
    return _digest


@pytest.fixture
def shop_sales() -> Callable[[Shop], set[tuple[str, str, float]]]:
    """(product, ISO date, quantity) of every sales row of a shop."""
    return _shop_sales
