"""The synthetic association's members launch products as asked (benchmarks/association.py
--launches scores more than one new product per shop)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import numpy as np
import pandas as pd

from forecasting.demo.association import default_association, simulate_member
from forecasting.demo.catalog import NEW_PRODUCT

END = dt.date(2025, 1, 1)


def test_a_member_launches_its_products_a_week_apart_and_sells_none_before() -> None:
    shop = next(s for s in default_association(END, launches=3) if s.name == "d4")
    one = simulate_member(dataclasses.replace(shop, launches=1), END)
    three = simulate_member(shop, END)
    introduced = three.history.world.schedule.introduced
    launched = pd.Series(introduced).sort_values()
    assert list(launched.index[:1]) == [NEW_PRODUCT["deli"]]
    assert len(launched) == 3
    after = np.array([(d - launched.iloc[0]).days for d in launched])
    week = 7 * (after // 7)
    assert list(week) == [0, 7, 14]  # a week apart ...
    assert (after - week < 7).all()  # ... each on its next delivery day
    firsts = three.sales.groupby("product")["date"].min()
    assert all(firsts[p] >= pd.Timestamp(d) for p, d in introduced.items())
    assert len(three.categories) == len(one.categories)  # the same range
    # the other products' sales are the same as with one launch; the launched ones only from then
    rest = [p for p in one.categories if p not in launched.index]
    key = ["date", "product"]
    a = one.sales[one.sales["product"].isin(rest)].sort_values(key).reset_index(drop=True)
    b = three.sales[three.sales["product"].isin(rest)].sort_values(key).reset_index(drop=True)
    assert a[["date", "product", "quantity"]].equals(b[["date", "product", "quantity"]])
    extra = launched.index[1]
    before = one.sales[(one.sales["product"] == extra)
                       & (one.sales["date"] < pd.Timestamp(launched[extra]))]
    assert len(before) > 300  # with one launch it was on sale all along
