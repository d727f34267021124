"""The window when the shop file refuses a write (another process writing, read-only, full disk):
the edit is not on the undo stack, the status does not say "Gespeichert.", the sheet shows what the
file holds, and a dialog says why; a bug shows the error dialog with details to copy; everything
lands in the log file.

Locks are real: a second process holds a write transaction (tests/file_faults.py). The session's
busy timeout is cut to 0.2 s so the tests need not wait the real few seconds for the same error.
"""

from __future__ import annotations

import argparse
import logging
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer, qWarning
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QPushButton

from app import i18n
from app.error_dialog import ErrorDialog, install_hooks
from app.logfile import setup_logging
from app.main_window import MainWindow
from forecasting.store.calendar import load_events
from forecasting.store.decisions import load_decisions
from forecasting.store.file import Shop
from forecasting.store.settings import load_settings
from forecasting.values.events import Event
from tests.app.conftest import ORDER_DAY
from tests.file_faults import BUSY_DE, corrupt_table, writer_holding


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    """The window's log, in this test's folder."""
    setup = setup_logging("bestellkompass", logging.INFO, tmp_path / "logs")
    assert setup is not None
    yield setup.path
    setup.close()


@pytest.fixture(autouse=True)
def _close_dialogs() -> Iterator[None]:
    yield
    for dialog in shown_dialogs():
        dialog.close()


def shown_dialogs() -> list[ErrorDialog]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, ErrorDialog) and w.isVisible()]


def window_on(qtbot: object, session: object) -> MainWindow:
    window = MainWindow(session)  # type: ignore[arg-type]
    qtbot.addWidget(window)  # type: ignore[attr-defined]
    session.shop._conn.execute("PRAGMA busy_timeout = 200")  # type: ignore[attr-defined]
    return window


def decisions_in_file(path: Path) -> dict[str, float | None]:
    """What a fresh connection (as another process) sees."""
    with Shop.open(path) as shop:
        return {d.product: d.final for d in load_decisions(shop, ORDER_DAY)}


def decided_on_screen(window: MainWindow) -> set[str]:
    return {product for table in window.sheet.tables
            for product in table.order_model().decisions}


def test_accept_all_on_a_locked_file_is_not_saved_and_says_so(
        qtbot: object, planned_session: object, log_file: Path) -> None:
    session = planned_session
    window = window_on(qtbot, session)
    with writer_holding(session.path):  # type: ignore[attr-defined]
        window.sheet.accept_all()
    assert session.undo_stack.count() == 0  # type: ignore[attr-defined]
    assert window.message.text() == BUSY_DE
    assert decisions_in_file(session.path) == {}  # type: ignore[attr-defined]
    assert session.decisions == {}  # type: ignore[attr-defined]
    assert decided_on_screen(window) == set()
    [dialog] = shown_dialogs()
    assert dialog.text == BUSY_DE
    assert "database is locked" in log_file.read_text(encoding="utf-8")

    dialog.close()
    window.sheet.accept_all()  # the other writer is done: now it is saved
    assert session.undo_stack.count() == 1  # type: ignore[attr-defined]
    assert window.message.text() == "Gespeichert."
    assert len(decisions_in_file(session.path)) == 9  # type: ignore[attr-defined]
    assert len(decided_on_screen(window)) == 9


def test_an_undo_the_file_refuses_leaves_the_decisions_shown_and_kept(
        qtbot: object, planned_session: object) -> None:
    session = planned_session
    window = window_on(qtbot, session)
    window.sheet.accept_all()
    assert len(decisions_in_file(session.path)) == 9  # type: ignore[attr-defined]
    with writer_holding(session.path):  # type: ignore[attr-defined]
        session.undo_stack.undo()  # type: ignore[attr-defined]
    assert window.message.text() == BUSY_DE  # not "Gespeichert."
    # the undo did not happen: the decisions stay, in the file and on screen, and the stack no
    # longer offers to undo what it could not (nor to redo what was never undone)
    assert len(decisions_in_file(session.path)) == 9  # type: ignore[attr-defined]
    assert len(decided_on_screen(window)) == 9
    assert not session.undo_stack.canRedo()  # type: ignore[attr-defined]
    assert session.undo_stack.count() == 0  # type: ignore[attr-defined]


def test_a_stock_count_on_a_read_only_file(qtbot: object, planned_session: object) -> None:
    from app.order_model import STOCK

    session = planned_session
    window = window_on(qtbot, session)
    # SQLite's read-only mode gives the SQLITE_READONLY of a write-protected file (tests may run
    # as root, where chmod does not stop writes)
    session.shop._conn.execute("PRAGMA query_only = 1")  # type: ignore[attr-defined]
    bread = "Roggenmischbrot 750 g"
    table, row = window.sheet.table_of(bread)  # type: ignore[misc]
    table.order_model().setData(table.order_model().index(row, STOCK), "12")
    assert session.undo_stack.count() == 0  # type: ignore[attr-defined]
    assert "schreibgeschützt" in window.message.text()
    assert session.line(bread).on_hand is None  # type: ignore[attr-defined]
    table, row = window.sheet.table_of(bread)  # type: ignore[misc]
    assert table.order_model().index(row, STOCK).data() == ""


def test_settings_on_a_locked_file_stay_in_the_dialog(qtbot: object, session: object) -> None:
    from app.settings_dialog import SettingsDialog

    window = window_on(qtbot, session)
    dialog = SettingsDialog(session, window)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    dialog.name.setText("Backhaus Neu")
    with writer_holding(session.path):  # type: ignore[attr-defined]
        dialog.save_and_close()
    assert dialog.result() != QDialog.DialogCode.Accepted  # still open, the typing kept
    assert dialog.name.text() == "Backhaus Neu"
    assert [d.text for d in shown_dialogs()] == [BUSY_DE]
    assert load_settings(session.shop).name == "Bäckerei Sonnenkorn"  # type: ignore[attr-defined]


def test_a_calendar_event_on_a_locked_file(qtbot: object, session: object) -> None:
    window = window_on(qtbot, session)
    before = len(load_events(session.shop))  # type: ignore[attr-defined]
    event = Event("weekly_market", "Wochenmarkt", ORDER_DAY, ORDER_DAY)
    with writer_holding(session.path):  # type: ignore[attr-defined]
        assert window.calendar.store_event(event) is None
    assert window.calendar.message.text() == BUSY_DE
    assert len(load_events(session.shop)) == before  # type: ignore[attr-defined]
    assert window.calendar.store_event(event) is not None


def test_an_export_to_a_full_disk(qtbot: object, planned_session: object,
                                  tmp_path: Path) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full on this system")
    window = window_on(qtbot, planned_session)
    target = tmp_path / "bestellung.csv"
    target.symlink_to("/dev/full")  # every write there fails with ENOSPC
    assert window.export_csv(target) is None
    assert window.message.text().startswith("Der Datenträger ist voll")
    assert [d.text for d in shown_dialogs()] == [window.message.text()]


def test_the_import_wizard_on_a_locked_file(qtbot: object, session: object) -> None:
    """The wizard's import runs on its own connection with the real busy timeout (seconds)."""
    from app.import_wizard import ImportWizard
    from tests.shared_data import require_datasets

    kiel = require_datasets("kiel_bakery", "umsatzdaten_gekuerzt.csv")
    session.auto_recompute = False  # type: ignore[attr-defined]
    wizard = ImportWizard(session, None, str(kiel))  # type: ignore[arg-type]
    qtbot.addWidget(wizard)  # type: ignore[attr-defined]
    wizard.show()
    wizard.next()
    page = wizard.mapping_page  # the Kiel file counts turnover: say so before going on
    page.unit_box.setCurrentIndex(page.unit_box.findData("EUR"))
    wizard.next()
    qtbot.waitUntil(wizard.report_page.isComplete, timeout=60_000)  # type: ignore[attr-defined]
    with writer_holding(session.path):  # type: ignore[attr-defined]
        wizard.next()
        done = wizard.done_page
        qtbot.waitUntil(lambda: done.finished, timeout=60_000)  # type: ignore[attr-defined]
    assert not done.ok
    assert done.text.toPlainText() == BUSY_DE


@pytest.mark.qt_no_exception_capture  # the app's own hook is under test
def test_a_bug_in_a_slot_shows_the_error_dialog(qtbot: object, log_file: Path) -> None:
    i18n.install_language("de")
    uninstall = install_hooks()
    try:
        button = QPushButton()
        qtbot.addWidget(button)  # type: ignore[attr-defined]
        button.clicked.connect(lambda: {}["Brötchen"])  # a KeyError, as a bug would raise it
        button.click()
        qtbot.waitUntil(lambda: bool(shown_dialogs()))  # type: ignore[attr-defined]
    finally:
        uninstall()
    [dialog] = shown_dialogs()
    assert dialog.text.startswith("Etwas Unerwartetes ist schiefgegangen (KeyError: 'Brötchen')")
    assert dialog.copy_button.text() == "Details kopieren"
    assert dialog.folder_button.text() == "Protokollordner öffnen"
    assert dialog.log_folder() == log_file.parent
    dialog.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    assert "Traceback (most recent call last)" in copied
    assert "KeyError: 'Brötchen'" in copied
    assert copied.startswith("Bestellkompass ")
    assert "Python 3." in copied
    assert str(log_file) in copied
    log = log_file.read_text(encoding="utf-8")
    assert "unexpected error" in log
    assert "KeyError: 'Brötchen'" in log


def test_qt_messages_reach_the_log(log_file: Path) -> None:
    uninstall = install_hooks()
    try:
        qWarning("QPainter::begin: Paint device returned engine == 0")
    finally:
        uninstall()
    assert "WARNING" in log_file.read_text(encoding="utf-8")
    assert "Paint device returned engine == 0" in log_file.read_text(encoding="utf-8")


def test_a_damaged_shop_file_at_start_says_so_in_a_dialog(
        qapp: object, shop_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corrupt_table(shop_path, "shop")
    seen: list[str] = []

    def close_it() -> None:  # the damaged-file message (with its backup offer, if there is one)
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QMessageBox):
            seen.append(dialog.text() + " " + dialog.informativeText())
            dialog.reject()
        else:
            QTimer.singleShot(50, close_it)

    QTimer.singleShot(50, close_it)
    from app.launch import launch

    args = argparse.Namespace(shop=str(shop_path), lang="de", lang_given=True, screenshot=None,
                              selftest=False, day=ORDER_DAY)
    assert launch(args) == 2
    assert len(seen) == 1
    assert str(shop_path) in seen[0]
    assert "beschädigt" in seen[0]
    assert "Traceback" not in capsys.readouterr().err


def test_the_forecast_childs_last_words_reach_the_log(shop_path: Path, log_file: Path,
                                                      tmp_path: Path) -> None:
    """The child (a real `bestellkompass suggest` process) fails on a shop without its shop row;
    its stderr is the only trace in the window's process, so it must be in the window's log."""
    import sqlite3

    from app.forecast_process import forecast_in_child
    from app.jobs import JobProgress

    broken = tmp_path / "broken.bkshop"
    shutil.copy(shop_path, broken)
    conn = sqlite3.connect(broken)
    conn.execute("DELETE FROM shop")
    conn.commit()
    conn.close()
    assert not forecast_in_child(broken, ORDER_DAY, JobProgress(lambda f, m: None))
    log = log_file.read_text(encoding="utf-8")
    assert "forecast child" in log
    assert "exited with 2" in log
    assert "fehlen die Angaben zum Laden" in log


def test_render_the_error_dialog(qtbot: object, tmp_path: Path) -> None:
    """The dialog as the owner sees it (docs/screenshots/error_dialog.png is made the same way)."""
    i18n.install_language("de")
    dialog = ErrorDialog(BUSY_DE, "details")
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    dialog.show()
    image = dialog.grab().toImage()
    assert image.width() >= 420
    assert dialog.label.wordWrap()
    assert dialog.copy_button.isVisible()
    assert dialog.folder_button.isVisible()
