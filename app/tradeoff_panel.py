"""TradeoffPanel: per supplier / production area a slider from "lieber Reste" to "lieber
ausverkauft", showing the expected leftovers and sell-out days of the next 4 weeks as it moves
(forecasting/policy/tradeoff_preview.py; the settings dialog's page of the same name)."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPolygonF
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSlider,
    QStyle,
    QStyleOptionSlider,
    QVBoxLayout,
    QWidget,
)

from app import i18n
from app.session import ShopSession
from forecasting.operations.reading import load_area_levels
from forecasting.operations.settings import SettingsEdit
from forecasting.policy.tradeoff_preview import (
    STEPS,
    AreaDemand,
    area_demands,
    preview,
    read_tradeoff_inputs,
)
from forecasting.policy.tradeoff_text import (
    level_text,
    notes,
    precise_words,
    sellout_words,
    step_words,
    stock_words,
    waste_words,
)
from forecasting.texts import render


def nearest_step(level: float) -> int:
    """The slider position closest to a level."""
    return min(range(len(STEPS)), key=lambda i: abs(STEPS[i] - level))


class MarkedSlider(QSlider):
    """A slider with a small triangle under the recommended step."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.mark: int | None = None

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.mark is None:
            return
        option = QStyleOptionSlider()
        self.initStyleOption(option)
        handle = self.style().subControlRect(QStyle.ComplexControl.CC_Slider, option,
                                             QStyle.SubControl.SC_SliderHandle, self)
        span = self.width() - handle.width()
        x = handle.width() / 2 + QStyle.sliderPositionFromValue(
            self.minimum(), self.maximum(), self.mark, span)
        y = float(self.height() - 1)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(QColor("#2e7d32"))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawPolygon(QPolygonF([QPointF(x, y - 7), QPointF(x - 5, y), QPointF(x + 5, y)]))
        painter.end()


@dataclasses.dataclass
class AreaRow:
    """One area's widgets and state: `shown` as read from the shop file, `chosen` as set now
    (None: from price and cost)."""

    demand: AreaDemand
    shown: float | None
    chosen: float | None
    slider: MarkedSlider
    setting: QLabel
    waste: QLabel
    sellouts: QLabel
    stock: QLabel  # goods that keep: days of stock on the shelf


class TradeoffPanel(QWidget):
    """The trade-off per area; `add_to` puts the changed areas into the dialog's one save."""

    def __init__(self, session: ShopSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.rows: dict[str, AreaRow] = {}
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Per supplier or area: rather some leftovers, or rather sold out "
                               "now and then? The figures are what the suggestions are expected "
                               "to bring over the next 4 weeks."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        plan = session.plan
        demands = {} if plan is None or not plan.lines else area_demands(
            read_tradeoff_inputs(session.shop, plan.day), plan)
        if not demands:
            empty = QLabel(self.tr("The preview appears once suggestions have been computed."))
            empty.setWordWrap(True)
            layout.addWidget(empty)
            layout.addStretch(1)
            return
        stored = load_area_levels(session.shop)
        inner = QWidget()
        boxes = QVBoxLayout(inner)
        for area, demand in demands.items():
            boxes.addWidget(self._area_box(area, demand, stored.get(area)))
        boxes.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        layout.addWidget(scroll)

    def _area_box(self, area: str, demand: AreaDemand, stored: float | None) -> QGroupBox:
        lang = i18n.lang()
        box = QGroupBox(area)
        grid = QGridLayout(box)
        slider = MarkedSlider()
        slider.setRange(0, len(STEPS) - 1)
        slider.setPageStep(1)
        slider.setTickPosition(QSlider.TickPosition.TicksAbove)
        slider.setTickInterval(1)
        slider.setMinimumWidth(320)
        slider.setAccessibleName(area)
        slider.mark = nearest_step(demand.default_level())
        row = AreaRow(demand, stored, stored, slider, QLabel(), QLabel(), QLabel(), QLabel())
        self.rows[area] = row
        ends = QHBoxLayout()
        ends.addWidget(QLabel(render("tradeoff.more_leftovers", lang)))
        ends.addWidget(slider, 1)
        ends.addWidget(QLabel(render("tradeoff.more_sellouts", lang)))
        recommended = QPushButton(self.tr("Recommended"))
        recommended.setToolTip(render("tradeoff.recommended", lang))
        recommended.clicked.connect(lambda: self.set_level(area, None))
        ends.addWidget(recommended)
        grid.addLayout(ends, 0, 0)
        for number, label in enumerate((row.setting, row.waste, row.sellouts, row.stock),
                                       start=1):
            label.setWordWrap(True)
            grid.addWidget(label, number, 0)
        row.stock.setVisible(bool(demand.kept))
        for number, text in enumerate(notes(demand, lang), start=5):
            note = QLabel(text)
            note.setWordWrap(True)
            note.setStyleSheet("color: #555;")
            grid.addWidget(note, number, 0)
        slider.setValue(nearest_step(demand.default_level() if stored is None else stored))
        slider.valueChanged.connect(lambda value: self.set_level(area, STEPS[value]))
        self._show(area)
        return box

    def set_level(self, area: str, level: float | None) -> None:
        """Choose `level` for `area` (None: from price and cost) and show its figures."""
        row = self.rows[area]
        row.chosen = level
        position = nearest_step(row.demand.default_level() if level is None else level)
        if row.slider.value() != position:
            row.slider.blockSignals(True)
            row.slider.setValue(position)
            row.slider.blockSignals(False)
        self._show(area)

    def _show(self, area: str) -> None:
        lang = i18n.lang()
        row = self.rows[area]
        figures = preview(row.demand, row.chosen)
        words = step_words(row.chosen, lang)
        if row.chosen is None:
            words = f"{words} – {render('tradeoff.mark.recommended', lang)}"
        elif not words:
            words = level_text(row.chosen, lang)
        row.setting.setText(f"<b>{words}</b>")
        if row.demand.previewed:
            row.waste.setText(waste_words(row.demand, figures, lang))
            row.sellouts.setText(sellout_words(figures, lang))
            row.stock.setText(stock_words(row.demand, figures, lang))
        precise = precise_words(row.demand, figures, lang)
        for widget in (row.slider, row.setting, row.waste, row.sellouts, row.stock):
            widget.setToolTip(precise)

    def changed(self) -> dict[str, tuple[float | None, float | None]]:
        """Area -> (as shown, as chosen) for the areas the owner changed."""
        return {area: (row.shown, row.chosen) for area, row in self.rows.items()
                if row.chosen != row.shown}

    def add_to(self, edit: SettingsEdit) -> SettingsEdit:
        """The dialog's edit with the changed areas (saved in the same transaction)."""
        changed = self.changed()
        return dataclasses.replace(
            edit, areas_before={a: before for a, (before, _after) in changed.items()},
            areas_after={a: after for a, (_before, after) in changed.items()})
