"""The log files: what went wrong in the window or on the command line, kept for the owner's support.

Set up once at program start (`app/cli.py`): a rotating log per program in the platform's log
folder (`bestellkompass.log` for the window, `bestellkompass-cli.log` for commands and the forecast
child), and `faulthandler` writing hard crashes to `crash.log` there. The windowed Windows program
has no console: `sys.stderr`/`sys.stdout` are None, so they are pointed at the log instead, and
nothing printed is lost. `BESTELLKOMPASS_LOG_DIR` puts the folder elsewhere (tests).
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import faulthandler
import logging
import logging.handlers
import os
import platform
import sqlite3
import sys
import threading
import traceback
from pathlib import Path
from typing import IO, Any

from app import __version__

LOG_DIR_ENV = "BESTELLKOMPASS_LOG_DIR"
MAX_BYTES = 1_000_000
BACKUPS = 5
CRASH_FILE = "crash.log"
FORMAT = "%(asctime)s %(levelname)s [%(process)d %(threadName)s] %(name)s: %(message)s"


def log_dir() -> Path:
    """The folder of the log files: $BESTELLKOMPASS_LOG_DIR, else the platform's log folder."""
    given = os.environ.get(LOG_DIR_ENV)
    if given:
        return Path(given)
    from platformdirs import user_log_dir

    return Path(user_log_dir("Bestellkompass", appauthor=False))


class _QuietHandler(logging.handlers.RotatingFileHandler):
    """A log that cannot be written (disk full, folder gone) must not disturb the program: the
    standard handler would print its own traceback to stderr."""

    def handleError(self, record: logging.LogRecord) -> None:
        pass


class _LogStream:
    """Stands in for a missing sys.stderr/sys.stdout: each printed line becomes a log record."""

    encoding = "utf-8"
    errors = "replace"

    def __init__(self, logger: logging.Logger, level: int) -> None:
        self._logger = logger
        self._level = level
        self._buffer = ""

    def write(self, text: str) -> int:
        self._buffer += text
        *lines, self._buffer = self._buffer.split("\n")
        for line in lines:
            if line.strip():
                self._logger.log(self._level, "%s", line.rstrip())
        return len(text)

    def flush(self) -> None:
        if self._buffer.strip():
            self._logger.log(self._level, "%s", self._buffer.rstrip())
        self._buffer = ""

    def isatty(self) -> bool:
        return False


@dataclasses.dataclass
class LogSetup:
    """What `setup_logging` changed, so `close` can undo it (tests; the program never needs to)."""

    path: Path
    handler: logging.Handler
    crash_file: IO[str] | None = None
    streams: dict[str, Any] = dataclasses.field(default_factory=dict)
    thread_hook: Any = None
    root_level: int = logging.WARNING

    @property
    def directory(self) -> Path:
        """The log folder."""
        return self.path.parent

    def close(self) -> None:
        """Detach the log file and give back stderr/stdout and the crash handler."""
        global _active
        root = logging.getLogger()
        root.removeHandler(self.handler)
        root.setLevel(self.root_level)
        self.handler.close()
        for name, stream in self.streams.items():
            setattr(sys, name, stream)
        if self.crash_file is not None:
            faulthandler.disable()
            self.crash_file.close()
        if self.thread_hook is not None:
            threading.excepthook = self.thread_hook
        if _active is self:
            _active = None


_active: LogSetup | None = None


def active() -> LogSetup | None:
    """The log set up for this process, if any."""
    return _active


def setup_logging(program: str = "bestellkompass", level: int = logging.INFO,
                  directory: Path | None = None) -> LogSetup | None:
    """Send log records of `level` and above to <log folder>/<program>.log (rotating, 1 MB x 5)
    and hard crashes to crash.log; None when the folder cannot be written (then nothing changes).

    Called again for the same file it returns the same setup; for another file it moves there.
    """
    global _active
    directory = directory or log_dir()
    path = directory / f"{program}.log"
    if _active is not None:
        if _active.path == path:
            return _active
        _active.close()
    try:
        directory.mkdir(parents=True, exist_ok=True)
        handler = _QuietHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS,
                                encoding="utf-8", delay=True)
    except OSError:
        return None
    handler.setLevel(level)
    handler.setFormatter(logging.Formatter(FORMAT))
    root = logging.getLogger()
    setup = LogSetup(path, handler, root_level=root.level)
    root.addHandler(handler)
    if root.level > level or root.level == logging.NOTSET:
        root.setLevel(level)
    for name, stream_level in (("stderr", logging.WARNING), ("stdout", logging.INFO)):
        if getattr(sys, name) is None:
            setup.streams[name] = None
            setattr(sys, name, _LogStream(logging.getLogger(name), stream_level))
    setup.crash_file = _enable_faulthandler(directory)
    setup.thread_hook = threading.excepthook
    threading.excepthook = _log_thread_exception
    _active = setup
    return setup


def _enable_faulthandler(directory: Path) -> IO[str] | None:
    """Crashes of the interpreter itself (a segfault in a library) to crash.log; left alone when
    something else (pytest, `python -X faulthandler`) already enabled it."""
    if faulthandler.is_enabled():
        return None
    crash = directory / CRASH_FILE
    try:
        if crash.exists() and crash.stat().st_size > MAX_BYTES:
            os.replace(crash, crash.with_name(CRASH_FILE + ".1"))
    except OSError:
        pass  # another process has it open (Windows): keep appending
    try:
        handle = open(crash, "a", encoding="utf-8")  # noqa: SIM115 (open as long as the process)
        faulthandler.enable(file=handle, all_threads=True)
    except (OSError, ValueError, RuntimeError):
        return None
    return handle


def _log_thread_exception(args: threading.ExceptHookArgs) -> None:
    logging.getLogger("thread").error(
        "unhandled exception in thread %s", getattr(args.thread, "name", "?"),
        exc_info=(args.exc_type, args.exc_value, args.exc_traceback))


def about() -> str:
    """Program, Python, Qt, SQLite and system versions: the first lines of every bug report."""

    parts = [f"Bestellkompass {__version__}", f"Python {platform.python_version()}",
             f"SQLite {sqlite3.sqlite_version}"]
    qt = sys.modules.get("PySide6")
    if qt is not None:
        parts.append(f"PySide6 {getattr(qt, '__version__', '?')}")
    parts.append(platform.platform())
    if getattr(sys, "frozen", False):
        parts.append("bundle")
    return ", ".join(parts)


def details(exc: BaseException) -> str:
    """What a bug report needs: versions, time, log file and the full stack of `exc`."""
    lines = [about(), f"{dt.datetime.now().isoformat(timespec='seconds')}"]
    if _active is not None:
        lines.append(f"Log: {_active.path}")
    lines.append("")
    lines.extend(traceback.format_exception(type(exc), exc, exc.__traceback__))
    return "\n".join(line.rstrip("\n") for line in lines)


def log_exception(exc: BaseException, message: str = "unexpected error") -> None:
    """Write `exc` with its stack to the log."""
    with contextlib.suppress(Exception):
        logging.getLogger("bestellkompass").error(
            message, exc_info=(type(exc), exc, exc.__traceback__))
