"""Problems the user can fix in calendar input (bad weather file, unknown event kind, no network)."""

from __future__ import annotations

from typing import Any


class CalendarError(Exception):
    """A user-fixable calendar problem: a message code plus parameters, worded by calendars.texts."""

    def __init__(self, code: str, **params: Any) -> None:
        self.code = code
        self.params = params
        super().__init__(self.message("en"))

    def message(self, lang: str = "de") -> str:
        """The message in `lang` ("de" or "en")."""
        from calendars.texts import render

        return render(self.code, lang, **self.params)
