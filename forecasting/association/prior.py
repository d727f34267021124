"""The association's prior: many contributions combined. Effects are pooled as means weighted by
each contribution's history length; the models' predictions are averaged with the same weights:
up to DISTIL_ABOVE models side by side (an ensemble), more of them distilled into one model that
predicts their weighted mean (forecasting/association/distil.py), so a forecast with a prior of
500 shops costs what one with a single model costs. It says how many shops and which
Bundesländer it rests on, never which shops.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from forecasting.association import shared_model
from forecasting.association.contribution import (
    history_weeks,
    manifest_texts,
    min_leaf,
    weight_of,
)
from forecasting.association.distil import DISTIL_ABOVE, distil
from forecasting.association.files import Bundle
from forecasting.errors import UserError

if TYPE_CHECKING:
    from lightgbm import Booster


def build_prior(contributions: Sequence[Bundle], *, distilled: bool | None = None) -> Bundle:
    """The prior of the contributions (all checked when read: a bad one stops before this).

    distilled: one model learned from the members' weighted mean (True), the members side by
    side (False), or (None) distilled if there are more than DISTIL_ABOVE models.
    """
    if not contributions:
        raise UserError("association.no_contributions")
    weights = [weight_of(b) for b in contributions]
    states = Counter(str(b.manifest.get("state", "")) for b in contributions)
    models: list[str] = []
    model_weights: list[float] = []
    for bundle, w in zip(contributions, weights, strict=True):
        for text in bundle.models:
            models.append(text)
            model_weights.append(w / len(bundle.models))
    effects = pool_effects([b.effects for b in contributions], weights)
    fitted = [b.effects["shared_model"] for b in contributions if b.effects.get("shared_model")]
    if fitted:
        effects["shared_model"] = shared_model.pool(fitted)
    made = None
    if distilled or (distilled is None and len(models) > DISTIL_ABOVE):
        common = [state for state, _ in sorted(states.items(), key=lambda kv: (-kv[1], kv[0]))]
        made = distil(models, model_weights, [s for s in common if s], _latest_end(contributions))
        models, model_weights = [made.model], [1.0]
    manifest: dict[str, Any] = {
        "kind": "prior",
        "shops": len(contributions),
        "states": sorted(states),
        "shops_per_state": dict(sorted(states.items())),
        "history_weeks": history_weeks(contributions),
        "model_weights": [round(w, 3) for w in model_weights],
        "product_names": [],
    }
    if made is not None:
        manifest["distilled"] = {"models": made.models, "rows": made.rows,
                                 "gap": round(made.gap, 4),
                                 "min_leaf": min_leaf([m for b in contributions for m in b.models])}
    bundle = Bundle(manifest, effects, models)
    manifest["text"] = manifest_texts(bundle)
    return bundle


def _latest_end(contributions: Sequence[Bundle]) -> dt.date:
    """The last day any contribution's sales reach (its `until`); today if none says."""
    ends = []
    for bundle in contributions:
        try:
            ends.append(dt.date.fromisoformat(str(bundle.manifest.get("until", ""))))
        except ValueError:
            continue
    return max(ends, default=dt.date.today())


def pool_effects(parts: Sequence[dict[str, Any]], weights: Sequence[float]) -> dict[str, Any]:
    """Per category and effect the weighted mean ratio (weights: history length) and the summed
    product-days, over the contributions that have that effect."""
    cells: dict[tuple[str, ...], list[tuple[float, float, int]]] = {}
    for effects, w in zip(parts, weights, strict=True):
        for cat, entry in effects.get("categories", {}).items():
            for wd, cell in enumerate(entry.get("weekday", [])):
                if cell:
                    cells.setdefault((cat, "weekday", str(wd)), []).append(
                        (w, cell["ratio"], cell["n"]))
            for section in ("calendar", "weather"):
                for name, cell in entry.get(section, {}).items():
                    cells.setdefault((cat, section, name), []).append((w, cell["ratio"], cell["n"]))
    out: dict[str, Any] = {"categories": {},
                           "min_cell": min((int(p.get("min_cell", 0)) for p in parts), default=0)}
    for (cat, section, name), values in sorted(cells.items()):
        w = np.array([v[0] for v in values])
        ratio = float(np.dot(w, [v[1] for v in values]) / w.sum())
        pooled = {"ratio": round(ratio, 4), "n": int(sum(v[2] for v in values)),
                  "shops": len(values)}
        entry = out["categories"].setdefault(cat, {"weekday": [None] * 7, "calendar": {},
                                                   "weather": {}})
        if section == "weekday":
            entry["weekday"][int(name)] = pooled
        else:
            entry[section][name] = pooled
    return out


@dataclasses.dataclass
class Prior:
    """A prior ready for forecasting: its models (loaded) with their weights, and its effects."""

    boosters: list[Booster]
    weights: np.ndarray
    effects: dict[str, Any]
    manifest: dict[str, Any]

    @classmethod
    def from_bundle(cls, bundle: Bundle) -> Prior:
        """Load the models of a checked `.bkprior` bundle."""
        import lightgbm as lgb

        weights = bundle.manifest.get("model_weights") or [1.0] * len(bundle.models)
        if len(weights) != len(bundle.models):
            weights = [1.0] * len(bundle.models)
        boosters = [lgb.Booster(model_str=text) for text in bundle.models]
        return cls(boosters, np.asarray(weights, dtype=float), bundle.effects, bundle.manifest)
