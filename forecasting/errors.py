"""User errors that carry a message code, so every front end can say them in the user's language."""

from __future__ import annotations

from typing import Any


class UserError(Exception):
    """A problem the user can fix (bad file, wrong option); shown without a stack trace."""

    def __init__(self, code: str, **params: Any) -> None:
        self.code = code
        self.params = params
        super().__init__(self.message("en"))

    def message(self, lang: str = "de") -> str:
        """The message in `lang` ("de" or "en")."""
        from forecasting.texts import render

        return render(self.code, lang, **self.params)


class ShopFileError(UserError):
    """The shop file cannot be opened or written as asked."""
