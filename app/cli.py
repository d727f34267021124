"""The `bestellkompass` command: no subcommand opens the app; subcommands work headless.

Each subcommand lives in `app/commands/<name>.py` with `add_arguments(parser)` and `run(args) -> int`
and only calls into `forecasting` / `calendars`, so scripts, tests and the app share one code path.
Qt is imported only when the window is opened.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from app import __version__, portable
from app.cli_text import N_, _, language_in, speaking, using
from app.logfile import active, details, setup_logging
from calendars.errors import CodedError
from forecasting.failures import user_message
from forecasting.operations.shop import default_shop_path
from forecasting.safe_text import TerminalStream
from forecasting.texts import render

COMMANDS: dict[str, tuple[str, str]] = {
    "demo": ("app.commands.demo", N_("write a demo shop file (bakery or deli)")),
    "import": ("app.commands.import_sales", N_("import sales history from CSV/XLSX")),
    "calendar": ("app.commands.calendar", N_("print the daily calendar feature table")),
    "weather": ("app.commands.weather", N_("import weather observations or forecasts")),
    "events": ("app.commands.events", N_("import local events from ICS or CSV")),
    "backtest": ("app.commands.backtest", N_("rolling-origin backtest of the forecasts")),
    "suggest": ("app.commands.suggest", N_("print the order suggestions for a day")),
    "settings": ("app.commands.settings", N_("show or change shop, product and calendar settings")),
    "order": ("app.commands.order", N_("record order decisions, export the final order list")),
    "stock": ("app.commands.stock", N_("record stock counts of goods that keep (on hand, on order)")),
    "review": ("app.commands.review", N_("compare past decisions with what really sold")),
    "backup": ("app.commands.backup", N_("list, take and restore backups of the shop file")),
    "sales": ("app.commands.sales", N_("remove sales days, e.g. a typo dated 0001")),
    "workshop": ("app.commands.workshop", N_("workshops: make a scenario, play it, report")),
    "association": ("app.commands.association",
                    N_("share what the shop learned without its sales; use the association's prior")),
}
_log = logging.getLogger("bestellkompass.cli")
# what an option's value is, by the option's dest, where a subcommand gives no metavar of its own
VALUE_NAMES: dict[str, str] = {
    "start": N_("DATE"), "end": N_("DATE"), "until": N_("DATE"), "prior": N_("FILE"), "out": N_("FILE"), "events": N_("FILE"),
    "sales": N_("FILE"), "weather": N_("FILE"), "mapping": N_("FILE"), "product": N_("PRODUCT"),
    "name": N_("NAME"), "supplier": N_("NAME"), "branch": N_("BRANCH"), "state": N_("STATE"),
    "kind": N_("KIND"), "seed": N_("NUMBER"), "horizon": N_("DAYS"), "refit_every": N_("DAYS"),
    "lead_time": N_("DAYS"), "shelf_life": N_("DAYS"), "weeks": N_("WEEKS"),
    "latitude": N_("DEGREES"), "longitude": N_("DEGREES"), "min_order": N_("UNITS"),
    "pack_size": N_("UNITS"), "price": N_("EURO"), "unit_cost": N_("EURO"), "salvage": N_("EURO"),
    "postal_code": N_("POSTAL_CODE"), "opening_days": N_("DAYS"), "salary_days": N_("DAYS"),
    "language": N_("LANGUAGE"), "max_temp": N_("DEGREES"), "rain": N_("RAIN"),
    "service_level": N_("LEVEL"), "sheet": N_("SHEET"), "quantiles": N_("LIST"),
    "carnival_region": "yes|no|auto", "catholic_region": "yes|no|auto",
}


TAKES_VALUE = ("--shop", "--lang", "--screenshot")  # the program's own options with a value


def chosen_command(argv: Sequence[str]) -> str | None:
    """The subcommand named on the command line, or None (`--shop demo suggest` is suggest)."""
    skip = False
    for word in argv:
        if skip:
            skip = False
        elif word in TAKES_VALUE:
            skip = True
        elif word in COMMANDS:
            return word
        elif not word.startswith("-"):
            return None  # not a subcommand: argparse will say so
    return None


def shop_as_argument(argv: Sequence[str]) -> list[str]:
    """`bestellkompass path/to/shop.bkshop` (a double-clicked file, "Open with") opens that shop:
    a lone word that is neither an option nor a subcommand, and names a .bkshop or an existing
    file, becomes `--shop WORD` (a mistyped subcommand still gets argparse's message)."""
    words = list(argv)
    if chosen_command(words) is not None:
        return words
    skip = False
    loose = []
    for position, word in enumerate(words):
        if skip:
            skip = False
        elif word in TAKES_VALUE:
            skip = True
        elif not word.startswith("-"):
            loose.append(position)
    if len(loose) != 1 or "--shop" in words:
        return words
    position = loose[0]
    word = words[position]
    if not (word.lower().endswith(".bkshop") or Path(word).is_file()):
        return words
    return [*words[:position], "--shop", words[position], *words[position + 1:]]


def build_parser(argv: Sequence[str] = ()) -> argparse.ArgumentParser:
    """The argument parser with every subcommand; only the module of the one named in `argv` is
    imported (the others' arguments are not needed), so a command starts without loading what
    the others need."""

    parser = argparse.ArgumentParser(
        prog="bestellkompass",
        description=_("Bestellkompass: order suggestions for bakeries and delis."),
        epilog=_("bestellkompass SHOP.bkshop opens that shop file in the window."),
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}",
                        help=_("show the program's version and exit"))
    parser.add_argument("--shop", metavar=_("FILE"),
                        help=_("shop file to open (default: the one in the user data folder)"))
    parser.add_argument("--lang", choices=["de", "en"], default=None,
                        help=_("language of the output (default: de)"))
    parser.add_argument(
        "--screenshot", metavar=_("DIR"), help=_("render the main screens to PNGs and exit")
    )
    parser.add_argument(
        "--selftest", action="store_true", help=_("open the demo shop offscreen and exit")
    )
    sub = parser.add_subparsers(dest="command", metavar=_("<subcommand>"),
                                title=_("subcommands"))
    chosen = chosen_command(argv)
    for name, (module_name, help_text) in COMMANDS.items():
        cmd = sub.add_parser(name, help=_(help_text), description=_(help_text))
        if name == chosen:
            module = importlib.import_module(module_name)
            module.add_arguments(cmd)
            cmd.set_defaults(_run=module.run)
            _name_values(cmd)
    return parser


def _name_values(parser: argparse.ArgumentParser) -> None:
    """Options without a metavar show what their value is in the user's language (--end DATUM,
    not --end END)."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in action.choices.values():
                _name_values(child)
        elif (action.option_strings and action.nargs != 0 and action.metavar is None
              and action.choices is None and action.dest in VALUE_NAMES):
            action.metavar = _(VALUE_NAMES[action.dest])


def _tolerant_output() -> None:
    """A console or file whose encoding lacks a character (Windows cp1252 and "☂") shows "?"
    instead of the command failing; a windowed bundle has no streams at all."""
    for stream in (sys.stdout, sys.stderr):
        if stream is not None and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")


def _safe_terminal() -> None:
    """No name or cell reaches the terminal as an escape sequence (ESC, CSI, bidi controls)."""

    sys.stdout = TerminalStream.wrap(sys.stdout)
    sys.stderr = TerminalStream.wrap(sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script."""
    portable.activate_if_marked()  # before anything looks for its folders
    _tolerant_output()
    _safe_terminal()
    # before parsing, so that even a usage error of the windowed program (no console) is kept;
    # the window logs what it does, a command only its warnings and errors, not its output
    if any(word in COMMANDS for word in (sys.argv[1:] if argv is None else argv)):
        setup_logging("bestellkompass-cli", logging.WARNING)
    else:
        setup_logging("bestellkompass", logging.INFO)
    words = shop_as_argument(sys.argv[1:] if argv is None else argv)
    lang = language_in(words)
    with speaking(lang):
        args = build_parser(words).parse_args(words)
    with using(lang):
        return _run(args)


def _run(args: argparse.Namespace) -> int:
    """Run the subcommand parsed (or open the window); failures become one sentence."""
    args.lang_given = args.lang is not None
    lang = args.lang or "de"
    args.lang = lang
    try:
        if args.command:
            return int(args._run(args) or 0)
        from app.launch import launch

        return launch(args)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        return report_failure(exc, args, lang)


def _shop_path(args: argparse.Namespace) -> Path:
    """The shop file the command worked on (SQLite errors do not name it)."""
    given = getattr(args, "shop", None) or (args.command == "demo" and getattr(args, "out", None))
    if given:
        return Path(given)

    return default_shop_path()


def report_failure(exc: Exception, args: argparse.Namespace, lang: str) -> int:
    """One sentence on stderr, never a stack: 2 for what the user can fix (bad input, a locked,
    read-only, full or damaged file), 1 for a bug (its stack goes to the log)."""
    from app.commands.backup import damaged_error

    command = args.command or "app"
    problem = damaged_error(args, exc) or user_message(exc, _shop_path(args))
    if problem is not None:
        if isinstance(exc, CodedError):
            _log.warning("%s: %s", command, problem.message("en"))
        else:
            _log.error("%s: %s", command, problem.message("en"), exc_info=exc)
        print(problem.message(lang), file=sys.stderr)
        return 2
    logs = active()
    _log.error("%s: unexpected error", command, exc_info=exc)

    where = str(logs.path) if logs is not None else "stderr"
    print(render("failure.unexpected", lang, error=f"{type(exc).__name__}: {exc}", log=where),
          file=sys.stderr)
    if logs is None:  # no log file to keep the details: the stack is all there is
        print(details(exc), file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
