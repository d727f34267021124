"""Automatic backups of the shop file: written with SQLite's online backup API, checked, kept.

A backup is a complete copy of the shop file in one file (rollback journal, no WAL), taken through
`sqlite3.Connection.backup` from a connection to the live file, never by copying the file: the copy
is consistent while other processes write, and the live file is never opened outside SQLite (on
POSIX, closing any descriptor of a file drops every SQLite lock this process holds on it). A copy is
written under a `.partial` name, checked (`PRAGMA integrity_check`, our application_id, a schema
version this program knows) and only then renamed to its final name, so every backup file with a
final name passed the check when it was written; one that fails is deleted and the failure raised.

Where: `<stem>.backups/` beside `<stem>.bkshop` (a shop on a USB stick keeps its backups with it),
or, if that folder cannot be written, `<user data>/backups/<stem>-<hash of the shop's path>/`. The
name carries the time and the kind: `Laden_2026-11-26_18-05-12_before-import.bkbackup`. A listing
reads each copy with a read-only SQLite connection (about a millisecond each), so there is no index
that could disagree with the files.

Restoring copies the backup into the live file with the backup API as well (safe while other
processes have the file open) after a before-restore backup of the current state. A damaged file is
never deleted: its pages are copied aside (`<name>.damaged-<time>`) before the backup is written
into it, and a file SQLite cannot read at all is renamed aside and the backup put in its place.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import errno
import hashlib
import os
import re
import sqlite3
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from forecasting.errors import ShopFileError, UserError
from forecasting.store.paths import data_dir
from forecasting.store.schema import APPLICATION_ID, CURRENT_VERSION
from forecasting.texts import format_date, format_number, render

if TYPE_CHECKING:
    from forecasting.store.file import Shop

KINDS = ("daily", "before-import", "before-migration", "before-restore", "manual")
# How many of each kind are kept (the newest); manual backups are the owner's and never pruned.
KEEP: dict[str, int] = {"daily": 7, "before-import": 5, "before-migration": 5, "before-restore": 5}
SUFFIX = ".bkbackup"
PATIENCE_SECONDS = 30.0  # how long a backup or restore waits for another program's write
_STAMP = "%Y-%m-%d_%H-%M-%S"
_NAME = re.compile(
    r"^(?P<stem>.*)_(?P<stamp>\d{4}-\d{2}-\d{2}_\d{2}-\d{2}-\d{2})(?:-(?P<n>\d+))?"
    r"_(?P<kind>[a-z-]+)\.bkbackup$"
)
_STALE_PARTIAL = dt.timedelta(hours=1)


# -- what a backup is --------------------------------------------------------------------------
@dataclasses.dataclass(frozen=True)
class Backup:
    """One backup file and what it holds (read from the file itself)."""

    path: Path
    kind: str  # one of KINDS, or "file" for a shop file given by path
    taken: dt.datetime
    size: int = 0
    version: int | None = None
    sales_rows: int | None = None
    decisions: int | None = None
    last_sale: dt.date | None = None
    problem: str | None = None  # a backup.detail.* code when the copy is not usable now

    @property
    def ok(self) -> bool:
        """Readable, ours and of a version this program knows (and checked when written)."""
        return self.problem is None

    def when(self, lang: str = "de") -> str:
        """26.11.2026 18:05 (German) or 2026-11-26 18:05 (English)."""
        return f"{format_date(self.taken.date(), lang)} {self.taken:%H:%M}"

    def kind_text(self, lang: str = "de") -> str:
        """The kind in words ("vor Import")."""
        return render(f"backup.kind.{self.kind}", lang)

    def summary(self, lang: str = "de") -> str:
        """What it holds: sales rows up to the last sale, decisions; or why it is not usable."""
        if self.problem is not None:
            return render(self.problem, lang)
        if self.sales_rows is None:
            return ""
        code = "backup.summary" if self.last_sale else "backup.summary_no_sales"
        return render(code, lang, sales=format_number(self.sales_rows, lang),
                      last=format_date(self.last_sale, lang) if self.last_sale else "",
                      decisions=format_number(self.decisions or 0, lang))

    def size_text(self, lang: str = "de") -> str:
        """The file size in MB with one decimal."""
        return f"{format_number(self.size / 1e6, lang, decimals=1)} MB"


@dataclasses.dataclass(frozen=True)
class Restored:
    """The outcome of a restore."""

    backup: Backup  # what was restored
    before: Backup | None  # the before-restore copy of what it replaced (None: nothing readable)
    aside: Path | None  # where the damaged file was kept

    def message(self, lang: str = "de") -> str:
        """What was restored and where the replaced state is, in words."""
        lines = [render("backup.restored", lang, when=self.backup.when(lang),
                        kind=self.backup.kind_text(lang), summary=self.backup.summary(lang))]
        if self.before is not None:
            lines.append(render("backup.restored_before", lang, path=str(self.before.path)))
        if self.aside is not None:
            lines.append(render("backup.restored_aside", lang, path=str(self.aside)))
        return "\n".join(lines)


class BackupError(UserError):
    """A backup could not be written, read or restored; the message says what was changed."""

    def message(self, lang: str = "de") -> str:
        """The message, with a `detail` code (backup.detail.*) put in words too."""
        params = dict(self.params)
        if str(params.get("detail", "")).startswith("backup.detail."):
            params["detail"] = render(str(params["detail"]), lang)
        return render(self.code, lang, **params)


class ShopDamagedError(ShopFileError):
    """The shop file is damaged; names the newest good backup and how to restore it."""

    def __init__(self, path: Path, detail: str, offer: tuple[int, Backup] | None,
                 *, while_backing_up: bool = False) -> None:
        self.path = Path(path)
        self.detail = detail
        self.offer = offer
        self.while_backing_up = while_backing_up
        super().__init__("backup.damaged", path=str(path))

    def message(self, lang: str = "de") -> str:
        """The damage in plain words, then the newest good backup and the restore command."""
        lines = [render("backup.damaged", lang, path=str(self.path),
                        detail=render(self.detail, lang))]
        if self.while_backing_up:
            lines.append(render("backup.damaged_during_backup", lang))
        if self.offer is None:
            lines.append(render("backup.damaged_no_backup", lang))
        else:
            number, backup = self.offer
            lines.append(render("backup.damaged_offer", lang, when=backup.when(lang),
                                kind=backup.kind_text(lang), summary=backup.summary(lang)))
            lines.append(f'  bestellkompass --shop "{self.path}" backup restore {number}')
            lines.append(render("backup.damaged_kept", lang))
        return "\n".join(lines)


# -- where backups go --------------------------------------------------------------------------
def folders(shop_path: str | Path) -> list[Path]:
    """Where the backups of a shop go: beside it first, else a per-shop folder in the user data
    folder (both are listed)."""
    shop_path = Path(shop_path).resolve()
    beside = shop_path.with_name(f"{shop_path.stem}.backups")
    key = hashlib.sha256(str(shop_path).encode("utf-8")).hexdigest()[:10]
    return [beside, data_dir() / "backups" / f"{shop_path.stem}-{key}"]


def _parse(name: str) -> tuple[str, dt.datetime, int] | None:
    match = _NAME.match(name)
    if match is None or match["kind"] not in KINDS:
        return None
    return match["kind"], dt.datetime.strptime(match["stamp"], _STAMP), int(match["n"] or 1)


def _entries(shop_path: str | Path) -> list[tuple[dt.datetime, int, str, Path]]:
    """(taken, counter, kind, path) of every backup file of the shop, newest first (names only)."""
    found = []
    for folder in folders(shop_path):
        with contextlib.suppress(OSError):
            for path in folder.iterdir():
                parsed = _parse(path.name)
                if parsed is not None:
                    kind, taken, n = parsed
                    found.append((taken, n, kind, path))
    found.sort(key=lambda e: (e[0], e[1], e[3].name), reverse=True)
    return found


def list_backups(shop_path: str | Path, *, full: bool = False) -> list[Backup]:
    """The shop's backups, newest first; `full` runs integrity_check on each (slower)."""
    return [inspect(path, kind=kind, taken=taken, full=full)
            for taken, _n, kind, path in _entries(shop_path)]


# -- reading and checking a copy ---------------------------------------------------------------
def _read_only(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None)
    conn.execute("PRAGMA busy_timeout = 5000")
    return conn


def _connect(path: Path) -> sqlite3.Connection:
    """A connection to a live shop file (waits for other writers like the Shop connection)."""
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA busy_timeout = 5000")
    return conn


def is_damage(exc: BaseException | None) -> bool:
    """Whether an SQLite error (or the one it came from, as pandas wraps them) says the file is
    damaged, not merely busy or read-only."""
    seen = 0
    while exc is not None and seen < 10:
        name = getattr(exc, "sqlite_errorname", "") or ""
        if isinstance(exc, sqlite3.DatabaseError) and (
                name.startswith("SQLITE_CORRUPT") or name == "SQLITE_NOTADB"):
            return True
        exc, seen = exc.__cause__ or exc.__context__, seen + 1
    return False


def _detail(exc: sqlite3.DatabaseError) -> str:
    if getattr(exc, "sqlite_errorname", "") == "SQLITE_NOTADB":
        return "backup.detail.unreadable"
    if is_damage(exc):
        return "backup.detail.malformed"
    raise exc


def _integrity(conn: sqlite3.Connection) -> str | None:
    """None if PRAGMA integrity_check says ok, else a backup.detail.* code."""
    try:
        rows = conn.execute("PRAGMA integrity_check").fetchall()
    except sqlite3.DatabaseError as exc:
        return _detail(exc)
    return None if [tuple(r) for r in rows] == [("ok",)] else "backup.detail.malformed"


def _contents(conn: sqlite3.Connection, full: bool) -> dict[str, object]:
    """Version and counts of a shop file, or the problem that makes it unusable."""
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if app_id != APPLICATION_ID:
        return {"problem": "backup.detail.foreign"}
    if version > CURRENT_VERSION:
        return {"version": version, "problem": "backup.detail.newer"}
    problem = _integrity(conn) if full else None
    if problem is not None:
        return {"version": version, "problem": problem}
    out: dict[str, object] = {"version": version, "sales_rows": 0, "decisions": 0}
    if version >= 1:
        out["sales_rows"] = conn.execute("SELECT COUNT(*) FROM sales").fetchone()[0]
        out["decisions"] = conn.execute("SELECT COUNT(*) FROM order_decisions").fetchone()[0]
        last = conn.execute("SELECT MAX(date) FROM sales").fetchone()[0]
        out["last_sale"] = dt.date.fromisoformat(last) if last else None
    return out


def inspect(path: str | Path, *, kind: str | None = None, taken: dt.datetime | None = None,
            full: bool = True) -> Backup:
    """A backup file (or any shop file) read without changing it; `full` runs integrity_check."""
    path = Path(path)
    parsed = _parse(path.name)
    if kind is None or taken is None:
        kind, taken = (parsed[0], parsed[1]) if parsed else (
            "file", dt.datetime.fromtimestamp(path.stat().st_mtime).replace(microsecond=0))
    try:
        size = path.stat().st_size
    except OSError:
        return Backup(path, kind, taken, problem="backup.detail.missing")
    try:
        conn = _read_only(path)
    except sqlite3.Error:
        return Backup(path, kind, taken, size, problem="backup.detail.unreadable")
    try:
        facts = _contents(conn, full)
    except sqlite3.DatabaseError as exc:
        try:
            facts = {"problem": _detail(exc)}
        except sqlite3.DatabaseError:
            facts = {"problem": "backup.detail.unreadable"}
    finally:
        conn.close()
    return Backup(path, kind, taken, size, **facts)  # type: ignore[arg-type]


# -- writing a backup --------------------------------------------------------------------------
def _patience(seconds: float) -> Callable[[int, int, int], None]:
    """A backup progress callback that gives up when another program keeps the file locked."""
    deadline = time.monotonic() + seconds

    def progress(status: int, _remaining: int, _total: int) -> None:
        if status in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) and time.monotonic() > deadline:
            raise BackupError("backup.busy")

    return progress


def _free_name(folder: Path, shop_path: Path, kind: str, taken: dt.datetime) -> Path:
    """A name for a backup taken at `taken`; a second one in the same second (of any kind) gets
    -2, -3, ... so that the names keep the order they were taken in."""
    stamp = taken.strftime(_STAMP)
    for n in range(1, 1000):
        suffix = "" if n == 1 else f"-{n}"
        if not any(folder.glob(f"*_{stamp}{suffix}_*")):
            return folder / f"{shop_path.stem}_{stamp}{suffix}_{kind}{SUFFIX}"
    raise BackupError("backup.write_failed", folder=str(folder), reason="1000 names taken")


def _clear_stale_partials(folder: Path) -> None:
    """Remove .partial files a killed backup left (older than an hour: not one being written)."""
    now = dt.datetime.now()
    for path in folder.glob(f"*{SUFFIX}.partial"):
        with contextlib.suppress(OSError):
            if now - dt.datetime.fromtimestamp(path.stat().st_mtime) > _STALE_PARTIAL:
                path.unlink()


def _copy(source: sqlite3.Connection, target: Path, journal: str) -> None:
    """Copy a whole database into a new file with the backup API."""
    dest = sqlite3.connect(target, isolation_level=None)
    try:
        source.backup(dest, progress=_patience(PATIENCE_SECONDS))
        dest.execute(f"PRAGMA journal_mode = {journal}")
    finally:
        dest.close()


def _reason(exc: BaseException) -> str:
    full = getattr(exc, "errno", None) == errno.ENOSPC or "disk is full" in str(exc)
    return "disk full" if full else (str(exc) or type(exc).__name__)


def _write_partial(source: sqlite3.Connection, folder: Path, shop_path: Path, kind: str,
                   taken: dt.datetime) -> tuple[Path, Path]:
    """Copy the shop into `folder` as `<target>.partial`; (target, partial). OSError or
    sqlite3.OperationalError: the folder cannot be written (read-only, full)."""
    folder.mkdir(parents=True, exist_ok=True)
    _clear_stale_partials(folder)
    target = _free_name(folder, shop_path, kind, taken)
    partial = target.with_name(target.name + ".partial")
    try:
        _copy(source, partial, "DELETE")
    except BaseException:
        _remove(partial)
        raise
    return target, partial


def create(shop_path: str | Path, kind: str, *, source: sqlite3.Connection | None = None,
           now: dt.datetime | None = None, prune_old: bool = True) -> Backup:
    """Back up the shop file now (from `source`, a connection to it, else a new one), check the
    copy and keep it; raises ShopDamagedError if the copy fails the check (it is deleted)."""
    if kind not in KINDS:
        raise ValueError(kind)
    if source is not None and source.in_transaction:
        raise RuntimeError("a backup is taken outside a transaction")
    shop_path = Path(shop_path)
    taken = (now or dt.datetime.now()).replace(microsecond=0)
    if source is None and not shop_path.is_file():
        raise ShopFileError("shop.not_found", path=str(shop_path))
    conn = source or _connect(shop_path)
    failures: list[str] = []
    try:
        for folder in folders(shop_path):
            try:
                target, partial = _write_partial(conn, folder, shop_path, kind, taken)
            except (OSError, sqlite3.OperationalError) as exc:
                failures.append(f"{folder}: {_reason(exc)}")  # cannot write there: the next
                continue
            except sqlite3.DatabaseError as exc:
                if not is_damage(exc):
                    raise
                raise ShopDamagedError(shop_path, _detail(exc), newest_good(shop_path),
                                       while_backing_up=True) from exc
            backup = inspect(partial, kind=kind, taken=taken, full=True)
            if not backup.ok:
                _remove(partial)
                raise ShopDamagedError(shop_path, backup.problem or "backup.detail.malformed",
                                       newest_good(shop_path), while_backing_up=True)
            os.replace(partial, target)
            if prune_old:
                prune(shop_path, kind)
            return dataclasses.replace(backup, path=target)
    finally:
        if source is None:
            conn.close()
    raise BackupError("backup.write_failed", folder=str(folders(shop_path)[0]),
                      reason="; ".join(failures))


def _remove(path: Path | None) -> None:
    if path is not None:
        with contextlib.suppress(OSError):
            path.unlink()


def prune(shop_path: str | Path, kind: str, keep: int | None = None) -> list[Path]:
    """Delete the oldest backups of `kind` beyond `keep` (default KEEP[kind]); returns them."""
    keep = KEEP.get(kind) if keep is None else keep
    if keep is None:
        return []
    same = [path for _t, _n, k, path in _entries(shop_path) if k == kind]
    removed = []
    for path in same[keep:]:
        with contextlib.suppress(OSError):  # Windows: another program is reading it; next time
            path.unlink()
            removed.append(path)
    return removed


def ensure_daily(shop_path: str | Path, *, now: dt.datetime | None = None) -> Backup | None:
    """The day's backup when the app opens a shop: taken unless there is one from today."""
    now = now or dt.datetime.now()
    if any(kind == "daily" and taken.date() == now.date()
           for taken, _n, kind, _p in _entries(shop_path)):
        return None
    return create(shop_path, "daily", now=now)


def _has_data(conn: sqlite3.Connection) -> bool:
    row = conn.execute(
        "SELECT EXISTS(SELECT 1 FROM products) OR EXISTS(SELECT 1 FROM events)"
    ).fetchone()
    return bool(row[0])


@contextlib.contextmanager
def before_import(shop: Shop, *, now: dt.datetime | None = None) -> Iterator[Backup | None]:
    """A before-import backup around an import that writes in one transaction: kept (and the
    oldest pruned) when the import went through; deleted when it failed, as nothing changed.
    A new shop without products or events has nothing to lose and is not backed up."""
    if not _has_data(shop._conn):
        yield None
        return
    backup = create(shop.path, "before-import", source=shop._conn, now=now, prune_old=False)
    try:
        yield backup
    except BaseException:
        _remove(backup.path)
        raise
    prune(shop.path, "before-import")


# -- damage ------------------------------------------------------------------------------------
def shop_state(path: str | Path) -> tuple[str, str]:
    """(state, detail code) of a live shop file, read through SQLite only: "ok", "missing",
    "foreign" (an SQLite file that is not ours), "damaged" (SQLite reads the header, the content is
    broken) or "unreadable" (not a database at all, or empty)."""
    path = Path(path)
    if not path.exists():
        return "missing", "backup.detail.missing"
    conn = _connect(path)
    try:
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            pages = conn.execute("PRAGMA page_count").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            return ("unreadable" if _detail(exc) == "backup.detail.unreadable" else "damaged",
                    _detail(exc))
        if pages == 0:
            return "unreadable", "backup.detail.unreadable"
        if app_id != APPLICATION_ID:
            return "foreign", "backup.detail.foreign"
        problem = _integrity(conn)
        return ("ok", "") if problem is None else ("damaged", problem)
    finally:
        conn.close()


def newest_good(shop_path: str | Path) -> tuple[int, Backup] | None:
    """(number in the list, backup) of the newest backup that passes integrity_check now."""
    for number, (taken, _n, kind, path) in enumerate(_entries(shop_path), start=1):
        backup = inspect(path, kind=kind, taken=taken, full=True)
        if backup.ok:
            return number, backup
    return None


def diagnose(shop_path: str | Path, exc: BaseException) -> ShopDamagedError | None:
    """If `exc` (from opening or reading the shop) comes from a damaged file, the error that says
    so and offers the newest good backup; None when the file is fine or simply not a shop file."""
    if isinstance(exc, ShopDamagedError):
        return exc
    not_a_shop = isinstance(exc, ShopFileError) and exc.code == "shop.not_a_shop"
    if not (not_a_shop or is_damage(exc)):
        return None
    shop_path = Path(shop_path)
    try:
        state, detail = shop_state(shop_path)
    except sqlite3.Error:
        return None
    if state == "damaged" or (state == "unreadable" and _entries(shop_path)):
        return ShopDamagedError(shop_path, detail, newest_good(shop_path))
    return None


# -- restoring ---------------------------------------------------------------------------------
def resolve(shop_path: str | Path, ref: str) -> Backup:
    """The backup `ref` names: its number in `list_backups` (1 = newest) or a file path."""
    entries = _entries(shop_path)
    if ref.strip().isdigit():
        number = int(ref)
        if 1 <= number <= len(entries):
            taken, _n, kind, path = entries[number - 1]
            return inspect(path, kind=kind, taken=taken, full=False)
    elif Path(ref).is_file():
        return inspect(Path(ref), full=False)
    raise BackupError("backup.unknown", value=ref, count=len(entries))


def _aside_name(shop_path: Path, taken: dt.datetime) -> Path:
    stamp = taken.strftime(_STAMP)
    for n in range(1, 1000):
        path = shop_path.with_name(f"{shop_path.name}.damaged-{stamp}{'' if n == 1 else f'-{n}'}")
        if not any(Path(f"{path}{s}").exists() for s in ("", "-wal", "-shm")):
            return path
    raise BackupError("backup.write_failed", folder=str(shop_path.parent), reason="names taken")


def _move_aside(shop_path: Path, taken: dt.datetime) -> Path | None:
    """Rename the file and its -wal/-shm aside (they belong together); None if there is none."""
    aside = _aside_name(shop_path, taken)
    moved = None
    for suffix in ("", "-wal", "-shm"):
        old = Path(f"{shop_path}{suffix}")
        if old.exists():
            old.rename(f"{aside}{suffix}")
            moved = aside
    return moved


def _copy_into(backup_path: Path, shop_path: Path) -> None:
    """Write the backup into the live file through SQLite (other connections stay valid)."""
    source = _read_only(backup_path)
    dest = _connect(shop_path)
    try:
        source.backup(dest, progress=_patience(PATIENCE_SECONDS))
    finally:
        dest.close()
        source.close()


def _put_in_place(backup_path: Path, shop_path: Path) -> None:
    """Build the shop file from the backup under a temporary name beside it, then rename."""
    building = shop_path.with_name(f"{shop_path.name}.restoring-{os.getpid()}")
    _remove(building)
    source = _read_only(backup_path)
    try:
        _copy(source, building, "WAL")
    except BaseException:
        _remove(building)
        raise
    finally:
        source.close()
    os.replace(building, shop_path)


def restore(shop_path: str | Path, backup: Backup | str | Path, *,
            now: dt.datetime | None = None) -> Restored:
    """Replace the shop's content with a backup: a before-restore backup first, then the backup
    API into the live file. A damaged file is kept aside, never deleted (see the module doc)."""
    shop_path = Path(shop_path)
    taken = (now or dt.datetime.now()).replace(microsecond=0)
    chosen = backup if isinstance(backup, Backup) else inspect(Path(backup), full=False)
    checked = inspect(chosen.path, kind=chosen.kind, taken=chosen.taken, full=True)
    if not checked.ok:
        raise BackupError("backup.unusable", path=str(chosen.path), detail=checked.problem)
    if checked.path.resolve() == shop_path.resolve():
        raise BackupError("backup.unusable", path=str(chosen.path), detail="backup.detail.itself")
    state, _detail_code = shop_state(shop_path)
    if state == "foreign":
        raise BackupError("backup.target_foreign", path=str(shop_path))
    before = aside = None
    if state == "ok":
        # not pruned before the copy: the chosen backup may be the oldest before-restore one
        before = create(shop_path, "before-restore", now=taken, prune_old=False)
        _copy_into(checked.path, shop_path)
    elif state == "damaged":
        aside = _aside_name(shop_path, taken)
        try:
            with contextlib.closing(_connect(shop_path)) as damaged:
                _copy(damaged, aside, "DELETE")  # the damaged pages, as they are
            _copy_into(checked.path, shop_path)
        except sqlite3.DatabaseError:
            _remove(aside)
            aside = _move_aside(shop_path, taken)
            _put_in_place(checked.path, shop_path)
    else:  # unreadable or missing: no SQLite connection can be using it
        aside = _move_aside(shop_path, taken)
        _put_in_place(checked.path, shop_path)
    after, detail = shop_state(shop_path)
    if after != "ok":
        raise BackupError("backup.restore_failed", path=str(shop_path), detail=detail,
                          before=str(before.path if before else aside or ""))
    prune(shop_path, "before-restore")
    return Restored(checked, before, aside)  # an older backup migrates when the shop is opened
