"""ImportWizard over the import engine: drop a file, see the detected format and a preview, fix the
column mapping, read the validation report (a dry run), confirm. Weather and event files too, and
the till's DSFinV-K export (a .zip or its folder: the columns are the spec's, nothing to map).

For a new shop (`new_shop`, from the NewShopDialog) the wizard is the first run: the file is read
once, the shop's facts inferred from it (opening weekdays, public holidays, Bundesland and weather
location from the postal code, the unit) are shown for the owner to correct, and only then is the
shop file created with the sales (`operations.sales.import_into_new_shop`); the window then opens
it and computes the first suggestions."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from app import i18n
from app.calendar_view import import_events_file
from app.error_dialog import failure_text, log_failure
from app.jobs import JobCancelled, JobProgress
from app.new_shop_dialog import NewShop
from app.session import ShopSession
from app.settings_dialog import STATE_NAMES
from calendars.event_files import read_events_file
from calendars.options import STATES
from calendars.public_holidays import holiday_display_names
from calendars.text_files import ENCODINGS
from calendars.weather_files import read_weather_file
from forecasting.importing.dsfinvk_files import is_export, preview_lines
from forecasting.importing.engine import (
    ImportOptions,
    days_with_sales,
    money_columns,
    read_file,
)
from forecasting.importing.facts import OpeningFacts, opening_facts
from forecasting.importing.reader import records
from forecasting.importing.report import render_report
from forecasting.importing.sniff import SAMPLE_ROWS, column_names, detect_mapping
from forecasting.operations import calendar, sales
from forecasting.operations.shop import open_shop
from forecasting.texts import render

PREVIEW_ROWS = 12
KINDS = ("sales", "weather", "events")
NONE = ""


def _error_text(exc: BaseException, shop_path: Path | None = None) -> str:
    if isinstance(exc, JobCancelled):
        return QCoreApplication.translate("ImportWizard", "Cancelled. Nothing was changed.")
    log_failure(exc, shop_path)
    return failure_text(exc, shop_path)


class DropArea(QFrame):
    """A box a file can be dropped on (or chosen with the button below it)."""

    fileDropped = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumHeight(120)
        layout = QVBoxLayout(self)
        label = QLabel(self.tr("Drop your file here\n(CSV, TXT or Excel from the till or a "
                               "spreadsheet, or the till's DSFinV-K export as .zip or folder)"))
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(label)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        urls = event.mimeData().urls()
        if urls:
            self.fileDropped.emit(urls[0].toLocalFile())
            event.acceptProposedAction()


class FilePage(QWizardPage):
    """Step 1: which file, and what it holds."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Choose a file"))
        self.setSubTitle(self.tr("Nothing is written to your shop before the last step."))
        self.drop = DropArea()
        self.path = QLineEdit()
        self.path.setPlaceholderText(self.tr("File name"))
        browse = QPushButton(self.tr("&Choose file…"))
        folder = QPushButton(self.tr("Choose f&older…"))
        folder.setToolTip(self.tr("An unpacked DSFinV-K export of the till"))
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        row.addWidget(folder)
        self.kind_group = QButtonGroup(self)
        kinds = QHBoxLayout()
        for code, text in (("sales", self.tr("&Sales history")), ("weather", self.tr("&Weather")),
                           ("events", self.tr("&Events (ICS or CSV)"))):
            button = QRadioButton(text)
            button.setProperty("kind", code)
            self.kind_group.addButton(button)
            kinds.addWidget(button)
            if code == "sales":
                button.setChecked(True)
        kinds.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.drop)
        layout.addLayout(row)
        what = QLabel(self.tr("What is in the file?"))
        layout.addWidget(what)
        layout.addLayout(kinds)
        layout.addStretch(1)
        self.drop.fileDropped.connect(self.set_file)
        browse.clicked.connect(self._browse)
        folder.clicked.connect(self._browse_folder)
        self.path.textChanged.connect(self.completeChanged)
        self.registerField("path*", self.path)

    def set_file(self, path: str) -> None:
        """Use this file (dropped, chosen or given)."""
        self.path.setText(path)
        if Path(path).suffix.lower() in (".ics", ".ical"):
            self.set_kind("events")
        elif is_export(path):
            self.set_kind("sales")

    def set_kind(self, kind: str) -> None:
        """Choose what the file holds: sales, weather or events."""
        for button in self.kind_group.buttons():
            button.setChecked(button.property("kind") == kind)

    def only_sales(self) -> None:
        """A new shop starts from its sales history: weather and events come later."""
        self.set_kind("sales")
        for button in self.kind_group.buttons():
            button.setEnabled(button.property("kind") == "sales")

    def kind(self) -> str:
        """sales, weather or events."""
        button = self.kind_group.checkedButton()
        return str(button.property("kind")) if button else "sales"

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a file"), "",
            self.tr("Data files (*.csv *.txt *.xlsx *.xls *.zip *.ics);;All files (*)"))
        if path:
            self.set_file(path)

    def _browse_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Choose the export folder"))
        if path:
            self.set_file(path)
            self.set_kind("sales")

    def isComplete(self) -> bool:
        path = Path(self.path.text().strip())
        return path.is_file() or (path.is_dir() and self.kind() == "sales")


class MappingPage(QWizardPage):
    """Step 2: what was detected, a preview, and the columns to use (editable)."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.wiz = wizard
        self.setTitle(self.tr("Check the columns"))
        self.setSubTitle(self.tr("Bestellkompass guessed how the file is built. Correct the "
                                 "columns if a guess is wrong."))
        self.detected = QLabel()
        self.detected.setWordWrap(True)
        self.preview = QTableWidget()
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.preview.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.layout_box = QComboBox()
        for code, text in (("daily", self.tr("one row per day and product")),
                           ("receipts", self.tr("one row per sale (receipts)")),
                           ("wide", self.tr("one column per product"))):
            self.layout_box.addItem(text, code)
        self.date_box = QComboBox()
        self.product_box = QComboBox()
        self.quantity_box = QComboBox()
        self.order_box = QComboBox()
        self.order_box.addItem(self.tr("detect"), None)
        self.order_box.addItem(self.tr("day.month (31.12.)"), "DMY")
        self.order_box.addItem(self.tr("month/day (12/31)"), "MDY")
        self.encoding_box = QComboBox()
        for encoding in ENCODINGS:
            self.encoding_box.addItem(encoding, encoding)
        self.unit_box = QComboBox()
        self.unit_box.addItem(self.tr("(please choose)"), NONE)
        self.unit_box.addItem(self.tr("pieces"), "Stück")
        self.unit_box.addItem(self.tr("euros (turnover)"), "EUR")
        self.unit_hint = QLabel()
        self.unit_hint.setWordWrap(True)
        self.product_columns = QListWidget()
        self.product_columns.setMaximumHeight(110)
        self.form = QFormLayout()
        self.form.addRow(self.tr("&Layout"), self.layout_box)
        self.form.addRow(self.tr("&Date column"), self.date_box)
        self.form.addRow(self.tr("&Product column"), self.product_box)
        self.form.addRow(self.tr("&Quantity column"), self.quantity_box)
        self.form.addRow(self.tr("Product columns"), self.product_columns)
        self.form.addRow(self.tr("Date &order"), self.order_box)
        self.form.addRow(self.tr("&Encoding"), self.encoding_box)
        self.form.addRow(self.tr("Quantities &count"), self.unit_box)
        self.form.addRow(self.unit_hint)
        self.error = QLabel()
        self.error.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.detected)
        layout.addWidget(self.preview, 1)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        self.layout_box.currentIndexChanged.connect(self._layout_changed)
        self.encoding_box.activated.connect(self._encoding_chosen)
        self.quantity_box.activated.connect(self._ask_unit)
        self.unit_box.activated.connect(lambda: self.unit_box.setProperty("chosen", True))
        self.product_columns.itemChanged.connect(self._ask_unit)
        self.columns: list[str] = []
        self.sample: list[Any] = []

    def initializePage(self) -> None:
        self.error.setText("")
        path = Path(self.field("path").strip())
        self.wiz.mapping = None
        self.wiz.frame = None
        try:
            if self.wiz.kind() == "sales":
                self._init_sales(path)
            else:
                self._init_calendar(path)
        except Exception as exc:  # a file the engine refuses: say why, stay on the page
            self.error.setText(_error_text(exc))
        self.completeChanged.emit()

    def _init_sales(self, path: Path) -> None:
        if is_export(path):
            self._init_export(path)
            return
        for row in range(self.form.rowCount()):
            self.form.setRowVisible(row, True)
        mapping = detect_mapping(path)
        self.wiz.mapping = mapping
        if self.encoding_box.findData(mapping.encoding) < 0:
            self.encoding_box.addItem(mapping.encoding, mapping.encoding)
        self.encoding_box.setCurrentIndex(self.encoding_box.findData(mapping.encoding))
        self._show_sample(path, mapping)
        separator = {"\t": "Tab"}.get(mapping.separator, f"„{mapping.separator}“")
        text = self.tr("Detected: %1, encoding %2, separator %3, decimal %4, header in row %5.")
        fmt = "Excel" if path.suffix.lower() in (".xlsx", ".xlsm", ".xls") else "CSV"
        self.detected.setText(
            text.replace("%1", fmt).replace("%2", mapping.encoding).replace("%3", separator)
            .replace("%4", f"„{mapping.decimal}“").replace("%5", str(mapping.header_row)))
        self.layout_box.setCurrentIndex(self.layout_box.findData(mapping.layout))
        for box, value in ((self.date_box, mapping.date_column),
                           (self.product_box, mapping.product_column),
                           (self.quantity_box, mapping.quantity_column)):
            box.clear()
            box.addItem(self.tr("(none)"), NONE)
            for name in self.columns:
                box.addItem(name, name)
            box.setCurrentIndex(max(0, box.findData(value or NONE)))
        self.product_columns.clear()
        for name in self.columns:
            item = QListWidgetItem(name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if name in mapping.product_columns
                               else Qt.CheckState.Unchecked)
            self.product_columns.addItem(item)
        self.order_box.setCurrentIndex(max(0, self.order_box.findData(mapping.date_order)))
        self._layout_changed()
        self._ask_unit()

    def _show_sample(self, path: Path, mapping: Any) -> None:
        """The preview of the file's first rows, read as the mapping says."""
        sample = list(itertools.islice(
            records(path, mapping.encoding, mapping.separator, mapping.sheet),
            max(PREVIEW_ROWS, SAMPLE_ROWS) + max(mapping.header_row, 0)))
        header = sample[mapping.header_row - 1] if mapping.header_row else None
        data = sample[mapping.header_row:]
        width = max([len(r) for r in data] + [len(header) if header else 0] + [1])
        self.columns = column_names(header, width)
        self.sample = data
        self._fill_preview(self.columns, data[:PREVIEW_ROWS])

    def _encoding_chosen(self) -> None:
        """Read the preview again in the encoding the user chose (umlauts must look right)."""
        if self.wiz.mapping is None:
            return
        self.wiz.mapping.encoding = str(self.encoding_box.currentData())
        try:
            self._show_sample(Path(self.field("path").strip()), self.wiz.mapping)
            self.error.setText("")
        except Exception as exc:
            self.error.setText(_error_text(exc))

    def _ask_unit(self) -> None:
        """A quantity column that holds money: the user must say whether it counts euros."""
        mapping = self.edited_mapping()
        if mapping is None:
            return
        money = money_columns(self.columns, self.sample, mapping)
        if money:
            self.unit_hint.setText(self.tr("The column “%1” looks like money (turnover), not "
                                           "pieces. Choose what it counts: in euros the products "
                                           "are planned and shown in euros.").replace("%1",
                                                                                      money[0]))
            if self.unit_box.currentData() == "Stück" and not self.unit_box.property("chosen"):
                self.unit_box.setCurrentIndex(0)
        else:
            self.unit_hint.setText("")
            if self.unit_box.currentData() == NONE:
                self.unit_box.setCurrentIndex(self.unit_box.findData("Stück"))

    def _init_export(self, path: Path) -> None:
        """A DSFinV-K export: the spec fixes the columns; show what counts and the first lines."""
        for row in range(self.form.rowCount()):
            self.form.setRowVisible(row, False)
        columns, rows = preview_lines(path, PREVIEW_ROWS)
        self.wiz.mapping = detect_mapping(path)
        self.columns = columns
        self._fill_preview(columns, rows)
        self.detected.setText(self.tr(
            "DSFinV-K export of the till. Counted are the lines of receipts of type Beleg with "
            "business case Umsatz (MENGE × FAKTOR, cancellations and returns as booked, all "
            "registers and daily closings); training, aborted and other receipts are left out. "
            "The next step shows every line's place."))

    def _init_calendar(self, path: Path) -> None:
        for row in range(self.form.rowCount()):
            self.form.setRowVisible(row, False)
        if self.wiz.kind() == "weather":

            frame = read_weather_file(path)
            self.detected.setText(self.tr("Weather file: %1 days from %2 to %3.")
                                  .replace("%1", str(len(frame)))
                                  .replace("%2", i18n.date_text(frame["date"].min().date()))
                                  .replace("%3", i18n.date_text(frame["date"].max().date())))
        else:

            frame = read_events_file(path)
            self.detected.setText(self.tr("Events file: %1 events.").replace("%1",
                                                                             str(len(frame))))
        self.wiz.frame = frame
        shown = frame.head(PREVIEW_ROWS)
        rows = [[_cell(v) for v in rec] for rec in shown.itertuples(index=False)]
        self._fill_preview([str(c) for c in frame.columns], rows)

    def _fill_preview(self, columns: list[str], rows: list[Any]) -> None:
        self.preview.clear()
        self.preview.setColumnCount(len(columns))
        self.preview.setRowCount(len(rows))
        self.preview.setHorizontalHeaderLabels(columns)
        for r, row in enumerate(rows):
            for c in range(len(columns)):
                value = row[c] if c < len(row) else ""
                self.preview.setItem(r, c, QTableWidgetItem("" if value is None else str(value)))

    def _layout_changed(self) -> None:
        wide = self.layout_box.currentData() == "wide"
        self.form.setRowVisible(self.product_columns, wide and self.wiz.kind() == "sales")
        self.form.setRowVisible(self.product_box, not wide and self.wiz.kind() == "sales")
        self.form.setRowVisible(self.quantity_box, not wide and self.wiz.kind() == "sales")

    def edited_mapping(self) -> Any:
        """The detected mapping with the user's corrections."""
        import dataclasses

        mapping = self.wiz.mapping
        if mapping is None or is_export(Path(self.field("path").strip())):
            return mapping
        checked = [self.product_columns.item(i).text() for i in range(self.product_columns.count())
                   if self.product_columns.item(i).checkState() == Qt.CheckState.Checked]
        return dataclasses.replace(
            mapping,
            layout=str(self.layout_box.currentData()),
            date_column=self.date_box.currentData() or None,
            product_column=self.product_box.currentData() or None,
            quantity_column=self.quantity_box.currentData() or None,
            product_columns=checked if self.layout_box.currentData() == "wide" else [],
            date_order=self.order_box.currentData(),
            encoding=str(self.encoding_box.currentData() or mapping.encoding),
            unit=self.unit_box.currentData() or None,
        )

    def isComplete(self) -> bool:
        return self.wiz.mapping is not None or self.wiz.frame is not None

    def validatePage(self) -> bool:
        if self.wiz.kind() != "sales":
            return True
        try:
            mapping = self.edited_mapping()
            mapping.check(Path(self.field("path")).name)
            if mapping.unit is None and money_columns(self.columns, self.sample, mapping):
                self.error.setText(self.tr("Choose what the quantities count: pieces or euros."))
                return False
        except Exception as exc:
            self.error.setText(_error_text(exc))
            return False
        self.wiz.mapping = mapping
        return True


def _cell(value: object) -> str:
    if hasattr(value, "date") and callable(value.date):
        return i18n.date_text(value.date())  # type: ignore[union-attr]
    if isinstance(value, float):
        return "" if value != value else i18n.num(value, 1)
    return "" if value is None else str(value)


class ReportPage(QWizardPage):
    """Step 3: the validation report of a dry run; choose keep/replace on conflicts; confirm."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.wiz = wizard
        self.setTitle(self.tr("Check the result before importing"))
        self.setCommitPage(wizard.new_shop is None)  # a new shop: the facts page comes first
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Import now"))
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.keep = QRadioButton(self.tr("Keep the days already in the shop"))
        self.replace = QRadioButton(self.tr("Replace them with the file's numbers"))
        self.keep.setChecked(True)
        self.skip_rejects = QCheckBox(self.tr("Import anyway and leave out the rejected rows"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.keep)
        layout.addWidget(self.replace)
        layout.addWidget(self.skip_rejects)
        self.done = False
        self.report: Any = None
        for widget in (self.keep, self.replace, self.skip_rejects):
            widget.toggled.connect(self._rerun)

    def options(self, dry_run: bool) -> Any:
        """The engine's options from the choices on this page."""

        conflict = None
        if self.report is not None and getattr(self.report, "conflict_count", 0):
            conflict = "replace" if self.replace.isChecked() else "keep"
        return ImportOptions(on_conflict=conflict, accept_rejects=self.skip_rejects.isChecked(),
                             dry_run=dry_run)

    def initializePage(self) -> None:
        self.report = None
        self._show_choices(False, False)
        self._run()

    def _rerun(self) -> None:
        if self.done:
            self._run()

    def _show_choices(self, conflicts: bool, rejects: bool) -> None:
        self.keep.setVisible(conflicts)
        self.replace.setVisible(conflicts)
        self.skip_rejects.setVisible(rejects)

    def _run(self) -> None:
        self.done = False
        self.completeChanged.emit()
        self.text.setPlainText(self.tr("Checking the file…"))
        kind = self.wiz.kind()
        path = Path(self.field("path"))
        shop_path = self.wiz.session.path
        if kind != "sales":
            self.text.setPlainText(self.wiz.mapping_page.detected.text())
            self.done = True
            self.completeChanged.emit()
            return
        mapping = self.wiz.mapping
        options = self.options(dry_run=True)
        self.wiz.data = None

        def job(progress: JobProgress) -> Any:
            with open_shop(shop_path, read_only=True) as shop:
                return sales.import_file(shop, path, mapping, options, progress=progress)[0]

        if self.wiz.new_shop is not None:  # read once; the facts and the write use the same data
            def job(progress: JobProgress) -> Any:
                data = read_file(path, mapping, progress=progress, window=options.window)
                return sales.dry_run(None, data, options), data, days_with_sales(data)

        self.wiz.session.runner.run(self.tr("Checking the file…"), job, self._checked,
                                    self._refused)

    def _checked(self, result: Any) -> None:
        report = result
        if self.wiz.new_shop is not None:
            report, self.wiz.data, self.wiz.days = result
        self.report = report
        self.text.setPlainText(render_report(report, i18n.lang()))
        self._show_choices(bool(report.conflict_count), bool(report.tally.rejected))
        self.done = True
        self.completeChanged.emit()

    def _refused(self, exc: BaseException) -> None:
        report = getattr(exc, "report", None)
        text = _error_text(exc, self.wiz.shop_path())
        if report is not None:

            self.report = report
            text = text + "\n\n" + render_report(report, i18n.lang())
            self._show_choices(bool(report.conflict_count), bool(report.tally.rejected))
        self.text.setPlainText(text)
        self.done = False
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.done


class FactsPage(QWizardPage):
    """A new shop, step 4: what Bestellkompass inferred from the file and the postal code, shown
    before anything is written; the owner corrects it, then the shop is created."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.wiz = wizard
        self.setTitle(self.tr("Check what was read from your data"))
        self.setSubTitle(self.tr("Correct what is wrong. Nothing is written before “Create shop "
                                 "and import”."))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Create shop and import"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.name = QLineEdit()
        self.state = QComboBox()
        for code in STATES:
            self.state.addItem(f"{STATE_NAMES[code]} ({code})", code)
        self.state_source = QLabel()
        self.state_source.setWordWrap(True)
        self.weather = QLabel()
        self.weather.setWordWrap(True)
        self.weekdays = [QCheckBox() for _ in range(7)]
        self.holidays = QCheckBox()
        # each public holiday on its own: the Kiel bakery closes at Christmas, opens on Ostermontag
        self.holiday_list = QListWidget()
        # pieces or euros, changed right here as on the columns page (no going back for it)
        self.unit_box = QComboBox()
        self.unit_box.addItem(self.tr("pieces"), "Stück")
        self.unit_box.addItem(self.tr("euros"), "EUR")
        self.unit = QLabel()
        self.unit.setWordWrap(True)
        self.error = QLabel()
        self.error.setWordWrap(True)
        days = QGridLayout()
        for weekday, box in enumerate(self.weekdays):
            days.addWidget(box, weekday % 4, weekday // 4)
        days.addWidget(self.holidays, 3, 1)
        form = QFormLayout()
        name_label = QLabel(self.tr("Shop na&me"))
        name_label.setBuddy(self.name)
        form.addRow(name_label, self.name)
        state_label = QLabel(self.tr("&State (Bundesland)"))
        state_label.setBuddy(self.state)
        form.addRow(state_label, self.state)
        form.addRow("", self.state_source)
        form.addRow(self.tr("Weather"), self.weather)
        form.addRow(self.tr("Open"), days)
        holidays_label = QLabel(self.tr("Each public &holiday"))
        holidays_label.setBuddy(self.holiday_list)
        form.addRow(holidays_label, self.holiday_list)
        unit_label = QLabel(self.tr("Quantities &in"))
        unit_label.setBuddy(self.unit_box)
        unit_row = QHBoxLayout()
        unit_row.addWidget(self.unit_box)
        unit_row.addWidget(self.unit, 1)
        form.addRow(unit_label, unit_row)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.inferred: OpeningFacts | None = None
        self.state.currentIndexChanged.connect(self._state_changed)
        for box in (*self.weekdays, self.holidays):
            box.toggled.connect(self._show_answers)
        self.holidays.clicked.connect(self._all_holidays)
        self.name.textChanged.connect(self.completeChanged)
        self.unit_box.activated.connect(lambda _i: self.set_unit(str(self.unit_box.currentData())))

    def initializePage(self) -> None:
        shop = self.wiz.new_shop
        assert shop is not None
        self.error.setText("")
        self.name.setText(shop.name)
        self.state.blockSignals(True)
        self.state.setCurrentIndex(self.state.findData(shop.location.state))
        self.state.blockSignals(False)
        self._state_changed()
        facts = self.inferred
        assert facts is not None
        for weekday, box in enumerate(self.weekdays):
            box.setChecked(weekday in facts.opening_days)
        self._show_answers()
        self._show_unit()
        report = self.wiz.report_page.report
        days = sorted(self.wiz.days)
        if report is not None and days:
            products = len(report.totals)
            text = (self.tr("1 product with sales from %2 to %3.") if products == 1
                    else self.tr("%1 products with sales from %2 to %3."))
            self.summary.setText(text.replace("%1", i18n.num(products, 0))
                                 .replace("%2", i18n.date_text(days[0]))
                                 .replace("%3", i18n.date_text(days[-1])))

    def _state_changed(self) -> None:
        """Another Bundesland has other public holidays: read them again for this one."""
        location = self.confirmed().location
        self.inferred = opening_facts(self.wiz.days, location.state)
        self.holidays.setChecked(self.inferred.open_on_public_holidays)
        self._fill_holidays(location.state)
        place = self.wiz.new_shop.location if self.wiz.new_shop else None
        if place is not None and place.postal_code and place.state == location.state:
            self.state_source.setText(self.tr("from the postal code %1 %2")
                                      .replace("%1", place.postal_code).replace("%2", place.place))
        elif place is not None and place.postal_code:
            self.state_source.setText(self.tr("chosen by you (the postal code %1 lies in %2)")
                                      .replace("%1", place.postal_code)
                                      .replace("%2", STATE_NAMES[place.state]))
        else:
            self.state_source.setText(self.tr("chosen by you"))
        if location.latitude is not None and location.longitude is not None:
            self.weather.setText(self.tr("known: %1 at %2, %3 (from the postal code)")
                                 .replace("%1", location.place or location.postal_code)
                                 .replace("%2", i18n.num(location.latitude, 4))
                                 .replace("%3", i18n.num(location.longitude, 4)))
        else:
            self.weather.setText(self.tr("unknown without a postal code (add it later in the "
                                         "settings)"))
        self._show_answers()

    def _show_answers(self) -> None:
        """Each line says what was found and what is chosen: "Sonntags geöffnet: ja, 260
        Sonntage mit Verkäufen"."""
        facts = self.inferred
        if facts is None:
            return
        lang = i18n.lang()
        answer = {True: render("facts.yes", lang), False: render("facts.no", lang)}
        adverbs = render("facts.adverbs", lang).split(",")
        plurals = render("facts.plurals", lang).split(",")
        for weekday, box in enumerate(self.weekdays):
            box.setText(render("facts.weekday", lang, adverb=adverbs[weekday],
                               plural=plurals[weekday], answer=answer[box.isChecked()],
                               n=i18n.num(facts.days_per_weekday[weekday], 0)))
        self.holidays.setText(render("facts.holidays", lang,
                                     answer=answer[self.holidays.isChecked()],
                                     n=i18n.num(facts.holidays_with_sales, 0),
                                     seen=i18n.num(facts.holidays_seen, 0)))
        self.completeChanged.emit()

    def _fill_holidays(self, state: str) -> None:
        """One checkable line per public holiday the history saw, checked where the shop opens."""
        facts = self.inferred
        assert facts is not None
        lang = i18n.lang()
        shown = holiday_display_names(state, lang)
        self.holiday_list.clear()
        for name, (sold, seen) in facts.per_holiday.items():
            item = QListWidgetItem(render("facts.holiday_sales", lang, name=shown.get(name, name),
                                          n=i18n.num(sold, 0), seen=i18n.num(seen, 0)))
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if facts.opens_on(name)
                               else Qt.CheckState.Unchecked)
            self.holiday_list.addItem(item)
        rows = min(max(self.holiday_list.count(), 1), 14)  # all of them where the page has room
        row = self.holiday_list.sizeHintForRow(0) if self.holiday_list.count() else 16
        self.holiday_list.setFixedHeight(rows * row + 2 * self.holiday_list.frameWidth() + 4)

    def _all_holidays(self, open_: bool) -> None:
        """The owner ticked "open on public holidays": every holiday follows, then single ones
        can be changed."""
        state = Qt.CheckState.Checked if open_ else Qt.CheckState.Unchecked
        for row in range(self.holiday_list.count()):
            self.holiday_list.item(row).setCheckState(state)

    def _show_unit(self) -> None:
        """The unit the quantities count and which column holds them; a DSFinV-K export's MENGE
        counts pieces, nothing to choose."""
        mapping = self.wiz.mapping
        unit = "EUR" if mapping.unit == "EUR" else "Stück"
        self.unit_box.setCurrentIndex(self.unit_box.findData(unit))
        self.unit_box.setEnabled(not is_export(Path(self.field("path").strip())))
        columns = (mapping.product_columns if mapping.layout == "wide"
                   else [mapping.quantity_column or "MENGE"])
        names = ", ".join(f"„{c}“" if i18n.lang() == "de" else f"“{c}”" for c in columns)
        if unit == "EUR":
            self.unit.setText(self.tr("%1 holds turnover: the products are planned and shown "
                                      "in euros").replace("%1", names))
        else:
            self.unit.setText(self.tr("%1 counts pieces").replace("%1", names))

    def set_unit(self, unit: str) -> None:
        """Count the quantities in `unit` ("Stück" or "EUR") exactly as choosing it on the
        columns page would: the mapping, the file as read for the dry run and the columns page's
        choice all change. The dry run is not repeated: for a new shop the unit only names what
        the products count (the totals, days and rejected rows are the same), and the shop file
        is written from `wiz.data` on "Create shop and import"."""
        mapping = dataclasses.replace(self.wiz.mapping, unit=unit)
        self.wiz.mapping = mapping
        if self.wiz.data is not None:
            self.wiz.data = dataclasses.replace(self.wiz.data, mapping=mapping)
        columns = self.wiz.mapping_page
        columns.unit_box.setCurrentIndex(columns.unit_box.findData(unit))
        columns.unit_box.setProperty("chosen", True)
        self._show_unit()

    def facts(self) -> OpeningFacts:
        """The opening days and public holidays as the owner confirmed them."""
        assert self.inferred is not None
        opening = tuple(w for w, box in enumerate(self.weekdays) if box.isChecked())
        rule = self.holidays.isChecked()
        items = [self.holiday_list.item(row) for row in range(self.holiday_list.count())]
        exceptions = tuple(
            str(item.data(Qt.ItemDataRole.UserRole)) for item in items
            if (item.checkState() == Qt.CheckState.Checked) != rule)
        return dataclasses.replace(self.inferred, opening_days=opening,
                                   open_on_public_holidays=rule, holiday_exceptions=exceptions)

    def confirmed(self) -> NewShop:
        """The new shop with the owner's name and Bundesland (the coordinates stay the postal
        code's: the weather is where the shop is, whatever the state)."""
        shop = self.wiz.new_shop
        assert shop is not None
        state = str(self.state.currentData() or shop.location.state)
        location = dataclasses.replace(shop.location, state=state)
        return dataclasses.replace(shop, name=self.name.text().strip() or shop.name,
                                   location=location)

    def isComplete(self) -> bool:
        return (any(box.isChecked() for box in self.weekdays)
                and bool(self.name.text().strip()))


class DonePage(QWizardPage):
    """Step 4: the import runs (worker thread, progress, cancel) and says what it did."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.wiz = wizard
        self.setTitle(self.tr("Import"))
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        self.finished = False
        self.ok = False

    def initializePage(self) -> None:
        self.finished = False
        self.ok = False
        self.text.setPlainText(self.tr("Importing… You can keep working meanwhile."))
        kind = self.wiz.kind()
        path = Path(self.field("path"))
        shop_path = self.wiz.session.path
        if self.wiz.new_shop is not None:
            self._create_shop()
            return
        if kind == "sales":
            mapping = self.wiz.mapping
            options = self.wiz.report_page.options(dry_run=False)

            def job(progress: JobProgress) -> Any:
                with open_shop(shop_path) as shop:
                    return sales.import_file(shop, path, mapping, options,
                                             progress=progress)[0]
        elif kind == "weather":
            frame = self.wiz.frame

            def job(progress: JobProgress) -> Any:
                with open_shop(shop_path) as shop:
                    return calendar.import_weather(shop, frame)[0]
        else:

            def job(progress: JobProgress) -> Any:
                return import_events_file(shop_path, path, progress)

        self.wiz.session.runner.run(self.tr("Importing…"), job, self._done, self._failed)

    def _create_shop(self) -> None:
        """The first run: the shop file with the sales and the facts as the owner confirmed."""
        self.text.setPlainText(self.tr("Creating the shop and importing the sales…"))
        page = self.wiz.facts_page
        assert page is not None
        new_shop, data, facts = page.confirmed(), self.wiz.data, page.facts()
        options = self.wiz.report_page.options(dry_run=False)

        def job(progress: JobProgress) -> Any:
            return sales.import_into_new_shop(
                new_shop.path, data, options, name=new_shop.name, location=new_shop.location,
                facts=facts, progress=progress)[0]

        self.wiz.session.runner.run(self.tr("Creating the shop…"), job, self._created,
                                    self._failed)

    def _created(self, report: Any) -> None:
        self.text.setPlainText(render_report(report, i18n.lang()))
        self.finished = True
        self.ok = True
        self.wiz.created = self.wiz.new_shop.path if self.wiz.new_shop else None
        self.completeChanged.emit()
        self.wiz.accept()  # the window opens the new shop and computes its first suggestions

    def _done(self, result: Any) -> None:
        if hasattr(result, "tally"):

            text = render_report(result, i18n.lang())
        else:
            text = self.tr("%1 rows imported.").replace("%1", str(result))
        self.text.setPlainText(text)
        self.finished = True
        self.ok = True
        self.completeChanged.emit()
        self.wiz.imported.emit()
        self.wiz.session.data_changed()

    def _failed(self, exc: BaseException) -> None:
        self.text.setPlainText(_error_text(exc, self.wiz.shop_path()))
        self.finished = True
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.finished


class ImportWizard(QWizard):
    """The four steps of bringing a file into the shop."""

    imported = Signal()

    def __init__(self, session: ShopSession, parent: QWidget | None = None,
                 path: str | None = None, kind: str = "sales",
                 new_shop: NewShop | None = None) -> None:
        super().__init__(parent)
        self.session = session  # a new shop: the open shop's jobs runner only
        self.new_shop = new_shop
        self.setWindowTitle(self.tr("Import data") if new_shop is None
                            else self.tr("New shop: %1").replace("%1", new_shop.name))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.resize(900, 680)
        self.mapping: Any = None
        self.frame: Any = None
        self.data: Any = None  # a new shop: the file as read for the dry run
        self.days: set[dt.date] = set()  # a new shop: the days with sales
        self.created: Path | None = None  # a new shop: its file, once written
        self.file_page = FilePage()
        self.mapping_page = MappingPage(self)
        self.report_page = ReportPage(self)
        self.facts_page = FactsPage(self) if new_shop is not None else None
        self.done_page = DonePage(self)
        pages = [self.file_page, self.mapping_page, self.report_page, self.done_page]
        if self.facts_page is not None:
            pages.insert(3, self.facts_page)
            self.file_page.only_sales()
        for page in pages:
            self.addPage(page)
        if path:
            self.file_page.set_file(path)
            self.file_page.set_kind(kind)

    def shop_path(self) -> Path:
        """The shop file the import goes into (a new shop's once it is created)."""
        return self.new_shop.path if self.new_shop is not None else self.session.path

    def kind(self) -> str:
        """What the chosen file holds."""
        return self.file_page.kind()
