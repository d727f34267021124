"""Where the user's shop files and backups live when no path is given."""

from __future__ import annotations

import os
from pathlib import Path

DATA_ENV = "BESTELLKOMPASS_DATA_DIR"  # another data folder (portable mode beside the program)


def data_dir() -> Path:
    """$BESTELLKOMPASS_DATA_DIR, else the platform's user data folder."""
    given = os.environ.get(DATA_ENV)
    if given:
        return Path(given)
    from platformdirs import user_data_dir

    return Path(user_data_dir("Bestellkompass", appauthor=False))
