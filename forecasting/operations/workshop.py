"""Workshop steps that write or merge files, the same for the window and `bestellkompass
workshop`: score a participant's orders into a result file, merge a results folder."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from forecasting.workshop.files import write_result
from forecasting.workshop.report import collect, result_paths
from forecasting.workshop.scenario import Scenario
from forecasting.workshop.scoring import result_of, score_orders


def save_result(scenario: Scenario, participant: str, orders: pd.DataFrame,
                out: Path) -> dict[str, Any]:
    """Score `orders` (date, product, quantity) and write the participant's .bkresult to `out`;
    returns the result (its totals are what the participant is shown)."""
    result = result_of(scenario, participant, score_orders(scenario, orders))
    write_result(result, Path(out))
    return result


def group_report(paths: Sequence[Path]) -> dict[str, Any]:
    """The group report of result files and folders (a folder: the .bkresult files in it)."""
    return collect(result_paths([Path(p) for p in paths]))
