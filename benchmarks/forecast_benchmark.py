"""Forecast benchmark (issue 5): our backtest command against the usual tools, same protocol.

Protocol: last 365 days of each shop, one day ahead, closed days (every product 0) and days without
data not scored. Metrics: WAPE of the median, scaled pinball sum(pinball_tau) / sum(y) at
0.5 / 0.7 / 0.9, coverage of q0.7 and q0.9, wall time and peak memory of the backtest command.
Baselines computed in the same run from the same SALES.csv:
- seasonal_naive: same weekday last week; quantiles = forecast + the tau-quantile of its errors on
  the last 8 same weekdays (reproduces the issue's reference 0.0912 Kiel / 0.2019 Würzburg closely);
- mean4: mean of the last 4 same weekdays, quantiles the same way;
- ets: statsmodels ETS(A,N,A) per product, states filtered daily, quantiles from recent errors;
- oracle (demo shops only): the quantiles of the true demand distribution the demo world draws
  from, i.e. the best any forecast could do.
The backtest command runs with --refit-every REFIT_EVERY (14; the command's default is 28).
--shift-years 1 scores the year before instead (the validation year used for tuning; the sales
after it are cut off, no censoring demo, no training-speed run).
Usage:
    python benchmarks/forecast_benchmark.py [--shops kiel,wuerzburg,demo_bakery,demo_deli]
        [--build build/benchmark] [--write docs/benchmark.md] [--shift-years 1]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from convert_datasets import convert_all  # noqa: E402

from forecasting.models.metrics import score  # noqa: E402

LEVELS = (0.5, 0.7, 0.9)
REFIT_EVERY = 14
CHILD = """
import resource, sys
from app.cli import main
rc = main(sys.argv[1:])
print(f"peak_mb={resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f}", file=sys.stderr)
sys.exit(rc)
"""


def run_command(folder: Path, start: str, end: str, sales_csv: Path | None = None
                ) -> tuple[pd.DataFrame, float, float]:
    """Run `bestellkompass backtest` on a converted shop; returns predictions, seconds, peak MB."""
    state = json.loads((folder / "shop.json").read_text())["state"]
    args = ["backtest", "--sales", str(sales_csv or folder / "SALES.csv"), "--state", state,
            "--start", start, "--end", end, "--horizon", "1", "--quantiles", "0.5,0.7,0.9",
            "--out", str(folder / "PRED.csv"), "--refit-every", str(REFIT_EVERY)]
    if (folder / "WEATHER.csv").exists():
        args += ["--weather", str(folder / "WEATHER.csv")]
    if (folder / "EVENTS.csv").exists():
        args += ["--events", str(folder / "EVENTS.csv")]
    began = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", CHILD, *args], cwd=ROOT, capture_output=True,
                          text=True, check=True)
    seconds = time.perf_counter() - began
    peak = float(done.stderr.rsplit("peak_mb=", 1)[1].split()[0])
    pred = pd.read_csv(folder / "PRED.csv", parse_dates=["date"])
    return pred, seconds, peak


def wide_sales(sales: pd.DataFrame) -> pd.DataFrame:
    """day x product quantities; closed days (all 0) and days without rows are NaN."""
    table = sales.pivot_table(index="date", columns="product", values="quantity", aggfunc="sum")
    table = table.reindex(pd.date_range(table.index.min(), table.index.max(), freq="D"))
    counts = sales.groupby("date")["product"].count().reindex(table.index).fillna(0)
    closed = (table.fillna(0) == 0).all(axis=1) & (counts > 0)
    table[closed.to_numpy()] = np.nan
    return table


def error_quantiles(wide: pd.DataFrame, point: pd.DataFrame, weeks: int = 8) -> dict[float, pd.DataFrame]:
    """point + tau-quantile of the point's errors on the last `weeks` same weekdays."""
    err = wide - point
    out = {}
    for tau in LEVELS:
        off = pd.DataFrame(np.nan, index=wide.index, columns=wide.columns)
        for wd in range(7):
            rows = wide.index.day_of_week == wd
            off[rows] = err[rows].shift(1).rolling(weeks, min_periods=1).quantile(tau).to_numpy()
        out[tau] = (point + off).clip(lower=0)
    return out


def baseline_frames(wide: pd.DataFrame) -> dict[str, dict[float, pd.DataFrame]]:
    """Seasonal naive and mean of the last 4 same weekdays, with error quantiles."""
    naive = wide.shift(7)
    for j in range(2, 6):
        naive = naive.fillna(wide.shift(7 * j))
    mean4 = pd.concat([wide.shift(7 * j) for j in range(1, 5)]).groupby(level=0).mean()
    mean4 = mean4.reindex(wide.index)
    return {"seasonal_naive": error_quantiles(wide, naive), "mean4": error_quantiles(wide, mean4)}


def ets_frames(sales_csv: Path, start: pd.Timestamp, end: pd.Timestamp) -> dict[float, pd.DataFrame]:
    """statsmodels ETS per product (our engine's ETS member) with quantiles from recent errors."""
    from forecasting.models import calibrate, engine
    from forecasting.models.ets import Ets
    from forecasting.models.frame import build_panel
    from forecasting.models.member import Schedule, fit_member
    from forecasting.models.sales_csv import read_sales_csv

    sales = read_sales_csv(sales_csv)
    panel = build_panel(sales, until=end)
    ets = Ets()
    run = engine.prepare(panel, None, 1, None, [ets])
    targets = np.zeros(panel.n_days, dtype=bool)
    targets[max(panel.day_index(start) - 168, 0) : panel.day_index(end) + 1] = True
    fit_member(run, ets, targets, Schedule.backtest(0, panel.n_days, 1))
    point = ets.points_
    r = calibrate.relative_errors(run.y, point, run.s)
    q = calibrate.quantiles(point, run.s, r, list(LEVELS), 1, rows=targets)
    return {tau: pd.DataFrame(q[:, :, k], index=panel.dates, columns=panel.products)
            for k, tau in enumerate(LEVELS)}


def oracle_frames(kind: str, wide: pd.DataFrame) -> dict[float, pd.DataFrame]:
    """Demo shops: the quantiles of the demo world's true demand distribution, the forecast that
    knows the world (forecasting.demo.world.demand_quantiles): the floor no model can beat."""
    from convert_datasets import DEMO_END

    from forecasting.demo.generate import simulate
    from forecasting.demo.world import demand_quantiles

    world = simulate(kind, DEMO_END).world
    grid = demand_quantiles(world, LEVELS)
    return {tau: pd.DataFrame(grid[k], index=world.days, columns=world.names).reindex(
                index=wide.index, columns=wide.columns)
            for k, tau in enumerate(LEVELS)}


def long_scores(wide: pd.DataFrame, frames: dict[float, pd.DataFrame], start: pd.Timestamp) -> dict[str, float]:
    """Metrics of one model given as level -> day x product frames."""
    rows = wide.index >= start
    y = wide[rows].stack()
    table = pd.DataFrame({"actual": y})
    for tau, frame in frames.items():
        table[f"q{tau:g}"] = frame.reindex(index=wide.index, columns=wide.columns)[rows].stack()
    table = table.dropna()
    return score(table, LEVELS)


def with_ratios(scores: dict[str, dict[str, float]], baseline: str) -> pd.DataFrame:
    """Models' metrics as a table with ratio_tau = pinball_tau / the baseline's."""
    table = pd.DataFrame(scores).T
    for tau in LEVELS:
        table[f"ratio_{tau:g}"] = table[f"pinball_{tau:g}"] / table.loc[baseline, f"pinball_{tau:g}"]
    return table


def ratio_table(actual: np.ndarray, models: dict[str, dict[float, np.ndarray]], baseline: str
                ) -> pd.DataFrame:
    """with_ratios for models given as level -> quantiles on the same rows as `actual`."""
    scores = {name: score(pd.DataFrame({"actual": actual, **{f"q{tau:g}": q[tau] for tau in LEVELS}}),
                          LEVELS) for name, q in models.items()}
    return with_ratios(scores, baseline)


def censoring_demo(folder: Path, start: pd.Timestamp, end: pd.Timestamp, pred: pd.DataFrame) -> dict[str, float]:
    """Demo shops (true demand known): the sell-out treatment against the raw sales.

    gap_sales / gap_treated: (figure - true demand) / true demand summed over sell-out days, for
    the recorded sales and for the demand estimate the models train on. bias_*: the same for the
    backtest medians over all scored days, trained with and without the treatment.
    """
    from calendars.event_files import read_events_file
    from calendars.features import build_features
    from calendars.weather_files import read_weather_file
    from forecasting.models.backtest import BacktestPlan, run_backtest
    from forecasting.models.censoring import uncensor
    from forecasting.models.frame import build_panel
    from forecasting.models.sales_csv import read_sales_csv

    sales = read_sales_csv(folder / "SALES.csv")
    truth = pd.read_csv(folder / "TRUE_DEMAND.csv", parse_dates=["date"])
    panel = build_panel(sales)
    demand = truth.pivot(index="date", columns="product", values="demand")
    demand = demand.reindex(index=panel.dates, columns=panel.products).to_numpy()
    cells = panel.censored & np.isfinite(demand)
    total = demand[cells].sum() if cells.any() else float("nan")
    out = {"sellout_days": float(cells.sum()),
           "gap_sales": float((panel.y[cells] - demand[cells]).sum() / total),
           "gap_treated": float((uncensor(panel.y, panel.censored)[cells] - demand[cells]).sum()
                                / total)}
    state = json.loads((folder / "shop.json").read_text())["state"]
    events = read_events_file(folder / "EVENTS.csv") if (folder / "EVENTS.csv").exists() else None
    features = build_features(state, sales["date"].min().date(), end.date(), events=events,
                              weather=read_weather_file(folder / "WEATHER.csv"))
    plain = run_backtest(sales.drop(columns=["produced", "leftover"]), features,
                         BacktestPlan(start.date(), end.date(), refit_every=REFIT_EVERY), LEVELS,
                         candidates=False)
    untreated = plain.predictions[plain.predictions["kind"] == "final"]
    for name, frame in (("treated", pred), ("untreated", untreated)):
        m = frame[["date", "product", "q0.5"]].merge(truth, on=["date", "product"])
        out[f"bias_{name}"] = float((m["q0.5"] - m["demand"]).sum() / m["demand"].sum())
    return out


def bench_shop(name: str, folder: Path, shift_years: int = 0) -> tuple[pd.DataFrame, dict[str, float]]:
    """All models' metrics for one shop, plus time and memory of the backtest command."""
    sales = pd.read_csv(folder / "SALES.csv", parse_dates=["date"])
    end = sales["date"].max() - pd.Timedelta(days=365 * shift_years)
    start = end - pd.Timedelta(days=364)
    sales_csv = folder / "SALES.csv"
    if shift_years:
        sales_csv = folder / f"SALES_minus{shift_years}y.csv"
        text = (folder / "SALES.csv").read_text(encoding="utf-8").splitlines()
        keep = [text[0]] + [r for r in text[1:] if pd.Timestamp(r.split(",", 1)[0]) <= end]
        sales_csv.write_text("\n".join(keep) + "\n", encoding="utf-8")
        sales = sales[sales["date"] <= end]
    pred, seconds, peak = run_command(folder, start.strftime("%Y-%m-%d"), end.strftime("%Y-%m-%d"),
                                      sales_csv)
    wide = wide_sales(sales)
    target = wide
    if (folder / "TRUE_DEMAND.csv").exists():
        # demo shops: score every model against the true demand (open days), not the sales
        truth = pd.read_csv(folder / "TRUE_DEMAND.csv", parse_dates=["date"])
        demand = truth.pivot(index="date", columns="product", values="demand")
        target = demand.reindex(index=wide.index, columns=wide.columns).where(wide.notna())
    ours = {tau: pred.pivot_table(index="date", columns="product", values=f"q{tau:g}")
            for tau in LEVELS}
    models = {"bestellkompass": ours, **baseline_frames(wide),
              "ets": ets_frames(sales_csv, start, end)}
    if name.startswith("demo_"):
        models["oracle"] = oracle_frames(name.removeprefix("demo_"), wide)
    common = target.notna()
    for frames in models.values():
        for frame in frames.values():
            common &= frame.reindex(index=wide.index, columns=wide.columns).notna()
    scored = target.where(common)  # every model is scored on the same product-days
    table = with_ratios({m: long_scores(scored, frames, start) for m, frames in models.items()},
                        "seasonal_naive")
    extra = {"seconds": seconds, "peak_mb": peak}
    if name.startswith("demo_") and not shift_years:
        extra.update(censoring_demo(folder, start, end, pred))
    return table, extra


def training_speed(products: int = 100, years: int = 3) -> dict[str, float]:
    """Seconds to prepare features and fit the global LightGBM once on a synthetic shop."""
    from forecasting.models import engine
    from forecasting.models.frame import build_panel
    from forecasting.models.lgbm import LightGbm

    rng = np.random.default_rng(3)
    dates = pd.date_range("2023-01-01", periods=365 * years, freq="D")
    base = rng.gamma(2.0, 20.0, products)
    weekday = np.array([1.0, 0.9, 0.95, 1.0, 1.1, 1.4, 0.7])[dates.day_of_week.to_numpy()]
    demand = rng.poisson(base[None, :] * weekday[:, None])
    sales = pd.DataFrame({"date": np.repeat(dates, products),
                          "product": np.tile([f"p{j:03d}" for j in range(products)], len(dates)),
                          "quantity": demand.reshape(-1).astype(float)})
    began = time.perf_counter()
    panel = build_panel(sales)
    lightgbm = LightGbm()
    run = engine.prepare(panel, None, 1, None, [lightgbm])
    lightgbm.train(run, panel.n_days - 1)
    return {"train_seconds": time.perf_counter() - began, "rows": float(panel.y.size)}


def markdown(results: dict[str, tuple[pd.DataFrame, dict[str, float]]], speed: dict[str, float],
             command: str) -> str:
    """The results as the Markdown of docs/benchmark.md."""
    lines = ["| shop | model | WAPE | pinball 0.5 | pinball 0.7 | pinball 0.9 | ratio 0.5 | "
             "ratio 0.7 | ratio 0.9 | cover q0.7 | cover q0.9 |", "|" + "---|" * 11]
    for shop, (table, _) in results.items():
        for model, r in table.iterrows():
            lines.append(
                f"| {shop} | {model} | {r['wape']:.3f} | {r['pinball_0.5']:.4f} | "
                f"{r['pinball_0.7']:.4f} | {r['pinball_0.9']:.4f} | {r['ratio_0.5']:.3f} | "
                f"{r['ratio_0.7']:.3f} | {r['ratio_0.9']:.3f} | {r['coverage_0.7']:.3f} | "
                f"{r['coverage_0.9']:.3f} |")
    lines += ["", "| shop | backtest command wall time (s) | peak memory (MB) | sell-out days | "
              "sales vs demand | estimate vs demand | median bias untreated | median bias treated |",
              "|" + "---|" * 8]
    for shop, (_, extra) in results.items():
        cens = ("| {sellout_days:.0f} | {gap_sales:+.1%} | {gap_treated:+.1%} | "
                "{bias_untreated:+.1%} | {bias_treated:+.1%} |".format(**extra)
                ) if "bias_treated" in extra else "| | | | | |"
        lines.append(f"| {shop} | {extra['seconds']:.1f} | {extra['peak_mb']:.0f} " + cens)
    lines += ["", f"Training the global LightGBM once on 100 products x 3 years "
              f"({speed['rows']:.0f} product-days, features included): {speed['train_seconds']:.1f} s.",
              "", f"Reproduce: `{command}`"]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Convert, run, score, print (and optionally write) the benchmark table."""
    warnings.simplefilter("ignore")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shops", default="kiel,wuerzburg,demo_bakery,demo_deli")
    parser.add_argument("--build", default=str(ROOT / "build" / "benchmark"))
    parser.add_argument("--write", help="write the Markdown table to this file")
    parser.add_argument("--shift-years", type=int, default=0,
                        help="score the year this many years before the last one (validation)")
    args = parser.parse_args(argv)
    folders = convert_all(Path(args.build), args.shops.split(","))
    results = {}
    for name, folder in folders.items():
        table, extra = bench_shop(name, folder, args.shift_years)
        results[name] = (table, extra)
        print(f"\n== {name}: backtest {extra['seconds']:.1f} s, peak {extra['peak_mb']:.0f} MB")
        print(table.round(4).to_string())
        if "bias_treated" in extra:
            print({k: round(v, 4) for k, v in extra.items()})
    if args.shift_years:
        return 0
    speed = training_speed()
    print(f"\ntraining 100 products x 3 years: {speed['train_seconds']:.1f} s")
    command = "python benchmarks/forecast_benchmark.py " + " ".join(argv or sys.argv[1:])
    text = markdown(results, speed, command.strip())
    if args.write:
        Path(args.write).write_text(
            Path(args.write).read_text(encoding="utf-8").split("<!-- results -->")[0]
            + "<!-- results -->\n" + text + "\n" if Path(args.write).exists() else text + "\n",
            encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
