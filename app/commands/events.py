"""`bestellkompass events`: import local events from an .ics or .csv file into the shop file, or
list, add and delete single events as the app's calendar view does.

Events that carry the same uid as a stored one (an ICS imported again), or without uid the same
kind, name and dates (a CSV imported again), replace it; everything is written in one
transaction, so a bad file changes nothing.

    bestellkompass events FILE [--kind K] [--from D] [--to D]
    bestellkompass events --list
    bestellkompass events --add NAME --kind K --from D [--to D] [--product P]
    bestellkompass events --delete ID
"""

from __future__ import annotations

import argparse
import sys

from app.cli_text import _
from app.commands.args import allow_dates, date_arg, shop_and_lang
from calendars.errors import CalendarError
from calendars.event_files import read_events_file
from calendars.events import EVENT_KINDS, kind_name
from calendars.texts import format_date, render
from forecasting.operations import calendar
from forecasting.operations.reading import load_events
from forecasting.operations.shop import default_shop_path, open_shop
from forecasting.safe_text import display_name
from forecasting.values.events import Event


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of the events command."""
    parser.add_argument("file", nargs="?", help=_(".ics or .csv file with events"))
    shop_and_lang(parser)
    what = parser.add_mutually_exclusive_group()
    what.add_argument("--list", action="store_true", help=_("print the shop's events"))
    what.add_argument("--add", metavar=_("NAME"), help=_("add one event (with --kind and --from)"))
    what.add_argument("--delete", metavar=_("ID"), type=int, help=_("delete the event with this id"))
    parser.add_argument("--kind", default=None,
                        help=_("event kind (for --add, or for file entries without one)"))
    parser.add_argument("--from", dest="start", type=date_arg, default=None,
                        help=_("--add: first day; a file: expand recurring events from this day"))
    parser.add_argument("--to", dest="end", type=date_arg, default=None,
                        help=_("--add: last day (default: --from); a file: expand up to this day"))
    parser.add_argument("--product", default=None,
                        help=_("--add with --kind promotion: the one product it is for"))
    allow_dates(parser)


def run(args: argparse.Namespace) -> int:
    """Read, store and report; calendar errors are printed in the user's language."""

    lang = getattr(args, "lang", None) or "de"
    path = getattr(args, "shop", None) or default_shop_path()
    if args.list or args.add is not None or args.delete is not None:
        if args.file:
            print(render("calendar.events_file_and_action", lang), file=sys.stderr)
            return 2
        return _single(args, path, lang)
    if not args.file:
        print(render("calendar.events_nothing", lang), file=sys.stderr)
        return 2
    try:
        frame = read_events_file(args.file, default_kind=args.kind, start=args.start,
                                 end=args.end, window=args.allow_dates)
    except CalendarError as exc:
        print(exc.message(lang), file=sys.stderr)
        return 2
    with open_shop(path) as shop:
        added, changed, _ = calendar.import_events(shop, frame)
    print(render("calendar.events_imported", lang, added=added, changed=changed,
                 file=args.file, shop=str(path)))
    return 0


def _single(args: argparse.Namespace, path: str, lang: str) -> int:
    """--list, --add or --delete, through the functions the calendar view uses."""

    with open_shop(path, read_only=args.list) as shop:
        events = load_events(shop)
        if args.list:
            for e in events:
                days = format_date(e.start_date, lang)
                if e.end_date != e.start_date:
                    days += " – " + format_date(e.end_date, lang)
                extra = f" [{display_name(e.product)}]" if e.product else ""
                kind = kind_name(e.kind, lang)
                print(f"{e.id:>5}  {days:<25}  {kind:<20}  {display_name(e.name)}{extra}")
            return 0
        if args.delete is not None:
            removed, _ = calendar.delete_event(shop, args.delete)
            print(render("calendar.event_deleted", lang, name=removed.name))
            return 0
        if args.kind is None or args.start is None:
            print(render("calendar.event_add_needs", lang, kinds=", ".join(EVENT_KINDS)),
                  file=sys.stderr)
            return 2
        event_id, _ = calendar.save_event(shop, Event(
            kind=args.kind, name=args.add.strip(), start_date=args.start,
            end_date=args.end or args.start, product=args.product or None))
        print(render("calendar.event_added", lang, name=args.add, id=event_id))
        return 0
