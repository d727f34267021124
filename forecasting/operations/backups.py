"""Backups of the shop file for the window and the command line: list them, take one by hand,
restore one, and say what to do about a damaged file. The work is in forecasting/store/backups.py
(it copies through SQLite's backup API); restoring changes all data (the plan is recomputed)."""

from __future__ import annotations

from pathlib import Path

from forecasting.operations.changes import Changes
from forecasting.store import backups
from forecasting.store.backups import Backup, Restored, ShopDamagedError
from forecasting.store.file import Shop
from forecasting.store.schema import CURRENT_VERSION

__all__ = ["Backup", "Restored", "ShopDamagedError", "create_backup", "daily_backup",
           "diagnose", "folder_of", "list_backups", "resolve", "restore_backup"]

list_backups = backups.list_backups
diagnose = backups.diagnose
resolve = backups.resolve


def folder_of(shop_path: str | Path) -> Path:
    """The folder the shop's backups go to."""
    return backups.folders(shop_path)[0]


def create_backup(shop_path: str | Path) -> Backup:
    """A backup taken by hand (never pruned)."""
    return backups.create(shop_path, "manual")


def daily_backup(shop_path: str | Path) -> Backup | None:
    """The day's backup when the window opens a shop (None when there is one already)."""
    return backups.ensure_daily(shop_path)


def restore_backup(shop_path: str | Path, backup: Backup) -> tuple[Restored, Changes]:
    """Write `backup` into the shop file (the current state is backed up first); a backup made by
    an older version of the program is migrated forward at once."""
    restored = backups.restore(shop_path, backup)
    if (restored.backup.version or 0) < CURRENT_VERSION:
        Shop.open(shop_path).close()  # migrates (with its own before-migration backup)
    return restored, Changes(data=True, stock=True, settings=True)
