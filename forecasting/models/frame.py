"""SALES frame -> the dense day x product panel the models work on (open, closed, missing days).

Missing days (no row) are unknown, not zero. A day on which every product that has a row sold
exactly 0 is a closed day; closed days are never trained on and never scored.
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd

from forecasting.models.censoring import censored_mask

EXOG_COLUMNS = ("promotion", "school_holiday")


@dataclasses.dataclass
class Panel:
    """Dense arrays indexed [day, product]; y is NaN where there is no usable observation.

    dates: every calendar day from the first sales day to `until` (future days have y = NaN).
    sales: the quantities as recorded (NaN for no row), y: demand observations usable for training
    (NaN on closed, missing and negative days), closed: shop closed that day (bool per day),
    censored: the figure is a lower bound of demand (sell-out), exog: SALES extra columns, 0/1.
    first: index of each product's first day with a row.
    """

    dates: pd.DatetimeIndex
    products: list[str]
    sales: np.ndarray
    y: np.ndarray
    closed: np.ndarray
    censored: np.ndarray
    exog: dict[str, np.ndarray]
    first: np.ndarray

    @property
    def n_days(self) -> int:
        """Number of days in the panel."""
        return len(self.dates)

    def day_index(self, day: object) -> int:
        """Position of a calendar day in `dates`."""
        return int((pd.Timestamp(day) - self.dates[0]).days)


def _wide(frame: pd.DataFrame, column: str, dates: pd.DatetimeIndex, products: list[str]) -> np.ndarray:
    table = frame.pivot_table(index="date", columns="product", values=column, aggfunc="sum")
    return table.reindex(index=dates, columns=products).to_numpy(dtype=float)


def closed_days(sales: pd.DataFrame) -> pd.DatetimeIndex:
    """Days on which every product with a row sold exactly 0 (the shop was closed)."""
    by_day = sales.groupby("date")["quantity"].agg(lambda q: bool((q == 0).all()))
    return pd.DatetimeIndex(by_day.index[by_day.to_numpy(dtype=bool)])


def build_panel(
    sales: pd.DataFrame,
    until: pd.Timestamp | None = None,
    products: list[str] | None = None,
    extra_closed: pd.DatetimeIndex | None = None,
    promotions: pd.DataFrame | None = None,
) -> Panel:
    """The panel of a SALES frame (normalised or with at least product, date, quantity).

    promotions: (product, date) rows of planned promotions, also on days without sales yet; they
    set the `promotion` input besides a SALES `promotion` column.
    """

    sales = sales.copy()
    sales["date"] = pd.to_datetime(sales["date"]).dt.normalize()
    sales["product"] = sales["product"].astype(str)
    sales = sales[sales["quantity"].notna()]
    names = list(products) if products is not None else sorted(sales["product"].unique())
    start = sales["date"].min() if len(sales) else pd.Timestamp(until)
    end = sales["date"].max() if len(sales) else pd.Timestamp(until)
    if until is not None and pd.Timestamp(until) > end:
        end = pd.Timestamp(until)
    dates = pd.date_range(start, end, freq="D")
    quantity = _wide(sales, "quantity", dates, names)
    closed = np.isin(dates, closed_days(sales))
    if extra_closed is not None:
        closed |= np.isin(dates, extra_closed)
    rows = np.isfinite(quantity)
    first = np.where(rows.any(axis=0), rows.argmax(axis=0), len(dates))
    censored = censored_mask(sales, dates, names)
    y = quantity.copy()
    y[closed] = np.nan
    y[y < 0] = np.nan  # returns booked later: the day's demand is unknown
    exog = {
        col: np.nan_to_num(_wide(sales.fillna({col: 0}), col, dates, names), nan=0.0)
        for col in EXOG_COLUMNS
        if col in sales.columns
    }
    if promotions is not None and len(promotions):
        promo = exog.get("promotion", np.zeros((len(dates), len(names))))
        rows = dates.get_indexer(pd.to_datetime(promotions["date"]).dt.normalize())
        index = {name: j for j, name in enumerate(names)}
        cols = np.array([index.get(str(p), -1) for p in promotions["product"]])
        known = (rows >= 0) & (cols >= 0)
        promo[rows[known], cols[known]] = 1.0
        exog["promotion"] = promo
    return Panel(dates, names, quantity, y, closed, censored & np.isfinite(y), exog, first)
