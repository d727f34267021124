"""The validation report of an import: where every row went and whether the totals reconcile.

`ImportReport.to_dict()` is the JSON contract for scripts and trainers (`--report-json`):
rows_read, rows_imported, rows_rejected (list of {row, column, reason, value}; reasons "sanity.*"
mark implausible dates, quantities and names, counted in rows_implausible), rows_blank, ...,
totals (list of {product, in_file, imported, rounding, kept_difference, ...}). Decimal amounts are
written as strings so that no digit is lost on the way to JSON.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from decimal import Decimal
from typing import Any

from forecasting.importing.layouts import Tally
from forecasting.safe_text import display_name
from forecasting.texts import format_date, format_number, render

MAX_CONFLICTS_LISTED = 1000
SHOWN_IN_TEXT = 15


@dataclasses.dataclass
class ProductTotal:
    """Totals of one product: file versus shop, and what explains any difference.

    in_file = imported + rounding + kept_difference, exactly (checked before committing).
    imported: the shop's values for the file's days after the import, as exact decimals.
    rounding: file decimals that a stored double cannot hold (only beyond ~15 significant digits).
    kept_difference: file minus shop on days where --on-conflict keep kept the shop's value.
    """

    product: str
    in_file: Decimal
    imported: Decimal
    rounding: Decimal
    kept_difference: Decimal
    rows: int
    days: int
    new_days: int = 0
    unchanged_days: int = 0
    replaced_days: int = 0
    kept_days: int = 0
    created: bool = False

    @property
    def reconciled(self) -> bool:
        """The identity in_file == imported + rounding + kept_difference."""
        return self.in_file == self.imported + self.rounding + self.kept_difference


@dataclasses.dataclass
class Conflict:
    """A day the shop already has with a different quantity."""

    product: str
    date: dt.date
    in_shop: float
    in_file: Decimal


@dataclasses.dataclass
class ImportReport:
    """Everything an import found and did (or, in a dry run or refusal, would have done)."""

    file: str
    mapping: dict[str, Any]
    tally: Tally
    date_order: str | None = None
    dry_run: bool = False
    written: bool = False
    totals: list[ProductTotal] = dataclasses.field(default_factory=list)
    conflicts: list[Conflict] = dataclasses.field(default_factory=list)
    conflict_count: int = 0
    on_conflict: str | None = None
    products_created: list[str] = dataclasses.field(default_factory=list)
    branches: list[str] = dataclasses.field(default_factory=list)
    refusal: dict[str, Any] | None = None
    # a DSFinV-K export: {"registers": [...], "closings": n, "receipts": {BON_TYP: n}}
    export: dict[str, Any] | None = None
    # daily/wide layouts: product-days that had several rows (summed, like a correction row)
    merged_days: list[tuple[str, dt.date, int]] = dataclasses.field(default_factory=list)
    merged_day_count: int = 0

    @property
    def days_new(self) -> int:
        """Product-days not in the shop before."""
        return sum(t.new_days for t in self.totals)

    @property
    def days_unchanged(self) -> int:
        """Product-days the shop already had with the same quantity."""
        return sum(t.unchanged_days for t in self.totals)

    @property
    def days_replaced(self) -> int:
        """Conflicting product-days overwritten by --on-conflict replace."""
        return sum(t.replaced_days for t in self.totals)

    @property
    def days_kept(self) -> int:
        """Conflicting product-days left as they were by --on-conflict keep."""
        return sum(t.kept_days for t in self.totals)

    @property
    def reconciled(self) -> bool:
        """Every row accounted for and every product's totals reconcile."""
        return self.tally.accounted() == self.tally.rows_read and all(
            t.reconciled for t in self.totals
        )

    def to_dict(self) -> dict[str, Any]:
        """The JSON form (see module docstring)."""
        t = self.tally
        return {
            "file": self.file,
            "dry_run": self.dry_run,
            "written": self.written,
            "refusal": self.refusal,
            "rows_read": t.rows_read,
            "rows_imported": t.imported,
            "rows_rejected": [dataclasses.asdict(r) for r in t.rejections],
            "rows_rejected_count": t.rejected,
            "rows_rejected_listed_all": len(t.rejections) == t.rejected,
            "rows_implausible": t.implausible,
            "rows_header": t.header,
            "rows_blank": t.blank,
            "rows_other_branch": t.other_branch,
            "rows_without_values": t.no_values,
            "rows_footer": [dataclasses.asdict(r) for r in t.footer_rows],
            "rows_left_out": dict(sorted(t.left_out.items())),
            "rows_accounted": t.accounted(),
            "days_new": self.days_new,
            "days_unchanged": self.days_unchanged,
            "days_replaced": self.days_replaced,
            "days_kept": self.days_kept,
            "conflict_count": self.conflict_count,
            "conflicts": [
                {
                    "product": c.product,
                    "date": c.date.isoformat(),
                    "in_shop": c.in_shop,
                    "in_file": _plain(c.in_file),
                }
                for c in self.conflicts
            ],
            "merged_day_count": self.merged_day_count,
            "merged_days": [
                {"product": p, "date": d.isoformat(), "rows": n} for p, d, n in self.merged_days
            ],
            "on_conflict": self.on_conflict,
            "products_created": self.products_created,
            "branches": self.branches,
            "export": self.export,
            "date_order": self.date_order,
            "reconciled": self.reconciled,
            "totals": [
                {
                    "product": p.product,
                    "in_file": _plain(p.in_file),
                    "imported": _plain(p.imported),
                    "rounding": _plain(p.rounding),
                    "kept_difference": _plain(p.kept_difference),
                    "rows": p.rows,
                    "days": p.days,
                    "new_days": p.new_days,
                    "unchanged_days": p.unchanged_days,
                    "replaced_days": p.replaced_days,
                    "kept_days": p.kept_days,
                    "created": p.created,
                    "reconciled": p.reconciled,
                }
                for p in self.totals
            ],
            "mapping": self.mapping,
        }

    def to_json(self) -> str:
        """Pretty JSON (UTF-8 text)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n"


def reason_text(code: str, lang: str) -> str:
    """Why a row was rejected, in words ("sanity.*" codes: implausible date, quantity or name)."""
    return render(code if code.startswith("sanity.") else f"import.reason.{code}", lang)


def left_out_text(left_out: dict[str, int], lang: str) -> str:
    """ "Bontyp AVTraining 12, Vorgang Pfand 3": why rows were left out, most first (codes are
    "kind:value", e.g. "receipt:AVTraining", "business:Pfand")."""
    parts = []
    for code, count in sorted(left_out.items(), key=lambda item: (-item[1], item[0])):
        kind, _, value = code.partition(":")
        words = render(f"import.left_out.{kind}", lang, value=value)
        parts.append(f"{words} {format_number(count, lang)}")
    return ", ".join(parts)


def _plain(value: Decimal) -> str:
    """A Decimal without exponent or trailing zeros: 0.000000000000031 (not 3.1E-14), 218."""
    return format(value.normalize(), "f") if value else "0"


def _amount(value: Decimal, lang: str) -> str:
    """A total as the user reads it: German digits, up to 3 decimals (the JSON has them all)."""
    exponent = value.normalize().as_tuple().exponent
    decimals = min(3, -exponent) if isinstance(exponent, int) and exponent < 0 else 0
    return format_number(float(value), lang, decimals=decimals)


def render_report(report: ImportReport, lang: str = "de") -> str:
    """The report as plain text for the terminal (the app shows the same numbers in a table)."""
    t = report.tally
    n = lambda v: format_number(v, lang)  # noqa: E731
    lines = [
        render("import.report.title", lang, file=report.file),
        render(
            "import.report.rows",
            lang,
            read=n(t.rows_read),
            imported=n(t.imported),
            rejected=n(t.rejected),
            header=n(t.header),
            blank=n(t.blank),
            other=n(t.other_branch + t.no_values + t.footer + sum(t.left_out.values())),
        ),
    ]
    if t.implausible:
        lines.append(render("sanity.report_rows", lang, count=n(t.implausible)))
    if report.export:
        lines.append(render("import.report.export", lang,
                            registers=", ".join(report.export["registers"]),
                            closings=n(report.export["closings"]),
                            receipts=", ".join(f"{kind} {n(count)}" for kind, count in
                                               report.export["receipts"].items())))
    if t.left_out:
        lines.append(render("import.report.left_out", lang, count=n(sum(t.left_out.values())),
                            kinds=left_out_text(t.left_out, lang)))
    for r in t.rejections[:SHOWN_IN_TEXT]:
        lines.append(
            "  "
            + render(
                "import.report.rejected_row",
                lang,
                row=r.row,
                column=r.column,
                reason=reason_text(r.reason, lang),
                value=r.value,
            )
        )
    if t.rejected > SHOWN_IN_TEXT:
        lines.append("  " + render("import.report.more", lang, count=n(t.rejected - SHOWN_IN_TEXT)))
    for r in t.footer_rows[:SHOWN_IN_TEXT]:
        lines.append("  " + render("import.report.footer_row", lang, row=r.row, value=r.value))
    lines.append(
        render(
            "import.report.days",
            lang,
            new=n(report.days_new),
            unchanged=n(report.days_unchanged),
            replaced=n(report.days_replaced),
            kept=n(report.days_kept),
            conflicts=n(report.conflict_count),
        )
    )
    if report.merged_day_count:
        first = report.merged_days[0]
        lines.append(
            render(
                "import.report.merged",
                lang,
                count=n(report.merged_day_count),
                product=display_name(first[0]),
                date=format_date(first[1], lang),
                rows=first[2],
            )
        )
    for c in report.conflicts[:SHOWN_IN_TEXT]:
        lines.append(
            "  "
            + render(
                "import.report.conflict",
                lang,
                product=display_name(c.product),
                date=format_date(c.date, lang),
                in_shop=_amount(Decimal(repr(c.in_shop)), lang),
                in_file=_amount(c.in_file, lang),
            )
        )
    if report.products_created:
        lines.append(
            render("import.report.created", lang,
                   names=", ".join(display_name(p) for p in report.products_created))
        )
    lines.append(render("import.report.totals_header", lang))
    for p in report.totals:
        lines.append(
            "  "
            + render(
                "import.report.total",
                lang,
                product=display_name(p.product),
                in_file=_amount(p.in_file, lang),
                imported=_amount(p.imported, lang),
                days=n(p.days),
            )
        )
    key = "import.report.reconciled" if report.reconciled else "import.report.not_reconciled"
    lines.append(render(key, lang))
    if report.dry_run:
        lines.append(render("import.report.dry_run", lang))
    elif report.written:
        lines.append(render("import.report.written", lang))
    return "\n".join(lines)
