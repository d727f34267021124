"""Start the desktop app: pick the shop file (or the demo bakery), language, fonts; or render the
main screens to PNGs (`--screenshot DIR`)."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QFileOpenEvent

from app import i18n, preferences
from app.system_libraries import missing_libraries, packages_for, uses_xcb
from forecasting.demo.generate import ensure_demo_shop
from forecasting.operations.reading import load_settings
from forecasting.operations.shop import default_shop_path, open_shop
from forecasting.texts import render

if TYPE_CHECKING:
    from app.shop_lock import ShopLock

DEMO_KIND = "bakery"
ICON = Path(__file__).resolve().parents[1] / "resources" / "icons" / "bestellkompass.svg"


def user_data_dir() -> Path:
    """Where Bestellkompass keeps its files for this user."""

    return default_shop_path().parent


def resolve_shop_path(shop: str | None, last: Path | None = None) -> Path:
    """The shop file to open: --shop, else the one opened last time, else the user's shop file,
    else the demo bakery."""
    if shop:
        return Path(shop)
    if last is not None and last.is_file():
        return last

    path = default_shop_path()
    if path.exists():
        return path

    return Path(ensure_demo_shop(DEMO_KIND, user_data_dir() / "demo"))


def _language(args: argparse.Namespace, shop_path: Path) -> str:
    """--lang if given on the command line, else the shop's language, else German."""
    if getattr(args, "lang_given", False):
        return args.lang or "de"
    try:

        with open_shop(shop_path, read_only=True) as shop:
            return load_settings(shop).language or args.lang or "de"
    except Exception:
        return args.lang or "de"


def make_application(argv: list[str] | None = None) -> object:
    """The QApplication (created once), with HiDPI rounding and the Fusion style's palette."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
        )
        app = QApplication(argv or [sys.argv[0]])
        app.setApplicationName("Bestellkompass")
        app.setOrganizationName("Bestellkompass")
        from PySide6.QtGui import QIcon

        app.setWindowIcon(QIcon(str(ICON)))
        # Python's cycle collector only on this (the GUI) thread, from a timer: run on a worker
        # thread it may free a Qt object left in a cycle there, which crashes the process (seen
        # as a segfault while the import wizard's job ran)
        from pyqtgraph.util.garbage_collector import GarbageCollector

        app.garbage_collector = GarbageCollector(interval=1.0)
    return app


def launch(args: argparse.Namespace) -> int:
    """Open the main window (or render screenshots) and run until it is closed."""
    if getattr(args, "selftest", False):
        from app.selftest import run as run_selftest

        return run_selftest(args)
    screenshot = getattr(args, "screenshot", None)
    if screenshot:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if uses_xcb():
        missing = missing_libraries()
        if missing:  # Qt would only say "reinstalling the application may fix this problem"
            return missing_libraries_failed(missing, args.lang or "de")
    app = make_application()

    from app.backup_dialog import open_checked
    from app.controller import AppController
    from app.error_dialog import install_hooks, startup_failed
    from app.shop_lock import ShopLock

    opened: list[AppController] = []
    shop_path: Path | None = None
    lock: ShopLock | None = None
    # errors Qt would only print (in slots, virtual methods): to the log and a dialog
    uninstall = install_hooks(lambda: opened[0].session.path if opened else shop_path)
    try:
        try:
            shop_path = resolve_shop_path(getattr(args, "shop", None),
                                          None if screenshot else preferences.last_shop())
            lang = _language(args, shop_path)
            i18n.install_language(lang)
            if not screenshot:  # one window per shop file
                lock = ShopLock(shop_path)
                if not lock.acquire():
                    return already_open(shop_path, lock)
            path, day = shop_path, getattr(args, "day", None)
            controller, restored = open_checked(  # a damaged file: offer its newest good backup
                lambda: AppController(path, day=day, lock=lock, place=not screenshot), path)
            if controller is None:
                return 2
            opened.append(controller)
            if not screenshot:
                preferences.remember_shop(path)
            if restored is not None:
                controller.window.message.setText(restored.message(lang))
        except Exception as exc:  # there may be no console to print to: say it in a dialog
            return startup_failed(exc, shop_path)
        controller = opened[0]
        if screenshot:
            from app.screenshots import render_all

            written = render_all(controller, Path(screenshot))
            for written_path in written:
                print(written_path)
            controller.close()
            return 0
        controller.window.show()
        file_opener = FileOpenFilter(lambda path: opened[0].open_shop(path))
        app.installEventFilter(file_opener)  # type: ignore[attr-defined]
        code = app.exec()  # type: ignore[attr-defined]
        app.removeEventFilter(file_opener)  # type: ignore[attr-defined]
        controller.close()
        return int(code)
    finally:
        if lock is not None:
            lock.release()
        uninstall()


def missing_libraries_failed(missing: list[str], lang: str) -> int:
    """Name the system libraries the window needs and how to install them (exit 2)."""
    text = render("launch.missing_libraries", lang, libraries=", ".join(missing),
                  packages=" ".join(packages_for(missing)))
    logging.getLogger(__name__).error("missing system libraries: %s", ", ".join(missing))
    if sys.stderr is not None:
        print(text, file=sys.stderr)
    return 2
class FileOpenFilter(QObject):
    """macOS hands a double-clicked .bkshop to the running app as a FileOpen event, not as an
    argument: open that shop in the window."""

    def __init__(self, open_shop: Callable[[str], object]) -> None:
        super().__init__()
        self._open_shop = open_shop

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent):
            path = event.file()
            if path:
                self._open_shop(path)
                return True
        return super().eventFilter(watched, event)


def already_open(shop_path: Path, lock: ShopLock) -> int:
    """Another window holds this shop: bring it to the front, or say which program holds it."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication, QMessageBox

    if lock.ask_holder_to_show():
        text = QCoreApplication.translate(
            "Launch", "%1 is already open in Bestellkompass; that window was brought to the "
            "front.").replace("%1", str(shop_path))
        if sys.stderr is not None:
            print(text, file=sys.stderr)
        return 0
    holder = lock.holder()
    text = QCoreApplication.translate(
        "Launch", "%1 is already open in another Bestellkompass window (process %2 on computer "
        "%3). Please continue there, or close that window first.").replace(
        "%1", str(shop_path)).replace("%2", str(holder[0] if holder else "?")).replace(
        "%3", holder[1] if holder and holder[1] else "?")
    if sys.stderr is not None:
        print(text, file=sys.stderr)
    if QApplication.platformName() != "offscreen":
        QMessageBox.information(None, "Bestellkompass", text)
    return 1
