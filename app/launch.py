"""Start the desktop app: pick the shop file (or the demo bakery), language, fonts; or render the
main screens to PNGs (`--screenshot DIR`)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

DEMO_KIND = "bakery"
ICON = Path(__file__).resolve().parents[1] / "resources" / "icons" / "bestellkompass.svg"


def user_data_dir() -> Path:
    """Where Bestellkompass keeps its files for this user."""
    from forecasting.shopfile import default_shop_path

    return default_shop_path().parent


def resolve_shop_path(shop: str | None) -> Path:
    """The shop file to open: --shop, else the user's shop file, else the demo bakery."""
    if shop:
        return Path(shop)
    from forecasting.shopfile import default_shop_path

    path = default_shop_path()
    if path.exists():
        return path
    from forecasting.demo.generate import ensure_demo_shop

    return Path(ensure_demo_shop(DEMO_KIND, user_data_dir() / "demo"))


def _language(args: argparse.Namespace, shop_path: Path) -> str:
    """--lang if given on the command line, else the shop's language, else German."""
    if getattr(args, "lang_given", False):
        return args.lang or "de"
    try:
        from forecasting.shop_settings import load_settings
        from forecasting.shopfile import Shop

        with Shop.open(shop_path) as shop:
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
    return app


def launch(args: argparse.Namespace) -> int:
    """Open the main window (or render screenshots) and run until it is closed."""
    if getattr(args, "selftest", False):
        from app.selftest import run as run_selftest

        return run_selftest(args)
    if getattr(args, "screenshot", None):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = make_application()

    from app import i18n
    from app.controller import AppController
    from app.error_dialog import install_hooks, startup_failed

    opened: list[AppController] = []
    shop_path: Path | None = None
    # errors Qt would only print (in slots, virtual methods): to the log and a dialog
    uninstall = install_hooks(lambda: opened[0].session.path if opened else shop_path)
    try:
        try:
            shop_path = resolve_shop_path(getattr(args, "shop", None))
            i18n.install_language(_language(args, shop_path))
            opened.append(AppController(shop_path, day=getattr(args, "day", None)))
        except Exception as exc:  # there may be no console to print to: say it in a dialog
            return startup_failed(exc, shop_path)
        controller = opened[0]
        if getattr(args, "screenshot", None):
            from app.screenshots import render_all

            written = render_all(controller, Path(args.screenshot))
            for path in written:
                print(path)
            controller.close()
            return 0
        controller.window.show()
        code = app.exec()  # type: ignore[attr-defined]
        controller.close()
        return int(code)
    finally:
        uninstall()
