"""`bestellkompass --selftest`: open the demo shop offscreen, compute suggestions, show the window.

The installers and CI run it on the built bundle, so it goes the same way as a real start
(`app.launch`, `AppController`, the worker job that calls `build_order_plan`) and says in one line
which step failed. Each step prints `selftest: <step> ok (<seconds since start> s)`;
benchmarks/startup_time.py reads those lines.
"""

from __future__ import annotations

import argparse
import math
import os
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app import i18n, portable
from app.controller import AppController
from forecasting.demo.generate import ensure_demo_shop

PLAN_TIMEOUT_MS = 300_000
SHOW_TIMEOUT_S = 10.0
ORDER_SHEET_VISIBLE = "order sheet visible"
ORDER_SHEET_FILLED = "order sheet filled"


class SelftestError(Exception):
    """One check of the selftest did not hold."""


class _Steps:
    """Runs named steps, prints their time since the start, remembers which one is running."""

    def __init__(self) -> None:
        self.start = time.perf_counter()
        self.current = "start"

    def run(self, name: str, fn: Callable[[], Any]) -> Any:
        self.current = name
        result = fn()
        self.done(name)
        return result

    def done(self, name: str, detail: str = "") -> None:
        seconds = time.perf_counter() - self.start
        extra = f": {detail}" if detail else ""
        print(f"selftest: {name} ok ({seconds:.2f} s){extra}", flush=True)


def bundle_dir() -> Path | None:
    """The folder of the frozen app (PyInstaller), None when running from a Python install."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return None


def _check_data_dir(data_dir: Path) -> str:
    """The user data dir must lie outside the bundle: the app never writes into its own folder."""
    bundle = bundle_dir()
    resolved = data_dir.resolve()
    kept_beside = portable.data_root()  # portable mode: on purpose, in the data folder there
    if kept_beside is not None and resolved.is_relative_to(kept_beside.resolve()):
        return f"{resolved} (portable)"
    if bundle is not None and resolved.is_relative_to(bundle):
        raise SelftestError(f"user data directory {resolved} lies inside the app folder {bundle}")
    return str(resolved)


def _demo_shop(steps: _Steps, args: argparse.Namespace) -> Path:
    from app.launch import DEMO_KIND, user_data_dir

    if getattr(args, "shop", None):
        path = Path(args.shop)
        if not path.is_file():
            raise SelftestError(f"shop file {path} not found")
        return path
    data_dir = user_data_dir()
    steps.run("user data directory", lambda: _check_data_dir(data_dir))

    return Path(ensure_demo_shop(DEMO_KIND, data_dir / "demo"))


def _wait_until(condition: Callable[[], bool], timeout_s: float) -> bool:
    from PySide6.QtCore import QCoreApplication

    deadline = time.perf_counter() + timeout_s
    while not condition():
        if time.perf_counter() > deadline:
            return False
        QCoreApplication.processEvents()
        time.sleep(0.005)
    return True


def _check_lines(session: Any) -> str:
    lines = session.lines
    if not lines:
        raise SelftestError("the order plan has no lines")
    for line in lines:
        if not (math.isfinite(line.suggestion) and line.suggestion >= 0):
            raise SelftestError(f"suggestion for {line.product!r} is {line.suggestion!r}")
    return f"{len(lines)} products for {session.day.isoformat()}"


def _check_sheet(window: Any, expected_rows: int) -> None:
    sheet = window.sheet
    rows = sum(table.model().rowCount() for table in sheet.tables)
    if rows != expected_rows or not all(table.isVisible() for table in sheet.tables):
        raise SelftestError(f"order sheet shows {rows} visible rows, expected {expected_rows}")


def _open_product_view(window: Any, session: Any) -> str:
    """The chart view of the first product (pyqtgraph), shown and closed again."""
    product = session.lines[0].product
    view = window.show_product(product)
    if view is None or not _wait_until(view.isVisible, SHOW_TIMEOUT_S):
        raise SelftestError(f"the product view of {product!r} did not open")
    view.close()
    return product


def _export_pdf(window: Any) -> str:
    """The printable order list as a PDF in a temporary folder (QtPrintSupport, fonts)."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="bestellkompass-selftest-") as folder:
        path = window.export_pdf(Path(folder) / "order.pdf")
        data = Path(path).read_bytes() if path is not None else b""
    if not data.startswith(b"%PDF") or len(data) < 1000:
        raise SelftestError(f"the order list PDF is not a PDF ({len(data)} bytes)")
    return f"{len(data)} bytes"


def _about_dialog(window: Any) -> str:
    """Help > About: every bundled package's licence is found in the bundle's metadata."""
    dialog = window.show_about()
    try:
        missing = [c.name for c in dialog.components
                   if not c.texts and not c.name.lower().startswith(("pyside6", "shiboken6"))]
        if len(dialog.components) < 10 or missing:
            raise SelftestError(f"About lists {len(dialog.components)} components; without "
                                f"licence text: {missing}")
        if "LESSER GENERAL PUBLIC LICENSE" not in dialog.qt_text.toPlainText():
            raise SelftestError("About: the LGPL text is missing")
        return f"{len(dialog.components)} components"
    finally:
        dialog.close()


def _import_app_modules() -> str:
    """Import every module of the app, so a module missing from the bundle shows up here."""
    import importlib
    import pkgutil

    import app

    names = [info.name for info in pkgutil.walk_packages(app.__path__, "app.")
             if not info.name.endswith("__main__")]
    for name in names:
        importlib.import_module(name)
    return f"{len(names)} modules"


def _selftest(steps: _Steps, args: argparse.Namespace) -> None:
    shop_path = steps.run("demo shop", lambda: _demo_shop(steps, args))
    from app.launch import make_application

    steps.run("Qt application", make_application)
    lang = getattr(args, "lang", None) or "de"
    if not steps.run("translations", lambda: i18n.install_language(lang)):
        raise SelftestError(f"translation for {lang!r} not found in {i18n.CATALOG_DIR}")


    controller = steps.run("main window", lambda: AppController(shop_path))
    failures: list[BaseException] = []
    controller.session.failed.connect(failures.append)
    try:
        window = controller.window
        window.show()
        steps.current = ORDER_SHEET_VISIBLE
        if not _wait_until(lambda: window.isVisible() and window.sheet.isVisible(), SHOW_TIMEOUT_S):
            raise SelftestError("the main window did not become visible")
        steps.done(ORDER_SHEET_VISIBLE)

        steps.current = "suggestions"
        controller.wait_for_plan(PLAN_TIMEOUT_MS)
        if failures:
            exc = failures[0]
            raise SelftestError(f"computing suggestions failed: {type(exc).__name__}: {exc}")
        steps.done("suggestions", _check_lines(controller.session))
        steps.current = ORDER_SHEET_FILLED
        _wait_until(lambda: all(t.isVisible() for t in window.sheet.tables), SHOW_TIMEOUT_S)
        _check_sheet(window, len(controller.session.lines))
        steps.done(ORDER_SHEET_FILLED)
        steps.run("product view", lambda: _open_product_view(window, controller.session))
        steps.current = "order list PDF"
        steps.done(steps.current, _export_pdf(window))
        steps.current = "about dialog"
        steps.done(steps.current, _about_dialog(window))
        steps.current = "app modules"  # last: the timings above stay real
        steps.done(steps.current, _import_app_modules())
    finally:
        controller.close()


def run(args: argparse.Namespace) -> int:
    """Run the selftest; 0 if every step passed, 1 with the failed step on stderr otherwise."""
    # Before any Qt import: no display is needed, also on a desktop (offscreen plugin).
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    steps = _Steps()
    try:
        _selftest(steps, args)
    except Exception as exc:
        print(f"selftest FAILED at step '{steps.current}': {type(exc).__name__}: {exc}",
              file=sys.stderr, flush=True)
        if not isinstance(exc, SelftestError):
            traceback.print_exc()
        return 1
    steps.done("selftest passed")
    return 0
