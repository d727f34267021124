"""Panel building: closed days, missing days, negative quantities."""

from __future__ import annotations

import numpy as np
import pandas as pd

from forecasting.models.frame import build_panel, closed_days


def test_all_zero_days_are_closed_and_not_observations(make_sales) -> None:
    sales = make_sales(days=28)
    panel = build_panel(sales)
    sundays = panel.dates.day_of_week == 6
    assert panel.closed[sundays].all()
    assert not panel.closed[~sundays].any()
    assert np.isnan(panel.y[sundays]).all()
    assert list(closed_days(sales)) == list(panel.dates[sundays])


def test_missing_days_are_unknown_not_zero(make_sales) -> None:
    sales = make_sales(days=28)
    gone = pd.Timestamp("2025-01-15")
    sales = sales[~((sales["product"] == "p0") & (sales["date"] == gone))]
    panel = build_panel(sales)
    t = panel.day_index(gone)
    assert np.isnan(panel.y[t, 0])
    assert not panel.closed[t]
    assert np.isfinite(panel.y[t, 1])


def test_negative_quantities_are_kept_as_sales_but_not_as_demand(make_sales) -> None:
    sales = make_sales(days=28)
    sales.loc[5, "quantity"] = -4.0
    panel = build_panel(sales)
    t = panel.day_index(sales.loc[5, "date"])
    assert panel.sales[t, 0] == -4.0
    assert np.isnan(panel.y[t, 0])


def test_future_days_extend_the_panel(make_sales) -> None:
    sales = make_sales(days=28)
    panel = build_panel(sales, until=pd.Timestamp("2025-02-10"))
    assert panel.dates[-1] == pd.Timestamp("2025-02-10")
    assert np.isnan(panel.y[-3:]).all()


def test_planned_promotions_set_the_input_of_their_product_also_on_future_days() -> None:
    sales = pd.DataFrame({"date": pd.to_datetime(["2026-11-02", "2026-11-02", "2026-11-03"]),
                          "product": ["A", "B", "A"], "quantity": [10.0, 5.0, 12.0]})
    promotions = pd.DataFrame({"product": ["A", "B", "Unbekannt"],
                               "date": pd.to_datetime(["2026-11-03", "2026-11-05", "2026-11-05"])})
    panel = build_panel(sales, until=pd.Timestamp("2026-11-05"), promotions=promotions)
    promo = panel.exog["promotion"]
    assert promo.shape == (4, 2)
    assert promo[:, 0].tolist() == [0, 1, 0, 0]  # A on 03.11.
    assert promo[:, 1].tolist() == [0, 0, 0, 1]  # B on 05.11., a day without sales yet
    assert "promotion" not in build_panel(sales).exog
