"""Forecasts for a shop file: the demo shops, the saved model, and the censoring demo."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from forecasting.models.backtest import BacktestPlan, run_backtest
from forecasting.models.censoring import uncensor
from forecasting.models.fingerprint import code_fingerprint
from forecasting.models.frame import build_panel
from forecasting.models.persist import CACHE_ENV, RESULT_PREFIX, ModelCache
from forecasting.models.result_json import results_equal
from forecasting.models.shop_forecast import forecast_shop, shop_features
from forecasting.store.file import Shop
from forecasting.store.sales import read_sales, read_true_demand, write_sales

DAY = dt.date(2026, 11, 26)


@pytest.fixture(autouse=True)
def _own_model_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Copies of one shop share its model cache (by shop id): these tests look at theirs alone."""
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))


def _small_shop(source: Path, tmp_path: Path, products: int = 4) -> Path:
    path = tmp_path / "shop.bkshop"
    shutil.copy(source, path)
    with Shop.open(path) as shop:
        shop._conn.execute("DELETE FROM true_demand")  # the forecast never needs it
        # keep the test fast: forecast a few active products
        shop._conn.execute("UPDATE products SET active = 0 WHERE id > ?", (products,))
    return path


def _cache(shop: Shop) -> ModelCache:
    return ModelCache.for_shop(shop.shop_id)


def model_metadata(shop: Shop) -> dict[str, dict[str, object]]:
    return _cache(shop).metadata()


def _saved_medians(shop: Shop) -> list[float]:
    """The first median of every saved forecast."""
    out = []
    cache = _cache(shop)
    for name in cache.names():
        if name.startswith(RESULT_PREFIX):
            text, _ = cache.read(name)
            q = json.loads(text)["fields"]["quantiles"]
            out.append(float(q["data"][q["columns"].index("q0.5")]["values"][0]))
    return out


def _poison_saved_medians(shop: Shop) -> None:
    """Overwrite the first median of every saved forecast with -1, to see whether one is used."""
    cache = _cache(shop)
    names = [n for n in cache.names() if n.startswith(RESULT_PREFIX)]
    assert names
    for name in names:
        text, meta = cache.read(name)
        doc = json.loads(text)
        q = doc["fields"]["quantiles"]
        q["data"][q["columns"].index("q0.5")]["values"][0] = -1.0
        cache.write(name, json.dumps(doc), meta)


def test_saved_forecast_equals_a_fresh_computation(demo_bakery_path: Path, tmp_path: Path) -> None:
    """The trained model (saved boosters and forecast) gives exactly what a fresh run gives."""
    days = [DAY, DAY + dt.timedelta(days=2)]  # horizons 1 and 3
    with Shop.open(_small_shop(demo_bakery_path, tmp_path, products=3)) as shop:
        fresh = forecast_shop(shop, days, reuse=False)
        assert model_metadata(shop) == {}  # reuse=False saves nothing
        first = forecast_shop(shop, days)
        meta = model_metadata(shop)
        saved = [n for n in meta if n.startswith(RESULT_PREFIX)]
        assert len(saved) == 1
        assert set(meta) == {"lgbm_h1", "lgbm_h3", *saved}
        for m in meta.values():
            assert m["data_version"] == shop.data_version()
            assert m["code"] == code_fingerprint()
            assert {"lightgbm", "pandas", "statsmodels"} <= set(m["versions"])
            assert "fitted_at" in m
        assert _cache(shop).read("lgbm_h1")[0].startswith("tree")
        again = forecast_shop(shop, days)
        # only the saved boosters (the forecast itself deleted): still exactly the same
        _cache(shop).discard(saved[0])
        from_boosters = forecast_shop(shop, days)
    for result in (first, again, from_boosters):
        assert results_equal(result, fresh)
        pd.testing.assert_frame_equal(result.quantiles, fresh.quantiles, check_exact=True)
        pd.testing.assert_frame_equal(result.contributions, fresh.contributions, check_exact=True)
        pd.testing.assert_series_equal(result.model, fresh.model)
        pd.testing.assert_frame_equal(result.notes, fresh.notes)
    assert len(fresh.quantiles) == 2 * fresh.quantiles["product"].nunique() == 6
    c = again.contributions.groupby(["product", "date"])["amount"].sum()
    med = again.quantiles.set_index(["product", "date"])["q0.5"]
    assert np.abs(c - med.reindex(c.index)).max() < 1e-6


def test_saved_forecast_is_used_only_for_unchanged_data(
    demo_bakery_path: Path, tmp_path: Path
) -> None:
    levels = [0.5, 0.9]
    with Shop.open(_small_shop(demo_bakery_path, tmp_path, products=2)) as shop:
        first = forecast_shop(shop, [DAY], levels=levels)
        _poison_saved_medians(shop)
        # the second run answers from the saved forecast (it returns the poisoned value)
        assert forecast_shop(shop, [DAY], levels=levels).quantiles["q0.5"].iloc[0] == -1.0
        # another request (other levels) is not answered from it
        other = forecast_shop(shop, [DAY], levels=[0.5, 0.8])
        assert other.quantiles["q0.5"].iloc[0] == first.quantiles["q0.5"].iloc[0]

        _poison_saved_medians(shop)
        shop.mark_data_changed()
        assert forecast_shop(shop, [DAY], levels=levels).quantiles["q0.5"].iloc[0] >= 0
        assert len(_saved_medians(shop)) == 1  # the ones for the old data are gone
        assert all(m["data_version"] == shop.data_version() for m in model_metadata(shop).values())

        # a new sales day moves the origin: new models, new forecast
        sales = read_sales(shop, DAY - dt.timedelta(days=7), DAY - dt.timedelta(days=7))
        sales["date"] = pd.Timestamp(DAY)
        write_sales(shop, sales)
        later = DAY + dt.timedelta(days=1)
        forecast_shop(shop, [later], levels=levels)
        meta = model_metadata(shop)
        assert {m["origin"] for m in meta.values()} == {str(DAY)}
        assert "lgbm_h1" in meta

        # an edit that bypasses mark_data_changed still changes the inputs: nothing stale is
        # used, neither the saved forecast nor the saved booster
        _poison_saved_medians(shop)
        with shop.transaction() as conn:
            conn.execute("UPDATE sales SET quantity = quantity + 5 WHERE date = ?", (str(DAY),))
        edited = forecast_shop(shop, [later], levels=levels)
        assert results_equal(edited, forecast_shop(shop, [later], levels=levels, reuse=False))
        assert min(_saved_medians(shop)) >= 0


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


def test_a_promotion_for_one_product_lifts_that_product_only(demo_bakery_path: Path,
                                                             tmp_path: Path) -> None:
    """The demo's promotions lift only their product (+50 % demand); linked to the product, the
    forecast learns that from past promotions and applies it to a planned one."""
    from forecasting.store.calendar import delete_event, load_events, save_event
    from forecasting.values.events import Event

    path = _small_shop(demo_bakery_path, tmp_path, products=40)
    with Shop.open(path) as shop:
        promoted = [e.product for e in load_events(shop) if e.kind == "promotion" and e.product]
        assert len(promoted) >= 10, "the demo history has one-product promotions"
        # the model learns the lift across all products' promotions: keep every product
        keep = [max(set(promoted), key=promoted.count), "Weizenbrötchen", "Baguette"]
        event = Event("promotion", f"Aktion: {keep[0]}", DAY, DAY, product=keep[0])
        event_id = save_event(shop, event)
        with_promo = forecast_shop(shop, [DAY], reuse=False).quantiles.set_index("product")
        delete_event(shop, event_id)
        without = forecast_shop(shop, [DAY], reuse=False).quantiles.set_index("product")
    lift = with_promo["q0.5"] / without["q0.5"]
    assert lift[keep[0]] > 1.2, lift
    assert abs(lift[keep[1]] - 1) < 0.05, lift
    assert abs(lift[keep[2]] - 1) < 0.05, lift
