"""Wall time of `bestellkompass suggest` for the demo bakery: first run (trains and saves the
model) and second run with unchanged data (target: under 3 s, issue 6).

Run: nice -n 5 /tmp/venv/bin/python benchmarks/suggest_speed.py [--repeats 3] [--snapshot]
Each repeat starts from a fresh copy of the demo shop, runs the command twice in new processes
(imports included, as a user sees it) and checks that both print the same list. --snapshot runs
a copy of the source tree, so edits made meanwhile in the working tree cannot change the model
code between the two runs (which would, correctly, retrain).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CLI = "import sys; from app.cli import main; sys.exit(main())"
DAY = "2026-11-26"
TARGET_S = 3.0


def _run(args: list[str], env: dict[str, str], cwd: Path) -> tuple[float, str]:
    # cwd matters: `python -c` imports from the working directory before PYTHONPATH
    t0 = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", CLI, *args], env=env, cwd=cwd,
                          capture_output=True, text=True, check=True)
    return time.perf_counter() - t0, done.stdout


def main() -> int:
    """Print the first and second run times per repeat, and min / median."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--snapshot", action="store_true", help="run a copy of the sources")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        env = dict(os.environ)
        if args.snapshot:
            for package in ("app", "forecasting", "calendars", "resources"):
                shutil.copytree(ROOT / package, work / "src" / package)
            env["PYTHONPATH"] = str(work / "src")
        shop = work / "bakery.bkshop"
        _run(["demo", "--kind", "bakery", "--end", DAY, "--out", str(shop)], env, work)
        first, second = [], []
        for k in range(args.repeats):
            copy = work / f"run{k}.bkshop"
            shutil.copy(shop, copy)
            call = ["--shop", str(copy), "suggest", "--date", DAY]
            t1, out1 = _run(call, env, work)
            t2, out2 = _run(call, env, work)
            if out1 != out2:
                print("the second run printed another list", file=sys.stderr)
                return 1
            first.append(t1)
            second.append(t2)
            print(f"repeat {k + 1}: first {t1:.2f} s, second {t2:.2f} s "
                  f"({out1.count(chr(10))} lines)")
    print(f"first run (training): min {min(first):.2f} s, median {statistics.median(first):.2f} s")
    print(f"second run (trained): min {min(second):.2f} s, "
          f"median {statistics.median(second):.2f} s (target {TARGET_S:.0f} s: "
          f"{'met' if statistics.median(second) < TARGET_S else 'NOT met'})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
