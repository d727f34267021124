"""The forecast a plan uses, as text between processes: the window's forecast child computes it
(`bestellkompass suggest --format forecast`) and prints it; the window plans from it
(`plan_order(inputs, result=...)`) without reading the sales again or rehashing them.

The result is carried bit-exact (forecasting/models/result_json.py), so a plan from the child's
forecast is the plan the child would have made. `fits` says whether it was computed from the same
data and for the same days as the inputs the window read; if not, the window computes it itself.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

from forecasting.models.forecaster import ForecastResult
from forecasting.models.result_json import result_from_json, result_to_json
from forecasting.models.shop_forecast import forecast_plan
from forecasting.plan_inputs import PlanInputs
from forecasting.policy.plan import plan_days
from forecasting.progress import Progress

FORMAT = "bestellkompass-plan-forecast"
VERSION = 1


@dataclasses.dataclass(frozen=True)
class PlanForecast:
    """The forecast for `days` (None when the plan needs none: a closed day), computed from the
    shop's data version `data_version` for the order day `day`."""

    shop_id: str
    day: dt.date
    data_version: int
    days: tuple[dt.date, ...]
    result: ForecastResult | None

    def fits(self, inputs: PlanInputs) -> bool:
        """Whether a plan from `inputs` may use this forecast: same shop, day, data and days."""
        return (self.shop_id == inputs.shop_id and self.day == inputs.day
                and self.data_version == inputs.data_version
                and list(self.days) == plan_days(inputs))


def plan_forecast(inputs: PlanInputs, *, progress: Progress | None = None) -> PlanForecast:
    """The forecast `plan_order(inputs)` needs (the saved model is reused while the inputs are
    the same)."""
    days = plan_days(inputs)
    result = forecast_plan(inputs, days, progress=progress) if days else None
    return PlanForecast(inputs.shop_id, inputs.day, inputs.data_version, tuple(days), result)


def forecast_to_json(forecast: PlanForecast) -> str:
    """The forecast as JSON text (NotEncodableError if the result cannot be stored exactly)."""
    result = None if forecast.result is None else json.loads(result_to_json(forecast.result))
    return json.dumps({
        "format": FORMAT,
        "version": VERSION,
        "shop_id": forecast.shop_id,
        "day": forecast.day.isoformat(),
        "data_version": forecast.data_version,
        "days": [d.isoformat() for d in forecast.days],
        "result": result,
    }, allow_nan=True)


def forecast_from_json(text: str) -> PlanForecast:
    """The forecast printed by `forecast_to_json`; ValueError if `text` is not one."""
    try:
        doc = json.loads(text)
        if not isinstance(doc, dict) or doc.get("format") != FORMAT:
            raise ValueError("not a plan forecast")
        if doc.get("version") != VERSION:
            raise ValueError(f"plan forecast version {doc.get('version')}")
        result = doc["result"]
        return PlanForecast(
            shop_id=str(doc["shop_id"]),
            day=dt.date.fromisoformat(doc["day"]),
            data_version=int(doc["data_version"]),
            days=tuple(dt.date.fromisoformat(d) for d in doc["days"]),
            result=None if result is None else result_from_json(
                json.dumps(result, allow_nan=True), ForecastResult),
        )
    except (KeyError, TypeError, AttributeError) as exc:
        raise ValueError(f"damaged plan forecast: {exc!r}") from exc
