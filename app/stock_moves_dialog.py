"""Goods receipt ("Lieferung erhalten…") and write-off ("Abschrift buchen…") from the window.

Both book through the same operations as `bestellkompass stock receive` / `stock writeoff`
(forecasting/operations/stock.py) as undoable edits on the session's QUndoStack; the plan is then
recomputed from the saved forecast (the stock changed, not the sales). A wrong quantity (below 0,
half a piece) is refused inside the dialog with its reason and nothing is saved.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app import i18n
from app.error_dialog import failure_text
from app.session import ShopSession
from forecasting.errors import UserError
from forecasting.operations import stock
from forecasting.operations.edits import Edit
from forecasting.operations.reading import load_products
from forecasting.policy.lines import display_decimals
from forecasting.values.products import Product


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _amount(text: str, product: str) -> float:
    """What was typed as a number (UserError with the reason otherwise; empty means 0)."""
    try:
        value = i18n.parse_number(text.strip()) if text.strip() else 0.0
    except ValueError:
        value = None
    if value is None:
        raise UserError("stock.bad_amount", name=product, value=text.strip())
    return value


class _StockDialog(QDialog):
    """A day, the fields, a line for the reason something was refused, OK and Cancel."""

    def __init__(self, session: ShopSession, today: dt.date | None, parent: QWidget | None
                 ) -> None:
        super().__init__(parent)
        self.session = session
        self.today = today or dt.date.today()
        self.layout_ = QVBoxLayout(self)
        self.form = QFormLayout()
        self.layout_.addLayout(self.form)
        self.day = QDateEdit()
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("dd.MM.yyyy" if i18n.lang() == "de" else "yyyy-MM-dd")
        self.day.setMaximumDate(_qdate(self.today))
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def chosen_day(self) -> dt.date:
        """The day in the date field."""
        q = self.day.date()
        return dt.date(q.year(), q.month(), q.day())

    def refuse(self, exc: Exception) -> None:
        """Say in the dialog why nothing was booked."""
        self.error.setText(failure_text(exc, self.session.path))
        self.error.show()

    def book(self, make_edit: Callable[[], Edit], text: str) -> None:
        """Put the edit `make_edit` gives on the undo stack and close; stay open with the reason
        when it is refused (UserError for wrong input, or the file refused it)."""
        try:
            edit = make_edit()
        except UserError as exc:
            self.refuse(exc)
            return
        if self.session.apply_edit(edit, text):
            super().accept()
        elif self.session.edit_error is not None:
            self.refuse(self.session.edit_error)


class GoodsReceiptDialog(_StockDialog):
    """Confirm or correct what really came on a day for its open orders (short or extra
    delivery), prefilled with the ordered quantities (or what was booked already)."""

    def __init__(self, session: ShopSession, parent: QWidget | None = None,
                 today: dt.date | None = None) -> None:
        super().__init__(session, today, parent)
        self.setWindowTitle(self.tr("Goods received"))
        label = QLabel(self.tr("&Delivery day"))
        label.setBuddy(self.day)
        self.form.addRow(label, self.day)
        self.intro = QLabel(self.tr(
            "Confirm or correct what really came for the orders due that day: prefilled with "
            "what was ordered. A short or extra delivery changes the stock from that day on. "
            "A product that came without an order: choose it below and add it."))
        self.intro.setWordWrap(True)
        self.layout_.addWidget(self.intro)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.layout_.addWidget(self.scroll, 1)
        # A delivery of a product that was not ordered (an extra line, not from the supplier's
        # order): any active product that keeps, booked with the others in the same step.
        self.keeping: dict[str, Product] = {
            p.name: p for p in load_products(session.shop, active_only=True)
            if p.shelf_life_days > 1}
        self.other = QComboBox()
        self.other_label = QLabel(self.tr("&Other product"))
        self.other_label.setBuddy(self.other)
        self.add_button = QPushButton(self.tr("Add &product"))
        self.add_button.clicked.connect(self.add_selected)
        extra = QHBoxLayout()
        extra.addWidget(self.other_label)
        extra.addWidget(self.other, 1)
        extra.addWidget(self.add_button)
        self.layout_.addLayout(extra)
        self.layout_.addWidget(self.error)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Book receipt"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("&Cancel"))
        self.layout_.addWidget(self.buttons)
        self.fields: dict[str, QLineEdit] = {}
        self.added: set[str] = set()
        self.rows = QFormLayout()
        self.empty: QLabel | None = None
        self.day.setDate(_qdate(self.today))
        self.day.dateChanged.connect(lambda _d: self.load())
        self.load()
        self.resize(560, 380)

    def load(self) -> None:
        """The products with orders due on the chosen day, each with its field."""
        self.error.hide()
        inner = QWidget()
        self.rows = QFormLayout(inner)
        self.fields = {}
        self.added = set()
        self.empty = None
        for product, ordered, booked in stock.receipt_rows(self.session.shop, self.chosen_day()):
            d = display_decimals(product)
            text = (self.tr("%1 (ordered %2 %3)").replace("%1", product.name)
                    .replace("%2", i18n.num(ordered, d)).replace("%3", product.unit))
            self._add_row(product.name, text,
                          i18n.quantity(booked if booked is not None else ordered, d))
        if not self.fields:
            self.empty = QLabel(self.tr("No orders are due on this day."))
            self.rows.addRow(self.empty)
        self.scroll.setWidget(inner)
        self._fill_other()

    def _add_row(self, name: str, text: str, value: str) -> QLineEdit:
        field = QLineEdit(value)
        field.setAccessibleName(name)
        field.textChanged.connect(self.error.hide)  # a refusal is read, now corrected
        self.rows.addRow(QLabel(text), field)
        self.fields[name] = field
        return field

    def _fill_other(self) -> None:
        """The products that keep and have no line yet; OK once there is a line to book."""
        self.other.clear()
        self.other.addItems(sorted(n for n in self.keeping if n not in self.fields))
        has_other = self.other.count() > 0
        self.other.setEnabled(has_other)
        self.add_button.setEnabled(has_other)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.fields))

    def add_selected(self) -> None:
        """A line for the product chosen in the combo box (not ordered for this day), empty to
        type what came; left empty it books nothing."""
        self.add_product(self.other.currentText())

    def add_product(self, name: str) -> QLineEdit | None:
        """A line for `name` (a product that keeps, without a line yet); its field."""
        product = self.keeping.get(name)
        if product is None or name in self.fields:
            return None
        if self.empty is not None:
            self.rows.removeRow(self.empty)
            self.empty = None
        text = self.tr("%1 (not ordered, in %2)").replace("%1", name).replace("%2", product.unit)
        field = self._add_row(name, text, "")
        self.added.add(name)
        self._fill_other()
        field.setFocus()
        return field

    def accept(self) -> None:
        """Book what came as one undoable step."""
        self.book(self.edit, self.edit_text())

    def edit(self) -> Edit:
        """One step booking what came of every product of the day."""
        quantities = {name: _amount(field.text(), name) for name, field in self.fields.items()
                      if field.text().strip() or name not in self.added}
        if not quantities:
            raise UserError("stock.receipt_nothing")
        return stock.receipts(self.session.shop, self.chosen_day(), quantities, self.today)

    def edit_text(self) -> str:
        """"Goods received 01.12.2026"."""
        return self.tr("Goods received %1").replace("%1", i18n.date_text(self.chosen_day()))


class WriteoffDialog(_StockDialog):
    """Book units taken off the shelf unsold (Abschrift): product, day, quantity, reason."""

    def __init__(self, session: ShopSession, parent: QWidget | None = None,
                 product: str | None = None, today: dt.date | None = None) -> None:
        super().__init__(session, today, parent)
        self.setWindowTitle(self.tr("Book write-off"))
        self.products: dict[str, Product] = {
            p.name: p for p in load_products(session.shop, active_only=True)
            if p.shelf_life_days > 1 or p.name == product}
        self.product = QComboBox()
        self.product.addItems(sorted(self.products))
        if product in self.products:
            self.product.setCurrentText(product)
        self.quantity = QLineEdit()
        self.quantity.textChanged.connect(self.error.hide)
        self.unit = QLabel()
        self.reason = QComboBox()
        for code, text in (("expired", self.tr("expired")), ("damaged", self.tr("damaged")),
                           ("other", self.tr("other"))):
            self.reason.addItem(text, code)
        for text, field in ((self.tr("&Product"), self.product), (self.tr("&Day"), self.day),
                            (self.tr("&Quantity"), self.quantity),
                            (self.tr("&Reason"), self.reason)):
            label = QLabel(text)
            label.setBuddy(field)
            self.form.addRow(label, field)
        self.form.addRow("", self.unit)
        self.layout_.addWidget(self.error)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Book"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("&Cancel"))
        self.layout_.addWidget(self.buttons)
        self.day.setDate(_qdate(min(self.today, session.day)))
        self.product.currentTextChanged.connect(self._product_changed)
        self._product_changed(self.product.currentText())

    def _product_changed(self, name: str) -> None:
        product = self.products.get(name)
        if product is None:
            self.unit.setText("")
            return
        self.unit.setText(self.tr("in %1").replace("%1", product.unit) if display_decimals(
            product) == 0 else self.tr("in %1, with decimals").replace("%1", product.unit))

    def accept(self) -> None:
        """Book the write-off as one undoable step."""
        self.book(self.edit, self.edit_text())

    def edit(self) -> Edit:
        """The write-off as typed."""
        name = self.product.currentText()
        return stock.writeoff_edit(self.session.shop, name, self.chosen_day(),
                                   _amount(self.quantity.text(), name),
                                   str(self.reason.currentData()))

    def edit_text(self) -> str:
        """"Write-off Bergkäse"."""
        return self.tr("Write-off %1").replace("%1", self.product.currentText())
