"""Rückblick tab: the owner's decisions of the last weeks (4 by default) against what really sold.

`ReviewModel` is a read-only adapter over `forecasting.review.Review` lines; `ReviewView` puts a
plain-words summary above the table and reloads when decisions or data change (at once when the tab
is visible, else when it is shown next). Reading up to 13 weeks takes at most about 75 ms (demo
bakery, a decision for every product and day), so it runs on the main thread.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import i18n
from app.order_model import reason_label
from app.session import ShopSession
from forecasting import review_text
from forecasting.review import NO_SALES, OVERRIDE, Outcome, Review, ReviewLine, review_decisions

Index = QModelIndex | QPersistentModelIndex
DATE, PRODUCT, SUGGESTION, ORDER, SOLD, SOLD_OUT, REASON, CLOSER, WINDOW = range(9)
WEEKS = 4
# up to a quarter: with a decision for every product and day, 13 weeks of the demo bakery read in
# 75 ms; 26 weeks would take 150 ms and 52 weeks 220 ms, too slow for the main thread
WEEK_CHOICES = (4, 8, 13)


def _num(value: float | None) -> str:
    return review_text.quantity_text(value, i18n.lang())


def effect_text(o: Outcome | None, quantity: float | None, line: ReviewLine) -> str:
    """What a quantity implied against the day's sales, in the app's language."""
    return review_text.effect_text(o, quantity, line, i18n.lang())


class ReviewModel(QAbstractTableModel):
    """Rows: decided product-days (date, product, suggestion, order, sold, sold out, reason,
    who was closer, and for goods that keep what the order did over the days it covered)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.lines: list[ReviewLine] = []

    def set_lines(self, lines: list[ReviewLine]) -> None:
        """Show other lines (newest day first)."""
        self.beginResetModel()
        self.lines = sorted(lines, key=lambda ln: (-ln.date.toordinal(), ln.product))
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 9

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return [self.tr("Date"), self.tr("Product"), self.tr("Suggestion"),
                    self.tr("Your order"), self.tr("Sold"), self.tr("Sold out"),
                    self.tr("Reason"), self.tr("Closer"),
                    self.tr("Over the delivery window")][section]
        if role == Qt.ItemDataRole.ToolTipRole and section == CLOSER:
            return self.tr("Whose number was closer to what sold. On a sold-out day demand was at "
                           "least the sales: then it is only decided when both numbers lie well "
                           "below the sales, else \"open\".")
        if role == Qt.ItemDataRole.ToolTipRole and section == WINDOW:
            return self.tr("Goods that keep: the order judged over the days its delivery covered "
                           "(from the delivery to the next one): ordered, sold, written off, "
                           "days sold out.")
        if role == Qt.ItemDataRole.TextAlignmentRole and section in (SUGGESTION, ORDER, SOLD):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        line = self.lines[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(line, col)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (SUGGESTION, ORDER, SOLD):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and line.window is not None:
            sentence = review_text.window_sentence(line, i18n.lang())
            if line.status == NO_SALES:
                return sentence
            return sentence + "\n" + self.tr("With your order: %1").replace(
                "%1", effect_text(line.final_outcome, line.final, line))
        if role == Qt.ItemDataRole.ToolTipRole and line.status != NO_SALES:
            mine = self.tr("With your order: %1").replace(
                "%1", effect_text(line.final_outcome, line.final, line))
            if line.status != OVERRIDE:
                return mine
            theirs = self.tr("With the suggestion: %1").replace(
                "%1", effect_text(line.suggested_outcome, line.suggested, line))
            return f"{mine}\n{theirs}"
        return None

    def _text(self, line: ReviewLine, col: int) -> str:
        if col == DATE:
            return f"{i18n.weekday_name(line.date, short=True)} {i18n.date_text(line.date)}"
        if col == PRODUCT:
            return line.product
        if col == SUGGESTION:
            return _num(line.suggested)
        if col == ORDER:
            return _num(line.final)
        if col == SOLD:
            return _num(line.sold) if line.status != NO_SALES else self.tr("no sales figures yet")
        if col == SOLD_OUT:
            if line.window is not None:
                days = line.window.sellout_days
                return "" if not days else review_text.sellout_text(line, i18n.lang())
            return self.tr("sold out") if line.sold_out else ""
        if col == WINDOW:
            return review_text.window_sentence(line, i18n.lang())
        if col == REASON:
            if line.reason_code is None:
                return self.tr("accepted") if line.final == line.suggested else ""
            label = reason_label(line.reason_code)
            return f"{label}: {line.reason_text}" if line.reason_text else label
        if col == CLOSER and line.closer is not None:
            return {"owner": self.tr("you"), "suggestion": self.tr("suggestion"),
                    "equal": self.tr("same"), "open": self.tr("open")}[line.closer]
        return ""


class ReviewView(QWidget):
    """The Rückblick tab: summary sentence and the table of decided lines."""

    def __init__(self, session: ShopSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.review: Review | None = None
        self._dirty = True
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.weeks = QComboBox()
        for weeks in WEEK_CHOICES:
            self.weeks.addItem(self.tr("last %1 weeks").replace("%1", str(weeks)), weeks)
        self.weeks.setCurrentIndex(WEEK_CHOICES.index(WEEKS))
        label = QLabel(self.tr("&Period"))
        label.setBuddy(self.weeks)
        row.addWidget(label)
        row.addWidget(self.weeks)
        row.addStretch(1)
        layout.addLayout(row)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.summary)
        self.model = ReviewModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(REASON, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.note = QLabel(self.tr(
            "Sold out means demand was at least the sales: what the other number would have "
            "left over or sold there is not known, so such days count as \"open\" unless both "
            "numbers lie well below the sales. Hover over a line for the leftovers and "
            "shortfalls of both numbers."))
        self._note = self.note.text()
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        self.weeks.currentIndexChanged.connect(self.mark_dirty)
        session.decisionsChanged.connect(self.mark_dirty)
        session.dataChanged.connect(self.mark_dirty)
        session.planChanged.connect(self.mark_dirty)
        self.mark_dirty()  # read when the tab is first shown, not while the window is built

    def period(self) -> tuple[dt.date, dt.date]:
        """The chosen number of weeks before the day the orders are for."""
        end = self.session.day - dt.timedelta(days=1)
        weeks = int(self.weeks.currentData())
        return end - dt.timedelta(weeks=weeks) + dt.timedelta(days=1), end

    def mark_dirty(self, *_args: object) -> None:
        """Decisions or data changed: reload now if visible, else when shown."""
        self._dirty = True
        if self.isVisible():
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        if self._dirty:
            self.reload()
        super().showEvent(event)

    def reload(self) -> None:
        """Read decisions and sales of the period from the shop file."""
        if self.session.closed:
            return
        start, end = self.period()
        self.review = review_decisions(self.session.shop, start, end)
        self.model.set_lines(self.review.lines)
        windows = any(line.window is not None for line in self.review.lines)
        self.table.setColumnHidden(WINDOW, not windows)  # bakeries: as before
        header = self.table.horizontalHeader()  # the longest text takes the room that is left
        header.setSectionResizeMode(REASON, QHeaderView.ResizeMode.ResizeToContents if windows
                                    else QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(WINDOW, QHeaderView.ResizeMode.Stretch if windows
                                    else QHeaderView.ResizeMode.ResizeToContents)
        self.note.setText(self._note if not windows else self._note + " " + self.tr(
            "Goods that keep are judged over the days their delivery covered: sold and sold out "
            "count over those days, not just the order day."))
        self.summary.setText(self.summary_text(self.review))
        self._dirty = False

    def summary_text(self, review: Review) -> str:
        """E.g. "In the last 4 weeks 12 changes: 7 times you were closer, 5 times the suggestion.
        Your changes left 18 fewer units over and sold out on 2 more days." """
        s = review.overall
        weeks = str(self.weeks.currentData())
        if not s.decided:
            return self.tr("No decisions in the last %1 weeks yet. Decisions you make in the "
                           "order sheet appear here once the sales of the day are in."
                           ).replace("%1", weeks)
        if not s.overrides:
            text = self.tr("In the last %1 weeks you accepted all %2 scored suggestions."
                           ).replace("%1", weeks).replace("%2", str(s.accepted))
        else:
            text = (self.tr("In the last %1 weeks %2 changes: %3 times you were closer, %4 times "
                            "the suggestion.")
                    .replace("%1", weeks).replace("%2", str(s.overrides))
                    .replace("%3", str(s.owner_closer)).replace("%4", str(s.suggestion_closer)))
            if s.equal or s.open:
                text += " " + (self.tr("%1 times the same, %2 times open (sold out).")
                               .replace("%1", str(s.equal)).replace("%2", str(s.open)))
            text += " " + review_text.change_sentence(s, i18n.lang())
        if s.no_sales == 1:
            text += " " + self.tr("1 line has no sales figures yet.")
        elif s.no_sales:
            text += " " + self.tr("%1 lines have no sales figures yet.").replace(
                "%1", str(s.no_sales))
        return text
