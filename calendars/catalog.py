"""The translations of every text a user reads, from the one gettext catalog that the core, the
command line and the window share: resources/locale/<lang>/LC_MESSAGES/bestellkompass.mo.

English is the source language and needs no catalog. A core message is found by its code as
msgctxt and its English text as msgid (msgid_plural for a message that counts); the window's by its
Qt context (the class name) and its English source; the command line's by its English alone.
resources/locale/update_catalogs.py extracts all three into the .po and compiles the .mo.
"""

from __future__ import annotations

import gettext
from functools import cache
from pathlib import Path
from typing import Any

DOMAIN = "bestellkompass"
LOCALE_DIR = Path(__file__).resolve().parents[1] / "resources" / "locale"
SOURCE_LANGUAGE = "en"
CATALOG_LANGUAGES = ("de",)  # one .po each under resources/locale; English is the source


@cache
def translations(lang: str) -> gettext.NullTranslations:
    """The compiled catalog of `lang` (English, or a language without one: the sources)."""
    if lang == SOURCE_LANGUAGE:
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, str(LOCALE_DIR), languages=[lang], fallback=True)


def plural_index(lang: str, count: Any) -> int:
    """Which plural form `lang` uses for `count`, by its catalog's Plural-Forms (German and English:
    nplurals=2; plural=(n != 1)). A count that is not a whole number takes form 1 (the plural)."""
    try:
        number = float(count)
    except (TypeError, ValueError):
        return 1
    if not number.is_integer():
        return 1
    rule = getattr(translations(lang), "plural", None)
    return int(rule(int(number))) if rule is not None else int(number != 1)


def translated(code: str, english: str | tuple[str, ...], lang: str) -> str | tuple[str, ...]:
    """The text of core message `code` in `lang`, given its English source (a (singular, plural)
    pair gives all of the language's plural forms, in the order of its Plural-Forms)."""
    return text_from(translations(lang), code, english)


def text_from(catalog: gettext.NullTranslations, code: str,
              english: str | tuple[str, ...]) -> str | tuple[str, ...]:
    """As `translated`, from a given compiled catalog."""
    if isinstance(english, str):
        return catalog.pgettext(code, english)
    rule = getattr(catalog, "plural", None)
    if rule is None:
        return english
    sample: dict[int, int] = {}  # form -> the smallest count that takes it
    for n in range(200):
        sample.setdefault(int(rule(n)), n)
    return tuple(catalog.npgettext(code, english[0], english[1], sample[form])
                 for form in sorted(sample))


def with_translations(english: dict[str, dict[str, Any]],
                      languages: tuple[str, ...] = CATALOG_LANGUAGES) -> dict[str, dict[str, Any]]:
    """Each message of `english` ({"en": text, ...}) with its text in every catalog language added:
    the shape the core renders from ({"de": ..., "en": ...})."""
    out = {}
    for code, entry in english.items():
        out[code] = {**{lang: translated(code, entry["en"], lang) for lang in languages}, **entry}
    return out
