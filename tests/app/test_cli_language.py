"""The command line speaks German by default and English with --lang en: every subcommand's help,
argparse's own words ("usage:", "error:", "invalid choice") and the errors of argument types."""

from __future__ import annotations

import argparse
import gettext
import os
import subprocess
import sys
from collections.abc import Iterator

import pytest

from app.cli import COMMANDS, build_parser, main
from app.cli_text import catalog, language_in, speaking
from resources.locale import update_catalogs


def _parsers(argv: list[str]) -> Iterator[tuple[list[str], argparse.ArgumentParser]]:
    """Every parser reachable from `argv` (subcommands and their actions), with its words."""
    parser = build_parser(argv)
    for word in argv:
        parser = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction)
                      ).choices[word]
    yield argv, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction) and argv:
            for name in action.choices:
                yield from _parsers([*argv, name])


def _all_parsers() -> list[tuple[list[str], argparse.ArgumentParser]]:
    with speaking("en"):
        found = [([], build_parser([]))]
        for name in COMMANDS:
            found.extend(_parsers([name]))
    return found


def _help(capsys: pytest.CaptureFixture[str], argv: list[str]) -> str:
    with pytest.raises(SystemExit) as done:
        main([*argv, "--help"])
    assert done.value.code == 0
    return capsys.readouterr().out


def _flat(text: str) -> str:
    return " ".join(text.split())


PARSERS = _all_parsers()
_SAME = {m for m in ("NAME", "ID", "TEXT") if catalog("de").gettext(m) == m}


@pytest.mark.parametrize(("argv", "english"), PARSERS, ids=[" ".join(a) or "-" for a, _ in PARSERS])
def test_every_help_is_german_by_default_and_english_with_lang_en(
        capsys: pytest.CaptureFixture[str], argv: list[str],
        english: argparse.ArgumentParser) -> None:
    de = _help(capsys, argv)
    en = _help(capsys, ["--lang", "en", *argv])
    assert de.startswith("Aufruf: bestellkompass"), de
    assert "-h, --help" in de
    assert "diese Hilfe zeigen und beenden" in de
    assert "show this help message and exit" not in de
    assert en.startswith("usage: bestellkompass")
    assert "show this help message and exit" in en
    with speaking("de"):
        german = next(parser for path, parser in _parsers(argv) if path == argv) if argv else (
            build_parser([]))
    assert english.description, f"`{' '.join(argv)} --help` says nothing about what it does"
    assert _flat(german.description) in _flat(de)
    assert _flat(english.description) in _flat(en)
    for english_action, german_action in zip(english._actions, german._actions, strict=True):
        if not english_action.help or english_action.help == argparse.SUPPRESS:
            continue
        assert _flat(english_action.help) in _flat(en)
        assert _flat(german_action.help) in _flat(de)
        assert english_action.help in _SAME or _flat(english_action.help) not in _flat(de), (
            f"English {english_action.help!r} in `{' '.join(argv)} --help`")


def test_argparse_errors_speak_the_users_language(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["order", "set"])
    assert done.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("Aufruf: bestellkompass order set")
    assert "bestellkompass order set: Fehler: folgende Argumente fehlen: PRODUKT, MENGE" in err

    with pytest.raises(SystemExit):
        main(["--lang=en", "order", "set"])
    err = capsys.readouterr().err
    assert err.startswith("usage: bestellkompass order set")
    assert "error: the following arguments are required: PRODUCT, QTY" in err

    with pytest.raises(SystemExit):
        main(["suggest", "--format", "xls"])
    assert "Fehler: Argument --format: ungültige Auswahl: 'xls' (möglich: 'table'" in (
        capsys.readouterr().err)
    with pytest.raises(SystemExit):
        main(["frobnicate"])
    assert "ungültige Auswahl: 'frobnicate'" in capsys.readouterr().err


def test_argument_type_errors_follow_the_language(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--lang", "en", "suggest", "--date", "31.02.2026"])
    err = capsys.readouterr().err
    assert "error: argument --date" in err
    assert "31.02.2026" in err
    assert "Fehler" not in err
    assert "kein" not in err
    with pytest.raises(SystemExit):
        main(["backtest", "--quantiles", "0.5,2"])
    assert "Quantile müssen echt zwischen 0 und 1 liegen: 0.5,2" in capsys.readouterr().err


def test_the_language_is_restored_after_the_command_line() -> None:
    before = (os.environ.get("LANGUAGE"), gettext.textdomain())
    with speaking("de"):
        assert gettext.gettext("usage: ") == "Aufruf: "
    assert (os.environ.get("LANGUAGE"), gettext.textdomain()) == before


def test_the_language_is_read_before_parsing() -> None:
    assert language_in(["--shop", "x", "suggest"]) == "de"
    assert language_in(["suggest", "--lang", "en"]) == "en"
    assert language_in(["--lang=en"]) == "en"
    assert language_in(["--lang", "fr"]) == "de"  # refused by argparse, in German


def test_the_catalog_is_complete_and_compiled() -> None:
    """resources/locale/update_catalogs.py --check: every word has German, the .mo is current."""
    assert update_catalogs.problems() == []


def test_a_fresh_process_reads_the_shipped_catalog() -> None:
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    env.pop("LANGUAGE", None)
    done = subprocess.run([sys.executable, "-m", "app", "order", "--help"], capture_output=True,
                          env=env, timeout=120, check=False, text=True, encoding="utf-8")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Aufruf: bestellkompass order")
    assert "Bestellentscheidungen festhalten" in done.stdout
