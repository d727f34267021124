"""The plan path (issue 16): reads of the shop file per plan build, and the window's time from
"training finished" (the forecast child exited) to "sheet updated" (the order sheet rebuilt).

Run: QT_QPA_PLATFORM=offscreen nice -n 5 .venv/bin/python benchmarks/plan_path.py [--kind bakery]
     [--repeats 3]

For each demo shop (history up to 25.11.2026, orders for 26.11.2026) it
1. counts the calls into `forecasting.store` (outermost calls only, by function) of one plan
   build as `bestellkompass suggest --no-save` does it in one process (model cache warm), and of
   the forecast child's command line run in this process;
2. opens the shop in a real ShopSession with the order sheet (Qt offscreen), lets it compute the
   plan as the window does (the real forecast child process first), and times from the moment the
   child returned to the moment the sheet had rebuilt after `planChanged`; the store calls the
   window's process made meanwhile are counted too, on the worker thread and on the window's.
Every public function of forecasting/store counts, so `calendar.events_frame` (it turns events
into a frame and reads nothing) is in the calendar column too; `file.connect` and `meta.get_text`
are the opening of the file and its shop id. The machine's load moves the times by a second
either way: compare runs made side by side.
The first refresh trains (cold model cache); the times are of the refreshes after it, whose child
answers from the saved forecast, so only the window's part differs between versions of the code.
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import functools
import inspect
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

import app.session as session_module  # noqa: E402
from app import i18n  # noqa: E402
from app.cli import main as cli_main  # noqa: E402
from app.order_sheet import OrderSheetView  # noqa: E402
from forecasting.demo.generate import DEFAULT_SEED, write_demo_shop  # noqa: E402
from forecasting.models.persist import CACHE_ENV  # noqa: E402

END = dt.date(2026, 11, 26)
FAMILIES = ("sales", "calendar", "settings", "products", "stock", "service_levels", "decisions",
            "meta")


class StoreCalls:
    """Counts the outermost calls into forecasting.store functions (and Shop's version reads),
    wherever the project imported them by name."""

    def __init__(self) -> None:
        self.counts: collections.Counter[str] = collections.Counter()
        self._depth = threading.local()
        self._lock = threading.Lock()

    def wrap(self, name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        """`fn` counted under `name`."""

        @functools.wraps(fn)
        def counted(*args: Any, **kwargs: Any) -> Any:
            depth = getattr(self._depth, "n", 0)
            if depth == 0:
                where = "window" if threading.current_thread() is threading.main_thread() \
                    else "worker"
                with self._lock:
                    self.counts[f"{where}:{name}"] += 1
            self._depth.n = depth + 1
            try:
                return fn(*args, **kwargs)
            finally:
                self._depth.n = depth

        counted.__wrapped_store__ = True  # type: ignore[attr-defined]
        return counted

    def install(self) -> None:
        """Replace every store function, in every loaded project module, by a counted one."""
        originals: dict[int, tuple[str, Callable[..., Any]]] = {}
        for mod_name, module in list(sys.modules.items()):
            if not mod_name.startswith("forecasting.store.") or module is None:
                continue
            short = mod_name.rsplit(".", 1)[1]
            for attr, value in vars(module).items():
                if (inspect.isfunction(value) and value.__module__ == mod_name
                        and not attr.startswith("_")):
                    originals[id(value)] = (f"{short}.{attr}", value)
        wrapped = {key: self.wrap(name, fn) for key, (name, fn) in originals.items()}
        for mod_name, module in list(sys.modules.items()):
            if module is None or not mod_name.startswith(("app", "forecasting", "calendars")):
                continue
            for attr, value in list(vars(module).items()):
                if inspect.isfunction(value) and id(value) in wrapped:
                    setattr(module, attr, wrapped[id(value)])
        from forecasting.store.file import Shop

        for method in ("data_version", "plan_version", "stock_version"):
            if hasattr(Shop, method):
                setattr(Shop, method, self.wrap(f"meta.{method}", getattr(Shop, method)))

    @contextmanager
    def counting(self) -> Iterator[collections.Counter[str]]:
        """The calls made inside the block."""
        before = self.counts.copy()
        out: collections.Counter[str] = collections.Counter()
        yield out
        out.update(self.counts)
        out.subtract(before)
        for key in [k for k, v in out.items() if v <= 0]:
            del out[key]


def only(counts: collections.Counter[str], where: str) -> collections.Counter[str]:
    """The calls made on the window's thread ("window") or on other threads ("worker")."""
    return collections.Counter({k.split(":", 1)[1]: v for k, v in counts.items()
                                if k.startswith(where + ":")})


def families(counts: collections.Counter[str]) -> dict[str, int]:
    """Calls per table family (the store module's name; calendar_options counts as calendar)."""
    out = dict.fromkeys(FAMILIES, 0)
    for name, n in counts.items():
        family = name.split(".")[0]
        family = "calendar" if family == "calendar_options" else family
        out[family] = out.get(family, 0) + n
    return out


def cli_reads(calls: StoreCalls, args: list[str]) -> collections.Counter[str]:
    """Store calls of the command line `args` run in this process (output discarded)."""
    with open(os.devnull, "w") as sink, calls.counting() as counts:
        stdout, stderr, sys.stdout, sys.stderr = sys.stdout, sys.stderr, sink, sink
        try:
            assert cli_main(args) == 0
        finally:
            sys.stdout, sys.stderr = stdout, stderr
    return counts


def child_args(command: list[str]) -> list[str]:
    """The command line arguments of the forecast child's command (without the program)."""
    return command[command.index("--shop"):]


def window_refreshes(calls: StoreCalls, path: Path, repeats: int
                     ) -> tuple[list[float], collections.Counter[str], int, list[str]]:
    """Seconds from the child's end to the sheet rebuilt, per refresh after the first; the store
    calls of the last refresh; the lines shown; the child's command."""
    finished: list[float] = []
    real_child = session_module.forecast_in_child
    real_popen = subprocess.Popen
    commands: list[list[str]] = []

    def recording_popen(command: list[str], *args: Any, **kwargs: Any) -> Any:
        commands.append(list(command))
        return real_popen(command, *args, **kwargs)

    def timed_child(*args: Any, **kwargs: Any) -> Any:
        try:
            return real_child(*args, **kwargs)
        finally:
            finished.append(time.perf_counter())

    session_module.forecast_in_child = timed_child
    subprocess.Popen = recording_popen  # type: ignore[misc]
    i18n.install_language("de")
    session = session_module.ShopSession.open(path, day=END)
    session.watch.stop()  # only the refreshes asked for here
    sheet = OrderSheetView(session)
    sheet.resize(1200, 800)
    sheet.show()
    shown: list[float] = []
    session.planChanged.connect(lambda: shown.append(time.perf_counter()))  # after the sheet's
    errors: list[BaseException] = []
    session.failed.connect(errors.append)
    times: list[float] = []
    counts: collections.Counter[str] = collections.Counter()
    try:
        for k in range(repeats + 1):
            loop = QEventLoop()
            session.planChanged.connect(loop.quit)
            session.failed.connect(loop.quit)
            QTimer.singleShot(600_000, loop.quit)
            with calls.counting() as counts:
                session.refresh_plan()
                loop.exec()
            session.planChanged.disconnect(loop.quit)
            session.failed.disconnect(loop.quit)
            if errors:
                raise RuntimeError(f"the plan failed: {errors[0]!r}")
            if k > 0:
                times.append(shown[-1] - finished[-1])
        lines = len(session.lines)
    finally:
        session.close()
        sheet.close()
        session_module.forecast_in_child = real_child
        subprocess.Popen = real_popen  # type: ignore[misc]
    return times, counts, lines, commands[-1]


def main() -> int:
    """Print the table for each demo shop."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--kind", choices=["bakery", "deli", "both"], default="both")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--details", action="store_true", help="calls per store function")
    args = parser.parse_args()
    QApplication.instance() or QApplication([])
    calls = StoreCalls()
    calls.install()
    kinds = ["bakery", "deli"] if args.kind == "both" else [args.kind]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        os.environ[CACHE_ENV] = str(Path(tmp) / "model-cache")
        for kind in kinds:
            path = write_demo_shop(kind, END, Path(tmp) / f"{kind}.bkshop", seed=DEFAULT_SEED)
            times, window, lines, command = window_refreshes(calls, path, args.repeats)
            suggest = cli_reads(calls, ["--shop", str(path), "suggest", "--date", END.isoformat(),
                                        "--format", "json", "--no-save"])
            child = cli_reads(calls, child_args(command))
            rows.append((kind, lines, suggest, child, window, times))
    print(f"plan for {END:%d.%m.%Y}; store calls by table family (outermost calls)")
    head = f"{'shop':<7}{'where':<34}" + "".join(f"{f[:8]:>9}" for f in FAMILIES) + f"{'all':>6}"
    print(head)
    for kind, _lines, suggest, child, window, _times in rows:
        for label, counts in (("suggest --no-save (one process)", only(suggest, "window")),
                              ("forecast child (its command)", only(child, "window")),
                              ("window's worker thread", only(window, "worker")),
                              ("window's own thread (sheet)", only(window, "window"))):
            fam = families(counts)
            print(f"{kind:<7}{label:<34}" + "".join(f"{fam[f]:>9}" for f in FAMILIES)
                  + f"{sum(counts.values()):>6}")
            if args.details:
                for name, n in sorted(counts.items()):
                    print(f"{'':<9}{name:<40}{n:>4}")
    print()
    print(f"{'shop':<7}{'lines':>6}  training finished -> sheet updated (s): median, each")
    for kind, lines, _, _, _, times in rows:
        print(f"{kind:<7}{lines:>6}  {statistics.median(times):8.3f}   "
              + " ".join(f"{t:.3f}" for t in times))
    return 0


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    os._exit(code)  # Qt's teardown at exit can crash after the figures are out
