"""OrderPlanModel: a Qt table model adapting the order lines of one area plus the owner's decisions.

The model never writes to the shop file. Typing a quantity, ticking a line or typing a stock count
emits a request (`orderEntered`, `acceptToggled`, `stockEntered`); the order sheet turns it into an
edit and the model is refreshed from what the edit changed (`refresh`). The stock columns are shown
only for areas with goods ordered up to their stock (`has_stock`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QFont, QPalette
from PySide6.QtWidgets import QApplication

from app import i18n
from app.plan_access import LineView
from forecasting.values.decisions import OrderDecision
from forecasting.values.products import MONEY_UNITS

Index = QModelIndex | QPersistentModelIndex

DONE, PRODUCT, STOCK, ON_ORDER, FORECAST, SUGGESTION, ORDER, DIFFERENCE, REASON = range(9)
NUMBERS = (STOCK, ON_ORDER, FORECAST, SUGGESTION, ORDER, DIFFERENCE)


class OrderPlanModel(QAbstractTableModel):
    """Rows: the lines of one production area or supplier; the "order" column is editable."""

    orderEntered = Signal(str, object)  # product, typed quantity (float) or None to clear
    acceptToggled = Signal(str, bool)  # product, accepted?
    stockEntered = Signal(str, int, object)  # product, STOCK or ON_ORDER, typed amount or None

    def __init__(
        self,
        lines: Sequence[LineView],
        decisions: dict[str, OrderDecision],
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.lines = list(lines)
        self.decisions = decisions

    # -- shape ---------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 9

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return [
                self.tr("OK"),
                self.tr("Product"),
                self.tr("In stock"),
                self.tr("On order"),
                self.tr("Forecast"),
                self.tr("Suggestion"),
                self.tr("Your order"),
                self.tr("Difference"),
                self.tr("Why"),
            ][section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return [
                self.tr("Ticked lines are decided and saved"),
                None,
                self.tr("Goods that keep: what is on the shelf now (type the count, Enter)"),
                self.tr("Ordered earlier and not delivered yet"),
                self.tr("Expected sales (median): of the day, or for goods that keep summed "
                        "over the days the order covers"),
                self.tr("What Bestellkompass suggests to bake or order"),
                self.tr("Type your quantity and press Enter"),
                self.tr("Your order minus the suggestion"),
                self.tr("What moved the suggestion most"),
            ][section]
        if role == Qt.ItemDataRole.TextAlignmentRole and section in NUMBERS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def has_stock(self) -> bool:
        """Whether any line is ordered up to its stock (then the stock columns are shown; bread
        that keeps but is baked for the day without a count does not need them)."""
        return any(line.stocked for line in self.lines)

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == ORDER:
            return base | Qt.ItemFlag.ItemIsEditable
        if index.column() in (STOCK, ON_ORDER) and self._countable(self.lines[index.row()]):
            return base | Qt.ItemFlag.ItemIsEditable
        if index.column() == DONE:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    # -- reading -------------------------------------------------------------------------------
    def line_at(self, row: int) -> LineView:
        """The line shown in `row`."""
        return self.lines[row]

    def row_of(self, product: str) -> int:
        """The row of `product`, or -1."""
        for row, line in enumerate(self.lines):
            if line.product == product:
                return row
        return -1

    def final_quantity(self, row: int) -> float | None:
        """The owner's decided quantity for `row`, or None when the line is still open."""
        decision = self.decisions.get(self.lines[row].product)
        return None if decision is None else decision.final

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        line = self.lines[index.row()]
        col = index.column()
        decision = self.decisions.get(line.product)
        decimals = line.decimals
        if role == Qt.ItemDataRole.CheckStateRole and col == DONE:
            return Qt.CheckState.Checked if decision is not None else Qt.CheckState.Unchecked
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if col == PRODUCT:  # planned in euros: said, never taken for pieces ("Brot (EUR)")
                return f"{line.product} ({line.unit})" if line.unit in MONEY_UNITS else line.product
            if col == FORECAST:
                return i18n.num(line.forecast, decimals)
            if col == SUGGESTION:
                return i18n.num(line.suggestion, decimals)
            if col == ORDER:
                value = decision.final if decision is not None else line.suggestion
                return i18n.quantity(value, decimals)
            if col == DIFFERENCE:
                if decision is None or decision.final is None:
                    return ""
                diff = decision.final - line.suggestion
                if abs(diff) < 1e-9:
                    return "±0"
                return ("+" if diff > 0 else "−") + i18n.num(abs(diff), decimals)
            if col == REASON:
                return line.reason
            if col in (STOCK, ON_ORDER):
                value = line.on_hand if col == STOCK else line.on_order
                return i18n.quantity(value, decimals)
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and col in NUMBERS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and col in (ORDER, SUGGESTION):
            font = QFont(QApplication.font())
            font.setBold(col == ORDER and decision is not None)
            font.setItalic(col == ORDER and decision is None)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and col == ORDER and decision is None:
            return QBrush(QApplication.palette().color(QPalette.ColorRole.PlaceholderText))
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(line, decision, col)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.accessible_text(index.row(), col)
        if role == Qt.ItemDataRole.AccessibleDescriptionRole and col in (PRODUCT, REASON):
            return line.sentence
        return None

    def accessible_text(self, row: int, col: int) -> str:
        """What a screen reader says for a cell: the product column reads the whole line
        (product, forecast, suggestion, order, reason); other cells name their product."""
        line = self.lines[row]
        decision = self.decisions.get(line.product)
        shown = self.data(self.index(row, col)) or ""
        if col == PRODUCT:
            text = self.tr("%1: forecast %2, suggestion %3, %4. Why: %5")
            if decision is None:
                order = self.tr("not decided yet")
            else:
                order = self.tr("your order %1").replace(
                    "%1", i18n.num(decision.final, line.decimals)
                    if decision.final is not None else "–")
            return (text.replace("%1", line.product)
                    .replace("%2", i18n.num(line.forecast, line.decimals))
                    .replace("%3", i18n.num(line.suggestion, line.decimals))
                    .replace("%4", order).replace("%5", line.reason or "–"))
        if col == DONE:
            return (self.tr("%1 decided") if decision is not None
                    else self.tr("%1 not decided")).replace("%1", line.product)
        if col == ORDER:
            return self.tr("Order for %1: %2").replace("%1", line.product).replace("%2", shown)
        if col == STOCK:
            return self.tr("Stock of %1: %2").replace("%1", line.product).replace(
                "%2", shown or self.tr("not counted"))
        header = self.headerData(col, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        return f"{header}, {line.product}: {shown or '–'}"

    @staticmethod
    def _countable(line: LineView) -> bool:
        return line.keeps and line.status == "order"

    def _tooltip(self, line: LineView, decision: OrderDecision | None, col: int) -> str | None:
        if col in (REASON, SUGGESTION):
            return line.sentence
        if col == FORECAST and line.stocked and line.raw is not None and line.raw.covers:
            days = line.raw.covers
            text = self.tr("Expected sales (median) summed over the days the order covers, "
                           "%1 to %2. %3")
            return (text.replace("%1", i18n.date_text(days[0]))
                    .replace("%2", i18n.date_text(days[-1])).replace("%3", line.delivery))
        if col in (ORDER, DIFFERENCE) and decision is not None and decision.reason_code:
            label = reason_label(decision.reason_code)
            return f"{label}: {decision.reason_text}" if decision.reason_text else label
        if col == ORDER and decision is None:
            return self.tr("Not decided yet: the suggestion is shown")
        if col in (STOCK, ON_ORDER) and self._countable(line):
            if line.on_hand is None:
                return self.tr("Not counted: the suggestion assumes the shelf is empty. "
                               "Type what is there to order only what is missing.")
            text = self.tr("Counted on %1, less what sold since. The suggestion covers the "
                           "demand until the next delivery, minus this stock and what is on "
                           "order.")
            return text.replace("%1", i18n.date_text(line.counted) if line.counted else "–")
        return None

    # -- requests ------------------------------------------------------------------------------
    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        product = self.lines[index.row()].product
        col = index.column()
        if col in (ORDER, STOCK, ON_ORDER) and role == Qt.ItemDataRole.EditRole:
            try:
                amount = i18n.parse_number(str(value)) if not isinstance(value, float) else value
            except ValueError:
                return False
            if col == ORDER:
                self.orderEntered.emit(product, amount)
            else:
                self.stockEntered.emit(product, col, amount)
            return False  # the sheet decides; the model changes only through refresh()
        if index.column() == DONE and role == Qt.ItemDataRole.CheckStateRole:
            checked = Qt.CheckState(value) == Qt.CheckState.Checked
            self.acceptToggled.emit(product, checked)
            return False
        return False

    def refresh(self, decisions: dict[str, OrderDecision], products: set[str]) -> None:
        """Take the new decisions and repaint only the rows of `products`."""
        self.decisions = decisions
        for product in products:
            row = self.row_of(product)
            if row >= 0:
                self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))


def reason_label(code: str) -> str:
    """The words for an override reason code (REASON_CODES in forecasting/decisions.py)."""
    return {
        "event": QCoreApplication.translate("ReasonDialog", "An event I know about"),
        "supplier_limit": QCoreApplication.translate("ReasonDialog", "Supplier limit"),
        "promotion": QCoreApplication.translate("ReasonDialog", "Promotion"),
        "weather": QCoreApplication.translate("ReasonDialog", "Weather looks different"),
        "other": QCoreApplication.translate("ReasonDialog", "Other"),
    }.get(code, code)
