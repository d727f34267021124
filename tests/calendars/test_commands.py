"""The calendar, weather and events subcommands against a real shop file."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest

from app.cli import main
from forecasting.store.calendar import load_events, load_weather
from forecasting.store.create import create_shop
from forecasting.store.file import Shop


def _run(*argv: str) -> int:
    """Run `bestellkompass <argv>` in-process, as the console script does."""
    return main(list(argv))


@pytest.fixture
def shop_path(tmp_path: Path) -> Path:
    path = tmp_path / "kiel.bkshop"
    create_shop(path, name="Bäckerei Kiel", state="SH").close()
    return path


def test_calendar_csv_one_row_per_day(capsys: pytest.CaptureFixture[str]) -> None:
    assert _run("calendar", "--state", "NW", "--from", "2025-06-18", "--to", "20.06.2025",
                "--format", "csv", "--lang", "en", "--features") == 0
    frame = pd.read_csv(io.StringIO(capsys.readouterr().out), index_col="date")
    assert list(frame.index) == ["2025-06-18", "2025-06-19", "2025-06-20"]
    assert frame.columns[-1] == "labels"
    assert frame.loc["2025-06-19", "holiday"] == 1
    assert frame.loc["2025-06-19", "labels"] == "Corpus Christi"


def test_calendar_reads_as_an_owner_expects(capsys: pytest.CaptureFixture[str]) -> None:
    assert _run("calendar", "--state", "NW", "--from", "2025-06-18", "--to", "2025-06-20") == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["Datum", "Tag", "Was", "ist", "besonders"]
    assert lines[2].split(maxsplit=2) == ["19.06.2025", "Donnerstag", "Fronleichnam"]
    assert max(len(line) for line in lines) < 100, "no developer table by default"
    assert "season_sin1" not in "\n".join(lines)
    assert _run("calendar", "--state", "NW", "--from", "2025-06-19", "--to", "2025-06-19",
                "--format", "csv", "--lang", "en") == 0
    assert capsys.readouterr().out.splitlines() == ["date,weekday,labels",
                                                    "2025-06-19,Thursday,Corpus Christi"]


def test_calendar_table_german(capsys: pytest.CaptureFixture[str]) -> None:
    assert _run("calendar", "--state", "BY", "--local", "Augsburg", "--from", "2025-08-08",
                "--to", "2025-08-08", "--features") == 0
    out = capsys.readouterr().out
    assert "08.08.2025" in out
    assert "Augsburger Hohes Friedensfest" in out
    assert "-0,59" in out  # German decimal comma in the season terms


def test_calendar_bad_state(capsys: pytest.CaptureFixture[str]) -> None:
    assert _run("calendar", "--state", "XX", "--from", "2025-01-01", "--to", "2025-01-02") == 2
    assert "Bundesland" in capsys.readouterr().err


def test_weather_import_all_or_nothing(
    shop_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = data_dir / "plain_weather_bad.csv"
    assert _run("--shop", str(shop_path), "weather", str(bad)) == 2
    assert "Zeile 3" in capsys.readouterr().err
    with Shop.open(shop_path) as shop:
        assert len(load_weather(shop)) == 0
    dwd = data_dir / "produkt_klima_tag_20240101_20240110_02564.txt"
    assert _run("weather", str(dwd), "--shop", str(shop_path)) == 0
    assert _run("weather", "--shop", str(shop_path), "--date", "2024-01-08", "--max-temp", "3",
                "--rain", "ja") == 0
    with Shop.open(shop_path) as shop:
        weather = load_weather(shop)
    assert len(weather) == 8
    assert weather["kind"].tolist().count("forecast") == 1


def test_weather_fetch_needs_a_location(
    shop_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run("weather", "--fetch", "--shop", str(shop_path), "--lang", "en") == 2
    assert "latitude" in capsys.readouterr().err


def test_events_import_twice_updates(
    shop_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ics = data_dir / "markets.ics"
    assert _run("events", str(ics), "--shop", str(shop_path)) == 0
    assert _run("events", str(ics), "--shop", str(shop_path), "--lang", "en") == 0
    assert "0 events added, 7 updated" in capsys.readouterr().out
    with Shop.open(shop_path) as shop:
        assert len(load_events(shop)) == 7


def test_calendar_from_shop_uses_its_state_events_and_weather(
    shop_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _run("events", str(data_dir / "events.csv"), "--shop", str(shop_path))
    _run("weather", str(data_dir / "produkt_klima_tag_20240101_20240110_02564.txt"),
         "--shop", str(shop_path))
    capsys.readouterr()
    assert _run("--shop", str(shop_path), "calendar", "--from", "2025-08-29", "--to",
                "2025-08-31", "--format", "csv", "--features") == 0
    frame = pd.read_csv(io.StringIO(capsys.readouterr().out), index_col="date")
    assert frame["event_town_festival"].tolist() == [1.5, 1.5, 1.5]
    assert frame["weather_is_typical"].tolist() == [1, 1, 1]
    assert "Heimspiel Holstein Kiel" in frame.loc["2025-08-30", "labels"]
    assert frame["school_holiday"].tolist() == [1, 1, 1]  # SH summer holidays to 6 Sep 2025


def test_csv_events_imported_twice_are_not_doubled(
    shop_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    csv = data_dir / "events.csv"
    assert _run("events", str(csv), "--shop", str(shop_path)) == 0
    assert _run("events", str(csv), "--shop", str(shop_path), "--lang", "en") == 0
    assert "0 events added, 4 updated" in capsys.readouterr().out
    with Shop.open(shop_path) as shop:
        assert len(load_events(shop)) == 4


def test_shop_in_augsburg_gets_the_friedensfest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "augsburg.bkshop"
    create_shop(path, name="Bäckerei Lech", state="BY", postal_code="86152").close()
    assert _run("calendar", "--shop", str(path), "--from", "2025-08-08", "--to", "2025-08-08",
                "--format", "csv", "--features") == 0
    frame = pd.read_csv(io.StringIO(capsys.readouterr().out), index_col="date")
    assert frame["holiday"].tolist() == [1]


def test_single_events_added_listed_and_deleted(
    shop_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from forecasting.store.products import save_product
    from forecasting.values.products import Product

    with Shop.open(shop_path) as shop:
        save_product(shop, Product(name="Franzbrötchen"))
    shop = str(shop_path)
    assert _run("events", "--shop", shop, "--add", "Aktion: Franzbrötchen", "--kind", "promotion",
                "--from", "07.12.2026", "--to", "2026-12-12", "--product", "Franzbrötchen") == 0
    assert _run("events", "--shop", shop, "--add", "Kieler Woche", "--kind", "town_festival",
                "--from", "2027-06-19", "--to", "2027-06-27") == 0
    with Shop.open(shop_path) as s:
        events = {e.name: e for e in load_events(s)}
    assert events["Aktion: Franzbrötchen"].product == "Franzbrötchen"
    assert events["Kieler Woche"].product is None
    capsys.readouterr()
    assert _run("events", "--shop", shop, "--list") == 0
    listing = capsys.readouterr().out
    assert "07.12.2026 – 12.12.2026" in listing
    assert "eigene Aktion" in listing
    assert "[Franzbrötchen]" in listing
    # bad input: a clear message, exit 2, nothing written
    for argv in (["--add", "X", "--kind", "party", "--from", "2026-12-07"],
                 ["--add", "X", "--kind", "fair", "--from", "2026-12-07", "--product", "Franzbrötchen"],
                 ["--add", "X", "--kind", "promotion", "--from", "2026-12-07", "--product", "Franz"],
                 ["--add", "X", "--kind", "fair", "--from", "2026-12-07", "--to", "2026-12-01"],
                 ["--delete", "999"]):
        assert _run("events", "--shop", shop, *argv) == 2, argv
    assert capsys.readouterr().err.count("\n") >= 5
    with Shop.open(shop_path) as s:
        assert len(load_events(s)) == 2
    assert _run("events", "--shop", shop, "--delete", str(events["Kieler Woche"].id)) == 0
    with Shop.open(shop_path) as s:
        assert [e.name for e in load_events(s)] == ["Aktion: Franzbrötchen"]
