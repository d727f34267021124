"""What the workshop scenario's model forecasts gain from seeing the observed weather of the day
they forecast (issue 17): `workshop create` runs the rolling backtest on the shop's calendar
features, whose weather is the observation where there is one, although on the evening before the
app had at most the forecast. The scenario is made once; its forecasts are then made again with
the weather of the scenario's days replaced by the stored forecast (what the app knew) and by
typical weather (a shop that keeps no forecasts), and the policy is scored on the same product-days.

    nice python benchmarks/workshop_weather.py [--from 2026-10-29] [--to 2026-11-25]

Approximation: one feature table serves every origin, so later origins also train on the
scenario's earlier days with forecast (or typical) weather instead of the observation the app
would have had by then: a few weeks of a training history of more than a year.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from forecasting.demo.generate import write_demo_shop  # noqa: E402
from forecasting.policy.forecast_input import level_of  # noqa: E402
from forecasting.shop_calendar import (  # noqa: E402
    calendar_inputs,
    features_of,
    product_promotions,
    with_promotions,
)
from forecasting.store.calendar import load_events, load_weather  # noqa: E402
from forecasting.store.calendar_options import load_calendar_options  # noqa: E402
from forecasting.store.file import Shop  # noqa: E402
from forecasting.store.products import load_products  # noqa: E402
from forecasting.store.sales import read_sales  # noqa: E402
from forecasting.store.settings import load_closing_days, load_settings  # noqa: E402
from forecasting.workshop.create import _forecasts, create_scenario, order_sheet  # noqa: E402
from forecasting.workshop.scoring import MODEL, score_orders  # noqa: E402

DEMO_END = dt.date(2026, 11, 26)


def weather_variant(weather: pd.DataFrame, first: dt.date, last: dt.date, kind: str
                    ) -> pd.DataFrame:
    """The shop's weather rows with the scenario's days as the app knew them that evening:
    "forecast" drops their observations (the stored forecast is used), "typical" drops both."""
    inside = (weather["date"] >= pd.Timestamp(first)) & (weather["date"] <= pd.Timestamp(last))
    if kind == "forecast":
        return weather[~(inside & (weather["kind"] == "observation"))]
    if kind == "typical":
        return weather[~inside]
    return weather


def figures(scenario: object) -> dict[str, float]:
    """Pinball loss over the quantile grid, median error, and the suggestion's scored figures."""
    f = scenario.forecasts.merge(scenario.outcome, on=["date", "product"])  # type: ignore[attr-defined]
    columns = [c for c in f.columns if level_of(str(c)) is not None]
    pinball = np.mean([np.mean(np.maximum(level_of(str(c)) * (f["demand"] - f[c]),  # type: ignore[operator]
                                          (level_of(str(c)) - 1) * (f["demand"] - f[c])))  # type: ignore[operator]
                       for c in columns])
    median = next(c for c in columns if abs((level_of(str(c)) or 0) - 0.5) < 1e-9)
    sheet = scenario.sheet  # type: ignore[attr-defined]
    rows = score_orders(scenario, sheet[["date", "product"]].assign(quantity=sheet["suggestion"]))  # type: ignore[arg-type]
    model = rows[rows["policy"] == MODEL]
    return {"pinball": round(float(pinball), 4),
            "median_abs_error": round(float((f["demand"] - f[median]).abs().mean()), 3),
            "waste": float(model["waste"].sum()), "sellout_days": int(model["sellout_days"].sum()),
            "short": float(model["short"].sum()), "margin": round(float(model["margin"].sum()), 2)}


def main() -> None:
    """Make the scenario, then its forecasts again with the weather the app knew."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--from", dest="first", default="2026-10-29")
    parser.add_argument("--to", dest="last", default="2026-11-25")
    args = parser.parse_args()
    first, last = dt.date.fromisoformat(args.first), dt.date.fromisoformat(args.last)
    with tempfile.TemporaryDirectory() as folder:
        shop_path = write_demo_shop("bakery", DEMO_END, Path(folder) / "bakery.bkshop")
        started = time.perf_counter()
        scenario = create_scenario(shop_path, first, last)
        out = {"observed (as workshop create)": {**figures(scenario),
                                                 "seconds": round(time.perf_counter() - started)}}
        with Shop.open(shop_path, read_only=True) as shop:
            sales = with_promotions(read_sales(shop), product_promotions(shop))
            catalogue = {p.name: p for p in load_products(shop)}
            parts = (load_settings(shop).state, load_events(shop), load_closing_days(shop),
                     load_weather(shop), load_calendar_options(shop))
        start = sales["date"].min().date()
        for kind in ("forecast", "typical"):
            started = time.perf_counter()
            weather = weather_variant(parts[3], first, last, kind)
            inputs = calendar_inputs(parts[0], parts[1], parts[2], weather, parts[4])
            features = features_of(inputs, start, last)
            forecasts = _forecasts(sales, features, catalogue, first, last)
            forecasts = forecasts.merge(scenario.outcome[["date", "product"]],
                                        on=["date", "product"])
            again = dataclasses.replace(scenario, forecasts=forecasts)
            again.sheet = order_sheet(again)
            out[kind] = {**figures(again), "seconds": round(time.perf_counter() - started)}
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
