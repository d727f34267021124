"""Reliability drills in the suite (issue 14), with small counts; the full runs and their figures
are in docs/reliability.md (benchmarks/reliability_drill.py).

- The window (offscreen, this process) keeps the shop open and computes its plan with the forecast
  child while command-line processes write decisions, stock counts and closing days beside it:
  afterwards the file passes integrity_check and every acknowledged write is visible from a fresh
  process. (Before the fix of Shop.open's header probe this lost writes and corrupted the file.)
- kill -9 of import, import into a new shop, order set, stock set and suggest at random moments:
  each time integrity ok and the old or the new state.
"""

from __future__ import annotations

import importlib
import random
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


@pytest.fixture(scope="module")
def drill(tmp_path_factory: pytest.TempPathFactory) -> tuple[object, Path, Path]:
    """(the drill module, a prepared small bakery, the import file)."""
    sys.path.insert(0, str(BENCHMARKS))
    try:
        module = importlib.import_module("reliability_drill")
    finally:
        sys.path.remove(str(BENCHMARKS))
    workdir = tmp_path_factory.mktemp("drill")
    return module, module.prepare(workdir), module.import_file(workdir)


@pytest.mark.slow
def test_window_child_and_command_line_side_by_side(qapp: object, drill: tuple, tmp_path: Path
                                                    ) -> None:
    module, base, _ = drill
    result = module.side_by_side(base, tmp_path, rounds=3)
    assert result.trials >= 12
    assert (result.lost, result.corrupted) == (0, 0), result.problems


@pytest.mark.slow
@pytest.mark.parametrize("name", ["import", "import-new", "order", "stock", "suggest"])
def test_kill_at_a_random_moment_leaves_the_old_or_the_new_state(drill: tuple, tmp_path: Path,
                                                                 name: str) -> None:
    module, base, source = drill
    action = module.actions(source)[name]
    result = module.kill_drill(name, action, base, tmp_path, trials=2,
                               rng=random.Random(f"{name}-1"))
    assert result.trials == 2
    assert (result.lost, result.corrupted) == (0, 0), result.problems
