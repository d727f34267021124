"""Trained LightGBM models in the shop file's `models` table: model text plus JSON metadata.

Never pickles. The metadata is stamped with the library versions, the fit time, the shop's
data_version and the forecast origin, so a model is reused only for exactly the data it saw.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from forecasting.shopfile import Shop

PREFIX = "lgbm_h"


def versions() -> dict[str, str]:
    """Library versions a saved model depends on."""
    import lightgbm
    import numpy
    import pandas
    import statsmodels

    return {"lightgbm": lightgbm.__version__, "numpy": numpy.__version__,
            "pandas": pandas.__version__, "statsmodels": statsmodels.__version__}


def save_model(shop: Shop, horizon: int, booster: Any, meta: dict[str, object]) -> None:
    """Store (replace) the model for one horizon."""
    now = dt.datetime.now().isoformat(timespec="seconds")
    metadata = {**meta, "horizon": horizon, "fitted_at": now, "versions": versions()}
    with shop.transaction() as conn:
        conn.execute(
            "INSERT OR REPLACE INTO models(name, model_text, metadata, fitted_at) VALUES (?, ?, ?, ?)",
            (f"{PREFIX}{horizon}", booster.model_to_string(), json.dumps(metadata), now),
        )


def load_model(shop: Shop, horizon: int, expect: dict[str, object]) -> Any:
    """The saved booster for `horizon` if its metadata matches `expect` and the library versions;
    else None."""
    row = shop.conn.execute(
        "SELECT model_text, metadata FROM models WHERE name = ?", (f"{PREFIX}{horizon}",)
    ).fetchone()
    if row is None:
        return None
    meta = json.loads(row["metadata"])
    if meta.get("versions") != versions() or any(meta.get(k) != v for k, v in expect.items()):
        return None
    from forecasting.models.lgbm import load

    return load(row["model_text"])


def model_metadata(shop: Shop) -> dict[str, dict[str, object]]:
    """name -> metadata of every saved model."""
    rows = shop.conn.execute("SELECT name, metadata FROM models ORDER BY name").fetchall()
    return {r["name"]: json.loads(r["metadata"]) for r in rows}
