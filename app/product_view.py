"""ProductView: why this number for one product. Recent sales, leftovers and sell-outs, the
forecast with its uncertainty band, holidays and events shaded; the explanation as a waterfall
with the same sentence as the order sheet; how accurate past suggestions were."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPalette
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import i18n
from app.jobs import JobProgress
from app.plan_access import LineView
from app.session import ShopSession
from calendars.features import build_features
from forecasting.operations.reading import (
    events_frame,
    forecasts_of,
    load_calendar_options,
    load_events,
    read_sales,
)
from forecasting.policy.explain_text import risk_words
from forecasting.policy.explanation import MOST_STEP_DECIMALS, shown_decimals
from forecasting.product_accuracy import Lookback, lookback, product_accuracy
from forecasting.texts import format_signed

HISTORY_DAYS = 42
SALES_COLOUR = "#1f77b4"
LEFTOVER_COLOUR = "#ff7f0e"
SELLOUT_COLOUR = "#d62728"
FORECAST_COLOUR = "#2ca02c"
WATERFALL_LABEL_WIDTH = 240  # px for the step names left of the bars


def stored_band(session: ShopSession, product: str, start: dt.date,
                end: dt.date) -> list[tuple[dt.date, float, float, float]]:
    """Stored forecasts (day, low, median, high) of one product between start and end."""
    out = []
    for stored in forecasts_of(session.shop, product, start, end):
        low, high = _band(stored.quantiles, float(stored.median))
        out.append((stored.date, low, float(stored.median), high))
    return out


def _band(quantiles: dict[float, float], median: float) -> tuple[float, float]:
    if not quantiles:
        return median, median
    levels = sorted(quantiles)
    low = next((quantiles[q] for q in levels if q >= 0.1), quantiles[levels[0]])
    high = next((quantiles[q] for q in reversed(levels) if q <= 0.9), quantiles[levels[-1]])
    return min(low, median), max(high, median)


class ProductView(QDialog):
    """The product view, opened by double-click (or Ctrl+D) on an order line."""

    def __init__(self, session: ShopSession, line: LineView,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.line = line
        self.setWindowTitle(self.tr("%1 – why this number").replace("%1", line.product))
        self.resize(1000, 820)
        pg.setConfigOptions(antialias=True)
        foreground = self.palette().color(QPalette.ColorRole.WindowText)
        background = self.palette().color(QPalette.ColorRole.Base)

        title = QLabel(line.product)
        font = QFont(self.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.5)
        title.setFont(font)
        summary = QLabel(self._summary())
        summary.setToolTip(self._figures())
        summary.setWordWrap(True)

        self.chart = pg.PlotWidget(background=background)
        self.chart.setMinimumHeight(300)
        self.chart.showGrid(x=False, y=True, alpha=0.2)
        self.chart.getAxis("left").setLabel(line.unit)
        for name in ("left", "bottom"):
            self.chart.getAxis(name).setPen(foreground)
            self.chart.getAxis(name).setTextPen(foreground)
        self.legend = self.chart.addLegend(offset=(10, 5), labelTextColor=foreground)
        self._draw_history()

        self.waterfall = pg.PlotWidget(background=background)
        self.waterfall.setMinimumHeight(200)
        for name in ("left", "bottom"):
            self.waterfall.getAxis(name).setPen(foreground)
            self.waterfall.getAxis(name).setTextPen(foreground)
        self._draw_waterfall()
        sentence = QLabel(line.sentence)
        sentence.setWordWrap(True)
        sentence.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.accuracy = QLabel(self._accuracy_text())
        self.accuracy.setWordWrap(True)
        self.lookback_button = QPushButton(self.tr("&Replay the last 4 weeks (takes a while)"))
        self.lookback_button.setToolTip(self.tr("Computes, day by day, what Bestellkompass would "
                                                "have suggested and compares it with the sales"))
        self.lookback_button.clicked.connect(self.run_lookback)
        if self._keeps():
            self.lookback_button.setEnabled(False)
            self.lookback_button.setToolTip(self.tr("The replay covers goods sold on the day "
                                                    "they are made"))
        self.lookback_text = QLabel()
        self.lookback_text.setWordWrap(True)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(summary)
        layout.addWidget(self.chart, 3)
        why = QLabel(self.tr("Why this number"))
        why.setFont(self._bold())
        layout.addWidget(why)
        layout.addWidget(self.waterfall, 2)
        layout.addWidget(sentence)
        how = QLabel(self.tr("How good were past suggestions?"))
        how.setFont(self._bold())
        layout.addWidget(how)
        layout.addWidget(self.accuracy)
        row = QHBoxLayout()
        row.addWidget(self.lookback_button)
        row.addWidget(self.lookback_text, 1)
        layout.addLayout(row)
        layout.addWidget(buttons)

    def _bold(self) -> QFont:
        font = QFont(self.font())
        font.setBold(True)
        return font

    def _figures(self) -> str:
        """The precise figures behind the summary's words (for the tooltip)."""
        line = self.line
        if line.sellout_probability is None:
            return ""
        return (self.tr("Chance to sell out: %1 %. Expected leftover: %2.")
                .replace("%1", i18n.num(100 * line.sellout_probability))
                .replace("%2", i18n.num(line.expected_leftover or 0.0, 1)))

    def _summary(self) -> str:
        line = self.line
        d = line.decimals
        parts = [
            self.tr("For %1: forecast %2, suggestion %3 %4.")
            .replace("%1", f"{i18n.weekday_name(line.day)}, {i18n.date_text(line.day)}")
            .replace("%2", i18n.num(line.forecast, d))
            .replace("%3", i18n.num(line.suggestion, d))
            .replace("%4", line.unit)
        ]
        if line.sellout_probability is not None and line.raw is not None:
            words = risk_words(line.raw.quantiles, line.suggestion, line.sellout_probability,
                               i18n.lang(), d)
            parts.append(words[:1].upper() + words[1:] + ".")
        if line.margin is not None:
            parts.append(self.tr("Expected margin: %1 €.").replace("%1", i18n.num(line.margin, 2)))
        return " ".join(parts)

    # -- chart ---------------------------------------------------------------------------------
    def _x(self, day: dt.date) -> int:
        return (day - self.line.day).days

    def _draw_history(self) -> None:
        line = self.line
        start = line.day - dt.timedelta(days=HISTORY_DAYS)
        plot = self.chart
        self._shade(start, line.day + dt.timedelta(days=6))
        sales = read_sales(self.session.shop, start, line.day - dt.timedelta(days=1))
        sales = sales[sales["product"] == line.product]
        xs = np.array([self._x(d.date()) for d in sales["date"]], dtype=float)
        qty = sales["quantity"].to_numpy(dtype=float)
        if len(xs):
            plot.plot(xs, qty, pen=pg.mkPen(SALES_COLOUR, width=2), symbol="o", symbolSize=5,
                      symbolBrush=SALES_COLOUR, name=self.tr("sold"))
            left = sales["leftover"].to_numpy(dtype=float)
            ok = ~np.isnan(left) & (np.nan_to_num(left) > 0)
            if ok.any():
                plot.addItem(pg.BarGraphItem(x=xs[ok], height=left[ok], width=0.6,
                                             brush=LEFTOVER_COLOUR, pen=None,
                                             name=self.tr("left over")))
            sold_out = sales["sold_out_time"].notna().to_numpy()
            if sold_out.any():
                plot.plot(xs[sold_out], qty[sold_out], pen=None, symbol="t1", symbolSize=12,
                          symbolBrush=SELLOUT_COLOUR, name=self.tr("sold out"))
        band, name = self._forecast_band(start)
        bx = np.array([self._x(b[0]) for b in band], dtype=float)
        lows = np.array([b[1] for b in band])
        mids = np.array([b[2] for b in band])
        highs = np.array([b[3] for b in band])
        fill = QColor(FORECAST_COLOUR)
        fill.setAlpha(60)
        upper = pg.PlotDataItem(bx, highs, pen=pg.mkPen(None))
        lower = pg.PlotDataItem(bx, lows, pen=pg.mkPen(None))
        plot.addItem(upper)
        plot.addItem(lower)
        plot.addItem(pg.FillBetweenItem(upper, lower, brush=fill))
        plot.addItem(pg.ErrorBarItem(x=bx, y=mids, top=highs - mids, bottom=mids - lows,
                                     beam=0.4, pen=pg.mkPen(FORECAST_COLOUR, width=2)))
        plot.plot(bx, mids, pen=pg.mkPen(FORECAST_COLOUR, width=2, style=Qt.PenStyle.DashLine),
                  symbol="d", symbolBrush=FORECAST_COLOUR, name=name)
        if not self._keeps():
            plot.plot([0], [line.suggestion], pen=None, symbol="star", symbolSize=16,
                      symbolBrush=QColor("#9467bd"), name=self.tr("suggestion"))
        ticks = []
        day = start
        while day <= line.day + dt.timedelta(days=6):
            if day.weekday() == line.day.weekday():
                ticks.append((self._x(day), f"{day:%d.%m.}" if i18n.lang() == "de"
                              else f"{day:%m-%d}"))
            day += dt.timedelta(days=1)
        plot.getAxis("bottom").setTicks([ticks])
        plot.setXRange(-HISTORY_DAYS - 0.5, 6.5, padding=0)

    def _keeps(self) -> bool:
        """Goods that keep: the line covers several sales days (deli, order-up-to)."""
        return len(tuple(getattr(self.line.raw, "sales_days", ()) or ())) > 1

    def _forecast_band(self, start: dt.date) -> tuple[list[tuple[dt.date, float, float, float]],
                                                      str]:
        """(day, low, median, high) per day to draw, and the legend text.

        Goods that keep are forecast for all the days one delivery covers; that sum is shown as
        an average per sales day over those days, so it fits the daily sales beside it.
        """
        line = self.line
        low, high = _band(line.quantiles, line.forecast)
        # the forecast and its quantiles are over the days the order serves (from its delivery)
        days = tuple(getattr(line.raw, "covers", ()) or getattr(line.raw, "sales_days", ()) or ())
        if len(days) > 1:
            n = len(days)
            text = self.tr("forecast per sales day (average over %1 days, band: 80 %)")
            return ([(d, low / n, line.forecast / n, high / n) for d in days],
                    text.replace("%1", str(n)))
        band = stored_band(self.session, line.product, start, line.day + dt.timedelta(days=6))
        band = [b for b in band if b[0] != line.day]
        band.append((line.day, low, line.forecast, high))
        band.sort()
        return band, self.tr("forecast (band: 80 %)")

    def _shade(self, start: dt.date, end: dt.date) -> None:
        """Grey for public holidays, violet for local events (from the calendar features)."""
        # another product's promotion is not an event for this one
        events = [e for e in load_events(self.session.shop)
                  if not e.product or e.product == self.line.product]
        table = build_features(self.session.settings.state, start, end,
                               events=events_frame(events),
                               options=load_calendar_options(self.session.shop))
        groups = table.groups()
        kinds = [("holiday", QColor(128, 128, 128, 60)), ("event", QColor(148, 103, 189, 60))]
        for prefix, colour in kinds:
            cols = [c for g, cs in groups.items() if g == prefix or g.startswith(prefix + "_")
                    for c in cs]
            if not cols:
                continue
            active = (table.frame[cols].abs().sum(axis=1) > 0).to_numpy()
            for i, flag in enumerate(active):
                if flag:
                    x = self._x(table.frame.index[i].date())
                    region = pg.LinearRegionItem((x - 0.5, x + 0.5), movable=False,
                                                 brush=colour, pen=pg.mkPen(None))
                    region.setZValue(-10)
                    self.chart.addItem(region)

    def _draw_waterfall(self) -> None:
        """Horizontal bars: each step from the running total to the next; totals from zero."""
        steps = self.line.steps
        plot = self.waterfall
        if not steps:
            plot.hide()
            return
        rows: list[tuple[str, float, float, str]] = []
        total = 0.0
        forecast_done = False
        for label, amount, is_policy in steps:
            if rows and abs(amount) < 1e-9:
                continue
            if is_policy and not forecast_done:
                rows.append((self.tr("= forecast"), 0.0, total, FORECAST_COLOUR))
                forecast_done = True
            colour = SALES_COLOUR if label and amount >= 0 else SELLOUT_COLOUR
            if not rows and not is_policy:
                colour = "#7f7f7f"
            # a step as the line shows it: 2,75 kg counted stay 2,75 (the amounts add up)
            d = shown_decimals(amount, self.line.decimals, MOST_STEP_DECIMALS)
            shown = (i18n.num(amount, d) if not rows else format_signed(amount, i18n.lang(), d))
            rows.append((f"{label} {shown}", total, total + amount, colour))
            total += amount
        if not forecast_done:
            rows.append((self.tr("= forecast"), 0.0, total, FORECAST_COLOUR))
        rows.append((self.tr("= suggestion"), 0.0, total, "#9467bd"))
        n = len(rows)
        for i, (_label, x0, x1, colour) in enumerate(rows):
            y = n - 1 - i
            plot.addItem(pg.BarGraphItem(x0=[min(x0, x1)], x1=[max(x0, x1)], y=[y], height=0.7,
                                         brush=colour, pen=None))
        axis = plot.getAxis("left")
        # pyqtgraph leaves out a tick label wider than the axis: shorten it instead (the full
        # words are in the line of text below the chart)
        metrics = QFontMetrics(axis.style.get("tickFont") or plot.font())
        fit = WATERFALL_LABEL_WIDTH - 16

        def shorten(text: str) -> str:
            words, _, amount = text.rpartition(" ")
            if not words or metrics.horizontalAdvance(text) <= fit:
                return text
            room = fit - metrics.horizontalAdvance(" " + amount)
            return metrics.elidedText(words, Qt.TextElideMode.ElideRight, room) + " " + amount

        axis.setTicks([[(n - 1 - i, shorten(r[0])) for i, r in enumerate(rows)]])
        axis.setWidth(WATERFALL_LABEL_WIDTH)
        plot.setYRange(-0.6, n - 0.4, padding=0)
        plot.setMouseEnabled(False, False)

    def run_lookback(self) -> None:
        """Replay the last weeks on the worker thread (a backtest) and show the comparison."""
        path, product, day = self.session.path, self.line.product, self.line.day
        self.lookback_button.setEnabled(False)
        self.lookback_text.setText(self.tr("Replaying the last 4 weeks…"))

        def job(progress: JobProgress) -> Lookback | None:
            return lookback(path, product, day, progress=progress)

        self.session.runner.run(self.tr("Replaying the last 4 weeks…"), job,
                                self._lookback_done, self._lookback_failed)

    def _lookback_done(self, result: Lookback | None) -> None:
        try:
            self.lookback_button.setEnabled(True)
            self.lookback_text.setText(self.lookback_words(result))
        except RuntimeError:  # the window was closed meanwhile
            pass

    def _lookback_failed(self, exc: BaseException) -> None:
        try:
            self.lookback_button.setEnabled(True)
            message = getattr(exc, "message", None)
            self.lookback_text.setText(message(i18n.lang()) if callable(message) else str(exc))
        except RuntimeError:
            pass

    def lookback_words(self, result: Lookback | None) -> str:
        """The replay in one or two sentences."""
        if result is None or result.days == 0:
            return self.tr("Not enough sales in the last weeks to replay.")
        d = self.line.decimals
        return (
            self.tr("Last %1 days: our suggestions missed the sales by %2 on average, left at "
                    "most %3 over and sold out on %4 days. \"Same as last week\": %5 off, "
                    "at most %6 left over, sold out on %7 days.")
            .replace("%1", str(result.days))
            .replace("%2", i18n.num(result.ours_mean_gap, 1))
            .replace("%3", i18n.num(result.ours_leftover, d))
            .replace("%4", str(result.ours_sellout_days))
            .replace("%5", i18n.num(result.rule_mean_gap, 1))
            .replace("%6", i18n.num(result.rule_leftover, d))
            .replace("%7", str(result.rule_sellout_days))
        )

    def _accuracy_text(self) -> str:
        acc = product_accuracy(self.session.shop, self.line.product, self.line.day)
        if acc is None:
            return self.tr("No earlier suggestions for this product are stored yet. After a few "
                           "days of ordering with Bestellkompass this shows how close they were.")
        d = self.line.decimals
        return (
            self.tr("Last %1 days with a suggestion: on average %2 %3 away from what was sold "
                    "(average sales %4). Leftover from the suggestions: %5; sold out on %6 days.")
            .replace("%1", str(acc.days))
            .replace("%2", i18n.num(acc.mean_abs_gap, 1))
            .replace("%3", self.line.unit)
            .replace("%4", i18n.num(acc.mean_sales, d))
            .replace("%5", i18n.num(acc.leftover_units, d))
            .replace("%6", str(acc.sellout_days))
        )
