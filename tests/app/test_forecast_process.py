"""Training runs in a child process; the app's own process builds the plan from the stored
forecast without loading LightGBM, statsmodels or scipy (they would stall the window)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.forecast_process import forecast_in_child, own_command
from app.jobs import JobCancelled, JobProgress
from tests.app.conftest import ORDER_DAY

PLAN_WITHOUT_MODELS = """
import datetime as dt, json, sys
from forecasting.policy.plan import build_order_plan
from forecasting.shopfile import Shop
with Shop.open(sys.argv[1]) as shop:
    plan = build_order_plan(shop, dt.date.fromisoformat(sys.argv[2]))
heavy = sorted(m for m in ("lightgbm", "statsmodels", "scipy") if m in sys.modules)
print(json.dumps({"lines": len(plan.lines), "loaded": heavy}))
"""


def _plan_in_fresh_process(path: Path) -> str:
    result = subprocess.run([sys.executable, "-c", PLAN_WITHOUT_MODELS, str(path),
                             ORDER_DAY.isoformat()], capture_output=True, text=True, check=True)
    return result.stdout


def test_source_install_runs_the_package(tmp_path: Path) -> None:
    assert own_command() == [sys.executable, "-m", "app"]


def test_after_the_child_the_plan_needs_no_model_library(shop_path: Path) -> None:
    fractions: list[float] = []
    assert _stored_models(shop_path) == 0
    assert forecast_in_child(shop_path, ORDER_DAY, JobProgress(lambda f, m: fractions.append(f)))
    assert _stored_models(shop_path) > 0
    assert fractions == sorted(fractions)
    assert '"loaded": []' in _plan_in_fresh_process(shop_path)


def test_without_the_child_the_plan_loads_the_models(shop_path: Path) -> None:
    """The check above can fail: computing in-process does load the libraries."""
    assert '"loaded": []' not in _plan_in_fresh_process(shop_path)


def _stored_models(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        return int(conn.execute("SELECT count(*) FROM models").fetchone()[0])


def test_cancel_kills_the_child_and_leaves_no_forecast(shop_path: Path) -> None:
    progress = JobProgress(lambda f, m: None)
    progress.cancel()
    started = time.monotonic()
    with pytest.raises(JobCancelled):
        forecast_in_child(shop_path, ORDER_DAY, progress)
    assert time.monotonic() - started < 5
    assert _stored_models(shop_path) == 0
