"""Training in a child process, so the window's process never loads or runs the models.

LightGBM, statsmodels and scipy hold Python's GIL while they load and in parts of a fit, which
would stall the window even from a worker thread. The child runs `bestellkompass suggest` for the
day, which stores the finished forecast in the shop file (forecasting/models/persist.py); the
worker then builds the plan from that stored forecast, without any of those libraries. If the
child fails, the worker simply computes everything itself: the numbers are the same either way.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import subprocess
import sys
import time
from pathlib import Path

from app.jobs import JobProgress

# The child's progress is not reported back; the bar moves towards this share as time passes.
TYPICAL_SECONDS = 15.0
SHARE = 0.9


def own_command() -> list[str]:
    """How to run this program's command line: the console executable in a bundle, else Python."""
    if getattr(sys, "frozen", False):
        exe = Path(sys.executable)
        cli = exe.with_name(f"bestellkompass-cli{exe.suffix}")
        return [str(cli if cli.exists() else exe)]
    return [sys.executable, "-m", "app"]


def forecast_in_child(path: Path, day: dt.date, progress: JobProgress) -> bool:
    """Let a child process train and store the forecast for `day`; False if it did not succeed.

    Cancelling the job kills the child (the shop file is unaffected: it writes in transactions).
    """
    command = [*own_command(), "--shop", str(path), "suggest", "--date", day.isoformat(),
               "--no-save", "--format", "json"]
    started = time.monotonic()
    try:
        child = subprocess.Popen(
            command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
            creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
        )
    except OSError:
        return False
    try:
        while True:
            try:
                return child.wait(timeout=0.2) == 0
            except subprocess.TimeoutExpired:
                progress.check()
                elapsed = time.monotonic() - started
                progress.report(SHARE * (1 - math.exp(-elapsed / TYPICAL_SECONDS)),
                                "forecast.train")
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
