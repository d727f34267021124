"""Every user string in app/ is translatable and has a German translation, and the compiled .qm
agrees with the .ts."""

from __future__ import annotations

import ast
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QTranslator

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "bestellkompass_de.ts"
QM = TS.with_suffix(".qm")


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
    out = {}
    for context in ET.parse(TS).getroot().findall("context"):
        name = context.findtext("name") or ""
        for message in context.findall("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "vanished",
                                                                    "obsolete"):
                continue
            out[(name, message.findtext("source") or "")] = translation.text or ""
    return out


def test_every_tr_string_has_a_german_translation() -> None:
    strings = _strings_in_source()
    assert len(strings) > 150, "the scan should find the app's strings"
    translated = _translations()
    missing = sorted(s for s in strings if not translated.get(s))
    assert not missing, f"untranslated (run resources/translations/update_translations.py): {missing}"


def test_qm_matches_ts(qapp: object) -> None:
    translator = QTranslator()
    assert translator.load(str(QM))
    for (context, source), german in _translations().items():
        assert translator.translate(context, source) == german, (context, source)


def test_placeholders_survive_translation() -> None:
    for (_context, source), german in _translations().items():
        for marker in ("%1", "%2", "%3", "%4", "%5", "%6"):
            assert (marker in source) == (marker in german), (source, german)
