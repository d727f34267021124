"""The trained model kept between runs: the final LightGBM model per horizon (LightGBM text) and
the finished forecasts of recent requests (JSON), each with JSON metadata.

Kept in the user's cache folder, one folder per shop (named by its random id), never in the shop file itself: reading
suggestions never writes to the owner's data, a damaged cache cannot damage the shop, and deleting
the cache only costs a retraining. Never pickles. Every entry is one JSON file (written whole, then
renamed into place) stamped with the library versions, the model code fingerprint, the fit time,
a checksum of its text and what the caller expects (shop_forecast: data_version, origin, products,
a digest of the sales); it is reused only while all of them match. An entry that cannot be read
or does not match its checksum is deleted and rebuilt.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import hashlib
import json
import logging
import os
from pathlib import Path
from typing import Any

from forecasting.models.fingerprint import code_fingerprint
from forecasting.models.fingerprint import versions as versions
from forecasting.models.lgbm import load

PREFIX = "lgbm_h"
RESULT_PREFIX = "forecast_"
KEEP_RESULTS = 4  # a day's suggestion, the app's month view and a few more
CACHE_ENV = "BESTELLKOMPASS_CACHE_DIR"  # another cache folder (tests, portable installs)
_log = logging.getLogger(__name__)


def cache_root() -> Path:
    """The folder that holds the model caches of all shops of this user."""
    override = os.environ.get(CACHE_ENV)
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("Bestellkompass", appauthor=False))


@dataclasses.dataclass(frozen=True)
class ModelCache:
    """The cache folder of one shop file."""

    directory: Path

    @classmethod
    def for_shop(cls, shop_id: str) -> ModelCache:
        """The cache of the shop with this id (Shop.shop_id; a copy of the file has the same id,
        and the metadata decides whether an entry fits its data)."""
        safe = "".join(c for c in shop_id if c.isalnum())[:40] or "unknown"
        return cls(cache_root() / "models" / safe)

    def _file(self, name: str) -> Path:
        return self.directory / f"{name}.json"

    def read(self, name: str) -> tuple[str, dict[str, Any]] | None:
        """(text, metadata) of an entry; None if absent. A damaged entry is deleted."""
        path = self._file(name)
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
            text, meta = doc["text"], doc["metadata"]
            if not isinstance(text, str) or not isinstance(meta, dict):
                raise ValueError("wrong types")
            if hashlib.sha256(text.encode("utf-8")).hexdigest() != doc["sha256"]:
                raise ValueError("checksum differs")
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError) as exc:
            _log.warning("discarding damaged model cache entry %s: %s", path, exc)
            self.discard(name)
            return None
        return text, meta

    def write(self, name: str, text: str, meta: dict[str, object]) -> None:
        """Store an entry whole (a reader never sees half of it). A cache that cannot be written
        (full disk, read-only folder) only costs time, so that is logged, not raised."""
        doc = {"metadata": meta, "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
               "text": text}
        path = self._file(name)
        part = path.with_name(f".{path.name}.{os.getpid()}.part")
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            part.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
            os.replace(part, path)
        except OSError as exc:
            _log.warning("could not write the model cache %s: %s", path, exc)
            with contextlib.suppress(OSError):
                part.unlink(missing_ok=True)

    def discard(self, name: str) -> None:
        """Delete one entry (missing is fine)."""
        try:
            self._file(name).unlink(missing_ok=True)
        except OSError as exc:
            _log.warning("could not delete the model cache entry %s: %s", name, exc)

    def names(self) -> list[str]:
        """The entries there are."""
        try:
            return sorted(p.name[:-5] for p in self.directory.glob("*.json"))
        except OSError as exc:  # a cache folder we may not read only costs a retraining
            _log.warning("cannot read the model cache %s: %s", self.directory, exc)
            return []

    def metadata(self) -> dict[str, dict[str, Any]]:
        """name -> metadata of every readable entry."""
        out = {}
        for name in self.names():
            entry = self.read(name)
            if entry is not None:
                out[name] = entry[1]
        return out


def _stamp(meta: dict[str, object]) -> dict[str, object]:
    now = dt.datetime.now().isoformat(timespec="microseconds")  # orders the pruning
    return {**meta, "fitted_at": now, "versions": versions(), "code": code_fingerprint()}


def _current(meta: dict[str, Any], expect: dict[str, object]) -> bool:
    if meta.get("versions") != versions() or meta.get("code") != code_fingerprint():
        return False
    return all(meta.get(k) == v for k, v in expect.items())


def save_model(cache: ModelCache, horizon: int, booster: Any, meta: dict[str, object]) -> None:
    """Store (replace) the model for one horizon."""
    cache.write(f"{PREFIX}{horizon}", booster.model_to_string(),
                _stamp({**meta, "horizon": horizon}))


def load_model(cache: ModelCache, horizon: int, expect: dict[str, object]) -> Any:
    """The saved booster for `horizon` if its metadata matches `expect`, the library versions
    and the model code; else None (a model LightGBM cannot read is discarded)."""
    name = f"{PREFIX}{horizon}"
    entry = cache.read(name)
    if entry is None or not _current(entry[1], expect):
        return None

    try:
        return load(entry[0])
    except Exception as exc:  # LightGBM's own error type; any failure means: retrain
        _log.warning("discarding unreadable model %s: %s", name, exc)
        cache.discard(name)
        return None


def save_result(cache: ModelCache, key: str, text: str, meta: dict[str, object]) -> None:
    """Store a finished forecast (JSON text) under its request key; drops forecasts made for
    other data (any value of `meta` differs) and all but the newest KEEP_RESULTS."""
    metadata = _stamp({**meta, "key": key})
    name = f"{RESULT_PREFIX}{key[:32]}"
    cache.write(name, text, metadata)
    others = {n: m for n, m in cache.metadata().items()
              if n.startswith(RESULT_PREFIX) and n != name}
    stale = [n for n, m in others.items() if not _current(m, meta)]
    fresh = sorted((n for n in others if n not in stale),
                   key=lambda n: str(others[n].get("fitted_at", "")), reverse=True)
    for old in stale + fresh[KEEP_RESULTS - 1:]:
        cache.discard(old)


def load_result(cache: ModelCache, key: str, expect: dict[str, object]) -> str | None:
    """The saved forecast (JSON text) for this request key if it is still current; else None."""
    entry = cache.read(f"{RESULT_PREFIX}{key[:32]}")
    if entry is None or not _current(entry[1], {**expect, "key": key}):
        return None
    return entry[0]
