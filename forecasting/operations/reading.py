"""What the window and the command line may read from a shop file, listed in one place: the storage
package stays theirs alone (forecasting/store), and the screens see plain values
(forecasting/values). Writes go through the other operations modules."""

from __future__ import annotations

from forecasting.store.calendar import events_frame, load_events, load_weather
from forecasting.store.calendar_options import load_calendar_options, stored_calendar_options
from forecasting.store.decisions import decision_on, forecasts_of, load_decisions, load_forecasts
from forecasting.store.products import load_products, product_by_name, product_ids
from forecasting.store.receipts import read_receipt_days
from forecasting.store.sales import last_sales_date, read_sales, sales_outside_window
from forecasting.store.service_levels import load_area_levels, load_category_levels
from forecasting.store.settings import load_closing_days, load_settings
from forecasting.store.stock import count_on, latest_counts
from forecasting.store.suppliers import load_suppliers

__all__ = [
    "count_on", "decision_on", "events_frame", "forecasts_of", "last_sales_date",
    "latest_counts", "load_area_levels", "load_calendar_options", "load_category_levels",
    "load_closing_days",
    "load_decisions", "load_events", "load_forecasts", "load_products", "load_settings",
    "load_suppliers", "load_weather", "product_by_name", "product_ids", "read_receipt_days",
    "read_sales",
    "sales_outside_window",
    "stored_calendar_options",
]
