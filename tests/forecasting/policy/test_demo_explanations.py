"""Acceptance: on both demo shops, every line of a month of suggestions explains itself exactly.

The forecast for the month is computed once per shop (the demo files are copied first, since the
forecasting core may store its trained model in the shop file); then the plan of every day is built
from it. For each line the displayed step amounts must add up to the displayed forecast (factor
steps) and to the displayed suggestion (all steps), in German and English words alike.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from forecasting.policy.explain_text import explanation_items, explanation_lines, reason_line
from forecasting.policy.plan import build_order_plan, days_needed, forecast_days
from forecasting.shopfile import Shop
from forecasting.texts import format_number

FIRST = dt.date(2026, 11, 26)
MONTH = [FIRST + dt.timedelta(days=k) for k in range(30)]


def _check_month(path: Path, tmp: Path) -> int:
    copy = tmp / path.name
    shutil.copy(path, copy)
    checked = 0
    with Shop.open(copy) as shop:
        needed = sorted({d for day in MONTH for d in days_needed(shop, day)})
        result = forecast_days(shop, needed)
        for day in MONTH:
            plan = build_order_plan(shop, day, result=result)
            for line in plan.lines:
                expl = line.explanation
                shown = expl.displayed_amounts()
                n = len(expl.forecast_steps)
                assert sum(shown[:n]) == pytest.approx(expl.displayed_forecast(), abs=1e-9)
                assert sum(shown) == pytest.approx(expl.displayed_suggestion(), abs=1e-9)
                assert expl.displayed_suggestion() == pytest.approx(line.suggestion, abs=1e-9)
                if line.status != "order":
                    assert line.suggestion == 0
                    continue
                assert expl.steps[0].code == "baseline"
                for lang in ("de", "en"):
                    items = explanation_items(expl, lang)
                    assert sum(i["amount"] for i in items) == pytest.approx(line.suggestion)
                    assert all(i["label"] and "{" not in i["label"] for i in items)
                    shown_total = format_number(expl.displayed_suggestion(), lang, expl.decimals)
                    assert explanation_lines(expl, lang)[-1].endswith(" " + shown_total)
                    assert "{" not in reason_line(expl, lang)
                checked += 1
    return checked


@pytest.mark.slow
def test_bakery_month_explanations_add_up(demo_bakery_path: Path, tmp_path: Path) -> None:
    assert _check_month(demo_bakery_path, tmp_path) > 25 * 25


@pytest.mark.slow
def test_deli_month_explanations_add_up(demo_deli_path: Path, tmp_path: Path) -> None:
    assert _check_month(demo_deli_path, tmp_path) > 20 * 30
