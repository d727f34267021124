"""Forecasts for a shop file: the demo shops, the saved model, and the censoring demo."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import numpy as np
import pandas as pd

from forecasting.models.backtest import BacktestPlan, run_backtest
from forecasting.models.censoring import uncensor
from forecasting.models.frame import build_panel
from forecasting.models.persist import model_metadata
from forecasting.models.shop_forecast import forecast_shop, shop_features
from forecasting.sales_store import read_sales, read_true_demand
from forecasting.shopfile import Shop

DAY = dt.date(2026, 11, 26)


def test_forecast_shop_saves_and_reuses_the_model(demo_bakery_path: Path, tmp_path: Path) -> None:
    path = tmp_path / "shop.bkshop"
    shutil.copy(demo_bakery_path, path)
    with Shop.open(path) as shop:
        shop.conn.execute("DELETE FROM true_demand")  # the forecast never needs it
        # keep the test fast: forecast five active products
        shop.conn.execute("UPDATE products SET active = 0 WHERE id > 5")
        first = forecast_shop(shop, [DAY], levels=[0.5, 0.7, 0.9])
        meta = model_metadata(shop)
        assert set(meta) == {"lgbm_h1"}
        assert meta["lgbm_h1"]["data_version"] == shop.data_version()
        assert {"lightgbm", "pandas"} <= set(meta["lgbm_h1"]["versions"])
        assert "fitted_at" in meta["lgbm_h1"]
        text = shop.conn.execute("SELECT model_text FROM models").fetchone()[0]
        assert text.startswith("tree")
        again = forecast_shop(shop, [DAY], levels=[0.5, 0.7, 0.9])
    pd.testing.assert_frame_equal(first.quantiles, again.quantiles)
    assert len(first.quantiles) == first.quantiles["product"].nunique()
    c = first.contributions.groupby(["product", "date"])["amount"].sum()
    med = first.quantiles.set_index(["product", "date"])["q0.5"]
    assert np.abs(c - med.reindex(c.index)).max() < 1e-6


def test_censoring_removes_most_of_the_bias_on_sell_out_days(demo_bakery_path: Path) -> None:
    """On sell-out days the sales understate the (known) true demand of the demo shop; the
    demand estimate the models train on must remove most of that gap, and forecasts trained
    with the treatment must be less biased than forecasts trained on the raw sales."""
    with Shop.open(demo_bakery_path) as shop:
        sales = read_sales(shop)
        truth = read_true_demand(shop)
        keep = sorted(sales["product"].unique())[:6]
        sales = sales[sales["product"].isin(keep) & (sales["date"] >= "2025-06-01")]
        features = shop_features(shop, dt.date(2025, 6, 1), dt.date(2026, 11, 25))
    panel = build_panel(sales)
    demand = truth.pivot(index="date", columns="product", values="demand")
    demand = demand.reindex(index=panel.dates, columns=panel.products).to_numpy()
    cells = panel.censored & np.isfinite(demand)
    assert cells.sum() > 100
    gap_sales = (panel.y[cells] - demand[cells]).sum() / demand[cells].sum()
    gap_treated = (uncensor(panel.y, panel.censored)[cells] - demand[cells]).sum() / demand[
        cells].sum()
    assert gap_sales < -0.1
    assert abs(gap_treated) < 0.5 * abs(gap_sales)

    plan = BacktestPlan(dt.date(2026, 9, 1), dt.date(2026, 11, 25), refit_every=45,
                        warmup_days=56)
    treated = run_backtest(sales, features, plan, [0.5], candidates=False).predictions
    plain_sales = sales.drop(columns=["produced", "leftover", "sold_out_time"])
    plain = run_backtest(plain_sales, features, plan, [0.5], candidates=False).predictions

    def bias(pred: pd.DataFrame) -> float:
        m = pred.merge(truth, on=["date", "product"])
        return float((m["q0.5"] - m["demand"]).sum() / m["demand"].sum())

    assert bias(plain) < bias(treated) - 0.02
