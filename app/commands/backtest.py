"""`bestellkompass backtest`: strict rolling-origin backtest of the forecasts on CSV files.

A stable contract (issue 5): SALES.csv (date,product,quantity[,school_holiday,promotion,produced,
leftover]), optional WEATHER.csv and EVENTS (.ics/.csv), writes PRED.csv with
date,product,q<level>... for every product and open day from --start to --end.
"""

from __future__ import annotations

import argparse
import sys
import time

from app.cli_text import _, ngettext
from app.commands.args import date_arg, quantiles_arg
from calendars.errors import CalendarError
from calendars.event_files import read_events_file
from calendars.features import build_features
from calendars.weather_files import read_weather_file
from forecasting.association import files
from forecasting.association.prior import Prior
from forecasting.errors import UserError
from forecasting.models.backtest import BacktestPlan, run_backtest
from forecasting.models.sales_csv import read_sales_csv
from forecasting.safe_text import spreadsheet_frame
from forecasting.texts import format_number


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of the backtest command."""
    parser.add_argument("--sales", required=True, help=_("SALES.csv: date,product,quantity,..."))
    parser.add_argument("--state", required=True, help=_("Bundesland code, e.g. BY"))
    parser.add_argument("--weather", help=_("WEATHER.csv: date,temperature,precipitation,..."))
    parser.add_argument("--events", help=_("EVENTS.ics or EVENTS.csv"))
    parser.add_argument("--start", type=date_arg, required=True, help=_("first forecast day"))
    parser.add_argument("--end", type=date_arg, required=True, help=_("last forecast day"))
    parser.add_argument("--horizon", type=int, default=1, help=_("days between origin and day"))
    parser.add_argument("--quantiles", type=quantiles_arg, default=[0.5, 0.7, 0.9],
                        help=_("quantile levels, e.g. 0.5,0.7,0.9"))
    parser.add_argument("--out", required=True, help=_("PRED.csv to write"))
    parser.add_argument("--refit-every", type=int, default=14, help=_("refit LightGBM every N days"))
    parser.add_argument("--prior", help=_("the association's prior (.bkprior), one more member"))


def run(args: argparse.Namespace) -> int:
    """Read the files, run the backtest, write PRED.csv and print the run time."""
    import pandas as pd


    began = time.perf_counter()
    try:
        sales = read_sales_csv(args.sales)
        if sales.empty or sales["date"].min().date() >= args.start:
            raise UserError("backtest.no_data", start=args.start.isoformat())
        weather = read_weather_file(args.weather) if args.weather else None
        events = read_events_file(args.events) if args.events else None
        first = sales["date"].min().date()
        features = build_features(args.state, first, max(args.end, sales["date"].max().date()),
                                  events=events, weather=weather)
        prior = Prior.from_bundle(files.read(args.prior, "prior")) if args.prior else None
    except CalendarError as exc:
        print(exc.message(args.lang), file=sys.stderr)
        return 2
    plan = BacktestPlan(args.start, args.end, horizon=args.horizon, refit_every=args.refit_every)
    result = run_backtest(sales, features, plan, args.quantiles, candidates=False, prior=prior)
    pred = result.predictions
    columns = ["date", "product", *[c for c in pred.columns if c.startswith("q")]]
    out = pred[pred["kind"] == "final"][columns].copy()
    out["date"] = pd.to_datetime(out["date"]).dt.strftime("%Y-%m-%d")

    spreadsheet_frame(out).to_csv(args.out, index=False, float_format="%.4f", lineterminator="\n")
    seconds = time.perf_counter() - began
    print(ngettext("backtest: {count} row written to {out} in {seconds} s",
                   "backtest: {count} rows written to {out} in {seconds} s", len(out)).format(
        count=len(out), out=args.out, seconds=format_number(seconds, args.lang, 1)))
    return 0
