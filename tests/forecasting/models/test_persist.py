"""Saved models and forecasts: LightGBM text / JSON plus JSON metadata in the user's cache folder,
reused only for the same data, library versions and model code; damaged entries are discarded."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from forecasting.models import lgbm
from forecasting.models.fingerprint import code_fingerprint, versions
from forecasting.models.persist import (
    KEEP_RESULTS,
    RESULT_PREFIX,
    ModelCache,
    load_model,
    load_result,
    save_model,
    save_result,
)

SAME = {"data_version": 3, "origin": "2026-11-25"}


@pytest.fixture
def cache(tmp_path: Path) -> ModelCache:
    return ModelCache(tmp_path / "cache")


def _restamp(cache: ModelCache, name: str, **changes: object) -> None:
    text, meta = cache.read(name)
    cache.write(name, text, {**meta, **changes})


def _booster() -> tuple[object, np.ndarray]:
    rng = np.random.default_rng(1)
    X = rng.random((200, 3)).astype(np.float32)
    return lgbm.fit(X, X[:, 0] * 2, np.ones(200), ["a", "b", "c"], [], num_trees=10), X


def test_round_trip_and_stale_models_are_not_reused(cache: ModelCache) -> None:
    booster, X = _booster()
    save_model(cache, 1, booster, SAME)
    meta = cache.metadata()["lgbm_h1"]
    assert meta["versions"] == versions()
    assert meta["versions"]["lightgbm"]
    assert meta["code"] == code_fingerprint()
    assert meta["fitted_at"]
    assert meta["horizon"] == 1
    again = load_model(cache, 1, SAME)
    np.testing.assert_array_equal(again.predict(X), booster.predict(X))
    assert load_model(cache, 1, {**SAME, "data_version": 4}) is None
    assert load_model(cache, 2, SAME) is None
    _restamp(cache, "lgbm_h1", code="0-older model code")
    assert load_model(cache, 1, SAME) is None
    _restamp(cache, "lgbm_h1", code=code_fingerprint(), versions={**versions(),
                                                                  "lightgbm": "3.0.0"})
    assert load_model(cache, 1, SAME) is None


def test_saved_forecasts_are_reused_for_the_same_key_and_data_only(cache: ModelCache) -> None:
    save_result(cache, "a" * 64, '{"x": 1}', SAME)
    assert load_result(cache, "a" * 64, SAME) == '{"x": 1}'
    assert load_result(cache, "b" * 64, SAME) is None
    assert load_result(cache, "a" * 64, {**SAME, "data_version": 4}) is None
    assert load_result(cache, "a" * 64, {**SAME, "origin": "2026-11-26"}) is None
    # same 32-character prefix, other key: never mistaken for it
    assert load_result(cache, "a" * 32 + "c" * 32, SAME) is None
    _restamp(cache, RESULT_PREFIX + "a" * 32, code="0-older model code")
    assert load_result(cache, "a" * 64, SAME) is None


def test_old_forecasts_are_dropped(cache: ModelCache) -> None:
    save_result(cache, "0" * 64, "{}", {**SAME, "data_version": 2})
    for k in range(1, KEEP_RESULTS + 2):
        save_result(cache, str(k) * 64, "{}", SAME)
    names = [n for n in cache.names() if n.startswith(RESULT_PREFIX)]
    assert len(names) == KEEP_RESULTS
    assert RESULT_PREFIX + "0" * 32 not in names  # made for other data
    assert RESULT_PREFIX + str(KEEP_RESULTS + 1) * 32 in names  # the newest
    assert load_result(cache, str(KEEP_RESULTS + 1) * 64, SAME) == "{}"


@pytest.mark.parametrize("damage", ["truncated", "not json", "text changed", "empty"])
def test_a_damaged_entry_is_discarded_not_fatal(cache: ModelCache, damage: str) -> None:
    booster, _ = _booster()
    save_model(cache, 1, booster, SAME)
    path = cache.directory / "lgbm_h1.json"
    raw = path.read_text(encoding="utf-8")
    if damage == "truncated":
        path.write_text(raw[: len(raw) // 2], encoding="utf-8")
    elif damage == "not json":
        path.write_bytes(b"\x00\xff garbage")
    elif damage == "text changed":
        doc = json.loads(raw)
        doc["text"] = doc["text"].replace("tree", "eert", 1)
        path.write_text(json.dumps(doc), encoding="utf-8")
    else:
        path.write_text("", encoding="utf-8")
    assert load_model(cache, 1, SAME) is None
    assert not path.exists()
    save_model(cache, 1, booster, SAME)  # rebuilt on the next run
    assert load_model(cache, 1, SAME) is not None


def test_a_model_lightgbm_cannot_read_is_discarded(cache: ModelCache) -> None:
    """Checksum right, content no LightGBM model (e.g. written by a broken program)."""
    from forecasting.models.persist import _stamp

    cache.write("lgbm_h1", "tree\nnot a model at all\n", _stamp({**SAME, "horizon": 1}))
    assert load_model(cache, 1, SAME) is None
    assert "lgbm_h1" not in cache.names()


def test_an_unwritable_cache_only_costs_time(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    cache = ModelCache(blocker / "cache")
    save_result(cache, "a" * 64, "{}", SAME)  # logged, not raised
    assert load_result(cache, "a" * 64, SAME) is None
