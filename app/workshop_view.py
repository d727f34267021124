"""Workshop screens: a participant's order sheet for one day of a scenario, and the projector view
of the debrief (large type, high contrast, one message per screen).

`PlayDayModel` holds the day's lines (the sales a week before, Bestellkompass's suggestion and
reasons when the trainer shows them, the participant's own quantity; for goods that keep also the
shelf that evening by age, what is on order and when today's order would come, or when the next
order is possible: forecasting/workshop/stock.py); `PlayDayView` puts the day's
calendar above it and, once the participant closes the day, what happened below it. Scoring is
`forecasting.workshop.scoring`, the same as `bestellkompass workshop play`. `CollectView` merges
the result files of a folder (shared folder or stick) into the group table and its charts
(app/workshop_charts.py); the projector shows the same charts as its last screen.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pandas as pd
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QGroupBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedLayout,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import i18n
from app.jobs import JobRunner
from app.workshop_charts import WorkshopCharts
from app.workshop_occasions import OccasionModel, occasion_messages
from app.workshop_rounds import RoundsModel, figures_table, round_words
from forecasting.errors import UserError
from forecasting.operations.workshop import group_report
from forecasting.texts import parse_number
from forecasting.workshop.scenario import Scenario
from forecasting.workshop.scoring import MODEL, PARTICIPANT, RULE, day_figures
from forecasting.workshop.stock import Shelf, orders_by_product, shelf_for
from forecasting.workshop.weather import FORECAST, weather_of

Index = QModelIndex | QPersistentModelIndex
PRODUCT, LAST_WEEK, SHELF, ON_ORDER, DELIVERY, SUGGESTION, REASONS, ORDER = range(8)
STOCK_COLUMNS = (SHELF, ON_ORDER, DELIVERY)


class PlayDayModel(QAbstractTableModel):
    """One row per product in play on the day; only the ORDER column is editable, and for goods
    that keep only on a day an order can be placed. `earlier`: the participant's orders of the
    days before (date, product, quantity; goods that keep by delivery day), which fill the
    shelf."""

    def __init__(self, scenario: Scenario, day: dt.date, *, show_model: bool = True,
                 earlier: pd.DataFrame | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self.scenario, self.day, self.show_model = scenario, pd.Timestamp(day), show_model
        sheet = scenario.sheet[(pd.to_datetime(scenario.sheet["date"]) == self.day)
                               & ~scenario.sheet["product"].isin(scenario.stocked)]
        lines = sheet.to_dict("records")
        before = orders_by_product(earlier if earlier is not None
                                   else pd.DataFrame(columns=["date", "product", "quantity"]))
        self.shelves: dict[str, Shelf] = {}
        for name in scenario.stocked:
            shelf = shelf_for(scenario, name, before.get(name, {}), day,
                              with_suggestion=show_model)
            self.shelves[name] = shelf
            lines.append({"product": name, "suggestion": shelf.suggestion,
                          "reasons_de": shelf.reasons.get("de", ""),
                          "reasons_en": shelf.reasons.get("en", "")})
        self.lines = sorted(lines, key=lambda line: str(line["product"]))
        seen = scenario.visible_history(day)
        week = seen[seen["date"] == self.day - pd.Timedelta(days=7)]
        self.last_week = dict(zip(week["product"], week["quantity"], strict=True))
        self.orders: dict[str, float] = {}

    def orderable(self, name: str) -> bool:
        """Whether the product can be ordered on this sheet (a day's goods always)."""
        shelf = self.shelves.get(name)
        return shelf is None or shelf.chance is not None

    def order_rows(self) -> list[tuple[pd.Timestamp, str, float]]:
        """The day's orders as date, product, quantity (goods that keep: the delivery day)."""
        out = []
        for name, quantity in self.orders.items():
            shelf = self.shelves.get(name)
            when = self.day if shelf is None or shelf.chance is None \
                else pd.Timestamp(shelf.chance.delivery_day)
            out.append((when, name, quantity))
        return out

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 8

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Product"), self.tr("Sold a week ago"), self.tr("On the shelf tonight"),
                self.tr("On order"), self.tr("Delivery"), self.tr("Suggestion"),
                self.tr("Why"), self.tr("Your order"))[section]

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        name = str(self.lines[index.row()]["product"]) if index.isValid() else ""
        editable = index.column() == ORDER and self.orderable(name)
        return base | Qt.ItemFlag.ItemIsEditable if editable else base

    def shelf_text(self, name: str, column: int) -> str:
        """The shelf by age, what is on order, or when the order comes (goods that keep)."""
        shelf = self.shelves.get(name)
        if shelf is None:
            return ""
        if column == SHELF:
            parts = [self.tr("%1 until %2").replace("%1", i18n.num(q)).replace(
                "%2", _short(d)) for q, d in shelf.batches]
            total = i18n.num(shelf.on_hand)
            return total + (f" ({', '.join(parts)})" if parts else "")
        if column == ON_ORDER:
            return ", ".join(self.tr("%1 on %2").replace("%1", i18n.num(q)).replace(
                "%2", _short(d)) for q, d in shelf.on_order) or "–"
        if shelf.chance is not None:
            return _short(shelf.chance.delivery_day)
        if shelf.next_chance is None:
            return self.tr("no more order")
        return self.tr("order on %1's sheet for %2").replace(
            "%1", _short(shelf.next_chance.screen_day)).replace(
            "%2", _short(shelf.next_chance.delivery_day))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        line = self.lines[index.row()]
        name = str(line["product"])
        column = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (LAST_WEEK, SUGGESTION, ORDER):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and not self.orderable(name):
            return QColor("#707070")  # no order possible today
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return None
        if column == PRODUCT:
            return name
        if column == LAST_WEEK:
            return i18n.num(self.last_week.get(name))
        if column in STOCK_COLUMNS:
            return self.shelf_text(name, column)
        if not self.orderable(name) and column in (SUGGESTION, ORDER):
            return "–"
        if column == SUGGESTION:
            return i18n.num(float(line["suggestion"])) if self.show_model else "–"
        if column == REASONS:
            return str(line["reasons_de" if i18n.lang() == "de" else "reasons_en"]) \
                if self.show_model else ""
        return i18n.num(self.orders.get(name))

    def setData(self, index: Index, value: Any,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if index.column() != ORDER or role != Qt.ItemDataRole.EditRole:
            return False
        if not self.orderable(str(self.lines[index.row()]["product"])):
            return False
        try:
            quantity = parse_number(str(value), i18n.lang())
        except ValueError:
            return False
        if quantity is None or quantity < 0:
            return False
        self.orders[str(self.lines[index.row()]["product"])] = quantity
        self.dataChanged.emit(index, index)
        return True

    def complete(self) -> bool:
        """Whether every product that can be ordered today has an order (0 counts)."""
        return all(str(line["product"]) in self.orders for line in self.lines
                   if self.orderable(str(line["product"])))


class PlayDayView(QWidget):
    """A participant's sheet for one day: calendar, lines, "close the day", what happened.

    `show_model` and `show_calendar` come from the day's round; with `reveal_daily` False
    (the trainer reveals at the end) closing the day shows nothing of what happened."""

    closed = Signal(dict)

    def __init__(self, scenario: Scenario, day: dt.date, *, show_model: bool = True,
                 show_calendar: bool = True, reveal_daily: bool = True,
                 earlier: pd.DataFrame | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.earlier = earlier if earlier is not None else pd.DataFrame(
            columns=["date", "product", "quantity"])
        self.model = PlayDayModel(scenario, day, show_model=show_model, earlier=self.earlier,
                                  parent=self)
        self.reveal_daily = reveal_daily
        calendar = scenario.calendar[pd.to_datetime(scenario.calendar["date"])
                                     == pd.Timestamp(day)]
        words = str(calendar.iloc[0]["labels_de" if i18n.lang() == "de" else "labels_en"]) \
            if len(calendar) and show_calendar else ""
        title = f"{i18n.weekday_name(day)} {i18n.date_text(day)}"
        self.heading = QLabel(f"<b>{title}</b>" + (f" · {words}" if words else ""))
        # the weather as the shop knew it that evening: its forecast, or (said so) the observation
        self.weather = QLabel(self.weather_text(*weather_of(scenario.calendar, day))
                              if show_calendar else "")
        self.weather.setVisible(bool(self.weather.text()))
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSectionResizeMode(REASONS, QHeaderView.ResizeMode.Stretch)
        for column in (SUGGESTION, REASONS):  # a round without: not even empty columns
            self.table.setColumnHidden(column, not show_model)
        for column in STOCK_COLUMNS:  # only with goods that keep
            self.table.setColumnHidden(column, not scenario.stocked)
        if not show_model:
            self.table.horizontalHeader().setStretchLastSection(True)
        self.table.resizeColumnsToContents()
        self.finish = QPushButton(self.tr("&Close the day and see what happened") if reveal_daily
                                  else self.tr("&Close the day"))
        self.finish.setEnabled(False)
        self.finish.clicked.connect(self.close_day)
        self.result_box = QGroupBox(self.tr("What happened on %1").replace("%1", title))
        self.outcome = QLabel()
        QVBoxLayout(self.result_box).addWidget(self.outcome)
        self.result_box.hide()
        self.model.dataChanged.connect(lambda *_: self.finish.setEnabled(self.model.complete()))
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.weather)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.finish)
        layout.addWidget(self.result_box)
        self.figures: dict[str, dict[str, float | int]] = {}

    def weather_text(self, kind: str, temperature_max: float | None,
                     precipitation: float | None) -> str:
        """"Wettervorhersage: bis 6,7 °C, 9,4 mm Regen"; an observation is called observed,
        never a forecast; "" when the scenario knows no weather for the day."""
        if not kind or (temperature_max is None and precipitation is None):
            return ""
        parts = []
        if temperature_max is not None:
            parts.append(self.tr("up to %1 °C").replace("%1", i18n.num(temperature_max, 1)))
        if precipitation is not None:
            parts.append(self.tr("%1 mm rain").replace("%1", i18n.num(precipitation, 1)))
        head = self.tr("Weather forecast") if kind == FORECAST \
            else self.tr("Weather (observed; no forecast was stored)")
        return f"{head}: {', '.join(parts)}"

    def close_day(self) -> None:
        """Score the day and show it for the participant, Bestellkompass and the rule (unless
        the trainer reveals only at the end)."""
        if self.reveal_daily:
            self.figures = day_figures(self.model.scenario, self.model.day, self.all_orders())
            self.outcome.setText(figures_table([("", self.figures)]))
        else:
            self.outcome.setText(self.tr("Your orders are in. What happened you will see after "
                                         "the last day."))
        self.result_box.show()
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)  # the day is done
        self.finish.setEnabled(False)
        self.closed.emit(self.figures)

    def all_orders(self) -> pd.DataFrame:
        """The participant's orders up to and with this day (date, product, quantity)."""
        today = pd.DataFrame(self.model.order_rows(), columns=["date", "product", "quantity"])
        return pd.concat([self.earlier, today], ignore_index=True) if len(self.earlier) \
            else today


def _short(day: dt.date) -> str:
    """"Tue 10.11." / "Di 10.11.": a day of the workshop's weeks."""
    date = f"{day:%d.%m.}" if i18n.lang() == "de" else f"{day:%m-%d}"
    return f"{i18n.weekday_name(day, short=True)} {date}"


class ProjectorView(QWidget):
    """The debrief on the projector: white on black, large type, one message per screen, then
    the charts' two screens (unless `charts` is False); arrow keys, space or a click move on, Escape closes."""

    POINT_SIZE = 44

    def __init__(self, report: dict[str, Any], parent: QWidget | None = None, *,
                 charts: bool = True) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Workshop: projector view"))
        self.messages = self.messages_of(report)
        self.position = 0
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor("black"))
        palette.setColor(QPalette.ColorRole.WindowText, QColor("white"))
        self.setPalette(palette)
        self.setAutoFillBackground(True)
        self.message = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        font = QFont()
        font.setPointSize(self.POINT_SIZE)
        font.setBold(True)
        self.message.setFont(font)
        # the charts in two screens, so the type stays large: the bars, then day by day
        self.charts = [WorkshopCharts(report, dark=True, parts=(part,))
                       for part in ("bars", "days")] if charts else []
        self.pages = QStackedLayout()
        self.pages.addWidget(self.message)
        for page in self.charts:
            self.pages.addWidget(page)
        self.counter = QLabel(alignment=Qt.AlignmentFlag.AlignRight)
        layout = QVBoxLayout(self)
        layout.addLayout(self.pages, 1)
        layout.addWidget(self.counter)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.show_message(0)

    @property
    def screen_count(self) -> int:
        """The messages and, when shown, the chart screens after them."""
        return len(self.messages) + len(self.charts)

    def messages_of(self, report: dict[str, Any]) -> list[str]:
        """One sentence per screen for the debrief, from a report (`workshop report`)."""
        model, rule = report[MODEL], report[RULE]
        people = report["participants"]
        out = [
            self.tr("Bestellkompass: %1 left over, sold out %2 times").replace(
                "%1", i18n.num(model["waste"])).replace("%2", str(int(model["sellout_days"]))),
            self.tr("Same as last week: %1 left over, sold out %2 times").replace(
                "%1", i18n.num(rule["waste"])).replace("%2", str(int(rule["sellout_days"]))),
        ]
        if people:
            best = max(people, key=lambda p: p[PARTICIPANT]["margin"])
            least = min(people, key=lambda p: p[PARTICIPANT]["waste"])
            out.append(self.tr("Highest margin: %1, %2 EUR").replace("%1", str(best["name"])).replace(
                "%2", i18n.num(best[PARTICIPANT]["margin"], 2)))
            out.append(self.tr("Least waste: %1, %2 left over").replace("%1", str(least["name"])).replace(
                "%2", i18n.num(least[PARTICIPANT]["waste"])))
            beat = sum(p[PARTICIPANT]["margin"] > model["margin"] for p in people)
            out.append(self.tr("%1 of %2 earned more than Bestellkompass").replace(
                "%1", str(beat)).replace("%2", str(len(people))))
            out += occasion_messages(report)  # why: on which kind of day changes paid
            out += self.round_messages(report)
        return out

    def round_messages(self, report: dict[str, Any]) -> list[str]:
        """One screen per round (when there are several): the group's mean waste and margin
        per day in it, against Bestellkompass's."""
        rounds = report.get("rounds", [])
        people = report["participants"]
        if len(rounds) < 2 or not people:
            return []
        out = []
        for r in rounds:
            days = r["last_day"] - r["first_day"] + 1
            mine = [p["rounds"][r["number"] - 1][PARTICIPANT] for p in people]
            waste = sum(float(f["waste"]) for f in mine) / len(mine) / days
            margin = sum(float(f["margin"]) for f in mine) / len(mine) / days
            out.append(self.tr("Round %1, %2: per day %3 left over, margin %4 EUR "
                               "(Bestellkompass: %5 left over, %6 EUR)")
                       .replace("%1", str(r["number"]))
                       .replace("%2", round_words(r["show_suggestion"], r["show_calendar"]))
                       .replace("%3", i18n.num(waste, 1)).replace("%4", i18n.num(margin, 2))
                       .replace("%5", i18n.num(float(r[MODEL]["waste"]) / days, 1))
                       .replace("%6", i18n.num(float(r[MODEL]["margin"]) / days, 2)))
        return out

    def show_message(self, position: int) -> None:
        """Show screen number `position` (clamped): a message, or a chart screen after the last."""
        self.position = max(0, min(position, self.screen_count - 1))
        if self.position < len(self.messages):
            self.message.setText(self.messages[self.position])
            self.pages.setCurrentWidget(self.message)
        else:
            self.pages.setCurrentWidget(self.charts[self.position - len(self.messages)])
        self.counter.setText(f"{self.position + 1} / {self.screen_count}")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Right, Qt.Key.Key_Space, Qt.Key.Key_PageDown):
            self.show_message(self.position + 1)
        elif event.key() in (Qt.Key.Key_Left, Qt.Key.Key_PageUp):
            self.show_message(self.position - 1)
        elif event.key() == Qt.Key.Key_Escape:
            self.close()
        else:
            super().keyPressEvent(event)

    def mousePressEvent(self, event: Any) -> None:
        self.show_message(self.position + 1)


class GroupModel(QAbstractTableModel):
    """The group table of a report: one row per participant, then Bestellkompass and the rule;
    with goods that keep also what stayed on the shelf at the end."""

    FIELDS: tuple[str, ...] = ("waste", "short", "sellout_days", "margin")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[tuple[str, dict[str, Any]]] = []
        self.fields = self.FIELDS

    def set_report(self, report: dict[str, Any]) -> None:
        """Show `report` (from `forecasting.workshop.report.collect`)."""
        self.beginResetModel()
        self.rows = [(str(p["name"]), p[PARTICIPANT]) for p in report["participants"]]
        self.rows += [(self.tr("Bestellkompass"), report[MODEL]),
                      (self.tr("Same as last week"), report[RULE])]
        shelf = any(float(figures.get("shelf", 0) or 0) > 0 for _, figures in self.rows)
        self.fields = (*self.FIELDS, "shelf") if shelf else self.FIELDS
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 1 + len(self.fields)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Who"), self.tr("Waste"), self.tr("Short"), self.tr("Sold-out days"),
                self.tr("Margin EUR"), self.tr("Left on the shelf"))[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        name, figures = self.rows[index.row()]
        if index.column() == 0:
            return name
        field = self.fields[index.column() - 1]
        return i18n.num(float(figures[field]), 2 if field == "margin" else 0)


class CollectView(QWidget):
    """The trainer's view of a results folder: the group table and its charts. "Read the folder
    again" merges the .bkresult files in it (on the worker when a runner is given); a file that
    does not belong is named and nothing is merged (table and charts keep what they showed)."""

    reportChanged = Signal(dict)

    def __init__(self, folder: Path, parent: QWidget | None = None, *,
                 runner: JobRunner | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Workshop results: %1").replace("%1", folder.name))
        self.folder = folder
        self.runner = runner
        self.report: dict[str, Any] | None = None
        self.model = GroupModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.charts = WorkshopCharts()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.table, self.tr("&Table"))
        self.tabs.addTab(self.charts, self.tr("C&harts"))
        self.rounds_model = RoundsModel(self)
        self.rounds_table = QTableView()
        self.rounds_table.setModel(self.rounds_model)
        self.tabs.addTab(self.rounds_table, self.tr("R&ounds"))
        self.tabs.setTabVisible(2, False)  # only for a workshop of several rounds
        # the overrides by occasion: the clearest sentences above, the table per participant
        self.occasion_model = OccasionModel(self)
        self.occasion_table = QTableView()
        self.occasion_table.setModel(self.occasion_model)
        self.occasion_line = QLabel()
        self.occasion_line.setWordWrap(True)
        font = self.occasion_line.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.occasion_line.setFont(font)
        occasion_page = QWidget()
        occasion_layout = QVBoxLayout(occasion_page)
        occasion_layout.addWidget(self.occasion_line)
        explained = QLabel(self.tr(
            "Orders other than the suggestion, by the kind of day: how often, and what they "
            "did to the margin against the suggestion on the same days (hover for waste and "
            "sold-out days)."))
        explained.setWordWrap(True)
        occasion_layout.addWidget(explained)
        occasion_layout.addWidget(self.occasion_table, 1)
        self.tabs.addTab(occasion_page, self.tr("Occ&asions"))
        self.tabs.setTabVisible(3, False)  # only for results that keep the occasions
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #a00000;")
        self.reload = QPushButton(self.tr("&Read the folder again"))
        self.reload.clicked.connect(self.read_folder)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(str(folder)))
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.reload)

    def read_folder(self) -> None:
        """Merge the folder's results; on a bad file say which and keep what was shown."""
        if self.runner is None:
            try:
                report = group_report([self.folder])
            except UserError as exc:
                self.show_problem(exc)
                return
            self.show_report(report)
            return
        self.reload.setEnabled(False)
        folder = self.folder
        self.runner.run(self.tr("Reading the results…"), lambda _p: group_report([folder]),
                        self.show_report, self.show_problem)

    def show_problem(self, exc: BaseException) -> None:
        """Name the file that does not belong (or what else went wrong); nothing is merged."""
        self.reload.setEnabled(True)
        self.problem.setText(exc.message(i18n.lang()) if isinstance(exc, UserError)
                             else str(exc))

    def show_report(self, report: dict[str, Any]) -> None:
        """Show a merged report in the table and the charts."""
        self.reload.setEnabled(True)
        self.problem.setText("")
        self.report = report
        self.model.set_report(report)
        self.table.resizeColumnsToContents()
        self.charts.set_report(report)
        self.rounds_model.set_report(report)
        self.rounds_table.resizeColumnsToContents()
        self.tabs.setTabVisible(2, self.rounds_model.rowCount() > 0)
        self.occasion_model.set_report(report)
        self.occasion_table.resizeColumnsToContents()
        self.occasion_table.resizeRowsToContents()
        self.occasion_line.setText("\n".join(occasion_messages(report)))
        self.tabs.setTabVisible(3, self.occasion_model.rowCount() > 0)
        self.reportChanged.emit(report)
