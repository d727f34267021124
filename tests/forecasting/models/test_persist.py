"""Saved models and forecasts: LightGBM text / JSON plus JSON metadata, reused only for the same
data, library versions and model code."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from forecasting.models import lgbm
from forecasting.models.fingerprint import code_fingerprint, versions
from forecasting.models.persist import (
    KEEP_RESULTS,
    RESULT_PREFIX,
    load_model,
    load_result,
    model_metadata,
    save_model,
    save_result,
)
from forecasting.shopfile import Shop

SAME = {"data_version": 3, "origin": "2026-11-25"}


def _restamp(shop: Shop, name: str, **changes: object) -> None:
    meta = model_metadata(shop)[name]
    meta.update(changes)
    with shop.transaction() as conn:
        conn.execute("UPDATE models SET metadata = ? WHERE name = ?", (json.dumps(meta), name))


def test_round_trip_and_stale_models_are_not_reused(tmp_path: Path) -> None:
    rng = np.random.default_rng(1)
    X = rng.random((200, 3)).astype(np.float32)
    booster = lgbm.fit(X, X[:, 0] * 2, np.ones(200), ["a", "b", "c"], [], num_trees=10)
    with Shop.create(tmp_path / "s.bkshop", name="T", state="NW") as shop:
        save_model(shop, 1, booster, SAME)
        meta = model_metadata(shop)["lgbm_h1"]
        assert meta["versions"] == versions()
        assert meta["versions"]["lightgbm"]
        assert meta["code"] == code_fingerprint()
        assert meta["fitted_at"]
        assert meta["horizon"] == 1
        again = load_model(shop, 1, SAME)
        np.testing.assert_array_equal(again.predict(X), booster.predict(X))
        assert load_model(shop, 1, {**SAME, "data_version": 4}) is None
        assert load_model(shop, 2, SAME) is None
        _restamp(shop, "lgbm_h1", code="0-older model code")
        assert load_model(shop, 1, SAME) is None
        _restamp(shop, "lgbm_h1", code=code_fingerprint(), versions={**versions(),
                                                                      "lightgbm": "3.0.0"})
        assert load_model(shop, 1, SAME) is None


def test_saved_forecasts_are_reused_for_the_same_key_and_data_only(tmp_path: Path) -> None:
    with Shop.create(tmp_path / "s.bkshop", name="T", state="NW") as shop:
        save_result(shop, "a" * 64, '{"x": 1}', SAME)
        assert load_result(shop, "a" * 64, SAME) == '{"x": 1}'
        assert load_result(shop, "b" * 64, SAME) is None
        assert load_result(shop, "a" * 64, {**SAME, "data_version": 4}) is None
        assert load_result(shop, "a" * 64, {**SAME, "origin": "2026-11-26"}) is None
        # same 32-character prefix, other key: never mistaken for it
        assert load_result(shop, "a" * 32 + "c" * 32, SAME) is None
        _restamp(shop, RESULT_PREFIX + "a" * 32, code="0-older model code")
        assert load_result(shop, "a" * 64, SAME) is None


def test_old_forecasts_are_dropped(tmp_path: Path) -> None:
    with Shop.create(tmp_path / "s.bkshop", name="T", state="NW") as shop:
        save_result(shop, "0" * 64, "{}", {**SAME, "data_version": 2})
        for k in range(1, KEEP_RESULTS + 2):
            save_result(shop, str(k) * 64, "{}", SAME)
        names = [n for n in model_metadata(shop) if n.startswith(RESULT_PREFIX)]
        assert len(names) == KEEP_RESULTS
        assert RESULT_PREFIX + "0" * 32 not in names  # made for other data
        assert RESULT_PREFIX + str(KEEP_RESULTS + 1) * 32 in names  # the newest
        assert load_result(shop, str(KEEP_RESULTS + 1) * 64, SAME) == "{}"
