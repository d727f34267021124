"""Paths to the calendar fixture files and the shared reference data."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.shared_data import require_datasets

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "tests" / "data" / "calendars"


@pytest.fixture
def data_dir() -> Path:
    """tests/data/calendars."""
    return DATA


@pytest.fixture
def school_reference() -> Path:
    """The independent school-holiday table in ../shared (skips the test if it is missing)."""
    return require_datasets("school_holidays_de", "school_holidays_de.csv")
