"""The plan path (issue 16): the plan's inputs are read once; the plan is a function of them and
of a forecast, which travels between processes as JSON and reads back bit-exact."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

import pandas as pd
import pytest

from forecasting.models.forecaster import ForecastResult
from forecasting.models.result_json import results_equal
from forecasting.models.shop_forecast import forecast_plan
from forecasting.plan_inputs import PlanInputs, read_plan_inputs
from forecasting.policy.plan import OrderPlan, build_order_plan, plan_days, plan_order
from forecasting.policy.plan_forecast import (
    PlanForecast,
    forecast_from_json,
    forecast_to_json,
    plan_forecast,
)
from forecasting.store.file import Shop
from forecasting.store.products import save_product
from forecasting.store.sales import write_sales
from forecasting.store.stock import save_count
from forecasting.values.products import Product
from forecasting.values.stock import StockCount
from tests.forecasting.policy.conftest import make_small_shop

WEDNESDAY = dt.date(2026, 11, 25)
SUNDAY = dt.date(2026, 11, 29)
MONDAY = dt.date(2026, 11, 23)
FETA = Product("Feta", category="Käse", price=3.2, unit_cost=1.6, shelf_life_days=10,
               lead_time_days=1, delivery_weekdays=(1, 4), supplier="Käsehandel")


def _lines(plan: OrderPlan) -> list[tuple[object, ...]]:
    """What a plan says, line by line (without the time it was computed)."""
    return [(ln.product, ln.date, ln.status, ln.forecast, ln.suggestion, ln.on_hand, ln.on_order,
             ln.sales_days, dict(ln.quantiles),
             [(s.code, s.amount, repr(s.params)) for s in ln.explanation.steps],
             [(n.code, repr(n.params)) for n in ln.explanation.notes])
            for ln in plan.lines]


def _counted_feta(shop: Shop) -> None:
    """Feta keeps and is counted on Monday; sold on Monday and Tuesday since."""
    save_product(shop, dataclasses.replace(FETA))  # a copy: saving sets its id
    save_count(shop, StockCount("Feta", MONDAY, on_hand=20.0, on_order=12.0))
    write_sales(shop, pd.DataFrame([
        {"product": "Feta", "date": MONDAY, "quantity": 5.0},
        {"product": "Feta", "date": MONDAY + dt.timedelta(days=1), "quantity": 4.0,
         "produced": 12.0, "leftover": 1.0},
    ]), replace=False)


def test_the_plan_is_a_function_of_the_inputs_read_once(
        small_shop: Shop, make_forecast: Callable[..., object]) -> None:
    _counted_feta(small_shop)
    inputs = read_plan_inputs(small_shop, WEDNESDAY)
    days = plan_days(inputs)
    assert days[0] == WEDNESDAY
    assert len(days) > 1  # Feta is ordered up to its stock for the days until its next delivery
    names = ["Brötchen", "Bauernbrot", "Käsekuchen", "Neu", "Feta"]
    result = make_forecast({(p, d): (20.0, 4.0) for p in names for d in days})
    from_shop = build_order_plan(small_shop, WEDNESDAY, result=result)
    small_shop.close()  # the plan reads nothing more of the shop file
    plan = plan_order(inputs, result=result)
    assert _lines(plan) == _lines(from_shop)
    assert plan.data_version == from_shop.data_version == inputs.plan_version
    feta = plan.line("Feta")
    assert (feta.on_hand, feta.on_order) == (22.0, 0.0)  # the count carried over the sales since


def test_inputs_are_frozen(small_shop: Shop) -> None:
    inputs = read_plan_inputs(small_shop, WEDNESDAY)
    with pytest.raises(dataclasses.FrozenInstanceError):
        inputs.day = SUNDAY  # type: ignore[misc]


@pytest.fixture(scope="module")
def real_forecast(tmp_path_factory: pytest.TempPathFactory) -> tuple[PlanInputs, PlanForecast]:
    """A forecast by the real models for the small shop (trained once, nothing saved)."""
    with make_small_shop(tmp_path_factory.mktemp("plan_forecast")) as shop:
        _counted_feta(shop)
        inputs = read_plan_inputs(shop, WEDNESDAY)
    days = plan_days(inputs)
    result = forecast_plan(inputs, days, reuse=False)
    return inputs, PlanForecast(inputs.shop_id, WEDNESDAY, inputs.data_version, tuple(days),
                                result)


def test_the_forecast_reads_back_bit_exact_and_plans_the_same(
        real_forecast: tuple[PlanInputs, PlanForecast]) -> None:
    inputs, forecast = real_forecast
    text = forecast_to_json(forecast)
    back = forecast_from_json(text)
    assert isinstance(back.result, ForecastResult)
    assert forecast.result is not None
    assert results_equal(back.result, forecast.result)
    assert (back.shop_id, back.day, back.data_version, back.days) == (
        forecast.shop_id, forecast.day, forecast.data_version, forecast.days)
    assert back.fits(inputs)
    assert _lines(plan_order(inputs, result=back.result)) == _lines(
        plan_order(inputs, result=forecast.result))
    assert forecast_to_json(back) == text


def test_a_forecast_from_other_data_or_days_does_not_fit(
        real_forecast: tuple[PlanInputs, PlanForecast]) -> None:
    inputs, forecast = real_forecast
    assert forecast.fits(inputs)
    assert not dataclasses.replace(forecast, data_version=inputs.data_version + 1).fits(inputs)
    assert not dataclasses.replace(forecast, days=forecast.days[:1]).fits(inputs)
    assert not dataclasses.replace(forecast, shop_id="another").fits(inputs)
    # without Feta (ordered for the days until its next delivery) the plan needs other days
    others = tuple(p for p in inputs.products if p.name != "Feta")
    assert not forecast.fits(dataclasses.replace(inputs, products=others))


def test_a_closed_day_needs_no_forecast(small_shop: Shop) -> None:
    inputs = read_plan_inputs(small_shop, SUNDAY)
    forecast = plan_forecast(inputs)
    assert (forecast.days, forecast.result) == ((), None)
    back = forecast_from_json(forecast_to_json(forecast))
    assert back == forecast
    assert back.fits(inputs)
    assert not plan_order(inputs, result=back.result).is_open


@pytest.mark.parametrize("text", [
    "", "[]", '{"format": "other"}',
    '{"format": "bestellkompass-plan-forecast", "version": 99}',
    '{"format": "bestellkompass-plan-forecast", "version": 1, "day": "2026-11-25"}',
    '{"format": "bestellkompass-plan-forecast", "version": 1, "shop_id": "x", "day": "2026-11-25",'
    ' "data_version": 1, "days": ["2026-11-25"], "result": {"format": 1, "fields": {}}}',
])
def test_damaged_text_is_refused(text: str) -> None:
    with pytest.raises(ValueError):  # noqa: PT011 - every damage is a ValueError for the caller
        forecast_from_json(text)
