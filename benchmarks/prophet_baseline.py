"""Prophet, the issue's best usual tool on Würzburg, run under our benchmark's protocol.

Per product: Prophet with weekly and yearly seasonality, the Bundesland's public holidays (the
day before and after each with an effect of its own), the shop's festival events as holidays,
and weather, school holidays and promotions as regressors; refitted every 14 days on the days
before the origin (a fit at day b forecasts b .. b+13 from data before b: strictly causal, as our
backtest). Quantiles from 500 predictive samples. Scored on the same product-days as ours against
the same seasonal naive as `forecast_benchmark.py`, and the average of ours and Prophet's.

Prophet is not a dependency of Bestellkompass (it needs Stan); run this in a separate environment:

    python3 -m venv /tmp/pvenv && /tmp/pvenv/bin/pip install prophet -e .
    python benchmarks/forecast_benchmark.py --shops kiel,wuerzburg --build DIR [--shift-years 1]
    /tmp/pvenv/bin/python benchmarks/prophet_baseline.py --build DIR [--shift-years 1]
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from forecast_benchmark import (  # noqa: E402
    LEVELS,
    REFIT_EVERY,
    baseline_frames,
    ratio_table,
    wide_sales,
)

SAMPLES = 500


def regressors(folder: Path, sales: pd.DataFrame, days: pd.DatetimeIndex) -> pd.DataFrame:
    """Weather and the SALES 0/1 columns per day (gaps interpolated: Prophet takes no NaN)."""
    frame = pd.DataFrame(index=days)
    if (folder / "WEATHER.csv").exists():
        weather = pd.read_csv(folder / "WEATHER.csv", parse_dates=["date"]).set_index("date")
        frame = frame.join(weather[["temperature", "precipitation"]])
    for column in ("school_holiday", "promotion"):
        if column in sales.columns:
            frame[column] = sales.groupby("date")[column].max()
    return frame.interpolate(limit_direction="both").fillna(0.0)


def holiday_table(folder: Path, years: range) -> pd.DataFrame:
    """Public holidays of the shop's Bundesland (+-1 day) and its festival events."""
    import holidays

    state = json.loads((folder / "shop.json").read_text())["state"]
    public = holidays.Germany(subdiv=state, years=years)
    rows = [{"holiday": name, "ds": pd.Timestamp(day), "lower_window": -1, "upper_window": 1}
            for day, name in public.items()]
    if (folder / "EVENTS.csv").exists():
        events = pd.read_csv(folder / "EVENTS.csv", parse_dates=["start_date", "end_date"])
        rows += [{"holiday": e["name"], "ds": day, "lower_window": 0, "upper_window": 0}
                 for _, e in events.iterrows() for day in pd.date_range(e["start_date"], e["end_date"])]
    return pd.DataFrame(rows)


def prophet_predictions(folder: Path, sales: pd.DataFrame, start: pd.Timestamp,
                        end: pd.Timestamp) -> pd.DataFrame:
    """date, product, q0.5, q0.7, q0.9 for every day of start..end."""
    from prophet import Prophet

    logging.getLogger("cmdstanpy").setLevel(logging.WARNING)
    logging.getLogger("prophet").setLevel(logging.ERROR)  # "yearly seasonality with < 730 days"
    wide = wide_sales(sales)  # closed days NaN
    extra = regressors(folder, sales, pd.date_range(wide.index.min(), end))
    hol = holiday_table(folder, range(wide.index.min().year, end.year + 1))
    out = []
    for product in wide.columns:
        for origin in pd.date_range(start, end, freq=f"{REFIT_EVERY}D"):
            known = wide.loc[wide.index < origin, product].dropna()
            train = pd.DataFrame({"ds": known.index, "y": known.to_numpy()}).join(extra, on="ds")
            model = Prophet(holidays=hol, weekly_seasonality=True, yearly_seasonality=True,
                            daily_seasonality=False, uncertainty_samples=SAMPLES)
            for column in extra.columns:
                model.add_regressor(column)
            model.fit(train)
            days = pd.date_range(origin, min(origin + pd.Timedelta(days=REFIT_EVERY - 1), end))
            future = pd.DataFrame({"ds": days}).join(extra, on="ds")
            q = np.quantile(model.predictive_samples(future)["yhat"], LEVELS, axis=1).clip(0)
            q = np.maximum.accumulate(q, axis=0)
            out.append(pd.DataFrame({"date": days, "product": product,
                                     **{f"q{tau:g}": q[k] for k, tau in enumerate(LEVELS)}}))
    return pd.concat(out, ignore_index=True)


def shop_table(folder: Path, shift_years: int) -> pd.DataFrame:
    """Ratios to seasonal naive: ours, Prophet, and their average, on the same product-days."""
    name = f"SALES_minus{shift_years}y.csv" if shift_years else "SALES.csv"
    sales = pd.read_csv(folder / name, parse_dates=["date"])
    wide = wide_sales(sales)
    end = wide.index.max()
    start = end - pd.Timedelta(days=364)
    prophet = prophet_predictions(folder, sales, start, end)
    prophet.to_csv(folder / "PRED_prophet.csv", index=False)
    ours = pd.read_csv(folder / "PRED.csv", parse_dates=["date"])
    naive = baseline_frames(wide)["seasonal_naive"]
    rows = wide[wide.index >= start].stack().rename("actual").reset_index()
    rows.columns = ["date", "product", "actual"]
    at = pd.MultiIndex.from_frame(rows[["date", "product"]])
    cols = {f"q{tau:g}" for tau in LEVELS}
    rows = rows.merge(ours[["date", "product", *sorted(cols)]], on=["date", "product"])
    rows = rows.merge(prophet, on=["date", "product"], suffixes=("", " prophet"))
    for tau in LEVELS:
        rows[f"q{tau:g} naive"] = naive[tau].stack().reindex(at).reindex(
            pd.MultiIndex.from_frame(rows[["date", "product"]])).to_numpy()
        rows[f"q{tau:g} average"] = (rows[f"q{tau:g}"] + rows[f"q{tau:g} prophet"]) / 2
    rows = rows.dropna()
    models = {label: {tau: rows[f"q{tau:g}{suffix}"].to_numpy() for tau in LEVELS}
              for label, suffix in (("ours", ""), ("Prophet", " prophet"),
                                    ("average of both", " average"), ("seasonal naive", " naive"))}
    table = ratio_table(rows["actual"].to_numpy(), models, "seasonal naive")
    table.attrs["rows"] = len(rows)
    return table


def main(argv: list[str] | None = None) -> int:
    """Print Prophet's ratios next to ours for each shop of a forecast benchmark run."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", type=Path, required=True, help="folder of a forecast benchmark run")
    parser.add_argument("--shops", default="kiel,wuerzburg")
    parser.add_argument("--shift-years", type=int, default=0)
    args = parser.parse_args(argv)
    for shop in args.shops.split(","):
        table = shop_table(args.build / shop, args.shift_years)
        year = "validation year" if args.shift_years else "test year"
        print(f"## {shop} ({year}, {table.attrs['rows']} product-days)\n")
        columns = ["wape", "ratio_0.5", "ratio_0.7", "ratio_0.9", "coverage_0.7", "coverage_0.9"]
        print(table[columns].round(4).to_string())
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
