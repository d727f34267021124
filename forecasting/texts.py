"""Every sentence the core can say to a user, in German and English, keyed by a stable code.

The core returns codes and numbers; this is the one place that turns them into words, shared by the
command line and the app. Parameters are filled with str.format; numbers are formatted by the caller
with `format_number` so that German text gets German digits.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

LANGUAGES = ("de", "en")

MESSAGES: dict[str, dict[str, str]] = {
    "shop.not_found": {
        "de": "Die Shop-Datei {path} gibt es nicht.",
        "en": "The shop file {path} does not exist.",
    },
    "shop.not_a_shop": {
        "de": "{path} ist keine Bestellkompass-Shop-Datei. Die Datei wurde nicht verändert.",
        "en": "{path} is not a Bestellkompass shop file. The file was not changed.",
    },
    "shop.newer_version": {
        "de": (
            "{path} wurde mit einer neueren Bestellkompass-Version angelegt (Format {found}, "
            "diese Version kennt bis {supported}). Bitte Bestellkompass aktualisieren. "
            "Die Datei wurde nicht verändert."
        ),
        "en": (
            "{path} was written by a newer Bestellkompass (format {found}; this version knows up "
            "to {supported}). Please update Bestellkompass. The file was not changed."
        ),
    },
    "shop.exists": {
        "de": "{path} gibt es schon; bitte einen anderen Namen wählen.",
        "en": "{path} already exists; please choose another name.",
    },
    "shop.unknown_product": {
        "de": "Das Produkt „{name}“ gibt es in diesem Shop nicht.",
        "en": "There is no product “{name}” in this shop.",
    },
    "shop.bad_state": {
        "de": "„{state}“ ist kein Bundesland-Kürzel (z. B. NW, BY, SH).",
        "en": "“{state}” is not a German state code (e.g. NW, BY, SH).",
    },
    "cli.bad_date": {
        "de": "„{value}“ ist kein Datum (erwartet z. B. 2026-11-26 oder 26.11.2026).",
        "en": "“{value}” is not a date (expected e.g. 2026-11-26 or 26.11.2026).",
    },
    "demo.bad_kind": {
        "de": "Unbekannte Demo-Art „{kind}“ (möglich: bakery, deli).",
        "en": "Unknown demo kind “{kind}” (choose bakery or deli).",
    },
}


def render(code: str, lang: str = "de", **params: Any) -> str:
    """The message for `code` in `lang`, falling back to English, then to the code itself."""
    entry = MESSAGES.get(code)
    if entry is None:
        return code if not params else f"{code} {params}"
    template = entry.get(lang) or entry.get("en") or code
    shown = {k: _show(v, lang) for k, v in params.items()}
    return template.format(**shown)


def _show(value: Any, lang: str) -> Any:
    if isinstance(value, bool):
        return value
    if isinstance(value, float):
        return format_number(value, lang, decimals=1)
    if isinstance(value, dt.date):
        return format_date(value, lang)
    return value


def format_number(value: float, lang: str = "de", decimals: int = 0) -> str:
    """1234.5 -> "1.234,5" in German, "1,234.5" in English."""
    text = f"{value:,.{decimals}f}"
    if lang == "de":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text


def format_signed(value: float, lang: str = "de", decimals: int = 0) -> str:
    """A signed amount for explanations: "+24", "-6", "+1,5"."""
    sign = "+" if value >= 0 else "-"
    return sign + format_number(abs(value), lang, decimals)


def format_date(value: dt.date, lang: str = "de") -> str:
    """24.12.2026 in German, 2026-12-24 in English."""
    return value.strftime("%d.%m.%Y") if lang == "de" else value.isoformat()
