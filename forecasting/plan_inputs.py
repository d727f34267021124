"""Everything an order plan reads of the shop file, read once into one frozen value.

`read_plan_inputs(shop, day)` is the only place the plan path reads the shop file; the forecast
(`forecasting.models.shop_forecast.forecast_plan`) and the plan (`forecasting.policy.plan.plan_order`)
are functions of the value it returns. Before, one plan read the sales three times, the events
four times and the settings about seven times (benchmarks/plan_path.py).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping

import pandas as pd

from calendars.plausible import DateWindow
from forecasting.shop_calendar import ShopCalendarInputs, calendar_inputs, promotions_of
from forecasting.store.association import load_prior
from forecasting.store.calendar import load_events, load_weather
from forecasting.store.calendar_options import load_calendar_options
from forecasting.store.decisions import deliveries_since
from forecasting.store.file import Shop
from forecasting.store.products import load_products
from forecasting.store.sales import read_sales, sales_outside_window
from forecasting.store.service_levels import load_area_levels, load_category_levels
from forecasting.store.settings import load_closing_days, load_settings
from forecasting.store.stock import counted_product_ids, latest_counts, load_moves
from forecasting.values.products import Product
from forecasting.values.sales import OutsideSales
from forecasting.values.settings import ShopSettings
from forecasting.values.stock import Delivery, StockCount, StockMove

#: How far back the plan reads deliveries and stock moves (the shelf is played from the count).
STOCK_LOOKBACK_DAYS = 60


@dataclasses.dataclass(frozen=True)
class PlanInputs:
    """What the forecast and the plan for `day` use of the shop file.

    sales: every SALES row inside the plausible window (the plan's recent history and the sales
    since a stock count are slices of it, see `sales_between`). data_version: the shop's data
    version (the forecast depends on it), plan_version: data and stock counts (the plan does).
    """

    shop_id: str
    day: dt.date
    settings: ShopSettings
    closing_days: Mapping[dt.date, str]
    products: tuple[Product, ...]  # all products, by name
    sales: pd.DataFrame
    promotions: pd.DataFrame  # product, date of one-product promotions
    calendar: ShopCalendarInputs
    category_levels: Mapping[str, float]
    area_levels: Mapping[str, float]  # supplier / production area -> the owner's level
    counted: frozenset[int]  # ids of products with any stock count
    stock_counts: Mapping[str, StockCount]  # per product its latest count on or before `day`
    sales_outside: Mapping[str, OutsideSales]  # sales days left out: outside the window
    data_version: int
    plan_version: int
    prior: bytes | None = None  # the association's prior kept with the shop (.bkprior bytes)
    # decided orders of goods that keep due lately or later, and receipts/write-offs booked lately
    deliveries: tuple[Delivery, ...] = ()
    stock_moves: tuple[StockMove, ...] = ()

    @property
    def active_products(self) -> list[Product]:
        """The products on sale (the forecast and the plan are for these), by name."""
        return [p for p in self.products if p.active]


def read_plan_inputs(shop: Shop, day: dt.date) -> PlanInputs:
    """Read once what the plan for `day` needs (see PlanInputs)."""

    settings = load_settings(shop)
    closing = load_closing_days(shop)
    events = load_events(shop)
    calendar = calendar_inputs(settings.state, events, closing,
                               load_weather(shop, DateWindow.default()),
                               load_calendar_options(shop))
    return PlanInputs(
        shop_id=shop.shop_id,
        day=day,
        settings=settings,
        closing_days=closing,
        products=tuple(load_products(shop)),
        sales=read_sales(shop),
        promotions=promotions_of(events),
        calendar=calendar,
        category_levels=load_category_levels(shop),
        area_levels=load_area_levels(shop),
        counted=frozenset(counted_product_ids(shop)),
        stock_counts=latest_counts(shop, day),
        sales_outside=sales_outside_window(shop),
        data_version=shop.data_version(),
        plan_version=shop.plan_version(),
        prior=load_prior(shop),
        deliveries=tuple(deliveries_since(shop, day - dt.timedelta(days=STOCK_LOOKBACK_DAYS))),
        stock_moves=tuple(load_moves(shop, day - dt.timedelta(days=STOCK_LOOKBACK_DAYS), day)),
    )


def sales_between(sales: pd.DataFrame, start: dt.date, end: dt.date) -> pd.DataFrame:
    """The rows of a SALES frame from `start` to `end` (inclusive), as `read_sales(shop, start,
    end)` returns them (sorted by product and date, index from 0)."""

    dates = sales["date"]
    keep = (dates >= pd.Timestamp(start)) & (dates <= pd.Timestamp(end))
    return sales[keep].reset_index(drop=True)
