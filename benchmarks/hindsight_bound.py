"""How well could any forecast do on a real shop's scored year? A model that may look ahead.

The demo shops know their true demand distribution (forecast_oracle.py); real shops do not. As
a stand-in, this fits quantile models that see more than a forecast ever can: for each day, the
same product's amounts on the same weekday up to four weeks before *and after* it, its level in
the days around it (both sides), the shop's other products on the day itself, and every
calendar, weather and promotion input of the benchmark. The models are cross-fitted over days
(each day is predicted by models that never saw its own amounts), so the only thing they lack is
the day's own noise. Their loss estimates how much of a shop's loss is noise no forecast can
remove; it is not a proof (another model class could do better), but a causal forecast beating
it would have to know less and still be more accurate.

Reads a forecast benchmark run (SALES.csv, WEATHER.csv, EVENTS.csv, shop.json, PRED.csv):

    python benchmarks/forecast_benchmark.py --shops kiel,wuerzburg --build DIR
    python benchmarks/hindsight_bound.py --build DIR
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from forecast_benchmark import LEVELS, baseline_frames, ratio_table, wide_sales  # noqa: E402

FOLDS = 10
COLUMNS = ["wape", "ratio_0.5", "ratio_0.7", "ratio_0.9", "coverage_0.7", "coverage_0.9"]
TREES = 600
WEEKS = 4
CALENDAR = ("holiday", "holiday_eve", "holiday_after", "bridge_day", "long_weekend", "christmas_eve",
            "new_years_eve", "easter_saturday", "school_holiday", "school_holiday_first",
            "school_holiday_last", "summer_holiday", "season_sin1", "season_cos1", "season_sin2",
            "season_cos2", "payday", "days_since_payday", "mothers_day", "carnival",
            "advent_saturday", "event_town_festival", "event_town_festival_day")
PARAMS = {"learning_rate": 0.03, "num_leaves": 15, "min_data_in_leaf": 20, "feature_fraction": 0.8,
          "bagging_fraction": 0.8, "bagging_freq": 1, "verbose": -1, "seed": 7}


def two_sided(wide: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Per day x product: same weekday up to WEEKS weeks before and after, level around the day."""
    out = {}
    for k in range(1, WEEKS + 1):
        out[f"before_{k}"] = wide.shift(7 * k)
        out[f"after_{k}"] = wide.shift(-7 * k)
    same = pd.concat([out[f"before_{k}"] for k in range(1, WEEKS + 1)]
                     + [out[f"after_{k}"] for k in range(1, WEEKS + 1)])
    out["same_weekday_mean"] = same.groupby(level=0).mean().reindex(wide.index)
    out["same_weekday_median"] = same.groupby(level=0).median().reindex(wide.index)
    for days in (3, 14):
        around = wide.rolling(2 * days + 1, center=True, min_periods=1).sum()
        count = wide.notna().astype(float).rolling(2 * days + 1, center=True, min_periods=1).sum()
        own = wide.fillna(0)
        out[f"level_{days}"] = (around - own) / (count - wide.notna()).replace(0, np.nan)
    total = wide.sum(axis=1, min_count=1)
    for name in wide.columns:
        others = total - wide[name].fillna(0)
        usual = others.rolling(57, center=True, min_periods=7).median()
        out.setdefault("others_today", pd.DataFrame(index=wide.index))[name] = others / usual
    return out


def design(folder: Path, wide: pd.DataFrame) -> pd.DataFrame:
    """One row per open product-day with the look-ahead features and the actual amount."""
    from calendars.event_files import read_events_file
    from calendars.features import build_features
    from calendars.weather_files import read_weather_file

    state = json.loads((folder / "shop.json").read_text())["state"]
    events = read_events_file(folder / "EVENTS.csv") if (folder / "EVENTS.csv").exists() else None
    weather = read_weather_file(folder / "WEATHER.csv") if (folder / "WEATHER.csv").exists() else None
    cal = build_features(state, wide.index.min().date(), wide.index.max().date(), events=events,
                         weather=weather).frame
    cal.index = pd.DatetimeIndex(cal.index)
    keep = [c for c in CALENDAR if c in cal.columns]
    keep += [c for c in ("temperature", "precipitation") if c in cal.columns]
    parts = {name: frame.stack(future_stack=True) for name, frame in two_sided(wide).items()}
    rows = pd.DataFrame({"actual": wide.stack(future_stack=True), **parts})
    rows = rows[rows["actual"].notna()].reset_index(names=["date", "product"])
    rows["weekday"] = rows["date"].dt.day_of_week
    rows = rows.join(cal[keep], on="date")
    sales = pd.read_csv(folder / "SALES.csv", parse_dates=["date"])
    for column in ("school_holiday", "promotion"):
        if column in sales.columns:
            rows = rows.merge(sales[["date", "product", column]].rename(
                columns={column: f"sales_{column}"}), on=["date", "product"], how="left")
    rows["product_code"] = rows["product"].astype("category").cat.codes
    return rows


def folds(rows: pd.DataFrame) -> np.ndarray:
    """A fold number per row; all products of a day share a fold."""
    days = rows["date"].unique()
    fold_of = dict(zip(days, np.random.default_rng(11).integers(0, FOLDS, len(days)), strict=True))
    return rows["date"].map(fold_of).to_numpy()


def cross_fitted(rows: pd.DataFrame, objective: str) -> dict[float, np.ndarray]:
    """Out-of-fold predictions: each day predicted by models fitted on the other days only.

    objective "quantile": one model per level; "l2": one mean model, the same value per level.
    """
    import lightgbm as lgb

    features = [c for c in rows.columns if c not in ("date", "product", "actual")]
    fold = folds(rows)
    out = {tau: np.full(len(rows), np.nan) for tau in LEVELS}
    for k in range(FOLDS):
        train, test = fold != k, fold == k
        data = lgb.Dataset(rows.loc[train, features], rows.loc[train, "actual"],
                           categorical_feature=["product_code"], free_raw_data=False)
        for tau in LEVELS:
            params = {**PARAMS, "objective": objective}
            if objective == "quantile":
                params["alpha"] = tau
            elif tau != LEVELS[0]:
                out[tau][test] = out[LEVELS[0]][test]
                continue
            model = lgb.train(params, data, TREES)
            out[tau][test] = model.predict(rows.loc[test, features])
    stacked = np.maximum.accumulate(np.clip(np.vstack([out[t] for t in LEVELS]), 0, None), axis=0)
    return dict(zip(LEVELS, stacked, strict=True))


def with_error_quantiles(point: np.ndarray, scored: pd.DataFrame) -> dict[float, np.ndarray]:
    """point + each product's tau-quantile of the point's errors on the scored days (in units of
    sqrt(point), as our calibration): a spread chosen in hindsight too."""
    unit = np.sqrt(np.maximum(point, 1.0))
    errors = pd.Series((scored["actual"].to_numpy() - point) / unit, index=scored.index)
    out = {}
    for tau in LEVELS:
        offset = errors.groupby(scored["product"]).quantile(tau)
        out[tau] = np.clip(point + scored["product"].map(offset).to_numpy() * unit, 0, None)
    return out


def shop_table(folder: Path) -> pd.DataFrame:
    """Ratios to seasonal naive at each level: ours (causal) and the look-ahead models."""
    sales = pd.read_csv(folder / "SALES.csv", parse_dates=["date"])
    wide = wide_sales(sales)
    start = wide.index.max() - pd.Timedelta(days=364)
    rows = design(folder, wide)
    looks = {"look-ahead quantile models": cross_fitted(rows, "quantile"),
             "look-ahead mean model": cross_fitted(rows, "l2")}
    naive = baseline_frames(wide)["seasonal_naive"]
    pred = pd.read_csv(folder / "PRED.csv", parse_dates=["date"])
    scored = rows[["date", "product", "actual"]].copy()
    at = pd.MultiIndex.from_frame(scored[["date", "product"]])
    for tau in LEVELS:
        scored[f"naive {tau:g}"] = naive[tau].stack().reindex(at).to_numpy()
        for name, q in looks.items():
            scored[f"{name} {tau:g}"] = q[tau]
    scored = scored.merge(pred.rename(columns={f"q{tau:g}": f"ours {tau:g}" for tau in LEVELS}),
                          on=["date", "product"])
    scored = scored[scored["date"] >= start].dropna().reset_index(drop=True)
    mean = scored["look-ahead mean model 0.5"].to_numpy()
    variants = {
        "ours (causal)": {tau: scored[f"ours {tau:g}"].to_numpy() for tau in LEVELS},
        "look-ahead quantile models": {
            tau: scored[f"look-ahead quantile models {tau:g}"].to_numpy() for tau in LEVELS},
        "look-ahead mean model, spread in hindsight": with_error_quantiles(mean, scored),
        "half look-ahead mean, half our median, spread in hindsight": with_error_quantiles(
            0.5 * mean + 0.5 * scored["ours 0.5"].to_numpy(), scored),
        "seasonal naive": {tau: scored[f"naive {tau:g}"].to_numpy() for tau in LEVELS},
    }
    table = ratio_table(scored["actual"].to_numpy(), variants, "seasonal naive")
    table.attrs["rows"] = len(scored)
    return table


def main(argv: list[str] | None = None) -> int:
    """Print the look-ahead model's scores next to ours for each real shop of a benchmark run."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", type=Path, required=True, help="folder of a forecast benchmark run")
    parser.add_argument("--shops", default="kiel,wuerzburg")
    args = parser.parse_args(argv)
    for shop in args.shops.split(","):
        table = shop_table(args.build / shop)
        print(f"## {shop} (test year, {table.attrs['rows']} product-days)\n")
        print(table[COLUMNS].round(4).to_string())
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
