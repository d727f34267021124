"""Backups in the app: Datei > Sicherung wiederherstellen… (the shop's backups in a table with a
restore button), the daily backup when a shop is opened (on the worker thread), and the offer to
restore the newest good backup when the shop file is damaged. The work is forecasting/backups.py;
this module only shows it and asks."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import i18n
from app.jobs import Job
from app.session import ShopSession
from calendars.errors import CodedError
from forecasting.operations import backups
from forecasting.operations.backups import Backup, Restored, ShopDamagedError
from forecasting.texts import render

if TYPE_CHECKING:
    from app.main_window import MainWindow

Index = QModelIndex | QPersistentModelIndex
T = TypeVar("T")
WHEN, KIND, CONTENT, SIZE, CHECK = range(5)


def _error_text(exc: BaseException) -> str:
    if isinstance(exc, CodedError):
        return exc.message(i18n.lang())
    return f"{type(exc).__name__}: {exc}"


class BackupListModel(QAbstractTableModel):
    """The shop's backups (forecasting.backups.Backup), newest first, one per row."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backups: list[Backup] = []

    def set_backups(self, found: list[Backup]) -> None:
        """Show another list (after a backup or a restore)."""
        self.beginResetModel()
        self.backups = list(found)
        self.endResetModel()

    def backup(self, row: int) -> Backup | None:
        """The backup shown in `row`."""
        return self.backups[row] if 0 <= row < len(self.backups) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.backups)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return [self.tr("Date and time"), self.tr("Kind"), self.tr("Content"), self.tr("Size"),
                self.tr("Check")][section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        backup = self.backup(index.row())
        if backup is None:
            return None
        lang = i18n.lang()
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return [backup.when(lang), backup.kind_text(lang), backup.summary(lang),
                    backup.size_text(lang),
                    render("backup.check_ok" if backup.ok else "backup.check_bad", lang)][column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(backup.path)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == SIZE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and not backup.ok:
            return QBrush(QColor("#b00020"))
        return None


class RestoreDialog(QDialog):
    """The shop's backups, newest first; restore one (after a clear question) or back up now."""

    restored = Signal(object)  # forecasting.backups.Restored

    def __init__(self, session: ShopSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Restore backup"))
        intro = QLabel(self.tr(
            "Backups of %1, newest first. Bestellkompass backs up the shop file once a day when "
            "it is opened and before every import, update and restore; every backup was checked "
            "when it was written.").replace("%1", session.path.name))
        intro.setWordWrap(True)
        self.model = BackupListModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(CONTENT, QHeaderView.ResizeMode.Stretch)
        self.folder = QLabel()
        self.folder.setWordWrap(True)
        self.folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.restore_button = QPushButton(self.tr("&Restore…"))
        self.backup_button = QPushButton(self.tr("Back up &now"))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.restore_button)
        row.addWidget(self.backup_button)
        row.addStretch(1)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.folder)
        layout.addWidget(self.status)
        layout.addLayout(row)
        self.restore_button.clicked.connect(self.restore_selected)
        self.backup_button.clicked.connect(self.back_up_now)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.resize(900, 460)
        self.reload()

    # -- list ----------------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the backup folders again (a millisecond per backup) and select the newest."""
        self.model.set_backups(backups.list_backups(self.session.path))
        shown = sorted({str(b.path.parent) for b in self.model.backups}) or [
            str(backups.folder_of(self.session.path))]
        self.folder.setText(self.tr("Folder: %1").replace("%1", ", ".join(shown)))
        if not self.model.backups:
            self.status.setText(self.tr("There is no backup yet."))
        if self.model.rowCount():
            self.view.selectRow(0)
        self._update_buttons()

    def selected(self) -> Backup | None:
        """The backup of the selected row."""
        rows = self.view.selectionModel().selectedRows()
        return self.model.backup(rows[0].row()) if rows else None

    def _update_buttons(self, *_args: object) -> None:
        chosen = self.selected()
        self.restore_button.setEnabled(chosen is not None and chosen.ok and not self._busy)

    _busy = False

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.backup_button.setEnabled(not busy)
        self._update_buttons()

    # -- restore -------------------------------------------------------------------------------
    def confirmation(self, backup: Backup) -> tuple[QMessageBox, QAbstractButton]:
        """The question before a restore, saying what will be replaced; (box, its yes button)."""
        lang = i18n.lang()
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Restore backup"))
        box.setText(self.tr("Replace the shop file with the backup of %1 (%2)?")
                    .replace("%1", backup.when(lang)).replace("%2", backup.kind_text(lang)))
        box.setInformativeText(self.tr(
            "The backup holds %1. Everything entered since then (sales, orders, settings) will "
            "no longer be in the shop file. The current state is backed up first, so you can go "
            "back to it.").replace("%1", backup.summary(lang)))
        yes = box.addButton(self.tr("Restore"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        return box, yes

    def restore_selected(self) -> Job | None:
        """Ask, then restore the selected backup on the worker thread."""
        chosen = self.selected()
        if chosen is None or self._busy:
            return None
        box, yes = self.confirmation(chosen)
        box.exec()
        if box.clickedButton() is not yes:
            return None
        return self.start_restore(chosen)

    def start_restore(self, chosen: Backup) -> Job:
        """Restore `chosen` on the worker (the session's jobs run one at a time)."""
        self._set_busy(True)
        self.status.setText(self.tr("Restoring…"))
        path = self.session.path
        return self.session.runner.run(self.tr("Restoring backup…"),
                                       lambda _progress: backups.restore_backup(path, chosen)[0],
                                       self._restored, self._failed)

    def _restored(self, result: Restored) -> None:
        self._set_busy(False)
        self.status.setText(result.message(i18n.lang()))
        self.reload()
        reload_session(self.session)
        self.restored.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.status.setText(_error_text(exc))
        self.reload()

    # -- manual backup -------------------------------------------------------------------------
    def back_up_now(self) -> Job | None:
        """Take a manual backup on the worker thread."""
        if self._busy:
            return None
        self._set_busy(True)
        self.status.setText(self.tr("Backing up…"))
        path = self.session.path
        return self.session.runner.run(self.tr("Backing up…"),
                                       lambda _progress: backups.create_backup(path),
                                       self._backed_up, self._failed)

    def _backed_up(self, made: Backup) -> None:
        self._set_busy(False)
        lang = i18n.lang()
        self.status.setText(render("backup.created", lang, path=made.path.name,
                                   size=made.size_text(lang), summary=made.summary(lang)))
        self.reload()


def reload_session(session: ShopSession) -> None:
    """The file now holds other data: forget the undo steps (they belong to the replaced state),
    read the decisions again and recompute the suggestions."""
    if session.closed:
        return
    session.undo_stack.clear()
    session.reload_decisions()
    session.decisionsChanged.emit({line.product for line in session.lines})
    session.data_changed()


# -- a damaged shop file -----------------------------------------------------------------------
def damaged_box(damaged: ShopDamagedError, parent: QWidget | None = None
                ) -> tuple[QMessageBox, QAbstractButton | None]:
    """The message for a damaged shop file; (box, its restore button or None if no backup)."""
    lang = i18n.lang()
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("Backups", "Shop file damaged"))
    box.setText(render("backup.damaged", lang, path=str(damaged.path),
                       detail=render(damaged.detail, lang)))
    if damaged.offer is None:
        box.setInformativeText(render("backup.damaged_no_backup", lang))
        box.addButton(QMessageBox.StandardButton.Ok)
        return box, None
    backup = damaged.offer[1]
    box.setInformativeText(QCoreApplication.translate(
        "Backups", "The newest good backup is from %1 (%2; %3). Restore it now? The damaged file "
        "is not deleted but kept aside.").replace("%1", backup.when(lang))
        .replace("%2", backup.kind_text(lang)).replace("%3", backup.summary(lang)))
    yes = box.addButton(QCoreApplication.translate("Backups", "Restore backup"),
                        QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QCoreApplication.translate("Backups", "Not now"),
                  QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(yes)  # type: ignore[arg-type]
    return box, yes


def offer_restore(damaged: ShopDamagedError, parent: QWidget | None = None) -> Backup | None:
    """Say the shop file is damaged and offer its newest good backup; the one chosen, or None."""
    box, yes = damaged_box(damaged, parent)
    box.exec()
    if yes is None or box.clickedButton() is not yes or damaged.offer is None:
        return None
    return damaged.offer[1]


def open_checked(open_shop: Callable[[], T], path: Path, parent: QWidget | None = None
                 ) -> tuple[T | None, Restored | None]:
    """Open a shop with `open_shop`; if the file is damaged, say so, offer its newest good backup
    and, if the owner agrees, restore it and open again. (None, None) when declined."""
    try:
        return open_shop(), None
    except Exception as exc:  # a damaged file shows as "not a shop", or as any read failing
        damaged = backups.diagnose(path, exc)
        if damaged is None:
            raise
    chosen = offer_restore(damaged, parent)
    if chosen is None:
        return None, None
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:  # nothing else is open yet: a restore takes well under a second for years of sales
        result = backups.restore_backup(path, chosen)[0]
    finally:
        QGuiApplication.restoreOverrideCursor()
    return open_shop(), result


# -- the daily backup --------------------------------------------------------------------------
def start_daily_backup(session: ShopSession, window: Callable[[], MainWindow]) -> Job:
    """The day's backup when a shop is opened, on the worker thread; a damaged file found by its
    check is said at once, with the offer to restore the newest good backup."""
    path = session.path
    said_before = window().message.text()

    def done(made: Backup | None) -> None:
        if made is None or session.closed:
            return
        text = QCoreApplication.translate("Backups", "Daily backup saved: %1")
        text = text.replace("%1", made.path.name)
        said = window().message.text()
        # what the window said meanwhile (e.g. "Ihr Laden ist angelegt…") matters more: keep it
        window().message.setText(text if said in ("", said_before) else f"{said} · {text}")

    def failed(exc: BaseException) -> None:
        if session.closed:
            return
        if isinstance(exc, ShopDamagedError):
            rescue(session, exc, window)
        else:
            window().show_error(exc)

    return session.runner.run(QCoreApplication.translate("Backups", "Daily backup…"),
                              lambda _progress: backups.daily_backup(path), done, failed)


def rescue(session: ShopSession, damaged: ShopDamagedError, window: Callable[[], MainWindow]
           ) -> Job | None:
    """The open shop turned out damaged: offer its newest good backup and restore it into the
    open file on the worker (SQLite writes it; the damaged pages are kept aside)."""
    chosen = offer_restore(damaged, window())
    if chosen is None:
        window().message.setText(render("backup.damaged", i18n.lang(), path=str(damaged.path),
                                        detail=render(damaged.detail, i18n.lang())))
        return None
    path = session.path

    def done(result: Restored) -> None:
        window().message.setText(result.message(i18n.lang()))
        reload_session(session)

    return session.runner.run(QCoreApplication.translate("Backups", "Restoring backup…"),
                              lambda _progress: backups.restore_backup(path, chosen)[0], done,
                              lambda exc: window().show_error(exc))
