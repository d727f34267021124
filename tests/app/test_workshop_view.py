"""Workshop screens offscreen: a participant plays one day, the projector shows the debrief."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pandas as pd
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from app import i18n
from app.cli import main
from app.workshop_view import ORDER, REASONS, SUGGESTION, PlayDayView, ProjectorView
from forecasting.workshop.files import read_scenario
from forecasting.workshop.scoring import score_orders
from tests.app.conftest import REPO_ROOT


def shots(tmp_path: Path) -> Path:
    """Where the screens are saved: tmp_path, or docs/screenshots with BESTELLKOMPASS_DOC_SHOTS=1
    (how the screenshots in docs/workshop.md were made)."""
    import os

    return REPO_ROOT / "docs" / "screenshots" if os.environ.get("BESTELLKOMPASS_DOC_SHOTS") \
        else tmp_path
DAY = dt.date(2026, 11, 14)  # a Saturday


def test_play_one_day(qtbot, workshop_files: tuple[Path, Path], tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    i18n.install_language("de")
    scenario = read_scenario(workshop_files[1])
    view = PlayDayView(scenario, DAY)
    qtbot.addWidget(view)
    view.resize(1100, 560)
    view.show()
    model = view.model
    assert "Samstag 14.11.2026" in view.heading.text()
    assert model.rowCount() == 5
    assert not view.finish.isEnabled()
    # the sales a week before come from the history, never from the day itself
    week = scenario.history[scenario.history["date"] == pd.Timestamp(DAY) - pd.Timedelta(days=7)]
    first = str(model.lines[0]["product"])
    assert model.data(model.index(0, 1)) == i18n.num(
        float(week.loc[week["product"] == first, "quantity"].iloc[0]))
    assert "Vorschlag" in model.data(model.index(0, REASONS))
    typed = {}
    for row in range(model.rowCount()):
        suggestion = float(model.lines[row]["suggestion"])
        quantity = suggestion + 12 if row % 2 else suggestion
        assert model.setData(model.index(row, ORDER), i18n.num(quantity))
        typed[str(model.lines[row]["product"])] = quantity
    assert not model.setData(model.index(0, ORDER), "-3")  # refused, nothing changed
    assert not model.setData(model.index(0, SUGGESTION), "5")
    assert view.finish.isEnabled()
    with qtbot.waitSignal(view.closed) as closed:
        qtbot.mouseClick(view.finish, Qt.MouseButton.LeftButton)
    figures = closed.args[0]
    # the same figures as `workshop play` gives for these orders on that day
    orders = pd.DataFrame({"date": pd.Timestamp(DAY), "product": list(typed),
                           "quantity": list(typed.values())})
    rows = score_orders(scenario, orders)
    day = rows[pd.to_datetime(rows["date"]) == pd.Timestamp(DAY)]
    for policy in ("participant", "bestellkompass", "same_as_last_week"):
        part = day[day["policy"] == policy]
        assert figures[policy]["waste"] == pytest.approx(float(part["waste"].sum()))
        assert figures[policy]["sellout_days"] == int(part["sellout_days"].sum())
    assert "Bestellkompass" in view.outcome.text()
    assert view.table.editTriggers() == view.table.EditTrigger.NoEditTriggers
    qtbot.wait(50)  # the layout makes room for the outcome
    assert view.outcome.height() >= view.outcome.sizeHint().height()
    assert view.grab().save(str(shots(tmp_path) / "workshop_play_day.png"))


def test_projector(qtbot, workshop_files: tuple[Path, Path], tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    i18n.install_language("de")
    scenario = read_scenario(workshop_files[1])
    results = []
    for name, column in (("Anna", "suggestion"), ("Ben", "rule")):
        orders = tmp_path / f"{name}.csv"
        scenario.sheet.assign(quantity=scenario.sheet[column], date=scenario.sheet["date"].dt.strftime("%Y-%m-%d"))[
            ["date", "product", "quantity"]].to_csv(orders, index=False)
        out = tmp_path / f"{name}.bkresult"
        assert main(["workshop", "play", str(workshop_files[1]), "--participant", name,
                     "--orders", str(orders), "--out", str(out)]) == 0
        results.append(str(out))
    report_path = tmp_path / "report.json"
    assert main(["workshop", "report", *results, "--format", "json", "--out",
                 str(report_path)]) == 0
    report = json.loads(report_path.read_text(encoding="utf-8"))
    view = ProjectorView(report)
    qtbot.addWidget(view)
    view.resize(1280, 720)
    view.show()
    assert view.message.text().startswith("Bestellkompass: ")
    assert i18n.num(report["bestellkompass"]["waste"]) in view.message.text()
    assert view.message.font().pointSize() >= 40
    assert view.palette().color(view.backgroundRole()) == QColor("black")
    assert view.palette().color(view.foregroundRole()) == QColor("white")
    # the messages, then the charts in two screens (the bars, the days)
    assert view.screen_count == len(view.messages) + 2
    assert view.counter.text() == f"1 / {view.screen_count}"
    seen = [view.message.text()]
    pages = [view.pages.currentWidget()]
    for _ in range(view.screen_count + 2):  # past the end stays on the last
        qtbot.keyClick(view, Qt.Key.Key_Right)
        seen.append(view.message.text())
        pages.append(view.pages.currentWidget())
    assert seen[-1] == view.messages[-1]
    assert len(set(seen)) == len(view.messages)
    assert pages[-1] is view.charts[1]
    assert view.charts[0] in pages
    # Anna ordered exactly the suggestions (same margin, not more), Ben the rule; after it
    # the screens on which kind of day the changes paid or cost (test_workshop_occasions.py)
    beat = view.messages.index("0 von 2 verdienten mehr als Bestellkompass")
    assert all("gegenüber dem Vorschlag" in m for m in view.messages[beat + 1:])
    for _ in range(3):
        qtbot.keyClick(view, Qt.Key.Key_Left)
    assert view.pages.currentWidget() is view.message
    assert view.message.text() == view.messages[-2]
    view.show_message(2)
    assert view.grab().save(str(shots(tmp_path) / "workshop_projector.png"))


def test_a_workshop_from_a_stick_writes_nothing_into_the_users_profile(
        workshop_files: tuple[Path, Path], tmp_path: Path) -> None:
    """The program, the scenario and the results on a stick (portable marker): playing and the
    PDF report leave the laptop's home folder empty."""
    import os
    import shutil
    import subprocess
    import sys

    stick = tmp_path / "stick"
    stick.mkdir()
    shutil.copy(REPO_ROOT / "packaging" / "entry.py", stick / "bestellkompass.py")
    (stick / "portable.txt").write_text("", encoding="utf-8")
    scenario = stick / "workshop.bkworkshop"
    shutil.copy(workshop_files[1], scenario)
    sheet = read_scenario(scenario).sheet
    orders = stick / "anna.csv"
    sheet.assign(quantity=sheet["rule"], date=sheet["date"].dt.strftime("%Y-%m-%d"))[
        ["date", "product", "quantity"]].to_csv(orders, index=False)
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("BESTELLKOMPASS_", "XDG_")) and k != "QT_QPA_PLATFORM"}
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / "data"),
               XDG_CONFIG_HOME=str(home / "config"), XDG_CACHE_HOME=str(home / "cache"),
               XDG_STATE_HOME=str(home / "state"))
    program = [sys.executable, str(stick / "bestellkompass.py"), "workshop"]
    for args in (["play", str(scenario), "--participant", "Anna", "--orders", str(orders),
                  "--out", str(stick / "anna.bkresult")],
                 ["report", str(stick / "anna.bkresult"), "--format", "pdf",
                  "--out", str(stick / "handout.pdf")]):
        done = subprocess.run([*program, *args], cwd=stick, env=env, capture_output=True,
                              text=True, timeout=600, check=False)
        assert done.returncode == 0, done.stderr[-2000:]
    assert (stick / "anna.bkresult").is_file()
    assert (stick / "handout.pdf").read_bytes().startswith(b"%PDF")
    assert not list(home.rglob("*")), list(home.rglob("*"))


def _play_into(folder: Path, scenario_path: Path, name: str, column: str) -> Path:
    sheet = read_scenario(scenario_path).sheet
    orders = folder.parent / f"{name}.csv"
    sheet.assign(quantity=sheet[column], date=sheet["date"].dt.strftime("%Y-%m-%d"))[
        ["date", "product", "quantity"]].to_csv(orders, index=False)
    out = folder / f"{name}.bkresult"
    assert main(["workshop", "play", str(scenario_path), "--participant", name, "--orders",
                 str(orders), "--out", str(out)]) == 0
    return out


def test_collect_results_from_a_folder(qtbot, workshop_files: tuple[Path, Path],  # type: ignore[no-untyped-def]
                                       tmp_path: Path) -> None:
    import dataclasses

    from app.workshop_view import CollectView
    from forecasting.workshop.files import write_scenario

    i18n.install_language("de")
    folder = tmp_path / "ergebnisse"
    folder.mkdir()
    _play_into(folder, workshop_files[1], "Anna", "suggestion")
    _play_into(folder, workshop_files[1], "Ben", "rule")
    view = CollectView(folder)
    qtbot.addWidget(view)
    view.resize(900, 360)
    view.show()
    qtbot.mouseClick(view.reload, Qt.MouseButton.LeftButton)
    model = view.model
    assert [model.data(model.index(r, 0)) for r in range(model.rowCount())] == [
        "Anna", "Ben", "Bestellkompass", "Wie letzte Woche"]
    assert model.data(model.index(0, 1)) == model.data(model.index(2, 1))  # Anna = suggestion
    assert model.data(model.index(1, 3)) == model.data(model.index(3, 3))  # Ben = the rule
    assert view.problem.text() == ""
    assert view.grab().save(str(shots(tmp_path) / "workshop_collect.png"))
    # a result of another workshop lands in the folder: named, nothing merged, table unchanged
    other = tmp_path / "other.bkworkshop"
    write_scenario(dataclasses.replace(read_scenario(workshop_files[1]), scenario_id="x"), other)
    stray = _play_into(folder, other, "Cem", "rule")
    qtbot.mouseClick(view.reload, Qt.MouseButton.LeftButton)
    assert str(stray) in view.problem.text()
    assert "gehört zu einem anderen Workshop" in view.problem.text()
    assert model.rowCount() == 4
    stray.unlink()
    qtbot.mouseClick(view.reload, Qt.MouseButton.LeftButton)
    assert view.problem.text() == ""
