"""`bestellkompass calendar`: print the daily calendar feature table (for workshops and checks)."""

from __future__ import annotations

import argparse
import sys

import pandas as pd

from app.commands.args import date_arg


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of the calendar command."""
    parser.add_argument("--state", help="Bundesland code, e.g. NW (default: the shop's state)")
    parser.add_argument("--shop", default=argparse.SUPPRESS,
                        help="use this shop's state, events, closing days and weather")
    parser.add_argument("--from", dest="start", type=date_arg, required=True, help="first day")
    parser.add_argument("--to", dest="end", type=date_arg, required=True, help="last day")
    parser.add_argument("--format", choices=["table", "csv"], default="table")
    parser.add_argument("--lang", choices=["de", "en"], default=argparse.SUPPRESS)
    parser.add_argument("--ramadan", action="store_true", help="include Ramadan and Eid al-Fitr")
    parser.add_argument("--local", choices=["Augsburg"], default=None,
                        help="local holidays of a city (Augsburger Friedensfest)")


def run(args: argparse.Namespace) -> int:
    """Build and print the table; calendar errors are printed in the user's language."""
    from calendars.errors import CalendarError
    from calendars.features import build_features
    from calendars.options import CalendarOptions, local_subdivision_for
    from calendars.texts import render

    lang = getattr(args, "lang", None) or "de"
    state, events, weather, local = args.state, None, None, args.local
    try:
        if getattr(args, "shop", None):
            shop_state, postal_code, events, weather = _from_shop(args.shop)
            state = (state or shop_state).upper()
            local = local or local_subdivision_for(state, postal_code)
        if not state:
            print(render("calendar.no_state", lang), file=sys.stderr)
            return 2
        options = CalendarOptions(observe_ramadan=args.ramadan, local_subdivision=local)
        table = build_features(state, args.start, args.end, events=events, weather=weather,
                               options=options)
    except CalendarError as exc:
        print(exc.message(lang), file=sys.stderr)
        return 2
    out = table.frame.copy()
    out["labels"] = table.day_labels(lang)
    if args.format == "csv":
        out.index = out.index.strftime("%Y-%m-%d")
        sys.stdout.write(out.to_csv(float_format="%.4g", lineterminator="\n"))
    else:
        sys.stdout.write(format_table(out, lang) + "\n")
    return 0


def _from_shop(path: str) -> tuple[str, str, pd.DataFrame, pd.DataFrame | None]:
    """State, postal code, events (closing days as `closure`) and weather (None if none)."""
    from forecasting.calendar_store import events_frame, load_events, load_weather
    from forecasting.shop_settings import load_closing_days, load_settings
    from forecasting.shopfile import Shop

    with Shop.open(path) as shop:
        settings = load_settings(shop)
        events = events_frame(load_events(shop))
        closing = load_closing_days(shop)
        weather = load_weather(shop)
    if closing:
        extra = pd.DataFrame({
            "kind": "closure",
            "name": [reason or "geschlossen" for reason in closing.values()],
            "start_date": pd.to_datetime(list(closing)),
            "end_date": pd.to_datetime(list(closing)),
            "strength": float("nan"),
            "source": "closing_days",
            "uid": None,
        })
        events = pd.concat([events, extra], ignore_index=True) if len(events) else extra
    return settings.state, settings.postal_code, events, (weather if len(weather) else None)


def format_table(frame: pd.DataFrame, lang: str) -> str:
    """The table as text: German dates and decimal commas in German, whole numbers without."""
    shown = pd.DataFrame(index=[_day(d, lang) for d in frame.index])
    shown.index.name = "Datum" if lang == "de" else "date"
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
