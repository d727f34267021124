"""Opening and making shop files, for the window and the command line (which never touch
forecasting.store themselves)."""

from __future__ import annotations

from pathlib import Path

from forecasting.store import create
from forecasting.store.file import Shop, default_shop_path

__all__ = ["Shop", "create_shop", "default_shop_path", "open_shop"]


def open_shop(path: str | Path, *, read_only: bool = False, migrate: bool = True) -> Shop:
    """Open an existing shop file (see Shop.open: foreign, newer or damaged files are refused)."""
    return Shop.open(path, read_only=read_only, migrate=migrate)


def create_shop(path: str | Path, *, name: str, state: str, **settings: object) -> Shop:
    """A new, empty shop file, open (refuses an existing file)."""
    return create.create_shop(path, name=name, state=state, **settings)
