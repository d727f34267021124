"""SettingsDialog: the shop (Bundesland from the postal code, opening and closing days), the
products (price, cost, value of unsold units, pack size, unit, shelf life, supplier, article
number, delivery days, service level), the suppliers (app/supplier_table.py) and the language."""

from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import i18n
from app.commands.settings import parse_weekdays
from app.error_dialog import show_failure
from app.session import ShopSession
from app.supplier_table import SupplierTableModel, weekdays_text
from app.tradeoff_panel import TradeoffPanel
from calendars.options import STATES, CalendarOptions
from calendars.postal_codes import place_for_postal_code
from calendars.public_holidays import holiday_display_names
from forecasting.errors import ChangedElsewhereError, UserError
from forecasting.importing.facts import holiday_exceptions_text
from forecasting.operations.reading import (
    load_closing_days,
    load_products,
    load_suppliers,
    stored_calendar_options,
)
from forecasting.operations.settings import (
    LATITUDE,
    LONGITUDE,
    PRODUCT_RANGES,
    UNITS,
    SettingsEdit,
    save_settings,
)
from forecasting.policy.economics import SERVICE_SETTINGS
from forecasting.policy.explain_text import setting_text
from forecasting.policy.lines import display_decimals
from forecasting.values.products import Product
from forecasting.values.suppliers import Supplier

STATE_NAMES = {
    "BB": "Brandenburg", "BE": "Berlin", "BW": "Baden-Württemberg", "BY": "Bayern",
    "HB": "Bremen", "HE": "Hessen", "HH": "Hamburg", "MV": "Mecklenburg-Vorpommern",
    "NI": "Niedersachsen", "NW": "Nordrhein-Westfalen", "RP": "Rheinland-Pfalz",
    "SH": "Schleswig-Holstein", "SL": "Saarland", "SN": "Sachsen", "ST": "Sachsen-Anhalt",
    "TH": "Thüringen",
}
SERVICE_CHOICES = (None, "sellout_ok", "few_leftovers", "balanced", "rarely_sold_out",
                   "never_sold_out")
PRODUCT_COLUMNS = 11
(P_NAME, P_PRICE, P_COST, P_SALVAGE, P_PACK, P_UNIT, P_SHELF, P_SUPPLIER, P_ARTICLE, P_DAYS,
 P_SERVICE) = range(PRODUCT_COLUMNS)


def _service_text(setting: str | None) -> str:

    return setting_text(setting, i18n.lang())


def _setting_of(level: float | None) -> str | None:
    if level is None:
        return None

    return min(SERVICE_SETTINGS, key=lambda k: abs(SERVICE_SETTINGS[k] - level))



def _coordinate(spin: QDoubleSpinBox, before: float | None) -> float | None:
    """The spin box's coordinate, or the stored one where the box only shows it rounded (an
    untouched field is no change: it would clash with a change made on the command line)."""
    value = spin.value() or None
    if value is not None and before is not None and round(before, spin.decimals()) == value:
        return before
    return value

class SettingsDialog(QDialog):
    """Edit and save the shop's settings; every save is one change to the shop file."""

    languageChosen = Signal(str)

    def __init__(self, session: ShopSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Settings"))
        self.resize(1180, 640)
        self.settings = session.settings
        self.closing = load_closing_days(session.shop)
        self.products = load_products(session.shop)
        self.suppliers = self._suppliers_shown()
        self.calendar_options = stored_calendar_options(session.shop)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._shop_tab(), self.tr("&Shop"))
        self.tabs.addTab(self._products_tab(), self.tr("&Products"))
        self.tabs.addTab(self._suppliers_tab(), self.tr("S&uppliers"))
        self.tabs.addTab(self._display_tab(), self.tr("&Language and display"))
        self.tradeoff = TradeoffPanel(session)
        self.finished.connect(self.tradeoff.cancel)  # no figures computed for a closed dialog
        self.tabs.addTab(self.tradeoff, self.tr("Leftovers or sold &out"))
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        box.accepted.connect(self.save_and_close)
        box.rejected.connect(self.reject)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020; font-weight: bold;")
        self.problem.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.problem)
        layout.addWidget(box)

    # -- shop ----------------------------------------------------------------------------------
    def _shop_tab(self) -> QWidget:
        page = QWidget()
        outer = QVBoxLayout(page)
        form = QFormLayout()
        outer.addLayout(form)
        outer.addStretch(1)
        self.name = QLineEdit(self.settings.name)
        self.postal = QLineEdit(self.settings.postal_code)
        self.postal.setMaxLength(5)
        self.postal.setInputMask("")
        self.state = QComboBox()
        for code in STATES:
            self.state.addItem(f"{STATE_NAMES[code]} ({code})", code)
        self.state.setCurrentIndex(self.state.findData(self.settings.state))
        self.state_hint = QLabel()
        self.postal.textChanged.connect(self._postal_changed)
        days = QHBoxLayout()
        self.day_boxes = []
        for number in range(7):
            day = dt.date(2024, 1, 1) + dt.timedelta(days=number)  # a Monday
            box = QCheckBox(i18n.weekday_name(day, short=True))
            box.setChecked(number in self.settings.opening_days)
            self.day_boxes.append(box)
            days.addWidget(box)
        days.addStretch(1)
        self.holidays_open = QCheckBox(self.tr("Open on public holidays"))
        self.holidays_open.setChecked(self.settings.open_on_public_holidays)
        self.holidays_open.clicked.connect(self._holiday_rule_changed)
        self.holiday_exceptions = self.settings.holiday_exceptions
        self.holiday_button = QPushButton(self.tr("Each public &holiday…"))
        self.holiday_button.clicked.connect(self.edit_holidays)
        self.holiday_note = QLabel()
        self.holiday_note.setWordWrap(True)
        self._show_holiday_note()
        holidays_row = QHBoxLayout()
        holidays_row.addWidget(self.holidays_open)
        holidays_row.addWidget(self.holiday_button)
        holidays_row.addStretch(1)
        self.latitude = QDoubleSpinBox()
        self.longitude = QDoubleSpinBox()
        for spin, (_low, high) in ((self.latitude, LATITUDE), (self.longitude, LONGITUDE)):
            spin.setRange(0.0, high)  # 0 shows "unknown"; a value below `_low` is refused on save
            spin.setDecimals(3)
            spin.setSpecialValueText(self.tr("unknown"))
        self.latitude.setValue(self.settings.latitude or 0.0)
        self.longitude.setValue(self.settings.longitude or 0.0)
        location = QHBoxLayout()
        location.addWidget(self.latitude)
        location.addWidget(self.longitude)
        self.closing_list = QListWidget()
        self.closing_list.setMaximumHeight(140)
        for day, reason in sorted(self.closing.items()):
            self._add_closing_item(day, reason)
        self.closing_date = QDateEdit(QDate.currentDate())
        self.closing_date.setCalendarPopup(True)
        self.closing_date.setDisplayFormat("dd.MM.yyyy" if i18n.lang() == "de" else "yyyy-MM-dd")
        self.closing_reason = QLineEdit()
        self.closing_reason.setPlaceholderText(self.tr("Reason, e.g. holiday"))
        add = QPushButton(self.tr("&Add closing day"))
        remove = QPushButton(self.tr("Remove selected"))
        add.clicked.connect(self._add_closing)
        remove.clicked.connect(self._remove_closing)
        closing_row = QHBoxLayout()
        for widget in (self.closing_date, self.closing_reason, add, remove):
            closing_row.addWidget(widget)
        form.addRow(self.tr("Shop &name"), self.name)
        form.addRow(self.tr("&Postal code"), self.postal)
        form.addRow(self.tr("&Bundesland"), self.state)
        form.addRow("", self.state_hint)
        form.addRow(self.tr("Opening days"), days)
        form.addRow("", holidays_row)
        form.addRow("", self.holiday_note)
        form.addRow(self.tr("Location (latitude, longitude)"), location)
        form.addRow(self.tr("Closing days"), self.closing_list)
        form.addRow("", closing_row)
        form.addRow(self.tr("Paydays"), self._payday_row())
        form.addRow("", self._benefit_row())
        self.ramadan = QCheckBox(self.tr("Many customers observe Ramadan (Ramadan and Eid al-Fitr "
                                         "in the calendar)"))
        self.ramadan.setChecked(self.calendar_options.observe_ramadan)
        form.addRow(self.tr("Calendar"), self.ramadan)
        self.carnival = self._region_combo(self.calendar_options.carnival_region)
        form.addRow(self.tr("Carnival (Weiberfastnacht, Rosenmontag)"), self.carnival)
        self.catholic = self._region_combo(self.calendar_options.catholic_region)
        self.catholic.setToolTip(self.tr("Holidays kept only in Catholic municipalities: Assumption "
                                         "Day (Bavaria), Corpus Christi (parts of Saxony and "
                                         "Thuringia)"))
        form.addRow(self.tr("Catholic municipality"), self.catholic)
        return page

    def _payday_row(self) -> QHBoxLayout:
        """Which salary days matter to the customers."""
        row = QHBoxLayout()
        chosen = set(self.calendar_options.paydays.salary_days)
        self.salary_boxes = {}
        for rule, text in (("last", self.tr("salaries on the last banking day")),
                           (15, self.tr("on the 15th")), (1, self.tr("on the 1st"))):
            box = QCheckBox(text)
            box.setChecked(rule in chosen)
            self.salary_boxes[rule] = box
            row.addWidget(box)
        row.addStretch(1)
        return row

    def _benefit_row(self) -> QHBoxLayout:
        """Which other payments matter to the customers (all of them by default)."""
        row = QHBoxLayout()
        rules = self.calendar_options.paydays
        self.benefit_boxes = {}
        for name, text in (("pensions", self.tr("pensions")),
                           ("buergergeld", self.tr("Bürgergeld")),
                           ("kindergeld", self.tr("Kindergeld"))):
            box = QCheckBox(text)
            box.setChecked(bool(getattr(rules, name)))
            self.benefit_boxes[name] = box
            row.addWidget(box)
        row.addStretch(1)
        return row

    def _region_combo(self, value: bool | None) -> QComboBox:
        """By the Bundesland (None), yes or no."""
        combo = QComboBox()
        for text, data in ((self.tr("as usual in the Bundesland"), None),
                           (self.tr("yes, here"), True), (self.tr("no, not here"), False)):
            combo.addItem(text, data)
        combo.setCurrentIndex({None: 0, True: 1, False: 2}[value])
        return combo

    def edited_calendar_options(self) -> CalendarOptions:
        """The calendar options as set in the dialog."""
        days = tuple(rule for rule, box in self.salary_boxes.items() if box.isChecked())
        benefits = {name: box.isChecked() for name, box in self.benefit_boxes.items()}
        paydays = dataclasses.replace(self.calendar_options.paydays, salary_days=days, **benefits)
        return dataclasses.replace(self.calendar_options, paydays=paydays,
                                   observe_ramadan=self.ramadan.isChecked(),
                                   carnival_region=self.carnival.currentData(),
                                   catholic_region=self.catholic.currentData())

    def _postal_changed(self, text: str) -> None:
        place = place_for_postal_code(text)
        if place is None:
            self.state_hint.setText("")
            return
        self.state.setCurrentIndex(self.state.findData(place.state))
        self.latitude.setValue(place.latitude)
        self.longitude.setValue(place.longitude)
        self.state_hint.setText(self.tr("Taken from the postal code – please check."))

    def _add_closing_item(self, day: dt.date, reason: str) -> None:
        item = QListWidgetItem(f"{i18n.date_text(day)}  {reason}".strip())
        item.setData(Qt.ItemDataRole.UserRole, day.isoformat())
        item.setData(Qt.ItemDataRole.UserRole + 1, reason)
        self.closing_list.addItem(item)

    def _add_closing(self) -> None:
        q = self.closing_date.date()
        self._add_closing_item(dt.date(q.year(), q.month(), q.day()),
                               self.closing_reason.text().strip())
        self.closing_reason.clear()

    def _remove_closing(self) -> None:
        for item in self.closing_list.selectedItems():
            self.closing_list.takeItem(self.closing_list.row(item))

    def closing_days(self) -> dict[dt.date, str]:
        """The closing days as listed in the dialog."""
        out = {}
        for row in range(self.closing_list.count()):
            item = self.closing_list.item(row)
            out[dt.date.fromisoformat(item.data(Qt.ItemDataRole.UserRole))] = str(
                item.data(Qt.ItemDataRole.UserRole + 1) or "")
        return out

    # -- products ------------------------------------------------------------------------------
    def _products_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        hint = QLabel(self.tr("Prices in euro per unit. \"Unsold value\" is what a unit left over "
                              "still brings (day-old sale; 0 if thrown away)."))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.table = QTableWidget(len(self.products), PRODUCT_COLUMNS)
        self.table.setHorizontalHeaderLabels([
            self.tr("Product"), self.tr("Price €"), self.tr("Cost €"), self.tr("Unsold value €"),
            self.tr("Pack size"), self.tr("Unit"), self.tr("Shelf life (days)"),
            self.tr("Supplier / area"), self.tr("Article no."), self.tr("Delivery days"),
            self.tr("Service level"),
        ])
        self.table.horizontalHeaderItem(P_DAYS).setToolTip(self.tr(
            "Weekdays this product is delivered, e.g. Di, Fr; empty: the supplier's days"))
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)  # eleven columns: the names stay whole, it scrolls
        for row, product in enumerate(self.products):
            name = QTableWidgetItem(product.name)
            name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(row, P_NAME, name)
            for col, field in ((P_PRICE, "price"), (P_COST, "unit_cost"),
                               (P_SALVAGE, "salvage_value")):
                spin = QDoubleSpinBox()
                spin.setRange(*PRODUCT_RANGES[field][:2])
                spin.setDecimals(2)
                spin.setValue(getattr(product, field))
                self.table.setCellWidget(row, col, spin)
            pack = QDoubleSpinBox()
            self.table.setCellWidget(row, P_PACK, pack)
            self._fit_pack(pack, product)
            pack.setValue(product.pack_size)
            unit = QComboBox()
            for choice in dict.fromkeys((*UNITS, product.unit)):  # a till's own unit is kept
                unit.addItem(choice, choice)
            unit.setCurrentIndex(unit.findData(product.unit))
            unit.currentIndexChanged.connect(lambda _i, r=row: self._unit_changed(r))
            self.table.setCellWidget(row, P_UNIT, unit)
            shelf = QSpinBox()
            shelf.setRange(*(int(x) for x in PRODUCT_RANGES["shelf_life_days"][:2]))
            shelf.setValue(product.shelf_life_days)
            self.table.setCellWidget(row, P_SHELF, shelf)
            self.table.setItem(row, P_SUPPLIER, QTableWidgetItem(product.supplier))
            self.table.setItem(row, P_ARTICLE, QTableWidgetItem(product.article_number))
            days = QLineEdit(weekdays_text(product.delivery_weekdays)
                             if product.own_delivery_weekdays else "")
            days.setPlaceholderText(self.tr("as the supplier"))
            days.setToolTip(self.table.horizontalHeaderItem(P_DAYS).toolTip())
            self.table.setCellWidget(row, P_DAYS, days)
            service = QComboBox()
            for setting in SERVICE_CHOICES:
                service.addItem(_service_text(setting), setting)
            service.setCurrentIndex(max(0, service.findData(_setting_of(product.service_level))))
            self.table.setCellWidget(row, P_SERVICE, service)
        layout.addWidget(self.table)
        return page

    @staticmethod
    def _fit_pack(pack: QDoubleSpinBox, product: Product) -> None:
        """Pieces come in whole packs; kilograms and litres in parts (2,5 kg)."""
        decimals = 0 if display_decimals(dataclasses.replace(product, pack_size=1.0)) == 0 else 2
        pack.setDecimals(decimals)
        low, high, _whole = PRODUCT_RANGES["pack_size"]
        pack.setRange(low if decimals else 1, high)

    def _unit_changed(self, row: int) -> None:
        unit = self.table.cellWidget(row, P_UNIT).currentData()  # type: ignore[union-attr]
        pack = self.table.cellWidget(row, P_PACK)
        value = pack.value()  # type: ignore[union-attr]
        self._fit_pack(pack, dataclasses.replace(self.products[row], unit=unit))  # type: ignore[arg-type]
        pack.setValue(value)  # type: ignore[union-attr]

    def edited_products(self) -> list[Product]:
        """Products as edited in the table (only those that changed); UserError for delivery
        days that are no weekdays."""

        out = []
        for row, product in enumerate(self.products):
            cell = self.table.cellWidget
            setting = cell(row, P_SERVICE).currentData()  # type: ignore[union-attr]
            days_text = cell(row, P_DAYS).text().strip()  # type: ignore[union-attr]
            if days_text:
                own = {"delivery_weekdays": parse_weekdays(days_text),
                       "own_delivery_weekdays": True}
            else:
                own = {"own_delivery_weekdays": False}
            changed = dataclasses.replace(
                product,
                price=cell(row, P_PRICE).value(),  # type: ignore[union-attr]
                unit_cost=cell(row, P_COST).value(),  # type: ignore[union-attr]
                salvage_value=cell(row, P_SALVAGE).value(),  # type: ignore[union-attr]
                pack_size=cell(row, P_PACK).value(),  # type: ignore[union-attr]
                unit=cell(row, P_UNIT).currentData(),  # type: ignore[union-attr]
                shelf_life_days=cell(row, P_SHELF).value(),  # type: ignore[union-attr]
                supplier=self.table.item(row, P_SUPPLIER).text().strip(),
                article_number=self.table.item(row, P_ARTICLE).text().strip(),
                service_level=None if setting is None else SERVICE_SETTINGS[setting],
                **own,  # type: ignore[arg-type]
            )
            if changed != product:
                out.append(changed)
        return out

    # -- suppliers -----------------------------------------------------------------------------
    def _suppliers_shown(self) -> list[Supplier]:
        """Every supplier the products name, as stored (or not yet described)."""
        stored = load_suppliers(self.session.shop)
        names = sorted({p.supplier for p in self.products if p.supplier})
        return [stored.get(name, Supplier(name)) for name in names]

    def _suppliers_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        hint = QLabel(self.tr(
            "A product takes its supplier's delivery days and lead time unless it has its own "
            "(Products tab). On a day without delivery the delivery moves to the next possible "
            "day. Below the minimum order value the list shows a hint; the order is not changed."))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.supplier_model = SupplierTableModel(self.suppliers, self)
        self.supplier_model.refused.connect(self._show_problem)
        self.supplier_view = QTableView()
        self.supplier_view.setModel(self.supplier_model)
        self.supplier_view.setAccessibleName(self.tr("Suppliers"))
        self.supplier_view.verticalHeader().hide()
        header = self.supplier_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.supplier_view)
        if not self.suppliers:
            layout.addWidget(QLabel(self.tr(
                "No product names a supplier yet: enter one on the Products tab and save.")))
        return page

    def _show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()

    # -- display -------------------------------------------------------------------------------
    def _display_tab(self) -> QWidget:
        page = QWidget()
        outer = QVBoxLayout(page)
        form = QFormLayout()
        outer.addLayout(form)
        outer.addStretch(1)
        self.language = QComboBox()
        self.language.addItem("Deutsch", "de")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(self.language.findData(i18n.lang()))
        form.addRow(self.tr("&Language"), self.language)
        hint = QLabel(self.tr("Text size: View menu, or Ctrl+Plus / Ctrl+Minus (for projectors)."))
        hint.setWordWrap(True)
        form.addRow("", hint)
        return page

    # -- public holidays one by one ------------------------------------------------------------
    def _holiday_rule_changed(self) -> None:
        """The owner changed the rule for all holidays: the single exceptions go with it."""
        self.holiday_exceptions = ()
        self._show_holiday_note()

    def _show_holiday_note(self) -> None:
        state = str(self.state.currentData() or self.settings.state)
        self.holiday_note.setText(holiday_exceptions_text(
            self.holidays_open.isChecked(), self.holiday_exceptions, state, i18n.lang()))
        self.holiday_note.setVisible(bool(self.holiday_exceptions))

    def edit_holidays(self) -> QDialog:
        """A list of the state's public holidays, ticked where the shop opens (non-modal for
        tests: the answer is taken when the list is accepted)."""
        state = str(self.state.currentData() or self.settings.state)
        rule = self.holidays_open.isChecked()
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Open on which public holidays?"))
        listing = QListWidget()
        this_year = dt.date.today().year  # the holidays there are now, not long-gone ones
        shown = holiday_display_names(state, i18n.lang(), range(this_year, this_year + 2))
        for name, label in shown.items():
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            opens = rule != (name in self.holiday_exceptions)
            item.setCheckState(Qt.CheckState.Checked if opens else Qt.CheckState.Unchecked)
            listing.addItem(item)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(QLabel(self.tr("Ticked: the shop opens on this public holiday.")))
        layout.addWidget(listing)
        layout.addWidget(buttons)

        def taken() -> None:
            items = [listing.item(row) for row in range(listing.count())]
            self.holiday_exceptions = tuple(sorted(
                str(item.data(Qt.ItemDataRole.UserRole)) for item in items
                if (item.checkState() == Qt.CheckState.Checked) != rule))
            self._show_holiday_note()

        dialog.accepted.connect(taken)
        dialog.listing = listing  # type: ignore[attr-defined]
        dialog.open()
        return dialog

    # -- saving --------------------------------------------------------------------------------
    def save(self) -> None:
        """Write everything that changed to the shop file (one transaction)."""
        shop = self.session.shop
        settings = dataclasses.replace(
            self.settings,
            name=self.name.text().strip() or self.settings.name,
            postal_code=self.postal.text().strip(),
            state=str(self.state.currentData()),
            opening_days=tuple(i for i, box in enumerate(self.day_boxes) if box.isChecked()),
            open_on_public_holidays=self.holidays_open.isChecked(),
            holiday_exceptions=self.holiday_exceptions,
            latitude=_coordinate(self.latitude, self.settings.latitude),
            longitude=_coordinate(self.longitude, self.settings.longitude),
            language=str(self.language.currentData()),
        )
        edit = SettingsEdit(
            shop_before=self.settings, shop_after=settings,
            closing_before=self.closing, closing_after=self.closing_days(),
            calendar_before=self.calendar_options, calendar_after=self.edited_calendar_options(),
            products_before=self.products, products_after=self.edited_products(),
            suppliers_before=self.suppliers, suppliers_after=self.supplier_model.suppliers,
        )
        edit = self.tradeoff.add_to(edit)
        try:
            changes = save_settings(shop, edit)
        except ChangedElsewhereError as exc:  # name the fields as the dialog shows them
            shown = ", ".join(dict.fromkeys(self.field_label(f) for f in exc.fields))
            raise ChangedElsewhereError("settings.changed_elsewhere", fields=shown) from exc
        if changes.any:  # order settings alone keep the forecast: plan again without training
            self.session.data_changed(child=changes.data)

    def field_label(self, name: str) -> str:
        """A settings field's name as the dialog shows it (for the conflict message)."""
        labels = {
            "name": self.tr("Name"), "state": self.tr("State"),
            "postal_code": self.tr("Postal code"), "opening_days": self.tr("Opening days"),
            "open_on_public_holidays": self.tr("Open on public holidays"),
            "holiday_exceptions": self.tr("Public holidays"),
            "latitude": self.tr("Location"), "longitude": self.tr("Location"),
            "language": self.tr("Language"), "price": self.tr("Price"),
            "unit_cost": self.tr("Unit cost"), "salvage_value": self.tr("Salvage value"),
            "pack_size": self.tr("Pack size"), "shelf_life_days": self.tr("Shelf life"),
            "supplier": self.tr("Supplier"), "service_level": self.tr("Service level"),
            "unit": self.tr("Unit"), "article_number": self.tr("Article no."),
            "delivery_weekdays": self.tr("Delivery days"),
            "own_delivery_weekdays": self.tr("Delivery days"),
            "customer_number": self.tr("Customer number"),
            "lead_time_days": self.tr("Lead time (days)"), "cutoff": self.tr("Order by"),
            "no_delivery_days": self.tr("No delivery on"),
            "min_order_value": self.tr("Minimum order €"),
        }
        return labels.get(name, name)

    def save_and_close(self) -> None:
        """Save and close; switch the language if it changed. A refused save (changed elsewhere
        meanwhile) or a file that cannot be written keeps the dialog open with everything typed,
        and says why."""
        try:
            self.save()
        except UserError as exc:
            self.problem.setText(exc.message(i18n.lang()))
            self.problem.show()
            return
        except Exception as exc:
            show_failure(exc, self, self.session.path)
            return
        self.accept()
        lang = str(self.language.currentData())
        if lang != i18n.lang():
            self.languageChosen.emit(lang)
