"""The `bestellkompass` command: no subcommand opens the app; subcommands work headless.

Each subcommand lives in `app/commands/<name>.py` with `add_arguments(parser)` and `run(args) -> int`
and only calls into `forecasting` / `calendars`, so scripts, tests and the app share one code path.
Qt is imported only when the window is opened.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from calendars.errors import CodedError

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
    "sales": ("app.commands.sales", "remove sales days, e.g. a typo dated 0001"),
}


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every available subcommand."""
    from app import __version__

    parser = argparse.ArgumentParser(
        prog="bestellkompass",
        description="Bestellkompass: Bestellvorschläge für Bäckereien und Feinkostläden.",
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
    for name, (module_name, help_text) in COMMANDS.items():
        module = importlib.import_module(module_name)
        cmd = sub.add_parser(name, help=help_text, description=help_text)
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
    from forecasting.safe_text import TerminalStream

    sys.stdout = TerminalStream.wrap(sys.stdout)
    sys.stderr = TerminalStream.wrap(sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script."""
    _tolerant_output()
    _safe_terminal()
    parser = build_parser()
    args = parser.parse_args(argv)
    args.lang_given = args.lang is not None
    lang = args.lang or "de"
    args.lang = lang
    try:
        if args.command:
            return int(args._run(args) or 0)
        from app.launch import launch

        return launch(args)
    except CodedError as exc:
        print(exc.message(lang), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
