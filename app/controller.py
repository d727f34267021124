"""AppController: owns the session and the main window; reopens the window on a language switch."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QEventLoop, QObject, QTimer

from app import i18n, preferences
from app.backup_dialog import open_checked, start_daily_backup
from app.error_dialog import show_failure
from app.main_window import MainWindow, apply_font_scale
from app.session import ShopSession
from app.shop_lock import ShopLock
from forecasting.errors import UserError
from forecasting.operations.settings import choose_language


class AppController(QObject):
    """The running app: one shop session, one main window."""

    def __init__(self, shop_path: Path, day: dt.date | None = None,
                 lock: ShopLock | None = None, place: bool = True) -> None:
        super().__init__()
        apply_font_scale(float(preferences.app_settings().value("font_scale", 1.0)))
        self.session = _open_session(shop_path, day)
        self.lock = lock
        if lock is not None:
            lock.serve(self.bring_to_front)
        try:
            self.window = self._make_window()
            if place:  # where the window was last time (not for screenshots)
                preferences.restore_placement(self.window)
        except BaseException:  # e.g. a damaged file: launch offers its backup, then opens again
            self.session.close()
            raise
        start_daily_backup(self.session, lambda: self.window)
        self.session.refresh_plan()

    def bring_to_front(self) -> None:
        """A second start asked for this shop: show the window that has it."""
        self.window.showNormal()
        self.window.raise_()
        self.window.activateWindow()

    def _make_window(self) -> MainWindow:
        window = MainWindow(self.session)
        window.languageRequested.connect(self.switch_language)
        window.openShopRequested.connect(self.open_shop)
        window.newShopCreated.connect(self.start_new_shop)
        return window

    def switch_language(self, lang: str) -> None:
        """Change the UI language now and remember it in the shop file."""
        failure: Exception | None = None
        try:
            choose_language(self.session.shop, lang)
        except Exception as exc:  # the window still switches; the file just does not remember it
            failure = exc
        i18n.install_language(lang)
        self.session.relabel()
        self._replace_window()
        if failure is not None:
            show_failure(failure, self.window, self.session.path)

    def open_shop(self, path: str) -> bool:
        """Close the current shop and open another; False (and the current shop stays) if another
        window holds it."""
        if Path(path).resolve() == Path(self.session.path).resolve():
            return True
        lock = None
        if self.lock is not None:
            lock = ShopLock(Path(path))
            if not lock.acquire():
                lock.ask_holder_to_show()
                self.window.show_error(UserError("shop.open_elsewhere", path=path))
                return False
        try:
            session, restored = open_checked(lambda: _open_session(Path(path)), Path(path),
                                             self.window)
        except Exception as exc:  # the current shop stays open
            if lock is not None:
                lock.release()
            show_failure(exc, self.window, path)
            return False
        if session is None:
            if lock is not None:
                lock.release()
            return False
        old = self.session
        self.session = session
        preferences.remember_shop(Path(path))
        self._replace_window()
        old.close()
        if lock is not None and self.lock is not None:
            self.lock.release()
            self.lock = lock
            lock.serve(self.bring_to_front)
        start_daily_backup(self.session, lambda: self.window)
        if restored is not None:
            self.window.message.setText(restored.message(i18n.lang()))
        self.session.refresh_plan()
        return True

    def start_new_shop(self, path: str) -> None:
        """Open a shop the first run has just created; its first suggestions compute at once
        (the empty sheet shows their progress)."""
        if self.open_shop(path):
            self.window.message.setText(self.tr(
                "Your shop is ready. The first suggestions are being computed…"))

    def _replace_window(self) -> None:
        old = self.window
        geometry = old.saveGeometry()
        was_visible = old.isVisible()
        self.window = self._make_window()
        self.window.restoreGeometry(geometry)
        if was_visible:
            self.window.show()
        old.close()
        old.deleteLater()

    def wait_for_plan(self, timeout_ms: int = 60_000) -> bool:
        """Process events until the current plan is computed (selftest and screenshots)."""
        loop = QEventLoop()
        self.session.planChanged.connect(loop.quit)
        self.session.failed.connect(loop.quit)
        QTimer.singleShot(timeout_ms, loop.quit)
        if self.session.runner.busy():
            loop.exec()
        return bool(self.session.lines)

    def close(self) -> None:
        """Close the window and the shop file."""
        self.window.close()
        self.session.close()
        if self.lock is not None:
            self.lock.release()


def _open_session(path: Path, day: dt.date | None = None) -> ShopSession:
    """Open the shop and read its settings before any widget exists: a window whose construction
    fails half-way (a damaged file, a deleted shop row) leaves Qt objects behind that crash the
    interpreter at exit."""
    session = ShopSession.open(path, day=day)
    try:
        _ = session.settings
    except BaseException:
        session.close()
        raise
    return session
