"""Issue 14: 2,000 generated malformed sales files (benchmarks/import_fuzz.py, fixed seed) against a
real shop file: no crash, no partial write, no implausible value accepted."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

BENCHMARKS = Path(__file__).resolve().parents[3] / "benchmarks"
FILES = 2000
SECONDS = 120  # about 30-45 s on the build machine; the bound only catches a runaway


@pytest.fixture
def import_fuzz(monkeypatch: pytest.MonkeyPatch) -> Iterator[ModuleType]:
    monkeypatch.syspath_prepend(str(BENCHMARKS))
    yield importlib.import_module("import_fuzz")
    sys.modules.pop("import_fuzz", None)


@pytest.mark.slow
def test_fuzz_corpus_never_crashes_writes_partly_or_accepts_implausible_values(
        import_fuzz: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    counts = import_fuzz.run(FILES, seed=14, folder=tmp_path)
    with capsys.disabled():
        print(f"\nimport fuzz corpus: {counts.line()}")
    assert counts.files == FILES
    assert counts.problems == []
    assert (counts.crashes, counts.partial_writes, counts.silent_accepts) == (0, 0, 0)
    assert counts.refused + counts.accepted == FILES
    # the corpus really holds the cases: each kind of implausible value was refused many times,
    # and enough files were fine (or fine after dropping rows) to be written
    for code in ("sanity.refused_date", "sanity.refused_quantity", "sanity.refused_name"):
        assert counts.refusal_codes.get(code, 0) >= 50, counts.refusal_codes
    assert counts.accepted >= 300
    assert counts.seconds < SECONDS
