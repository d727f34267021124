"""The human name of a feature column and the explanation group it belongs to."""

from __future__ import annotations

import dataclasses

from calendars.catalog import translated


@dataclasses.dataclass(frozen=True)
class Label:
    """German and English words for a column; `group` collects columns into one owner reason."""

    de: str
    en: str
    group: str

    def text(self, lang: str) -> str:
        """The label in `lang` ("de" or "en")."""
        return self.de if lang == "de" else self.en


WORDS_CONTEXT = "calendar.words"  # msgctxt of the calendar's words in the catalog


def words(english: str, **params: object) -> tuple[str, str]:
    """(German, English) of a calendar word, for a `Label` or a day's note: the English source is
    here, the German comes from the catalog (msgctxt "calendar.words"); `params` fill {names}."""
    german = translated(WORDS_CONTEXT, english, "de")
    return str(german).format(**params), english.format(**params)
