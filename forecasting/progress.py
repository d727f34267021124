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


class PartProgress:
    """One part of a longer job: the part reports 0..1, the whole sees start..end.

    Lets a function report its own steps in [0, 1] without knowing where it sits in the job.
    """

    def __init__(self, whole: Progress, start: float, end: float) -> None:
        self._whole = whole
        self._start = start
        self._end = end

    def report(self, fraction: float, message: str) -> None:
        """Report `fraction` of this part as the matching fraction of the whole."""
        part = min(max(float(fraction), 0.0), 1.0)
        self._whole.report(self._start + (self._end - self._start) * part, message)

    def cancelled(self) -> bool:
        """Ask the whole job."""
        return self._whole.cancelled()
