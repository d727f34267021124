"""Training runs in a child process; the app's own process builds the plan from the forecast the
child prints (`suggest --format forecast`) without loading LightGBM, statsmodels or scipy (they
would stall the window). The child reports its progress on stderr (`suggest --progress`), which
the bar follows."""

from __future__ import annotations

import json
import logging
import os
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

import app.forecast_process as forecast_process
from app.forecast_process import (
    SHARE,
    ChildProgress,
    forecast_in_child,
    own_command,
    parse_progress,
)
from app.jobs import JobCancelled, JobProgress
from forecasting.models.persist import CACHE_ENV, ModelCache
from forecasting.plan_inputs import read_plan_inputs
from forecasting.store.file import Shop
from forecasting.texts import MESSAGES
from tests.app.conftest import ORDER_DAY

PLAN_WITHOUT_MODELS = """
import datetime as dt, json, sys
from forecasting.policy.plan import build_order_plan
from forecasting.store.file import Shop
with Shop.open(sys.argv[1]) as shop:
    plan = build_order_plan(shop, dt.date.fromisoformat(sys.argv[2]))
heavy = sorted(m for m in ("lightgbm", "statsmodels", "scipy") if m in sys.modules)
print(json.dumps({"lines": len(plan.lines), "loaded": heavy}))
"""


WORKER_AFTER_CHILD = """
import datetime as dt, json, os, subprocess, sys
from pathlib import Path
from app.commands.suggest import plan_json
from app.jobs import JobProgress
from app.session import compute_plan
from forecasting.models.persist import CACHE_ENV
real_popen = subprocess.Popen
def child_with_own_cache(*args, **kwargs):  # the child keeps its models where we never look
    kwargs["env"] = dict(kwargs["env"], **{CACHE_ENV: sys.argv[3]})
    return real_popen(*args, **kwargs)
subprocess.Popen = child_with_own_cache
plan, version = compute_plan(Path(sys.argv[1]), dt.date.fromisoformat(sys.argv[2]),
                             JobProgress(lambda f, m: None))
heavy = sorted(m for m in ("lightgbm", "statsmodels", "scipy") if m in sys.modules)
cache = Path(os.environ[CACHE_ENV])
print(json.dumps({"plan": plan_json(plan, "de"), "version": version, "loaded": heavy,
                  "own_cache": sorted(p.name for p in cache.rglob("*")) if cache.exists() else []}))
"""


def test_the_worker_plans_from_the_childs_forecast_alone(shop_path: Path, tmp_path: Path) -> None:
    """The child prints the forecast; the worker plans from it and the inputs it read once,
    without a saved forecast to look up (the child's model cache is not the worker's) and without
    the model libraries. The plan is the one `suggest` prints."""
    child_cache, worker_cache = tmp_path / "child-cache", tmp_path / "worker-cache"
    env = dict(os.environ, **{CACHE_ENV: str(worker_cache)})
    worker = subprocess.run([sys.executable, "-c", WORKER_AFTER_CHILD, str(shop_path),
                             ORDER_DAY.isoformat(), str(child_cache)],
                            capture_output=True, text=True, check=True, env=env)
    done = json.loads(worker.stdout)
    assert done["loaded"] == []
    assert done["own_cache"] == []  # nothing was looked up or trained here
    with Shop.open(shop_path) as shop:
        assert done["version"] == shop.plan_version()
    suggest = subprocess.run(
        [*own_command(), "--shop", str(shop_path), "suggest", "--date", ORDER_DAY.isoformat(),
         "--no-save", "--format", "json"],
        capture_output=True, text=True, check=True, env=dict(os.environ, **{CACHE_ENV: str(child_cache)}))
    printed = json.loads(suggest.stdout)
    for doc in (printed, done["plan"]):
        doc.pop("computed_at")
    assert done["plan"] == printed
    assert any(line["status"] == "order" for line in printed["lines"])


def _plan_in_fresh_process(path: Path) -> str:
    result = subprocess.run([sys.executable, "-c", PLAN_WITHOUT_MODELS, str(path),
                             ORDER_DAY.isoformat()], capture_output=True, text=True, check=True)
    return result.stdout


def test_source_install_runs_the_package(tmp_path: Path) -> None:
    assert own_command() == [sys.executable, "-m", "app"]


def test_after_the_child_the_plan_needs_no_model_library(shop_path: Path) -> None:
    fractions: list[float] = []
    assert _stored_models(shop_path) == 0
    forecast = forecast_in_child(shop_path, ORDER_DAY, JobProgress(lambda f, m: fractions.append(f)))
    assert forecast is not None
    assert _stored_models(shop_path) > 0
    assert fractions == sorted(fractions)
    assert '"loaded": []' in _plan_in_fresh_process(shop_path)
    # the printed forecast fits the shop's data until the data changes
    with Shop.open(shop_path) as shop:
        assert forecast.fits(read_plan_inputs(shop, ORDER_DAY))
        with shop.transaction():
            shop.mark_data_changed()
        assert not forecast.fits(read_plan_inputs(shop, ORDER_DAY))


def test_without_the_child_the_plan_loads_the_models(shop_path: Path) -> None:
    """The check above can fail: computing in-process does load the libraries."""
    assert '"loaded": []' not in _plan_in_fresh_process(shop_path)


@pytest.fixture(autouse=True)
def _own_model_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Copies of one shop share its model cache (by shop id): each test starts untrained."""
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "model-cache"))


def _stored_models(path: Path) -> int:
    """Entries in the shop's model cache (the child trains and stores, the shop file is only
    read)."""
    with Shop.open(path) as shop:
        return len(ModelCache.for_shop(shop.shop_id).names())


def test_cancel_kills_the_child_and_leaves_no_forecast(shop_path: Path) -> None:
    progress = JobProgress(lambda f, m: None)
    progress.cancel()
    started = time.monotonic()
    with pytest.raises(JobCancelled):
        forecast_in_child(shop_path, ORDER_DAY, progress)
    assert time.monotonic() - started < 5
    assert _stored_models(shop_path) == 0


def test_the_bar_follows_the_child_in_many_steps(shop_path: Path) -> None:
    reports: list[tuple[float, str]] = []
    assert forecast_in_child(shop_path, ORDER_DAY, JobProgress(lambda f, m: reports.append((f, m))))
    fractions = [f for f, _ in reports]
    assert fractions == sorted(fractions)
    from_child = {f for f, m in reports if m != "forecast.train"}
    assert len(from_child) > 10
    codes = {m for _, m in reports}
    assert {"forecast.lightgbm", "forecast.ets", "forecast.calibrate", "forecast.done"} <= codes
    assert codes <= set(MESSAGES)  # every code has words in the app
    assert fractions[-1] == pytest.approx(SHARE, abs=0.005)
    assert reports[-1][1] == "forecast.done"


LINE = re.compile(r"PROGRESS (0|1)\.\d{4} [a-z_.]+")


def test_suggest_progress_writes_lines_on_stderr_and_the_same_json(shop_path: Path) -> None:
    base = [*own_command(), "--shop", str(shop_path), "suggest", "--date", ORDER_DAY.isoformat(),
            "--no-save", "--format", "json"]
    with_progress = subprocess.run([*base, "--progress"], capture_output=True, text=True,
                                   check=True)
    lines = with_progress.stderr.splitlines()
    assert lines
    assert [line for line in lines if not LINE.fullmatch(line)] == []
    fractions = [float(line.split()[1]) for line in lines]
    assert fractions == sorted(fractions)
    assert fractions[0] == 0.0
    assert fractions[-1] == 1.0
    assert len(set(fractions)) > 10
    # the second run answers from the forecast the first one stored: same plan, no progress lines
    without = subprocess.run(base, capture_output=True, text=True, check=True)
    assert "PROGRESS" not in without.stderr
    first, second = json.loads(with_progress.stdout), json.loads(without.stdout)
    first.pop("computed_at")
    second.pop("computed_at")
    assert first == second
    assert first["lines"]


def test_progress_lines_are_parsed_strictly() -> None:
    assert parse_progress("PROGRESS 0.4200 forecast.lightgbm\n") == (0.42, "forecast.lightgbm")
    assert parse_progress("PROGRESS 1.5 forecast.done") == (1.0, "forecast.done")
    for line in ("PROGRESS nan x", "PROGRESS 0.4", "Traceback (most recent call last):",
                 "progress 0.4 x", "PROGRESS 0.4 forecast.ets extra"):
        assert parse_progress(line) is None


def test_child_fractions_fill_the_share_left_after_the_waiting() -> None:
    shown: list[tuple[float, str]] = []
    bar = ChildProgress(JobProgress(lambda f, m: shown.append((f, m))))
    bar.waited(15.0)  # time-based: SHARE * (1 - 1/e)
    waited = shown[-1][0]
    assert waited == pytest.approx(SHARE * 0.632, abs=0.01)
    bar.child(0.0, "forecast.read")  # the child's start does not move the bar back
    bar.waited(60.0)  # once the child reports, time no longer moves the bar
    bar.child(0.5, "forecast.ets")
    assert shown[-1] == (pytest.approx(waited + (SHARE - waited) / 2), "forecast.ets")
    bar.child(0.25, "forecast.ets")
    bar.child(1.0, "forecast.done")
    assert [f for f, _ in shown] == sorted(f for f, _ in shown)
    assert shown[-1] == (pytest.approx(SHARE), "forecast.done")


NOISY_CHILD = """
import sys
for i in range(20000):  # ~0.5 MB, far more than a pipe holds: blocks unless the parent reads
    sys.stderr.write(f"PROGRESS {i / 20000:.4f} forecast.ets\\n" if i % 2 else f"noise {i}\\n")
sys.stderr.write("ValueError: the last words\\n")
sys.exit(3)
"""


def test_a_failing_child_is_drained_and_its_last_lines_logged(
        shop_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setattr(forecast_process, "own_command", lambda: [sys.executable, "-c", NOISY_CHILD])
    fractions: list[float] = []
    progress = JobProgress(lambda f, m: fractions.append(f))
    deadline = threading.Timer(10, progress.cancel)  # a blocked child fails the test, not hangs
    deadline.start()
    try:
        with caplog.at_level(logging.WARNING, logger="app.forecast_process"):
            assert not forecast_in_child(shop_path, ORDER_DAY, progress)
    finally:
        deadline.cancel()
    assert "ValueError: the last words" in caplog.text
    assert "noise 19998" in caplog.text
    assert "noise 100" not in caplog.text  # only the last lines are kept
    assert fractions == sorted(fractions)
    assert fractions[-1] == pytest.approx(SHARE, abs=0.01)


def test_cancel_while_the_child_reports_kills_it(shop_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    children: list[subprocess.Popen[str]] = []
    real_popen = subprocess.Popen

    def recording_popen(*args: object, **kwargs: object) -> subprocess.Popen[str]:
        children.append(real_popen(*args, **kwargs))  # type: ignore[call-overload]
        return children[-1]

    monkeypatch.setattr(forecast_process.subprocess, "Popen", recording_popen)
    progress = JobProgress(lambda f, m: progress.cancel() if m != "forecast.train" else None)
    with pytest.raises(JobCancelled):
        forecast_in_child(shop_path, ORDER_DAY, progress)
    assert len(children) == 1
    assert children[0].poll() is not None
    assert children[0].returncode != 0
    assert _stored_models(shop_path) == 0
