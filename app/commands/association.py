"""`bestellkompass association`: learning together without sharing sales (issue 18).

    bestellkompass association contribute (--shop SHOP | --sales SALES.csv --state XX
                                           [--weather WEATHER.csv]) [--until DATE]
                                           [--names] [--show] --out FILE.bkcontrib
    bestellkompass association build CONTRIB... --out PRIOR.bkprior
    bestellkompass association use PRIOR.bkprior --shop SHOP
    bestellkompass association remove --shop SHOP  (forget the shop's prior)
    bestellkompass association show FILE           (what a .bkcontrib / .bkprior holds)

`contribute` prints the manifest ("Was wird geteilt?") before it writes; with --show it only
prints it. `--until` uses only sales before that day, so a backtest with a prior built
`--until` its start stays strictly causal.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.cli_text import _
from app.commands.args import add_action, date_arg, shop_and_lang
from forecasting.association import files
from forecasting.errors import UserError
from forecasting.operations import association
from forecasting.operations.shop import default_shop_path, open_shop
from forecasting.texts import format_number, render


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The actions contribute, build, use and show."""
    shop_and_lang(parser)
    actions = parser.add_subparsers(dest="action", metavar=_("<action>"), required=True)
    contribute = add_action(actions, "contribute",
                            _("write what this shop shares with its association (no sales)"))
    shop_and_lang(contribute)
    contribute.add_argument("--sales", help=_("SALES.csv: date,product,quantity,..."))
    contribute.add_argument("--state", help=_("Bundesland code, e.g. BY"))
    contribute.add_argument("--weather", help=_("WEATHER.csv: date,temperature,precipitation,..."))
    contribute.add_argument("--until", type=date_arg, help=_("use only sales before this day"))
    contribute.add_argument("--names", action="store_true",
                            help=_("share the product names as well (only if the owner allows)"))
    contribute.add_argument("--show", action="store_true",
                            help=_("only print what would be shared, write nothing"))
    contribute.add_argument("--out", help=_("the .bkcontrib file to write"))
    build = add_action(actions, "build", _("combine contributions into the association's prior"))
    shop_and_lang(build)
    build.add_argument("contributions", nargs="+", metavar=_("CONTRIB"),
                       help=_("contribution files (.bkcontrib)"))
    build.add_argument("--out", required=True, help=_("the .bkprior file to write"))
    use = add_action(actions, "use", _("keep a prior with the shop; its forecasts then use it"))
    shop_and_lang(use)
    use.add_argument("prior", metavar=_("PRIOR"), help=_("the prior file (.bkprior)"))
    remove = add_action(actions, "remove",
                        _("forget the shop's prior; its forecasts use its own sales only"))
    shop_and_lang(remove)
    show = add_action(actions, "show", _("print what a contribution or prior file holds"))
    shop_and_lang(show)
    show.add_argument("file", metavar=_("FILE"), help=_("a .bkcontrib or .bkprior file"))


def run(args: argparse.Namespace) -> int:
    """Do the action and print what was done (and what is shared)."""
    lang = getattr(args, "lang", None) or "de"
    if args.action == "contribute":
        return _contribute(args, lang)
    if args.action == "build":
        bundle = association.build_prior_from_files(args.contributions)
        _say(bundle.manifest["text"][lang])
        _written(association.write_file(bundle, args.out), args.out, lang)
        return 0
    if args.action == "use":
        path = getattr(args, "shop", None) or default_shop_path()
        with open_shop(path) as shop:
            bundle = association.use_prior(shop, args.prior)
        _say(render("association.used", lang, shops=bundle.manifest.get("shops", 0),
                    states=", ".join(bundle.manifest.get("states", []))))
        return 0
    if args.action == "remove":
        path = getattr(args, "shop", None) or default_shop_path()
        with open_shop(path) as shop:
            removed = association.remove_prior(shop)
        _say(render("association.removed" if removed else "association.none_in_use", lang))
        return 0
    _say(_read_any(args.file).manifest["text"][lang])
    return 0


def _contribute(args: argparse.Namespace, lang: str) -> int:
    shop = getattr(args, "shop", None)
    if (shop is None) == (args.sales is None) or (args.sales and not args.state):
        raise UserError("association.shop_or_sales")
    if not args.show and not args.out:
        raise UserError("association.shop_or_sales")
    if shop is not None:
        with open_shop(shop, read_only=True) as opened:
            bundle = association.contribution_of_shop(opened, args.until, share_names=args.names)
    else:
        bundle = association.contribution_of_files(args.sales, args.state, args.weather,
                                                   args.until, share_names=args.names)
    _say(bundle.manifest["text"][lang])
    if not args.show:
        _written(association.write_file(bundle, args.out), args.out, lang)
    return 0


def _read_any(path: str) -> files.Bundle:
    kind = "prior" if Path(path).suffix.lower() == ".bkprior" else "contribution"
    return files.read(path, kind)


def _written(size: int, out: str, lang: str) -> None:
    _say(render("association.written", lang, path=out,
                size=format_number(size / 1000.0, lang, 1)))


def _say(text: str) -> None:
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
