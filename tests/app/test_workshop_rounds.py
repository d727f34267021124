"""Workshop rounds and reveal (issue 17): the trainer plays a first round by gut feeling and a
second with the suggestions, results shown after each day or only at the end. The settings
travel in the scenario file (old files play as before), the player follows them, and the
trainer's report splits the figures per round."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from PySide6.QtCore import Qt

from app import i18n
from app.cli import main
from app.jobs import JobRunner
from app.workshop_handout import handout_html
from app.workshop_player import WorkshopPlayer
from app.workshop_view import ORDER, REASONS, SUGGESTION, CollectView, ProjectorView
from forecasting.errors import UserError
from forecasting.operations.workshop import group_report
from forecasting.workshop.files import read_scenario, write_scenario
from forecasting.workshop.rounds import (
    REVEAL_DAILY,
    REVEAL_END,
    Round,
    check_rounds,
    parse_rounds,
)
from forecasting.workshop.scoring import FIGURES, POLICIES, day_figures, result_of, score_orders
from tests.app.conftest import WORKSHOP_PERIOD, WORKSHOP_PRODUCTS
from tests.app.test_workshop_view import _play_into, shots

SPLIT = 3  # round 1: days 1-3 without the suggestion, round 2: the rest with it


def _main(*argv: str) -> int:
    try:
        return main(list(argv))
    except SystemExit as exc:  # argparse refuses before the command runs
        return int(exc.code or 0)


@pytest.fixture(scope="module")
def rounds_file(workshop_files: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory
                ) -> Path:
    """The test week made again through `workshop create --rounds ... --reveal täglich` (once
    per module: the rolling backtest takes a few seconds)."""
    out = tmp_path_factory.mktemp("rounds") / "runden.bkworkshop"
    assert _main("workshop", "create", "--shop", str(workshop_files[0]), *WORKSHOP_PERIOD,
                 "--products", ",".join(WORKSHOP_PRODUCTS), "--rounds", f"1-{SPLIT}:ohne,"
                 f"{SPLIT + 1}-:mit", "--reveal", "täglich", "--out", str(out)) == 0
    return out


def _end_file(rounds_file: Path, folder: Path) -> Path:
    """The same scenario revealed only at the end."""
    out = folder / "ende.bkworkshop"
    write_scenario(dataclasses.replace(read_scenario(rounds_file), reveal=REVEAL_END), out)
    return out


def test_rounds_are_parsed_in_german_and_english() -> None:
    assert parse_rounds("1-5:ohne,6-10:mit") == [Round(1, 5, False, True), Round(6, 10, True)]
    assert parse_rounds(" 1-2 : without+no-calendar , 3 : with , 4- : mit ") == [
        Round(1, 2, False, False), Round(3, 3, True, True), Round(4, 0, True, True)]
    assert check_rounds(parse_rounds("1-2:ohne,3-:mit"), 7) == [Round(1, 2, False),
                                                                Round(3, 7, True)]
    for text, named in (("1-5:ohne,6-10:vielleicht", "vielleicht"), ("1-5:ohne,x:mit", "x:mit"),
                        ("3-1:mit", "3-1:mit"), ("1-:ohne,5-:mit", "1-:ohne"), ("", "")):
        with pytest.raises(UserError) as refused:
            parse_rounds(text)
        assert f"„{named}“" in refused.value.message("de")
    for text, words in (("1-2:ohne,4-7:mit", "erwartet ist Tag 3"),
                        ("1-2:ohne,3-9:mit", "nur 7 geöffnete Tage"),
                        ("1-2:ohne,3-5:mit", "enden mit Tag 5")):
        with pytest.raises(UserError) as refused:
            check_rounds(parse_rounds(text), 7)
        assert words in refused.value.message("de")


def test_settings_travel_in_the_file(rounds_file: Path, tmp_path: Path) -> None:
    scenario = read_scenario(rounds_file)
    days = len(scenario.days)
    assert scenario.rounds == [Round(1, SPLIT, False, True), Round(SPLIT + 1, days, True, True)]
    assert scenario.reveal == REVEAL_DAILY
    head = json.loads(zipfile.ZipFile(rounds_file).read("scenario.json"))
    assert head["reveal"] == "daily"
    assert len(head["rounds"]) == 2
    again = tmp_path / "again.bkworkshop"
    changed = dataclasses.replace(scenario, reveal=REVEAL_END, rounds=[
        Round(1, 1, True, False), Round(2, days, False, True)])
    write_scenario(changed, again)
    back = read_scenario(again)
    assert (back.rounds, back.reveal) == (changed.rounds, REVEAL_END)
    assert back.round_of(back.days[0]) == (1, Round(1, 1, True, False))
    assert back.round_of(back.days[-1]) == (2, Round(2, days, False, True))


def _without_settings(source: Path, out: Path) -> Path:
    """`source` as a file written before rounds existed: no rounds, no reveal in scenario.json
    (the manifest's digests made anew, as that version wrote them)."""
    with zipfile.ZipFile(source) as zf:
        members = {n: zf.read(n) for n in zf.namelist() if n != "manifest.json"}
        manifest = json.loads(zf.read("manifest.json"))
    head = json.loads(members["scenario.json"])
    del head["rounds"], head["reveal"]
    members["scenario.json"] = json.dumps(head).encode("utf-8")
    manifest["files"] = {n: hashlib.sha256(d).hexdigest() for n, d in members.items()}
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("manifest.json", json.dumps(manifest))
        for name, data in members.items():
            zf.writestr(name, data)
    return out


def test_an_old_file_opens_with_one_round_and_daily_results(
        qtbot, rounds_file: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    i18n.install_language("de")
    old = read_scenario(_without_settings(rounds_file, tmp_path / "alt.bkworkshop"))
    assert old.rounds == []
    assert old.reveal == REVEAL_DAILY
    assert old.play_rounds() == [Round(1, len(old.days), True, True)]
    player = WorkshopPlayer(old, "Anna", tmp_path, JobRunner())
    qtbot.addWidget(player)
    model = player.day_view.model  # type: ignore[union-attr]
    assert model.data(model.index(0, SUGGESTION)) == i18n.num(float(model.lines[0]["suggestion"]))
    assert "Vorschlag" in model.data(model.index(0, REASONS))
    assert player.round_line.isHidden()
    assert player.day_view.finish.text().startswith("Tag &abschließen und sehen")  # type: ignore[union-attr]


@pytest.mark.parametrize(("argv", "named"), [
    (["--rounds", "1-3:ohne,4-:vielleicht"], "vielleicht"),
    (["--rounds", "1-3:ohne,5-:mit"], "5-"),
    (["--rounds", "1-3:ohne,4-9:mit"], "4-9"),
    (["--reveal", "manchmal"], "manchmal"),
])
def test_bad_settings_are_refused_and_nothing_written(
        workshop_files: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str],
        argv: list[str], named: str) -> None:
    out = tmp_path / "w.bkworkshop"
    code = _main("workshop", "create", "--shop", str(workshop_files[0]), *WORKSHOP_PERIOD,
                 "--products", ",".join(WORKSHOP_PRODUCTS), *argv, "--out", str(out))
    err = capsys.readouterr().err
    assert code == 2
    assert f"„{named}“" in err
    assert not list(tmp_path.iterdir())


def _order_all(qtbot, player: WorkshopPlayer, column: str = "suggestion") -> None:  # type: ignore[no-untyped-def]
    view = player.day_view
    assert view is not None
    model = view.model
    for row in range(model.rowCount()):
        assert model.setData(model.index(row, ORDER), i18n.num(float(model.lines[row][column])))
    qtbot.mouseClick(view.finish, Qt.MouseButton.LeftButton)


def test_the_player_hides_the_suggestion_in_a_round_without(
        qtbot, rounds_file: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    i18n.install_language("de")
    scenario = read_scenario(rounds_file)
    player = WorkshopPlayer(scenario, "Anna", tmp_path, JobRunner())
    qtbot.addWidget(player)
    player.resize(1100, 650)
    player.show()
    for number in range(len(scenario.days)):
        view = player.day_view
        assert view is not None
        model = view.model
        without = number < SPLIT
        assert player.round_line.text() == (
            "<b>Runde 1 von 2: ohne Vorschlag – nach Gefühl</b>" if without
            else "<b>Runde 2 von 2: mit Vorschlag</b>")
        for row in range(model.rowCount()):
            suggestion, reasons = (model.data(model.index(row, SUGGESTION)),
                                   model.data(model.index(row, REASONS)))
            if without:
                assert (suggestion, reasons) == ("–", "")
            else:
                assert suggestion == i18n.num(float(model.lines[row]["suggestion"]))
                assert "Vorschlag" in reasons
        assert view.table.isColumnHidden(SUGGESTION) == without
        assert view.table.isColumnHidden(REASONS) == without
        if number == 0 and os.environ.get("BESTELLKOMPASS_DOC_SHOTS"):
            qtbot.wait(50)
            assert player.grab().save(str(shots(tmp_path) / "workshop_round_without_de.png"))
        # reveal daily: after closing, the day's result (you / Bestellkompass / the rule)
        assert view.result_box.isHidden()
        _order_all(qtbot, player, "rule")
        assert not view.result_box.isHidden()
        assert view.figures == day_figures(scenario, model.day, view.all_orders())
        assert "Bestellkompass" in view.outcome.text()
        assert "Wie letzte Woche" in view.outcome.text()
        assert i18n.num(view.figures["bestellkompass"]["margin"], 2) in view.outcome.text()
        if number == SPLIT:
            qtbot.wait(50)
            assert player.grab().save(str(shots(tmp_path) / "workshop_day_result_de.png"))
        if number < len(scenario.days) - 1:
            assert player.summary_box.isHidden()
            qtbot.mouseClick(player.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not player.summary_box.isHidden(), timeout=20_000)
    assert "Runde 1 von 2" in player.summary.text()
    assert "Alle Tage" in player.summary.text()


def test_reveal_at_the_end_shows_nothing_before_the_last_day(
        qtbot, rounds_file: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    i18n.install_language("de")
    scenario = read_scenario(_end_file(rounds_file, tmp_path))
    player = WorkshopPlayer(scenario, "Ben", tmp_path, JobRunner())
    qtbot.addWidget(player)
    for number in range(len(scenario.days)):
        view = player.day_view
        assert view is not None
        assert view.finish.text() == "Tag &abschließen"
        _order_all(qtbot, player)
        assert view.figures == {}
        assert "nach dem letzten Tag" in view.outcome.text()
        assert "Bestellkompass" not in view.outcome.text()
        if number < len(scenario.days) - 1:
            assert player.summary_box.isHidden()
            qtbot.mouseClick(player.next_button, Qt.MouseButton.LeftButton)
    # the end: the totals, the same as `workshop play` scores for these orders
    qtbot.waitUntil(lambda: not player.summary_box.isHidden(), timeout=20_000)
    orders = pd.DataFrame(player.orders, columns=["date", "product", "quantity"])
    totals = result_of(scenario, "Ben", score_orders(scenario, orders))["totals"]
    assert totals["participant"] == totals["bestellkompass"]  # Ben took every suggestion
    assert i18n.num(totals["participant"]["margin"], 2) in player.summary.text()


def test_the_report_splits_per_round_and_adds_up(
        qtbot, qapp: object, rounds_file: Path, workshop_files: tuple[Path, Path],  # type: ignore[no-untyped-def]
        tmp_path: Path) -> None:
    i18n.install_language("de")
    folder = tmp_path / "ergebnisse"
    folder.mkdir()
    _play_into(folder, rounds_file, "Anna", "suggestion")
    _play_into(folder, rounds_file, "Ben", "rule")
    report = group_report([folder])
    rounds = report["rounds"]
    assert [(r["number"], r["show_suggestion"]) for r in rounds] == [(1, False), (2, True)]
    scenario = read_scenario(rounds_file)
    assert rounds[0]["first"] == scenario.days[0].isoformat()
    assert rounds[1]["last"] == scenario.days[-1].isoformat()
    for person in report["participants"]:
        for field in FIGURES:
            assert sum(r["participant"][field] for r in person["rounds"]) == pytest.approx(
                person["participant"][field], abs=0.011)
    for policy in POLICIES[1:]:
        for field in FIGURES:
            assert sum(r[policy][field] for r in rounds) == pytest.approx(
                report[policy][field], abs=0.011)
    view = CollectView(folder)
    qtbot.addWidget(view)
    view.read_folder()
    assert view.tabs.isTabVisible(2)
    model = view.rounds_model
    assert model.rowCount() == 2 * 2 + 2 * 2  # Anna, Ben, Bestellkompass, rule x 2 rounds
    assert model.data(model.index(0, 1)) == "1: ohne Vorschlag – nach Gefühl"
    assert model.data(model.index(0, 5)) == "0,00"  # Anna took the suggestions: no gap
    assert "Runde für Runde" in handout_html(report)
    projector = ProjectorView(report, charts=False)
    qtbot.addWidget(projector)
    assert projector.messages[-2].startswith("Runde 1, ohne Vorschlag")
    # a workshop of one round: no rounds tab, no round table
    single = tmp_path / "eine"
    single.mkdir()
    _play_into(single, workshop_files[1], "Anna", "suggestion")
    one = group_report([single])
    assert len(one["rounds"]) == 1
    assert "Runde für Runde" not in handout_html(one)
    view.folder = single
    view.read_folder()
    assert not view.tabs.isTabVisible(2)
