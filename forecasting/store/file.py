"""One SQLite file per shop: open, create, migrate, and refuse what is not ours.

Every write runs inside `Shop.transaction()`, so a failure leaves the file as it was. Tables and the
frames that go in and out of them are documented in `forecasting/schema.py`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from forecasting.errors import ShopFileError
from forecasting.store import backups, meta
from forecasting.store.paths import data_dir
from forecasting.store.schema import APPLICATION_ID, CURRENT_VERSION, MIGRATIONS


def _now() -> str:
    return dt.datetime.now().isoformat(timespec="seconds")


def default_shop_path() -> Path:
    """Where the app keeps the shop file when no --shop is given (the user's data directory)."""
    return data_dir() / "shop.bkshop"


BUSY_TIMEOUT_MS = 5000  # how long a writer waits for another process's write to finish
PART_SUFFIX = ".part"  # a shop file being built, next to where it will appear


def connect(path: Path, *, create: bool = False) -> sqlite3.Connection:
    """A connection to `path`; opening never creates the file unless `create`.

    The file is only ever touched through SQLite: on POSIX, closing any other descriptor of the
    database file drops every lock this process holds on it (SQLite's "How To Corrupt",
    section 2.2), and the next process to close would delete the write-ahead log under us.
    """
    uri = f"{path.resolve().as_uri()}?mode={'rwc' if create else 'rw'}"
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False,
                           timeout=BUSY_TIMEOUT_MS / 1000)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return conn


def _header(conn: sqlite3.Connection, path: Path) -> int:
    """The schema version of an open shop file, read through SQLite without writing; raises if the
    file is not a shop of ours or is newer than this program."""
    application_id = conn.execute("PRAGMA application_id").fetchone()[0]
    user_version = conn.execute("PRAGMA user_version").fetchone()[0]
    if application_id != APPLICATION_ID:
        raise ShopFileError("shop.not_a_shop", path=str(path))
    if user_version > CURRENT_VERSION:
        raise ShopFileError(
            "shop.newer_version", path=str(path), found=user_version, supported=CURRENT_VERSION
        )
    return int(user_version)


def open_error(exc: sqlite3.Error, path: Path) -> ShopFileError:
    """What an SQLite error while opening `path` means for the owner."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    if name == "SQLITE_NOTADB":
        return ShopFileError("shop.not_a_shop", path=str(path))
    if name.startswith("SQLITE_CORRUPT"):
        return ShopFileError("shop.damaged", path=str(path))
    if name.startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_PERM", "SQLITE_AUTH")):
        return ShopFileError("shop.read_only", path=str(path), folder=str(path.parent))
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return ShopFileError("shop.busy", path=str(path))
    return ShopFileError("shop.cannot_open", path=str(path), detail=str(exc))


def migrate_schema(conn: sqlite3.Connection, target: int = CURRENT_VERSION) -> None:
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    for number in range(version + 1, target + 1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in _statements(MIGRATIONS[number - 1]):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {number}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise


def _statements(script: str) -> list[str]:
    """Split a migration into statements (triggers contain ';' inside BEGIN ... END)."""
    out: list[str] = []
    buf = ""
    for line in script.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            if buf.strip():
                out.append(buf.strip())
            buf = ""
    if buf.strip():
        out.append(buf.strip())
    return out


class Shop:
    """An open shop file. Use `Shop.open` or `store.create.create_shop`; close it (or use `with`)."""

    def __init__(self, path: Path, conn: sqlite3.Connection) -> None:
        self.path = path
        self._conn = conn
        self._depth = 0

    # -- opening -------------------------------------------------------------------------------
    @classmethod
    def open(cls, path: str | Path, *, migrate: bool = True, read_only: bool = False) -> Shop:
        """Open an existing shop file, migrating it forward; foreign or newer files are refused and
        left exactly as they were. read_only: any write through this connection fails (what only
        shows or exports data must never change the owner's file; an older file is still
        migrated first, or this program could not read it)."""
        path = Path(path)
        if not path.is_file():
            raise ShopFileError("shop.not_found", path=str(path))
        try:
            conn = connect(path)
        except sqlite3.Error as exc:
            raise open_error(exc, path) from exc
        try:
            version = _header(conn, path)
            if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                conn.execute("PRAGMA journal_mode = WAL")
            if migrate and version < CURRENT_VERSION:
                backups.create(path, "before-migration", source=conn)  # checked copy first
                migrate_schema(conn)
            if read_only:
                conn.execute("PRAGMA query_only = ON")
        except ShopFileError:
            conn.close()
            raise
        except sqlite3.Error as exc:
            conn.close()
            raise open_error(exc, path) from exc
        except BaseException:
            conn.close()
            raise
        return cls(path, conn)

    def close(self) -> None:
        """Close the connection; the last one to close folds the write-ahead log into the file,
        so one file is all there is to copy."""
        with contextlib.suppress(sqlite3.Error):
            # PASSIVE never waits for other processes (TRUNCATE would, up to the busy timeout)
            self._conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
        self._conn.close()

    def __enter__(self) -> Shop:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def version(self) -> int:
        """The schema version (PRAGMA user_version)."""
        return int(self._conn.execute("PRAGMA user_version").fetchone()[0])

    # -- writing -------------------------------------------------------------------------------
    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """All writes inside commit together or not at all; nested use joins the outer one."""
        if self._depth:
            self._depth += 1
            try:
                yield self._conn
            finally:
                self._depth -= 1
            return
        self._conn.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield self._conn
        except BaseException:
            if self._conn.in_transaction:  # SQLite may have rolled back itself (a full disk)
                self._conn.execute("ROLLBACK")
            raise
        else:
            self._conn.execute("COMMIT")
        finally:
            self._depth = 0

    def log(self, action: str, details: dict[str, object] | None = None, actor: str = "") -> None:
        """Append a line to the change log (the table refuses updates and deletes)."""
        self._conn.execute(
            "INSERT INTO change_log(at, actor, action, details) VALUES (?, ?, ?, ?)",
            (_now(), actor, action, json.dumps(details or {}, ensure_ascii=False, default=str)),
        )

    @property
    def shop_id(self) -> str:
        """A random id given to the shop when it was made (names its model cache folder)."""
        return meta.get_text(self, meta.Key.SHOP_ID) or "unknown"

    def mark_data_changed(self) -> None:
        """Count a change of sales, calendar, products or settings: stored forecasts are stale."""
        meta.bump(self, meta.Key.DATA_VERSION)

    def data_version(self) -> int:
        """A counter that grows whenever sales, calendar, products or settings change."""
        return meta.get_int(self, meta.Key.DATA_VERSION)

    def mark_plan_changed(self) -> None:
        """Count a change that moves the suggestions but not the forecast (stock counts, service
        levels, prices, packs, delivery days): the forecast is not retrained."""
        meta.bump(self, meta.Key.STOCK_VERSION)

    def plan_version(self) -> int:
        """A counter that grows whenever the suggestions may change (data, stock, order settings)."""
        return self.data_version() + meta.get_int(self, meta.Key.STOCK_VERSION)

    def commit_count(self) -> int:
        """How many commits other connections made since this one opened (PRAGMA data_version):
        a cheap way for the window to notice writes of other programs."""
        return int(self._conn.execute("PRAGMA data_version").fetchone()[0])


def replace_content(source: Path, target: Path) -> None:
    """Make the shop file `target` hold exactly what `source` holds, through SQLite's backup API:
    programs that have `target` open then read the new content, and nothing is half-written."""
    src = connect(Path(source))
    try:
        dst = connect(Path(target))
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
