"""A workshop on the demo deli, whose goods keep: made, played and reported through the command
line (the model's figures checked with the policy benchmark's stock machinery), a refused order
on a day no delivery can come, and a deli day played in the window offscreen."""

from __future__ import annotations

import datetime as dt
import importlib
import json
import shutil
import sys
from pathlib import Path

import pandas as pd
import pytest
from PySide6.QtCore import Qt

from app import i18n
from app.cli import main
from app.jobs import JobRunner
from app.workshop_player import WorkshopPlayer
from app.workshop_view import (
    DELIVERY,
    ON_ORDER,
    ORDER,
    SHELF,
    SUGGESTION,
    CollectView,
    PlayDayView,
    ProjectorView,
)
from forecasting.workshop.anonymise import Disguise, anonymise
from forecasting.workshop.create import order_sheet
from forecasting.workshop.files import read_scenario, write_scenario
from forecasting.workshop.scoring import day_figures, score_orders
from forecasting.workshop.stock import chances, shelf_for
from tests.app.conftest import DELI_WORKSHOP_PRODUCTS, REPO_ROOT
from tests.app.test_workshop_view import shots

WEDNESDAY = dt.date(2026, 11, 18)


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _orders(scenario_path: Path, path: Path, column: str, factor: float = 1.0) -> Path:
    sheet = read_scenario(scenario_path).sheet
    pd.DataFrame({"date": sheet["date"].dt.strftime("%Y-%m-%d"), "product": sheet["product"],
                  "quantity": (sheet[column] * factor).round()}).to_csv(path, index=False)
    return path


@pytest.fixture
def benchmark(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.syspath_prepend(str(REPO_ROOT / "benchmarks"))
    module = importlib.import_module("workshop")
    yield module
    sys.modules.pop("workshop", None)


def test_deli_scenario_made_played_and_reported(qtbot, deli_workshop: tuple[Path, Path, str],  # type: ignore[no-untyped-def]
                                                tmp_path: Path, benchmark,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    shop, scenario_path, said = deli_workshop
    # one forecast run per horizon the orders reach: cheese ordered on Sunday comes Tuesday and
    # serves Tuesday to Thursday (2-4 days ahead), ordered on Wednesday it serves Friday and
    # Saturday (2, 3; Monday is after the week); Hummus 1-3, the salad 1 and 2 days ahead
    scenario = read_scenario(scenario_path)
    ahead = (scenario.stock_forecasts["date"] - scenario.stock_forecasts["cutoff"]).dt.days
    assert set(ahead) == {1, 2, 3, 4}
    # and the trainer sees them go by
    assert [line for line in said.splitlines() if "run" in line] == [
        f"Forecasting as on each evening, run {n}/4 …" for n in range(1, 5)]
    assert scenario.stocked == sorted(DELI_WORKSHOP_PRODUCTS)
    assert set(scenario.stock_forecasts["product"]) == set(DELI_WORKSHOP_PRODUCTS)
    # the sheet has a row per delivery an order can reach: cheese Tuesday and Friday only
    cheese = scenario.sheet[scenario.sheet["product"] == "Bergkäse 200 g"]
    assert list(cheese["date"].dt.date) == [dt.date(2026, 11, 17), dt.date(2026, 11, 20)]
    assert [c.delivery_day for c in chances(scenario, "Bergkäse 200 g")] == list(
        cheese["date"].dt.date)
    results = []
    for name, column, factor in (("Ida", "suggestion", 1.0), ("Jan", "rule", 1.2),
                                 ("Kim", "forecast", 1.0)):
        orders = _orders(scenario_path, tmp_path / f"{name}.csv", column, factor)
        out = tmp_path / f"{name}.bkresult"
        code, _, err = _run(capsys, "--lang", "en", "workshop", "play", str(scenario_path),
                            "--participant", name, "--orders", str(orders), "--out", str(out))
        assert code == 0, err
        results.append(str(out))
    code, _, err = _run(capsys, "workshop", "report", *results, "--format", "json",
                        "--out", str(tmp_path / "report.json"))
    assert code == 0, err
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    keys = {"ordered", "sold", "waste", "short", "sellout_days", "margin", "shelf",
            "shelf_value"}
    for figures in (report["bestellkompass"], report["same_as_last_week"],
                    *[p["participant"] for p in report["participants"]]):
        assert set(figures) >= keys
    ida = next(p for p in report["participants"] if p["name"] == "Ida")
    assert ida["participant"] == report["bestellkompass"]  # took every suggestion
    assert report["participants"][0]["days"][0]["participant"]["sold"] >= 0
    # the model's and the rule's figures are the policy benchmark's stock machinery's
    expected = benchmark.stocked_figures(shop, scenario_path)
    for policy in ("bestellkompass", "same_as_last_week"):
        for field, value in expected[policy].items():
            assert report[policy][field] == pytest.approx(value, abs=0.01), (policy, field)
    # the collect view and the projector read the deli's results too; the handout is written
    view = CollectView(tmp_path)
    qtbot.addWidget(view)
    view.read_folder()
    assert view.model.rowCount() == 5
    assert view.problem.text() == ""
    # the group table says what stayed on the shelf (the rule's row is the last)
    assert view.model.columnCount() == 6
    assert view.model.data(view.model.index(4, 5)) == i18n.num(
        report["same_as_last_week"]["shelf"])
    projector = ProjectorView(report)
    qtbot.addWidget(projector)
    assert len(projector.messages) >= 5
    code, _, err = _run(capsys, "workshop", "report", *results, "--format", "pdf",
                        "--out", str(tmp_path / "handout.pdf"))
    assert code == 0, err
    assert (tmp_path / "handout.pdf").read_bytes().startswith(b"%PDF")
    for path in map(Path, results):
        path.unlink()


def test_an_order_on_a_day_no_delivery_can_come_is_refused(
        deli_workshop: tuple[Path, Path, str], tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    _, scenario_path, _ = deli_workshop
    orders = _orders(scenario_path, tmp_path / "orders.csv", "suggestion")
    lines = orders.read_text(encoding="utf-8").splitlines()
    lines.append("2026-11-18,Bergkäse 200 g,12")  # a Wednesday: cheese comes Tue and Fri
    orders.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "x.bkresult"
    code, _, err = _run(capsys, "--lang", "en", "workshop", "play", str(scenario_path),
                        "--participant", "X", "--orders", str(orders), "--out", str(out))
    assert code != 0
    assert f"line {len(lines)}" in err
    assert "2026-11-18" in err
    assert "Bergkäse 200 g" in err
    assert "2026-11-17, 2026-11-20" in err  # the days it can come
    assert not out.exists()


def test_play_a_deli_day(qtbot, deli_workshop: tuple[Path, Path, str], tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    i18n.install_language("de")
    scenario = read_scenario(deli_workshop[1])
    sheet = scenario.sheet
    # Monday's and Tuesday's orders as Bestellkompass suggested them (by delivery day)
    earlier = sheet[sheet["date"] < pd.Timestamp(WEDNESDAY)].rename(
        columns={"suggestion": "quantity"})[["date", "product", "quantity"]]
    view = PlayDayView(scenario, WEDNESDAY, earlier=earlier)
    qtbot.addWidget(view)
    view.resize(1500, 520)
    view.show()
    model = view.model
    assert "Mittwoch 18.11.2026" in view.heading.text()
    rows = {str(line["product"]): i for i, line in enumerate(model.lines)}
    cheese, salad = rows["Bergkäse 200 g"], rows["Kartoffelsalat 250 g"]
    # cheese: nothing to order today; it says when the next order is possible, for when
    assert not model.flags(model.index(cheese, ORDER)) & Qt.ItemFlag.ItemIsEditable
    assert not model.setData(model.index(cheese, ORDER), "5")
    assert model.data(model.index(cheese, DELIVERY)) == "Bestellung auf dem Blatt von Do. 19.11. " \
                                                        "für Fr. 20.11."
    # the shelf that evening: Tuesday's cheese, by the day it may be sold until
    shelf = shelf_for(scenario, "Bergkäse 200 g",
                      {d.date(): q for d, p, q in earlier.itertuples(index=False)
                       if p == "Bergkäse 200 g"}, WEDNESDAY)
    assert shelf.on_hand > 0
    assert model.data(model.index(cheese, SHELF)).startswith(i18n.num(shelf.on_hand))
    assert "bis Do. 26.11." in model.data(model.index(cheese, SHELF))  # 10 days from Tuesday
    assert model.data(model.index(cheese, ON_ORDER)) == "–"
    # the salad can be ordered: this sheet is Tuesday evening's, the salad comes Wednesday
    assert model.flags(model.index(salad, ORDER)) & Qt.ItemFlag.ItemIsEditable
    assert model.data(model.index(salad, DELIVERY)) == "Mi. 18.11."
    mine = shelf_for(scenario, "Kartoffelsalat 250 g",
                     {d.date(): q for d, p, q in earlier.itertuples(index=False)
                      if p == "Kartoffelsalat 250 g"}, WEDNESDAY)
    assert model.data(model.index(salad, SUGGESTION)) == i18n.num(mine.suggestion)
    assert not view.finish.isEnabled()
    assert model.setData(model.index(salad, ORDER), "18")
    assert view.finish.isEnabled()  # only what can be ordered today needs an order
    with qtbot.waitSignal(view.closed) as closed:
        qtbot.mouseClick(view.finish, Qt.MouseButton.LeftButton)
    assert closed.args[0] == day_figures(scenario, pd.Timestamp(WEDNESDAY), view.all_orders())
    assert view.all_orders()["quantity"].iloc[-1] == 18
    qtbot.wait(50)
    assert view.grab().save(str(shots(tmp_path) / "workshop_play_deli_day.png"))


def test_the_player_carries_the_shelf_from_day_to_day(
        qtbot, deli_workshop: tuple[Path, Path, str], tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    i18n.install_language("de")
    path = tmp_path / "deli.bkworkshop"
    shutil.copy(deli_workshop[1], path)
    scenario = read_scenario(path)
    player = WorkshopPlayer(scenario, "Ida", tmp_path, JobRunner())
    qtbot.addWidget(player)
    player.resize(1500, 650)
    player.show()
    model = player.day_view.model  # type: ignore[union-attr]
    rows = {str(line["product"]): i for i, line in enumerate(model.lines)}
    # Monday's sheet (Sunday evening): Hummus and the salad come Monday, the cheese Tuesday
    assert model.data(model.index(rows["Hummus"], DELIVERY)) == "Mo. 16.11."
    assert model.data(model.index(rows["Bergkäse 200 g"], DELIVERY)) == "Di. 17.11."
    typed = {"Hummus": "40", "Bergkäse 200 g": "30", "Kartoffelsalat 250 g": "15"}
    for name, row in rows.items():
        assert model.setData(model.index(row, ORDER), typed[name])
    qtbot.mouseClick(player.day_view.finish, Qt.MouseButton.LeftButton)  # type: ignore[union-attr]
    player.next_day()
    tuesday = player.day_view.model  # type: ignore[union-attr]
    rows = {str(line["product"]): i for i, line in enumerate(tuesday.lines)}
    # Monday's 40 Hummus came on Monday: Tuesday's sheet shows the shelf they left
    left = tuesday.shelves["Hummus"]
    assert left == shelf_for(scenario, "Hummus", {dt.date(2026, 11, 16): 40.0},
                             dt.date(2026, 11, 17))
    assert left.on_hand > shelf_for(scenario, "Hummus", {}, dt.date(2026, 11, 17)).on_hand
    # the cheese is on its way (Monday evening), and cannot be ordered again before Thursday
    assert tuesday.data(tuesday.index(rows["Bergkäse 200 g"], ON_ORDER)) == "30 am Di. 17.11."
    assert not tuesday.orderable("Bergkäse 200 g")
    assert player.orders[:3] == [(pd.Timestamp("2026-11-17"), "Bergkäse 200 g", 30.0),
                                 (pd.Timestamp("2026-11-16"), "Hummus", 40.0),
                                 (pd.Timestamp("2026-11-16"), "Kartoffelsalat 250 g", 15.0)]
    qtbot.wait(50)
    assert player.grab().save(str(shots(tmp_path) / "workshop_player_deli.png"))


def test_a_deli_scenario_made_anonymous_keeps_its_shelf(
        deli_workshop: tuple[Path, Path, str], tmp_path: Path) -> None:
    """Dates move by whole weeks (the delivery weekdays stay), quantities double: the shelf
    tables move and scale with the rest, and the disguised scenario plays and scores."""
    scenario = read_scenario(deli_workshop[1])
    hidden = anonymise(scenario, Disguise(price_factor=1.5, quantity_factor=2.0, weeks=-30))
    hidden.sheet = order_sheet(hidden)
    write_scenario(hidden, tmp_path / "hidden.bkworkshop")
    hidden = read_scenario(tmp_path / "hidden.bkworkshop")
    shift = dt.timedelta(weeks=-30)
    assert len(hidden.stocked) == 3
    assert not set(hidden.stocked) & set(scenario.stocked)  # names replaced
    assert hidden.open_days == [d + shift for d in scenario.open_days]
    assert hidden.warmup["demand"].sum() == pytest.approx(
        2 * scenario.warmup["demand"].sum(), abs=len(scenario.warmup))
    assert list(hidden.stock_forecasts["cutoff"]) == [
        c + pd.Timedelta(shift) for c in scenario.stock_forecasts["cutoff"]]
    # the same order possibilities, 30 weeks earlier
    for old, new in zip(scenario.product_names, hidden.product_names, strict=True):
        assert [c.delivery_day + shift for c in chances(scenario, old)] == [
            c.delivery_day for c in chances(hidden, new)]
    rows = score_orders(hidden, hidden.sheet[["date", "product"]].assign(
        quantity=hidden.sheet["suggestion"]))
    figures = rows.groupby("policy")[["sold", "waste", "shelf"]].sum()
    assert figures.loc["participant"].equals(figures.loc["bestellkompass"])
    assert figures.loc["bestellkompass", "sold"] > 0
