"""The real-bakery launch benchmark runs on the shared data: a launched product is scored from
its launch day, and the spread from the prior reaches a product counted in pieces only."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest

from tests.shared_data import require_datasets

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


@pytest.fixture(scope="module")
def launch_real():
    require_datasets("wuerzbaeck", "wuerzbaeck_target.csv")
    require_datasets("kiel_bakery", "umsatzdaten_gekuerzt.csv")
    sys.path.insert(0, str(BENCHMARKS.parent))
    module = importlib.import_module("benchmarks.association_launch_real")
    yield module
    sys.path.remove(str(BENCHMARKS.parent))


def _rows(path: Path) -> list[list[str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [[c.strip() for c in line.split("|")[1:-1]] for line in lines[2:] if line.startswith("| ")]


def test_a_product_counted_in_pieces_gets_the_priors_spread(launch_real, tmp_path) -> None:
    out = tmp_path / "w.md"
    assert launch_real.main(["--products", "rolls", "--launches", "2017-09-01",
                             "--write", str(out)]) == 0
    [row] = _rows(out)
    assert row[:3] == ["rolls", "2017-09-01", "112"]  # every day from the launch scored
    calibrated, shipped = float(row[4].split()[0]), float(row[5].split()[0])
    assert calibrated != shipped  # Würzburg counts rolls in pieces: the prior's spread


def test_turnover_in_euros_keeps_its_calibrated_spread(launch_real, tmp_path) -> None:
    out = tmp_path / "k.md"
    assert launch_real.main(["--shop", "kiel", "--products", "Croissant", "--launches",
                             "2017-03-01", "--write", str(out)]) == 0
    [row] = _rows(out)
    assert row[0] == "Croissant"
    assert int(row[2]) > 100
    assert row[4] == row[5]  # Kiel's euros have no shape in pieces: calibrated, as before
