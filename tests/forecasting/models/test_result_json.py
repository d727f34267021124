"""A ForecastResult stored as JSON reads back bit-exactly (values, dtypes, indexes)."""

from __future__ import annotations

import dataclasses
import json

import numpy as np
import pandas as pd
import pytest

from forecasting.models.forecaster import ForecastResult
from forecasting.models.result_json import (
    NotEncodableError,
    result_from_json,
    result_to_json,
    results_equal,
)


def _result() -> ForecastResult:
    days = pd.to_datetime(["2026-11-26", "2026-11-27", "2026-11-27"])
    quantiles = pd.DataFrame({
        "product": pd.array(["Brötchen", "Brezel", "Kuchen"], dtype="str"),
        "date": days,
        "q0.5": [1 / 3, 0.1 + 0.2, -0.0],
        "q0.9": [1e-300, np.nan, np.inf],
    })
    contributions = pd.DataFrame({
        "product": ["Brötchen", "Brötchen", "Brezel"],
        "date": days.as_unit("ns"),
        "group": ["baseline", "holiday", "baseline"],
        "amount": [2.0 / 7.0, -1.25e-17, 123456789.123456789],
    })
    model = pd.Series({"Brötchen": "lgbm", "Brezel": "ets", "Kuchen": None}, name="model",
                      dtype=object)
    notes = pd.DataFrame(
        {"thin_history": [False, True, False], "history_days": np.array([700, 3, 0]),
         "borrowed_from": ["", "Feingebäck", "*"]},
        index=pd.Index(["Brötchen", "Brezel", "Kuchen"], name="product"),
    )
    return ForecastResult(quantiles, contributions, model, notes)


def test_round_trip_is_exact() -> None:
    result = _result()
    back = result_from_json(result_to_json(result), ForecastResult)
    assert results_equal(back, result)
    pd.testing.assert_frame_equal(back.quantiles, result.quantiles, check_exact=True)
    pd.testing.assert_frame_equal(back.contributions, result.contributions, check_exact=True)
    pd.testing.assert_series_equal(back.model, result.model, check_exact=True)
    pd.testing.assert_frame_equal(back.notes, result.notes, check_exact=True)
    assert back.quantiles["q0.5"].iloc[1] == 0.1 + 0.2  # not 0.3
    assert np.signbit(back.quantiles["q0.5"].iloc[2])
    assert back.contributions["date"].dtype == result.contributions["date"].dtype
    assert back.quantiles["date"].dtype == result.quantiles["date"].dtype


def test_results_equal_sees_a_changed_value_dtype_or_index() -> None:
    result = _result()
    other = _result()
    other.contributions.loc[0, "amount"] = np.nextafter(other.contributions.loc[0, "amount"], 1)
    assert not results_equal(result, other)
    other = _result()
    other.notes["history_days"] = other.notes["history_days"].astype(float)
    assert not results_equal(result, other)
    other = _result()
    other.model.index = ["a", "b", "c"]
    assert not results_equal(result, other)


def test_what_cannot_be_stored_exactly_is_refused() -> None:
    result = _result()
    tz = dataclasses.replace(result, quantiles=result.quantiles.assign(
        date=result.quantiles["date"].dt.tz_localize("Europe/Berlin")))
    with pytest.raises(NotEncodableError):
        result_to_json(tz)
    odd = dataclasses.replace(result, model=pd.Series([object()] * 3, name="model"))
    with pytest.raises(NotEncodableError):
        result_to_json(odd)
    doc = json.loads(result_to_json(result))
    doc["format"] = 99
    with pytest.raises(NotEncodableError):
        result_from_json(json.dumps(doc), ForecastResult)
