"""Stock counts: stored per product and day, the latest one applies, bad input changes nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from forecasting.errors import UserError
from forecasting.policy.stock_at import StockAt
from forecasting.store.create import create_shop
from forecasting.store.file import Shop
from forecasting.store.products import save_product
from forecasting.store.stock import (
    count_on,
    counted_product_ids,
    delete_count,
    latest_counts,
    save_count,
)
from forecasting.values.products import Product
from forecasting.values.stock import StockCount

MON, WED, FRI = dt.date(2026, 11, 23), dt.date(2026, 11, 25), dt.date(2026, 11, 27)


@pytest.fixture
def shop(tmp_path: Path) -> Shop:
    shop = create_shop(tmp_path / "deli.bkshop", name="Feinkost", state="SH")
    save_product(shop, Product("Feta", unit="Stück", shelf_life_days=10))
    save_product(shop, Product("Oliven", unit="kg", shelf_life_days=14))
    yield shop
    shop.close()


def test_latest_count_on_or_before_the_day_applies(shop: Shop) -> None:
    save_count(shop, StockCount("Feta", MON, 12.0, 24.0))
    save_count(shop, StockCount("Feta", WED, 5.0))
    save_count(shop, StockCount("Oliven", WED, 1.5, 2.0))
    assert latest_counts(shop, dt.date(2026, 11, 22)) == {}
    assert latest_counts(shop, dt.date(2026, 11, 24)) == {"Feta": StockCount("Feta", MON, 12, 24)}
    assert latest_counts(shop, FRI) == {"Feta": StockCount("Feta", WED, 5.0, 0.0),
                                        "Oliven": StockCount("Oliven", WED, 1.5, 2.0)}
    assert count_on(shop, "Feta", MON) == StockCount("Feta", MON, 12.0, 24.0)
    assert count_on(shop, "Feta", FRI) is None
    save_count(shop, StockCount("Feta", WED, 7.0, 1.0))  # the same day again: replaced
    assert latest_counts(shop, FRI)["Feta"] == StockCount("Feta", WED, 7.0, 1.0)
    assert delete_count(shop, "Feta", WED) is True
    assert delete_count(shop, "Feta", WED) is False
    assert latest_counts(shop, FRI)["Feta"] == StockCount("Feta", MON, 12.0, 24.0)
    assert len(counted_product_ids(shop)) == 2


def test_a_count_makes_suggestions_stale_but_keeps_the_forecast(shop: Shop) -> None:
    from forecasting.operations import stock
    from forecasting.operations.edits import apply_edit

    data, plan = shop.data_version(), shop.plan_version()
    apply_edit(shop, stock.count(shop, "Feta", WED, 5.0))
    assert shop.data_version() == data  # the trained model and saved forecast stay valid
    assert shop.plan_version() == plan + 1
    apply_edit(shop, stock.clear_count(shop, "Feta", WED))
    assert (shop.data_version(), shop.plan_version()) == (data, plan + 2)
    actions = [r[0] for r in shop._conn.execute("SELECT action FROM change_log")]
    assert actions[-2:] == ["stock.set", "stock.clear"]


@pytest.mark.parametrize(
    ("count", "code"),
    [(StockCount("Käse", WED, 1.0), "stock.unknown_product"),
     (StockCount("Feta", WED, -1.0), "stock.bad_amount"),
     (StockCount("Feta", WED, 1.0, float("nan")), "stock.bad_amount"),
     (StockCount("Feta", WED, float("inf")), "stock.bad_amount")],
)
def test_bad_counts_are_refused_and_change_nothing(shop: Shop, count: StockCount,
                                                   code: str) -> None:
    save_count(shop, StockCount("Feta", MON, 3.0))
    before = (shop.plan_version(), latest_counts(shop, FRI))
    with pytest.raises(UserError) as err:
        save_count(shop, count)
    assert err.value.code == code
    assert (shop.plan_version(), latest_counts(shop, FRI)) == before


def test_stock_is_carried_forward_over_the_sales_since_the_count(shop: Shop) -> None:
    import pandas as pd

    from forecasting.policy.stock_at import stocks_at
    from forecasting.store.sales import write_sales

    save_count(shop, StockCount("Feta", MON, on_hand=20.0, on_order=12.0))
    write_sales(shop, pd.DataFrame([
        {"product": "Feta", "date": MON, "quantity": 5.0},
        # Tuesday: 4 sold, the order of 12 delivered, 1 written off
        {"product": "Feta", "date": MON + dt.timedelta(days=1), "quantity": 4.0,
         "produced": 12.0, "leftover": 1.0},
        # Wednesday: Feta sold nothing (no row), the olives did: the day is recorded
        {"product": "Oliven", "date": WED, "quantity": 0.8},
    ]))
    assert stocks_at(shop, MON).get("Feta") == StockAt(20.0, 12.0, MON, 0)
    assert stocks_at(shop, dt.date(2026, 11, 26)).get("Feta") == StockAt(22.0, 0.0, MON, 0)
    # Thursday has no sales rows at all (not imported yet): said, not guessed
    assert stocks_at(shop, FRI).get("Feta") == StockAt(22.0, 0.0, MON, 1)
    assert stocks_at(shop, FRI).get("Oliven") is None
    # each product from its own count, the sales read once from the oldest
    save_count(shop, StockCount("Oliven", WED, on_hand=2.0))
    assert stocks_at(shop, FRI) == {"Feta": StockAt(22.0, 0.0, MON, 1),
                                    "Oliven": StockAt(1.2, 0.0, WED, 1)}
