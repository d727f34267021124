"""Sell-out detection and the censored-demand treatment."""

from __future__ import annotations

import numpy as np
import pandas as pd

from forecasting.models.censoring import censored_mask, uncensor


def _frame(rows: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["product", "date", "quantity", "produced", "leftover",
                                       "sold_out_time"]).assign(date=lambda f: pd.to_datetime(f["date"]))


def test_sell_out_signals() -> None:
    sales = _frame([
        ("a", "2025-01-01", 40, 40, 0, None),  # books balance, nothing left: sold out
        ("a", "2025-01-02", 31, 40, 9, None),  # leftover: not censored
        ("a", "2025-01-03", 12, None, None, "11:30"),  # sold-out time
        ("b", "2025-01-01", 6, 36, 0, None),  # stocked good: delivery 36, written off 0
        ("b", "2025-01-02", 20, 20, None, None),  # only production recorded, all sold
        ("b", "2025-01-03", 0, None, None, None),
    ])
    dates = pd.date_range("2025-01-01", "2025-01-03")
    mask = censored_mask(sales, dates, ["a", "b"])
    assert mask[:, 0].tolist() == [True, False, True]
    assert mask[:, 1].tolist() == [False, True, False]


def test_uncensor_raises_sell_out_days_only_and_uses_the_past() -> None:
    rng = np.random.default_rng(0)
    n = 140
    y = rng.normal(100, 10, (n, 1))
    censored = np.zeros((n, 1), dtype=bool)
    censored[100, 0] = True
    y[100, 0] = 80.0  # sold out at 80 on a day whose typical demand is 100
    out = uncensor(y, censored)
    assert out[100, 0] > 95.0
    np.testing.assert_array_equal(np.delete(out, 100), np.delete(y, 100))
    later = y.copy()
    later[101:] = 1000.0  # the future does not move the estimate
    assert uncensor(later, censored)[100, 0] == out[100, 0]


def test_uncensor_never_lowers() -> None:
    y = np.full((70, 1), 50.0)
    censored = np.zeros((70, 1), dtype=bool)
    censored[60, 0] = True
    y[60, 0] = 200.0
    assert uncensor(y, censored)[60, 0] >= 200.0


def test_uncensor_works_for_a_shop_younger_than_its_weeks_of_history() -> None:
    # a new shop's first 30 days (fewer than the 8 weeks looked back) with one sell-out
    y = np.full((30, 2), 40.0)
    censored = np.zeros((30, 2), dtype=bool)
    censored[22, 1] = True
    y[22, 1] = 30.0  # sold out at 30 on a Thursday whose three earlier Thursdays sold 40
    out = uncensor(y, censored)
    assert out[22, 1] > 30.0
    np.testing.assert_array_equal(out[:, 0], y[:, 0])
    for n in range(1, 60):  # every length up to and past the 8 weeks
        uncensor(np.full((n, 1), 5.0), np.ones((n, 1), dtype=bool))
