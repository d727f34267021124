"""The "Workshop" menu of the main window: play a scenario, collect the results of the room,
show them on the projector, print the handout.

Each step opens its own window (app/workshop_player.py, app/workshop_view.py). Reading and
writing workshop files runs on the worker (`forecasting.operations.workshop`). When the program
runs from a stick (app/portable.py), every dialog starts on the stick, so results and handouts
land there and not on the laptop.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMainWindow, QWidget

from app import portable
from app.workshop_player import WorkshopPlayer
from app.workshop_view import CollectView, ProjectorView
from forecasting.operations.workshop import group_report
from forecasting.workshop.files import read_scenario

HANDOUT_NAME = "Workshop-Auswertung.pdf"


class WorkshopMenu(QObject):
    """The menu's actions and the windows they opened (kept so they stay open)."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.session = window.session  # type: ignore[attr-defined]
        self.scenario_folder: Path | None = None
        self.results_folder: Path | None = None
        self.report: dict[str, Any] | None = None
        self.opened: list[QWidget] = []
        self.menu = window.menuBar().addMenu(self.tr("&Workshop"))
        self.play_action = self._add(self.tr("&Play workshop…"), lambda: self.play(),
                                     self.tr("A participant orders day by day and saves a "
                                             "result file"))
        self.collect_action = self._add(self.tr("&Collect results…"), lambda: self.collect(),
                                        self.tr("The group's results from a folder or stick"))
        self.projector_action = self._add(self.tr("P&rojector view"), lambda: self.projector(),
                                          self.tr("The debrief in large type, one screen per "
                                                  "message"))
        self.handout_action = self._add(self.tr("&Handout as PDF…"), lambda: self.handout(),
                                        self.tr("The debrief as an A4 PDF"))

    def _add(self, text: str, slot: Callable[[], object], tip: str) -> QAction:
        action = self.menu.addAction(text)
        action.setStatusTip(tip)
        action.setToolTip(tip)
        action.triggered.connect(slot)
        return action

    # -- folders -------------------------------------------------------------------------------
    def default_folder(self) -> Path:
        """Where the dialogs start: on the stick beside the program when running portable,
        else the folder of the open shop file."""
        root = portable.data_root()
        return root.parent if root is not None else Path(self.session.path).parent

    def _open(self, widget: QWidget) -> QWidget:
        widget.setParent(self.window, Qt.WindowType.Window)
        widget.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        widget.destroyed.connect(lambda *_: self.opened.remove(widget)
                                 if widget in self.opened else None)
        self.opened.append(widget)
        widget.show()
        return widget

    def _fail(self, exc: BaseException) -> None:
        self.window.show_error(exc)  # type: ignore[attr-defined]

    # -- play ----------------------------------------------------------------------------------
    def play(self, path: Path | None = None, participant: str | None = None) -> None:
        """Open a scenario, ask the participant's name, then the days one after the other."""
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(
                self.window, self.tr("Open workshop"),
                str(self.scenario_folder or self.default_folder()),
                self.tr("Workshops (*.bkworkshop);;All files (*)"))
            if not chosen:
                return
            path = Path(chosen)
        if participant is None:
            participant, ok = QInputDialog.getText(
                self.window, self.tr("Play workshop"), self.tr("Your name:"),
                QLineEdit.EchoMode.Normal, "")
            participant = participant.strip()
            if not ok or not participant:
                return
        self.scenario_folder = path.parent
        self.session.runner.run(
            self.tr("Opening the workshop…"), lambda _p: read_scenario(path),
            lambda scenario: self._start(scenario, participant, path.parent), self._fail)

    def _start(self, scenario: object, participant: str, folder: Path) -> None:
        player = WorkshopPlayer(scenario, participant, folder,  # type: ignore[arg-type]
                                self.session.runner)
        player.saved.connect(lambda saved: setattr(self, "results_folder", saved.parent))
        self._open(player)

    # -- the trainer ---------------------------------------------------------------------------
    def _ask_results_folder(self) -> Path | None:
        chosen = QFileDialog.getExistingDirectory(
            self.window, self.tr("Folder with the results (.bkresult)"),
            str(self.results_folder or self.scenario_folder or self.default_folder()))
        return Path(chosen) if chosen else None

    def collect(self, folder: Path | None = None) -> CollectView | None:
        """The group table and charts of a results folder (read on the worker)."""
        folder = folder or self._ask_results_folder()
        if folder is None:
            return None
        self.results_folder = folder
        view = CollectView(folder, runner=self.session.runner)
        view.reportChanged.connect(lambda report: setattr(self, "report", report))
        view.resize(1280, 860)
        self._open(view)
        view.read_folder()
        return view

    def _with_report(self, then: Callable[[dict[str, Any]], object]) -> None:
        """`then(report)` with the collected results, collecting a folder first if none were."""
        if self.report is not None:
            then(self.report)
            return
        folder = self._ask_results_folder()
        if folder is None:
            return
        self.results_folder = folder

        def done(report: dict[str, Any]) -> None:
            self.report = report
            then(report)

        self.session.runner.run(self.tr("Reading the results…"),
                                lambda _p: group_report([folder]), done, self._fail)

    def projector(self) -> None:
        """The debrief full screen on the projector (Escape closes it)."""

        def show(report: dict[str, Any]) -> None:
            view = ProjectorView(report)
            self._open(view)
            view.showFullScreen()
            view.setFocus()

        self._with_report(show)

    def handout(self, path: Path | None = None) -> None:
        """The debrief as a PDF handout (asks where unless `path` is given)."""

        def write(report: dict[str, Any]) -> None:
            target = path
            if target is None:
                folder = self.results_folder or self.default_folder()
                chosen, _ = QFileDialog.getSaveFileName(
                    self.window, self.tr("Save handout"), str(folder / HANDOUT_NAME),
                    self.tr("PDF (*.pdf)"))
                if not chosen:
                    return
                target = Path(chosen)
            from app.workshop_handout import write_handout

            try:
                write_handout(target, report)
            except Exception as exc:
                self._fail(exc)
                return
            self.window.message.setText(  # type: ignore[attr-defined]
                self.tr("Saved %1").replace("%1", str(target)))

        self._with_report(write)


def add_workshop_menu(window: QMainWindow) -> WorkshopMenu:
    """Add the "Workshop" menu to `window`'s menu bar (after the menus already there)."""
    return WorkshopMenu(window)
