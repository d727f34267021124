"""Forecasts for a shop file: reads sales, settings, events, weather and products (never the
demo-only true_demand table), and reuses the saved forecast and LightGBM models while the inputs,
the model code and the libraries are unchanged (see persist.py, fingerprint.py)."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from typing import Any

import pandas as pd

from calendars.features import FeatureTable
from forecasting.association import files
from forecasting.association.prior import Prior
from forecasting.errors import UserError
from forecasting.models.fingerprint import frame_digest, request_key
from forecasting.models.forecaster import DEFAULT_LEVELS, ForecastResult, forecast
from forecasting.models.persist import (
    RESULT_PREFIX,
    ModelCache,
    load_model,
    load_result,
    save_model,
    save_result,
)
from forecasting.models.result_json import (
    NotEncodableError,
    result_from_json,
    result_to_json,
    results_equal,
)
from forecasting.plan_inputs import PlanInputs, read_plan_inputs
from forecasting.progress import NullProgress, PartProgress, Progress
from forecasting.shop_calendar import features_of
from forecasting.shop_calendar import shop_features as features_of_shop
from forecasting.store.file import Shop

# The part of the progress bar for reading sales, calendar and saved models before the models run
# (0.3 s of 4.5 s on the demo bakery, 05.12.2026).
READ_SHARE = 0.05


def shop_features(shop: Shop, start: dt.date, end: dt.date) -> FeatureTable:
    """The calendar FeatureTable of the shop (see forecasting.shop_calendar)."""

    return features_of_shop(shop, start, end)


def forecast_shop(
    shop: Shop,
    dates: list[dt.date],
    *,
    levels: Sequence[float] = DEFAULT_LEVELS,
    progress: Progress | None = None,
    reuse: bool = True,
    cache: ModelCache | None = None,
) -> ForecastResult:
    """Quantile forecasts with explanations for the shop's active products on `dates`.

    reuse: answer from the saved forecast / saved models when they were made from exactly these
    inputs (False: compute everything afresh and save nothing). cache: where they are kept
    (default: the shop's folder in the user's cache, see persist.py); the shop file is only read.
    """

    inputs = read_plan_inputs(shop, min(dates))
    return forecast_plan(inputs, dates, levels=levels, progress=progress, reuse=reuse, cache=cache)


def forecast_plan(
    inputs: PlanInputs,
    dates: list[dt.date],
    *,
    levels: Sequence[float] = DEFAULT_LEVELS,
    progress: Progress | None = None,
    reuse: bool = True,
    cache: ModelCache | None = None,
) -> ForecastResult:
    """`forecast_shop` for inputs already read (PlanInputs): the shop file is not touched."""

    progress = progress or NullProgress()
    progress.report(0.0, "forecast.read")
    models = PartProgress(progress, READ_SHARE, 1.0)
    sales = inputs.sales
    products = inputs.active_products
    first = sales["date"].min().date() if len(sales) else min(dates)
    features = features_of(inputs.calendar, first, max(max(dates), first))
    promotions = inputs.promotions
    last = sales["date"].max() if len(sales) else pd.Timestamp(min(dates))
    # the sales digest also catches edits that bypass mark_data_changed (direct SQL)
    expect = {"data_version": inputs.data_version, "origin": str(pd.Timestamp(last).date()),
              "products": [p.name for p in products], "sales": frame_digest(sales),
              "promotions": frame_digest(promotions)}
    prior = _prior(inputs.prior)
    # a prior adds a column to LightGBM's design: a saved model is reused only with the same one
    expect["prior"] = hashlib.sha256(inputs.prior).hexdigest() if prior is not None else ""
    if not reuse:
        return forecast(sales, features, dates, levels=levels, products=products or None,
                        progress=models, promotions=promotions, prior=prior)
    cache = cache or ModelCache.for_shop(inputs.shop_id)
    key = request_key(sales, features, dates, levels, products or None, promotions)
    if inputs.prior is not None:  # the same request with another prior is another forecast
        key = hashlib.sha256((key + hashlib.sha256(inputs.prior).hexdigest()).encode()).hexdigest()
    cached = _load_result(cache, key, expect)
    if cached is not None:
        progress.report(1.0, "forecast.done")
        return cached
    horizons = {max(1, (pd.Timestamp(d) - last).days) for d in dates}
    saved = {h: b for h in horizons if (b := load_model(cache, h, expect)) is not None}
    fitted: dict[int, Any] = {}
    result = forecast(sales, features, dates, levels=levels, products=products or None,
                      progress=models, saved=saved, fitted=fitted, promotions=promotions,
                      prior=prior)
    for h, booster in fitted.items():
        if h not in saved:
            save_model(cache, h, booster, expect)
    _save_result(cache, key, result, expect)
    return result


def _prior(data: bytes | None) -> Prior | None:
    """The prior kept with the shop, loaded; a damaged one is left out (the forecast goes on
    without it; `association use` checks a file before it keeps it)."""
    if data is None:
        return None
    try:
        return Prior.from_bundle(files.from_bytes(data, "prior", "shop"))
    except UserError:
        return None


def _load_result(cache: ModelCache, key: str, expect: dict[str, object]
                 ) -> ForecastResult | None:
    text = load_result(cache, key, expect)
    if text is None:
        return None
    try:
        return result_from_json(text, ForecastResult)
    except (NotEncodableError, ValueError, KeyError, TypeError, AttributeError):
        cache.discard(f"{RESULT_PREFIX}{key[:32]}")  # damaged: computed afresh and saved again
        return None


def _save_result(cache: ModelCache, key: str, result: ForecastResult,
                 expect: dict[str, object]) -> None:
    """Save the forecast only if it reads back exactly equal."""
    try:
        text = result_to_json(result)
        if not results_equal(result_from_json(text, ForecastResult), result):
            return
    except NotEncodableError:
        return
    save_result(cache, key, text, expect)
