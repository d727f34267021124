"""OrderSheetView: the main screen. One table per production area or supplier, the day strip, the
status of the suggestions, accept-all, and typing quantities with Enter moving down."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QDate, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app import i18n
from app.day_strip import DayStrip
from app.order_model import DONE, ON_ORDER, ORDER, PRODUCT, REASON, STOCK, OrderPlanModel
from app.plan_access import areas, day_header_text, export_lines
from app.reason_dialog import ask_reason
from app.session import ShopSession
from forecasting.errors import UserError
from forecasting.operations.reading import load_products, load_suppliers
from forecasting.order_export import by_supplier, minimum_order_note
from forecasting.texts import render

AskReason = Callable[[QWidget, str, float, float, int], "tuple[str, str] | None"]


class OrderDelegate(QStyledItemDelegate):
    """A plain line edit for quantities that only writes back what the user actually typed."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: QModelIndex) -> QWidget:
        editor = QLineEdit(parent)
        editor.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:
        if isinstance(editor, QLineEdit) and not editor.isModified():
            editor.setText(str(index.data(Qt.ItemDataRole.EditRole) or ""))
            editor.selectAll()

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,
                     index: QModelIndex) -> None:
        if isinstance(editor, QLineEdit) and editor.isModified():
            editor.setModified(False)
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)


class OrderTable(QTableView):
    """A table of one area: Enter after typing moves down, Space ticks, double-click explains."""

    leftBottom = Signal()
    productActivated = Signal(str)

    def __init__(self, model: OrderPlanModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.delegate = OrderDelegate(self)
        for col in (ORDER, STOCK, ON_ORDER):
            self.setItemDelegateForColumn(col, self.delegate)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        for col in range(model.columnCount()):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(REASON, QHeaderView.ResizeMode.Stretch)
        for col in (STOCK, ON_ORDER):
            self.setColumnHidden(col, not model.has_stock())
        self.doubleClicked.connect(self._activated)

    def order_model(self) -> OrderPlanModel:
        """The table's model."""
        model = self.model()
        assert isinstance(model, OrderPlanModel)
        return model

    def fit_height(self) -> None:
        """Show all rows without an inner scroll bar (the sheet scrolls as a whole)."""
        self.resizeRowsToContents()
        height = self.horizontalHeader().height() + 2 * self.frameWidth()
        height += sum(self.rowHeight(r) for r in range(self.model().rowCount()))
        self.setFixedHeight(height + 2)

    def edit_order(self, row: int) -> None:
        """Put the cursor in the order cell of `row` and start typing there."""
        index = self.model().index(row, ORDER)
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        self.setCurrentIndex(index)

    def move_down(self) -> None:
        """Go to the order cell one row down, or on to the next area; in the stock columns, to
        the next line that keeps (counting the shelf goes down the list)."""
        col = self.currentIndex().column()
        model = self.order_model()
        row = self.currentIndex().row() + 1
        if col in (STOCK, ON_ORDER):
            while row < model.rowCount() and not (model.flags(model.index(row, col))
                                                  & Qt.ItemFlag.ItemIsEditable):
                row += 1
            if row < model.rowCount():
                self.setCurrentIndex(model.index(row, col))
            return
        if row < model.rowCount():
            self.setCurrentIndex(model.index(row, ORDER))
        else:
            self.leftBottom.emit()

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        super().closeEditor(editor, hint)
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:
            self.move_down()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.state() != self.State.EditingState:
            self.move_down()
            return
        if key == Qt.Key.Key_Space and self.currentIndex().isValid():
            row = self.currentIndex().row()
            done = self.model().index(row, DONE)
            checked = done.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
            new_state = Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked
            self.model().setData(done, new_state.value, Qt.ItemDataRole.CheckStateRole)
            return
        super().keyPressEvent(event)

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid() and index.column() != DONE:
            self.productActivated.emit(self.order_model().line_at(index.row()).product)

    def current_product(self) -> str | None:
        """The product in the current row."""
        index = self.currentIndex()
        return self.order_model().line_at(index.row()).product if index.isValid() else None


class OrderSheetView(QWidget):
    """The order sheet for one day: header, day strip, status, and the area tables."""

    productRequested = Signal(str)
    importRequested = Signal()
    newShopRequested = Signal()

    def __init__(self, session: ShopSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # a line's context menu (the main window gives them: goods receipt, write-off)
        self.line_actions: list[QAction] = []
        self.session = session
        self.ask_reason: AskReason = ask_reason
        self.tables: list[OrderTable] = []
        self.progress: QProgressBar | None = None  # on the empty sheet while computing

        self.title = QLabel()
        self.for_label = QLabel(self.tr("Orders for"))
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("dddd, dd.MM.yyyy" if i18n.lang() == "de"
                                        else "dddd, yyyy-MM-dd")
        self.for_label.setBuddy(self.date_edit)
        self.prev_button = QToolButton()
        self.prev_button.setText("◀")
        self.prev_button.setToolTip(self.tr("Previous day (Alt+Left)"))
        self.prev_button.setShortcut("Alt+Left")
        self.next_button = QToolButton()
        self.next_button.setText("▶")
        self.next_button.setToolTip(self.tr("Next day (Alt+Right)"))
        self.next_button.setShortcut("Alt+Right")
        self.accept_all_button = QPushButton(self.tr("&Accept all suggestions"))
        self.accept_all_button.setToolTip(self.tr("Take the suggestion for every open line"))
        self.refresh_button = QPushButton(self.tr("&Recompute"))
        self.refresh_button.setToolTip(self.tr("Compute the suggestions again from the latest data"))

        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.for_label)
        top.addWidget(self.prev_button)
        top.addWidget(self.date_edit)
        top.addWidget(self.next_button)

        self.demo_banner = QWidget()
        banner = QHBoxLayout(self.demo_banner)
        banner.setContentsMargins(0, 0, 0, 0)
        banner_text = QLabel(self.tr("This is a demo shop with invented numbers. Try "
                                     "everything; your own shop gets its own file."))
        banner_text.setWordWrap(True)
        own = QPushButton(self.tr("Start my &own shop and import my sales…"))
        own.clicked.connect(self.newShopRequested)
        banner.addWidget(banner_text, 1)
        banner.addWidget(own)
        self.demo_banner.setVisible(session.path.name.startswith("demo-"))
        self.strip = DayStrip(session)
        # the reasons that move nearly every line: said once for the day, not on every line
        self.day_reasons = QLabel()
        self.day_reasons.setWordWrap(True)
        self.day_reasons.setAccessibleName(self.tr("Reasons for the whole day"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        actions = QHBoxLayout()
        actions.addWidget(self.status, 1)
        actions.addWidget(self.refresh_button)
        actions.addWidget(self.accept_all_button)

        self.body = QWidget()
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.setContentsMargins(0, 0, 0, 0)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(self.body)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.demo_banner)
        layout.addWidget(self.strip)
        layout.addWidget(self.day_reasons)
        layout.addLayout(actions)
        layout.addWidget(self.scroll, 1)

        self.date_edit.dateChanged.connect(self._date_changed)
        self.prev_button.clicked.connect(lambda: self._shift(-1))
        self.next_button.clicked.connect(lambda: self._shift(1))
        self.accept_all_button.clicked.connect(self.accept_all)
        self.refresh_button.clicked.connect(session.refresh_plan)
        session.planChanged.connect(self.rebuild)
        session.decisionsChanged.connect(self._decisions_changed)
        session.dataChanged.connect(self.update_status)
        session.busyChanged.connect(self._busy_changed)
        session.failed.connect(self._job_failed)
        self.rebuild()

    # -- building ------------------------------------------------------------------------------
    def set_line_actions(self, actions: list[QAction]) -> None:
        """The actions offered when a line is right-clicked (for the tables built from now on)."""
        self.line_actions = list(actions)
        self.rebuild()

    def rebuild(self) -> None:
        """Lay out one table per area from the session's current plan."""
        settings = self.session.settings
        self.title.setText(settings.name)
        title_font = QFont(QApplication.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.6)
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.date_edit.blockSignals(True)
        day = self.session.day
        self.date_edit.setDate(QDate(day.year, day.month, day.day))
        self.date_edit.blockSignals(False)
        self.strip.set_start(day)
        while self.body_layout.count():
            item = self.body_layout.takeAt(0)
            if item.widget() is not None:
                item.widget().hide()
                item.widget().deleteLater()
        self.tables = []
        self.minimum_labels: dict[str, QLabel] = {}
        self.progress = None
        plan = self.session.plan
        header = day_header_text(plan, i18n.lang()) if plan is not None else ""
        self.day_reasons.setText(header)
        self.day_reasons.setVisible(bool(header))
        if not self.session.lines:
            self.body_layout.addWidget(self._empty_state())
        for area, lines in areas(self.session.lines):
            caption = QLabel(area or self.tr("Other products"))
            font = QFont(QApplication.font())
            font.setBold(True)
            font.setPointSizeF(font.pointSizeF() * 1.2)
            caption.setFont(font)
            model = OrderPlanModel(lines, self.session.decisions, self)
            model.orderEntered.connect(self._order_entered)
            model.acceptToggled.connect(self._accept_toggled)
            model.stockEntered.connect(self._stock_entered)
            table = OrderTable(model)
            table.setAccessibleName(self.tr("Order list: %1").replace("%1", caption.text()))
            table.setAccessibleDescription(self.tr(
                "One line per product: forecast, suggestion, your order and why. Type a "
                "quantity and press Enter; Space ticks a line."))
            caption.setBuddy(table)
            minimum = QLabel()
            minimum.setObjectName("minimumOrder")
            minimum.setWordWrap(True)
            minimum.setStyleSheet("color: #8a4b00;")
            self.minimum_labels[area] = minimum
            table.fit_height()
            table.leftBottom.connect(lambda t=table: self._next_table(t))
            table.productActivated.connect(self.productRequested)
            if self.line_actions:  # right click on a line: goods receipt, write-off
                table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
                table.addActions(self.line_actions)
            self.body_layout.addWidget(caption)
            self.body_layout.addWidget(minimum)
            self.body_layout.addWidget(table)
            self.tables.append(table)
        self.body_layout.addStretch(1)
        for first, second in zip(self.tables, self.tables[1:], strict=False):
            QWidget.setTabOrder(first, second)
        self.accept_all_button.setEnabled(bool(self.session.lines))
        self.update_minimum_hints()
        self.update_status()

    def update_minimum_hints(self) -> None:
        """Under a supplier's caption: its minimum order value when today's order is below it
        (a hint; the order is not changed)."""
        if not self.minimum_labels:
            return
        shop = self.session.shop
        products = load_products(shop)
        lines = export_lines(self.session.lines, self.session.decisions, i18n.lang(),
                             costs={p.name: p.unit_cost for p in products})
        suppliers = load_suppliers(shop)
        groups = by_supplier(lines)
        for area, label in self.minimum_labels.items():
            note = minimum_order_note(groups.get(area, []), suppliers.get(area), i18n.lang())
            label.setText(note)
            label.setVisible(bool(note))

    def _busy_changed(self, _busy: bool) -> None:
        if not self.session.lines:
            self.rebuild()  # the empty sheet says what is going on: computing, or what to do
        else:
            self.update_status()

    def _job_failed(self, _exc: BaseException) -> None:
        self.rebuild()

    def _empty_state(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        job = self.session.plan_job
        computing = self.session.runner.busy() and job is not None and not job.is_finished
        if computing:
            text = self.tr("Computing the suggestions… The window stays usable meanwhile.")
        else:
            text = self.tr("No suggestions yet for this day. Press \"Recompute\", or import "
                           "your own sales history.")
        label = QLabel(text)
        label.setWordWrap(True)
        layout.addWidget(label)
        if computing:
            self.progress = QProgressBar()
            self.progress.setRange(0, 1000)
            self.progress.setAccessibleName(self.tr("Progress of the suggestions"))
            job.signals.progress.connect(self._plan_progress)
            layout.addWidget(self.progress)
        button = QPushButton(self.tr("&Import my own data…"))
        button.clicked.connect(self.importRequested)
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        return box

    def _plan_progress(self, fraction: float, _message: str) -> None:
        if self.progress is not None:
            try:
                self.progress.setValue(round(fraction * 1000))
            except RuntimeError:  # the bar went with the empty sheet; the next one is connected
                self.progress = None

    def update_status(self) -> None:
        """Say whether the suggestions are up to date and when they were computed."""
        fresh, computed_at = self.session.status()
        if self.session.runner.busy():
            text = self.tr("Computing the suggestions…")
        elif computed_at is None:
            text = self.tr("No suggestions computed for this day yet.")
        elif fresh and self.session.missing_sales() is not None:
            # not "up to date" beside "sales days are missing": the suggestions are as good as
            # the sales they know
            text = self.tr("Suggestions computed %1.")
        elif fresh:
            text = self.tr("Suggestions are up to date (computed %1).")
        else:
            text = self.tr("Data changed since the suggestions were computed (%1): please "
                           "recompute.")
        if computed_at is not None:
            when = f"{i18n.date_text(computed_at.date())} {computed_at:%H:%M}"
            text = text.replace("%1", when)
        decided = sum(1 for ln in self.session.lines if ln.product in self.session.decisions)
        if self.session.lines:
            count = self.tr("%1 of %2 lines decided.")
            text += " " + count.replace("%1", str(decided)).replace(
                "%2", str(len(self.session.lines)))
        stale = self.session.missing_sales()
        if stale is not None:
            text += " " + render("policy.stale_sales", i18n.lang(),
                                 date=i18n.date_text(stale[0]), days=i18n.num(stale[1], 0))
        self.status.setText(text)
        font = QFont(self.status.font())
        font.setBold((not fresh and computed_at is not None) or stale is not None)
        self.status.setFont(font)
        self.refresh_button.setDefault(not fresh)

    # -- requests from the tables --------------------------------------------------------------
    def _order_entered(self, product: str, quantity: float | None) -> None:
        try:
            self.session.check_order(product, quantity)
        except UserError as exc:
            self.session.failed.emit(exc)
            return
        if self.session.needs_reason(product, quantity):
            # After the editor closed: a modal dialog inside the delegate's commit would re-enter.
            QTimer.singleShot(0, lambda: self._override(product, quantity))
            return
        edit = self.session.order_edit(product, quantity)
        if edit is not None:
            self.session.apply_edit(edit, self.tr("Order %1").replace("%1", product))

    def _override(self, product: str, quantity: float | None) -> None:
        line = self.session.line(product)
        if line is None or quantity is None:
            return
        answer = self.ask_reason(self, product, line.suggestion, quantity, line.decimals)
        if answer is None:
            return
        code, text = answer
        edit = self.session.order_edit(product, quantity, code, text)
        if edit is not None:
            self.session.apply_edit(edit, self.tr("Change order %1").replace("%1", product))

    def _stock_entered(self, product: str, column: int, amount: float | None) -> None:
        try:  # a negative count is refused with its reason, and nothing is saved
            if column == STOCK:
                edit = self.session.stock_edit(product, on_hand=amount, clear=amount is None)
            else:
                edit = self.session.stock_edit(product, on_order=amount or 0.0)
        except UserError as exc:
            self.session.failed.emit(exc)
            return
        if edit is not None:
            self.session.apply_edit(edit, self.tr("Stock %1").replace("%1", product))

    def _accept_toggled(self, product: str, accepted: bool) -> None:
        if accepted:
            self.accept([product])
        else:
            edit = self.session.order_edit(product, None)
            if edit is not None:
                self.session.apply_edit(edit, self.tr("Reopen %1").replace("%1", product))

    def accept(self, products: list[str]) -> None:
        """Accept the suggestion for these products."""
        edit = self.session.accept_edit(products)
        text = (self.tr("Accept %1").replace("%1", products[0]) if len(products) == 1
                else self.tr("Accept all"))
        self.session.apply_edit(edit, text)

    def accept_all(self) -> None:
        """Accept every open line."""
        self.accept([ln.product for ln in self.session.lines])

    def accept_current(self) -> None:
        """Accept the line under the cursor."""
        product = self.current_product()
        if product:
            self.accept([product])

    def current_product(self) -> str | None:
        """The product of the focused table's current row."""
        for table in self.tables:
            if table.hasFocus() or (table.focusWidget() and table.isAncestorOf(table.focusWidget())):
                return table.current_product()
        for table in self.tables:
            if table.currentIndex().isValid():
                return table.current_product()
        return None

    def _decisions_changed(self, products: set[str]) -> None:
        for table in self.tables:
            table.order_model().refresh(self.session.decisions, products)
        self.update_minimum_hints()
        self.update_status()

    def _next_table(self, table: OrderTable) -> None:
        index = self.tables.index(table)
        if index + 1 < len(self.tables):
            following = self.tables[index + 1]
            following.edit_order(0)
            self.scroll.ensureWidgetVisible(following)

    def focus_first(self) -> None:
        """Put the cursor on the first order cell."""
        if self.tables:
            self.tables[0].edit_order(0)

    def table_of(self, product: str) -> tuple[OrderTable, int] | None:
        """The table and row showing `product`."""
        for table in self.tables:
            row = table.order_model().row_of(product)
            if row >= 0:
                return table, row
        return None

    # -- day -----------------------------------------------------------------------------------
    def _date_changed(self, qdate: QDate) -> None:
        self.session.set_day(dt.date(qdate.year(), qdate.month(), qdate.day()))

    def _shift(self, days: int) -> None:
        self.date_edit.setDate(self.date_edit.date().addDays(days))


__all__ = ["PRODUCT", "OrderSheetView", "OrderTable"]
