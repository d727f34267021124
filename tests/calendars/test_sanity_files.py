"""Issue 14 in event and weather files: days outside the plausible window and names with control
or bidi characters are refused with the row (or event) and column; the owner may widen the window."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from calendars.errors import CalendarError
from calendars.event_files import read_events_file
from calendars.plausible import DateWindow
from calendars.weather_files import read_weather_file

ICS_HEAD = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//DE\r\n"
ICS_TAIL = "END:VCALENDAR\r\n"


def _ics(tmp_path: Path, *events: str) -> Path:
    body = "".join(f"BEGIN:VEVENT\r\nUID:e{i}@test\r\nDTSTAMP:20250101T000000Z\r\n{e}"
                   "END:VEVENT\r\n" for i, e in enumerate(events))
    path = tmp_path / "termine.ics"
    path.write_text(ICS_HEAD + body + ICS_TAIL, encoding="utf-8")
    return path


def _refused(path: Path, code: str, **kwargs: object) -> CalendarError:
    reader = read_weather_file if path.suffix == ".txt" or "wetter" in path.name else (
        read_events_file)
    with pytest.raises(CalendarError) as info:
        reader(path, **kwargs)  # type: ignore[operator]
    assert info.value.code == code
    for lang in ("de", "en"):
        text = info.value.message(lang)
        assert "{" not in text
        assert "\x1b" not in text
        assert "\u202e" not in text
    return info.value


@pytest.mark.parametrize("day", ["01.01.1925", "9999-12-31", "31.12.1999"])
def test_event_csv_dates_outside_are_refused(tmp_path: Path, day: str) -> None:
    path = tmp_path / "termine.csv"
    path.write_text(f"Art;Name;Von;Bis\nStadtfest;Fest;01.07.2026;01.07.2026\n"
                    f"Stadtfest;Altes Fest;{day};\n", encoding="utf-8")
    error = _refused(path, "calendar.sanity.date_outside")
    assert (error.params["row"], error.params["column"]) == (3, "Von")
    assert "liegt nicht zwischen 01.01.2000 und" in error.message("de")
    frame = read_events_file(path, window=DateWindow.parse("1900-01-01..2199-12-31")
                             ) if day != "9999-12-31" else None
    assert frame is None or len(frame) == 2


@pytest.mark.parametrize("name", ["Fest\x1b[2J", "\u202eFest", "F" * 201])
def test_event_csv_names_are_checked(tmp_path: Path, name: str) -> None:
    path = tmp_path / "termine.csv"
    path.write_text(f"Art;Name;Von\nStadtfest;{name};01.07.2026\n", encoding="utf-8")
    error = _refused(path, "calendar.sanity.name")
    assert (error.params["row"], error.params["column"]) == (2, "Name")


def test_ics_single_event_outside_is_refused(tmp_path: Path) -> None:
    path = _ics(tmp_path, "SUMMARY:Stadtfest\r\nDTSTART;VALUE=DATE:00010101\r\n")
    error = _refused(path, "calendar.sanity.event_date_outside")
    assert (error.params["name"], error.params["field"]) == ("Stadtfest", "DTSTART")


def test_ics_year_9999_in_utc_is_refused_not_a_crash(tmp_path: Path) -> None:
    path = _ics(tmp_path, "SUMMARY:Ende\r\nDTSTART:99991231T233000Z\r\n",
                "SUMMARY:Markt\r\nDTSTART;VALUE=DATE:20260101\r\n")
    _refused(path, "calendar.sanity.event_date_outside")


def test_ics_end_far_in_the_future_is_refused(tmp_path: Path) -> None:
    path = _ics(tmp_path, "SUMMARY:Baustelle\r\nCATEGORIES:construction\r\n"
                "DTSTART;VALUE=DATE:20260101\r\nDTEND;VALUE=DATE:99991231\r\n")
    error = _refused(path, "calendar.sanity.event_date_outside")
    assert error.params["field"] == "DTEND"


def test_ics_recurring_event_from_long_ago_is_expanded_inside_the_window(tmp_path: Path) -> None:
    path = _ics(tmp_path, "SUMMARY:Wochenmarkt\r\nCATEGORIES:weekly_market\r\n"
                "DTSTART;VALUE=DATE:19900106\r\nRRULE:FREQ=YEARLY\r\n")
    frame = read_events_file(path, window=DateWindow(dt.date(2000, 1, 1), dt.date(2003, 12, 31)))
    assert [d.date() for d in frame["start_date"]] == [
        dt.date(y, 1, 6) for y in (2000, 2001, 2002, 2003)]


def test_ics_summary_is_checked(tmp_path: Path) -> None:
    path = _ics(tmp_path, "SUMMARY:Stadt\u202efest\r\nCATEGORIES:town_festival\r\n"
                "DTSTART;VALUE=DATE:20260704\r\n")
    error = _refused(path, "calendar.sanity.event_name")
    assert error.params["field"] == "SUMMARY"
    assert "04.07.2026" in error.message("de")


@pytest.mark.parametrize(("text", "row", "column"), [
    ("Datum;Temperatur;Niederschlag\n01.07.2026;20;0\n01.01.1925;3,5;0\n", 3, "Datum"),
    ("date,temperature,precipitation\n2026-07-01,20,0\n2031-01-01,3,0\n", 3, "date"),
])
def test_weather_days_outside_are_refused(tmp_path: Path, text: str, row: int,
                                          column: str) -> None:
    path = tmp_path / "wetter.csv"
    path.write_text(text, encoding="utf-8")
    error = _refused(path, "calendar.sanity.date_outside")
    assert (error.params["row"], error.params["column"]) == (row, column)
    wide = DateWindow.parse("1900-01-01..2199-12-31")
    assert len(read_weather_file(path, window=wide)) == 2


def test_dwd_history_before_2000_needs_the_wider_window(data_dir: Path, tmp_path: Path) -> None:
    lines = (data_dir / "produkt_klima_tag_20240101_20240110_02564.txt").read_text().splitlines()
    lines[1] = lines[1].replace("20240101", "18910101")
    path = tmp_path / "produkt_klima_tag_18910101_20240110_02564.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    error = _refused(path, "calendar.sanity.date_outside")
    assert (error.params["row"], error.params["column"]) == (2, "MESS_DATUM")
    assert len(read_weather_file(path, window=DateWindow.parse("1891-01-01.."))) == 7


@pytest.mark.parametrize("junk", [b"", b"\x00\x01\x02\xff" * 50, b'"a;b\n"c;"d\n;;;;;\n'])
def test_junk_weather_and_event_files_are_user_errors(tmp_path: Path, junk: bytes) -> None:
    for name in ("wetter.csv", "termine.csv"):
        path = tmp_path / name
        path.write_bytes(junk)
        reader = read_weather_file if name.startswith("wetter") else read_events_file
        with pytest.raises(CalendarError):
            reader(path)  # type: ignore[operator]
