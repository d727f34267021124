"""The Workshop menu of the main window (issue 17): a participant plays a scenario from the menu
and saves the result, the trainer collects the folder (table and pyqtgraph charts), shows the
projector and writes the handout, with real files made by `bestellkompass workshop create`;
nothing is written outside the folders chosen in the dialogs, and on a stick the dialogs start
on the stick."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QWidget

from app import i18n, portable
from app.main_window import MainWindow
from app.workshop_charts import NumberAxis, WorkshopCharts
from app.workshop_player import WorkshopPlayer
from app.workshop_view import ORDER, CollectView, ProjectorView
from forecasting.workshop.files import read_result, read_scenario
from tests.app.test_workshop_view import _play_into, shots

MODEL, RULE = "bestellkompass", "same_as_last_week"


def answer(kind: type, act: Callable[[QWidget], None]) -> None:
    """Once a modal dialog of `kind` is up, let `act` fill it in (as a user would)."""

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind):
            act(dialog)
        else:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)


def choose(path: Path, seen: list[Path]) -> Callable[[QWidget], None]:
    """Pick `path` in a file dialog; the folder it opened in goes to `seen`."""

    def act(dialog: QWidget) -> None:
        assert isinstance(dialog, QFileDialog)
        seen.append(Path(dialog.directory().absolutePath()))
        if dialog.fileMode() == QFileDialog.FileMode.Directory:
            dialog.setDirectory(str(path))
        else:
            dialog.selectFile(str(path))
        dialog.accept()

    return act


def files_under(*folders: Path) -> set[Path]:
    return {p for folder in folders for p in folder.rglob("*") if p.is_file()}


@pytest.fixture
def window(qtbot, session) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(session)
    qtbot.addWidget(window)
    return window


def _opened(window: MainWindow, kind: type) -> QWidget:
    return next(w for w in window.workshop.opened if isinstance(w, kind))


@pytest.mark.parametrize("language", ["de", "en"])
def test_the_menu_sits_between_view_and_help(qtbot, session, language: str,  # type: ignore[no-untyped-def]
                                             tmp_path: Path) -> None:
    i18n.install_language(language)
    try:
        window = MainWindow(session)
        qtbot.addWidget(window)
        bar = [a.text() for a in window.menuBar().actions()]
        view, workshop, helps = (("&Ansicht", "&Workshop", "&Hilfe") if language == "de"
                                 else ("&View", "&Workshop", "&Help"))
        assert bar.index(workshop) == bar.index(view) + 1 == bar.index(helps) - 1
        entries = [a.text() for a in window.workshop.menu.actions()]
        assert entries == (["Workshop &spielen…", "&Ergebnisse sammeln…", "&Beamer-Ansicht",
                            "&Handout als PDF…"] if language == "de" else
                           ["&Play workshop…", "&Collect results…", "P&rojector view",
                            "&Handout as PDF…"])
        if os.environ.get("BESTELLKOMPASS_DOC_SHOTS"):
            window.resize(1100, 420)
            window.show()
            qtbot.waitExposed(window)
            menu = window.workshop.menu
            place = window.menuBar().actionGeometry(menu.menuAction()).bottomLeft()
            menu.popup(window.menuBar().mapToGlobal(place))
            qtbot.wait(100)
            picture = window.grab()
            painter = QPainter(picture)
            painter.drawPixmap(window.mapFromGlobal(menu.pos()), menu.grab())
            painter.end()
            menu.hide()
            assert picture.save(str(shots(tmp_path) / f"workshop_menu_{language}.png"))
    finally:
        i18n.install_language("de")


def test_a_participant_plays_from_the_menu_and_saves_next_to_the_scenario(
        qtbot, window: MainWindow, workshop_files: tuple[Path, Path], tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    i18n.install_language("de")
    room = tmp_path / "raum"
    room.mkdir()
    scenario_path = room / "woche.bkworkshop"
    shutil.copy(workshop_files[1], scenario_path)
    before = files_under(tmp_path)
    seen: list[Path] = []
    answer(QFileDialog, choose(scenario_path, seen))
    answer(QInputDialog, lambda d: (d.setTextValue("Anna"), d.accept()))  # type: ignore[attr-defined]
    window.workshop.play_action.trigger()
    assert seen == [window.session.path.parent]  # installed: the shop's folder
    qtbot.waitUntil(lambda: any(isinstance(w, WorkshopPlayer) for w in window.workshop.opened),
                    timeout=20_000)
    player = _opened(window, WorkshopPlayer)
    scenario = read_scenario(scenario_path)
    assert player.progress.text() == f"Anna · Tag 1 von {len(scenario.days)}"
    for number in range(len(scenario.days)):
        view = player.day_view
        assert view is not None
        model = view.model
        for row in range(model.rowCount()):  # Anna orders exactly what Bestellkompass suggests
            assert model.setData(model.index(row, ORDER),
                                 i18n.num(float(model.lines[row]["suggestion"])))
        qtbot.mouseClick(view.finish, Qt.MouseButton.LeftButton)
        if number < len(scenario.days) - 1:
            assert not player.save_button.isEnabled()
            qtbot.mouseClick(player.next_button, Qt.MouseButton.LeftButton)
    assert not player.next_button.isEnabled()
    assert player.save_button.isEnabled()
    target = room / "Anna.bkresult"
    seen.clear()

    def save_where_offered(dialog: QWidget) -> None:
        assert isinstance(dialog, QFileDialog)
        seen.append(Path(dialog.directory().absolutePath()))
        dialog.accept()  # the name offered: next to the scenario

    answer(QFileDialog, save_where_offered)
    with qtbot.waitSignal(player.saved, timeout=20_000) as saved:
        qtbot.mouseClick(player.save_button, Qt.MouseButton.LeftButton)
    assert seen == [room]
    assert saved.args[0] == target
    result = read_result(target)
    # the suggestions, scored: Anna's totals are Bestellkompass's
    assert result["participant"] == "Anna"
    assert result["totals"]["participant"] == result["totals"][MODEL]
    assert "Gespeichert in" in player.status.text()
    assert files_under(tmp_path) - before == {target}


def test_the_trainer_collects_projects_and_prints_from_the_menu(
        qtbot, window: MainWindow, workshop_files: tuple[Path, Path], tmp_path: Path,  # type: ignore[no-untyped-def]
        monkeypatch: pytest.MonkeyPatch) -> None:
    i18n.install_language("de")
    stick = tmp_path / "stick"
    results = stick / "ergebnisse"
    results.mkdir(parents=True)
    _play_into(results, workshop_files[1], "Anna", "suggestion")
    _play_into(results, workshop_files[1], "Ben", "rule")
    # running from the stick: the dialogs start beside the program, not in the laptop's folders
    monkeypatch.setenv(portable.PORTABLE_ENV, str(stick / portable.DATA_FOLDER))
    assert window.workshop.default_folder() == stick
    before = files_under(stick, window.session.path.parent)
    seen: list[Path] = []
    answer(QFileDialog, choose(results, seen))
    window.workshop.collect_action.trigger()
    assert seen == [stick]
    view = _opened(window, CollectView)
    qtbot.waitUntil(lambda: view.report is not None, timeout=20_000)
    report = view.report
    assert view.problem.text() == ""
    assert view.model.rowCount() == 4
    check_charts(view.charts, report)
    view.tabs.setCurrentWidget(view.charts)
    qtbot.wait(50)
    shot_dir = tmp_path / "shots"  # not a place the app may write to; docs/ when asked
    shot_dir.mkdir()
    assert view.grab().save(str(shots(shot_dir) / "workshop_collect_charts_de.png"))

    window.workshop.projector_action.trigger()  # the collected results, no question asked
    projector = _opened(window, ProjectorView)
    assert projector.screen_count == len(projector.messages) + 2
    projector.show_message(projector.screen_count - 2)
    assert projector.pages.currentWidget() is projector.charts[0]
    check_charts(projector.charts[0], report)
    qtbot.keyClick(projector, Qt.Key.Key_Right)
    assert projector.pages.currentWidget() is projector.charts[1]
    qtbot.keyClick(projector, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: projector not in window.workshop.opened)

    seen.clear()

    def save_where_offered(dialog: QWidget) -> None:
        assert isinstance(dialog, QFileDialog)
        seen.append(Path(dialog.directory().absolutePath()))
        dialog.accept()

    answer(QFileDialog, save_where_offered)
    window.workshop.handout_action.trigger()
    assert seen == [results]
    handout = results / "Workshop-Auswertung.pdf"
    assert handout.read_bytes().startswith(b"%PDF")
    assert files_under(stick, window.session.path.parent) - before - files_under(shot_dir) == {
        handout}


def check_charts(charts: WorkshopCharts, report: dict) -> None:  # type: ignore[type-arg]
    """The bars, reference lines and day lines hold the report's figures."""
    people = report["participants"]
    for field in ("waste", "sellout_days", "margin"):
        bars = charts.bars[field]
        assert list(bars["participants"].opts["x1"]) == pytest.approx(
            [p["participant"][field] for p in people])
        assert list(bars[MODEL].opts["x1"]) == pytest.approx([report[MODEL][field]])
        assert list(bars[RULE].opts["x1"]) == pytest.approx([report[RULE][field]])
        assert charts.lines[field][MODEL].value() == pytest.approx(report[MODEL][field])
        assert charts.lines[field][RULE].value() == pytest.approx(report[RULE][field])
        ticks = [name for _, name in charts.plots[field].getAxis("left")._tickLevels[0]]
        assert ticks == [str(p["name"]) for p in people] + ["Bestellkompass", "Wie letzte Woche"]
    for person in people:
        _, ys = charts.day_lines[str(person["name"])].getData()
        assert list(ys) == pytest.approx([d["participant"]["margin"] for d in person["days"]])
    for policy in (MODEL, RULE):
        _, ys = charts.day_lines[policy].getData()
        assert list(ys) == pytest.approx([d[policy]["margin"] for d in people[0]["days"]])


def test_chart_numbers_in_the_ui_language(qtbot, workshop_files: tuple[Path, Path],  # type: ignore[no-untyped-def]
                                          tmp_path: Path) -> None:
    results = tmp_path / "results"
    results.mkdir()
    _play_into(results, workshop_files[1], "Anna", "suggestion")
    _play_into(results, workshop_files[1], "Ben", "rule")
    axis = NumberAxis("bottom")
    try:
        for language, big, small in (("de", "1.234", "2,5"), ("en", "1,234", "2.5")):
            i18n.install_language(language)
            assert axis.tickStrings([1234.0], 1.0, 100.0) == [big]
            assert axis.tickStrings([2.5], 1.0, 0.5) == [small]
            view = CollectView(results)
            qtbot.addWidget(view)
            view.resize(1280, 860)
            view.show()
            view.read_folder()
            assert view.report is not None
            margin = view.report["participants"][0]["participant"]["margin"]
            labels = [item.textItem.toPlainText() for item in view.charts.plots["margin"].items()
                      if hasattr(item, "textItem")]
            assert i18n.num(margin) in labels
            assert view.charts.titles["margin"].text() == (
                "Marge (€)" if language == "de" else "Margin (EUR)")
            view.tabs.setCurrentWidget(view.charts)
            qtbot.wait(50)
            if language == "en":
                assert view.grab().save(
                    str(shots(tmp_path) / "workshop_collect_charts_en.png"))
    finally:
        i18n.install_language("de")
