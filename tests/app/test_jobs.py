"""The worker helper: jobs run off the main thread, report progress, can be cancelled, and deliver
their result or error on the main thread."""

from __future__ import annotations

import threading
import time

import pytest

from app.jobs import JobBar, JobCancelled, JobProgress, JobRunner


def test_result_arrives_on_main_thread(qtbot: object) -> None:
    runner = JobRunner(JobBar())
    main = threading.get_ident()
    seen: dict[str, object] = {}

    def job(progress: JobProgress) -> int:
        seen["worker"] = threading.get_ident()
        progress.report(0.5, "half")
        return 42

    def done(result: int) -> None:
        seen["result"] = result
        seen["callback"] = threading.get_ident()

    job_ = runner.run("test", job, done, lambda exc: seen.setdefault("error", exc))
    qtbot.waitUntil(lambda: job_.is_finished, timeout=5000)  # type: ignore[attr-defined]
    assert seen["result"] == 42
    assert seen["worker"] != main
    assert seen["callback"] == main
    assert not runner.busy()


def test_error_and_cancel_are_reported(qtbot: object) -> None:
    runner = JobRunner()
    errors: list[BaseException] = []

    def failing(progress: JobProgress) -> None:
        raise ValueError("broken file")

    job = runner.run("fail", failing, lambda r: None, errors.append)
    qtbot.waitUntil(lambda: job.is_finished, timeout=5000)  # type: ignore[attr-defined]
    assert isinstance(errors[0], ValueError)

    started = threading.Event()

    def slow(progress: JobProgress) -> None:
        started.set()
        for _ in range(500):
            progress.check()
            time.sleep(0.01)

    job = runner.run("slow", slow, lambda r: None, errors.append)
    assert started.wait(5)
    job.progress.cancel()
    qtbot.waitUntil(lambda: job.is_finished, timeout=5000)  # type: ignore[attr-defined]
    assert isinstance(errors[1], JobCancelled)


def test_progress_shows_in_bar(qtbot: object) -> None:
    bar = JobBar()
    runner = JobRunner(bar)
    gate = threading.Event()

    def job(progress: JobProgress) -> None:
        progress.report(0.25, "reading")
        gate.wait(5)

    handle = runner.run("title", job, lambda r: None, lambda e: None)
    qtbot.waitUntil(lambda: bar.bar.value() == 250, timeout=5000)  # type: ignore[attr-defined]
    assert bar.label.text() == "reading"
    assert not bar.isHidden()
    gate.set()
    qtbot.waitUntil(lambda: handle.is_finished, timeout=5000)  # type: ignore[attr-defined]
    assert bar.isHidden()


@pytest.mark.parametrize("fraction", [-1.0, 2.0])
def test_progress_is_clamped(fraction: float) -> None:
    got: list[float] = []
    JobProgress(lambda f, m: got.append(f)).report(fraction, "")
    assert 0.0 <= got[0] <= 1.0
