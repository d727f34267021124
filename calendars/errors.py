"""User-fixable problems as a message code plus parameters, so every front end words them."""

from __future__ import annotations

from typing import Any, ClassVar

from calendars import texts


class CodedError(Exception):
    """A problem the user can fix (bad file, wrong option); shown without a stack trace."""

    messages: ClassVar[dict[str, texts.Message]] = {}

    def __init__(self, code: str, **params: Any) -> None:
        self.code = code
        self.params = params
        super().__init__(self.message("en"))

    def message(self, lang: str = "de") -> str:
        """The message in `lang` ("de" or "en")."""
        return texts.render_from(self.messages, self.code, lang, **self.params)


class CalendarError(CodedError):
    """A calendar problem: bad weather file, unknown event kind, no network."""

    messages = texts.MESSAGES
