"""User errors of the core, worded from forecasting.texts in the user's language."""

from __future__ import annotations

from calendars.errors import CodedError
from forecasting.texts import MESSAGES


class UserError(CodedError):
    """A problem the user can fix (bad file, wrong option); shown without a stack trace."""

    messages = MESSAGES


class ShopFileError(UserError):
    """The shop file cannot be opened or written as asked."""
