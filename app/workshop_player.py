"""A participant plays a whole workshop scenario in the window: day after day the order sheet
(`PlayDayView`) as the day's round shows it, what the day brought (or, when the trainer reveals
at the end, nothing until the last day), then the totals and the result file (.bkresult) for the
trainer.

The result is scored and written by `forecasting.operations.workshop.save_result`, the same as
`bestellkompass workshop play`, on the worker thread.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import i18n
from app.jobs import JobRunner
from app.workshop_rounds import figures_table, round_heading
from app.workshop_view import PlayDayView
from forecasting.errors import UserError
from forecasting.operations.workshop import save_result
from forecasting.workshop.rounds import REVEAL_DAILY
from forecasting.workshop.scenario import Scenario
from forecasting.workshop.scoring import PARTICIPANT, POLICIES, result_of, score_orders


class WorkshopPlayer(QWidget):
    """The days of a scenario one after the other for one participant; at the end the result
    is saved where the participant chooses (next to the scenario unless told otherwise)."""

    saved = Signal(Path)

    def __init__(self, scenario: Scenario, participant: str, result_folder: Path,
                 runner: JobRunner, parent: QWidget | None = None, *,
                 show_model: bool = True) -> None:
        super().__init__(parent)
        self.scenario, self.participant = scenario, participant
        self.result_folder, self.runner, self.show_model = result_folder, runner, show_model
        self.setWindowTitle(self.tr("Workshop: %1").replace("%1", participant))
        self.days = scenario.days
        self.orders: list[tuple[pd.Timestamp, str, float]] = []
        self.index = 0
        self.progress = QLabel()
        self.round_line = QLabel()  # which round, and what it shows (several rounds or none)
        self.summary_box = QGroupBox(self.tr("What happened in total"))
        self.summary = QLabel()
        QVBoxLayout(self.summary_box).addWidget(self.summary)
        self.summary_box.hide()
        self.day_view: PlayDayView | None = None
        self.next_button = QPushButton(self.tr("&Next day"))
        self.next_button.setEnabled(False)
        self.next_button.clicked.connect(self.next_day)
        self.save_button = QPushButton(self.tr("&Save result…"))
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(lambda: self.save())
        self.status = QLabel()
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.next_button)
        buttons.addWidget(self.save_button)
        self.body = QVBoxLayout(self)
        self.body.addWidget(self.progress)
        self.body.addWidget(self.round_line)
        self.body.addWidget(self.summary_box)
        self.body.addLayout(buttons)
        self.resize(1100, 650)
        self._show_day()

    def _show_day(self) -> None:
        if self.day_view is not None:
            self.body.removeWidget(self.day_view)
            self.day_view.deleteLater()
        day = self.days[self.index]
        number, item = self.scenario.round_of(day)
        rounds = self.scenario.play_rounds()
        self.day_view = PlayDayView(self.scenario, day,
                                    show_model=self.show_model and item.show_suggestion,
                                    show_calendar=item.show_calendar,
                                    reveal_daily=self.scenario.reveal == REVEAL_DAILY,
                                    earlier=pd.DataFrame(self.orders,
                                                         columns=["date", "product", "quantity"]))
        self.day_view.closed.connect(self._day_closed)
        self.body.insertWidget(2, self.day_view, 1)
        heading = round_heading(number, len(rounds), item.show_suggestion, item.show_calendar)
        self.round_line.setText(f"<b>{heading}</b>")
        self.round_line.setVisible(len(rounds) > 1 or not item.show_suggestion
                                   or not item.show_calendar)
        self.progress.setText(self.tr("%1 · day %2 of %3").replace("%1", self.participant)
                              .replace("%2", str(self.index + 1))
                              .replace("%3", str(len(self.days))))
        self.next_button.setEnabled(False)

    def _day_closed(self, _figures: dict[str, Any]) -> None:
        assert self.day_view is not None
        model = self.day_view.model
        self.orders += model.order_rows()
        last = self.index == len(self.days) - 1
        self.next_button.setEnabled(not last)
        self.save_button.setEnabled(last)
        if last:
            self.status.setText(self.tr("That was the last day. Save your result for the "
                                        "trainer."))
            self.show_summary()
            self.save_button.setFocus()
        else:
            self.next_button.setFocus()

    def show_summary(self) -> None:
        """After the last day: the totals of you, Bestellkompass and the rule, per round when
        there are several (scored on the worker as `workshop play` does)."""
        assert self.day_view is not None
        orders = pd.DataFrame(self.orders, columns=["date", "product", "quantity"])
        scenario, participant = self.scenario, self.participant
        self.day_view.table.hide()  # the orders are in; room for the totals
        self.runner.run(self.tr("Adding up…"),
                        lambda _p: result_of(scenario, participant,
                                             score_orders(scenario, orders)),
                        self._summary_ready, self._failed)

    def _summary_ready(self, result: dict[str, Any]) -> None:
        blocks = []
        if len(result["rounds"]) > 1:
            count = len(result["rounds"])
            blocks = [(round_heading(r["number"], count, r["show_suggestion"], r["show_calendar"]),
                       {p: r[p] for p in POLICIES}) for r in result["rounds"]]
        blocks.append((self.tr("All days"), result["totals"]))
        self.summary.setText(figures_table(blocks))
        self.summary_box.show()

    def next_day(self) -> None:
        """On to the next day of the scenario."""
        if self.index < len(self.days) - 1:
            self.index += 1
            self._show_day()

    def default_path(self) -> Path:
        """Where the result goes unless the participant chooses otherwise."""
        safe = "".join(c if c.isalnum() or c in " -_" else "_" for c in self.participant)
        return self.result_folder / f"{safe.strip() or 'result'}.bkresult"

    def save(self, path: Path | None = None) -> None:
        """Score the orders and write the result file (asks where unless `path` is given)."""
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save workshop result"), str(self.default_path()),
                self.tr("Workshop results (*.bkresult)"))
            if not chosen:
                return
            path = Path(chosen)
        if path.suffix != ".bkresult":
            path = path.with_name(path.name + ".bkresult")
        orders = pd.DataFrame(self.orders, columns=["date", "product", "quantity"])
        scenario, participant = self.scenario, self.participant
        self.save_button.setEnabled(False)
        self.runner.run(self.tr("Saving the result…"),
                        lambda _p: save_result(scenario, participant, orders, path),
                        lambda result: self._saved(path, result), self._failed)

    def _saved(self, path: Path, result: dict[str, Any]) -> None:
        mine = result["totals"][PARTICIPANT]
        self.status.setText(
            self.tr("Saved in %1. In total: %2 left over, sold out %3 times, margin %4 EUR.")
            .replace("%1", str(path)).replace("%2", i18n.num(mine["waste"]))
            .replace("%3", str(int(mine["sellout_days"])))
            .replace("%4", i18n.num(mine["margin"], 2)))
        self.save_button.setEnabled(True)
        self.saved.emit(path)

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.status.setText(exc.message(i18n.lang()) if isinstance(exc, UserError) else str(exc))
