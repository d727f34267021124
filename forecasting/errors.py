"""User errors of the core, worded from forecasting.texts in the user's language."""

from __future__ import annotations

from calendars.errors import CodedError
from forecasting.texts import MESSAGES


class UserError(CodedError):
    """A problem the user can fix (bad file, wrong option); shown without a stack trace."""

    messages = MESSAGES


class ShopFileError(UserError):
    """The shop file cannot be opened or written as asked."""


class ChangedElsewhereError(UserError):
    """An edit made on a view that is no longer current: another program (the command line, a
    second window) changed the same thing since. Refused, so a newer write is never overwritten.
    `fields`: the settings fields concerned (for the front end to name in its own words)."""

    fields: list[str] = []  # noqa: RUF012 (set per instance where known)
