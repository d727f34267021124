"""One word for one thing: no German text a user reads uses a word docs/glossary.md rules out
(Lieferbereitschaft for Servicegrad, Gebinde for Packungsgröße, Shop-Datei for Laden-Datei ...)."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest
from babel.messages.catalog import Message
from babel.messages.pofile import read_po

from app.cli import COMMANDS, build_parser, main
from app.cli_text import speaking
from calendars import texts as calendar_texts
from forecasting import texts as core_texts

REPO = Path(__file__).resolve().parents[1]
GLOSSARY = REPO / "docs" / "glossary.md"
PO = REPO / "resources" / "locale" / "de" / "LC_MESSAGES" / "bestellkompass.po"


def avoided_words() -> dict[str, str]:
    """The words the glossary rules out, each with the word to use instead."""
    words = {}
    for line in GLOSSARY.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 5 or cells[0] in ("Deutsch", "") or set(cells[0]) <= {"-"}:
            continue
        for word in filter(None, (w.strip() for w in cells[4].split(","))):
            words[word] = cells[0]
    return words


def _help_texts(lang: str = "de") -> dict[str, str]:
    """Every --help of the command line in `lang`, by command line."""
    found: dict[str, str] = {}

    def walk(argv: list[str], parser: argparse.ArgumentParser) -> None:
        found[" ".join([*argv, "--help"])] = parser.format_help()
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction) and argv:
                for name, child in action.choices.items():
                    walk([*argv, name], child)

    with speaking(lang):
        walk([], build_parser([]))
        for name in COMMANDS:
            parser = build_parser([name])
            sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
            walk([name], sub.choices[name])
    return found


def _catalog() -> list[Message]:
    """The entries of the one German catalog."""
    with PO.open("rb") as stream:
        return [message for message in read_po(stream) if message.id]


def _window_sources() -> dict[str, str]:
    """The English of the window's entries (msgctxt a Qt context, not a core code)."""
    core = set(core_texts.MESSAGES) | set(calendar_texts.MESSAGES)
    return {f"{PO.name} {m.context} {m.id!r} source": m.id for m in _catalog()
            if m.context and m.context not in core and isinstance(m.id, str)}


def _forms(text: str | tuple[str, ...]) -> tuple[str, ...]:
    return text if isinstance(text, tuple) else (text,)


def user_texts() -> dict[str, str]:
    """Every German text a user can read, by where it comes from."""
    texts = {f"forecasting/texts.py {code}": " | ".join(_forms(entry["de"]))
             for code, entry in core_texts.MESSAGES.items() if "de" in entry}
    texts.update({f"calendars/texts.py {code}": " | ".join(_forms(entry["de"]))
                  for code, entry in calendar_texts.MESSAGES.items() if "de" in entry})
    for message in _catalog():  # the window's, the core's and the command line's German
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        texts[f"{PO.name} {message.context or ''} {message.id!r}"] = " | ".join(
            s or "" for s in strings)
    texts.update({f"bestellkompass {argv}": text for argv, text in _help_texts().items()})
    return texts


def test_the_glossary_rules_out_the_known_synonyms() -> None:
    avoided = avoided_words()
    assert avoided["Lieferbereitschaft"] == "Servicegrad"
    assert avoided["Gebinde"] == "Packungsgröße"
    assert avoided["Shop-Datei"] == "Laden-Datei"
    assert avoided["Veranstaltung"] == "Ereignis"


def test_no_user_text_uses_a_word_the_glossary_rules_out() -> None:
    texts = user_texts()
    assert len(texts) > 1000  # the core messages, the window, the command line
    found = []
    for word, instead in avoided_words().items():
        pattern = re.compile(rf"(?<![\w]){re.escape(word)}")
        found += [f"{where}: “{word}” (say “{instead}”): {text!r}"
                  for where, text in texts.items() if pattern.search(text)]
    assert found == [], "\n".join(found)


@pytest.mark.parametrize("argv", [["settings", "product", "--help"], ["settings", "--help"]])
def test_the_command_line_says_servicegrad_and_packungsgroesse(
        capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    with pytest.raises(SystemExit):
        main(argv)
    out = capsys.readouterr().out
    assert "Lieferbereitschaft" not in out
    assert "Servicegrad" in out


PLURAL_BY_HAND = re.compile(r"\w\((?:n|e|en|s|es|er)\)")  # Zeile(n), Tag(e), product(s)


def test_no_user_text_writes_a_plural_as_word_in_brackets() -> None:
    """Counts take a real singular or plural in both languages, in the window and on the command
    line: "1 Zeile", "3 Zeilen", never "Zeile(n)"."""
    texts = user_texts()
    for messages, where in ((core_texts.MESSAGES, "forecasting/texts.py"),
                            (calendar_texts.MESSAGES, "calendars/texts.py")):
        texts.update({f"{where} {code} en": " | ".join(_forms(entry["en"]))
                      for code, entry in messages.items() if "en" in entry})
    texts.update(_window_sources())
    texts.update({f"bestellkompass --lang en {argv}": text
                  for argv, text in _help_texts("en").items()})
    found = [f"{where}: {text!r}" for where, text in texts.items() if PLURAL_BY_HAND.search(text)]
    assert found == [], "\n".join(found)
