"""The trained model in the shop file's `models` table: the final LightGBM model per horizon
(LightGBM text) and the finished forecasts of recent requests (JSON), each with JSON metadata.

Never pickles. Every row is stamped with the library versions, the model code fingerprint, the
fit time and what the caller expects (shop_forecast: data_version, origin, products, a digest of
the sales), and is reused only while all of them match, so new data, a new library or changed
model code retrain.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from forecasting.models.fingerprint import code_fingerprint
from forecasting.models.fingerprint import versions as versions
from forecasting.shopfile import Shop

PREFIX = "lgbm_h"
RESULT_PREFIX = "forecast_"
KEEP_RESULTS = 4  # a day's suggestion, the app's month view and a few more
_UPSERT = "INSERT OR REPLACE INTO models(name, model_text, metadata, fitted_at) VALUES (?, ?, ?, ?)"


def _stamp(meta: dict[str, object]) -> dict[str, object]:
    now = dt.datetime.now().isoformat(timespec="microseconds")  # orders the pruning
    return {**meta, "fitted_at": now, "versions": versions(), "code": code_fingerprint()}


def _current(meta: dict[str, Any], expect: dict[str, object]) -> bool:
    if meta.get("versions") != versions() or meta.get("code") != code_fingerprint():
        return False
    return all(meta.get(k) == v for k, v in expect.items())


def save_model(shop: Shop, horizon: int, booster: Any, meta: dict[str, object]) -> None:
    """Store (replace) the model for one horizon."""
    metadata = _stamp({**meta, "horizon": horizon})
    with shop.transaction() as conn:
        conn.execute(
            _UPSERT,
            (f"{PREFIX}{horizon}", booster.model_to_string(), json.dumps(metadata),
             metadata["fitted_at"]),
        )


def load_model(shop: Shop, horizon: int, expect: dict[str, object]) -> Any:
    """The saved booster for `horizon` if its metadata matches `expect`, the library versions
    and the model code; else None."""
    row = shop.conn.execute(
        "SELECT model_text, metadata FROM models WHERE name = ?", (f"{PREFIX}{horizon}",)
    ).fetchone()
    if row is None or not _current(json.loads(row["metadata"]), expect):
        return None
    from forecasting.models.lgbm import load

    return load(row["model_text"])


def save_result(shop: Shop, key: str, text: str, meta: dict[str, object]) -> None:
    """Store a finished forecast (JSON text) under its request key; drops forecasts made for
    other data (any value of `meta` differs) and all but the newest KEEP_RESULTS."""
    metadata = _stamp({**meta, "key": key})
    name = f"{RESULT_PREFIX}{key[:32]}"
    with shop.transaction() as conn:
        conn.execute(
            _UPSERT,
            (name, text, json.dumps(metadata), metadata["fitted_at"]),
        )
        rows = conn.execute(
            "SELECT name, metadata FROM models WHERE name GLOB ? AND name != ? "
            "ORDER BY fitted_at DESC, name",
            (f"{RESULT_PREFIX}*", name),
        ).fetchall()
        stale = [r["name"] for r in rows if not _current(json.loads(r["metadata"]), meta)]
        fresh = [r["name"] for r in rows if r["name"] not in stale]
        for old in stale + fresh[KEEP_RESULTS - 1:]:
            conn.execute("DELETE FROM models WHERE name = ?", (old,))


def load_result(shop: Shop, key: str, expect: dict[str, object]) -> str | None:
    """The saved forecast (JSON text) for this request key if it is still current; else None."""
    row = shop.conn.execute(
        "SELECT model_text, metadata FROM models WHERE name = ?", (f"{RESULT_PREFIX}{key[:32]}",)
    ).fetchone()
    if row is None or not _current(json.loads(row["metadata"]), {**expect, "key": key}):
        return None
    return str(row["model_text"])


def model_metadata(shop: Shop) -> dict[str, dict[str, object]]:
    """name -> metadata of every saved model and forecast."""
    rows = shop.conn.execute("SELECT name, metadata FROM models ORDER BY name").fetchall()
    return {r["name"]: json.loads(r["metadata"]) for r in rows}
