"""Portable mode for workshops and shared PCs: a marker file beside the program keeps everything
on the stick.

With `portable.txt` (or `bestellkompass-portable`) in the program's folder, the settings (an INI
file, never the Windows registry), the shop files and their backups, the model cache and the logs
all go to the `data` folder beside the program, and nothing is written to the user's profile.
`activate` says so to every module (and to child processes) through the environment variables
they already read.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from app.logfile import LOG_DIR_ENV

# read by forecasting/store/paths.py and forecasting/models/persist.py (app never imports the
# store, and the model module would load LightGBM's wrapper at every start)
DATA_ENV = "BESTELLKOMPASS_DATA_DIR"
CACHE_ENV = "BESTELLKOMPASS_CACHE_DIR"

MARKERS = ("portable.txt", "bestellkompass-portable")
DATA_FOLDER = "data"
PORTABLE_ENV = "BESTELLKOMPASS_PORTABLE"  # the portable data folder, once activated
SETTINGS_FILE = "Bestellkompass.ini"


def program_dirs() -> list[Path]:
    """Folders the marker may lie in: the bundle's folder (beside the executable, and beside a
    macOS .app), else the folder of the script that was started."""
    if getattr(sys, "frozen", False):
        exe = Path(sys.executable).resolve()
        found = [exe.parent]
        found += [parent.parent for parent in exe.parents if parent.suffix == ".app"]
        return found
    if sys.argv and sys.argv[0]:
        return [Path(sys.argv[0]).resolve().parent]
    return []


def marked_dir(candidates: list[Path] | None = None) -> Path | None:
    """The first of `candidates` (default: the program's folders) that holds a marker file."""
    for folder in program_dirs() if candidates is None else candidates:
        if any((folder / name).is_file() for name in MARKERS):
            return folder
    return None


def activate(program_dir: Path) -> Path:
    """Keep settings, shop files, cache and logs in `program_dir`/data; returns that folder."""
    root = program_dir / DATA_FOLDER
    os.environ[PORTABLE_ENV] = str(root)
    os.environ[DATA_ENV] = str(root)
    os.environ[CACHE_ENV] = str(root / "cache")
    os.environ[LOG_DIR_ENV] = str(root / "logs")
    return root


def activate_if_marked() -> Path | None:
    """At program start: portable mode if a marker lies beside the program (its data folder)."""
    folder = marked_dir()
    return activate(folder) if folder is not None else None


def data_root() -> Path | None:
    """The portable data folder, or None when the program runs installed."""
    given = os.environ.get(PORTABLE_ENV)
    return Path(given) if given else None


def settings_file() -> Path | None:
    """The INI file of the app's preferences in portable mode, else None (the platform's place)."""
    root = data_root()
    return root / "settings" / SETTINGS_FILE if root is not None else None
