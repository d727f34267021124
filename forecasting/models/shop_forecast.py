"""Forecasts for a shop file: reads sales, settings, events, weather and products (never the
demo-only true_demand table), and reuses the saved forecast and LightGBM models while the inputs,
the model code and the libraries are unchanged (see persist.py, fingerprint.py)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import pandas as pd

from forecasting.models.fingerprint import frame_digest, request_key
from forecasting.models.forecaster import DEFAULT_LEVELS, ForecastResult, forecast
from forecasting.models.persist import load_model, load_result, save_model, save_result
from forecasting.models.result_json import (
    NotEncodableError,
    result_from_json,
    result_to_json,
    results_equal,
)
from forecasting.progress import NullProgress, Progress
from forecasting.shopfile import Shop


def shop_features(shop: Shop, start: dt.date, end: dt.date) -> Any:
    """The calendar FeatureTable of the shop (see forecasting.shop_calendar)."""
    from forecasting.shop_calendar import shop_features as features_of_shop

    return features_of_shop(shop, start, end)


def forecast_shop(
    shop: Shop,
    dates: list[dt.date],
    *,
    levels: Sequence[float] = DEFAULT_LEVELS,
    progress: Progress | None = None,
    reuse: bool = True,
) -> ForecastResult:
    """Quantile forecasts with explanations for the shop's active products on `dates`.

    reuse: answer from the saved forecast / saved models when they were made from exactly these
    inputs (False: compute everything afresh and save nothing).
    """
    from forecasting.products import load_products
    from forecasting.sales_store import read_sales

    progress = progress or NullProgress()
    progress.report(0.0, "forecast.read")
    sales = read_sales(shop)
    products = [p for p in load_products(shop) if p.active]
    first = sales["date"].min().date() if len(sales) else min(dates)
    features = shop_features(shop, first, max(max(dates), first))
    last = sales["date"].max() if len(sales) else pd.Timestamp(min(dates))
    # the sales digest also catches edits that bypass mark_data_changed (direct SQL)
    expect = {"data_version": shop.data_version(), "origin": str(pd.Timestamp(last).date()),
              "products": [p.name for p in products], "sales": frame_digest(sales)}
    if not reuse:
        return forecast(sales, features, dates, levels=levels, products=products or None,
                        progress=progress)
    key = request_key(sales, features, dates, levels, products or None)
    cached = _load_result(shop, key, expect)
    if cached is not None:
        progress.report(1.0, "forecast.done")
        return cached
    horizons = {max(1, (pd.Timestamp(d) - last).days) for d in dates}
    saved = {h: b for h in horizons if (b := load_model(shop, h, expect)) is not None}
    fitted: dict[int, Any] = {}
    result = forecast(sales, features, dates, levels=levels, products=products or None,
                      progress=progress, saved=saved, fitted=fitted)
    for h, booster in fitted.items():
        if h not in saved:
            save_model(shop, h, booster, expect)
    _save_result(shop, key, result, expect)
    return result


def _load_result(shop: Shop, key: str, expect: dict[str, object]) -> ForecastResult | None:
    text = load_result(shop, key, expect)
    if text is None:
        return None
    try:
        return result_from_json(text, ForecastResult)
    except (NotEncodableError, ValueError, KeyError, TypeError):
        return None


def _save_result(shop: Shop, key: str, result: ForecastResult, expect: dict[str, object]) -> None:
    """Save the forecast only if it reads back exactly equal."""
    try:
        text = result_to_json(result)
        if not results_equal(result_from_json(text, ForecastResult), result):
            return
    except NotEncodableError:
        return
    save_result(shop, key, text, expect)
