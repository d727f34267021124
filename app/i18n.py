"""Language of the UI: a Qt translator that answers from the one gettext catalog, and number/date
formats.

Source strings are English (`self.tr`); German is the default and comes from
resources/locale/de/LC_MESSAGES/bestellkompass.mo, the catalog the core and the command line read
too (msgctxt = the Qt context, i.e. the class name). Qt's own words (button boxes, context menus)
come from Qt's qtbase_de.qm. Numbers and dates go through `forecasting.texts` so the app and the
command line agree.
"""

from __future__ import annotations

import datetime as dt
import gettext

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator

from calendars.catalog import LOCALE_DIR, translations
from forecasting.policy.lines import shown_decimals
from forecasting.texts import format_date, format_number
from forecasting.texts import parse_number as parse_in

CATALOG_DIR = LOCALE_DIR
LANGUAGES = ("de", "en")


class CatalogTranslator(QTranslator):
    """A QTranslator that looks the window's words up in the gettext catalog: msgctxt is the Qt
    context ("context|disambiguation" when tr() has one), msgid the English source; a %n string is
    a plural entry (msgid_plural the same source) and Qt fills in %n after the lookup."""

    def __init__(self, catalog: gettext.NullTranslations, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._catalog = catalog

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        """The German of `source`, or None (a null QString) when the catalog has none: Qt then
        asks the next translator (Qt's own) and finally shows the source. "" would be shown."""
        key = f"{context}|{disambiguation}" if disambiguation else context
        if n >= 0:
            text = self._catalog.npgettext(key, source, source, n)
        else:
            text = self._catalog.pgettext(key, source)
        return None if text == source else text

    def isEmpty(self) -> bool:
        """Never empty while the catalog has messages (Qt skips empty translators)."""
        return not isinstance(self._catalog, gettext.GNUTranslations)


_state: dict[str, object] = {"lang": "de", "translators": []}


def lang() -> str:
    """The current UI language, "de" or "en"."""
    return str(_state["lang"])


def install_language(language: str) -> bool:
    """Switch the application's translators to `language`; returns False if its catalog (.mo)
    was missing."""
    app = QCoreApplication.instance()
    language = language if language in LANGUAGES else "de"
    for old in _state["translators"]:  # type: ignore[attr-defined]
        app.removeTranslator(old)
    translators: list[QTranslator] = []
    ok = True
    if language != "en":
        ours = CatalogTranslator(translations(language), app)
        ok = not ours.isEmpty()
        qt_base = QTranslator(app)
        if qt_base.load(
            f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        ):
            translators.append(qt_base)
        if ok:
            translators.append(ours)
    for t in translators:
        app.installTranslator(t)
    _state["translators"] = translators
    _state["lang"] = language
    QLocale.setDefault(QLocale(QLocale.Language.German if language == "de" else QLocale.Language.English,
                               QLocale.Country.Germany))
    return ok


def tr(context: str, text: str) -> str:
    """Translate outside a QObject (module-level tables)."""
    return QCoreApplication.translate(context, text)


def num(value: float | None, decimals: int = 0) -> str:
    """A number in the UI language ("1.234,5" in German); empty for None/NaN."""
    if value is None or value != value:
        return ""
    return format_number(float(value), lang(), decimals)


def quantity(value: float | None, decimals: int = 0) -> str:
    """A typed amount (count, order) with the line's decimals, more if it has them: 2,75 kg
    counted shows as 2,75, not 2,8."""
    if value is None or value != value:
        return ""
    return format_number(float(value), lang(), shown_decimals(float(value), decimals))


def date_text(day: dt.date) -> str:
    """24.12.2026 in German, 2026-12-24 in English."""
    return format_date(day, lang())


def weekday_name(day: dt.date, short: bool = False) -> str:
    """Weekday name in the UI language."""
    locale = QLocale(QLocale.Language.German if lang() == "de" else QLocale.Language.English)
    fmt = QLocale.FormatType.ShortFormat if short else QLocale.FormatType.LongFormat
    return locale.dayName(day.isoweekday(), fmt)


def parse_number(text: str) -> float | None:
    """Read what the user typed, in the UI language (forecasting.texts.parse_number)."""
    return parse_in(text, lang())
