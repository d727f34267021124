"""TradeoffPanel: per supplier / production area a slider from "lieber Reste" to "lieber
ausverkauft", showing the expected leftovers and sell-out days of the next 4 weeks as it moves
(forecasting/policy/tradeoff_preview.py; the settings dialog's page of the same name).

The figures are computed on the session's worker (app/jobs.py), never on the window's thread:
one job reads the areas' product-days when the page is made, then one job per area computes all
its steps at once (goods that keep take up to a second or two per area on the demo deli). Until an
area's figures arrive its row says "wird berechnet…"; moving the slider starts nothing, the step's
figures are shown as soon as they are there.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

import shiboken6
from PySide6.QtCore import QPointF, Qt, Signal
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
from app.jobs import Job, JobCancelled, JobProgress
from app.session import ShopSession
from forecasting.operations.reading import load_area_levels
from forecasting.operations.settings import SettingsEdit
from forecasting.operations.shop import open_shop
from forecasting.policy.plan import OrderPlan
from forecasting.policy.tradeoff_preview import (
    STEPS,
    AreaDemand,
    Preview,
    area_demands,
    previews,
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


def demands_job(path: Path, plan: OrderPlan, progress: JobProgress) -> dict[str, AreaDemand]:
    """Worker job: the areas' product-days for the plan (reads 8 weeks of sales, own connection)."""
    progress.check()
    with open_shop(path, read_only=True) as shop:
        inputs = read_tradeoff_inputs(shop, plan.day)
    progress.check()
    return area_demands(inputs, plan)


def area_job(demand: AreaDemand, levels: list[float | None]
             ) -> Callable[[JobProgress], dict[float | None, Preview]]:
    """Worker job: all of an area's steps at once (see module)."""

    def run(progress: JobProgress) -> dict[float | None, Preview]:
        progress.check()
        return previews(demand, levels, progress.check)

    return run


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

    computed = Signal(str)  # an area's figures arrived (after the row shows them)
    areasShown = Signal()  # the areas' rows are made; their figures are on the worker

    def __init__(self, session: ShopSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.rows: dict[str, AreaRow] = {}
        self.figures: dict[str, dict[float | None, Preview]] = {}  # area -> level -> figures
        self.jobs: list[Job] = []
        self.stored: dict[str, float] = {}
        self.loaded = False  # the areas are known (their rows made)
        self.stopped = False  # cancelled: no further jobs
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Per supplier or area: rather some leftovers, or rather sold out "
                               "now and then? The figures are what the suggestions are expected "
                               "to bring over the next 4 weeks."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        inner = QWidget()
        self.boxes = QVBoxLayout(inner)
        self.boxes.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        layout.addWidget(scroll)
        plan = session.plan
        if plan is None or not plan.lines:
            self._nothing()
            return
        self.stored = load_area_levels(session.shop)
        self.status.setText(self.computing_text())
        path = Path(session.path)
        self._start(lambda progress: demands_job(path, plan, progress), self._demands_ready)

    def computing_text(self) -> str:
        """What a row (and the page) says while its figures are computed."""
        return self.tr("being computed…")

    def _nothing(self) -> None:
        self.loaded = True
        self.status.setText(self.tr("The preview appears once suggestions have been computed."))

    def _start(self, fn: Callable[[JobProgress], object],
               done: Callable[[object], None]) -> None:
        """Run `fn` on the session's worker; `done` only while the page still exists."""
        if self.stopped:
            return

        def arrived(result: object) -> None:
            if shiboken6.isValid(self):
                done(result)

        job = self.session.runner.run(self.tr("Computing the preview…"), fn, arrived,
                                      self._failed)
        self.jobs.append(job)
        job.finished.connect(lambda: self.jobs.remove(job) if job in self.jobs else None)

    def cancel(self) -> None:
        """Stop the jobs still queued or running and start none (the dialog was closed)."""
        self.stopped = True
        for job in self.jobs:
            job.progress.cancel()

    def ready(self) -> bool:
        """Whether every area's figures are there (tests and screenshots wait for it)."""
        return self.loaded and all(area in self.figures for area in self.rows)

    def _failed(self, exc: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        if isinstance(exc, JobCancelled):  # the dialog closed, or Cancel in the status bar
            text = self.tr("The preview was stopped; open the settings again to compute it.")
        else:
            text = self.tr("The preview could not be computed: %1").replace(
                "%1", str(exc) or type(exc).__name__)
        self.status.setText(text)
        self.status.show()
        for area, row in self.rows.items():
            if area not in self.figures:  # no "wird berechnet…" left that never ends
                row.waste.setText("–")

    def _demands_ready(self, result: object) -> None:
        demands: dict[str, AreaDemand] = result  # type: ignore[assignment]
        if self.stopped:
            self._failed(JobCancelled())
            return
        if not demands:
            self._nothing()
            return
        self.status.hide()
        self.loaded = True
        for area, demand in demands.items():
            self.boxes.insertWidget(self.boxes.count() - 1,
                                    self._area_box(area, demand, self.stored.get(area)))
        for area, demand in demands.items():
            stored = self.stored.get(area)
            levels: list[float | None] = [None, *STEPS, *([stored] if stored is not None else [])]
            self._start(area_job(demand, levels),
                        lambda figures, area=area: self._area_ready(area, figures))
        self.areasShown.emit()

    def _area_ready(self, area: str, result: object) -> None:
        self.figures[area] = result  # type: ignore[assignment]
        self._show(area)
        self.computed.emit(area)

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
        words = step_words(row.chosen, lang)
        if row.chosen is None:
            words = f"{words} – {render('tradeoff.mark.recommended', lang)}"
        elif not words:
            words = level_text(row.chosen, lang)
        row.setting.setText(f"<b>{words}</b>")
        figures = self.figures.get(area, {}).get(row.chosen)
        if figures is None:  # still on the worker
            row.waste.setText(self.computing_text())
            row.sellouts.setText("")
            row.stock.setText("")
            precise = ""
        else:
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
