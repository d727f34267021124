"""How long the command line takes to start, against a bare `python -c pass` in the same runs.

Each command runs as its own process, several times, interleaved with the baseline (the machine
is shared: the ratio to the baseline of the same round is the figure to compare). `--help` and a
usage error must not load pandas or Qt; `settings show` and `order show` read a shop file (a
small demo bakery written once).

    .venv/bin/python benchmarks/cli_startup.py [--runs 7]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def _seconds(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, env=env, cwd=REPO, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - started


def main() -> int:
    """Time each command against the baseline and print a table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    from forecasting.demo.generate import write_demo_shop

    with tempfile.TemporaryDirectory(prefix="bk-cli-") as tmp:
        shop = write_demo_shop("bakery", dt.date(2026, 11, 26), Path(tmp) / "bakery.bkshop")
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", BESTELLKOMPASS_LOG_DIR=tmp)
        app = [sys.executable, "-m", "app"]
        commands = {
            "python -c pass (baseline)": [sys.executable, "-c", "pass"],
            "bestellkompass --help": [*app, "--help"],
            "bestellkompass order --help": [*app, "order", "--help"],
            "bestellkompass settings show": [*app, "--shop", str(shop), "settings", "show"],
            "bestellkompass stock show": [*app, "--shop", str(shop), "stock", "show"],
        }
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, command in commands.items():
                times[name].append(_seconds(command, env))
    base = statistics.median(times["python -c pass (baseline)"])
    print("| command | median s | min s | x baseline |\n|---|---:|---:|---:|")
    for name, values in times.items():
        median = statistics.median(values)
        print(f"| {name} | {median:.2f} | {min(values):.2f} | {median / base:.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
