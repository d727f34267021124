"""Two weeks of the demo deli played evening by evening as the app is used (benchmarks/stock_loop.py):
orders accepted on the sheet are never forgotten, the shelf does not grow, and the suggestions
waste no more than "order up to last week's sales" at fewer sell-out days."""

from __future__ import annotations

import datetime as dt
import importlib
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"
PRODUCTS = ["Büffelmozzarella 125 g", "Hummus", "Kürbissuppe 0,5 l", "Ciabatta"]
START = dt.date(2026, 9, 7)


@pytest.fixture
def loop(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.syspath_prepend(str(BENCHMARKS))
    module = importlib.import_module("stock_loop")
    yield module
    sys.modules.pop("stock_loop", None)


@pytest.mark.slow
def test_two_weeks_of_evenings_keep_the_shelf_right(loop, tmp_path: Path) -> None:
    path = tmp_path / "deli.bkshop"
    truth = loop.prepare(path, START, 2)
    scores = {policy: loop.play(path, truth, START, 2, policy, PRODUCTS)
              for policy in ("ours", "rule")}
    ours, rule = scores["ours"], scores["rule"]
    assert ours.forgotten == 0  # every evening the sheet knew what was on order
    products = {p.name: p for p in loop.load_products_of(path) if p.name in PRODUCTS}
    _, figures = loop.table(scores, products)
    assert figures["ours"]["over"] == []  # no shelf above 1.3x its delivery cycle's demand
    assert sum(ours.waste.values()) <= sum(rule.waste.values())
    assert sum(ours.sellout_days.values()) < sum(rule.sellout_days.values())
    for name in PRODUCTS:  # the order is not placed twice: what came is about what sold
        assert ours.bought[name] <= 1.5 * ours.demand[name] + 12
