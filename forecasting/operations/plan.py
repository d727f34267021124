"""Keeping the day's suggestions: the forecasts and suggestions of a computed plan are stored with
the version of the data they were computed from (so the window can say whether they are current,
and the Rückblick can compare them with what sold)."""

from __future__ import annotations

from forecasting.policy.plan import OrderPlan, stored_forecasts
from forecasting.store.decisions import save_forecasts
from forecasting.store.file import Shop


def save_plan(shop: Shop, plan: OrderPlan) -> int:
    """Store the plan's forecasts and suggestions; how many lines."""
    records = stored_forecasts(plan)
    if records:
        save_forecasts(shop, records)
    return len(records)
