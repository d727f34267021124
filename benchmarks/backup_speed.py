"""How long a backup and a restore of a shop file take, and how large a backup is.

Generates the demo bakery (three years of sales, end 26.11.2026) into a temporary directory, or
uses --shop, and times on a copy of it (median of --repeat runs): the backup API copy plus its
integrity_check (`backups.create`), listing the backups, and a restore (which first takes a
before-restore backup and checks the file before and after). Nothing outside the temporary
directory is touched (the user data folder is pointed there too).

    .venv/bin/python benchmarks/backup_speed.py [--shop PATH] [--repeat 5]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path


def _timed(fn: object, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def _copy_only(shop: Path, target: Path) -> None:
    target.unlink(missing_ok=True)
    source, dest = sqlite3.connect(shop), sqlite3.connect(target)
    source.backup(dest)
    dest.close()
    source.close()


def _check_only(shop: Path) -> None:
    conn = sqlite3.connect(shop)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def main() -> int:
    """Print size and timings."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shop", type=Path, help="shop file to measure (default: demo bakery)")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bk-backup-bench-"))
    os.environ["XDG_DATA_HOME"] = str(work / "userdata")
    try:
        from forecasting import backups
        from forecasting.demo.generate import write_demo_shop

        shop = work / "shop.bkshop"
        if args.shop:
            shutil.copy(args.shop, shop)
        else:
            write_demo_shop("bakery", dt.date(2026, 11, 26), shop)
        copy_s, _ = _timed(lambda: _copy_only(shop, work / "copy.db"), args.repeat)
        check_s, _ = _timed(lambda: _check_only(shop), args.repeat)
        create_s, made = _timed(lambda: backups.create(shop, "manual"), args.repeat)
        list_s, listed = _timed(lambda: backups.list_backups(shop), args.repeat)
        restore_s, _ = _timed(lambda: backups.restore(shop, made), args.repeat)
        print(f"shop file            {shop.stat().st_size / 1e6:8.2f} MB "
              f"({made.sales_rows:,} sales rows, {made.decisions:,} decisions)")
        print(f"backup file          {made.size / 1e6:8.2f} MB")
        print(f"backup API copy      {copy_s * 1000:8.0f} ms  (median of {args.repeat})")
        print(f"integrity_check      {check_s * 1000:8.0f} ms")
        print(f"create (copy+check)  {create_s * 1000:8.0f} ms")
        print(f"list {len(listed):2d} backups      {list_s * 1000:8.1f} ms")
        print(f"restore (all steps)  {restore_s * 1000:8.0f} ms")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
