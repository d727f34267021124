"""Session-wide demo shop files (generated once, end date 2026-11-26) for tests that need history.

Treat them as read-only: open them with Shop.open and do not write, other tests share them.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from forecasting.demo.generate import DEFAULT_SEED, write_demo_shop

DEMO_END = dt.date(2026, 11, 26)
# Another seed can be tried with BESTELLKOMPASS_DEMO_SEED=7 pytest tests/forecasting/test_demo_*.py
DEMO_SEED = int(os.environ.get("BESTELLKOMPASS_DEMO_SEED", DEFAULT_SEED))


@pytest.fixture(scope="session")
def demo_bakery_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Bäckerei Sonnenkorn, history 2023-11-26 .. 2026-11-25 (seed DEMO_SEED)."""
    directory = tmp_path_factory.mktemp("demo_bakery")
    return write_demo_shop("bakery", DEMO_END, directory / "bakery.bkshop", seed=DEMO_SEED)


@pytest.fixture(scope="session")
def demo_deli_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Feinkost am Markt, history 2023-11-26 .. 2026-11-25 (seed DEMO_SEED)."""
    directory = tmp_path_factory.mktemp("demo_deli")
    return write_demo_shop("deli", DEMO_END, directory / "deli.bkshop", seed=DEMO_SEED)
