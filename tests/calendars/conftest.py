"""Paths to the calendar fixture files and the shared reference data."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "tests" / "data" / "calendars"
SHARED = REPO / ".." / "shared" / "datasets"


@pytest.fixture
def data_dir() -> Path:
    """tests/data/calendars."""
    return DATA


@pytest.fixture
def school_reference() -> Path:
    """The independent school-holiday table in ../shared (skips the test if it is missing)."""
    path = SHARED / "school_holidays_de" / "school_holidays_de.csv"
    if not path.is_file():
        pytest.skip("shared reference data not present")
    return path
