"""`bestellkompass workshop`: make a workshop scenario, play it from an orders file, report.

    workshop create --shop SHOP --from DATE --to DATE [--products A,B] [--anonymise]
                    [--rounds 1-5:ohne,6-:mit] [--reveal täglich|ende] --out W
    workshop play W.bkworkshop --participant NAME --orders ORDERS.csv --out RESULT.bkresult
    workshop report RESULT... --format json|pdf --out FILE

The scenario and result files are zips of JSON and CSV (forecasting/workshop/files.py); the PDF
handout is the only step that needs Qt (app/workshop_handout.py).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from app.cli_text import _, language
from app.commands.args import add_action, date_arg, shop_and_lang
from forecasting.errors import UserError
from forecasting.operations.shop import default_shop_path
from forecasting.operations.workshop import group_report, save_result
from forecasting.texts import format_date, format_number, render
from forecasting.workshop.anonymise import Disguise
from forecasting.workshop.create import create_scenario
from forecasting.workshop.files import read_scenario, write_scenario
from forecasting.workshop.orders import read_orders
from forecasting.workshop.rounds import (
    REVEAL_DAILY,
    Round,
    parse_rounds,
    reveal_of,
    rounds_text,
)
from forecasting.workshop.scoring import PARTICIPANT
from forecasting.workshop.weather import weather_counts


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The actions create, play and report."""
    shop_and_lang(parser)
    actions = parser.add_subparsers(dest="action", metavar=_("<action>"), required=True)
    create = add_action(actions, "create", _("make a workshop scenario from a past period"))
    shop_and_lang(create)
    create.add_argument("--from", dest="first", type=date_arg, required=True, metavar=_("DATE"),
                        help=_("first day of the workshop"))
    create.add_argument("--to", dest="last", type=date_arg, required=True, metavar=_("DATE"),
                        help=_("last day of the workshop"))
    create.add_argument("--products", metavar=_("LIST"), default=None,
                        help=_("products in play, separated by commas (default: the 20 best "
                               "sellers)"))
    create.add_argument("--anonymise", action="store_true",
                        help=_("make the shop unrecognisable (names, prices, dates, quantities)"))
    create.add_argument("--keep-names", action="store_true",
                        help=_("anonymous, but keep the product names"))
    create.add_argument("--remove-prices", action="store_true",
                        help=_("anonymous, without prices and costs (no margin)"))
    create.add_argument("--rounds", type=rounds_arg, default=None, metavar=_("ROUNDS"),
                        help=_("rounds over the open days and whether the suggestion is shown, "
                               "e.g. \"1-5:ohne,6-:mit\" (words: mit/with, ohne/without, "
                               "ohne-kalender/no-calendar, joined with +; default: one round "
                               "with suggestions)"))
    create.add_argument("--reveal", type=reveal_arg, default=REVEAL_DAILY, metavar=_("WHEN"),
                        help=_("when participants see what happened: täglich/daily after each "
                               "day, ende/end only after the last day (default: daily)"))
    create.add_argument("--out", required=True, metavar=_("FILE"),
                        help=_("scenario file to write (.bkworkshop)"))
    play = add_action(actions, "play", _("score a participant's orders"))
    shop_and_lang(play)
    play.add_argument("scenario", metavar=_("SCENARIO"), help=_("the .bkworkshop file"))
    play.add_argument("--participant", required=True, metavar=_("NAME"),
                      help=_("the participant's name"))
    play.add_argument("--orders", required=True, metavar=_("FILE"),
                      help=_("ORDERS.csv with date,product,quantity"))
    play.add_argument("--out", required=True, metavar=_("FILE"),
                      help=_("result file to write (.bkresult)"))
    report = add_action(actions, "report", _("the group's results side by side"))
    shop_and_lang(report)
    report.add_argument("results", nargs="+", metavar=_("RESULT"),
                        help=_("the participants' .bkresult files"))
    report.add_argument("--format", choices=["json", "pdf"], default="json",
                        help=_("form of the report (default: json)"))
    report.add_argument("--out", required=True, metavar=_("FILE"), help=_("report file to write"))


def rounds_arg(value: str) -> list[Round]:
    """Parse --rounds ("1-5:ohne,6-:mit"), the bad part named (argparse type)."""
    try:
        return parse_rounds(value)
    except UserError as exc:
        raise argparse.ArgumentTypeError(_without_option(exc)) from None


def reveal_arg(value: str) -> str:
    """Parse --reveal (täglich/daily, ende/end) (argparse type)."""
    try:
        return reveal_of(value)
    except UserError as exc:
        raise argparse.ArgumentTypeError(_without_option(exc)) from None


def _without_option(exc: UserError) -> str:
    """The message without its leading "--option: " (argparse names the option itself)."""
    text = exc.message(language())
    return text.split(": ", 1)[1] if text.startswith("--") else text


def run(args: argparse.Namespace) -> int:
    """Run the chosen action."""
    return {"create": _create, "play": _play, "report": _report}[args.action](args)


def _create(args: argparse.Namespace) -> int:
    shop = Path(getattr(args, "shop", None) or default_shop_path())
    names = [n.strip() for n in args.products.split(",") if n.strip()] if args.products else None
    anonymous = args.anonymise or args.keep_names or args.remove_prices
    disguise = (Disguise(keep_names=args.keep_names, remove_prices=args.remove_prices)
                if anonymous else None)
    scenario = create_scenario(
        shop, args.first, args.last, names, disguise=disguise, rounds=args.rounds,
        reveal=args.reveal,
        progress=lambda step: print(render("workshop.forecasting", args.lang, step=step),
                                    file=sys.stderr, flush=True))
    write_scenario(scenario, Path(args.out))
    print(render("workshop.created", args.lang, path=args.out, products=len(scenario.products),
                 days=len(scenario.days), first=format_date(scenario.first, args.lang),
                 last=format_date(scenario.last, args.lang)))
    print(render("workshop.rounds_made", args.lang, rounds=rounds_text(scenario.play_rounds()),
                 reveal=render(f"workshop.reveal.{scenario.reveal}", args.lang)))
    print(render("workshop.weather_made", args.lang,
                 **weather_counts(scenario.calendar, scenario.days)))
    return 0


def _play(args: argparse.Namespace) -> int:
    scenario = read_scenario(Path(args.scenario))
    orders = read_orders(Path(args.orders), scenario)
    result = save_result(scenario, args.participant, orders, Path(args.out))
    mine = result["totals"][PARTICIPANT]
    print(render("workshop.played", args.lang, participant=args.participant, path=args.out,
                 waste=format_number(mine["waste"], args.lang, 0),
                 sellout_days=int(mine["sellout_days"]),
                 margin=format_number(mine["margin"], args.lang, 2)))
    return 0


def _report(args: argparse.Namespace) -> int:
    report = group_report([Path(p) for p in args.results])
    out = Path(args.out)
    if args.format == "json":
        out.write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    else:
        from app.commands.order import qt_for_pdf
        from app.workshop_handout import write_handout

        with qt_for_pdf(args.lang):
            write_handout(out, report)
    print(render("workshop.reported", args.lang, count=len(report["participants"]), path=str(out)))
    return 0
