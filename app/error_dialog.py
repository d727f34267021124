"""What the window says when something goes wrong: one sentence in the user's language.

A known failure (a locked, read-only, full or damaged shop file, an export folder without write
access; `forecasting/failures.py`) says what to do next. Anything else is a bug: the dialog says so
plainly and offers "Details kopieren" (stack and versions to the clipboard) and "Protokollordner
öffnen". `install_hooks` sends exceptions that would otherwise only be printed by Qt's event loop
(slots, virtual methods) and Qt's own messages to the log, and the exceptions to this dialog.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import (
    QCoreApplication,
    QMessageLogContext,
    Qt,
    QtMsgType,
    QUrl,
    qInstallMessageHandler,
)
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from app import i18n, logfile
from calendars.errors import CodedError
from forecasting.failures import user_message

_log = logging.getLogger("bestellkompass.app")
_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def failure_text(exc: BaseException, path: str | Path | None = None) -> str:
    """The one sentence for `exc` in the UI language (`path`: the shop file worked on)."""
    problem = user_message(exc, path)
    if problem is not None:
        return problem.message(i18n.lang())
    return QCoreApplication.translate(
        "ErrorDialog",
        "Something unexpected went wrong (%1). Please press “Copy details” and send them along "
        "when you report the error.").replace("%1", f"{type(exc).__name__}: {exc}")


def log_failure(exc: BaseException, path: str | Path | None = None) -> None:
    """Known failures as one line (the owner was told what to do), anything else with its stack."""
    problem = user_message(exc, path)
    if isinstance(exc, CodedError):
        _log.info("%s", exc.message("en"))
    elif problem is not None:
        _log.warning("%s", problem.message("en"), exc_info=exc)
    else:
        logfile.log_exception(exc)


class ErrorDialog(QDialog):
    """The sentence, and for whoever helps the owner: details to copy and the log folder."""

    def __init__(self, text: str, details: str, parent: QWidget | None = None, *,
                 technical: bool = True) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Bestellkompass"))
        self.text = text
        self.details = details
        icon = QLabel()
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize)
        icon.setPixmap(self.style().standardIcon(
            QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(size, size))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.label = QLabel(text)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setMinimumWidth(460)
        top = QHBoxLayout()
        top.setSpacing(16)
        top.addWidget(icon)
        top.addWidget(self.label, 1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        self.copy_button = QPushButton(self.tr("Copy details"))
        self.folder_button = QPushButton(self.tr("Open log folder"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.folder_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.accepted.connect(self.accept)
        self.copy_button.clicked.connect(self.copy_details)
        self.folder_button.clicked.connect(self.open_log_folder)
        # bad input the owner can correct needs no details; a failure of the file or a bug may
        self.copy_button.setVisible(technical)
        self.folder_button.setVisible(technical)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setDefault(True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addSpacing(12)
        layout.addWidget(buttons)

    def copy_details(self) -> None:
        """Stack, versions and log file to the clipboard, for an e-mail to whoever helps."""
        QGuiApplication.clipboard().setText(self.details)
        self.copy_button.setText(self.tr("Details copied"))

    def log_folder(self) -> Path:
        """The folder with the log files (the one in use, else where it would be)."""
        setup = logfile.active()
        return setup.directory if setup is not None else logfile.log_dir()

    def open_log_folder(self) -> None:
        """Show the log folder in the file manager."""
        folder = self.log_folder()
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def show_failure(exc: BaseException, parent: QWidget | None = None,
                 path: str | Path | None = None) -> ErrorDialog:
    """Log `exc` and show its sentence in an ErrorDialog (not blocking; one dialog per text)."""
    log_failure(exc, path)
    text = failure_text(exc, path)
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, ErrorDialog) and widget.isVisible() and widget.text == text:
            return widget
    dialog = ErrorDialog(text, logfile.details(exc), parent,
                         technical=not isinstance(exc, CodedError))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _shown.add(dialog)  # without a parent nothing else would keep it alive
    dialog.finished.connect(lambda _result: _shown.discard(dialog))
    dialog.open()
    return dialog


_shown: set[ErrorDialog] = set()


def install_hooks(shop_path: Callable[[], Path | None] = lambda: None) -> Callable[[], None]:
    """Route uncaught exceptions to the log and the ErrorDialog, and Qt's messages to the log;
    returns the function that puts the previous hooks back."""
    previous_hook = sys.excepthook

    def hook(kind: type[BaseException], exc: BaseException,
             trace: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            previous_hook(kind, exc, trace)
            return
        try:
            show_failure(exc.with_traceback(trace), QApplication.activeWindow(), shop_path())
        except Exception:  # the dialog itself failed: the log must still get it
            logfile.log_exception(exc, "unexpected error (no dialog)")

    sys.excepthook = hook
    previous_handler = qInstallMessageHandler(_qt_message)

    def uninstall() -> None:
        sys.excepthook = previous_hook
        qInstallMessageHandler(previous_handler)

    return uninstall


def _qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    logging.getLogger("qt").log(_QT_LEVELS.get(kind, logging.WARNING), "%s", message)


def startup_failed(exc: BaseException, path: str | Path | None) -> int:
    """The shop could not be opened: say why in a dialog (a windowed program has no console to
    print to) and on stderr if there is one; the exit code is the command line's (2 or 1)."""
    log_failure(exc, path)
    text = failure_text(exc, path)
    if sys.stderr is not None:
        print(text, file=sys.stderr)
    dialog = ErrorDialog(text, logfile.details(exc), technical=not isinstance(exc, CodedError))
    dialog.exec()
    return 2 if user_message(exc, path) is not None else 1
