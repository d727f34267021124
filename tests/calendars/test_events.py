"""Event columns per kind: active (strength-weighted), first day, days into the event."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from calendars.days import day_range
from calendars.events import EVENT_KINDS, event_part


def _events() -> pd.DataFrame:
    return pd.DataFrame({
        "kind": ["town_festival", "town_festival", "weekly_market", "unknown_kind"],
        "name": ["Altstadtfest", "Weinfest", "Markt", "x"],
        "start_date": pd.to_datetime(["2025-08-28", "2025-08-30", "2025-08-30", "2025-08-30"]),
        "end_date": pd.to_datetime(["2025-08-31", "2025-08-30", "2025-08-30", "2025-08-30"]),
        "strength": [1.5, None, None, None],
    })


def test_columns_for_every_kind_even_without_events() -> None:
    part = event_part(day_range(dt.date(2025, 1, 1), dt.date(2025, 1, 3)), None)
    assert len(part.columns) == 3 * len(EVENT_KINDS)
    assert {label.group for label in part.labels.values()} == {f"event_{k}" for k in EVENT_KINDS}


def test_active_first_day_and_days_into_the_event() -> None:
    days = day_range(dt.date(2025, 8, 29), dt.date(2025, 9, 1))  # starts inside the festival
    part = event_part(days, _events())
    assert part.columns["event_town_festival"].tolist() == [1.5, 1.5, 1.5, 0.0]
    assert part.columns["event_town_festival_first"].tolist() == [0, 1, 0, 0]
    assert part.columns["event_town_festival_day"].tolist() == [2, 3, 4, 0]
    assert part.columns["event_weekly_market"].tolist() == [0, 1, 0, 0]
    assert part.notes[0].de[1] == "Altstadtfest; Weinfest; Markt"
