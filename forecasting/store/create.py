"""Making a new shop file: schema, settings and the first log line in a file nobody else knows yet,
moved into place only when complete."""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterator
from pathlib import Path

from forecasting.errors import ShopFileError
from forecasting.store.file import PART_SUFFIX, Shop, connect, migrate_schema
from forecasting.store.schema import APPLICATION_ID
from forecasting.store.settings import save_settings
from forecasting.values.settings import ShopSettings


def create_shop(path: str | Path, *, name: str, state: str, **settings: object) -> Shop:
    """A new, empty shop file at `path`, open (refuses to overwrite an existing file)."""
    with new_shop_file(path, name=name, state=state, **settings):
        pass
    return Shop.open(path)


def _initialise(path: Path, settings: dict[str, object]) -> Shop:
    """Schema, settings and the first log line in a file nobody else knows yet."""
    shop_settings = ShopSettings(**settings)  # type: ignore[arg-type]
    conn = connect(path, create=True)
    try:
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute("PRAGMA journal_mode = WAL")
        migrate_schema(conn)
    except BaseException:
        conn.close()
        raise
    shop = Shop(path, conn)
    with shop.transaction():
        save_settings(shop, shop_settings)
        shop.log("shop.created", {"name": shop_settings.name, "state": shop_settings.state})
    return shop


@contextlib.contextmanager
def new_shop_file(path: str | Path, *, name: str, state: str, **settings: object
                  ) -> Iterator[Shop]:
    """A new shop file, built under a temporary name beside `path` and moved into place only when
    the block succeeds: a failure or a killed process leaves no shop file at `path`, and a file that
    appeared there meanwhile (another import creating the same shop) is never replaced."""
    path = Path(path)
    if path.exists():
        raise ShopFileError("shop.exists", path=str(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    part = path.with_name(f".{path.name}.{os.getpid()}-{secrets.token_hex(4)}{PART_SUFFIX}")
    shop = _initialise(part, {"name": name, "state": state, **settings})
    try:
        yield shop
    except BaseException:
        shop.close()
        remove_shop_files(part)
        raise
    shop.close()
    try:
        place_new_file(part, path)
    finally:
        remove_shop_files(part)


def place_new_file(part: Path, path: Path) -> None:
    """Give the finished file `part` the name `path`, unless a file of that name exists."""
    try:
        os.link(part, path)  # atomic and never replaces
        return
    except FileExistsError:
        raise ShopFileError("shop.exists", path=str(path)) from None
    except OSError:
        pass  # no hard links here (FAT on a USB stick)
    if os.name == "nt":
        try:
            os.rename(part, path)  # refuses an existing target on Windows
        except FileExistsError:
            raise ShopFileError("shop.exists", path=str(path)) from None
        return
    try:
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY))  # claim the name
    except FileExistsError:
        raise ShopFileError("shop.exists", path=str(path)) from None
    os.replace(part, path)


def remove_shop_files(path: Path) -> None:
    """Delete a shop file that is not in use (one we were building) with its journal files."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
