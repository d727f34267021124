"""The global LightGBM model: one model for all products of a shop, on a per-product-scaled target.

The target is demand / s (s = the product's typical amount for that weekday), so a prediction is
s * f(x) and the SHAP values of f times s add up exactly to the prediction on the original scale.
"""

from __future__ import annotations

from typing import Any

import numpy as np

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
    "num_threads": 2,
    "seed": 7,
    "deterministic": True,
    "force_col_wise": True,
}
NUM_TREES = 300
MIN_ROWS = 50
MAX_RATIO = 4.0


def fit(
    X: np.ndarray,
    target: np.ndarray,
    weight: np.ndarray,
    names: list[str],
    categorical: list[str],
    *,
    num_trees: int = NUM_TREES,
    params: dict[str, Any] | None = None,
) -> Any:
    """Train a booster on rows of X (float32) for target = demand / s, weighted by s."""
    import lightgbm as lgb

    merged = {**PARAMS, **(params or {})}
    data = lgb.Dataset(
        X,
        label=np.clip(target, 0.0, MAX_RATIO),
        weight=weight,
        feature_name=names,
        categorical_feature=categorical,
        free_raw_data=True,
        params={"max_bin": merged["max_bin"], "verbose": -1},
    )
    return lgb.train(merged, data, num_boost_round=num_trees)


def predict(booster: Any, X: np.ndarray) -> np.ndarray:
    """The scaled prediction f(x) (multiply by s)."""
    return np.asarray(booster.predict(X, num_threads=2), dtype=float)


def contributions(booster: Any, X: np.ndarray) -> np.ndarray:
    """SHAP values per feature plus the bias in the last column; rows sum to predict(X)."""
    return np.asarray(booster.predict(X, pred_contrib=True, num_threads=2), dtype=float)


def load(model_text: str) -> Any:
    """A booster from LightGBM's text format."""
    import lightgbm as lgb

    return lgb.Booster(model_str=model_text)
