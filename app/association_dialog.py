"""The association in the window (issue 18): Daten > Verbandsbeitrag erstellen… shows what the
shop would share ("Was wird geteilt?") before anything is written and writes only when the owner
confirms; Daten > Verbandswissen laden… shows what a prior rests on before the shop uses it, and
removes one in use. The work is forecasting/operations/association.py, as for the command line;
this module only shows it and asks.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import i18n
from app.error_dialog import failure_text
from app.jobs import Job, JobCancelled, JobProgress, JobRunner
from app.session import ShopSession
from forecasting.association.contribution import with_names
from forecasting.association.files import Bundle
from forecasting.operations import association
from forecasting.operations.shop import open_shop
from forecasting.texts import MESSAGES, format_number, render

ERROR_STYLE = "color: #b00020;"


def _kb(size: int) -> str:
    """A file size in kB, German digits in German."""
    return format_number(size / 1000.0, i18n.lang(), 1)


def _manifest_view() -> QPlainTextEdit:
    view = QPlainTextEdit()
    view.setReadOnly(True)
    view.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
    view.setMinimumHeight(220)
    return view


def _title(text: str = "") -> QLabel:
    label = QLabel(text)
    font = QFont(label.font())
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.2)
    label.setFont(font)
    return label


def _split(text: str) -> tuple[str, str]:
    """The manifest's first line (its title, "Was wird geteilt?") and the rest."""
    head, _, rest = text.partition("\n")
    return head, rest


class _Status(QLabel):
    """One line saying what happens, red when something went wrong."""

    def __init__(self) -> None:
        super().__init__()
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def say(self, text: str, *, problem: bool = False) -> None:
        self.setStyleSheet(ERROR_STYLE if problem else "")
        self.setText(text)


class ContributionDialog(QDialog):
    """Compute the shop's contribution (worker), show what is shared, write it only when the owner
    confirms; cancel writes nothing."""

    written = Signal(str)  # the file written

    def __init__(self, session: ShopSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.runner = JobRunner(parent=self)
        self.job: Job | None = None
        self.named: Bundle | None = None  # as computed, names inside; shown per the checkbox
        self.bundle: Bundle | None = None  # what would be written now
        self.saved_to: Path | None = None
        self.cancelled = False
        self.setWindowTitle(self.tr("Association contribution"))
        intro = QLabel(self.tr(
            "Your shop shares what it has learned with the association, not its sales. First the "
            "contribution is computed (a few seconds); then you see what is inside before anything "
            "is written."))
        intro.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.title = _title()
        self.view = _manifest_view()
        self.size_label = QLabel()
        self.names_box = QCheckBox(self.tr("Share the product &names as well (only if you allow "
                                           "it)"))
        self.path_edit = QLineEdit(str(self.default_path()))
        path_label = QLabel(self.tr("Save &as:"))
        path_label.setBuddy(self.path_edit)
        self.choose_button = QPushButton(self.tr("C&hoose…"))
        self.status = _Status()
        self.save_button = QPushButton(self.tr("&Save contribution"))
        self.save_button.setDefault(True)
        self.close_button = QPushButton(self.tr("Cancel"))
        path_row = QHBoxLayout()
        path_row.addWidget(path_label)
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.choose_button)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.progress)
        layout.addWidget(self.title)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.size_label)
        layout.addWidget(self.names_box)
        layout.addLayout(path_row)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.names_box.toggled.connect(self._show)
        self.choose_button.clicked.connect(self.choose_path)
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.reject)
        self.resize(760, 620)
        self._set_ready(False)
        self.start()

    def default_path(self) -> Path:
        """Next to the shop file, named after the day: nothing in the name says which shop."""
        stem = self.tr("association-contribution")
        return self.session.path.parent / f"{stem}-{dt.date.today().isoformat()}.bkcontrib"

    # -- computing -----------------------------------------------------------------------------
    def start(self) -> Job:
        """Compute the contribution on the worker (reads the shop, fits LightGBM: seconds)."""
        path = self.session.path
        self.status.say(self.tr("Computing the contribution…"))

        def job(progress: JobProgress) -> Bundle:
            with open_shop(path, read_only=True) as shop:
                return association.contribution_of_shop(shop, None, share_names=True,
                                                        progress=progress)

        self.job = self.runner.run(self.tr("Computing the contribution…"), job,
                                   self._computed, self._failed)
        self.job.signals.progress.connect(self._progress)
        return self.job

    def _progress(self, fraction: float, message: str) -> None:
        self.progress.setValue(int(fraction * 1000))
        if message in MESSAGES:
            self.status.say(render(message, i18n.lang()))

    def _computed(self, named: Bundle) -> None:
        if self.cancelled:
            return  # cancelled meanwhile: nothing is shown, nothing written
        self.named = named
        self.progress.hide()
        self.status.say(self.tr("Nothing has been written yet. Choose where to save it and "
                                "confirm with “Save contribution”."))
        self._show()
        self._set_ready(True)

    def _failed(self, exc: BaseException) -> None:
        self.progress.hide()
        if isinstance(exc, JobCancelled):
            self.status.say(render("association.cancelled", i18n.lang()))
            return
        self.status.say(failure_text(exc, self.session.path), problem=True)

    def _show(self, *_args: object) -> None:
        """The manifest of what would be written now (with or without the names)."""
        if self.named is None:
            return
        self.bundle = with_names(self.named, self.names_box.isChecked())
        head, rest = _split(self.bundle.manifest["text"][i18n.lang()])
        self.title.setText(head)
        self.view.setPlainText(rest.strip("\n"))
        size = association.file_size(self.bundle)
        self.size_label.setText(self.tr("File size: %1 kB").replace("%1", _kb(size)))

    def _set_ready(self, ready: bool) -> None:
        for widget in (self.names_box, self.path_edit, self.choose_button, self.save_button):
            widget.setEnabled(ready)

    # -- writing -------------------------------------------------------------------------------
    def choose_path(self) -> None:
        """Ask where to save (the file dialog asks before replacing a file)."""
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save contribution"), self.path_edit.text(),
            self.tr("Association contribution (*.bkcontrib)"))
        if chosen:
            self.path_edit.setText(chosen)

    def target(self) -> Path | None:
        """The file to write (.bkcontrib added when missing); None when the field is empty."""
        text = self.path_edit.text().strip()
        if not text:
            return None
        path = Path(text).expanduser()
        return path if path.suffix.lower() == ".bkcontrib" else path.with_name(
            path.name + ".bkcontrib")

    def save(self) -> Path | None:
        """The owner confirmed: write the contribution as shown; the path, or None."""
        path = self.target()
        if self.bundle is None or path is None:
            self.status.say(self.tr("Please choose where to save the contribution."),
                            problem=True)
            return None
        if path.exists() and not self.replace_ok(path):
            return None
        try:
            size = association.write_file(self.bundle, path)
        except Exception as exc:  # a folder without write access, a full disk: said, not raised
            self.status.say(failure_text(exc, self.session.path), problem=True)
            return None
        self.saved_to = path
        self.status.say(render("association.written", i18n.lang(), path=str(path), size=_kb(size)))
        self._set_ready(False)
        self.close_button.setText(self.tr("Close"))
        self.written.emit(str(path))
        return path

    def replace_ok(self, path: Path) -> bool:
        """Ask before a file of that name is replaced."""
        answer = QMessageBox.question(
            self, self.tr("Save contribution"),
            self.tr("%1 exists already. Replace it?").replace("%1", path.name))
        return answer == QMessageBox.StandardButton.Yes

    def reject(self) -> None:
        """Cancel: a running computation is stopped, nothing is written."""
        self.cancelled = self.saved_to is None
        if self.job is not None and not self.job.is_finished:
            self.job.progress.cancel()
        super().reject()


class PriorDialog(QDialog):
    """Choose a `.bkprior`, see what it rests on, then use it (the forecast recomputes); or remove
    the prior in use."""

    changed = Signal(str)  # what was done, in words

    def __init__(self, session: ShopSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.runner = JobRunner(parent=self)  # reading files need not wait for a forecast
        self.chosen: Bundle | None = None
        self.chosen_path: Path | None = None
        self.in_use: Bundle | None = None
        self.busy = False
        self.setWindowTitle(self.tr("Association prior"))
        intro = QLabel(self.tr(
            "An association prior holds what many shops have learned together, without their "
            "sales. The forecast uses it as one more voice, most where your own history is "
            "thin. Before you use one you see what it rests on."))
        intro.setWordWrap(True)
        self.in_use_label = QLabel()
        self.in_use_label.setWordWrap(True)
        self.remove_button = QPushButton(self.tr("&Remove"))
        self.path_edit = QLineEdit()
        self.path_edit.setReadOnly(True)
        path_label = QLabel(self.tr("&File:"))
        path_label.setBuddy(self.path_edit)
        self.choose_button = QPushButton(self.tr("C&hoose…"))
        self.title = _title()
        self.view = _manifest_view()
        self.status = _Status()
        self.use_button = QPushButton(self.tr("&Use this prior"))
        self.close_button = QPushButton(self.tr("Close"))
        in_use_row = QHBoxLayout()
        in_use_row.addWidget(self.in_use_label, 1)
        in_use_row.addWidget(self.remove_button)
        path_row = QHBoxLayout()
        path_row.addWidget(path_label)
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.choose_button)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.use_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(in_use_row)
        layout.addLayout(path_row)
        layout.addWidget(self.title)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.choose_button.clicked.connect(self.choose_file)
        self.use_button.clicked.connect(self.use)
        self.remove_button.clicked.connect(self.remove)
        self.close_button.clicked.connect(self.accept)
        self.resize(760, 600)
        self.use_button.setEnabled(False)
        self.remove_button.setEnabled(False)
        self.in_use_label.setText(self.tr("Looking for the prior in use…"))
        self.in_use_job = self.read_in_use()

    # -- the prior in use ----------------------------------------------------------------------
    def read_in_use(self) -> Job:
        """Read the prior kept with the shop on the worker (its models are checked)."""
        path = self.session.path

        def job(_progress: JobProgress) -> Bundle | None:
            with open_shop(path, read_only=True) as shop:
                return association.prior_in_use(shop)

        return self.runner.run(self.tr("Reading the prior in use…"), job, self._in_use_read,
                               self._in_use_failed)

    def _in_use_read(self, bundle: Bundle | None) -> None:
        self.in_use = bundle
        if bundle is None:
            self.in_use_label.setText(self.tr(
                "No association prior is in use: the forecast rests on this shop's own sales."))
        else:
            self.in_use_label.setText(self.tr("In use: %1").replace("%1", self.summary(bundle)))
        self._update_buttons()

    def _in_use_failed(self, exc: BaseException) -> None:
        self.in_use = None
        self.in_use_label.setText(failure_text(exc, self.session.path))
        self._update_buttons()

    def summary(self, bundle: Bundle) -> str:
        """What a prior rests on, in one line: shops, Bundesländer, categories."""
        m = bundle.manifest
        categories = len(bundle.effects.get("categories", {}))
        shops = int(m.get("shops", 0))
        text = (self.tr("prior from 1 shop in %2, %3 categories") if shops == 1
                else self.tr("prior from %1 shops in %2, %3 categories"))
        return (text.replace("%1", str(shops))
                .replace("%2", ", ".join(m.get("states", [])) or "-")
                .replace("%3", str(categories)))

    # -- choosing a file -----------------------------------------------------------------------
    def choose_file(self) -> None:
        """Ask for a `.bkprior` and read it."""
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Load association prior"), str(self.session.path.parent),
            self.tr("Association prior (*.bkprior);;All files (*)"))
        if chosen:
            self.read_file(Path(chosen))

    def read_file(self, path: Path) -> Job:
        """Read and check `path` on the worker; its manifest is shown, nothing is changed."""
        self.chosen = None
        self.chosen_path = path
        self.path_edit.setText(str(path))
        self.title.clear()
        self.view.clear()
        self.status.say(self.tr("Checking the file…"))
        self._update_buttons()
        return self.runner.run(self.tr("Checking the file…"),
                               lambda _progress: association.read_prior(path),
                               lambda bundle: self._file_read(path, bundle), self._file_failed)

    def _file_read(self, path: Path, bundle: Bundle) -> None:
        if path != self.chosen_path:
            return  # another file was chosen meanwhile
        self.chosen = bundle
        rest = _split(bundle.manifest["text"][i18n.lang()])[1]
        self.title.setText(self.tr("What does it rest on?"))
        self.view.setPlainText(rest.strip("\n"))
        self.status.say(self.tr("The file is fine: %1. Nothing has changed yet; “Use this prior” "
                                "keeps it with the shop.").replace("%1", self.summary(bundle)))
        self._update_buttons()

    def _file_failed(self, exc: BaseException) -> None:
        self.chosen = None
        self.status.say(failure_text(exc, self.session.path), problem=True)
        self._update_buttons()

    # -- using and removing --------------------------------------------------------------------
    def use(self) -> Job | None:
        """Keep the chosen prior with the shop (the same operation as `association use`); the
        forecast then recomputes."""
        if self.chosen is None or self.chosen_path is None or self.busy:
            return None
        path, prior = self.session.path, self.chosen_path
        self._set_busy(True, self.tr("Saving the prior with the shop…"))

        def job(_progress: JobProgress) -> Bundle:
            with open_shop(path) as shop:
                return association.use_prior(shop, prior)

        # the session's runner: writes to the shop file go one at a time
        return self.session.runner.run(self.tr("Saving the prior…"), job, self._used,
                                       self._write_failed)

    def _used(self, bundle: Bundle) -> None:
        m = bundle.manifest
        self._changed(render("association.used", i18n.lang(), shops=m.get("shops", 0),
                             states=", ".join(m.get("states", []))))
        self._in_use_read(bundle)

    def remove(self) -> Job | None:
        """Forget the prior in use; the forecast recomputes from the shop's own sales."""
        if self.in_use is None or self.busy:
            return None
        path = self.session.path
        self._set_busy(True, self.tr("Removing the prior…"))

        def job(_progress: JobProgress) -> bool:
            with open_shop(path) as shop:
                return association.remove_prior(shop)

        return self.session.runner.run(self.tr("Removing the prior…"), job, self._removed,
                                       self._write_failed)

    def _removed(self, removed: bool) -> None:
        self._changed(render("association.removed" if removed else "association.none_in_use",
                             i18n.lang()))
        self._in_use_read(None)

    def _changed(self, text: str) -> None:
        self._set_busy(False)
        self.status.say(text)
        self.changed.emit(text)
        self.session.data_changed()  # the data version grew: the forecast recomputes

    def _write_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.status.say(failure_text(exc, self.session.path), problem=True)

    def _set_busy(self, busy: bool, text: str = "") -> None:
        self.busy = busy
        if text:
            self.status.say(text)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.use_button.setEnabled(self.chosen is not None and not self.busy)
        self.remove_button.setEnabled(self.in_use is not None and not self.busy)
        self.choose_button.setEnabled(not self.busy)
