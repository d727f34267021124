"""`bestellkompass calendar`: what is special about each day (holidays, school holidays, paydays,
events, weather), readable by an owner; `--features` prints the models' feature table instead."""

from __future__ import annotations

import argparse
import dataclasses
import sys
from typing import Any

import pandas as pd

from app.cli_text import _
from app.commands.args import date_arg
from calendars.errors import CalendarError
from calendars.features import build_features
from calendars.options import LOCAL_SUBDIVISIONS, CalendarOptions
from calendars.texts import render
from forecasting.operations.shop import open_shop
from forecasting.policy.explain_text import weekday_name
from forecasting.safe_text import spreadsheet_frame
from forecasting.shop_calendar import shop_calendar_inputs


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of the calendar command."""
    parser.add_argument("--state", help=_("Bundesland code, e.g. NW (default: the shop's state)"))
    parser.add_argument("--shop", metavar=_("FILE"), default=argparse.SUPPRESS,
                        help=_("use this shop's state, events, closing days and weather"))
    parser.add_argument("--from", dest="start", type=date_arg, required=True, help=_("first day"))
    parser.add_argument("--to", dest="end", type=date_arg, required=True, help=_("last day"))
    parser.add_argument("--format", choices=["table", "csv"], default="table",
                        help=_("form of the output (default: table)"))
    parser.add_argument("--lang", choices=["de", "en"], default=argparse.SUPPRESS,
                        help=_("language of the output (default: de)"))
    parser.add_argument("--ramadan", action="store_true", help=_("include Ramadan and Eid al-Fitr"))
    parser.add_argument("--local", choices=["Augsburg"], default=None,
                        help=_("local holidays of a city (Augsburger Friedensfest)"))
    parser.add_argument("--features", action="store_true",
                        help=_("the models' whole feature table (one column per input) instead of "
                               "date, weekday and what is special"))


def run(args: argparse.Namespace) -> int:
    """Build and print the table; calendar errors are printed in the user's language."""

    lang = getattr(args, "lang", None) or "de"
    state, events, weather, options = args.state, None, None, CalendarOptions()
    try:
        if getattr(args, "shop", None):
            inputs = _from_shop(args.shop)
            state = state or inputs.state
            events, weather, options = inputs.events, inputs.weather, inputs.options
        if not state:
            print(render("calendar.no_state", lang), file=sys.stderr)
            return 2
        state = state.upper()
        # the shop's local holidays (Augsburg) only hold in the shop's own state
        local = args.local or (options.local_subdivision
                               if LOCAL_SUBDIVISIONS.get(options.local_subdivision) == state else None)
        options = dataclasses.replace(options, local_subdivision=local,
                                      observe_ramadan=args.ramadan or options.observe_ramadan)
        table = build_features(state, args.start, args.end, events=events, weather=weather,
                               options=options)
    except CalendarError as exc:
        print(exc.message(lang), file=sys.stderr)
        return 2
    out = table.frame.copy() if args.features else pd.DataFrame(
        {"weekday": [weekday_name(d.weekday(), lang) for d in table.frame.index]},
        index=table.frame.index)
    out["labels"] = table.day_labels(lang)
    if not args.features and args.format == "table":
        sys.stdout.write(readable_table(out, lang) + "\n")
        return 0
    if args.format == "csv":
        out.index = out.index.strftime("%Y-%m-%d")

        sys.stdout.write(spreadsheet_frame(out).to_csv(float_format="%.4g", lineterminator="\n"))
    else:
        sys.stdout.write(format_table(out, lang) + "\n")
    return 0


def _from_shop(path: str) -> Any:
    """The shop's calendar inputs (state, events with closing days, weather, options)."""

    with open_shop(path, read_only=True) as shop:
        return shop_calendar_inputs(shop)


def readable_table(frame: pd.DataFrame, lang: str) -> str:
    """Date, weekday and what is special, one day per line, in the user's language."""
    heads = [render(f"calendar.col.{c}", lang) for c in ("date", "weekday", "labels")]
    rows = [[_day(day, lang), weekday, labels or render("calendar.nothing_special", lang)]
            for day, weekday, labels in zip(frame.index, frame["weekday"], frame["labels"],
                                            strict=True)]
    widths = [max(len(r[i]) for r in [heads, *rows]) for i in range(2)]
    return "\n".join(f"{r[0]:<{widths[0]}}  {r[1]:<{widths[1]}}  {r[2]}".rstrip()
                     for r in [heads, *rows])


def format_table(frame: pd.DataFrame, lang: str) -> str:
    """The table as text: German dates and decimal commas in German, whole numbers without."""
    shown = pd.DataFrame(index=[_day(d, lang) for d in frame.index])
    shown.index.name = render("calendar.table.date", lang)
    for column in frame.columns:
        values = frame[column]
        if column == "labels":
            shown[column] = values.to_numpy()
            continue
        whole = bool(((values.fillna(0) % 1) == 0).all())
        texts = [
            "" if pd.isna(v) else (f"{v:.0f}" if whole else f"{v:.2f}") for v in values
        ]
        if lang == "de":
            texts = [t.replace(".", ",") for t in texts]
        shown[column] = texts
    return shown.to_string()


def _day(day: pd.Timestamp, lang: str) -> str:
    return day.strftime("%d.%m.%Y") if lang == "de" else day.strftime("%Y-%m-%d")
