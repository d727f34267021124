"""Failures of the file system and the database, worded as one sentence with what to do next.

The command line (`app/cli.py`) and the window (`app/error_dialog.py`) both ask `user_message`
what to tell the owner; an exception it does not know is a bug and goes to the log with its stack.
SQLite errors are told apart by their (extended) result code name, OS errors by errno, never by
their English text, which differs between platforms and versions.
"""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from calendars.errors import CodedError
from forecasting.errors import UserError

# Extended result code names first: the first matching prefix wins.
_SQLITE_CODES: tuple[tuple[str, str], ...] = (
    ("SQLITE_BUSY", "failure.busy"),
    ("SQLITE_LOCKED", "failure.busy"),
    ("SQLITE_PROTOCOL", "failure.busy"),
    ("SQLITE_READONLY_DIRECTORY", "failure.folder_read_only"),
    ("SQLITE_READONLY_CANTINIT", "failure.folder_read_only"),
    ("SQLITE_READONLY_CANTLOCK", "failure.folder_read_only"),
    ("SQLITE_READONLY_DBMOVED", "failure.moved"),
    ("SQLITE_READONLY", "failure.read_only"),
    ("SQLITE_FULL", "failure.disk_full"),
    ("SQLITE_CORRUPT", "failure.damaged"),
    ("SQLITE_NOTADB", "failure.damaged"),
    ("SQLITE_IOERR_NOMEM", "failure.memory"),
    ("SQLITE_NOMEM", "failure.memory"),
    ("SQLITE_IOERR", "failure.io"),
    ("SQLITE_CANTOPEN", "failure.cannot_open"),
    ("SQLITE_PERM", "failure.permission"),
    ("SQLITE_AUTH", "failure.permission"),
)

_OS_CODES: dict[int, str] = {
    errno.ENOSPC: "failure.disk_full",
    errno.EFBIG: "failure.disk_full",
    errno.EACCES: "failure.permission",
    errno.EPERM: "failure.permission",
    errno.EROFS: "failure.read_only_drive",
    errno.ENOENT: "failure.not_found",
    errno.ENOTDIR: "failure.not_found",
    errno.EISDIR: "failure.is_folder",
    errno.ENAMETOOLONG: "failure.bad_name",
    errno.EINVAL: "failure.bad_name",  # Windows: characters a file name may not hold
    errno.EIO: "failure.io",
    errno.ENOMEM: "failure.memory",
}
if hasattr(errno, "EDQUOT"):
    _OS_CODES[errno.EDQUOT] = "failure.disk_full"

# Python's sqlite3 raises this itself (no SQLite code) when a text cell holds bytes that are not
# UTF-8; only Bestellkompass writes the shop file, so such a cell means the file was damaged.
_NOT_UTF8 = "Could not decode to UTF-8"


def user_message(exc: BaseException, path: str | Path | None = None) -> CodedError | None:
    """What to tell the owner about `exc` (and what to do), or None when it is not a known failure.

    `path` is the shop file the caller was working on: SQLite errors do not name their file. A
    failure raised while handling another (a ROLLBACK after a full disk) is explained by the
    first known one in the chain.
    """
    for candidate in _chain(exc):
        if isinstance(candidate, CodedError):
            return candidate
        if isinstance(candidate, sqlite3.Error):
            code = _sqlite_code(candidate)
            if code is not None:
                return _error(code, path)
        elif isinstance(candidate, OSError):
            return _os_error(candidate, path)
        elif isinstance(candidate, MemoryError):
            return UserError("failure.memory")
    return None


def _chain(exc: BaseException) -> Iterator[BaseException]:
    """`exc`, then what caused it or was being handled when it happened."""
    seen: set[int] = set()
    todo = [exc]
    while todo:
        current = todo.pop(0)
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        todo.extend(e for e in (current.__cause__, current.__context__) if e is not None)


def _sqlite_code(exc: sqlite3.Error) -> str | None:
    name = getattr(exc, "sqlite_errorname", None) or ""
    for prefix, code in _SQLITE_CODES:
        if name.startswith(prefix):
            return code
    if not name and str(exc).startswith(_NOT_UTF8):
        return "failure.damaged"
    return None


def _error(code: str, path: str | Path | None, reason: str = "") -> UserError:
    shown = Path(path) if path else None
    return UserError(code, path=str(shown or "?"), folder=str(shown.parent if shown else "?"),
                     reason=reason)


def _os_error(exc: OSError, path: str | Path | None) -> UserError:
    code = _OS_CODES.get(exc.errno or 0, "failure.os")
    named = exc.filename if exc.filename is not None else path
    return _error(code, named, exc.strerror or type(exc).__name__)
