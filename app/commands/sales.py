"""`bestellkompass sales remove`: take sales days out of the shop file, e.g. a typo dated 0001.

    bestellkompass --shop PATH sales remove [--from D] [--to D] [--product NAME] [--dry-run]

Shows every day it removes (the first SHOWN), then removes them in one transaction, logged in the
change log, with the data version bumped so the suggestions are computed afresh. At least one of
--from and --to is needed; the other side is then open.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from app.cli_text import _
from app.commands.args import add_action, date_arg, shop_and_lang
from forecasting.errors import UserError
from forecasting.operations import sales
from forecasting.operations.shop import default_shop_path, open_shop
from forecasting.safe_text import display_name
from forecasting.texts import format_date, format_number, render

if TYPE_CHECKING:
    from forecasting.values.sales import RemovedDay

SHOWN = 50


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The `remove` action and its options."""
    shop_and_lang(parser)
    actions = parser.add_subparsers(dest="sales_action", metavar=_("<action>"), required=True)
    remove = add_action(actions, "remove", _("remove the sales days of a date range"))
    shop_and_lang(remove)
    remove.add_argument("--from", dest="start", type=date_arg, default=None,
                        help=_("first day to remove (2026-11-26 or 26.11.2026; default: the first)"))
    remove.add_argument("--to", dest="end", type=date_arg, default=None,
                        help=_("last day to remove (default: the last)"))
    remove.add_argument("--product", default=None, help=_("only this product"))
    remove.add_argument("--dry-run", action="store_true", help=_("show what would go, change nothing"))


def run(args: argparse.Namespace) -> int:
    """Show and remove the days (or only show them with --dry-run)."""

    lang = getattr(args, "lang", None) or "de"
    if args.start is None and args.end is None:
        raise UserError("sanity.remove_needs_range")
    path = getattr(args, "shop", None) or default_shop_path()
    with open_shop(path, migrate=not args.dry_run, read_only=args.dry_run) as shop:
        if args.dry_run:
            removed = sales.sales_to_remove(shop, args.start, args.end, product=args.product)
        else:
            removed, _ = sales.remove_sales(shop, args.start, args.end, product=args.product)
    sys.stdout.write(removal_text(removed, lang, dry_run=args.dry_run) + "\n")
    return 0


def removal_text(removed: list[RemovedDay], lang: str, *, dry_run: bool) -> str:
    """The removed days (the first SHOWN) and a closing sentence."""

    if not removed:
        return render("sanity.remove_nothing", lang)
    lines = []
    for day in removed[:SHOWN]:
        decimals = 0 if float(day.quantity).is_integer() else 2
        lines.append(render("sanity.remove_row", lang, product=display_name(day.product),
                            date=format_date(day.date, lang),
                            quantity=format_number(day.quantity, lang, decimals)))
    if len(removed) > SHOWN:
        lines.append(render("sanity.remove_more", lang, count=len(removed) - SHOWN))
    key = "sanity.remove_dry_run" if dry_run else "sanity.removed"
    lines.append(render(key, lang, count=len(removed)))
    return "\n".join(lines)
