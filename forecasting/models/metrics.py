"""Forecast metrics on the long predictions table: WAPE, scaled pinball loss, coverage."""

from __future__ import annotations

import numpy as np
import pandas as pd

from forecasting.schema import quantile_column


def pinball(y: np.ndarray, q: np.ndarray, tau: float) -> np.ndarray:
    """Pinball (quantile) loss per observation."""
    diff = np.asarray(y, dtype=float) - np.asarray(q, dtype=float)
    return np.where(diff >= 0, tau * diff, (tau - 1) * diff)


def scaled_pinball(y: np.ndarray, q: np.ndarray, tau: float) -> float:
    """sum(pinball_tau) / sum(y): comparable across shops of any size."""
    return float(pinball(y, q, tau).sum() / np.sum(y))


def wape(y: np.ndarray, median: np.ndarray) -> float:
    """Weighted absolute percentage error of the median: sum|y - q0.5| / sum(y)."""
    return float(np.abs(np.asarray(y) - np.asarray(median)).sum() / np.sum(y))


def coverage(y: np.ndarray, q: np.ndarray) -> float:
    """Share of observations at or below the quantile forecast."""
    return float(np.mean(np.asarray(y) <= np.asarray(q)))


def score(frame: pd.DataFrame, levels: tuple[float, ...] = (0.5, 0.7, 0.9)) -> dict[str, float]:
    """All metrics for a frame with an `actual` column and q-columns (one model)."""
    y = frame["actual"].to_numpy(dtype=float)
    out = {"wape": wape(y, frame[quantile_column(0.5)].to_numpy(dtype=float))}
    for tau in levels:
        q = frame[quantile_column(tau)].to_numpy(dtype=float)
        out[f"pinball_{tau:g}"] = scaled_pinball(y, q, tau)
        if tau != 0.5:
            out[f"coverage_{tau:g}"] = coverage(y, q)
    out["n"] = float(len(frame))
    return out
