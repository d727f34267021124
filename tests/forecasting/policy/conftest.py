"""Small shop files and forecast results in the forecasting core's shape, for the policy tests."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from forecasting.store.create import create_shop
from forecasting.store.file import Shop
from forecasting.store.products import save_product
from forecasting.store.sales import write_sales
from forecasting.values.products import Product

LEVELS = [0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.975, 0.99]


@dataclasses.dataclass
class PlainForecast:
    """The frames of forecasting.models.forecaster.ForecastResult, filled by hand."""

    quantiles: pd.DataFrame
    contributions: pd.DataFrame
    model: pd.Series
    notes: pd.DataFrame


def plain_forecast(rows: dict[tuple[str, dt.date], tuple[float, float]]) -> PlainForecast:
    """Normal(mu, sigma) demand per (product, day); contributions baseline + weekday + other."""
    q, c = [], []
    for (product, day), (mu, sigma) in rows.items():
        values = stats.norm.ppf(LEVELS, mu, sigma).clip(0)
        q.append({"product": product, "date": pd.Timestamp(day),
                  **{f"q{t:g}": v for t, v in zip(LEVELS, values, strict=True)}})
        median = float(values[LEVELS.index(0.5)])
        for group, amount in (("baseline", 0.8 * median), ("weekday", 0.15 * median),
                              ("other", 0.05 * median)):
            c.append({"product": product, "date": pd.Timestamp(day), "group": group,
                      "amount": amount})
    products = sorted({p for p, _ in rows})
    notes = pd.DataFrame({"thin_history": [p == "Neu" for p in products],
                          "history_days": [10 if p == "Neu" else 400 for p in products],
                          "borrowed_from": ["Brötchen" if p == "Neu" else "" for p in products]},
                         index=pd.Index(products, name="product"))
    return PlainForecast(pd.DataFrame(q), pd.DataFrame(c),
                         pd.Series("test", index=products), notes)


@pytest.fixture
def small_shop(tmp_path: Path) -> Iterator[Shop]:
    """A bakery in Bavaria (Mon-Sat) with four products and eight weeks of sales."""
    shop = make_small_shop(tmp_path)
    yield shop
    shop.close()


def make_small_shop(tmp_path: Path) -> Shop:
    """The `small_shop` (open; the caller closes it)."""
    shop = create_shop(tmp_path / "small.bkshop", name="Kleine Bäckerei", state="BY")
    products = [
        Product("Brötchen", category="Brötchen", price=0.45, unit_cost=0.12, pack_size=12,
                supplier="Backstube"),
        Product("Bauernbrot", category="Brot", price=4.2, unit_cost=1.3, supplier="Backstube"),
        Product("Zopf", category="Feingebäck", price=3.5, unit_cost=1.0, supplier="Backstube",
                delivery_weekdays=(5,)),
        Product("Käsekuchen", category="Kuchen", price=2.8, unit_cost=0.9, supplier="Konditorei"),
        Product("Neu", category="Brötchen", price=0.6, unit_cost=0.2, supplier="Backstube"),
    ]
    for p in products:
        save_product(shop, p)
    days = pd.date_range("2026-09-28", "2026-11-21")
    days = days[days.day_of_week < 6]
    rng = np.random.default_rng(0)
    rows = []
    for d in days:
        rows.append({"product": "Brötchen", "date": d, "quantity": rng.poisson(100),
                     "sold_out_time": "17:30" if d >= pd.Timestamp("2026-11-17") else None})
        rows.append({"product": "Bauernbrot", "date": d, "quantity": rng.poisson(20)})
        if d.weekday() != 2:  # Käsekuchen is never sold on Wednesdays
            rows.append({"product": "Käsekuchen", "date": d, "quantity": rng.poisson(12)})
    write_sales(shop, pd.DataFrame(rows))
    return shop


@pytest.fixture
def make_forecast() -> object:
    """`plain_forecast` as a fixture, so test modules need not import the conftest."""
    return plain_forecast
