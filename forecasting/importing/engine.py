"""Import a sales file: read -> validate -> reconcile -> write, in ONE shop transaction.

`read_file` streams the file into exact daily totals (no shop needed). `plan_import` resolves
dates, branches and product names against the shop (or an empty shop) and classifies every
product-day as new, unchanged or conflicting; refusals raise `ImportRefusedError` carrying the
report. `write_import` does the same inside `shop.transaction()`, writes, reads back and checks
the reconciliation before committing, so a refusal, an error or a cancel leaves the file as it
was.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import decimal
import itertools
from decimal import Decimal
from pathlib import Path
from typing import Any

from calendars.plausible import DateWindow, name_problem
from forecasting.errors import UserError
from forecasting.importing.dates import Pending, resolve, show_pending
from forecasting.importing.dsfinvk import ExportData, read_export
from forecasting.importing.dsfinvk_files import is_export
from forecasting.importing.layouts import (
    LIMIT,
    Collector,
    FileData,
    ImportCancelledError,
    Rejection,
    reason_params,
)
from forecasting.importing.mapping import Mapping
from forecasting.importing.money import money_column
from forecasting.importing.names import clean_name, name_key
from forecasting.importing.reader import (
    Record,
    is_workbook,
    records,
    workbook_row_count,
)
from forecasting.importing.report import (
    MAX_CONFLICTS_LISTED,
    Conflict,
    ImportReport,
    ProductTotal,
    reason_text,
)
from forecasting.importing.sniff import (
    SAMPLE_ROWS,
    _width,
    column_names,
    detect_mapping,
    table_width,
)
from forecasting.progress import NullProgress, Progress
from forecasting.safe_text import display_name
from forecasting.store.file import Shop
from forecasting.store.products import aliases as stored_aliases
from forecasting.store.products import load_products, product_ids, save_alias, save_product
from forecasting.store.sales import SalesRow, insert_rows, quantities_of
from forecasting.values.products import MONEY_UNITS, Product

ON_CONFLICT = ("keep", "replace")
ZERO = Decimal(0)


@dataclasses.dataclass
class ImportOptions:
    """Choices the user makes: conflicts (keep/replace), whether rejected rows may be skipped,
    the days a row may have (None: 2000-01-01 .. today + 2 years)."""

    on_conflict: str | None = None
    accept_rejects: bool = False
    dry_run: bool = False
    window: DateWindow | None = None


class ImportRefusedError(UserError):
    """The import was refused (nothing written); `report` says what was found."""

    def __init__(self, code: str, report: ImportReport, **params: Any) -> None:
        super().__init__(code, **params)
        self.report = report


@dataclasses.dataclass
class Day:
    """One product-day from the file: exact sums and the rows behind them."""

    quantity: Decimal
    produced: Decimal | None
    leftover: Decimal | None
    sold_out: str | None
    last_sale: str | None
    rows: int


# -- reading ----------------------------------------------------------------------------------
def file_columns(path: str | Path, mapping: Mapping) -> list[str]:
    """The column names the engine will use for this file and mapping (for previews/wizards)."""
    return _sample_table(Path(path), mapping)[0]


def _sample_table(path: Path, mapping: Mapping) -> tuple[list[str], list[Record]]:
    """(column names, the sampled data rows) of the file as the mapping reads it."""
    sample = list(
        itertools.islice(
            records(path, mapping.encoding, mapping.separator, mapping.sheet), SAMPLE_ROWS
        )
    )
    header: Record | None = None
    if mapping.header_row:
        if len(sample) < mapping.header_row:
            raise UserError("import.empty", file=path.name)
        header = sample[mapping.header_row - 1]
    data = sample[mapping.header_row :]
    return column_names(header, table_width(header, [r for r in data if _width(r)])), data


def money_columns(columns: list[str], rows: list[Record], mapping: Mapping) -> list[str]:
    """The mapped quantity columns that hold money (by name or by their cells)."""
    chosen = mapping.product_columns if mapping.layout == "wide" else [mapping.quantity_column]
    found = []
    for name in chosen:
        if name is None or name not in columns:
            continue
        i = columns.index(name)
        if money_column(name, [r[i] for r in rows if i < len(r)]):
            found.append(name)
    return found


def _check_unit(path: Path, mapping: Mapping, columns: list[str], rows: list[Record]) -> None:
    """Refuse to read a money column as pieces unless the user said which unit it counts."""
    if mapping.unit is not None:
        return
    money = money_columns(columns, rows, mapping)
    if money:
        raise UserError("import.money_column", file=path.name, column=money[0])


def _check_mapping(path: Path, mapping: Mapping) -> None:
    if mapping.layout == "wide" and mapping.date_column is None and mapping.start_date is None:
        raise UserError("import.need_start_date", file=path.name)
    if mapping.layout != "wide" and mapping.date_column is None:
        raise UserError("import.no_date_column", file=path.name)
    if mapping.layout != "wide" and mapping.quantity_column is None:
        raise UserError("import.no_quantity_column", file=path.name)
    if mapping.layout == "wide" and not mapping.product_columns:
        raise UserError("import.no_quantity_column", file=path.name)
    mapping.check(path.name)
    names = [("product_name", mapping.product_name or "")]
    names += [("aliases", n) for pair in mapping.aliases.items() for n in pair]
    for field, name in names:
        problem = name_problem(clean_name(name))
        if problem is not None:
            raise UserError(
                "sanity.mapping_name",
                file=path.name,
                field=field,
                value=display_name(name),
                **reason_params(problem),
            )


def read_file(
    path: str | Path,
    mapping: Mapping | None = None,
    *,
    progress: Progress | None = None,
    window: DateWindow | None = None,
) -> FileData:
    """Stream the file into exact daily totals and a tally of every row (nothing is written);
    rows dated outside `window` (default 2000-01-01 .. today + 2 years) are rejected."""
    path = Path(path)
    if is_export(path):  # a DSFinV-K export (zip or folder): forecasting/importing/dsfinvk.py
        return read_export(path, mapping, progress=progress, window=window)
    progress = progress or NullProgress()
    if not path.is_file():
        raise UserError("import.file_not_found", file=str(path))
    if mapping is None:
        mapping = detect_mapping(path)
    _check_mapping(path, mapping)
    columns, sample = _sample_table(path, mapping)
    for name in mapping.columns_used():
        if name not in columns:
            raise UserError(
                "import.unknown_column", file=path.name, column=name, columns=", ".join(columns)
            )
    _check_unit(path, mapping, columns, sample)
    counter = [0]
    total = workbook_row_count(path, mapping.sheet) if is_workbook(path) else path.stat().st_size

    def tick() -> None:
        progress.report(0.8 * min(1.0, counter[0] / total) if total else 0.0, "import.read")

    progress.report(0.0, "import.read")
    collector = Collector(path.name, mapping, columns, progress.cancelled, tick, window)
    try:
        data = collector.run(
            records(path, mapping.encoding, mapping.separator, mapping.sheet, counter)
        )
    except OSError as exc:
        raise UserError("import.unreadable", file=path.name, detail=exc.strerror or exc) from None
    if progress.cancelled():
        raise ImportCancelledError()
    progress.report(0.8, "import.read")
    return data


# -- resolving against the shop ---------------------------------------------------------------
def _refuse(code: str, report: ImportReport, **params: Any) -> ImportRefusedError:
    report.refusal = {"code": code, "params": {k: str(v) for k, v in params.items()}}
    return ImportRefusedError(code, report, **params)


def shop_names(shop: Shop | None) -> tuple[dict[str, str], dict[str, str]]:
    """(key -> product name, alias key -> product name) from the shop."""
    if shop is None:
        return {}, {}
    products = {name_key(name): name for name in product_ids(shop)}
    return products, stored_aliases(shop)


def _product_names(data: FileData, shop: Shop | None) -> dict[str, str]:
    """Product key in the file -> product name in the shop (user aliases, remembered aliases,
    existing products, else the file's best spelling)."""
    products, remembered = shop_names(shop)
    given = {name_key(a): clean_name(t) for a, t in data.mapping.aliases.items()}
    names: dict[str, str] = {}
    for key, spelling in data.spellings.items():
        if key in given:
            target = given[key]
            names[key] = products.get(name_key(target), target)
        elif key in remembered:
            names[key] = remembered[key]
        else:
            names[key] = products.get(key, spelling)
    return names


def _resolve(
    data: FileData, report: ImportReport, shop: Shop | None
) -> dict[str, dict[dt.date, Day]]:
    """Product name -> day -> Day; refuses ambiguous dates and unchosen branches."""
    m = data.mapping
    column = m.date_column or ""
    try:
        order, row, example = data.evidence.decide(m.date_order)
    except ValueError as exc:
        row_a, a, row_b, b = exc.args[0]
        raise _refuse(
            "import.mixed_date_orders",
            report,
            file=data.path,
            column=column,
            row_a=row_a,
            value_a=show_pending(a),
            row_b=row_b,
            value_b=show_pending(b),
        ) from None
    if order is None and example is not None:
        raise _refuse(
            "import.ambiguous_dates",
            report,
            file=data.path,
            column=column,
            row=row,
            value=show_pending(example),
        )
    report.date_order = order
    report.branches = sorted(data.branches.values())
    if m.branch_column and m.branch is None and len(data.branches) > 1:
        raise _refuse(
            "import.several_branches",
            report,
            file=data.path,
            column=m.branch_column,
            branches=", ".join(report.branches),
        )
    if m.branch is not None and m.branch_column and name_key(m.branch) not in data.branches:
        raise _refuse(
            "import.unknown_branch",
            report,
            file=data.path,
            branch=m.branch,
            branches=", ".join(report.branches),
        )
    names = _product_names(data, shop)
    out: dict[str, dict[dt.date, Day]] = {}
    with decimal.localcontext() as ctx:
        ctx.prec = 80
        for (_branch, key, token), values in data.days.items():
            if isinstance(token, Pending):
                day = resolve(token, order or "DMY")
                if day is None:
                    raise _refuse(
                        "import.invalid_date",
                        report,
                        file=data.path,
                        column=column,
                        row=data.evidence.first_row[token],
                        value=show_pending(token),
                    )
                if day not in data.window:
                    raise _refuse_date(data, report, data.evidence.first_row[token],
                                       show_pending(token), values[5])
            else:
                day = token  # type: ignore[assignment]
            days = out.setdefault(names[key], {})
            _merge(days, day, Day(*values))  # type: ignore[arg-type]
    return out


def _check_units(data: FileData, report: ImportReport, shop: Shop | None,
                 resolved: dict[str, dict[dt.date, Day]]) -> None:
    """Refuse to add euros to a product counted in pieces, or pieces to one kept in euros."""
    if shop is None:
        return
    unit = data.mapping.unit or Product.unit
    for product in load_products(shop):
        if product.name in resolved and product.unit != unit and (
                unit in MONEY_UNITS or product.unit in MONEY_UNITS):
            raise _refuse("import.unit_mismatch", report, file=data.path, product=product.name,
                          unit=product.unit, file_unit=unit)


def _refuse_date(
    data: FileData, report: ImportReport, row: int, value: str, count: int
) -> ImportRefusedError:
    """A day that only the chosen day/month order put outside the window."""
    return _refuse(
        "sanity.refused_date",
        report,
        file=data.path,
        count=count,
        row=row,
        column=data.mapping.date_column or "",
        value=value,
        first=data.window.first,
        last=data.window.last,
    )


def _refuse_implausible(
    data: FileData, report: ImportReport, first: Rejection, count: int
) -> ImportRefusedError:
    """Rows with an implausible date, quantity or name: named with the first one's row, column."""
    kind = first.reason.removeprefix("sanity.")
    where = {"file": data.path, "count": count, "row": first.row, "column": first.column,
             "value": first.value}
    if kind == "date_outside":
        return _refuse("sanity.refused_date", report, **where, first=data.window.first,
                       last=data.window.last)
    code = "sanity.refused_name" if kind.startswith("name_") else "sanity.refused_quantity"
    return _refuse(code, report, **where, **reason_params(kind))


def _merge(days: dict[dt.date, Day], day: dt.date, new: Day) -> None:
    """Add a Day to the day's totals (two keys can be one day: 1/2/2024 and 01/02/2024)."""
    old = days.get(day)
    if old is None:
        days[day] = new
        return
    old.quantity += new.quantity
    old.produced = _add(old.produced, new.produced)
    old.leftover = _add(old.leftover, new.leftover)
    old.sold_out = max(filter(None, [old.sold_out, new.sold_out]), default=None)
    old.last_sale = max(filter(None, [old.last_sale, new.last_sale]), default=None)
    old.rows += new.rows


def _add(a: Decimal | None, b: Decimal | None) -> Decimal | None:
    if a is None:
        return b
    return a if b is None else a + b


def _file_totals(data: FileData, shop: Shop | None) -> dict[str, Decimal]:
    names = _product_names(data, shop)
    totals: dict[str, Decimal] = {}
    with decimal.localcontext() as ctx:
        ctx.prec = 80
        for (_branch, key), value in data.file_totals.items():
            totals[names[key]] = totals.get(names[key], ZERO) + value
    return totals


def _existing(shop: Shop | None, name: str, days: dict[dt.date, Day]) -> dict[dt.date, float]:
    if shop is None:
        return {}
    return quantities_of(shop, name, min(days), max(days))


def _exact(value: float) -> Decimal:
    return Decimal(repr(value))


@dataclasses.dataclass
class Plan:
    """What to write: per product, the days by class."""

    resolved: dict[str, dict[dt.date, Day]]
    new: dict[str, list[dt.date]]
    replace: dict[str, list[dt.date]]
    existing: dict[str, dict[dt.date, float]]
    created: list[str]


def _plan(data: FileData, shop: Shop | None, options: ImportOptions) -> tuple[Plan, ImportReport]:
    report = ImportReport(
        file=data.path,
        mapping=data.mapping.to_dict(),
        tally=data.tally,
        dry_run=options.dry_run,
        on_conflict=options.on_conflict,
        export=data.summary() if isinstance(data, ExportData) else None,
    )
    if options.on_conflict not in (None, *ON_CONFLICT):
        raise UserError("import.bad_on_conflict", value=str(options.on_conflict))
    resolved = _resolve(data, report, shop)
    _check_units(data, report, shop, resolved)
    in_file = _file_totals(data, shop)
    known, _ = shop_names(shop)
    known_names = set(known.values())
    plan = Plan(resolved, {}, {}, {}, [])
    conflicts: list[Conflict] = []
    with decimal.localcontext() as ctx:
        ctx.prec = 80
        for name in sorted(resolved):
            days = resolved[name]
            existing = _existing(shop, name, days)
            plan.existing[name] = existing
            total = ProductTotal(
                product=name,
                in_file=in_file.get(name, ZERO),
                imported=ZERO,
                rounding=ZERO,
                kept_difference=ZERO,
                rows=sum(d.rows for d in days.values()),
                days=len(days),
                created=name not in known_names,
            )
            if total.created:
                plan.created.append(name)
            new, replace = [], []
            for day in sorted(days):
                exact = days[day].quantity
                if exact > LIMIT or exact < -LIMIT:
                    raise _refuse("sanity.day_total", report, file=data.path, product=name,
                                  date=day, total=str(exact))
                stored = float(exact)
                old = existing.get(day)
                if old is None:
                    new.append(day)
                    total.new_days += 1
                elif old == stored:
                    total.unchanged_days += 1
                else:
                    conflicts.append(Conflict(name, day, old, exact))
                    if options.on_conflict == "keep":
                        total.kept_days += 1
                        total.kept_difference += exact - _exact(old)
                        total.imported += _exact(old)
                        continue
                    replace.append(day)
                    total.replaced_days += 1
                total.imported += _exact(stored)
                total.rounding += exact - _exact(stored)
            plan.new[name], plan.replace[name] = new, replace
            report.totals.append(total)
    if data.mapping.layout != "receipts":
        merged = [
            (name, day, d.rows)
            for name in sorted(resolved)
            for day, d in sorted(resolved[name].items())
            if d.rows > 1
        ]
        report.merged_day_count = len(merged)
        report.merged_days = merged[:MAX_CONFLICTS_LISTED]
    report.conflicts = conflicts[:MAX_CONFLICTS_LISTED]
    report.conflict_count = len(conflicts)
    report.products_created = plan.created
    t = data.tally
    if t.accounted() != t.rows_read or not all(p.reconciled for p in report.totals):
        raise _refuse("import.not_reconciled", report, file=data.path)
    if t.implausible and not options.accept_rejects:
        raise _refuse_implausible(data, report, t.first_implausible, t.implausible)  # type: ignore[arg-type]
    if t.rejected and not options.accept_rejects:
        first = t.rejections[0]
        raise _refuse(
            "import.rejected_rows",
            report,
            file=data.path,
            count=t.rejected,
            row=first.row,
            column=first.column,
            reason_de=_reason(first.reason, "de"),
            reason_en=_reason(first.reason, "en"),
            value=first.value,
        )
    if conflicts and options.on_conflict is None:
        c = conflicts[0]
        raise _refuse(
            "import.conflicts",
            report,
            file=data.path,
            count=len(conflicts),
            product=c.product,
            date=c.date,
            in_shop=str(_exact(c.in_shop)),
            in_file=str(c.in_file),
        )
    if t.imported == 0:
        raise _refuse("import.nothing", report, file=data.path)
    return plan, report


def _reason(code: str, lang: str) -> str:
    return reason_text(code, lang)


def plan_import(
    data: FileData, shop: Shop | None, options: ImportOptions | None = None
) -> ImportReport:
    """The report of what an import would do (dry run); refuses exactly like the real one."""
    _, report = _plan(data, shop, options or ImportOptions())
    return report


def days_with_sales(data: FileData) -> set[dt.date]:
    """The days on which the file sells something (a product-day not netting to zero), as a new
    shop will hold them: its opening days are read from these before anything is written."""
    report = ImportReport(file=data.path, mapping=data.mapping.to_dict(), tally=data.tally)
    resolved = _resolve(data, report, None)
    return {day for days in resolved.values() for day, d in days.items() if d.quantity != 0}


# -- writing ----------------------------------------------------------------------------------
def _opt(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def write_import(
    data: FileData,
    shop: Shop,
    options: ImportOptions | None = None,
    *,
    progress: Progress | None = None,
) -> ImportReport:
    """Write the file's data into the shop in one transaction, or refuse and write nothing."""
    options = options or ImportOptions()
    progress = progress or NullProgress()
    progress.report(0.85, "import.write")
    with shop.transaction():
        plan, report = _plan(data, shop, options)
        unit = data.mapping.unit or Product.unit
        for name in plan.created:
            save_product(shop, Product(name=name, unit=unit))
        ids = product_ids(shop)
        known, _ = shop_names(shop)
        for alias, target in data.mapping.aliases.items():
            target_name = known.get(name_key(target), clean_name(target))
            if target_name in ids:
                save_alias(shop, name_key(alias), ids[target_name])
        for replace, chosen in ((False, plan.new), (True, plan.replace)):
            rows = []
            for name, days in chosen.items():
                for day in days:
                    d = plan.resolved[name][day]
                    rows.append(SalesRow(ids[name], day, float(d.quantity), _opt(d.produced),
                                         _opt(d.leftover), d.sold_out, d.last_sale))
            insert_rows(shop, rows, replace=replace)
        progress.report(0.95, "import.check")
        _check_written(shop, plan, report, options)
        if progress.cancelled():
            raise ImportCancelledError()
        shop.log(
            "sales.imported",
            {
                "file": data.path,
                "rows_read": data.tally.rows_read,
                "rows_imported": data.tally.imported,
                "rows_rejected": data.tally.rejected,
                "days_new": report.days_new,
                "days_replaced": report.days_replaced,
                "days_kept": report.days_kept,
                "products_created": plan.created,
                "mapping": data.mapping.to_dict(),
            },
        )
    report.written = True
    progress.report(1.0, "import.done")
    return report


def _check_written(shop: Shop, plan: Plan, report: ImportReport, options: ImportOptions) -> None:
    """Read the file's days back from the shop: each must hold exactly the planned double."""
    imported: dict[str, Decimal] = {}
    with decimal.localcontext() as ctx:
        ctx.prec = 80
        for name, days in plan.resolved.items():
            stored = _existing(shop, name, days)
            total = ZERO
            for day, d in days.items():
                old = plan.existing[name].get(day)
                keep = (
                    old is not None and options.on_conflict == "keep" and old != float(d.quantity)
                )
                expected = old if keep else float(d.quantity)
                if stored.get(day) != expected:
                    raise UserError("import.not_reconciled", file=report.file)
                total += _exact(stored[day])
            imported[name] = total
    for p in report.totals:
        if imported[p.product] != p.imported or not p.reconciled:
            raise UserError("import.not_reconciled", file=report.file)


def import_sales(
    path: str | Path,
    shop: Shop | None,
    mapping: Mapping | None = None,
    options: ImportOptions | None = None,
    *,
    progress: Progress | None = None,
) -> ImportReport:
    """Read, validate and (unless dry run or shop is None) write; the one call the app needs."""
    options = options or ImportOptions()
    data = read_file(path, mapping, progress=progress, window=options.window)
    if options.dry_run or shop is None:
        report = plan_import(data, shop, options)
        report.dry_run = True
        return report
    return write_import(data, shop, options, progress=progress)
