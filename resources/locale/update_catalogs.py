"""Refresh the one gettext catalog of everything a user reads, then compile the .mo all of
Bestellkompass reads. Three sources go into de/LC_MESSAGES/bestellkompass.po (translations kept,
new entries empty):

- the command line: `_("...")`, `N_("...")` and `ngettext(...)` in app/cli.py and app/commands/,
  and argparse's own words from the running Python's argparse (no msgctxt);
- the core: the English of each code in calendars/texts.py and forecasting/texts.py `ENGLISH`
  (msgctxt = the code; msgid_plural for a message that counts), and the calendar's words for
  feature labels and day notes, `words("...")` in calendars/ (msgctxt "calendar.words");
- the window: `self.tr(...)` / `QCoreApplication.translate(...)` in app/, found by pyside6-lupdate
  (msgctxt = the Qt context, i.e. the class name; "context|disambiguation" when tr() has one).

Translate new entries in the .po (any PO editor, or by hand) between the two steps; a new language
is one more .po (LANGUAGES below and calendars.catalog.CATALOG_LANGUAGES):

    python resources/locale/update_catalogs.py            # extract + merge + compile
    python resources/locale/update_catalogs.py --release  # compile only
    python resources/locale/update_catalogs.py --check    # exit 1 if anything is stale/missing
    python resources/locale/update_catalogs.py --pot FILE # the template, to start a new language
"""

from __future__ import annotations

import argparse
import io
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_file, extract_python
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
DOMAIN = "bestellkompass"
LANGUAGES = ("de",)  # English is the source language
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}
CORE_SOURCES = ("calendars/texts.py", "forecasting/texts.py")


def sources(root: Path = ROOT) -> list[Path]:
    """The modules whose words the command line shows."""
    return [root / "app" / "cli.py", *sorted((root / "app" / "commands").glob("*.py"))]


def template(root: Path = ROOT) -> Catalog:
    """Every message the command line can show, with where it comes from."""
    catalog = Catalog(domain=DOMAIN, project="Bestellkompass", charset="utf-8")
    for path in sources(root):
        for line, message, comments, _context in extract_from_file(
                "python", str(path), keywords=KEYWORDS, strip_comment_tags=True):
            catalog.add(message, locations=[(path.relative_to(root).as_posix(), line)],
                        auto_comments=comments)
    with open(argparse.__file__, "rb") as stream:
        for line, _func, message, comments in extract_python(
                stream, ["_", "ngettext"], [], {}):
            if isinstance(message, tuple):  # ngettext(singular, plural, n): n is no string
                message = tuple(m for m in message if m is not None)
            if message:
                catalog.add(message, locations=[("argparse.py", line)], auto_comments=comments)
    add_core(catalog)
    add_calendar_words(catalog, root)
    add_window(catalog, root)
    return catalog


def add_core(catalog: Catalog) -> None:
    """The core's messages: msgctxt = code, msgid = the English source (a pair if it counts)."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from calendars import texts as calendar_texts
    from forecasting import texts as core_texts

    for where, module in zip(CORE_SOURCES, (calendar_texts, core_texts), strict=True):
        for code, entry in module.ENGLISH.items():
            catalog.add(entry["en"], locations=[(where, 0)], context=code)


def add_calendar_words(catalog: Catalog, root: Path = ROOT) -> None:
    """The calendar's words for feature labels and day notes, `words("...")` in calendars/
    (msgctxt "calendar.words")."""
    for path in sorted((root / "calendars").glob("*.py")):
        for line, message, comments, _context in extract_from_file(
                "python", str(path), keywords={"words": None}, strip_comment_tags=True):
            catalog.add(message, locations=[(path.relative_to(root).as_posix(), line)],
                        auto_comments=comments, context="calendar.words")


def window_strings(root: Path = ROOT) -> list[tuple[str, str, bool, str]]:
    """(msgctxt, source, counts, file) of every string the window translates, as pyside6-lupdate
    finds them in app/."""
    sources = sorted(str(p) for p in (root / "app").rglob("*.py"))
    with tempfile.TemporaryDirectory() as folder:
        ts = Path(folder) / "window.ts"
        subprocess.run([_tool("pyside6-lupdate"), *sources, "-no-obsolete", "-ts", str(ts)],
                       check=True, capture_output=True)
        found = []
        for context in ET.parse(ts).getroot().iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                comment = message.findtext("comment")
                where = message.find("location")
                file = (where.get("filename") or "") if where is not None else ""
                file = Path(folder, file).resolve().relative_to(root).as_posix() if file else ""
                found.append((f"{name}|{comment}" if comment else name,
                              message.findtext("source") or "",
                              message.get("numerus") == "yes", file))
    return found


def add_window(catalog: Catalog, root: Path = ROOT) -> None:
    """The window's strings: msgctxt = Qt context; a %n string is a plural entry (msgid_plural is
    the same source: Qt has one English text and fills in %n)."""
    for context, source, counts, file in window_strings(root):
        message = (source, source) if counts else source
        catalog.add(message, locations=[(file, 0)] if file else [], context=context)


def _tool(name: str) -> str:
    return shutil.which(name) or str(Path(sys.executable).with_name(name))


def po_path(lang: str) -> Path:
    """The catalog source of `lang`."""
    return HERE / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def merged(lang: str, root: Path = ROOT) -> Catalog:
    """The .po of `lang` updated to the current sources (translations kept, obsolete dropped)."""
    path = po_path(lang)
    if path.exists():
        with path.open("rb") as stream:
            catalog = read_po(stream, locale=lang, domain=DOMAIN)
    else:
        catalog = Catalog(locale=lang, domain=DOMAIN, project="Bestellkompass")
    catalog.update(template(root), no_fuzzy_matching=True)
    catalog.obsolete.clear()
    catalog.fuzzy = False
    catalog.language_team = "Bestellkompass <de@bestellkompass.invalid>"
    catalog.last_translator = "Bestellkompass team"
    return catalog


def po_bytes(catalog: Catalog) -> bytes:
    """The .po text, without line numbers (so a moved line does not change the file)."""
    out = io.BytesIO()
    write_po(out, catalog, width=100, include_lineno=False, omit_header=False,
             sort_output=False, ignore_obsolete=True)
    return out.getvalue()


def mo_bytes(catalog: Catalog) -> bytes:
    """The compiled catalog."""
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def untranslated(catalog: Catalog) -> list[str]:
    """Message ids without a (complete) translation."""
    missing = []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(strings):
            text = message.id if isinstance(message.id, str) else message.id[0]
            missing.append(f"{message.context}: {text}" if message.context else text)
    return missing


def problems(languages: Iterable[str] = LANGUAGES, root: Path = ROOT) -> list[str]:
    """What --check reports: a .po behind the sources, an untranslated entry, a stale .mo."""
    found = []
    for lang in languages:
        catalog = merged(lang, root)
        path = po_path(lang)
        if not path.exists() or _without_dates(po_bytes(catalog)) != _without_dates(
                path.read_bytes()):
            found.append(f"{path.relative_to(root)} is behind the sources: run {Path(__file__).name}")
        found.extend(f"{lang}: untranslated: {m!r}" for m in untranslated(catalog))
        mo = path.with_suffix(".mo")
        if not mo.exists() or mo.read_bytes() != mo_bytes(_read(path)):
            found.append(f"{mo.relative_to(root)} is stale: run {Path(__file__).name} --release")
    return found


def _read(path: Path) -> Catalog:
    with path.open("rb") as stream:
        return read_po(stream, locale=path.parents[1].name, domain=DOMAIN)


def _without_dates(text: bytes) -> bytes:
    return b"\n".join(line for line in text.splitlines()
                      if not line.startswith((b'"POT-Creation-Date', b'"PO-Revision-Date')))


def main(argv: list[str] | None = None) -> int:
    """Extract and merge (unless --release), then compile; --check only reports."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--release", action="store_true", help="compile the .po files only")
    parser.add_argument("--check", action="store_true", help="report, change nothing")
    parser.add_argument("--pot", type=Path, help="write the template (.pot) to this file only")
    args = parser.parse_args(argv)
    if args.pot:
        pot = template()
        args.pot.write_bytes(po_bytes(pot))
        print(f"{args.pot}: {len(pot)} messages")
        return 0
    if args.check:
        found = problems()
        print("\n".join(found) or "catalogs are complete and current")
        return 1 if found else 0
    for lang in LANGUAGES:
        path = po_path(lang)
        if args.release:
            catalog = _read(path)
        else:
            catalog = merged(lang)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(po_bytes(catalog))
        path.with_suffix(".mo").write_bytes(mo_bytes(catalog))
        missing = untranslated(catalog)
        print(f"{path.relative_to(ROOT)}: {len(catalog)} messages, {len(missing)} untranslated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
