"""Training in a child process, so the window's process never loads or runs the models.

LightGBM, statsmodels and scipy hold Python's GIL while they load and in parts of a fit, which
would stall the window even from a worker thread. The child runs `bestellkompass suggest --format
forecast` for the day and prints the forecast the plan needs (forecasting/policy/plan_forecast.py;
it also keeps the trained model in the user's cache, forecasting/models/persist.py); the worker
plans from that printed forecast, without any of those libraries and without reading the sales
again to find a saved forecast. If the child fails, or the data changed meanwhile, the worker
simply computes everything itself: the numbers are the same either way.

The child reports its progress as `PROGRESS <fraction> <code>` lines on stderr (`suggest
--progress`); a reader thread drains stderr (so a full pipe never blocks the child) and maps the
child's fraction into the worker's share of the bar, keeping the last other lines for the log.
"""

from __future__ import annotations

import collections
import datetime as dt
import logging
import math
import os
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import IO

from app.commands.suggest import PROGRESS_PREFIX
from app.jobs import JobProgress
from forecasting.policy.plan_forecast import PlanForecast, forecast_from_json

# The child's part of the whole job (the worker then builds the plan). Until the child's first
# report (it is still starting: imports, reading the shop) the bar moves towards SHARE with time.
TYPICAL_SECONDS = 15.0
SHARE = 0.9
KEEP_LINES = 20  # other stderr lines kept for the log when the child fails
_log = logging.getLogger(__name__)


def own_command() -> list[str]:
    """How to run this program's command line: the console executable in a bundle, else Python."""
    if getattr(sys, "frozen", False):
        exe = Path(sys.executable)
        cli = exe.with_name(f"bestellkompass-cli{exe.suffix}")
        return [str(cli if cli.exists() else exe)]
    return [sys.executable, "-m", "app"]


def parse_progress(line: str) -> tuple[float, str] | None:
    """(fraction, message code) of a `PROGRESS 0.42 forecast.lightgbm` line, else None."""
    parts = line.split()
    if len(parts) != 3 or parts[0] != PROGRESS_PREFIX:
        return None
    try:
        fraction = float(parts[1])
    except ValueError:
        return None
    if not math.isfinite(fraction):
        return None
    return min(max(fraction, 0.0), 1.0), parts[2]


class ChildProgress:
    """The bar while the child runs: time-based until the child's first report, then the child's
    fraction mapped onto what is left up to SHARE. Never moves back; thread-safe."""

    def __init__(self, progress: JobProgress) -> None:
        self._progress = progress
        self._lock = threading.Lock()
        self._shown = 0.0
        self._base: float | None = None  # where the bar was at the child's first report

    @property
    def heard(self) -> bool:
        """Whether the child has reported anything yet."""
        return self._base is not None

    def waited(self, seconds: float) -> None:
        """Time-based movement, only while the child has not reported yet."""
        with self._lock:
            if self._base is None:
                self._show(SHARE * (1 - math.exp(-seconds / TYPICAL_SECONDS)), "forecast.train")

    def child(self, fraction: float, message: str) -> None:
        """The child's own report (`fraction` of its work)."""
        with self._lock:
            if self._base is None:
                self._base = self._shown
            self._show(self._base + (SHARE - self._base) * fraction, message)

    def _show(self, fraction: float, message: str) -> None:
        self._shown = max(self._shown, min(fraction, SHARE))
        self._progress.report(self._shown, message)


def _drain(stream: IO[str], bar: ChildProgress, other: collections.deque[str]) -> None:
    """Read the child's stderr to its end: progress lines to the bar, the rest kept."""
    with stream:
        for line in stream:
            parsed = parse_progress(line)
            if parsed is not None:
                bar.child(*parsed)
            elif line.strip():
                other.append(line.rstrip())


def _collect(stream: IO[str], out: list[str]) -> None:
    """Read the child's stdout to its end (the forecast, printed once at the end)."""
    with stream:
        out.append(stream.read())


def forecast_in_child(path: Path, day: dt.date, progress: JobProgress) -> PlanForecast | None:
    """Let a child process compute the forecast the plan for `day` needs (training if needed);
    None if it did not succeed.

    Cancelling the job kills the child (the shop file is unaffected: the child only reads it).
    """
    command = [*own_command(), "--shop", str(path), "suggest", "--date", day.isoformat(),
               "--format", "forecast", "--progress"]
    started = time.monotonic()
    try:
        child = subprocess.Popen(
            command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, text=True, encoding="utf-8", errors="replace",
            env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
            creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
        )
    except OSError:
        return None
    bar = ChildProgress(progress)
    other: collections.deque[str] = collections.deque(maxlen=KEEP_LINES)
    printed: list[str] = []
    assert child.stderr is not None
    assert child.stdout is not None
    reader = threading.Thread(target=_drain, args=(child.stderr, bar, other),
                              name="forecast-child-stderr", daemon=True)
    reader.start()
    output = threading.Thread(target=_collect, args=(child.stdout, printed),
                              name="forecast-child-stdout", daemon=True)
    output.start()
    code: int | None = None
    try:
        while code is None:
            try:
                code = child.wait(timeout=0.2)
            except subprocess.TimeoutExpired:
                progress.check()
                bar.waited(time.monotonic() - started)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        reader.join(timeout=5)
        output.join(timeout=5)
    if code != 0:
        _log.warning("forecast child %s exited with %s; last lines:\n%s", command, code,
                     "\n".join(other))
        return None
    try:
        return forecast_from_json("".join(printed))
    except ValueError as exc:
        _log.warning("forecast child %s printed no forecast: %s", command, exc)
        return None
