"""CalendarView: the coming weeks (holidays, school holidays, paydays, events, weather); add, edit
and delete events; type in or fetch the weather forecast; import weather and event files."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QBrush, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import i18n
from app.calendar_data import day_infos, weather_symbol
from app.error_dialog import failure_text, log_failure, show_failure
from app.jobs import JobCancelled, JobProgress
from app.session import ShopSession
from calendars.event_files import read_events_file
from calendars.events import EVENT_KINDS, kind_name
from calendars.weather_files import read_weather_file
from calendars.weather_forecast import manual_forecast
from forecasting.errors import UserError
from forecasting.operations import calendar
from forecasting.operations.reading import load_events, load_products
from forecasting.operations.shop import open_shop
from forecasting.values.events import Event

WEEKS = 6

PROMOTION = "promotion"  # the one kind that can be linked to a single product


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(qdate: QDate) -> dt.date:
    return dt.date(qdate.year(), qdate.month(), qdate.day())


def kind_names(lang: str) -> dict[str, str]:
    """Event kind -> its name in `lang`."""

    return {k: kind_name(k, lang) for k in EVENT_KINDS}


class EventDialog(QDialog):
    """Add or edit one local event; a promotion can be for one of `products` or the whole shop."""

    def __init__(self, event: Event | None, parent: QWidget | None = None,
                 products: Sequence[str] = ()) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Event") if event is None or event.id is None
                            else self.tr("Edit event"))
        self.event = event or Event(kind="town_festival", name="", start_date=dt.date.today(),
                                    end_date=dt.date.today())
        form = QFormLayout(self)
        self.name = QLineEdit(self.event.name)
        self.kind = QComboBox()
        for code, name in kind_names(i18n.lang()).items():
            self.kind.addItem(name, code)
        self.kind.setCurrentIndex(max(0, self.kind.findData(self.event.kind)))
        self.start = QDateEdit(_qdate(self.event.start_date))
        self.end = QDateEdit(_qdate(self.event.end_date))
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd.MM.yyyy" if i18n.lang() == "de" else "yyyy-MM-dd")
        self.strength = QComboBox()
        labels = {
            0.5: self.tr("smaller than usual"),
            1.0: self.tr("as usual"),
            1.5: self.tr("bigger than usual"),
            2.0: self.tr("much bigger than usual"),
        }
        for value, label in labels.items():
            self.strength.addItem(label, value)
        current = self.event.strength if self.event.strength is not None else 1.0
        self.strength.setCurrentIndex(
            min(range(len(labels)), key=lambda i: abs(list(labels)[i] - current)))
        form.addRow(self.tr("&Name"), self.name)
        form.addRow(self.tr("&Kind"), self.kind)
        form.addRow(self.tr("&From"), self.start)
        form.addRow(self.tr("&To"), self.end)
        self.product = QComboBox()
        self.product.addItem(self.tr("All products"), None)
        names = list(products)
        if self.event.product and self.event.product not in names:
            names.append(self.event.product)  # e.g. a product no longer active: keep the link
        for name in sorted(names, key=str.casefold):
            self.product.addItem(name, name)
        self.product.setCurrentIndex(max(0, self.product.findData(self.event.product)))
        self.product.setToolTip(self.tr("Only a promotion can be for a single product; it then "
                                        "changes only that product's forecast."))
        form.addRow(self.tr("&Product"), self.product)
        form.addRow(self.tr("&Size"), self.strength)
        self.box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.box.accepted.connect(self.accept)
        self.box.rejected.connect(self.reject)
        form.addRow(self.box)
        self.start.dateChanged.connect(self._keep_order)
        self.name.textChanged.connect(self._update)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()
        self._update()

    def _keep_order(self, qdate: QDate) -> None:
        if self.end.date() < qdate:
            self.end.setDate(qdate)

    def _kind_changed(self) -> None:
        """Only a promotion can be for one product; any other kind is for the whole shop."""
        promotion = self.kind.currentData() == PROMOTION
        self.product.setEnabled(promotion)
        if not promotion:
            self.product.setCurrentIndex(0)

    def _update(self) -> None:
        self.box.button(QDialogButtonBox.StandardButton.Save).setEnabled(
            bool(self.name.text().strip()))

    def result_event(self) -> Event:
        """The event as entered (same id when editing)."""
        return Event(
            kind=str(self.kind.currentData()),
            name=self.name.text().strip(),
            start_date=_pydate(self.start.date()),
            end_date=max(_pydate(self.start.date()), _pydate(self.end.date())),
            strength=float(self.strength.currentData()),
            source=self.event.source,
            uid=self.event.uid,
            id=self.event.id,
            product=self.product.currentData() if self.kind.currentData() == PROMOTION else None,
        )


class WeatherDialog(QDialog):
    """Type in the forecast for a day: maximum temperature and rain."""

    def __init__(self, day: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Weather forecast"))
        form = QFormLayout(self)
        self.day = QDateEdit(_qdate(day))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("dd.MM.yyyy" if i18n.lang() == "de" else "yyyy-MM-dd")
        self.temperature = QDoubleSpinBox()
        self.temperature.setRange(-30, 45)
        self.temperature.setDecimals(0)
        self.temperature.setSuffix(" °C")
        self.temperature.setValue(15)
        self.rain = QComboBox()
        self.rain.addItem(self.tr("dry"), 0.0)
        self.rain.addItem(self.tr("some rain"), 2.0)
        self.rain.addItem(self.tr("rainy day"), 8.0)
        form.addRow(self.tr("&Day"), self.day)
        form.addRow(self.tr("&Highest temperature"), self.temperature)
        form.addRow(self.tr("&Rain"), self.rain)
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        form.addRow(box)

    def values(self) -> tuple[dt.date, float, float]:
        """(day, highest temperature, rain in mm)."""
        return _pydate(self.day.date()), self.temperature.value(), float(self.rain.currentData())


class CalendarView(QWidget):
    """The coming weeks day by day, and the shop's events."""

    def __init__(self, session: ShopSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.start = dt.date.today()
        self.days = QTableWidget(0, 5)
        self.days.setHorizontalHeaderLabels(
            [self.tr("Date"), self.tr("Day"), self.tr("What is special"), self.tr("Events"),
             self.tr("Weather")])
        self.days.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.days.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.days.verticalHeader().hide()
        self.days.setWordWrap(False)
        self.days.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.days.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.events = QTableWidget(0, 6)
        self.events.setHorizontalHeaderLabels(
            [self.tr("Event"), self.tr("Kind"), self.tr("Product"), self.tr("From"), self.tr("To"),
             self.tr("Source")])
        self.events.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.events.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.events.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.events.verticalHeader().hide()
        self.events.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        eh = self.events.horizontalHeader()
        eh.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        eh.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

        self.add_button = QPushButton(self.tr("&New event…"))
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.delete_button = QPushButton(self.tr("De&lete"))
        self.weather_button = QPushButton(self.tr("Enter &weather…"))
        self.fetch_button = QPushButton(self.tr("&Fetch weather forecast (internet)"))
        self.fetch_button.setToolTip(self.tr("Uses the internet only when you press this"))
        self.message = QLabel()
        self.message.setWordWrap(True)

        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.weather_button)
        buttons.addWidget(self.fetch_button)

        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        events_label = QLabel(self.tr("Current and coming events of the shop"))
        events_label.setBuddy(self.events)
        lower_layout.addWidget(events_label)
        lower_layout.addWidget(self.events)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.days)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)

        layout = QVBoxLayout(self)
        title = QLabel(self.tr("The coming weeks"))
        font = title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        title.setFont(font)
        layout.addWidget(title)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)

        self.add_button.clicked.connect(self.add_event)
        self.edit_button.clicked.connect(self.edit_event)
        self.delete_button.clicked.connect(self.delete_selected)
        self.weather_button.clicked.connect(self.enter_weather)
        self.fetch_button.clicked.connect(self.fetch_weather)
        self.events.itemDoubleClicked.connect(lambda _item: self.edit_event())
        self._dirty = True
        session.dataChanged.connect(self.mark_dirty)
        session.planChanged.connect(self._follow_order_day)
        self.mark_dirty()  # read when the tab is first shown, not while the window is built

    # -- reading -------------------------------------------------------------------------------
    def mark_dirty(self, *_args: object) -> None:
        """The calendar or the data changed: reload now if visible, else when shown."""
        self._dirty = True
        if self.isVisible():
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        if self._dirty:
            self.reload()
        super().showEvent(event)

    def reload(self) -> None:
        """Fill both tables from the shop file."""
        lang = i18n.lang()
        # The order day is always on the page, also when the owner plans a day already past.
        self.start = min(dt.date.today(), self.session.day)
        events = load_events(self.session.shop)
        infos = day_infos(self.session.shop, self.start, WEEKS * 7, lang)
        self.days.setRowCount(len(infos))
        muted = QBrush(self.palette().color(QPalette.ColorRole.PlaceholderText))
        for row, info in enumerate(infos):
            names = [e.name for e in events if e.start_date <= info.day <= e.end_date]
            special = [w for w in info.special if w not in names]
            if info.closed:
                special.insert(0, self.tr("closed"))
            temp = info.temperature_max if info.temperature_max is not None else info.temperature
            weather = weather_symbol(info)
            if temp is not None:
                weather += f" {i18n.num(temp)} °C"
            if info.precipitation is not None:
                weather += f", {i18n.num(info.precipitation, 1)} mm"
            cells = [i18n.date_text(info.day), i18n.weekday_name(info.day), "; ".join(special),
                     "; ".join(names), weather.strip(", ")]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if info.closed:
                    item.setForeground(muted)
                if col == 4 and info.weather_kind == "forecast":
                    item.setToolTip(self.tr("Weather forecast"))
                self.days.setItem(row, col, item)
        events = [e for e in events if e.end_date >= self.start]
        self.event_list = events
        self.events.setRowCount(len(events))
        kinds = kind_names(lang)
        for row, event in enumerate(events):
            cells = [event.name, kinds.get(event.kind, event.kind), event.product or "",
                     i18n.date_text(event.start_date), i18n.date_text(event.end_date),
                     event.source]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, event.id)
                self.events.setItem(row, col, item)
        self._dirty = False

    def _follow_order_day(self) -> None:
        """Reload when the owner picked an order day before the first day shown."""
        if min(dt.date.today(), self.session.day) != self.start:
            self.mark_dirty()

    def selected_event(self) -> Event | None:
        """The event selected in the list."""
        rows = {i.row() for i in self.events.selectedIndexes()}
        if not rows:
            return None
        return self.event_list[min(rows)]

    def product_names(self) -> list[str]:
        """The shop's active products, for linking a promotion to one of them."""
        return [p.name for p in load_products(self.session.shop, active_only=True)]

    # -- changing ------------------------------------------------------------------------------
    def add_event(self) -> None:
        """Ask for a new event and store it."""
        dialog = EventDialog(None, self, self.product_names())
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.store_event(dialog.result_event())

    def edit_event(self) -> None:
        """Edit the selected event."""
        event = self.selected_event()
        if event is None:
            return
        dialog = EventDialog(event, self, self.product_names())
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.store_event(dialog.result_event())

    def store_event(self, event: Event) -> int | None:
        """Save an event and let the suggestions follow (None: not saved, the owner was told)."""
        try:
            event_id, _ = calendar.save_event(self.session.shop, event)
        except Exception as exc:
            self._not_saved(exc)
            return None
        self.message.setText(self.tr("Event saved: %1").replace("%1", event.name))
        self.session.data_changed()
        return event_id

    def delete_selected(self) -> None:
        """Delete the selected event."""
        event = self.selected_event()
        if event is None or event.id is None:
            return
        try:
            calendar.delete_event(self.session.shop, event.id)
        except Exception as exc:
            self._not_saved(exc)
            return
        self.message.setText(self.tr("Event deleted: %1").replace("%1", event.name))
        self.session.data_changed()

    def enter_weather(self) -> None:
        """Type in the forecast for the order day."""
        dialog = WeatherDialog(self.session.day, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.store_weather(*dialog.values())

    def store_weather(self, day: dt.date, temperature_max: float, rain_mm: float) -> None:
        """Save a typed-in forecast."""

        frame = manual_forecast(day, temperature_max=temperature_max, rain=rain_mm)
        try:
            calendar.save_weather(self.session.shop, frame, "manual")
        except Exception as exc:
            self._not_saved(exc)
            return
        self.message.setText(self.tr("Weather forecast saved for %1.").replace(
            "%1", i18n.date_text(day)))
        self.session.data_changed()

    def fetch_weather(self) -> None:
        """Fetch the 7-day forecast online (only now, on request)."""
        try:
            calendar.shop_location(self.session.shop)
        except UserError:
            self.message.setText(self.tr("To fetch the forecast the shop needs its location "
                                         "(postal code in the settings). You can always type "
                                         "the weather in by hand."))
            return
        path = self.session.path

        def job(progress: JobProgress) -> int:
            progress.report(0.1, "")
            with open_shop(path) as shop:
                return calendar.fetch_weather_forecast(shop)[0]

        self.message.setText(self.tr("Fetching the weather forecast…"))
        self.session.runner.run(self.tr("Fetching the weather forecast…"), job,
                                self._fetched, self._failed)

    def _fetched(self, count: int) -> None:
        self.message.setText(self.tr("Weather forecast fetched: %1 days.").replace(
            "%1", str(count)))
        self.session.data_changed()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, JobCancelled):
            self.message.setText(self.tr("Cancelled. Nothing was changed."))
            return
        log_failure(exc, self.session.path)
        self.message.setText(failure_text(exc, self.session.path))

    def _not_saved(self, exc: Exception) -> None:
        """A change the file did not take (its transaction rolled back, the view still shows what
        the file holds): say why."""
        self.message.setText(failure_text(exc, self.session.path))
        show_failure(exc, self, self.session.path)

    # -- imports -------------------------------------------------------------------------------
    def import_weather(self, path: str | None = None) -> None:
        """Import a weather file (DWD, Open-Meteo, Meteostat or plain CSV) on the worker."""
        path = path or QFileDialog.getOpenFileName(
            self, self.tr("Import weather file"), "",
            self.tr("Weather files (*.csv *.txt);;All files (*)"))[0]
        if not path:
            return
        shop_path = self.session.path

        def job(progress: JobProgress) -> int:

            frame = read_weather_file(path)
            progress.check()
            with open_shop(shop_path) as shop:
                return calendar.import_weather(shop, frame)[0]

        self.session.runner.run(self.tr("Importing weather…"), job, self._weather_imported,
                                self._failed)

    def _weather_imported(self, count: int) -> None:
        self.message.setText(self.tr("%1 weather days imported.").replace("%1", str(count)))
        self.session.data_changed()

    def import_events(self, path: str | None = None) -> None:
        """Import events from an .ics or .csv file on the worker (all or nothing)."""
        path = path or QFileDialog.getOpenFileName(
            self, self.tr("Import events"), "",
            self.tr("Calendars (*.ics *.csv);;All files (*)"))[0]
        if not path:
            return
        shop_path = self.session.path
        self.session.runner.run(self.tr("Importing events…"),
                                lambda progress: import_events_file(shop_path, Path(path), progress),
                                self._events_imported, self._failed)

    def _events_imported(self, count: int) -> None:
        self.message.setText(self.tr("%1 events imported.").replace("%1", str(count)))
        self.session.data_changed()


def import_events_file(shop_path: Path, path: Path, progress: Any) -> int:
    """Read events and store them in one transaction; an event with a known uid is replaced."""

    frame = read_events_file(path)
    if progress.cancelled():
        return 0
    with open_shop(shop_path) as shop:
        calendar.import_events(shop, frame)
    return len(frame)
