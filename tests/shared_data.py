"""Where the tests find the real data they share with the benchmarks (see README, "Data used in
tests and benchmarks"): $BESTELLKOMPASS_DATASETS, else shared/datasets next to the clone.

Without it the tests that need it are skipped, saying where they looked; with
$BESTELLKOMPASS_DATASETS_REQUIRED set (CI sets it when the folder is there) they fail instead, so a
wrong path cannot turn into a green run that tested nothing.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ENV = "BESTELLKOMPASS_DATASETS"
REQUIRED_ENV = "BESTELLKOMPASS_DATASETS_REQUIRED"
REPO_ROOT = Path(__file__).resolve().parents[1]


def datasets_dir() -> Path:
    """$BESTELLKOMPASS_DATASETS, else ../shared/datasets beside the repository."""
    given = os.environ.get(ENV, "").strip()
    return Path(given) if given else REPO_ROOT.parent / "shared" / "datasets"


def require_datasets(*parts: str) -> Path:
    """The shared data folder (or a file in it); skips the test, or fails it when required, with
    where it looked and how to provide it."""
    path = datasets_dir().joinpath(*parts)
    if not path.exists():
        reason = (f"shared test data not found at {path}: put the shared/ folder next to the "
                  f"clone (../shared/datasets) or set {ENV} to its datasets folder")
        if os.environ.get(REQUIRED_ENV):
            pytest.fail(reason)
        pytest.skip(reason)
    return path
