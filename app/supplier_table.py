"""SupplierTableModel: the settings dialog's Lieferanten page, one row per supplier the products
name (customer number, delivery weekdays, lead time, order cut-off, days without delivery, minimum
order value). The model only holds the edited values; the dialog saves them through
`forecasting.operations.settings.save_settings` with what it showed (compare-and-set)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from app import i18n
from app.commands.settings import parse_dates, parse_weekdays
from forecasting.errors import UserError
from forecasting.operations.settings import PRODUCT_RANGES, parse_cutoff
from forecasting.values.suppliers import Supplier

Index = QModelIndex | QPersistentModelIndex
NAME, CUSTOMER, DAYS, LEAD, CUTOFF, NO_DELIVERY, MINIMUM = range(7)
COLUMNS = 7


def weekdays_text(days: tuple[int, ...]) -> str:
    """(1, 4) -> "Di, Fr" in German, "Tue, Fri" in English; three days or more in a row as a
    range ("Mo-Sa"); "" for none. The cells read it back (settings.parse_weekdays)."""
    monday = dt.date(2024, 1, 1)

    def name(d: int) -> str:
        return i18n.weekday_name(monday + dt.timedelta(days=d), short=True).rstrip(".")

    runs: list[list[int]] = []
    for d in sorted(set(days)):
        if runs and d == runs[-1][-1] + 1:
            runs[-1].append(d)
        else:
            runs.append([d])
    return ", ".join(f"{name(r[0])}-{name(r[-1])}" if len(r) >= 3 else ", ".join(map(name, r))
                     for r in runs)


def dates_text(days: tuple[dt.date, ...]) -> str:
    """The dates as the owner reads them, comma separated."""
    return ", ".join(i18n.date_text(d) for d in days)


class SupplierTableModel(QAbstractTableModel):
    """The suppliers as edited; a cell the owner types wrongly is refused (`refused` says why)."""

    refused = Signal(str)

    def __init__(self, suppliers: list[Supplier], parent: Any = None) -> None:
        super().__init__(parent)
        self.shown = list(suppliers)
        self.suppliers = list(suppliers)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.suppliers)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Supplier"), self.tr("Customer number"), self.tr("Delivery days"),
                    self.tr("Lead time (days)"), self.tr("Order by"),
                    self.tr("No delivery on"), self.tr("Minimum order €"))[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return (None, self.tr("The shop's customer number at this supplier"),
                    self.tr("Weekdays the supplier delivers, e.g. Di, Fr; empty: each product's "
                            "own days"),
                    self.tr("Days from order to delivery; empty: each product's own"),
                    self.tr("Latest time of day to order, e.g. 10:30"),
                    self.tr("Dates the supplier does not deliver (holidays, its own holidays): "
                            "the delivery moves to the next possible day"),
                    self.tr("The smallest order the supplier takes; the list says when an order "
                            "is below it"))[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base if index.column() == NAME else base | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        s = self.suppliers[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return {
                NAME: s.name, CUSTOMER: s.customer_number,
                DAYS: weekdays_text(s.delivery_weekdays),
                LEAD: "" if s.lead_time_days is None else str(s.lead_time_days),
                CUTOFF: s.cutoff, NO_DELIVERY: dates_text(s.no_delivery_days),
                MINIMUM: i18n.num(s.min_order_value, 2) if s.min_order_value else "",
            }[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (LEAD, MINIMUM):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        row, col = index.row(), index.column()
        try:
            changes = self._parsed(col, str(value).strip())
        except UserError as exc:
            self.refused.emit(exc.message(i18n.lang()))
            return False
        self.suppliers[row] = dataclasses.replace(self.suppliers[row], **changes)
        self.dataChanged.emit(index, index)
        return True

    def _parsed(self, col: int, text: str) -> dict[str, Any]:
        """The field a cell sets, read from what was typed (UserError names what is wrong)."""
        if col == CUSTOMER:
            return {"customer_number": text}
        if col == DAYS:
            return {"delivery_weekdays": parse_weekdays(text) if text else ()}
        if col == LEAD:
            low, high, _whole = PRODUCT_RANGES["lead_time_days"]
            if not text:
                return {"lead_time_days": None}
            if not text.isdigit() or not low <= int(text) <= high:
                raise UserError("settings.bad_whole_number", option=self.tr("Lead time (days)"),
                                value=text, low=low, high=high)
            return {"lead_time_days": int(text)}
        if col == CUTOFF:
            cutoff = parse_cutoff(text)
            if cutoff is None:
                raise UserError("suppliers.bad_cutoff", value=text)
            return {"cutoff": cutoff}
        if col == NO_DELIVERY:
            return {"no_delivery_days": parse_dates(text.replace(";", ",")) if text else ()}
        if col == MINIMUM:
            try:
                amount = i18n.parse_number(text) if text else 0.0
            except ValueError:
                amount = None
            if amount is None or not 0 <= amount <= 1_000_000:
                raise UserError("settings.bad_number", option=self.tr("Minimum order €"),
                                value=text, low=0, high=1_000_000)
            return {"min_order_value": float(amount)}
        return {}
