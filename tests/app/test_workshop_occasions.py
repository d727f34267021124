"""Workshop debrief by occasion and the weather as the shop knew it (issue 17): each scenario day
keeps its occasion (holiday, event, weather, school holidays, payday, weekend, normal) and the
weather shown that evening (the stored forecast, else the observation, called observed); the
report groups each participant's overrides by occasion; the collect view, the projector, the
handout and the participant's sheet show it. Scenario files made before keep working."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from PySide6.QtCore import Qt

from app import i18n
from app.cli import main
from app.workshop_handout import handout_html
from app.workshop_occasions import occasion_messages
from app.workshop_view import CollectView, PlayDayView, ProjectorView
from forecasting.store.calendar import load_weather
from forecasting.store.file import Shop
from forecasting.texts import render
from forecasting.workshop.files import read_scenario, write_scenario
from forecasting.workshop.occasions import OCCASIONS, day_occasions
from forecasting.workshop.overrides import GROUPS, occasion_groups
from forecasting.workshop.weather import shown_weather, weather_counts, weather_of
from tests.app.test_workshop_view import shots

DAY = dt.date(2026, 11, 14)  # a Saturday of the test week
RAINY = dt.date(2026, 11, 13)  # a Friday with rain in the demo bakery's weather


def test_the_first_occasion_in_order_wins() -> None:
    """A hand-made week: holiday beats the weekend, an event the weather, rain a payday."""
    days = pd.date_range("2026-05-11", periods=7, freq="D")  # Monday to Sunday
    frame = pd.DataFrame(0, index=days, columns=["holiday_eve", "event_town_festival",
                                                  "school_holiday", "payday"])
    frame.loc["2026-05-11", "payday"] = 1  # Monday: payday, but rain
    frame.loc["2026-05-12", "payday"] = 1  # Tuesday: payday
    frame.loc["2026-05-13", ["event_town_festival", "school_holiday"]] = 1  # festival, hot
    frame.loc["2026-05-14", "school_holiday"] = 1
    frame.loc["2026-05-16", "holiday_eve"] = 1  # Saturday before a holiday
    weather = pd.DataFrame({"date": days,
                            "temperature_max": [14, 15, 29, 16, 17, 18, np.nan],
                            "precipitation": [8.0, 0, 0, 0, 0, 0, np.nan]})
    assert list(day_occasions(frame, weather)) == [
        "weather", "payday", "event", "school_holiday", "normal", "holiday", "weekend"]
    assert list(day_occasions(frame)) == [  # no weather known: nothing unusual about it
        "payday", "payday", "event", "school_holiday", "normal", "holiday", "weekend"]


def test_overrides_by_occasion_on_a_hand_made_case(qapp: object) -> None:
    """Two days, two products: on the Saturday one order 10 above the suggestion (it sold, +5
    EUR), on the Monday one 5 below (sold out, -3 EUR) and one as suggested (no override)."""
    # the figures of a day's goods (no shelf columns: they are not needed to group)
    columns = ["date", "product", "policy", "ordered", "sold", "waste", "short", "sellout_days",
               "margin"]
    rows = [
        ["2026-11-14", "A", "participant", 30, 30, 0, 0, 0, 20.0],
        ["2026-11-14", "A", "bestellkompass", 20, 20, 0, 10, 1, 15.0],
        ["2026-11-16", "A", "participant", 20, 18, 2, 0, 0, 10.0],
        ["2026-11-16", "A", "bestellkompass", 20, 18, 2, 0, 0, 10.0],
        ["2026-11-16", "B", "participant", 5, 5, 0, 3, 1, 2.0],
        ["2026-11-16", "B", "bestellkompass", 10, 8, 2, 0, 0, 5.0],
    ]
    rows += [[d, p, "same_as_last_week", 0, 0, 0, 0, 0, 0.0] for d, p, *_ in rows[::2]]
    occasions = {"2026-11-14": "weekend", "2026-11-16": "normal"}
    groups = occasion_groups(columns, rows, occasions)
    assert list(groups) == list(OCCASIONS)
    assert groups["weekend"] == {"days": 1, "overrides": 1, "margin": 5.0, "waste": 0.0,
                                 "sellout_days": -1, "helped": 1, "hurt": 0}
    assert groups["normal"] == {"days": 1, "overrides": 1, "margin": -3.0, "waste": -2.0,
                                "sellout_days": 1, "helped": 0, "hurt": 1}
    assert all(groups[k]["overrides"] == 0 for k in OCCASIONS if k not in ("weekend", "normal"))
    assert occasion_groups(columns, rows, {}) == {}  # a result from before: no grouping
    # the projector's sentence for it (both occasions below MIN_OVERRIDES: nothing said)
    report = {"prices_known": True, "occasions": [
        {"occasion": "weekend", "days": 1, "label": {"de": "Samstag oder Sonntag", "en": ""},
         "on": {"de": "An Samstagen und Sonntagen", "en": "On Saturdays and Sundays"}}],
        "participants": [{"overrides_by_occasion": groups}] * 3}
    i18n.install_language("de")
    assert occasion_messages(report) == [
        "An Samstagen und Sonntagen lagen Sie mit Ihren Änderungen richtig: +15,00 € "
        "gegenüber dem Vorschlag (3 Änderungen)"]
    # a scenario without prices: waste and sold-out days instead of euros
    assert occasion_messages({**report, "prices_known": False}) == [
        "An Samstagen und Sonntagen brachten Ihre Änderungen 0 Stück Reste und -3 ausverkaufte "
        "Tage gegenüber dem Vorschlag (3 Änderungen)"]
    report["participants"] = [{"overrides_by_occasion": groups}]
    assert occasion_messages(report) == []


def test_shown_weather_is_the_forecast_or_says_observed() -> None:
    rows = pd.DataFrame({
        "date": pd.to_datetime(["2026-11-12", "2026-11-12", "2026-11-13", "2026-11-15"]),
        "kind": ["observation", "forecast", "observation", "forecast"],
        "temperature": [5.0, 6.0, 7.0, 8.0], "temperature_max": [8.0, 9.5, 10.0, 11.0],
        "precipitation": [0.0, 2.0, 6.5, 0.0], "sunshine": np.nan, "source": "demo"})
    shown = shown_weather(rows, dt.date(2026, 11, 12), dt.date(2026, 11, 15))
    assert list(shown["weather_kind"]) == ["forecast", "observation", "", "forecast"]
    assert list(shown["temperature_max"].fillna(-99)) == [9.5, 10.0, -99, 11.0]
    assert weather_of(shown, dt.date(2026, 11, 13)) == ("observation", 10.0, 6.5)
    assert weather_of(shown, dt.date(2026, 11, 14)) == ("", None, None)
    assert weather_of(shown.drop(columns=["weather_kind"]), dt.date(2026, 11, 12)) == (
        "", None, None)


def _play(folder: Path, scenario_path: Path, name: str, quantities: pd.Series) -> Path:
    sheet = read_scenario(scenario_path).sheet
    orders = folder.parent / f"{folder.name}-{name}.csv"
    sheet.assign(quantity=np.asarray(quantities),
                 date=sheet["date"].dt.strftime("%Y-%m-%d"))[
        ["date", "product", "quantity"]].to_csv(orders, index=False)
    out = folder / f"{name}.bkresult"
    assert main(["workshop", "play", str(scenario_path), "--participant", name, "--orders",
                 str(orders), "--out", str(out)]) == 0
    return out


def _room(folder: Path, scenario_path: Path) -> list[Path]:
    """Anna orders the suggestions, Ben the rule, Cem a third more on weekends and a fifth less
    on weekdays: overrides on several occasions."""
    folder.mkdir()
    sheet = read_scenario(scenario_path).sheet
    weekend = sheet["date"].dt.day_of_week >= 5
    cem = np.where(weekend, sheet["suggestion"] * 1.35, sheet["suggestion"] * 0.8).round()
    return [_play(folder, scenario_path, "Anna", sheet["suggestion"]),
            _play(folder, scenario_path, "Ben", sheet["rule"]),
            _play(folder, scenario_path, "Cem", pd.Series(cem))]


@pytest.fixture(scope="module")
def room(workshop_files: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory
         ) -> tuple[Path, dict]:
    """(results folder, JSON report) of the three participants on the test week."""
    folder = tmp_path_factory.mktemp("occasions") / "ergebnisse"
    results = _room(folder, workshop_files[1])
    out = folder.parent / "report.json"
    assert main(["workshop", "report", *map(str, results), "--format", "json", "--out",
                 str(out)]) == 0
    return folder, json.loads(out.read_text(encoding="utf-8"))


def test_scenario_keeps_occasion_and_the_weather_known_that_evening(
        workshop_files: tuple[Path, Path]) -> None:
    scenario = read_scenario(workshop_files[1])
    calendar = scenario.calendar.assign(day=lambda f: f["date"].dt.date).set_index("day")
    assert calendar.loc[DAY, "occasion"] == "weekend"
    assert calendar.loc[RAINY, "occasion"] == "weather"  # 9,4 mm forecast
    assert set(calendar["occasion"]) <= set(OCCASIONS)
    # the demo shop keeps each past day's forecast: that is what the scenario shows, not the
    # observation measured afterwards
    with Shop.open(workshop_files[0], read_only=True) as shop:
        weather = load_weather(shop)
    day = weather[weather["date"] == pd.Timestamp(RAINY)].set_index("kind")
    assert calendar.loc[RAINY, "weather_kind"] == "forecast"
    assert calendar.loc[RAINY, "precipitation"] == pytest.approx(
        day.loc["forecast", "precipitation"])
    assert day.loc["forecast", "precipitation"] != day.loc["observation", "precipitation"]
    # what `workshop create` tells the trainer about it
    counts = weather_counts(scenario.calendar, scenario.days)
    assert counts == {"forecast": 7, "observed": 0, "none": 0}
    assert render("workshop.weather_made", "de", **counts) == (
        "Wetter auf den Bestellzetteln: an 7 Tagen die Vorhersage vom Vorabend, an 0 nur das "
        "beobachtete Wetter (als beobachtet gekennzeichnet), an 0 keins.")


def test_report_groups_overrides_by_occasion(room: tuple[Path, dict]) -> None:
    _, report = room
    # the contract's keys stay
    for key in ("scenario_id", "first", "last", "bestellkompass", "same_as_last_week",
                "participants", "rounds", "note"):
        assert key in report
    names = [o["occasion"] for o in report["occasions"]]
    assert names == [o for o in OCCASIONS if o in names]  # in the mapping's order
    assert sum(o["days"] for o in report["occasions"]) == 7
    assert {o["occasion"]: o["days"] for o in report["occasions"]}["weekend"] == 2
    weekend = next(o for o in report["occasions"] if o["occasion"] == "weekend")
    assert weekend["on"]["de"] == "An Samstagen und Sonntagen"
    people = {p["name"]: p for p in report["participants"]}
    for person in people.values():
        for key in ("participant", "bestellkompass", "same_as_last_week", "overrides", "days"):
            assert key in person
        by_occasion = person["overrides_by_occasion"]
        # every override counted once: the occasions add up to the size/direction groups
        for figure in ("overrides", "margin", "waste", "sellout_days"):
            assert sum(g[figure] for g in by_occasion.values()) == pytest.approx(
                sum(person["overrides"][g][figure] for g in GROUPS))
    assert all(g["overrides"] == 0 for g in people["Anna"]["overrides_by_occasion"].values())
    cem = people["Cem"]["overrides_by_occasion"]
    assert cem["weekend"]["overrides"] > 0
    assert cem["normal"]["overrides"] > 0
    # what Cem's weekend overrides did, recomputed from his own day figures and the model's
    margin = sum(d["participant"]["margin"] - d["bestellkompass"]["margin"]
                 for d in people["Cem"]["days"]
                 if dt.date.fromisoformat(d["date"]).weekday() >= 5)
    assert cem["weekend"]["margin"] == pytest.approx(margin, abs=0.02)


def test_old_scenario_files_report_as_before(qapp: object, workshop_files: tuple[Path, Path],
                                             room: tuple[Path, dict],
                                             tmp_path: Path) -> None:
    """A scenario from before (calendar without weather and occasion): opens, plays, reports
    the same figures; the report's occasions are empty, the sheet shows no weather."""
    scenario = read_scenario(workshop_files[1])
    old = dataclasses.replace(scenario, calendar=scenario.calendar[
        ["date", "labels_de", "labels_en"]])
    old_path = tmp_path / "alt.bkworkshop"
    write_scenario(old, old_path)
    results = _room(tmp_path / "alt", old_path)
    out = tmp_path / "alt.json"
    assert main(["workshop", "report", *map(str, results), "--format", "json", "--out",
                 str(out)]) == 0
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["occasions"] == []
    assert all(p["overrides_by_occasion"] == {} for p in report["participants"])
    _, new = room
    for before, now in zip(report["participants"], new["participants"], strict=True):
        assert before["participant"] == now["participant"]
        assert before["overrides"] == now["overrides"]
    i18n.install_language("de")
    assert "<h2>Abweichungen vom Vorschlag nach Art des Tages" not in handout_html(report)
    view = PlayDayView(read_scenario(old_path), RAINY)
    assert view.weather.text() == ""
    assert view.weather.isHidden()


def test_player_shows_the_forecast_and_calls_an_observation_observed(
        qtbot, workshop_files: tuple[Path, Path], tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    i18n.install_language("de")
    scenario = read_scenario(workshop_files[1])
    view = PlayDayView(scenario, RAINY)
    qtbot.addWidget(view)
    view.resize(1100, 420)
    view.show()
    kind, tmax, rain = weather_of(scenario.calendar, RAINY)
    assert kind == "forecast"
    assert view.weather.text() == (f"Wettervorhersage: bis {i18n.num(tmax, 1)} °C, "
                                   f"{i18n.num(rain, 1)} mm Regen")
    assert view.grab().save(str(shots(tmp_path) / "workshop_play_weather_de.png"))
    # a shop that kept no forecast for the day: the observation, called observed
    calendar = scenario.calendar.copy()
    calendar.loc[calendar["date"] == pd.Timestamp(RAINY), "weather_kind"] = "observation"
    observed = PlayDayView(dataclasses.replace(scenario, calendar=calendar), RAINY)
    qtbot.addWidget(observed)
    assert observed.weather.text().startswith("Wetter (beobachtet, es ist keine Vorhersage "
                                              "gespeichert): bis ")
    assert "Vorhersage:" not in observed.weather.text()
    # a round without the calendar shows no weather either
    hidden = PlayDayView(scenario, RAINY, show_calendar=False)
    qtbot.addWidget(hidden)
    assert hidden.weather.text() == ""
    i18n.install_language("en")
    english = PlayDayView(dataclasses.replace(scenario, calendar=calendar), RAINY)
    qtbot.addWidget(english)
    assert english.weather.text().startswith("Weather (observed; no forecast was stored): up to")
    i18n.install_language("de")


def test_collect_view_projector_and_handout_show_the_occasions(
        qtbot, room: tuple[Path, dict], tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    i18n.install_language("de")
    folder, report = room
    view = CollectView(folder)
    qtbot.addWidget(view)
    view.resize(1000, 420)
    view.show()
    qtbot.mouseClick(view.reload, Qt.MouseButton.LeftButton)
    assert view.tabs.isTabVisible(3)
    assert view.tabs.tabText(3) == "&Anlässe"
    model = view.occasion_model
    assert [model.data(model.index(r, 0)) for r in range(model.rowCount())] == [
        "Anna", "Ben", "Cem", "Ganzer Raum"]
    heads = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert "Samstag oder Sonntag\n(2 Tage)" in heads
    column = heads.index("Samstag oder Sonntag\n(2 Tage)")
    cem = report["participants"][2]["overrides_by_occasion"]["weekend"]
    assert model.data(model.index(2, column)) == (
        f"{cem['overrides']}× {'+' if cem['margin'] > 0 else ''}{i18n.num(cem['margin'], 2)} €")
    assert model.data(model.index(0, column)) == "–"  # Anna changed nothing
    said = occasion_messages(report)
    assert said
    assert view.occasion_line.text() == "\n".join(said)
    assert all(" gegenüber dem Vorschlag (" in s for s in said)
    view.tabs.setCurrentIndex(3)
    assert view.grab().save(str(shots(tmp_path) / "workshop_collect_occasions_de.png"))
    # the projector: the same sentences, one screen each, after who beat the model
    projector = ProjectorView(report, charts=False)
    qtbot.addWidget(projector)
    projector.resize(1280, 720)
    projector.show()
    at = projector.messages.index(said[0])
    assert "verdienten mehr als Bestellkompass" in projector.messages[at - 1]
    projector.show_message(at)
    assert projector.message.text() == said[0]
    assert projector.grab().save(str(shots(tmp_path) / "workshop_projector_occasion.png"))
    # the handout: the sentences and the table
    text = handout_html(report)
    assert "Abweichungen vom Vorschlag nach Art des Tages" in text
    assert "Samstag oder Sonntag (2 Tage)" in text
    assert "Ganzer Raum" in text
    i18n.install_language("en")
    assert "Orders other than the suggestion, by the kind of day" in handout_html(report)
    assert occasion_messages(report)[0].startswith("On ")
    english = CollectView(folder)
    qtbot.addWidget(english)
    english.resize(1000, 420)
    english.show()
    qtbot.mouseClick(english.reload, Qt.MouseButton.LeftButton)
    assert english.tabs.tabText(3) == "Occ&asions"
    heads = [english.occasion_model.headerData(c, Qt.Orientation.Horizontal)
             for c in range(english.occasion_model.columnCount())]
    assert "Saturday or Sunday\n(2 days)" in heads
    assert english.occasion_line.text() == "\n".join(occasion_messages(report))
    english.tabs.setCurrentIndex(3)
    assert english.grab().save(str(shots(tmp_path) / "workshop_collect_occasions_en.png"))
    i18n.install_language("de")
