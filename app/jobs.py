"""Long jobs on a worker thread: progress with cancel, result or error back on the main thread.

The job is a plain function `fn(progress) -> result` from `forecasting`/`calendars`; it gets a
`JobProgress` (the Qt-free protocol: `report(fraction, message)`, `cancelled()`) and must never touch
widgets. Jobs run one at a time on their own pool, which also serialises writes to the shop file.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from app import i18n
from forecasting.texts import MESSAGES, render


class JobCancelled(Exception):  # noqa: N818 (a signal, not an error)
    """Raised by `JobProgress.check()` when the user pressed cancel."""


class JobProgress:
    """What a job sees of the UI: report progress, ask whether it was cancelled. Thread-safe."""

    def __init__(self, emit: Callable[[float, str], None]) -> None:
        self._emit = emit
        self._cancel = threading.Event()

    def report(self, fraction: float, message: str = "") -> None:
        """Tell the UI how far the job is (0..1) and what it is doing."""
        self._emit(max(0.0, min(1.0, float(fraction))), str(message))

    def cancelled(self) -> bool:
        """Whether the user asked to stop."""
        return self._cancel.is_set()

    def check(self) -> None:
        """Raise JobCancelled if the user asked to stop."""
        if self._cancel.is_set():
            raise JobCancelled

    def cancel(self) -> None:
        """Ask the job to stop at its next check."""
        self._cancel.set()


class _Signals(QObject):
    progress = Signal(float, str)
    done = Signal(object)
    failed = Signal(object)


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[JobProgress], Any], signals: _Signals) -> None:
        super().__init__()
        self.fn = fn
        self.signals = signals
        self.progress = JobProgress(signals.progress.emit)

    def run(self) -> None:
        try:
            result = self.fn(self.progress)
        except BaseException as exc:
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)


class Job(QObject):
    """One submitted job; `finished` fires on the main thread after on_done/on_error ran."""

    finished = Signal()

    def __init__(
        self,
        title: str,
        fn: Callable[[JobProgress], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.title = title
        self.signals = _Signals()
        self.runnable = _Runnable(fn, self.signals)
        self.runnable.setAutoDelete(False)
        self._on_done = on_done
        self._on_error = on_error
        self.signals.done.connect(self._done)
        self.signals.failed.connect(self._failed)
        self.result: Any = None
        self.error: BaseException | None = None
        self.is_finished = False

    @property
    def progress(self) -> JobProgress:
        """The job's progress object (cancel through it)."""
        return self.runnable.progress

    @Slot(object)
    def _done(self, result: Any) -> None:
        self.result = result
        self.is_finished = True
        self._on_done(result)
        self.finished.emit()

    @Slot(object)
    def _failed(self, exc: BaseException) -> None:
        self.error = exc
        self.is_finished = True
        if isinstance(exc, JobCancelled) or self.progress.cancelled():
            self.error = JobCancelled()
        self._on_error(self.error)
        self.finished.emit()


class JobRunner(QObject):
    """Runs jobs one after the other on a private thread pool and shows them in a JobBar."""

    def __init__(self, bar: JobBar | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.bar = bar
        self.active: list[Job] = []

    def run(
        self,
        title: str,
        fn: Callable[[JobProgress], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
    ) -> Job:
        """Start `fn(progress)` on the worker; the callbacks run on the main thread."""
        job = Job(title, fn, on_done, on_error, self)
        self.active.append(job)
        job.finished.connect(lambda: self._forget(job))
        if self.bar is not None:
            self.bar.track(job)
        self.pool.start(job.runnable)
        return job

    def _forget(self, job: Job) -> None:
        if job in self.active:
            self.active.remove(job)
        if self.bar is not None:
            self.bar.untrack(job, self.active[-1] if self.active else None)

    def busy(self) -> bool:
        """Whether a job is queued or running."""
        return any(not job.is_finished for job in self.active)

    def wait(self, msecs: int = -1) -> bool:
        """Block until the pool is idle (tests and shutdown only)."""
        return self.pool.waitForDone(msecs)


def _words(message: str) -> str:
    """Progress messages are codes ("import.read") when the core knows words for them."""

    return render(message, i18n.lang()) if message in MESSAGES else message


class JobBar(QWidget):
    """A progress bar with a message and a cancel button, for the status bar."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setRange(0, 1000)
        self.bar.setMaximumWidth(220)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        self.job: Job | None = None
        self.cancel_button.clicked.connect(self._cancel)
        self.hide()

    def track(self, job: Job) -> None:
        """Show this job's progress."""
        self.job = job
        self.label.setText(job.title)
        self.bar.setValue(0)
        job.signals.progress.connect(self._progress)
        self.show()

    def untrack(self, job: Job, next_job: Job | None) -> None:
        """The job ended; show the next one or hide."""
        if self.job is job:
            self.job = None
            if next_job is not None:
                self.track(next_job)
            else:
                self.hide()

    @Slot(float, str)
    def _progress(self, fraction: float, message: str) -> None:
        self.bar.setValue(int(fraction * 1000))
        if message:
            self.label.setText(_words(message))

    def _cancel(self) -> None:
        if self.job is not None:
            self.job.progress.cancel()
            self.label.setText(self.tr("Cancelling…"))
