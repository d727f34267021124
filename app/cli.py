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
from app.logfile import active, details, setup_logging
from calendars.errors import CodedError
from forecasting.failures import user_message
from forecasting.operations.shop import default_shop_path
from forecasting.safe_text import TerminalStream
from forecasting.texts import render

COMMANDS: dict[str, tuple[str, str]] = {
    "demo": ("app.commands.demo", "write a demo shop file (bakery or deli)"),
    "import": ("app.commands.import_sales", "import sales history from CSV/XLSX"),
    "calendar": ("app.commands.calendar", "print the daily calendar feature table"),
    "weather": ("app.commands.weather", "import weather observations or forecasts"),
    "events": ("app.commands.events", "import local events from ICS or CSV"),
    "backtest": ("app.commands.backtest", "rolling-origin backtest of the forecasts"),
    "suggest": ("app.commands.suggest", "print the order suggestions for a day"),
    "settings": ("app.commands.settings", "show or change shop, product and calendar settings"),
    "order": ("app.commands.order", "record order decisions, export the final order list"),
    "stock": ("app.commands.stock", "record stock counts of goods that keep (on hand, on order)"),
    "review": ("app.commands.review", "compare past decisions with what really sold"),
    "backup": ("app.commands.backup", "list, take and restore backups of the shop file"),
    "sales": ("app.commands.sales", "remove sales days, e.g. a typo dated 0001"),
}
_log = logging.getLogger("bestellkompass.cli")


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
        description="Bestellkompass: Bestellvorschläge für Bäckereien und Feinkostläden.",
        epilog="bestellkompass SHOP.bkshop opens that shop file in the window.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--shop", help="shop file to open (default: the one in the user data dir)")
    parser.add_argument("--lang", choices=["de", "en"], default=None, help="language of the output")
    parser.add_argument(
        "--screenshot", metavar="DIR", help="render the main screens to PNGs and exit"
    )
    parser.add_argument(
        "--selftest", action="store_true", help="open the demo shop offscreen and exit"
    )
    sub = parser.add_subparsers(dest="command", metavar="<subcommand>")
    chosen = chosen_command(argv)
    for name, (module_name, help_text) in COMMANDS.items():
        cmd = sub.add_parser(name, help=help_text, description=help_text)
        if name == chosen:
            module = importlib.import_module(module_name)
            module.add_arguments(cmd)
            cmd.set_defaults(_run=module.run)
    return parser


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
    parser = build_parser(words)
    args = parser.parse_args(words)
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
