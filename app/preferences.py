"""The app's own preferences (QSettings): text size, the shops opened recently, where the window
was. In portable mode they live in an INI file beside the program (app/portable.py)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMainWindow

from app import portable

RECENT_KEY = "recent_shops"
MAX_RECENT = 8
GEOMETRY_KEY = "window/geometry"
STATE_KEY = "window/state"


def app_settings() -> QSettings:
    """Per-user app preferences: the platform's place, or the portable INI file."""
    path = portable.settings_file()
    if path is not None:
        return QSettings(str(path), QSettings.Format.IniFormat)
    return QSettings("Bestellkompass", "Bestellkompass")


def _stored_paths(settings: QSettings) -> list[str]:
    value = settings.value(RECENT_KEY, [])
    if isinstance(value, str):  # an INI file gives back a list of one as a plain string
        return [value] if value else []
    return [str(item) for item in value or []]


def recent_shops() -> list[Path]:
    """The shop files opened lately, newest first (only those that still exist)."""
    return [Path(p) for p in _stored_paths(app_settings()) if Path(p).is_file()]


def remember_shop(path: Path) -> None:
    """Put `path` first in the list of recent shops (files gone since are dropped)."""
    settings = app_settings()
    text = str(Path(path).resolve())
    paths = [text] + [p for p in _stored_paths(settings) if p != text and Path(p).is_file()]
    settings.setValue(RECENT_KEY, paths[:MAX_RECENT])
    settings.sync()


def forget_recent_shops() -> None:
    """Empty the list of recent shops."""
    settings = app_settings()
    settings.remove(RECENT_KEY)
    settings.sync()


def last_shop() -> Path | None:
    """The shop file opened last, if it is still there (reopened on the next start)."""
    recent = recent_shops()
    return recent[0] if recent else None


def save_placement(window: QMainWindow) -> None:
    """Remember the window's size, position and toolbars."""
    settings = app_settings()
    settings.setValue(GEOMETRY_KEY, window.saveGeometry())
    settings.setValue(STATE_KEY, window.saveState())
    settings.sync()


def restore_placement(window: QMainWindow) -> bool:
    """Put the window where it was last time (Qt moves it onto a screen that is still there);
    False when there is nothing remembered."""
    settings = app_settings()
    geometry = settings.value(GEOMETRY_KEY)
    if not geometry:
        return False
    state = settings.value(STATE_KEY)
    if state:
        window.restoreState(state)
    return bool(window.restoreGeometry(geometry))
