"""The look-ahead benchmark may see a day's surroundings, never the day's own amount."""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


@pytest.fixture
def hindsight(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.syspath_prepend(str(BENCHMARKS))
    module = importlib.import_module("hindsight_bound")
    yield module
    sys.modules.pop("hindsight_bound", None)


def shop_folder(folder: Path, poison: float | None = None) -> Path:
    """Two products over 120 days; optionally one amount of one day replaced."""
    days = pd.date_range("2024-01-01", periods=120, freq="D")
    rng = np.random.default_rng(3)
    rows = [{"date": d.strftime("%Y-%m-%d"), "product": p, "quantity": float(rng.poisson(lam))}
            for d in days for p, lam in (("Brot", 40), ("Brezel", 15))]
    if poison is not None:
        rows[2 * 60]["quantity"] = poison  # Brot on day 60
    folder.mkdir()
    pd.DataFrame(rows).to_csv(folder / "SALES.csv", index=False)
    (folder / "shop.json").write_text(json.dumps({"state": "BY"}))
    return folder


def test_a_days_own_amount_never_reaches_its_features(hindsight, tmp_path: Path) -> None:
    rows = {}
    for name, poison in (("plain", None), ("poisoned", 900.0)):
        folder = shop_folder(tmp_path / name, poison)
        sales = pd.read_csv(folder / "SALES.csv", parse_dates=["date"])
        rows[name] = hindsight.design(folder, hindsight.wide_sales(sales)).set_index(["date", "product"])
    at = (pd.Timestamp("2024-03-01"), "Brot")
    plain, poisoned = rows["plain"].loc[at], rows["poisoned"].loc[at]
    assert poisoned["actual"] == 900.0
    assert plain["actual"] != 900.0
    features = plain.index.drop("actual")
    pd.testing.assert_series_equal(plain[features], poisoned[features])
    # the surroundings do see it: the same weekday a week later, the other product the same day
    later = (pd.Timestamp("2024-03-08"), "Brot")
    assert rows["poisoned"].loc[later, "before_1"] == 900.0
    other = (pd.Timestamp("2024-03-01"), "Brezel")
    assert rows["poisoned"].loc[other, "others_today"] != rows["plain"].loc[other, "others_today"]


def test_each_day_is_predicted_without_its_own_row(hindsight) -> None:
    rows = pd.DataFrame({"date": np.repeat(pd.date_range("2024-01-01", periods=200), 2),
                         "product": ["a", "b"] * 200})
    fold = hindsight.folds(rows)
    assert set(np.unique(fold)) == set(range(hindsight.FOLDS))
    # both products of a day are left out together
    assert (fold[::2] == fold[1::2]).all()
