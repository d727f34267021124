"""ICS (weekly RRULE + EXDATE, all-day, DST-crossing timed events) and CSV event imports."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from calendars.errors import CalendarError
from calendars.event_files import kind_from_words, read_events_file


def _by_name(frame: object, name: str) -> list[tuple[str, str]]:
    rows = frame[frame["name"] == name]  # type: ignore[index]
    return [(str(r.start_date.date()), str(r.end_date.date())) for r in rows.itertuples()]


def test_weekly_rrule_with_exdate_across_dst(data_dir: Path) -> None:
    frame = read_events_file(data_dir / "markets.ics")
    markets = _by_name(frame, "Wochenmarkt Marktplatz")
    # every Saturday 15 Mar .. 12 Apr 2025 except the EXDATE 5 Apr; DST began on 30 Mar
    assert [s for s, _ in markets] == ["2025-03-15", "2025-03-22", "2025-03-29", "2025-04-12"]
    assert all(s == e for s, e in markets)
    assert set(frame.loc[frame["name"] == "Wochenmarkt Marktplatz", "kind"]) == {"weekly_market"}
    uids = frame["uid"].dropna().tolist()
    assert len(uids) == len(set(uids))


def test_all_day_event_ends_the_day_before_dtend(data_dir: Path) -> None:
    frame = read_events_file(data_dir / "markets.ics")
    assert _by_name(frame, "Stadtfest") == [("2025-06-20", "2025-06-22")]
    assert frame.loc[frame["name"] == "Stadtfest", "strength"].item() == 2.0


def test_timed_events_crossing_dst_keep_their_local_days(data_dir: Path) -> None:
    frame = read_events_file(data_dir / "markets.ics")
    # 25 Oct 20:00 -> 26 Oct 04:00 local, the night the clocks go back
    flea = _by_name(frame, "Nachtflohmarkt in der Zeitumstellungsnacht")
    assert flea == [("2025-10-25", "2025-10-26")]
    # 22:30-23:50 UTC on 29 Mar = 23:30-00:50 CET: touches 29 and 30 March local time
    assert _by_name(frame, "Open-Air-Konzert") == [("2025-03-29", "2025-03-30")]
    assert frame.loc[frame["name"] == "Open-Air-Konzert", "kind"].item() == "concert"


def test_window_limits_expansion(data_dir: Path) -> None:
    frame = read_events_file(data_dir / "markets.ics", start=dt.date(2025, 3, 20),
                             end=dt.date(2025, 3, 31))
    assert [s for s, _ in _by_name(frame, "Wochenmarkt Marktplatz")] == [
        "2025-03-22", "2025-03-29",
    ]


def test_csv_events(data_dir: Path) -> None:
    frame = read_events_file(data_dir / "events.csv")
    assert _by_name(frame, "Heimspiel Holstein Kiel") == [("2025-08-30", "2025-08-30")]
    assert frame.loc[frame["name"] == "Altstadtfest", "strength"].item() == 1.5
    assert set(frame["kind"]) == {"town_festival", "football_home", "closure", "fair"}


def test_csv_bad_kind_names_the_row(data_dir: Path) -> None:
    with pytest.raises(CalendarError) as info:
        read_events_file(data_dir / "events_bad_kind.csv")
    assert info.value.code == "calendar.event_bad_kind"
    assert info.value.params["where"] == "row 3"
    assert "Zirkus" in info.value.message("de")


def test_kind_from_words() -> None:
    assert kind_from_words("Kirmes") == "fair"
    assert kind_from_words("Weihnachtsmarkt am Dom") == "christmas_market"
    assert kind_from_words("christmas_market") == "christmas_market"
    assert kind_from_words("Jahreshauptversammlung") is None


def test_csv_events_may_name_a_product(tmp_path: Path) -> None:
    path = tmp_path / "aktionen.csv"
    path.write_text("Art;Name;Von;Bis;Produkt\n"
                    "Aktion;Aktion: Hummus;07.12.2026;12.12.2026;Hummus\n"
                    "Stadtfest;Altstadtfest;13.12.2026;13.12.2026;\n", encoding="utf-8")
    frame = read_events_file(path)
    assert frame.set_index("name")["product"].to_dict() == {"Aktion: Hummus": "Hummus",
                                                            "Altstadtfest": None}
