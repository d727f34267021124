"""Which of a participant's departures from the suggestion helped and which hurt.

An override is a product-day on which the participant ordered other than Bestellkompass
suggested. Grouped by direction (up, down) and size (small: less than one pack or 10 % of the
suggestion, whichever is more; large: more), each group says how often it happened and what it
did to the margin, the waste and the sold-out days against the suggestion on the same days
(research on forecast overrides: small and upward ones tend to hurt, large informed ones help).
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from forecasting.workshop.scoring import MODEL, PARTICIPANT

SMALL_SHARE = 0.10
GROUPS = ("up_small", "up_large", "down_small", "down_large")


def override_groups(columns: list[str], rows: list[list[Any]], packs: dict[str, float]
                    ) -> dict[str, dict[str, float | int]]:
    """Per group: overrides, margin/waste/sold-out days of the participant minus the model's."""
    frame = pd.DataFrame(rows, columns=columns)
    keys = ["date", "product"]
    mine = frame[frame["policy"] == PARTICIPANT].set_index(keys)
    model = frame[frame["policy"] == MODEL].set_index(keys).reindex(mine.index)
    gap = mine["ordered"] - model["ordered"]
    pack = pd.Series([packs.get(p, 1.0) for _, p in mine.index], index=mine.index)
    small = gap.abs() <= pd.concat([pack, SMALL_SHARE * model["ordered"]], axis=1).max(axis=1)
    direction = pd.Series(["up" if g > 0 else "down" for g in gap], index=mine.index)
    group = direction + "_" + small.map({True: "small", False: "large"})
    out: dict[str, dict[str, float | int]] = {}
    for name in GROUPS:
        rows_in = (gap.abs() > 1e-9) & (group == name)
        out[name] = {
            "overrides": int(rows_in.sum()),
            "margin": round(float((mine["margin"] - model["margin"])[rows_in].sum()), 2),
            "waste": round(float((mine["waste"] - model["waste"])[rows_in].sum()), 2),
            "sellout_days": int((mine["sellout_days"] - model["sellout_days"])[rows_in].sum()),
            "helped": int(((mine["margin"] - model["margin"]) > 1e-9)[rows_in].sum()),
            "hurt": int(((mine["margin"] - model["margin"]) < -1e-9)[rows_in].sum()),
        }
    return out
