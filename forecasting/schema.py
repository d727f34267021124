"""The frames passed between calendars, models, backtests, policy and the app: columns defined once.

SALES (long table, one row per product and day with data):
    product (str)        product name, exactly as in the shop / file
    date (datetime64)    the calendar day (midnight, no time zone)
    quantity (float)     units sold, returns netted (may be negative on a day of returns)
    produced (float)     optional: units baked or delivered that day (NaN if not recorded)
    leftover (float)     optional: units left over / written off that day (NaN if not recorded)
    sold_out_time (str)  optional: "HH:MM" when the product sold out, else None
Missing days are days without data (closed or unknown), never zero sales.

EVENTS: kind (str, one of calendars.events.EVENT_KINDS), name (str), start_date, end_date
    (datetime64, inclusive), strength (float, optional, 1 = normal), source (str), uid (str, optional),
    product (str, optional: a promotion for that one product; the forecast then sees it as that
    product's `promotion` input, not as a calendar event of the whole shop)

WEATHER: date (datetime64), kind ("observation" | "forecast"), temperature (mean °C),
    temperature_max (°C), precipitation (mm), sunshine (hours), source (str)

PREDICTIONS (backtests and forecasts): date, product, and one column per quantile level named
    "q0.5", "q0.7", ... (floats, non-decreasing across levels, never negative).
"""

from __future__ import annotations

import pandas as pd

SALES_COLUMNS = ["product", "date", "quantity", "produced", "leftover", "sold_out_time"]
SALES_REQUIRED = ["product", "date", "quantity"]
EVENT_COLUMNS = ["kind", "name", "start_date", "end_date", "strength", "source", "uid"]
WEATHER_COLUMNS = [
    "date",
    "kind",
    "temperature",
    "temperature_max",
    "precipitation",
    "sunshine",
    "source",
]


def quantile_column(level: float) -> str:
    """The prediction column for a quantile level: 0.7 -> "q0.7"."""
    return f"q{level:g}"


def empty_sales() -> pd.DataFrame:
    """A SALES frame with no rows and the right dtypes."""
    return normalise_sales(pd.DataFrame(columns=SALES_COLUMNS))


def normalise_sales(frame: pd.DataFrame) -> pd.DataFrame:
    """Bring a frame into the SALES shape: all columns present, dtypes fixed, sorted."""
    missing = [c for c in SALES_REQUIRED if c not in frame.columns]
    if missing:
        raise ValueError(f"sales frame lacks columns {missing}")
    out = pd.DataFrame(
        {
            "product": frame["product"].astype(str),
            "date": pd.to_datetime(frame["date"]).dt.normalize(),
            "quantity": pd.to_numeric(frame["quantity"]).astype(float),
            "produced": pd.to_numeric(
                frame.get("produced", pd.Series(float("nan"), index=frame.index))
            ).astype(float),
            "leftover": pd.to_numeric(
                frame.get("leftover", pd.Series(float("nan"), index=frame.index))
            ).astype(float),
            "sold_out_time": frame.get(
                "sold_out_time", pd.Series(None, index=frame.index, dtype=object)
            ).astype(object),
        }
    )
    out["sold_out_time"] = out["sold_out_time"].where(out["sold_out_time"].notna(), None)
    return out.sort_values(["product", "date"], kind="stable").reset_index(drop=True)
