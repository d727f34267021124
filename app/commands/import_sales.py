"""`bestellkompass import FILE --shop PATH`: import sales history from CSV/text, .xlsx or .xls, or
from the till's DSFinV-K export (a .zip or its folder; forecasting/importing/dsfinvk.py).

Prints the validation report; exit 0 when imported (or, with --dry-run, when it would import),
2 with a one-line reason when refused. A --shop path that does not exist becomes a new shop file
(name = file stem; --state or --postal-code required, the state is never guessed; opening weekdays
and holidays from the days with sales, printed for the owner to check) -- unless the import is
refused or it is a dry run.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.cli_text import _
from app.commands.args import allow_dates
from forecasting.importing.engine import (
    FileData,
    ImportOptions,
    ImportRefusedError,
    read_file,
)
from forecasting.importing.facts import Location, OpeningFacts, exceptions_text, shop_location
from forecasting.importing.mapping import UNITS, load_mapping, save_mapping
from forecasting.importing.report import ImportReport, render_report
from forecasting.importing.sniff import detect_mapping
from forecasting.operations import sales
from forecasting.operations.shop import default_shop_path, open_shop
from forecasting.texts import format_number, render


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of the import subcommand."""
    parser.add_argument("file", help=_("CSV/text, .xlsx or .xls file with the sales history, or "
                                       "the till's DSFinV-K export (.zip or its folder)"))
    parser.add_argument("--shop", metavar=_("FILE"), dest="import_shop", help=_("shop file (created if missing)"))
    parser.add_argument("--mapping", help=_("JSON mapping (default: detect from the file)"))
    parser.add_argument("--save-mapping", metavar=_("FILE"), help=_("write the mapping used as JSON"))
    parser.add_argument("--dry-run", action="store_true", help=_("print the report, write nothing"))
    parser.add_argument("--report-json", metavar=_("FILE"), help=_("also write the report as JSON"))
    parser.add_argument("--branch", help=_("import only this branch (column with branch names)"))
    parser.add_argument("--sheet", help=_("worksheet of an Excel file (default: the first)"))
    parser.add_argument("--quantity-column", metavar=_("COLUMN"),
                        help=_("the column with the quantities (default: detected)"))
    parser.add_argument("--unit", choices=UNITS,
                        help=_("what the quantities count: EUR for a turnover column (products are "
                               "then planned in euros), Stück for pieces"))
    parser.add_argument("--date-order", choices=["DMY", "MDY"], help=_("for dates like 03/04/2024"))
    parser.add_argument(
        "--on-conflict", choices=["keep", "replace"], help=_("days already in the shop that differ")
    )
    parser.add_argument(
        "--accept-rejects", action="store_true", help=_("import even if some rows are rejected")
    )
    parser.add_argument("--state", help=_("federal state of a new shop file (e.g. SH); a new shop "
                                          "needs --state or --postal-code"))
    parser.add_argument("--postal-code", help=_("postal code of a new shop file: its state and "
                                                "coordinates (for the weather) come from it"))
    allow_dates(parser)


def _shop_path(args: argparse.Namespace) -> Path:
    value = getattr(args, "import_shop", None) or getattr(args, "shop", None)
    if not value:

        return default_shop_path()
    return Path(value)


def _emit(report: ImportReport, args: argparse.Namespace) -> None:
    print(render_report(report, args.lang))
    if args.report_json:
        Path(args.report_json).write_text(report.to_json(), encoding="utf-8")


def run(args: argparse.Namespace) -> int:
    """Detect or load the mapping, read, report, and write unless refused or dry run."""
    path = Path(args.file)
    if args.mapping:
        mapping = load_mapping(args.mapping)
        if args.sheet:
            mapping.sheet = args.sheet
    else:
        mapping = detect_mapping(path, sheet=args.sheet)
    if args.branch:
        mapping.branch = args.branch
    if args.date_order:
        mapping.date_order = args.date_order
    if args.quantity_column:
        mapping.quantity_column = args.quantity_column
    if args.unit:
        mapping.unit = args.unit
    if args.save_mapping:
        save_mapping(mapping, args.save_mapping)
    options = ImportOptions(
        on_conflict=args.on_conflict, accept_rejects=args.accept_rejects, dry_run=args.dry_run,
        window=args.allow_dates,
    )
    shop_path = _shop_path(args)
    location = None
    if not shop_path.exists() and not args.dry_run:
        location = shop_location(args.state, args.postal_code)  # before reading a big file
    progress = _TerminalProgress()
    data = read_file(path, mapping, progress=progress, window=options.window)
    progress.clear()
    facts = None
    try:
        if location is not None:
            report, facts = sales.import_into_new_shop(shop_path, data, options,
                                                       name=shop_path.stem, location=location)
        else:
            report = _import(data, shop_path, options, args)
    except ImportRefusedError as refused:
        refused.report.dry_run = args.dry_run
        _emit(refused.report, args)
        raise
    report.dry_run = args.dry_run
    _emit(report, args)
    if facts is not None and location is not None:
        print("\n".join(facts_lines(location, facts, args.lang)))
    return 0


def facts_lines(location: Location, facts: OpeningFacts, lang: str) -> list[str]:
    """What the new shop's settings were taken from, for the owner to check."""
    answer = {True: render("facts.yes", lang), False: render("facts.no", lang)}
    adverbs = render("facts.adverbs", lang).split(",")
    plurals = render("facts.plurals", lang).split(",")
    lines = [render("facts.title", lang)]
    if location.postal_code:
        lines.append("  " + render(
            "facts.location_postal_code", lang, state=location.state,
            postal_code=location.postal_code, place=location.place,
            latitude=format_number(location.latitude or 0.0, lang, 4),
            longitude=format_number(location.longitude or 0.0, lang, 4)))
    else:
        lines.append("  " + render("facts.location_state", lang, state=location.state))
    for weekday in range(7):
        lines.append("  " + render(
            "facts.weekday", lang, adverb=adverbs[weekday], plural=plurals[weekday],
            answer=answer[weekday in facts.opening_days],
            n=format_number(facts.days_per_weekday[weekday], lang, 0)))
    lines.append("  " + render(
        "facts.holidays", lang, answer=answer[facts.open_on_public_holidays],
        n=format_number(facts.holidays_with_sales, lang, 0),
        seen=format_number(facts.holidays_seen, lang, 0)))
    exceptions = exceptions_text(facts, location.state, lang)
    if exceptions:
        lines.append("    " + exceptions)
    return lines


def _import(data: FileData, shop_path: Path, options: ImportOptions,
            args: argparse.Namespace) -> ImportReport:
    """The import into an existing shop file, or the dry run of any import."""
    if not shop_path.exists():
        return sales.dry_run(None, data, options)
    # a dry run must not even migrate an older shop file forward
    with open_shop(shop_path, migrate=not args.dry_run, read_only=args.dry_run) as shop:
        if args.dry_run:
            return sales.dry_run(shop, data, options)
        return sales.import_sales(shop, data, options)[0]


class _TerminalProgress:
    """Progress on stderr when it is a terminal (quiet in scripts and tests)."""

    def __init__(self) -> None:
        self.show = sys.stderr.isatty()

    def report(self, fraction: float, message: str) -> None:
        if self.show:
            print(f"\r{fraction * 100:5.1f} %", end="", file=sys.stderr, flush=True)

    def cancelled(self) -> bool:
        return False

    def clear(self) -> None:
        if self.show:
            print("\r" + " " * 10 + "\r", end="", file=sys.stderr, flush=True)
