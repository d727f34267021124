"""Acceptance: on both demo shops, suggestions over a month explain themselves exactly.

Plan days are spread over the month (bakery: every third day, so every weekday, the Advent
weeks and the days before Christmas come up; deli: five days, see DELI_DAYS). The forecasting
core trains and calibrates per horizon, which costs seconds per day ahead, so the forecast for
all days the plans need is made once per shop, with the public `forecast` on the last nine months of sales and eight quantile levels (the bakery
with every third product, the deli with the first product of each delivery schedule, each still
with its supplier, lead time, delivery days, shelf life and stock). Then the plan of every day is
built from it; for each line the displayed step amounts must add up to the displayed forecast
(factor steps) and to the displayed suggestion (all steps), in German and English words alike.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from forecasting.models.forecaster import forecast
from forecasting.models.shop_forecast import shop_features
from forecasting.policy.explain_text import explanation_items, explanation_lines, reason_line
from forecasting.policy.plan import build_order_plan, days_needed
from forecasting.store.file import Shop
from forecasting.store.products import load_products, save_product
from forecasting.store.sales import read_sales
from forecasting.texts import format_number
from forecasting.values.products import Product

FIRST = dt.date(2026, 11, 26)
BAKERY_DAYS = [FIRST + dt.timedelta(days=3 * k) for k in range(10)]  # 26.11. .. 23.12.
#: An order for goods that keep needs forecasts up to a week ahead: fewer days, wider apart
#: (Thursday to Monday, then the last Saturday before Christmas).
DELI_DAYS = [*(FIRST + dt.timedelta(days=6 * k) for k in range(4)), dt.date(2026, 12, 19)]
HISTORY_FROM = dt.date(2026, 3, 1)
LEVELS = (0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99)


def _month_result(shop: Shop, days: list[dt.date]) -> object:
    """One forecast for every day the plans for `days` need."""
    needed = sorted({d for day in days for d in days_needed(shop, day)})
    products = load_products(shop, active_only=True)
    sales = read_sales(shop, HISTORY_FROM)
    sales = sales[sales["product"].isin([p.name for p in products])]
    features = shop_features(shop, HISTORY_FROM, max(needed))
    return forecast(sales, features, needed, levels=LEVELS, products=products)


def _check_line(line: object) -> bool:
    """Asserts the line's faithfulness; True when it is a real order (with words to check)."""
    expl = line.explanation  # type: ignore[attr-defined]
    shown = expl.displayed_amounts()
    n = len(expl.forecast_steps)
    assert sum(shown[:n]) == pytest.approx(expl.displayed_forecast(), abs=1e-9)
    assert sum(shown) == pytest.approx(expl.displayed_suggestion(), abs=1e-9)
    assert expl.displayed_suggestion() == pytest.approx(line.suggestion, abs=1e-9)  # type: ignore[attr-defined]
    if line.status != "order":  # type: ignore[attr-defined]
        assert line.suggestion == 0  # type: ignore[attr-defined]
        return False
    assert expl.steps[0].code == "baseline"
    for lang in ("de", "en"):
        items = explanation_items(expl, lang)
        assert sum(i["amount"] for i in items) == pytest.approx(line.suggestion)  # type: ignore[attr-defined]
        assert all(i["label"] and "{" not in i["label"] for i in items)
        shown_total = format_number(expl.displayed_suggestion(), lang, expl.decimals)
        assert explanation_lines(expl, lang)[-1].endswith(" " + shown_total)
        assert "{" not in reason_line(expl, lang)
    return True


def _keep(shop: Shop, wanted: Callable[[int, Product], bool]) -> None:
    """Set the products not wanted inactive (the plan leaves them out)."""
    for i, product in enumerate(load_products(shop, active_only=True)):
        if not wanted(i, product):
            save_product(shop, dataclasses.replace(product, active=False))


def _one_per_schedule(shop: Shop) -> Callable[[int, Product], bool]:
    """The first product of each delivery schedule (weekdays and lead time)."""
    first: dict[tuple[tuple[int, ...], int], str] = {}
    for p in load_products(shop, active_only=True):
        first.setdefault((p.delivery_weekdays, p.lead_time_days), p.name)
    return lambda _, p: first[(p.delivery_weekdays, p.lead_time_days)] == p.name


def _check_month(path: Path, tmp: Path, sample: str, days: list[dt.date]) -> tuple[int, set[str]]:
    """(order lines checked, step codes seen) over `days` for a sample of the products:
    "third" (every third) or "schedule" (the first of each delivery schedule)."""
    copy = tmp / path.name
    shutil.copy(path, copy)
    checked, codes = 0, set()
    with Shop.open(copy) as shop:
        _keep(shop, _one_per_schedule(shop) if sample == "schedule" else lambda i, _: i % 3 == 0)
        result = _month_result(shop, days)
        for day in days:
            for line in build_order_plan(shop, day, result=result).lines:
                if _check_line(line):
                    checked += 1
                    codes |= {s.code for s in line.explanation.steps}
    return checked, codes


@pytest.mark.slow
def test_bakery_month_explanations_add_up(demo_bakery_path: Path, tmp_path: Path) -> None:
    checked, codes = _check_month(demo_bakery_path, tmp_path, "third", BAKERY_DAYS)
    assert checked > 8 * 10
    assert {"baseline", "safety", "rounding"} <= codes


@pytest.mark.slow
def test_deli_month_explanations_add_up(demo_deli_path: Path, tmp_path: Path) -> None:
    checked, codes = _check_month(demo_deli_path, tmp_path, "schedule", DELI_DAYS)
    assert checked > 4 * 5
    assert {"baseline", "safety", "stock_on_hand"} <= codes
