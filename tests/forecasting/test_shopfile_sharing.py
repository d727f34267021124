"""The shop file shared by several connections and processes: no lost locks, no lost writes, no
half-made shops (issue 14, findings 1, 3 and 7)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from forecasting.errors import ShopFileError
from forecasting.store.create import create_shop, new_shop_file
from forecasting.store.file import Shop
from forecasting.store.products import load_products, save_product
from forecasting.values.products import Product

REPO = Path(__file__).resolve().parents[2]

COUNT_IN_OTHER_PROCESS = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
print(conn.execute("SELECT count(*) FROM products").fetchone()[0],
      conn.execute("PRAGMA integrity_check").fetchone()[0])
conn.close()
"""


def _seen_by_other_process(path: Path) -> tuple[int, str]:
    """(products, integrity) as a fresh process sees them (it opens and closes the file)."""
    out = subprocess.run([sys.executable, "-c", COUNT_IN_OTHER_PROCESS, str(path)],
                         capture_output=True, text=True, check=True).stdout.split()
    return int(out[0]), out[1]


def test_opening_the_file_again_keeps_the_first_connections_locks(tmp_path: Path) -> None:
    """The app keeps one connection open and opens another for every job. Opening must not drop
    the first connection's locks, or the next process to close deletes the write-ahead log under
    it and its writes vanish (this failed when Shop.open read the header with open()/close())."""
    path = tmp_path / "laden.bkshop"
    app = create_shop(path, name="Laden", state="NW")
    app._conn.execute("PRAGMA wal_autocheckpoint = 0")  # keep the writes in the WAL
    save_product(app, Product(name="Brötchen"))
    with Shop.open(path) as job:  # a worker job in the same process
        assert [p.name for p in load_products(job)] == ["Brötchen"]
    assert _seen_by_other_process(path) == (1, "ok")
    save_product(app, Product(name="Brezel"))
    save_product(app, Product(name="Croissant"))
    assert Path(f"{path}-wal").exists(), "the WAL was deleted while the app had the file open"
    assert _seen_by_other_process(path) == (3, "ok")
    app.close()
    assert _seen_by_other_process(path) == (3, "ok")


def test_a_new_shop_appears_only_when_complete(tmp_path: Path) -> None:
    path = tmp_path / "neu.bkshop"
    with new_shop_file(path, name="Neu", state="SH") as shop:
        save_product(shop, Product(name="Brötchen"))
        assert not path.exists()
    with Shop.open(path) as shop:
        assert [p.name for p in load_products(shop)] == ["Brötchen"]
    assert [p.name for p in tmp_path.iterdir()] == ["neu.bkshop"]


def test_a_failed_new_shop_leaves_nothing(tmp_path: Path) -> None:
    path = tmp_path / "neu.bkshop"

    def refused_import() -> None:
        with new_shop_file(path, name="Neu", state="SH") as shop:
            save_product(shop, Product(name="Brötchen"))
            raise RuntimeError("import refused")

    with pytest.raises(RuntimeError):
        refused_import()
    assert list(tmp_path.iterdir()) == []


def test_a_shop_made_meanwhile_by_another_program_is_never_replaced(tmp_path: Path) -> None:
    path = tmp_path / "neu.bkshop"

    def slower_import() -> None:
        with new_shop_file(path, name="B", state="SH") as loser:
            save_product(loser, Product(name="Brezel"))
            with create_shop(path, name="A", state="SH") as winner:  # the other one finished first
                save_product(winner, Product(name="Brötchen"))

    with pytest.raises(ShopFileError) as refused:
        slower_import()
    assert refused.value.code == "shop.exists"
    with Shop.open(path) as shop:
        assert [p.name for p in load_products(shop)] == ["Brötchen"]
    assert [p.name for p in tmp_path.iterdir()] == ["neu.bkshop"]


def _sales_csv(path: Path, days: int = 400) -> Path:
    lines = ["Datum;Artikel;Menge"]
    for i in range(days):
        day = f"{1 + i % 28:02d}.{1 + (i // 28) % 12:02d}.{2022 + i // 336}"
        lines.append(f"{day};Brötchen;{100 + i % 7}")
        lines.append(f"{day};Brezel;{40 + i % 5}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _import_command(source: Path, shop: Path) -> list[str]:
    return [sys.executable, "-m", "app", "import", str(source), "--shop", str(shop),
            "--state", "SH"]


@pytest.mark.slow
def test_two_imports_creating_the_same_shop_keep_the_winners_file(tmp_path: Path) -> None:
    """Both start before either has created the file; the loser must not delete the winner's."""
    source = _sales_csv(tmp_path / "umsatz.csv")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    for run in range(4):
        shop = tmp_path / f"laden{run}.bkshop"
        procs = [subprocess.Popen(_import_command(source, shop), cwd=REPO, env=env,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for _ in range(2)]
        codes = [p.wait(timeout=120) for p in procs]
        assert 0 in codes, [p.stderr.read() for p in procs if p.stderr]
        assert shop.exists(), f"run {run}: exit codes {codes} but the shop file is gone"
        conn = sqlite3.connect(shop)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM sales").fetchone()[0] > 0
        conn.close()
        for p in procs:
            for stream in (p.stdout, p.stderr):
                if stream:
                    stream.close()
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")]
    assert leftovers == []
