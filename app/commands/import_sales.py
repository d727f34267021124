"""`bestellkompass import FILE --shop PATH`: import sales history from CSV/text, .xlsx or .xls.

Prints the validation report; exit 0 when imported (or, with --dry-run, when it would import),
2 with a one-line reason when refused. A --shop path that does not exist becomes a new shop file
(name = file stem, --state, default NW) -- unless the import is refused or it is a dry run.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.commands.args import allow_dates
from forecasting.importing.engine import (
    FileData,
    ImportOptions,
    ImportRefusedError,
    read_file,
)
from forecasting.importing.mapping import UNITS, load_mapping, save_mapping
from forecasting.importing.report import ImportReport, render_report
from forecasting.importing.sniff import detect_mapping
from forecasting.operations import sales
from forecasting.operations.shop import default_shop_path, open_shop


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of the import subcommand."""
    parser.add_argument("file", help="CSV/text, .xlsx or .xls file with the sales history")
    parser.add_argument("--shop", dest="import_shop", help="shop file (created if missing)")
    parser.add_argument("--mapping", help="JSON mapping (default: detect from the file)")
    parser.add_argument("--save-mapping", metavar="FILE", help="write the mapping used as JSON")
    parser.add_argument("--dry-run", action="store_true", help="print the report, write nothing")
    parser.add_argument("--report-json", metavar="FILE", help="also write the report as JSON")
    parser.add_argument("--branch", help="import only this branch (column with branch names)")
    parser.add_argument("--sheet", help="worksheet of an Excel file (default: the first)")
    parser.add_argument("--quantity-column", metavar="COLUMN",
                        help="the column with the quantities (default: detected)")
    parser.add_argument("--unit", choices=UNITS,
                        help="what the quantities count: EUR for a turnover column (products are "
                             "then planned in euros), Stück for pieces")
    parser.add_argument("--date-order", choices=["DMY", "MDY"], help="for dates like 03/04/2024")
    parser.add_argument(
        "--on-conflict", choices=["keep", "replace"], help="days already in the shop that differ"
    )
    parser.add_argument(
        "--accept-rejects", action="store_true", help="import even if some rows are rejected"
    )
    parser.add_argument("--state", default="NW", help="state of a new shop file (default NW)")
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
    progress = _TerminalProgress()
    data = read_file(path, mapping, progress=progress, window=options.window)
    progress.clear()
    try:
        report = _import(data, shop_path, options, args)
    except ImportRefusedError as refused:
        refused.report.dry_run = args.dry_run
        _emit(refused.report, args)
        raise
    report.dry_run = args.dry_run
    _emit(report, args)
    return 0


def _import(data: FileData, shop_path: Path, options: ImportOptions,
            args: argparse.Namespace) -> ImportReport:
    """The import (or its dry run) into the shop file; a new shop appears only when complete."""
    if not shop_path.exists():
        if args.dry_run:
            return sales.dry_run(None, data, options)
        return sales.import_into_new_shop(shop_path, data, options, name=shop_path.stem,
                                          state=args.state.upper())
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
