"""`bestellkompass events`: import local events from an .ics or .csv file into the shop file.

Events that carry the same uid as a stored one (an ICS imported again), or without uid the same
kind, name and dates (a CSV imported again), replace it; everything is written in one
transaction, so a bad file changes nothing.
"""

from __future__ import annotations

import argparse
import sys

from app.commands.args import date_arg


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of the events command."""
    parser.add_argument("file", help=".ics or .csv file with events")
    parser.add_argument("--shop", default=argparse.SUPPRESS, help="shop file to write to")
    parser.add_argument("--kind", default=None,
                        help="event kind for entries without one (e.g. weekly_market)")
    parser.add_argument("--from", dest="start", type=date_arg, default=None,
                        help="expand recurring events from this day")
    parser.add_argument("--to", dest="end", type=date_arg, default=None,
                        help="expand recurring events up to this day")
    parser.add_argument("--lang", choices=["de", "en"], default=argparse.SUPPRESS)


def run(args: argparse.Namespace) -> int:
    """Read, store and report; calendar errors are printed in the user's language."""
    from calendars.errors import CalendarError
    from calendars.event_files import read_events_file
    from calendars.texts import render
    from forecasting.calendar_store import merge_events
    from forecasting.shopfile import Shop, default_shop_path

    lang = getattr(args, "lang", None) or "de"
    path = getattr(args, "shop", None) or default_shop_path()
    try:
        frame = read_events_file(args.file, default_kind=args.kind, start=args.start,
                                 end=args.end)
    except CalendarError as exc:
        print(exc.message(lang), file=sys.stderr)
        return 2
    with Shop.open(path) as shop:
        added, changed = merge_events(shop, frame)
    print(render("calendar.events_imported", lang, added=added, changed=changed,
                 file=args.file, shop=str(path)))
    return 0
