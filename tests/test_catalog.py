"""The one gettext catalog gives real plural forms: as many as a language's Plural-Forms says, for
the core's messages and for the window's %n strings alike."""

from __future__ import annotations

import gettext
import io

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo

from calendars.catalog import plural_index, text_from


def _compiled(catalog: Catalog) -> gettext.GNUTranslations:
    out = io.BytesIO()
    write_mo(out, catalog)
    out.seek(0)
    return gettext.GNUTranslations(out)


def _polish() -> gettext.GNUTranslations:
    """A catalog with three plural forms (Polish: 1 / 2-4 / 5+)."""
    catalog = Catalog(locale="pl", domain="bestellkompass")
    catalog.add(("{count} line", "{count} lines"), ("{count} wiersz", "{count} wiersze",
                                                    "{count} wierszy"), context="stock.lines")
    catalog.add(("%n line", "%n line"), ("%n wiersz", "%n wiersze", "%n wierszy"),
                context="StockDialog")
    catalog.add("Close", "Zamknij", context="StockDialog")
    return _compiled(catalog)


def test_a_core_message_gets_every_plural_form_of_the_language() -> None:
    forms = text_from(_polish(), "stock.lines", ("{count} line", "{count} lines"))
    assert forms == ("{count} wiersz", "{count} wiersze", "{count} wierszy")


def test_an_untranslated_core_message_keeps_its_english() -> None:
    assert text_from(_polish(), "stock.other", "Nothing to do.") == "Nothing to do."


def test_german_and_english_take_the_singular_for_one_only() -> None:
    assert [plural_index("de", n) for n in (0, 1, 2, 21)] == [1, 0, 1, 1]
    assert [plural_index("en", n) for n in (0, 1, 2)] == [1, 0, 1]
    assert plural_index("de", 1.5) == 1  # a fraction counts as plural
    assert plural_index("de", "viele") == 1


def test_the_window_translator_answers_plural_and_plain_strings(qapp: object) -> None:
    from PySide6.QtCore import QCoreApplication

    from app.i18n import CatalogTranslator

    translator = CatalogTranslator(_polish())
    app = QCoreApplication.instance()
    app.installTranslator(translator)
    try:
        said = [QCoreApplication.translate("StockDialog", "%n line", None, n) for n in (1, 3, 5)]
        assert said == ["1 wiersz", "3 wiersze", "5 wierszy"]
        assert QCoreApplication.translate("StockDialog", "Close") == "Zamknij"
        assert QCoreApplication.translate("StockDialog", "Open") == "Open"
    finally:
        app.removeTranslator(translator)
