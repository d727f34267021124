"""Fingerprints that decide whether a saved model or forecast may be reused: the model code, the
library versions and the content of the inputs.

Fails closed: anything that cannot be fingerprinted exactly gives a key that never matches.
"""

from __future__ import annotations

import functools
import hashlib
import json
import secrets
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pandas as pd

# Bump when the forecasts change for a reason the source hash below cannot see.
MODEL_CODE_VERSION = 3
LIBRARIES = ("lightgbm", "numpy", "pandas", "statsmodels", "scipy")
_MODELS_DIR = Path(__file__).resolve().parent
_EXTRA_SOURCES = (_MODELS_DIR.parent / "schema.py",)


@functools.cache
def versions() -> dict[str, str]:
    """Library versions the models depend on (from the package metadata, without importing)."""
    from importlib import import_module
    from importlib.metadata import PackageNotFoundError, version

    out: dict[str, str] = {}
    for name in LIBRARIES:
        try:
            out[name] = version(name)
        except PackageNotFoundError:  # a frozen bundle may lack the metadata
            out[name] = str(getattr(import_module(name), "__version__", "?"))
    return out


@functools.cache
def code_fingerprint() -> str:
    """MODEL_CODE_VERSION plus a hash of the forecasting model sources (or of the app version
    when the sources are not on disk, as in the packaged app)."""
    digest = hashlib.sha256(f"model-code-{MODEL_CODE_VERSION}".encode())
    sources = sorted(_MODELS_DIR.glob("*.py")) + [p for p in _EXTRA_SOURCES if p.exists()]
    if sources:
        for path in sources:
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    else:
        from importlib.metadata import PackageNotFoundError, version

        try:
            digest.update(f"app-{version('bestellkompass')}".encode())
        except PackageNotFoundError:  # no sources and no version: never reuse
            digest.update(secrets.token_bytes(16))
    return f"{MODEL_CODE_VERSION}-{digest.hexdigest()[:20]}"


def frame_digest(frame: pd.DataFrame | pd.Series | None) -> str:
    """A hash of a frame's values, index, column names and dtypes."""
    if frame is None:
        return "none"
    digest = hashlib.sha256()
    if isinstance(frame, pd.Series):
        frame = frame.to_frame(name=str(frame.name))
    digest.update(repr([(str(c), str(t)) for c, t in frame.dtypes.items()]).encode())
    digest.update(repr(frame.index.names).encode() + str(frame.index.dtype).encode())
    digest.update(pd.util.hash_pandas_object(frame, index=True).to_numpy().tobytes())
    return digest.hexdigest()


def features_digest(features: Any) -> str:
    """A hash of a calendar FeatureTable's frame and column labels (what the forecast uses)."""
    if features is None:
        return "none"
    frame = getattr(features, "frame", None)
    labels = getattr(features, "labels", None) or {}
    words = repr(sorted((str(k), repr(v)) for k, v in labels.items()))
    if " at 0x" in words:  # an object without a value repr: a key that never matches
        return "unmatched-" + secrets.token_hex(16)
    return hashlib.sha256((frame_digest(frame) + words).encode()).hexdigest()


def request_key(
    sales: pd.DataFrame,
    features: Any,
    dates: Sequence[Any],
    levels: Sequence[float],
    products: Sequence[Any] | None,
    promotions: pd.DataFrame | None = None,
) -> str:
    """The key of one forecast request: everything `forecaster.forecast` reads, plus code and
    library versions."""
    parts = {
        "code": code_fingerprint(),
        "versions": versions(),
        "sales": frame_digest(sales),
        "features": features_digest(features),
        "dates": [str(pd.Timestamp(d)) for d in dates],
        "levels": [repr(float(x)) for x in levels],
        # forecaster._products reads only these two fields of a Product
        "products": None if products is None else [
            [str(p.name), str(p.category or "")] for p in products
        ],
        "promotions": None if promotions is None else frame_digest(promotions),
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()
