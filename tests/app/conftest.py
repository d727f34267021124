"""GUI tests run offscreen on copies of one demo bakery generated per session.

The demo bakery is cut to nine products from its three areas and its last 400 days, so that the
real forecast (LightGBM + ETS, trained from scratch) runs in seconds rather than minutes. The plan
for ORDER_DAY is computed once per session with the real `build_order_plan` and shared (it is a
plain value); tests that must see the app compute it on the worker thread do so themselves.

QT_QPA_PLATFORM is set before Qt is imported; app preferences (QSettings) go to a temporary
directory so tests never read or change the developer's own settings.
"""

from __future__ import annotations

import atexit
import datetime as dt
import gc
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="bk-qsettings-")
os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="bk-data-")

import pytest

from forecasting.demo.generate import DEFAULT_SEED, write_demo_shop

for _folder in (os.environ["XDG_CONFIG_HOME"], os.environ["XDG_DATA_HOME"]):
    atexit.register(shutil.rmtree, _folder, ignore_errors=True)

DEMO_END = dt.date(2026, 11, 26)  # history up to 25.11.2026; orders for Thursday 26.11.2026
ORDER_DAY = DEMO_END
REPO_ROOT = Path(__file__).resolve().parents[2]


KEEP = ("Baguette", "Weizenbrötchen", "Laugenbrezel", "Roggenmischbrot 750 g", "Berliner",
        "Croissant", "Käsekuchen", "Frikadellenbrötchen", "Belegtes Brötchen Käse")
HISTORY_DAYS = 400


@pytest.fixture(scope="session")
def demo_bakery_master(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo bakery (cut, see above), generated once; tests work on copies."""
    from forecasting.store.file import Shop

    directory = tmp_path_factory.mktemp("app_demo")
    path = write_demo_shop("bakery", DEMO_END, directory / "bakery.bkshop", seed=DEFAULT_SEED)
    first = (DEMO_END - dt.timedelta(days=HISTORY_DAYS)).isoformat()
    with Shop.open(path) as shop, shop.transaction() as conn:
        marks = ", ".join("?" for _ in KEEP)
        conn.execute(f"DELETE FROM products WHERE name NOT IN ({marks})", KEEP)
        conn.execute("DELETE FROM sales WHERE date < ?", (first,))
        conn.execute("DELETE FROM true_demand WHERE date < ?", (first,))
    return path


@pytest.fixture(scope="session")
def shared_plan(demo_bakery_master: Path, tmp_path_factory: pytest.TempPathFactory
                ) -> tuple[Path, object, int]:
    """(shop file, plan, data version): the plan for ORDER_DAY computed and saved once."""
    from app.jobs import JobProgress
    from app.session import compute_plan

    path = tmp_path_factory.mktemp("app_planned") / "bakery.bkshop"
    shutil.copy(demo_bakery_master, path)
    plan, version = compute_plan(path, ORDER_DAY, JobProgress(lambda f, m: None))
    return path, plan, version


@pytest.fixture
def shop_path(demo_bakery_master: Path, tmp_path: Path) -> Path:
    """A private copy of the demo bakery (no suggestions computed yet) for one test."""
    path = tmp_path / "bakery.bkshop"
    shutil.copy(demo_bakery_master, path)
    return path


@pytest.fixture
def planned_path(shared_plan: tuple[Path, object, int], tmp_path: Path) -> Path:
    """A private copy of the demo bakery whose suggestions for ORDER_DAY are stored."""
    path = tmp_path / "planned.bkshop"
    shutil.copy(shared_plan[0], path)
    return path


def _open_session(path: Path) -> object:
    from app import i18n
    from app.session import ShopSession

    i18n.install_language("de")
    return ShopSession.open(path, day=ORDER_DAY)


@pytest.fixture
def session(qapp: object, shop_path: Path) -> Iterator[object]:
    """An open ShopSession on a copy of the demo bakery, orders for ORDER_DAY, no plan."""
    s = _open_session(shop_path)
    yield s
    s.close()  # type: ignore[attr-defined]


def wait_for_plan(qtbot: object, session: object, timeout: int = 120_000) -> None:
    """Compute the plan on the worker and wait until it arrived."""
    with qtbot.waitSignal(session.planChanged, timeout=timeout):  # type: ignore[attr-defined]
        session.refresh_plan()  # type: ignore[attr-defined]
    assert session.lines, "the plan has no lines"  # type: ignore[attr-defined]


@pytest.fixture
def planned_session(qapp: object, planned_path: Path,
                    shared_plan: tuple[Path, object, int]) -> Iterator[object]:
    """A session showing the shared real plan; `.path` is its private shop file."""
    s = _open_session(planned_path)
    s.show_plan(shared_plan[1], shared_plan[2])  # type: ignore[attr-defined]
    yield s
    s.close()  # type: ignore[attr-defined]



WORKSHOP_PRODUCTS = ("Baguette", "Weizenbrötchen", "Laugenbrezel", "Berliner", "Käsekuchen")
WORKSHOP_PERIOD = ["--from", "2026-11-12", "--to", "2026-11-18"]


@pytest.fixture(scope="session")
def workshop_files(demo_bakery_master: Path, tmp_path_factory: pytest.TempPathFactory
                   ) -> tuple[Path, Path]:
    """(shop copy, scenario file): a week of five products of the demo bakery made into a
    workshop once through `bestellkompass workshop create` (the rolling backtest takes a while)."""
    from app.cli import main

    folder = tmp_path_factory.mktemp("workshop")
    shop = folder / "bakery.bkshop"
    shutil.copy(demo_bakery_master, shop)
    scenario = folder / "w.bkworkshop"
    code = main(["--lang", "en", "workshop", "create", "--shop", str(shop), *WORKSHOP_PERIOD,
                 "--products", ",".join(WORKSHOP_PRODUCTS), "--out", str(scenario)])
    assert code == 0
    return shop, scenario


DELI_KEEP = ("Bergkäse 200 g", "Gouda alt 200 g", "Hummus", "Oliven Kalamata",
             "Kartoffelsalat 250 g", "Orangensaft frisch gepresst 0,5 l")
#: Monday to Saturday: cheese comes Tuesday and Friday (2 days' lead), antipasti Monday and
#: Thursday, salads every open day; three of the products keep in the workshop
DELI_WORKSHOP_PRODUCTS = ("Bergkäse 200 g", "Hummus", "Kartoffelsalat 250 g")
DELI_WORKSHOP_PERIOD = ["--from", "2026-11-16", "--to", "2026-11-21"]


@pytest.fixture(scope="session")
def deli_workshop(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    """(shop, scenario file, what the command printed on stderr): a week of three goods that
    keep of the demo deli (cut like the bakery: six products, 400 days) made into a workshop once
    through `bestellkompass workshop create` (a forecast run per horizon: slow)."""
    import contextlib
    import io

    from app.cli import main
    from forecasting.store.file import Shop

    folder = tmp_path_factory.mktemp("deli_workshop")
    shop = write_demo_shop("deli", DEMO_END, folder / "deli.bkshop", seed=DEFAULT_SEED)
    first = (DEMO_END - dt.timedelta(days=HISTORY_DAYS)).isoformat()
    with Shop.open(shop) as s, s.transaction() as conn:
        marks = ", ".join("?" for _ in DELI_KEEP)
        conn.execute(f"DELETE FROM products WHERE name NOT IN ({marks})", DELI_KEEP)
        conn.execute("DELETE FROM sales WHERE date < ?", (first,))
        conn.execute("DELETE FROM true_demand WHERE date < ?", (first,))
    scenario = folder / "deli.bkworkshop"
    said = io.StringIO()
    with contextlib.redirect_stderr(said):
        code = main(["--lang", "en", "workshop", "create", "--shop", str(shop),
                     *DELI_WORKSHOP_PERIOD, "--products", ",".join(DELI_WORKSHOP_PRODUCTS),
                     "--out", str(scenario)])
    assert code == 0
    return shop, scenario, said.getvalue()


@pytest.fixture(autouse=True)
def _collect_cycles_on_the_main_thread() -> Iterator[None]:
    """Python's cycle collector runs between GUI tests, on the main thread, and not during one:
    run on a worker thread (a job of the test), it may free a Qt object an earlier test left in a
    cycle, which crashes the whole run (seen: a segfault in the import wizard's job). The app
    itself collects from a timer on the GUI thread (launch.make_application)."""
    gc.collect()
    gc.disable()
    yield
    gc.enable()
    gc.collect()
