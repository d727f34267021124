"""Every user string in app/ is translatable and has a German translation in the one gettext
catalog, and the window's translator answers with it."""

from __future__ import annotations

import ast
from pathlib import Path

from babel.messages.pofile import read_po
from PySide6.QtCore import QCoreApplication

from app import i18n
from calendars.catalog import LOCALE_DIR, translations
from calendars.texts import MESSAGES as CALENDAR_MESSAGES
from forecasting.texts import MESSAGES as CORE_MESSAGES

ROOT = Path(__file__).resolve().parents[2]
PO = LOCALE_DIR / "de" / "LC_MESSAGES" / "bestellkompass.po"


def _strings_in_source() -> set[tuple[str, str]]:
    """(context, source) of every self.tr("...") and QCoreApplication.translate("ctx", "...")."""
    found: set[tuple[str, str]] = set()
    for path in sorted((ROOT / "app").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for cls in [n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)]:
            for node in ast.walk(cls):
                if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                        and node.func.attr == "tr" and isinstance(node.func.value, ast.Name)
                        and node.func.value.id == "self" and node.args
                        and isinstance(node.args[0], ast.Constant)):
                    found.add((cls.name, node.args[0].value))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr == "translate" and len(node.args) >= 2
                    and all(isinstance(a, ast.Constant) for a in node.args[:2])):
                found.add((node.args[0].value, node.args[1].value))
    return found


def _translations() -> dict[tuple[str, str], str]:
    """(Qt context, source) -> German of the window's entries in the .po."""
    core = set(CORE_MESSAGES) | set(CALENDAR_MESSAGES)
    with PO.open("rb") as stream:
        return {(m.context, m.id): m.string for m in read_po(stream)
                if m.context and m.context not in core and isinstance(m.id, str) and m.string}


def test_every_tr_string_has_a_german_translation() -> None:
    strings = _strings_in_source()
    assert len(strings) > 150, "the scan should find the app's strings"
    translated = _translations()
    missing = sorted(s for s in strings if not translated.get(s))
    assert not missing, f"untranslated (run resources/locale/update_catalogs.py): {missing}"


def test_the_window_reads_the_compiled_catalog(qapp: object) -> None:
    translator = i18n.CatalogTranslator(translations("de"))
    assert not translator.isEmpty()
    for (context, source), german in _translations().items():
        expected = None if german == source else german  # None: Qt shows the source itself
        assert translator.translate(context, source) == expected, (context, source)


def test_the_installed_language_translates_tr_calls(qapp: object) -> None:
    try:
        assert i18n.install_language("de")
        assert QCoreApplication.translate("MainWindow", "&Order sheet") == "&Bestellung"
        assert QCoreApplication.translate("MainWindow", "no such text") == "no such text"
        i18n.install_language("en")
        assert QCoreApplication.translate("MainWindow", "&Order sheet") == "&Order sheet"
    finally:
        i18n.install_language("de")


def test_placeholders_survive_translation() -> None:
    for (_context, source), german in _translations().items():
        for marker in ("%1", "%2", "%3", "%4", "%5", "%6"):
            assert (marker in source) == (marker in german), (source, german)
