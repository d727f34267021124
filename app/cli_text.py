"""The command line's own words in the user's language: its help, its errors and argparse's.

Sources are English, marked `_("...")` (or `N_("...")` where a table is built before the language
is known); German comes from the one gettext catalog resources/locale/de/LC_MESSAGES/bestellkompass.po
(shared with the window and the core, read through calendars.catalog), compiled to .mo by
resources/locale/update_catalogs.py. argparse translates its own words
("usage:", "error:", "invalid choice") with gettext's global domain, so `speaking(lang)` binds that
domain to our catalog and selects the language for as long as the command line parses.
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from calendars.catalog import DOMAIN, LOCALE_DIR, translations

LANGUAGES = ("de", "en")
DEFAULT = "de"

_state: dict[str, str] = {"lang": DEFAULT}


def language_in(argv: Sequence[str]) -> str:
    """The language asked for with `--lang xx` / `--lang=xx` anywhere in `argv`, else German
    (argparse refuses an unknown one later, in German)."""
    words = list(argv)
    for i, word in enumerate(words):
        value = word.partition("=")[2] if word.startswith("--lang=") else None
        if word == "--lang" and i + 1 < len(words):
            value = words[i + 1]
        if value in LANGUAGES:
            return value
    return DEFAULT


def language() -> str:
    """The language the command line speaks now."""
    return _state["lang"]


@contextmanager
def using(lang: str) -> Iterator[None]:
    """Within the block, `_` and `ngettext` answer in `lang`."""
    before = _state["lang"]
    _state["lang"] = lang if lang in LANGUAGES else DEFAULT
    try:
        yield
    finally:
        _state["lang"] = before


@contextmanager
def speaking(lang: str) -> Iterator[None]:
    """Within the block argparse answers in `lang` too: gettext's global domain is ours and its
    language `lang`. Only while parsing: the environment variable LANGUAGE it sets would also
    change the language of other gettext users (holiday names)."""
    before = (os.environ.get("LANGUAGE"), gettext.textdomain())
    gettext.bindtextdomain(DOMAIN, str(LOCALE_DIR))
    gettext.textdomain(DOMAIN)
    os.environ["LANGUAGE"] = lang if lang in LANGUAGES else DEFAULT  # read at each lookup
    try:
        with using(lang):
            yield
    finally:
        old_language, old_domain = before
        gettext.textdomain(old_domain)
        if old_language is None:
            os.environ.pop("LANGUAGE", None)
        else:
            os.environ["LANGUAGE"] = old_language


def catalog(lang: str) -> gettext.NullTranslations:
    """The compiled catalog of `lang` (English: the sources themselves)."""
    return translations(lang)


def _(text: str) -> str:
    """`text` (English source) in the current language."""
    return catalog(_state["lang"]).gettext(text)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or the right plural form of the current language for `count`."""
    return catalog(_state["lang"]).ngettext(singular, plural, count)


def N_(text: str) -> str:
    """Mark `text` for the catalog; it is translated where it is shown, with `_`."""
    return text
