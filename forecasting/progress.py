"""Progress and cancellation for long jobs, Qt-free: the app's worker and the CLI share it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol


class Progress(Protocol):
    """What a long job calls: report how far it is, and ask whether the user cancelled."""

    def report(self, fraction: float, message: str) -> None:
        """`fraction` in [0, 1]; `message` is a short code-like phase name (e.g. "import.read")."""

    def cancelled(self) -> bool:
        """True once the user asked to stop; the job then raises and leaves no trace."""


class NullProgress:
    """No progress display and never cancelled (scripts, tests)."""

    def report(self, fraction: float, message: str) -> None:
        """Ignore progress."""

    def cancelled(self) -> bool:
        """Never cancelled."""
        return False


class CallbackProgress:
    """Adapts two plain callables (either may be None) to the Progress protocol."""

    def __init__(
        self,
        report: Callable[[float, str], object] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> None:
        self._report = report
        self._cancelled = cancelled

    def report(self, fraction: float, message: str) -> None:
        """Forward to the report callable, if any."""
        if self._report is not None:
            self._report(fraction, message)

    def cancelled(self) -> bool:
        """Ask the cancelled callable, if any."""
        return bool(self._cancelled()) if self._cancelled is not None else False
