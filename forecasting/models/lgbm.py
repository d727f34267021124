"""The global LightGBM model: one model for all products of a shop, on a per-product-scaled target.

The target is demand / s (s = the product's typical amount for that weekday), so a prediction is
s * f(x) and the SHAP values of f times s add up exactly to the prediction on the original scale.
"""

from __future__ import annotations

from typing import Any

import numpy as np

# One thread: the shop PC is shared with the app, and OpenMP spinning on a busy 2-core machine
# costs far more than it gains (measured: 1.0 s with 1 thread vs 4-11 s with 2 under load).
PARAMS: dict[str, Any] = {
    "objective": "l2",
    "learning_rate": 0.05,
    "num_leaves": 15,
    "min_data_in_leaf": 20,
    "feature_fraction": 0.8,
    "bagging_fraction": 0.8,
    "bagging_freq": 1,
    "lambda_l2": 1.0,
    "max_bin": 63,
    "verbose": -1,
    "num_threads": 1,
    "seed": 7,
    "deterministic": True,
    "force_row_wise": True,
}
NUM_TREES = 300
MIN_ROWS = 50
MAX_RATIO = 4.0


def fit(
    rows: np.ndarray,
    target: np.ndarray,
    weight: np.ndarray,
    names: list[str],
    categorical: list[str],
    *,
    num_trees: int = NUM_TREES,
    params: dict[str, Any] | None = None,
) -> Any:
    """Train a booster on feature rows (float32) for target = demand / s, weighted by s."""
    import lightgbm as lgb

    merged = {**PARAMS, **(params or {})}
    data = lgb.Dataset(
        rows,
        label=np.clip(target, 0.0, MAX_RATIO),
        weight=weight,
        feature_name=names,
        categorical_feature=categorical,
        free_raw_data=True,
        params={"max_bin": merged["max_bin"], "verbose": -1},
    )
    return lgb.train(merged, data, num_boost_round=num_trees)


def predict(booster: Any, rows: np.ndarray) -> np.ndarray:
    """The scaled prediction f(x) (multiply by s)."""
    return np.asarray(booster.predict(rows, num_threads=1), dtype=float)


def contributions(booster: Any, rows: np.ndarray) -> np.ndarray:
    """SHAP values per feature plus the bias in the last column; rows sum to predict(rows)."""
    return np.asarray(booster.predict(rows, pred_contrib=True, num_threads=1), dtype=float)


def load(model_text: str) -> Any:
    """A booster from LightGBM's text format."""
    import lightgbm as lgb

    return lgb.Booster(model_str=model_text)
