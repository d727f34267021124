"""`bestellkompass demo`: write a demo shop file (bakery or deli) with three years of history."""

from __future__ import annotations

import argparse

from app.cli_text import _
from app.commands.args import date_arg
from forecasting.demo.generate import DEFAULT_SEED, write_demo_shop
from forecasting.errors import UserError
from forecasting.texts import format_date, render


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of the demo command."""

    parser.add_argument("--kind", choices=["bakery", "deli"], required=True,
                        help=_("bakery (Bäckerei Sonnenkorn) or deli (Feinkost am Markt)"))
    parser.add_argument("--end", type=date_arg, required=True,
                        help=_("first day without history (history ends the day before)"))
    parser.add_argument("--out", required=True, help=_("shop file to write"))
    parser.add_argument("--seed", type=int, default=None, help=_("random seed (default 2026)"))
    parser.add_argument("--force", action="store_true", help=_("replace an existing --out file"))


def run(args: argparse.Namespace) -> int:
    """Generate the demo shop and say where it went."""
    from pathlib import Path


    out = Path(args.out)
    if out.exists() and not args.force:
        raise UserError("demo.exists", path=str(out))
    seed = DEFAULT_SEED if args.seed is None else args.seed
    write_demo_shop(args.kind, args.end, out, seed=seed, overwrite=args.force)
    lang = getattr(args, "lang", None) or "de"
    print(render("demo.written", lang, path=str(out), kind=args.kind,
                 end=format_date(args.end, lang), seed=seed))
    return 0
