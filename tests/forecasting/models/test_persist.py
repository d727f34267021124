"""Saved models: LightGBM text plus JSON metadata, reused only for the same data."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from forecasting.models import lgbm
from forecasting.models.persist import load_model, model_metadata, save_model
from forecasting.shopfile import Shop


def test_round_trip_and_stale_models_are_not_reused(tmp_path: Path) -> None:
    rng = np.random.default_rng(1)
    X = rng.random((200, 3)).astype(np.float32)
    booster = lgbm.fit(X, X[:, 0] * 2, np.ones(200), ["a", "b", "c"], [], num_trees=10)
    with Shop.create(tmp_path / "s.bkshop", name="T", state="NW") as shop:
        save_model(shop, 1, booster, {"data_version": 3, "origin": "2026-11-25"})
        meta = model_metadata(shop)["lgbm_h1"]
        assert meta["versions"]["lightgbm"]
        assert meta["fitted_at"]
        assert meta["horizon"] == 1
        again = load_model(shop, 1, {"data_version": 3, "origin": "2026-11-25"})
        np.testing.assert_allclose(again.predict(X), booster.predict(X))
        assert load_model(shop, 1, {"data_version": 4, "origin": "2026-11-25"}) is None
        assert load_model(shop, 2, {"data_version": 3}) is None
