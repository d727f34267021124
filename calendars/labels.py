"""The human name of a feature column and the explanation group it belongs to."""

from __future__ import annotations

import dataclasses


@dataclasses.dataclass(frozen=True)
class Label:
    """German and English words for a column; `group` collects columns into one owner reason."""

    de: str
    en: str
    group: str

    def text(self, lang: str) -> str:
        """The label in `lang` ("de" or "en")."""
        return self.de if lang == "de" else self.en
