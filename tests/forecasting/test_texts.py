"""German and English rendering of numbers, dates and messages."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from forecasting.texts import MESSAGES, format_date, format_number, format_signed, render


def test_german_number_format() -> None:
    assert format_number(1234.5, "de", 1) == "1.234,5"
    assert format_number(1234.5, "en", 1) == "1,234.5"
    assert format_number(1234567, "de") == "1.234.567"
    assert format_signed(-6, "de") == "-6"
    assert format_signed(1.5, "de", 1) == "+1,5"


def test_dates() -> None:
    assert format_date(dt.date(2026, 12, 24), "de") == "24.12.2026"
    assert format_date(dt.date(2026, 12, 24), "en") == "2026-12-24"


def test_every_message_renders_in_both_languages() -> None:
    """Both texts exist and format with the parameters either of them names (no stray braces)."""
    for code, entry in MESSAGES.items():
        assert entry.get("de"), code
        assert entry.get("en"), code
        names = set(re.findall(r"\{(\w+)", entry["de"] + entry["en"]))
        params = dict.fromkeys(names, "X")
        assert "{" not in render(code, "de", **params), code
        assert "{" not in render(code, "en", **params), code


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
