"""A shop's contribution: a LightGBM model on scale-free targets and effect sizes per category,
from the sales before `until`; and the manifest that says in plain words what it holds.

Every figure in it is a ratio (demand over the product's own usual amount, or over its recent
level) averaged over many product-days: the model's leaves over at least MIN_LEAF, the effects
over at least MIN_CELL. No day, no amount, no price, no product name (unless the owner allows).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import re
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from calendars.features import FeatureTable
from forecasting.association import shared_model
from forecasting.association.files import Bundle
from forecasting.association.portable import (
    MIN_CELL,
    MIN_LEAF,
    effects_of,
    train_portable,
)
from forecasting.errors import UserError
from forecasting.models import engine
from forecasting.models.frame import build_panel
from forecasting.texts import format_date, format_number, render

MIN_DAYS = 28  # days with sales before `until` a contribution needs


@dataclasses.dataclass(frozen=True)
class ShopHistory:
    """What a contribution is made from: sales (SALES frame), the calendar, the state, categories
    by product name."""

    sales: pd.DataFrame
    features: FeatureTable | None
    state: str
    categories: dict[str, str]


def build_contribution(history: ShopHistory, until: dt.date | None = None, *,
                       share_names: bool = False) -> Bundle:
    """The contribution of one shop from its sales before `until` (all sales if None)."""
    sales = history.sales
    if until is not None:
        sales = sales[sales["date"] < pd.Timestamp(until)]
    days = int(sales["date"].nunique()) if len(sales) else 0
    cut = until or (sales["date"].max().date() + dt.timedelta(days=1) if len(sales) else None)
    if days < MIN_DAYS:
        raise UserError("association.too_little", until=str(cut), days=days, minimum=MIN_DAYS)
    panel = build_panel(sales)
    names = panel.products
    categories = [history.categories.get(p, "") or "*" for p in names]
    cat_names = sorted(set(categories))
    cat_index = np.array([cat_names.index(c) for c in categories])
    run = engine.prepare(panel, history.features, 1, cat_index, [])
    model = train_portable(run)
    effects = effects_of(run, categories)
    effects["shared_model"] = shared_model.fit_shop(
        run.y, panel.closed, shared_model.design(history.features, panel.dates),
        panel.exog.get("promotion"), categories, shared_model.whole_numbers(panel.sales))
    weeks = round((panel.dates[-1] - panel.dates[0]).days / 7.0)
    manifest: dict[str, Any] = {
        "kind": "contribution",
        "state": history.state,
        "until": cut.isoformat() if cut else "",
        "history_weeks": weeks,
        "products": len(names),
        "categories": sorted(effects["categories"]),
        "product_names": sorted(names),
        "trees": _trees(model),
        "min_leaf": MIN_LEAF,
        "min_cell": MIN_CELL,
    }
    effects["product_categories"] = dict(zip(names, categories, strict=True))
    return with_names(Bundle(manifest, effects, [model]), share_names)


def with_names(bundle: Bundle, allowed: bool) -> Bundle:
    """The contribution as the owner allows it: with its product names, or (the default) without
    them, the manifest text made afresh from what then remains. A copy; the window keeps the named
    one and shows either while the owner decides, so the model is fitted only once."""
    manifest = {k: v for k, v in bundle.manifest.items() if k not in ("text", "parts")}
    effects = dict(bundle.effects)
    if not allowed:
        manifest["product_names"] = []
        effects.pop("product_categories", None)
    copy = Bundle(manifest, effects, list(bundle.models))
    manifest["text"] = manifest_texts(copy)
    return copy


def _trees(model_text: str) -> int:
    """How many trees a LightGBM text model has."""
    return sum(1 for line in model_text.splitlines() if line.startswith("Tree="))


def facts_of(bundle: Bundle) -> dict[str, Any]:
    """What the file really holds, read from its parts (not from the manifest's claims): the
    manifest text is made from these, and a test compares them with the parts."""
    trees = sum(_trees(m) for m in bundle.models)
    categories = sorted(bundle.effects.get("categories", {}))
    names = sorted(bundle.effects.get("product_categories", {}))
    shared = bundle.effects.get("shared_model") or {}
    entries = list(shared.get("categories", {}).values())
    return {"trees": trees, "min_leaf": min_leaf(bundle.models),
            "categories": categories, "product_names": names,
            "min_cell": int(bundle.effects.get("min_cell", 0)),
            "shared_categories": len(entries),
            "shared_factors": sum(len(e.get("coef", [])) for e in entries),
            "shared_cell": min((min(e.get("n", [0]) or [0]) for e in entries), default=0)}


def _parameter(model_text: str, name: str) -> str | None:
    """A training parameter as LightGBM writes it into its text model ("[name: value]"; the
    parameters come after the trees, so only that part is searched)."""
    tail = model_text[max(model_text.rfind("\nparameters:"), 0):]
    found = re.search(rf"^\[{re.escape(name)}: ([^\]]*)\]$", tail, flags=re.MULTILINE)
    return found.group(1) if found else None


def min_leaf(models: Sequence[str]) -> int:
    """The smallest `min_data_in_leaf` the models were trained with (0 if none says)."""
    leaves = [_parameter(m, "min_data_in_leaf") for m in models]
    return min((int(x) for x in leaves if x is not None), default=0)


def manifest_texts(bundle: Bundle) -> dict[str, str]:
    """The manifest in German and English (facts read once)."""
    facts = facts_of(bundle)
    return {lang: manifest_text(bundle, lang, facts) for lang in ("de", "en")}


def manifest_text(bundle: Bundle, lang: str, facts: dict[str, Any] | None = None) -> str:
    """The manifest in plain words ("Was wird geteilt?"), from what the parts hold."""
    facts = facts or facts_of(bundle)
    m = bundle.manifest
    if bundle.kind == "prior":
        head = render("association.manifest.prior", lang, shops=m.get("shops", 0),
                      states=", ".join(m.get("states", [])), weeks=m.get("history_weeks", 0))
    else:
        until = m.get("until") or ""
        head = render("association.manifest.contribution", lang, state=m.get("state", ""),
                      weeks=m.get("history_weeks", 0),
                      until=format_date(dt.date.fromisoformat(until), lang) if until else "-",
                      products=m.get("products", 0), categories=len(facts["categories"]))
    distilled = m.get("distilled") if bundle.kind == "prior" else None
    if isinstance(distilled, dict) and len(bundle.models) == 1:
        model = render("association.manifest.distilled", lang, trees=facts["trees"],
                       models=format_number(int(distilled.get("models", 0)), lang),
                       leaf=int(distilled.get("min_leaf", 0)),
                       rows=format_number(int(distilled.get("rows", 0)), lang))
    elif len(bundle.models) == 1:
        model = render("association.manifest.model", lang, trees=facts["trees"],
                       leaf=facts["min_leaf"])
    else:
        model = render("association.manifest.models", lang, models=len(bundle.models),
                       trees=facts["trees"], leaf=facts["min_leaf"])
    inside = [model,
              render("association.manifest.effects", lang, cell=facts["min_cell"]),
              *([render("association.manifest.shared_model", lang,
                        categories=facts["shared_categories"], factors=facts["shared_factors"],
                        cell=facts["shared_cell"])] if facts["shared_categories"] else []),
              render("association.manifest.categories", lang,
                     names=", ".join(facts["categories"]) or "-")]
    outside = [render("association.manifest.no_amounts", lang),
               render("association.manifest.no_prices", lang)]
    if facts["product_names"]:
        inside.append(render("association.manifest.names", lang,
                             names=", ".join(facts["product_names"])))
    else:
        outside.insert(1, render("association.manifest.no_names", lang))
    if bundle.kind == "prior":
        outside.append(render("association.manifest.no_shops", lang))
    lines = [render("association.manifest.title", lang), head, "",
             render("association.manifest.inside", lang), *[f"  - {x}" for x in inside],
             render("association.manifest.outside", lang), *[f"  - {x}" for x in outside]]
    return "\n".join(lines)


def history_weeks(bundles: Sequence[Bundle]) -> int:
    """The weeks of sales the bundles rest on, together."""
    return sum(int(b.manifest.get("history_weeks", 0)) for b in bundles)


def weight_of(bundle: Bundle) -> float:
    """A contribution's weight in a prior: its history length (weeks), at least one week."""
    return float(max(int(bundle.manifest.get("history_weeks", 0)), 1))


def rounded(value: float, digits: int = 3) -> float:
    """A finite float rounded for the file (JSON has no NaN)."""
    return round(float(value), digits) if math.isfinite(value) else 0.0
