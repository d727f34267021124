"""Which of a participant's departures from the suggestion helped and which hurt.

An override is a product-day on which the participant ordered other than Bestellkompass
suggested. Grouped by direction (up, down) and size (small: less than one pack or 10 % of the
suggestion, whichever is more; large: more), each group says how often it happened and what it
did to the margin, the waste and the sold-out days against the suggestion on the same days
(research on forecast overrides: small and upward ones tend to hurt, large informed ones help).
`occasion_groups` groups the same overrides by the day's occasion (holiday, event, weather, ...).
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from forecasting.workshop.occasions import OCCASIONS
from forecasting.workshop.scoring import MODEL, PARTICIPANT

SMALL_SHARE = 0.10
GROUPS = ("up_small", "up_large", "down_small", "down_large")


def _sides(columns: list[str], rows: list[list[Any]]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The participant's and the model's product-day rows, aligned on (date, product)."""
    frame = pd.DataFrame(rows, columns=columns)
    keys = ["date", "product"]
    mine = frame[frame["policy"] == PARTICIPANT].set_index(keys)
    model = frame[frame["policy"] == MODEL].set_index(keys).reindex(mine.index)
    return mine, model


def _effect(mine: pd.DataFrame, model: pd.DataFrame, rows_in: pd.Series) -> dict[str, float | int]:
    """How often, and margin/waste/sold-out days of the participant minus the model's, on the
    product-days `rows_in`."""
    gain = mine["margin"] - model["margin"]
    return {
        "overrides": int(rows_in.sum()),
        "margin": round(float(gain[rows_in].sum()), 2),
        "waste": round(float((mine["waste"] - model["waste"])[rows_in].sum()), 2),
        "sellout_days": int((mine["sellout_days"] - model["sellout_days"])[rows_in].sum()),
        "helped": int((gain > 1e-9)[rows_in].sum()),
        "hurt": int((gain < -1e-9)[rows_in].sum()),
    }


def override_groups(columns: list[str], rows: list[list[Any]], packs: dict[str, float]
                    ) -> dict[str, dict[str, float | int]]:
    """Per group: overrides, margin/waste/sold-out days of the participant minus the model's."""
    mine, model = _sides(columns, rows)
    gap = mine["ordered"] - model["ordered"]
    pack = pd.Series([packs.get(p, 1.0) for _, p in mine.index], index=mine.index)
    small = gap.abs() <= pd.concat([pack, SMALL_SHARE * model["ordered"]], axis=1).max(axis=1)
    direction = pd.Series(["up" if g > 0 else "down" for g in gap], index=mine.index)
    group = direction + "_" + small.map({True: "small", False: "large"})
    return {name: _effect(mine, model, (gap.abs() > 1e-9) & (group == name))
            for name in GROUPS}


def occasion_groups(columns: list[str], rows: list[list[Any]], occasions: dict[str, str]
                    ) -> dict[str, dict[str, float | int]]:
    """Per occasion (forecasting/workshop/occasions.py, in its order): the days of that kind,
    the overrides on them and what they did against the suggestion on the same product-days;
    empty when the result keeps no occasions (made before they were kept)."""
    if not occasions:
        return {}
    mine, model = _sides(columns, rows)
    gap = mine["ordered"] - model["ordered"]
    dates = [str(d)[:10] for d, _ in mine.index]
    kind = pd.Series([occasions.get(d, "normal") for d in dates], index=mine.index)
    out = {}
    for name in OCCASIONS:
        effect = _effect(mine, model, (gap.abs() > 1e-9) & (kind == name))
        out[name] = {"days": sum(1 for v in occasions.values() if v == name), **effect}
    return out
