"""A shop's calendar inputs (events incl. closing days, weather, options) and its feature table.

The one place that turns a shop file into `calendars.build_features` arguments, so the forecast,
the calendar command and the app's views see the same calendar. Events, closing days and weather
dated outside the plausible window (calendars/plausible.py) are left out: an older file may hold a
typo such as 0001-01-01 that would break every forecast; `calendar_outside_window` counts them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pandas as pd

from calendars.features import FeatureTable, build_features
from calendars.options import CalendarOptions
from calendars.plausible import DateWindow
from forecasting.store.calendar import events_frame, load_events, load_weather, rows_outside
from forecasting.store.calendar_options import load_calendar_options
from forecasting.store.file import Shop
from forecasting.store.settings import load_closing_days, load_settings
from forecasting.values.events import Event


@dataclasses.dataclass
class ShopCalendarInputs:
    """What build_features needs from a shop file (events: EVENTS frame with closing days)."""

    state: str
    events: pd.DataFrame | None  # None when the shop has none
    weather: pd.DataFrame | None  # one row per day, observation over forecast; None when none
    options: CalendarOptions


def closure_events(closing: dict[dt.date, str]) -> pd.DataFrame:
    """Planned closing days as `closure` events (an EVENTS frame)."""
    return pd.DataFrame({
        "kind": "closure",
        "name": [reason or "geschlossen" for reason in closing.values()],
        "start_date": pd.to_datetime(list(closing)),
        "end_date": pd.to_datetime(list(closing)),
        "strength": float("nan"),
        "source": "closing_days",
        "uid": None,
    })


def shop_calendar_inputs(shop: Shop) -> ShopCalendarInputs:
    """State, events (closing days included), weather and calendar options of the shop."""

    return calendar_inputs(load_settings(shop).state, load_events(shop), load_closing_days(shop),
                           load_weather(shop, DateWindow.default()), load_calendar_options(shop))


def calendar_inputs(state: str, events: list[Event], closing: dict[dt.date, str],
                    weather: pd.DataFrame, options: CalendarOptions) -> ShopCalendarInputs:
    """The calendar inputs from what was read of the shop file (weather: inside the window)."""

    window = DateWindow.default()
    frame = events_frame([e for e in events if not is_product_promotion(e)], window)
    closing = {d: r for d, r in closing.items() if d in window}
    if closing:
        extra = closure_events(closing)
        frame = pd.concat([frame, extra], ignore_index=True) if len(frame) else extra
    if len(weather):
        # an observation beats a forecast for the same day ("forecast" < "observation")
        weather = weather.sort_values(["date", "kind"]).drop_duplicates("date", keep="last")
    return ShopCalendarInputs(
        state=state,
        events=frame if len(frame) else None,
        weather=weather if len(weather) else None,
        options=options,
    )


def in_window(event: Event, window: DateWindow) -> bool:
    """Whether an event lies inside the date window (else the forecast leaves it out)."""
    return event.start_date in window and event.end_date in window


def calendar_outside_window(shop: Shop) -> tuple[int, int, int]:
    """(events, weather days, closing days) dated outside the plausible window."""
    return rows_outside(shop, DateWindow.default())


def is_product_promotion(event: Event) -> bool:
    """A promotion for one product: that product's input, not an event of the whole shop."""
    return event.kind == "promotion" and bool(event.product)


def product_promotions(shop: Shop) -> pd.DataFrame:
    """One row per product and promotion day (columns product, date), from the shop's events."""

    return promotions_of(load_events(shop))


def promotions_of(events: list[Event]) -> pd.DataFrame:
    """One row per product and promotion day (columns product, date) of `events`."""

    window = DateWindow.default()
    rows = [(e.product, day) for e in events
            if is_product_promotion(e) and in_window(e, window)
            for day in pd.date_range(e.start_date, e.end_date, freq="D")]
    return pd.DataFrame(rows, columns=["product", "date"]).drop_duplicates(ignore_index=True)


def with_promotions(sales: pd.DataFrame, promotions: pd.DataFrame) -> pd.DataFrame:
    """`sales` with a 0/1 `promotion` column from `product_promotions` (the input of a backtest,
    whose days all have sales rows)."""
    promoted = pd.MultiIndex.from_frame(promotions[["date", "product"]])
    marked = pd.MultiIndex.from_frame(sales[["date", "product"]]).isin(promoted)
    return sales.assign(promotion=marked.astype(int))


def shop_features(shop: Shop, start: dt.date, end: dt.date) -> FeatureTable:
    """The calendar FeatureTable of the shop from `start` to `end` (weather included)."""

    return features_of(shop_calendar_inputs(shop), start, end)


def features_of(inputs: ShopCalendarInputs, start: dt.date, end: dt.date) -> FeatureTable:
    """The calendar FeatureTable from `start` to `end` built from calendar inputs."""

    return build_features(inputs.state, start, end, events=inputs.events, weather=inputs.weather,
                          options=inputs.options)
