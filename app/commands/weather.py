"""`bestellkompass weather`: store weather observations or forecasts in the shop file.

From a file (DWD, Open-Meteo, Meteostat or plain CSV; all rows or none), from a few typed-in
fields (--date with --max-temp/--rain), or fetched from Open-Meteo (--fetch, needs the network
and the shop's latitude/longitude).
"""

from __future__ import annotations

import argparse
import sys

from app.cli_text import _
from app.commands.args import allow_dates, date_arg
from calendars.errors import CalendarError
from calendars.texts import render
from calendars.weather_files import read_weather_file
from calendars.weather_forecast import manual_forecast
from forecasting.operations import calendar
from forecasting.operations.shop import default_shop_path, open_shop


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of the weather command."""
    parser.add_argument("file", nargs="?", help=_("weather file to import"))
    parser.add_argument("--shop", metavar=_("FILE"), default=argparse.SUPPRESS, help=_("shop file to write to"))
    parser.add_argument("--kind", choices=["observation", "forecast"], default="observation",
                        help=_("observed weather or a forecast (default: observation)"))
    parser.add_argument("--date", metavar=_("DATE"), type=date_arg, help=_("day of a forecast typed in by hand"))
    parser.add_argument("--max-temp", type=float, help=_("forecast maximum temperature (°C)"))
    parser.add_argument("--rain", help=_("forecast rain: ja/nein, yes/no or millimetres"))
    parser.add_argument("--fetch", action="store_true", help=_("fetch the 7-day forecast online"))
    parser.add_argument("--lang", choices=["de", "en"], default=argparse.SUPPRESS,
                        help=_("language of the output (default: de)"))
    allow_dates(parser)


def run(args: argparse.Namespace) -> int:
    """Import, store and report; calendar errors are printed in the user's language."""

    lang = getattr(args, "lang", None) or "de"
    path = getattr(args, "shop", None) or default_shop_path()
    if not (args.file or args.date or args.fetch):
        print(render("calendar.weather_nothing", lang), file=sys.stderr)
        return 2
    try:
        with open_shop(path) as shop:
            if args.file:

                frame = read_weather_file(args.file, kind=args.kind, window=args.allow_dates)
                count, _ = calendar.import_weather(shop, frame)
                print(render("calendar.weather_imported", lang, count=count, kind=args.kind,
                             file=args.file, shop=str(path)))
            if args.date:

                frame = manual_forecast(args.date, temperature_max=args.max_temp, rain=args.rain)
                calendar.save_weather(shop, frame, "manual")
                print(render("calendar.forecast_saved", lang, date=args.date))
            if args.fetch:
                count, _ = calendar.fetch_weather_forecast(shop)
                print(render("calendar.weather_imported", lang, count=count, kind="forecast",
                             file="Open-Meteo", shop=str(path)))
    except CalendarError as exc:
        print(exc.message(lang), file=sys.stderr)
        return 2
    return 0
