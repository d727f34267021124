"""German and English rendering of numbers, dates and messages."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from forecasting.texts import MESSAGES, Counted, format_date, format_number, format_signed, render


def test_german_number_format() -> None:
    assert format_number(1234.5, "de", 1) == "1.234,5"
    assert format_number(1234.5, "en", 1) == "1,234.5"
    assert format_number(1234567, "de") == "1.234.567"
    assert format_signed(-6, "de") == "-6"
    assert format_signed(1.5, "de", 1) == "+1,5"


def test_dates() -> None:
    assert format_date(dt.date(2026, 12, 24), "de") == "24.12.2026"
    assert format_date(dt.date(2026, 12, 24), "en") == "2026-12-24"


def _forms(text: str | tuple[str, ...]) -> tuple[str, ...]:
    return text if isinstance(text, tuple) else (text,)


def test_every_message_renders_in_both_languages() -> None:
    """Both texts exist and format with the parameters either of them names (no stray braces);
    a counted message has a singular and a plural in both languages."""
    for code, entry in MESSAGES.items():
        assert entry.get("de"), code
        assert entry.get("en"), code
        assert len(_forms(entry["de"])) == len(_forms(entry["en"])) in (1, 2), code
        names = set(re.findall(r"\{(\w+)", " ".join(_forms(entry["de"]) + _forms(entry["en"]))))
        for count in (1, 3):
            params = {**dict.fromkeys(names, "X"), entry.get("plural_by", "count"): count}
            assert "{" not in render(code, "de", **params), code
            assert "{" not in render(code, "en", **params), code


PLURAL_BY_HAND = re.compile(r"\w\((?:n|e|en|s|es|er)\)")  # Zeile(n), Tag(e), row(s)


def test_no_message_writes_a_plural_as_word_in_brackets() -> None:
    """Counts take a real singular or plural (\"1 Zeile\", \"3 Zeilen\"), never \"Zeile(n)\"."""
    found = [(code, text) for code, entry in MESSAGES.items() for lang in ("de", "en")
             for text in _forms(entry[lang]) if PLURAL_BY_HAND.search(text)]
    assert found == []


def test_counted_messages_take_the_singular_for_one_and_the_plural_otherwise() -> None:
    assert render("sanity.removed", "de", count=1) == "1 Verkaufstag entfernt."
    assert render("sanity.removed", "de", count=0) == "0 Verkaufstage entfernt."
    assert render("sanity.removed", "en", count=2) == "2 sales days removed."
    assert render("stock.file_refused", "de", file="a.csv", count=1) == (
        "a.csv: 1 Zeile ist nicht in Ordnung; es wurde nichts gespeichert.")
    assert render("policy.note.stock_unrecorded", "de", date="1.1.", days=1).startswith(
        "Bestand gezählt am 1.1.; von 1 Verkaufstag seitdem")
    assert render("sanity.calendar_outside", "de", events=Counted(1, "count.event"),
                  weather=Counted(2, "count.weather_day"),
                  closing=Counted(0, "count.closing_day"), first="a", last="b").startswith(
        "Achtung: 1 Ereignis, 2 Wettertage und 0 Schließtage liegen")


def test_render_fills_parameters_in_the_users_language() -> None:
    assert render("shop.not_found", "de", path="x.bkshop") == "Die Laden-Datei x.bkshop gibt es nicht."
    assert render("shop.not_found", "en", path="x.bkshop") == "The shop file x.bkshop does not exist."


def test_parse_number_reads_what_people_type() -> None:
    from forecasting.texts import parse_number

    assert parse_number("1.234,5", "de") == 1234.5
    assert parse_number("1.234", "de") == 1234  # dots group thousands only in threes
    assert parse_number("2,5", "de") == 2.5
    assert parse_number("2.5", "de") == 2.5  # not 25
    assert parse_number("1,234.5", "en") == 1234.5
    assert parse_number("2,5", "en") == 2.5
    assert parse_number("  ", "de") is None
    with pytest.raises(ValueError, match="float"):
        parse_number("zwölf", "de")


def test_the_german_comes_from_the_one_catalog() -> None:
    """The source keeps English only; German is read from the gettext catalog (msgctxt = code),
    the same .po the command line and the window read."""
    from babel.messages.pofile import read_po

    from calendars.catalog import LOCALE_DIR
    from forecasting.texts import ENGLISH

    assert {key for entry in ENGLISH.values() for key in entry} <= {"en", "plural_by"}
    with (LOCALE_DIR / "de" / "LC_MESSAGES" / "bestellkompass.po").open("rb") as stream:
        po = {message.context: message for message in read_po(stream) if message.context}
    for code, entry in ENGLISH.items():
        german = po[code].string
        assert MESSAGES[code]["de"] == german, code
        assert po[code].id == entry["en"], code
