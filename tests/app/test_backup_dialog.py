"""Backups in the app, offscreen on copies of the demo bakery: Datei > Sicherung wiederherstellen…
(list, question, restore on the worker, session reloaded), the daily backup on the worker thread,
and a damaged shop file (at open, or found by the daily backup's check) offered its backup."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from app.backup_dialog import CHECK, KIND, RestoreDialog, open_checked, start_daily_backup
from app.main_window import MainWindow
from app.session import ShopSession
from forecasting.store import backups

EVENING = dt.datetime(2026, 11, 25, 18, 0)
# Damage is done by another process: this one never opens a shop file outside SQLite.
DAMAGE = """
import sys
path, offset, length = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
with open(path, "r+b") as fh:
    fh.seek(offset)
    fh.write(bytes([0xFF if offset else 0]) * length)
"""


def _damage(path: Path, offset: int, length: int) -> None:
    subprocess.run([sys.executable, "-c", DAMAGE, str(path), str(offset), str(length)],
                   check=True)


def _root_offset(path: Path, table: str) -> int:
    """Where a table's root page starts (a page surely in use)."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        page = conn.execute("SELECT rootpage FROM sqlite_schema WHERE name = ?",
                            (table,)).fetchone()[0]
        size = conn.execute("PRAGMA page_size").fetchone()[0]
    finally:
        conn.close()
    return (page - 1) * size


def _answer(role: QMessageBox.ButtonRole) -> list[str]:
    """Press the button with `role` in the next message box; returns what the box said."""
    seen: list[str] = []

    def press() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, press)
            return
        seen.append(f"{box.windowTitle()}\n{box.text()}\n{box.informativeText()}")
        button = next(b for b in box.buttons() if box.buttonRole(b) == role)
        seen.append(button.text())
        button.click()

    QTimer.singleShot(0, press)
    return seen


def _window(qtbot: object, session: object) -> MainWindow:
    window = MainWindow(session)  # type: ignore[arg-type]
    qtbot.addWidget(window)  # type: ignore[attr-defined]
    return window


def _wait(qtbot: object, condition: Callable[[], bool], timeout: int = 60_000) -> None:
    qtbot.waitUntil(condition, timeout=timeout)  # type: ignore[attr-defined]


def test_restore_dialog_lists_asks_and_restores_into_the_open_shop(
        qtbot: object, planned_session: ShopSession) -> None:
    session = planned_session
    backups.create(session.path, "daily", now=EVENING - dt.timedelta(hours=11))
    saved = backups.create(session.path, "manual", now=EVENING)
    window = _window(qtbot, session)
    window.sheet.accept_all()  # decisions after the backup
    assert session.decisions
    assert session.undo_stack.count() == 1
    assert window.restore_action.text() == "Sicherung &wiederherstellen…"
    window.restore_action.trigger()
    dialog = window.findChild(RestoreDialog)
    assert dialog is not None
    assert dialog.isVisible()
    model = dialog.model
    assert [model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
            for c in range(5)] == ["Datum und Uhrzeit", "Art", "Inhalt", "Größe", "Prüfung"]
    assert [model.index(r, KIND).data() for r in range(model.rowCount())] == ["von Hand",
                                                                              "täglich"]
    assert model.index(0, 0).data() == "25.11.2026 18:00"
    assert model.index(0, CHECK).data() == "geprüft"
    assert dialog.selected() == saved
    assert dialog.restore_button.isEnabled()

    seen = _answer(QMessageBox.ButtonRole.RejectRole)
    assert dialog.restore_selected() is None  # cancelled: nothing restored
    assert "Die Laden-Datei durch die Sicherung vom 25.11.2026 18:00 (von Hand) ersetzen?" in seen[0]
    assert "Der jetzige Stand wird vorher gesichert" in seen[0]
    assert len(backups.list_backups(session.path)) == 2
    assert session.decisions

    seen = _answer(QMessageBox.ButtonRole.AcceptRole)
    with qtbot.waitSignal(dialog.restored, timeout=60_000):  # type: ignore[attr-defined]
        assert dialog.restore_selected() is not None
    assert seen[1] == "Wiederherstellen"
    assert session.decisions == {}  # the decisions after the backup are gone ...
    assert session.undo_stack.count() == 0  # ... and so are the undo steps that made them
    assert window.message.text().startswith(
        "Wiederhergestellt: die Sicherung vom 25.11.2026 18:00 (von Hand;")
    kinds = [b.kind for b in backups.list_backups(session.path)]
    assert kinds == ["before-restore", "manual", "daily"]
    assert model.rowCount() == 3
    assert backups.list_backups(session.path)[0].decisions == len(session.lines)
    with qtbot.waitSignal(session.planChanged, timeout=120_000):  # type: ignore[attr-defined]
        pass  # the suggestions are computed again from the restored file
    assert session.lines
    assert session.decisions == {}


def test_back_up_now_from_the_dialog(qtbot: object, planned_session: ShopSession) -> None:
    window = _window(qtbot, planned_session)
    dialog = window.restore_backup()
    assert isinstance(dialog, RestoreDialog)
    assert dialog.model.rowCount() == 0
    assert not dialog.restore_button.isEnabled()
    assert dialog.status.text() == "Es gibt noch keine Sicherung."
    job = dialog.back_up_now()
    assert job is not None
    _wait(qtbot, lambda: job.is_finished)
    assert dialog.model.rowCount() == 1
    assert dialog.model.index(0, KIND).data() == "von Hand"
    assert dialog.status.text().startswith("Sicherung angelegt und geprüft: ")


def test_daily_backup_runs_on_the_worker_once_a_day(qtbot: object, session: ShopSession) -> None:
    session.auto_recompute = False
    window = _window(qtbot, session)
    gate = threading.Event()
    session.runner.run("hold", lambda _p: gate.wait(30), lambda _r: None, lambda _e: None)
    started = time.perf_counter()
    job = start_daily_backup(session, lambda: window)
    returned = time.perf_counter() - started
    # queued behind the held job: not taken on the main thread
    assert backups.list_backups(session.path) == []
    assert returned < 0.1
    gate.set()
    _wait(qtbot, lambda: job.is_finished)
    [made] = backups.list_backups(session.path)
    assert made.kind == "daily"
    assert made.ok
    assert job.result.path == made.path
    assert window.message.text() == f"Tägliche Sicherung gespeichert: {made.path.name}"
    again = start_daily_backup(session, lambda: window)
    _wait(qtbot, lambda: again.is_finished)
    assert again.result is None
    assert len(backups.list_backups(session.path)) == 1


def test_the_daily_backup_keeps_what_the_window_said_meanwhile(qtbot: object,
                                                               session: ShopSession) -> None:
    session.auto_recompute = False
    window = _window(qtbot, session)
    gate = threading.Event()
    session.runner.run("hold", lambda _p: gate.wait(30), lambda _r: None, lambda _e: None)
    job = start_daily_backup(session, lambda: window)
    window.message.setText("Ihr Laden ist angelegt.")  # the first run's word, said after the start
    gate.set()
    _wait(qtbot, lambda: job.is_finished)
    [made] = backups.list_backups(session.path)
    assert window.message.text() == (
        f"Ihr Laden ist angelegt. · Tägliche Sicherung gespeichert: {made.path.name}")


def test_damage_found_by_the_daily_backup_is_repaired_in_the_open_shop(
        qtbot: object, session: ShopSession) -> None:
    session.auto_recompute = False
    path = session.path
    backups.create(path, "manual", now=EVENING)
    _damage(path, _root_offset(path, "change_log"), 4096)  # the window reads no change log
    window = _window(qtbot, session)
    seen = _answer(QMessageBox.ButtonRole.AcceptRole)
    start_daily_backup(session, lambda: window)
    _wait(qtbot, lambda: window.message.text().startswith("Wiederhergestellt"))
    assert seen[0].startswith("Laden-Datei beschädigt\nDie Laden-Datei ")
    assert "ist beschädigt: ihr Inhalt ist fehlerhaft" in seen[0]
    assert "Die neueste gute Sicherung ist vom 25.11.2026 18:00 (von Hand;" in seen[0]
    assert seen[1] == "Sicherung wiederherstellen"
    assert "Die beschädigte Datei ist nicht gelöscht" in window.message.text()
    assert len(list(path.parent.glob("bakery.bkshop.damaged-*"))) == 1
    assert [b.kind for b in backups.list_backups(path)] == ["manual"]  # the daily copy failed
    assert session.shop._conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert session.shop._conn.execute("SELECT COUNT(*) FROM sales").fetchone()[0] > 1000


def test_a_damaged_shop_at_open_is_offered_its_newest_good_backup(
        qtbot: object, shop_path: Path) -> None:
    backups.create(shop_path, "daily", now=EVENING)
    _damage(shop_path, 0, 100)  # the header: SQLite no longer sees a database

    def digest() -> str:
        return hashlib.sha256(shop_path.read_bytes()).hexdigest()

    damaged = digest()
    seen = _answer(QMessageBox.ButtonRole.RejectRole)
    assert open_checked(lambda: ShopSession.open(shop_path), shop_path) == (None, None)
    assert seen[1] == "Nicht jetzt"
    assert "lässt sich nicht als Datenbank lesen" in seen[0]
    assert digest() == damaged  # declined: nothing changed
    _answer(QMessageBox.ButtonRole.AcceptRole)
    session, restored = open_checked(lambda: ShopSession.open(shop_path), shop_path)
    assert session is not None
    assert restored is not None
    try:
        assert session.settings.name == "Bäckerei Sonnenkorn"
        assert restored.aside is not None
        assert hashlib.sha256(restored.aside.read_bytes()).hexdigest() == damaged
    finally:
        session.close()


def test_a_shop_whose_window_cannot_be_built_is_offered_its_backup(
        qtbot: object, shop_path: Path) -> None:
    """Damaged weather pages: the session opens, building the window fails reading them (the
    day strip shows the coming days' weather; the sales are read only later, on the worker or
    when the Rückblick tab is shown)."""
    from app.controller import AppController

    backups.create(shop_path, "daily", now=EVENING)
    _damage(shop_path, _root_offset(shop_path, "weather"), 4096)
    seen = _answer(QMessageBox.ButtonRole.AcceptRole)
    controller, restored = open_checked(lambda: AppController(shop_path), shop_path)
    assert controller is not None
    assert restored is not None
    try:
        controller.session.auto_recompute = False
        for job in controller.session.runner.active:
            job.progress.cancel()
        assert "ihr Inhalt ist fehlerhaft" in seen[0]
        assert controller.window.review is not None
        assert len(list(shop_path.parent.glob("bakery.bkshop.damaged-*"))) == 1
    finally:
        controller.close()
