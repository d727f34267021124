"""Read one product-day's quantile grid, contributions and notes out of a forecast result.

Works on the forecasting core's `ForecastResult` (quantiles, contributions, model, notes frames),
or on any object with the same frames, so the policy can be tested without training a model.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from forecasting.models.forecaster import ForecastResult
from forecasting.policy.explanation import Note


def level_of(column: str) -> float | None:
    """"q0.05" -> 0.05; None for other columns."""
    if not column.startswith("q"):
        return None
    try:
        return float(column[1:])
    except ValueError:
        return None


class ForecastLookup:
    """Fast access by (product, day) to a forecast result's frames."""

    def __init__(self, result: ForecastResult) -> None:
        q = result.quantiles.copy()
        q["date"] = pd.to_datetime(q["date"]).dt.normalize()
        cols = [c for c in q.columns if level_of(str(c)) is not None]
        cols.sort(key=lambda c: level_of(str(c)) or 0.0)
        self.levels = np.array([level_of(str(c)) for c in cols], dtype=float)
        keys = list(zip(q["product"].astype(str), q["date"], strict=True))
        values = q[cols].to_numpy(dtype=float)
        self._rows = {k: values[i] for i, k in enumerate(keys)}
        self._contribs: dict[tuple[str, pd.Timestamp], list[tuple[str, float]]] = {}
        c = getattr(result, "contributions", None)
        if c is not None and not c.empty:
            c = c.copy()
            c["date"] = pd.to_datetime(c["date"]).dt.normalize()
            for p, d, g, a in zip(c["product"], c["date"], c["group"], c["amount"], strict=True):
                self._contribs.setdefault((str(p), d), []).append((str(g), float(a)))
        model = getattr(result, "model", None)
        self._model = {str(k): str(v) for k, v in model.items()} if model is not None else {}
        notes = getattr(result, "notes", None)
        self._notes = notes if notes is not None else pd.DataFrame()

    def has(self, product: str, day: dt.date) -> bool:
        """Whether the result holds a forecast for this product and day."""
        return (product, pd.Timestamp(day)) in self._rows

    def grid(self, product: str, day: dt.date) -> np.ndarray:
        """The quantile values at `levels` for one product and day."""
        return self._rows[(product, pd.Timestamp(day))]

    def contributions(self, product: str, day: dt.date) -> list[tuple[str, float]]:
        """(group, amount) pairs that add up to the median (empty if the result has none)."""
        return self._contribs.get((product, pd.Timestamp(day)), [])

    def model(self, product: str) -> str:
        """The model name used for the product."""
        return self._model.get(product, "")

    def notes(self, product: str) -> list[Note]:
        """Thin-history notes: how many days, and whether it borrows from its category ("*": the
        whole shop)."""
        frame = self._notes
        if frame.empty:
            return []
        row = frame.loc[product] if product in frame.index else None
        if row is None and "product" in frame.columns:
            hit = frame[frame["product"] == product]
            row = hit.iloc[0] if not hit.empty else None
        if row is None or not bool(row.get("thin_history", False)):
            return []
        out = [Note("thin_history", {"days": int(row.get("history_days", 0) or 0)})]
        borrowed = row.get("borrowed_from")
        if isinstance(borrowed, str) and borrowed and borrowed != "*":
            out.append(Note("borrowed_from", {"category": borrowed}))
        elif borrowed == "*":
            out.append(Note("borrowed_shop", {}))
        else:
            out.append(Note("own_average", {}))
        return out
