"""Forecasts for a shop file: reads sales, settings, events, weather and products (never the
demo-only true_demand table), and reuses the saved LightGBM model while the data is unchanged."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import pandas as pd

from forecasting.models.forecaster import DEFAULT_LEVELS, ForecastResult, forecast
from forecasting.models.persist import load_model, save_model
from forecasting.progress import NullProgress, Progress
from forecasting.shopfile import Shop


def shop_features(shop: Shop, start: dt.date, end: dt.date) -> Any:
    """The calendar FeatureTable of the shop (state, events incl. closing days, weather)."""
    from calendars.features import build_features
    from forecasting.calendar_store import events_frame, load_events, load_weather
    from forecasting.shop_settings import load_closing_days, load_settings

    settings = load_settings(shop)
    events = events_frame(load_events(shop))
    closing = load_closing_days(shop)
    if closing:
        extra = pd.DataFrame({
            "kind": "closure", "name": [r or "closed" for r in closing.values()],
            "start_date": pd.to_datetime(list(closing)), "end_date": pd.to_datetime(list(closing)),
            "strength": float("nan"), "source": "closing_days", "uid": None,
        })
        events = pd.concat([events, extra], ignore_index=True) if len(events) else extra
    weather = load_weather(shop)
    if weather.empty:
        weather = None
    else:
        # an observation beats a forecast for the same day
        weather = weather.sort_values(["date", "kind"]).drop_duplicates("date", keep="last")
    return build_features(settings.state, start, end, events=events if len(events) else None,
                          weather=weather)


def forecast_shop(
    shop: Shop,
    dates: list[dt.date],
    *,
    levels: Sequence[float] = DEFAULT_LEVELS,
    progress: Progress | None = None,
) -> ForecastResult:
    """Quantile forecasts with explanations for the shop's active products on `dates`."""
    from forecasting.products import load_products
    from forecasting.sales_store import read_sales

    progress = progress or NullProgress()
    progress.report(0.0, "forecast.read")
    sales = read_sales(shop)
    products = [p for p in load_products(shop) if p.active]
    first = sales["date"].min().date() if len(sales) else min(dates)
    features = shop_features(shop, first, max(max(dates), first))
    last = sales["date"].max() if len(sales) else pd.Timestamp(min(dates))
    expect = {"data_version": shop.data_version(), "origin": str(pd.Timestamp(last).date()),
              "products": [p.name for p in products]}
    horizons = {max(1, (pd.Timestamp(d) - last).days) for d in dates}
    saved = {h: b for h in horizons if (b := load_model(shop, h, expect)) is not None}
    fitted: dict[int, Any] = {}
    result = forecast(sales, features, dates, levels=levels, products=products or None,
                      progress=progress, saved=saved, fitted=fitted)
    for h, booster in fitted.items():
        if h not in saved:
            save_model(shop, h, booster, expect)
    return result
