"""Argument types shared by the subcommands (dates, quantile lists), with user-language errors."""

from __future__ import annotations

import argparse
import datetime as dt

from app.cli_text import _, language
from calendars.plausible import DateWindow
from forecasting.texts import render


def shop_and_lang(parser: argparse.ArgumentParser) -> None:
    """--shop and --lang on a subcommand too, so they may come before or after it."""
    parser.add_argument("--shop", metavar=_("FILE"), default=argparse.SUPPRESS, help=_("shop file"))
    parser.add_argument("--lang", choices=["de", "en"], default=argparse.SUPPRESS,
                        help=_("language of the output (default: de)"))


def add_action(actions: argparse._SubParsersAction, name: str, text: str
               ) -> argparse.ArgumentParser:
    """An action of a subcommand (`order set`), its `text` in the list and atop its own --help."""
    return actions.add_parser(name, help=text, description=text)


def date_arg(value: str) -> dt.date:
    """Parse 2026-11-26 or 26.11.2026 (argparse type)."""
    for fmt in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(value, fmt).date()
        except ValueError:
            continue

    raise argparse.ArgumentTypeError(render("cli.bad_date", language(), value=value))


def date_window_arg(value: str) -> DateWindow:
    """Parse "1990-01-01..2030-12-31" (either side may be empty: the default) (argparse type)."""
    try:
        return DateWindow.parse(value)
    except ValueError:

        raise argparse.ArgumentTypeError(render("sanity.bad_window", language(), value=value)) from None


def allow_dates(parser: argparse.ArgumentParser) -> None:
    """--allow-dates FROM..TO: the days an imported row may have (default 2000-01-01 .. today +
    2 years)."""
    parser.add_argument(
        "--allow-dates", type=date_window_arg, default=None, metavar=_("FROM..TO"),
        help=_("accept rows dated FROM..TO (default: 2000-01-01 to two years from today)"),
    )


def quantiles_arg(value: str) -> list[float]:
    """Parse "0.5,0.7,0.9" into sorted levels strictly between 0 and 1."""
    try:
        levels = sorted({float(v) for v in value.split(",") if v.strip()})
    except ValueError as exc:
        raise argparse.ArgumentTypeError(_("bad quantile list: {value}").format(value=value)) from exc
    if not levels or any(not 0 < q < 1 for q in levels):
        raise argparse.ArgumentTypeError(_("quantiles must lie strictly between 0 and 1: {value}").format(
            value=value))
    return levels
