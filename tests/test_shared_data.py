"""Issue 15: from a fresh clone without ../shared the README's test command failed; the tests that
need the shared data now skip, saying where they looked (or fail when CI requires the data)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.shared_data import ENV, REQUIRED_ENV

REPO = Path(__file__).resolve().parents[1]
TEST = "tests/forecasting/importing/test_engine.py::test_wide_table_without_dates_asks_for_start_date"


def _pytest(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if k not in (ENV, REQUIRED_ENV)}
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider", TEST],
        cwd=REPO, env={**environ, **env}, capture_output=True, text=True, timeout=300,
        check=False)


def test_without_the_data_the_test_is_skipped_saying_where_it_looked(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere"
    run = _pytest(tmp_path, **{ENV: str(missing)})
    assert run.returncode == 0, run.stdout + run.stderr
    assert "1 skipped" in run.stdout
    assert f"shared test data not found at {missing}" in run.stdout
    assert "../shared/datasets" in run.stdout


def test_when_required_missing_data_fails(tmp_path: Path) -> None:
    run = _pytest(tmp_path, **{ENV: str(tmp_path / "nowhere"), REQUIRED_ENV: "1"})
    assert run.returncode == 1
    assert "1 error" in run.stdout
    assert "shared test data not found" in run.stdout
