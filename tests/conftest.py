"""Session-wide test setup: Qt renders offscreen, and no test may reach the network."""

from __future__ import annotations

import os
import shutil
import socket
import sys
import tempfile
from pathlib import Path

import pytest

from forecasting.store.create import create_shop
from tests.shared_data import datasets_dir, require_datasets

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# trained models are cached per user (forecasting/models/persist.py): tests keep theirs apart
os.environ["BESTELLKOMPASS_CACHE_DIR"] = tempfile.mkdtemp(prefix="bk-cache-")
# log files (app/logfile.py) of the commands and windows the tests run, never in the user's folder
os.environ["BESTELLKOMPASS_LOG_DIR"] = tempfile.mkdtemp(prefix="bk-logs-")
_TEMP_DIRS = (os.environ["BESTELLKOMPASS_CACHE_DIR"], os.environ["BESTELLKOMPASS_LOG_DIR"])
_EXIT_STATUS: list[int] = []


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Keep the run's exit status for `pytest_unconfigure`."""
    _EXIT_STATUS.append(int(exitstatus))


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config: pytest.Config) -> None:
    """End the test process once pytest has reported, with the run's own exit status.

    PySide6 can crash while the interpreter tears down the Qt objects of a long GUI test session
    ("QObject: shared QObject was deleted directly", then SIGSEGV, exit 139) after every test
    passed (PYSIDE-2254; it comes and goes with unrelated changes: four app test files together
    reproduce it here). The program's own runs (window, selftest, commands in their own processes,
    all tested) were not seen to meet it; a passing run must not end as a crash.
    """
    for folder in _TEMP_DIRS:
        shutil.rmtree(folder, ignore_errors=True)
    if _EXIT_STATUS and "PySide6.QtCore" in sys.modules:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(_EXIT_STATUS[-1])

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED_DATASETS = datasets_dir()


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Refuse connections to anything but this machine, so an accidental download fails loudly."""
    real_connect = socket.socket.connect

    def guarded(self: socket.socket, address: object) -> object:
        host = address[0] if isinstance(address, tuple) else str(address)
        if isinstance(host, str) and not (
            host.startswith("127.") or host in ("localhost", "::1") or self.family == socket.AF_UNIX
        ):
            raise OSError(f"tests must not use the network (tried {address!r})")
        return real_connect(self, address)  # type: ignore[arg-type]

    monkeypatch.setattr(socket.socket, "connect", guarded)


@pytest.fixture
def shared_datasets() -> Path:
    """../shared/datasets next to the repository, or $BESTELLKOMPASS_DATASETS (read-only);
    skipped with where it looked when it is not there (tests/shared_data.py)."""
    return require_datasets()


@pytest.fixture
def review_shop_path(tmp_path: Path) -> Path:
    """A tiny shop for the Rückblick (forecasting/review.py), built without training.

    Brötchen (sales rows 02.-06.11.2026, decision without sales on 07.11.2026):
      02.11. accepted   S 50, F 50, sold 45, made 50, left 5
      03.11. "weather"  S 50, F 40, sold 38, made 40, left 2  -> owner closer, 10 fewer left
      04.11. "event"    S 50, F 70, sold 52, made 70, left 18 -> suggestion closer, 18 more left,
                                                                 one sell-out day fewer
      05.11. "promotion" S 50, F 60, sold 60 sold out 11:30  -> owner closer (mid 55 < 60)
      06.11. "supplier_limit" S 60, F 40, sold 40 = made, left 0 (sold out) -> open
      07.11. "event"    S 50, F 55, no sales yet
    Brezel: 02.11. accepted S 20, F 20, sold 20 = made, left 0 (sold out).
    """
    import datetime as dt

    import pandas as pd

    from forecasting.store.decisions import save_decision
    from forecasting.store.products import save_product
    from forecasting.store.sales import write_sales
    from forecasting.values.decisions import OrderDecision
    from forecasting.values.products import Product

    path = tmp_path / "rueckblick.bkshop"
    day = dt.date(2026, 11, 2)
    with create_shop(path, name="Bäckerei Rückblick", state="NW") as shop:
        save_product(shop, Product(name="Brötchen", category="Brötchen"))
        save_product(shop, Product(name="Brezel", category="Laugengebäck"))
        rows = [  # product, day offset, sold, made, left, sold-out time
            ("Brötchen", 0, 45, 50, 5, None), ("Brötchen", 1, 38, 40, 2, None),
            ("Brötchen", 2, 52, 70, 18, None), ("Brötchen", 3, 60, 60, 0, "11:30"),
            ("Brötchen", 4, 40, 40, 0, None), ("Brezel", 0, 20, 20, 0, None),
        ]
        write_sales(shop, pd.DataFrame(
            [{"product": p, "date": day + dt.timedelta(days=k), "quantity": q, "produced": m,
              "leftover": lo, "sold_out_time": t} for p, k, q, m, lo, t in rows]))
        decisions = [  # product, day offset, suggested, final, reason, note
            ("Brötchen", 0, 50, 50, None, ""), ("Brötchen", 1, 50, 40, "weather", ""),
            ("Brötchen", 2, 50, 70, "event", "Martinsmarkt"), ("Brötchen", 3, 50, 60,
                                                                "promotion", ""),
            ("Brötchen", 4, 60, 40, "supplier_limit", ""), ("Brötchen", 5, 50, 55, "event", ""),
            ("Brezel", 0, 20, 20, None, ""),
        ]
        for p, k, s, f, code, note in decisions:
            save_decision(shop, OrderDecision(
                product=p, date=day + dt.timedelta(days=k), suggested=float(s), final=float(f),
                reason_code=code, reason_text=note, decided_by="test",
                decided_at=dt.datetime(2026, 11, 1, 18, 0)))
    return path


@pytest.fixture
def review_deli_path(tmp_path: Path) -> Path:
    """A small deli for the Rückblick of goods that keep (issue 21), built without training.

    Open Monday to Saturday. Bergkäse (keeps 3 weeks) and Oliven lose (kg, keep 10 days) come
    Tuesday and Saturday: ordered on Friday 27.11.2026 for Tuesday 1.12. (covers Tue-Fri).
      Bergkäse: 78 ordered, sold 15 on the order day, then 20, 18, 17, 16 (71; Friday sold out
                at 16:30), 4 written off (damaged) on Thursday 3.12.; ordered again on 1.12. for
                Saturday 5.12. (no sales of that window yet)
      Oliven lose: 4,5 kg ordered, 1,2 + 1,1 + 0,9 + 1,3 kg sold (4,5), 0,4 kg expired on 4.12.
      Brötchen (baked for the day): 27.11. S 85, F 90, sold 80 of 90 made.
    """
    import datetime as dt

    import pandas as pd

    from forecasting.store.decisions import save_decision
    from forecasting.store.products import save_product
    from forecasting.store.sales import write_sales
    from forecasting.store.stock import save_move
    from forecasting.values.decisions import OrderDecision
    from forecasting.values.products import Product
    from forecasting.values.stock import StockMove

    fri, tue = dt.date(2026, 11, 27), dt.date(2026, 12, 1)
    covers = [tue + dt.timedelta(days=k) for k in range(4)]
    path = tmp_path / "deli.bkshop"
    with create_shop(path, name="Feinkost am Markt", state="SH") as shop:
        save_product(shop, Product("Bergkäse", category="Käse", price=3.9, unit_cost=2.0,
                                   shelf_life_days=21, lead_time_days=2,
                                   delivery_weekdays=(1, 5)))
        save_product(shop, Product("Oliven lose", category="Feinkost", price=18.0, unit_cost=8.0,
                                   unit="kg", shelf_life_days=10, lead_time_days=2,
                                   delivery_weekdays=(1, 5)))
        save_product(shop, Product("Brötchen", category="Brot", price=0.5, unit_cost=0.1))
        rows = [{"product": "Bergkäse", "date": fri, "quantity": 15.0},
                {"product": "Oliven lose", "date": fri, "quantity": 1.0},
                {"product": "Brötchen", "date": fri, "quantity": 80.0, "produced": 90.0}]
        rows += [{"product": "Bergkäse", "date": d, "quantity": q,
                  "sold_out_time": "16:30" if d == covers[-1] else None}
                 for d, q in zip(covers, (20.0, 18.0, 17.0, 16.0), strict=True)]
        rows += [{"product": "Oliven lose", "date": d, "quantity": q}
                 for d, q in zip(covers, (1.2, 1.1, 0.9, 1.3), strict=True)]
        write_sales(shop, pd.DataFrame(rows))
        for product, day, delivery, suggested, final in (
                ("Bergkäse", fri, tue, 78.0, 78.0), ("Oliven lose", fri, tue, 4.5, 4.5),
                ("Brötchen", fri, None, 85.0, 90.0),
                ("Bergkäse", tue, dt.date(2026, 12, 5), 40.0, 40.0)):
            save_decision(shop, OrderDecision(
                product=product, date=day, suggested=suggested, final=final, reason_code=None,
                reason_text="", decided_by="test", decided_at=dt.datetime(2026, 11, 27, 18),
                delivery_day=delivery))
        save_move(shop, StockMove("Bergkäse", dt.date(2026, 12, 3), "writeoff", 4.0, "damaged"))
        save_move(shop, StockMove("Oliven lose", dt.date(2026, 12, 4), "writeoff", 0.4,
                                  "expired"))
    return path
