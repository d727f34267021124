"""Commands that only show or export never write to the shop file (issue 14, finding 7): the file
is byte for byte the same afterwards, even after a retraining (the model cache lives elsewhere)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from app.cli import main
from forecasting.models.persist import CACHE_ENV, ModelCache
from forecasting.store.file import Shop
from tests.app.conftest import ORDER_DAY

DAY = ORDER_DAY.isoformat()
READ_ONLY = {
    "suggest --no-save": ["suggest", "--date", DAY, "--no-save", "--format", "json"],
    "order show": ["order", "show", "--date", DAY, "--format", "csv"],
    "order export": ["order", "export", "--date", DAY, "--out", "{tmp}/liste.csv"],
    "review": ["review", "--start", "2026-11-01", "--end", "2026-11-25", "--format", "json"],
    "calendar": ["calendar", "--from", "2026-12-20", "--to", "2026-12-31"],
    "settings show": ["settings", "show", "--format", "json"],
    "stock show": ["stock", "show", "--date", DAY],
}


def _digest(path: Path) -> str:
    """The file's bytes, read only while no connection is open (never beside a live one)."""
    assert not Path(f"{path}-wal").exists()
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("name", list(READ_ONLY))
def test_read_only_command_leaves_the_shop_file_unchanged(
        name: str, planned_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    with Shop.open(planned_path) as shop:
        cache = ModelCache.for_shop(shop.shop_id)
    if name == "suggest --no-save":  # a retraining from scratch: nothing of it goes to the file
        cache = ModelCache(tmp_path / "cache")
        monkeypatch.setenv(CACHE_ENV, str(cache.directory.parent.parent))
    before = _digest(planned_path)
    args = [a.replace("{tmp}", str(tmp_path)) for a in READ_ONLY[name]]
    assert main(["--shop", str(planned_path), *args]) == 0
    assert capsys.readouterr().out
    assert _digest(planned_path) == before
    if name == "suggest --no-save":
        assert list(cache.directory.parent.parent.rglob("*.json")), "the model is kept in the cache"
