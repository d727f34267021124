"""The workshop's charts (pyqtgraph): waste, sold-out days and margin per participant against
Bestellkompass and "wie letzte Woche", and the margin day by day.

Bars run across (names on the left, so fifteen names stay readable), each with its value at the
end; the model's and the rule's totals are bars of their own and dashed lines through every
participant's bar, so the room sees at a glance who was above or below. Numbers on the axes and
bars are in the UI language (1.234,5). `WorkshopCharts(report, dark=True)` is the projector's
chart screen: white on black, larger type.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from app import i18n
from forecasting.workshop.scoring import MODEL, PARTICIPANT, RULE

PARTICIPANT_COLOUR = "#4c72b0"
MODEL_COLOUR = "#2ca02c"
RULE_COLOUR = "#8c8c8c"
FIELDS = ("waste", "sellout_days", "margin")
NAME_WIDTH = 170  # px for the names left of the bars
MAX_NAME = 18  # characters of a name shown on the axis
# the participants' lines day by day: dark enough on white, bright enough on black; green and
# grey are the model's and the rule's
LINE_COLOURS = ("#1f77b4", "#ff7f0e", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#17becf",
                "#bcbd22")
LINE_STYLES = (Qt.PenStyle.SolidLine, Qt.PenStyle.DotLine, Qt.PenStyle.DashDotLine)


class NumberAxis(pg.AxisItem):
    """An axis whose tick labels are numbers in the UI language (German: 1.234,5)."""

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        decimals = 0 if spacing * scale >= 1 else (1 if spacing * scale >= 0.1 else 2)
        return [i18n.num(v * scale, decimals) for v in values]


def _short(name: str) -> str:
    return name if len(name) <= MAX_NAME else name[:MAX_NAME - 1] + "…"


def bar_floor(values: list[float]) -> float:
    """Where the bars start: 0, unless all values lie far from it (a margin of 1.500 to 1.650
    EUR), then a round number below the lowest, so the differences show; the axis and the
    labels keep the real values."""
    low, high = min(values), max(values)
    if low <= 0 or high - low > 0.5 * high:
        return 0.0
    step = 10 ** math.floor(math.log10(max(high - low, 1.0)))
    return max(0.0, math.floor((low - (high - low) * 0.5) / step) * step)


def nice_step(least: float) -> float:
    """The smallest of 1, 2, 5 times a power of ten that is at least `least` (axis ticks)."""
    if least <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(least))
    return next(f * power for f in (1, 2, 5, 10) if f * power >= least)


def short_day(day: dt.date) -> str:
    """"Do 12.11." in German, "Thu 12 Nov" in English: a tick on the day axis."""
    locale = QLocale(QLocale.Language.German if i18n.lang() == "de"
                     else QLocale.Language.English)
    text = locale.toString(QDate(day.year, day.month, day.day),
                           "d.M." if i18n.lang() == "de" else "d MMM")
    return f"{i18n.weekday_name(day, short=True)} {text}"


class WorkshopCharts(QWidget):
    """Three bar charts (waste, sold-out days, margin) and the margin day by day, of a report
    from `forecasting.workshop.report.collect`."""

    def __init__(self, report: dict[str, Any] | None = None, *, dark: bool = False,
                 parts: tuple[str, ...] = ("bars", "days"),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dark = dark
        self.foreground = QColor("white" if dark else "black")
        self.background = QColor("black" if dark else "white")
        self.point_size = 17 if dark else 12
        self.tick_font = QFont()
        self.tick_font.setPointSize(self.point_size)
        self.plots: dict[str, pg.PlotWidget] = {}
        self.titles: dict[str, QLabel] = {}
        # per chart: "participants", "model", "rule" -> the BarGraphItem; read back in tests
        self.bars: dict[str, dict[str, pg.BarGraphItem]] = {}
        self.lines: dict[str, dict[str, pg.InfiniteLine]] = {}
        self.day_lines: dict[str, pg.PlotDataItem] = {}
        self.day_field = "margin"
        layout = QGridLayout(self)
        layout.setSpacing(12)
        for column, field in enumerate(FIELDS):
            self.titles[field] = self._title()
            layout.addWidget(self.titles[field], 0, column)
            self.plots[field] = self._plot(bottom=NumberAxis("bottom"))
            self.plots[field].showGrid(x=True, y=False, alpha=0.2)
            layout.addWidget(self.plots[field], 1, column)
        self.titles["days"] = self._title()
        layout.addWidget(self.titles["days"], 2, 0, 1, len(FIELDS))
        self.plots["days"] = self._plot(left=NumberAxis("left"))
        self.plots["days"].showGrid(x=False, y=True, alpha=0.2)
        # wide enough for "-12.345" from the start: filled later, the axis would not widen
        self.plots["days"].getAxis("left").setWidth(
            QFontMetrics(self.tick_font).horizontalAdvance("-00.000") + 14)
        # the legend right of the plot, never over the lines
        self.legend = pg.LegendItem(labelTextColor=self.foreground)
        self.legend.setLabelTextSize(f"{self.point_size}pt")
        self.plots["days"].getPlotItem().layout.addItem(self.legend, 2, 3)
        layout.addWidget(self.plots["days"], 3, 0, 1, len(FIELDS))
        for field in FIELDS:
            self.titles[field].setVisible("bars" in parts)
            self.plots[field].setVisible("bars" in parts)
        self.titles["days"].setVisible("days" in parts)
        self.plots["days"].setVisible("days" in parts)
        layout.setRowStretch(1, 3 if "bars" in parts else 0)
        layout.setRowStretch(3, 2 if "days" in parts else 0)
        if report is not None:
            self.set_report(report)

    def _title(self) -> QLabel:
        label = QLabel()
        font = QFont()
        font.setPointSize(self.point_size + 2)
        font.setBold(True)
        label.setFont(font)
        label.setStyleSheet(f"color: {self.foreground.name()};")
        return label

    def _plot(self, **axes: pg.AxisItem) -> pg.PlotWidget:
        plot = pg.PlotWidget(background=self.background, axisItems=axes)
        plot.setMouseEnabled(False, False)
        plot.hideButtons()
        plot.setMenuEnabled(False)
        for name in ("left", "bottom"):
            axis = plot.getAxis(name)
            axis.setPen(self.foreground)
            axis.setTextPen(self.foreground)
            axis.setTickFont(self.tick_font)
        return plot

    def _names(self) -> dict[str, str]:
        return {MODEL: self.tr("Bestellkompass"), RULE: self.tr("Same as last week")}

    def set_report(self, report: dict[str, Any]) -> None:
        """Draw `report`; a scenario without prices shows waste day by day instead of margin."""
        prices = bool(report.get("prices_known", True))
        titles = {"waste": self.tr("Waste (units)"), "sellout_days": self.tr("Sold-out days"),
                  "margin": self.tr("Margin (EUR)") if prices
                  else self.tr("Margin (no prices in this scenario)")}
        for field in FIELDS:
            self.titles[field].setText(titles[field])
            self._draw_bars(field, report)
        self.day_field = "margin" if prices else "waste"
        self.titles["days"].setText(self.tr("Margin day by day (EUR)") if prices
                                    else self.tr("Waste day by day (units)"))
        self._draw_days(report)

    def _draw_bars(self, field: str, report: dict[str, Any]) -> None:
        plot = self.plots[field]
        plot.clear()
        people = report["participants"]
        names = self._names()
        rows = [(str(p["name"]), float(p[PARTICIPANT][field])) for p in people]
        count = len(rows)
        # top to bottom: participants, then the model and the rule
        ys = [count + 1 - i for i in range(count)]
        values = [v for _, v in rows]
        everything = [*values, float(report[MODEL][field]), float(report[RULE][field])]
        floor = bar_floor(everything)
        items = {
            "participants": pg.BarGraphItem(x0=[floor] * count, x1=values, y=ys, height=0.7,
                                            brush=PARTICIPANT_COLOUR, pen=None),
            MODEL: pg.BarGraphItem(x0=[floor], x1=[float(report[MODEL][field])], y=[1],
                                   height=0.7, brush=MODEL_COLOUR, pen=None),
            RULE: pg.BarGraphItem(x0=[floor], x1=[float(report[RULE][field])], y=[0],
                                  height=0.7, brush=RULE_COLOUR, pen=None),
        }
        for item in items.values():
            plot.addItem(item)
        self.bars[field] = items
        self.lines[field] = {}
        for policy, colour in ((MODEL, MODEL_COLOUR), (RULE, RULE_COLOUR)):
            line = pg.InfiniteLine(pos=float(report[policy][field]), angle=90, movable=False,
                                   pen=pg.mkPen(colour, width=3, style=Qt.PenStyle.DashLine))
            plot.addItem(line)
            self.lines[field][policy] = line
        label_font = QFont(self.tick_font)
        label_font.setBold(True)
        reach = max(abs(v - floor) for v in everything) or 1.0
        for y, value in zip([*ys, 1, 0], everything, strict=True):
            # a long bar carries its value inside its end (white), a short one beyond it
            inside = abs(value - floor) > 0.4 * reach
            forward = value >= floor
            anchor = (1.0 if forward == inside else 0.0, 0.5)
            text = pg.TextItem(i18n.num(value, 0), anchor=anchor,
                               color=QColor("white") if inside else self.foreground)
            text.setFont(label_font)
            text.setPos(value, y)
            plot.addItem(text)
        axis = plot.getAxis("left")
        ticks = [(y, _short(name)) for y, (name, _) in zip(ys, rows, strict=True)]
        ticks += [(1, _short(names[MODEL])), (0, _short(names[RULE]))]
        axis.setTicks([ticks])
        metrics = QFontMetrics(self.tick_font)
        widest = max(metrics.horizontalAdvance(t) for _, t in ticks)
        axis.setWidth(min(widest + 16, NAME_WIDTH * self.point_size // 12))
        low, high = min(floor, *everything), max(floor, *everything)
        room = (high - low) * 0.3 or 1.0  # the labels beyond the short bars
        left, right = low - (room if low < floor else 0), high + room
        plot.setXRange(left, right, padding=0)
        step = nice_step((right - left) / 3)
        plot.getAxis("bottom").setTickSpacing(step, step / 2)
        plot.setYRange(-0.6, count + 1.6, padding=0)

    def _draw_days(self, report: dict[str, Any]) -> None:
        plot = self.plots["days"]
        plot.clear()
        field = self.day_field
        people = report["participants"]
        days = people[0]["days"] if people else []
        xs = list(range(len(days)))
        self.legend.clear()
        self.day_lines = {}
        for i, person in enumerate(people):
            ys = [float(d[PARTICIPANT][field]) for d in person["days"]]
            colour = LINE_COLOURS[i % len(LINE_COLOURS)]
            style = LINE_STYLES[i // len(LINE_COLOURS) % len(LINE_STYLES)]
            line = plot.plot(xs, ys, pen=pg.mkPen(colour, width=2, style=style), symbol="o",
                             symbolSize=6, symbolBrush=colour, symbolPen=None)
            self.day_lines[str(person["name"])] = line
            self.legend.addItem(line, _short(str(person["name"])))
        names = self._names()
        for policy, colour, style in ((MODEL, MODEL_COLOUR, Qt.PenStyle.SolidLine),
                                      (RULE, RULE_COLOUR, Qt.PenStyle.DashLine)):
            ys = [float(d[policy][field]) for d in days]
            self.day_lines[policy] = plot.plot(xs, ys, pen=pg.mkPen(colour, width=4, style=style))
            self.legend.addItem(self.day_lines[policy], names[policy])
        step = 1 if len(days) <= 10 else 7
        ticks = []
        for x, day in zip(xs, days, strict=True):
            if x % step == 0:
                when = dt.date.fromisoformat(day["date"])
                ticks.append((x, short_day(when)))
        plot.getAxis("bottom").setTicks([ticks, [(x, "") for x in xs]])
        plot.setXRange(-0.5, max(len(days) - 0.5, 0.5), padding=0)
