"""Yearly occasions: each is matched to the same occasion last time, never to a later day."""

from __future__ import annotations

import numpy as np
import pandas as pd

from forecasting.models.occasions import last_time, matches, special_days

DATES = pd.date_range("2024-01-01", "2027-12-31", freq="D")


def _matched(match: np.ndarray, day: str) -> pd.Timestamp | None:
    k = match[DATES.get_loc(pd.Timestamp(day))]
    return DATES[k] if k >= 0 else None


def test_an_occasion_is_matched_to_its_previous_occurrence(features_nw) -> None:
    match = matches(features_nw, DATES)
    assert _matched(match, "2025-12-31") == pd.Timestamp("2024-12-31")  # Silvester
    assert _matched(match, "2026-04-04") == pd.Timestamp("2025-04-19")  # Karsamstag moves
    assert _matched(match, "2026-05-14") == pd.Timestamp("2025-05-29")  # Christi Himmelfahrt
    assert _matched(match, "2025-03-12") is None  # a usual Wednesday
    assert _matched(match, "2024-03-12") is None  # nothing earlier in the table
    assert (match < np.arange(len(DATES))).all()  # always an earlier day


def test_frequent_labels_are_no_occasions(features_nw) -> None:
    match = matches(features_nw, DATES)
    labels = features_nw.day_labels("en")
    assert "payday" in labels[pd.Timestamp("2025-01-31")]  # paydays only, every month
    assert _matched(match, "2025-01-31") is None


def test_special_days_are_short_occasions(features_nw) -> None:
    special = pd.Series(special_days(features_nw, DATES), index=DATES)
    assert special["2025-12-31"]
    assert special["2025-12-24"]
    assert special["2025-04-19"]
    assert not special["2025-03-12"]
    assert not special["2025-08-05"]  # inside the six weeks of summer holidays: not special
    assert special.mean() < 0.15


def test_without_a_calendar_nothing_is_matched() -> None:
    assert (matches(None, DATES) == -1).all()
    assert not special_days(None, DATES).any()


def test_last_time_only_uses_days_known_at_the_origin() -> None:
    ratio = np.arange(20, dtype=float)[:, None] * np.ones((1, 2))
    match = np.full(20, -1)
    match[10] = 3  # known at every horizon up to 7
    match[12] = 11  # only known one day ahead
    one = last_time(ratio, match, 1)
    two = last_time(ratio, match, 2)
    assert one[10, 0] == 3.0
    assert two[10, 1] == 3.0
    assert one[12, 0] == 11.0
    assert np.isnan(two[12]).all()
    assert np.isnan(one[:10]).all()
