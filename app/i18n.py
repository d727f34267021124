"""Language of the UI: Qt translators (.qm from resources/translations) and number/date formats.

Source strings are English (`self.tr`); German is the default and comes from bestellkompass_de.qm.
Numbers and dates go through `forecasting.texts` so the app and the command line agree.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from forecasting.policy.lines import shown_decimals
from forecasting.texts import format_date, format_number
from forecasting.texts import parse_number as parse_in

TRANSLATIONS_DIR = Path(__file__).resolve().parents[1] / "resources" / "translations"
LANGUAGES = ("de", "en")

_state: dict[str, object] = {"lang": "de", "translators": []}


def lang() -> str:
    """The current UI language, "de" or "en"."""
    return str(_state["lang"])


def install_language(language: str) -> bool:
    """Switch the application's translators to `language`; returns False if a .qm was missing."""
    app = QCoreApplication.instance()
    language = language if language in LANGUAGES else "de"
    for old in _state["translators"]:  # type: ignore[attr-defined]
        app.removeTranslator(old)
    translators: list[QTranslator] = []
    ok = True
    if language != "en":
        ours = QTranslator(app)
        ok = ours.load(str(TRANSLATIONS_DIR / f"bestellkompass_{language}.qm"))
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
