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

from forecasting import backups
from forecasting.errors import ShopFileError
from forecasting.shop_schema import APPLICATION_ID, CURRENT_VERSION, MIGRATIONS

SQLITE_MAGIC = b"SQLite format 3\x00"


def _now() -> str:
    return dt.datetime.now().isoformat(timespec="seconds")


def default_shop_path() -> Path:
    """Where the app keeps the shop file when no --shop is given (the user's data directory)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("Bestellkompass", appauthor=False)) / "shop.bkshop"


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 5000")
    return conn


def _probe(path: Path) -> int:
    """The schema version of an existing shop file, read without changing it; raises if not a shop."""
    with open(path, "rb") as fh:
        head = fh.read(100)
    if len(head) < 100 or not head.startswith(SQLITE_MAGIC):
        raise ShopFileError("shop.not_a_shop", path=str(path))
    # Header fields at fixed offsets: user_version at 60, application_id at 68 (big-endian).
    user_version = int.from_bytes(head[60:64], "big")
    application_id = int.from_bytes(head[68:72], "big")
    if application_id != APPLICATION_ID:
        raise ShopFileError("shop.not_a_shop", path=str(path))
    if user_version > CURRENT_VERSION:
        raise ShopFileError(
            "shop.newer_version", path=str(path), found=user_version, supported=CURRENT_VERSION
        )
    return user_version


def _migrate(conn: sqlite3.Connection, target: int = CURRENT_VERSION) -> None:
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
    """An open shop file. Use `Shop.open` or `Shop.create`; close it (or use `with`)."""

    def __init__(self, path: Path, conn: sqlite3.Connection) -> None:
        self.path = path
        self.conn = conn
        self._depth = 0

    # -- opening -------------------------------------------------------------------------------
    @classmethod
    def create(
        cls,
        path: str | Path,
        *,
        name: str,
        state: str,
        **settings: object,
    ) -> Shop:
        """A new, empty shop file at `path` (refuses to overwrite an existing file)."""
        from forecasting.shop_settings import ShopSettings, save_settings

        path = Path(path)
        if path.exists():
            raise ShopFileError("shop.exists", path=str(path))
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = _connect(path)
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute("PRAGMA journal_mode = WAL")
        _migrate(conn)
        shop = cls(path, conn)
        with shop.transaction():
            save_settings(shop, ShopSettings(name=name, state=state, **settings))  # type: ignore[arg-type]
            shop.log("shop.created", {"name": name, "state": state})
        return shop

    @classmethod
    def open(cls, path: str | Path, *, migrate: bool = True) -> Shop:
        """Open an existing shop file, migrating it forward; foreign or newer files are refused."""
        path = Path(path)
        if not path.is_file():
            raise ShopFileError("shop.not_found", path=str(path))
        version = _probe(path)
        conn = _connect(path)
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            if migrate and version < CURRENT_VERSION:
                backups.create(path, "before-migration", source=conn)  # checked copy first
                _migrate(conn)
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise ShopFileError("shop.not_a_shop", path=str(path)) from exc
        except BaseException:
            conn.close()
            raise
        return cls(path, conn)

    def close(self) -> None:
        """Fold the write-ahead log back into the file, so one file is all there is to copy."""
        with contextlib.suppress(sqlite3.Error):
            self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self.conn.close()

    def __enter__(self) -> Shop:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def version(self) -> int:
        """The schema version (PRAGMA user_version)."""
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    # -- writing -------------------------------------------------------------------------------
    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """All writes inside commit together or not at all; nested use joins the outer one."""
        if self._depth:
            self._depth += 1
            try:
                yield self.conn
            finally:
                self._depth -= 1
            return
        self.conn.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")
        finally:
            self._depth = 0

    def log(self, action: str, details: dict[str, object] | None = None, actor: str = "") -> None:
        """Append a line to the change log (the table refuses updates and deletes)."""
        self.conn.execute(
            "INSERT INTO change_log(at, actor, action, details) VALUES (?, ?, ?, ?)",
            (_now(), actor, action, json.dumps(details or {}, ensure_ascii=False, default=str)),
        )

    def mark_data_changed(self) -> None:
        """Count a change of sales or calendar data, so stored suggestions know they are stale."""
        with self.transaction():
            self.conn.execute(
                "UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'data_version'"
            )

    def data_version(self) -> int:
        """A counter that grows whenever sales or calendar data change."""
        row = self.conn.execute("SELECT value FROM meta WHERE key = 'data_version'").fetchone()
        return int(row[0]) if row else 0

    def mark_stock_changed(self) -> None:
        """Count a change of stock counts: suggestions of goods that keep are stale, the forecast
        is not (so it is not retrained)."""
        with self.transaction():
            self.conn.execute(
                """INSERT INTO meta(key, value) VALUES ('stock_version', '1') ON CONFLICT(key)
                   DO UPDATE SET value = CAST(value AS INTEGER) + 1"""
            )

    def plan_version(self) -> int:
        """A counter that grows whenever the suggestions may change (data or stock counts)."""
        row = self.conn.execute("SELECT value FROM meta WHERE key = 'stock_version'").fetchone()
        return self.data_version() + (int(row[0]) if row else 0)
