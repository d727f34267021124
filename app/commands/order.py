"""`bestellkompass order`: the owner's decisions on a day's order list, and its export.

The order sheet's actions without the window: show suggestions and decisions, accept suggestions,
set a quantity with a reason (REASON_CODES, as the app's reason dialog), undo a decision, and export
the final list as CSV/XLSX (forecasting/order_export.py) or PDF (app/pdf_export.py, the only step
that needs Qt). Decisions are made with the same operations as the window
(forecasting/operations/decisions.py) and written with the same edits.

The suggestions are those `bestellkompass suggest` or the app stored for the day; the plan is
rebuilt from the forecast saved in the shop file, so nothing is retrained while the data is
unchanged.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import datetime as dt
import io
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from app import i18n, plan_access
from app.cli_text import _, language
from app.commands.args import add_action, date_arg, shop_and_lang
from app.pdf_export import write_pdf as pdf
from app.plan_access import LineView, line_views
from app.supplier_lists import write_supplier_lists
from forecasting import order_export
from forecasting.errors import UserError
from forecasting.operations import decisions
from forecasting.operations.decisions import REASON_NAMES, check_reason, reason_names
from forecasting.operations.edits import apply_edit
from forecasting.operations.reading import (
    load_closing_days,
    load_forecasts,
    load_products,
    load_settings,
    load_suppliers,
)
from forecasting.operations.sheet import OrderSheet, read_sheet
from forecasting.operations.shop import Shop, default_shop_path, open_shop
from forecasting.order_export import ExportLine
from forecasting.policy.explain_text import weekday_name
from forecasting.policy.lines import shown_decimals
from forecasting.policy.plan import build_order_plan, closed_reason, next_opening_day
from forecasting.safe_text import SpreadsheetWriter, display_name
from forecasting.texts import format_date, format_number, parse_number, render
from forecasting.values.decisions import OrderDecision, current_user
from forecasting.values.suppliers import Supplier

EXPORT_SUFFIXES = (".csv", ".xlsx", ".pdf")
_QT: list[Any] = []  # the QGuiApplication made for a PDF export


def _common(parser: argparse.ArgumentParser) -> None:
    """--shop, --lang and --date, accepted before or after the action."""
    shop_and_lang(parser)
    parser.add_argument("--date", metavar=_("DATE"), type=date_arg, default=argparse.SUPPRESS,
                        help=_("sales/order day (default: next opening day)"))


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The actions show, accept, set, clear and export."""
    _common(parser)
    actions = parser.add_subparsers(dest="action", metavar=_("<action>"), required=True)
    show = add_action(actions, "show", _("suggestions, decisions and the open lines"))
    _common(show)
    show.add_argument("--format", choices=["table", "csv", "json"], default="table",
                        help=_("form of the output (default: table)"))
    accept = add_action(actions, "accept", _("accept the suggestions (default: all open lines)"))
    _common(accept)
    accept.add_argument("products", nargs="*", metavar=_("PRODUCT"))
    accept.add_argument("--by", metavar=_("NAME"), default=None, help=_("who decides (default: login name)"))
    set_ = add_action(actions, "set", _("order another quantity (needs a reason if different)"))
    _common(set_)
    set_.add_argument("product", metavar=_("PRODUCT"))
    set_.add_argument("quantity", metavar=_("QTY"))
    set_.add_argument("--reason", metavar=_("REASON"), default=None,
                      help=_("why the quantity differs: {names}").format(
                          names=", ".join(reason_names(language()))))
    set_.add_argument("--note", metavar=_("TEXT"), default="", help=_("free text (needed with --reason other)"))
    set_.add_argument("--by", metavar=_("NAME"), default=None, help=_("who decides (default: login name)"))
    clear = add_action(actions, "clear", _("undo the decision on products"))
    _common(clear)
    clear.add_argument("products", nargs="+", metavar=_("PRODUCT"))
    export = add_action(actions, "export", _("write the final order list (.csv, .xlsx, .pdf)"))
    _common(export)
    export.add_argument("--out", required=True, type=Path,
                        help=_("FILE.csv, FILE.xlsx or FILE.pdf (per supplier: a folder)"))
    export.add_argument("--per-supplier", choices=["csv", "pdf"], default=None,
                        help=_("one file per supplier or area in the folder --out (CSV in the "
                               "supplier's column order)"))


@dataclasses.dataclass
class Sheet:
    """A day's order list as the window shows it: the sheet the owner decides on (operations) and
    its lines in words (app.plan_access)."""

    sheet: OrderSheet
    lines: list[LineView]

    @property
    def day(self) -> dt.date:
        """The order day."""
        return self.sheet.day

    @property
    def decisions(self) -> dict[str, OrderDecision]:
        """The stored decisions, by product."""
        return self.sheet.decisions

    @property
    def shop_name(self) -> str:
        """The shop's name."""
        return self.sheet.shop_name

    @property
    def closed_reason(self) -> tuple[str, str] | None:
        """Why the shop is closed on the day (None: open)."""
        return self.sheet.closed_reason

    def line(self, product: str) -> LineView:
        """The line of `product` (UserError if it is not on the list)."""
        self.sheet.line(product)
        return next(ln for ln in self.lines if ln.product == product)


def load_sheet(shop: Shop, day: dt.date, lang: str) -> Sheet:
    """The day's lines (plan rebuilt from the stored forecast) and decisions."""
    closed = closed_reason(load_settings(shop), load_closing_days(shop), day)
    if closed is None:
        stored = load_forecasts(shop, day)
        if not stored:
            raise UserError("cli.order.no_plan", date=day, iso=day.isoformat())
        if min(f.data_version for f in stored) < shop.plan_version():
            when = max(f.computed_at for f in stored)
            print(render("cli.order.stale", lang, when=f"{format_date(when.date(), lang)} "
                         f"{when:%H:%M}", iso=day.isoformat()), file=sys.stderr)
    plan = build_order_plan(shop, day)
    return Sheet(read_sheet(shop, plan), line_views(plan, lang))


def run(args: argparse.Namespace) -> int:
    """Open the shop file, read the day's sheet, do the action."""
    lang = getattr(args, "lang", None) or "de"
    path = getattr(args, "shop", None) or default_shop_path()
    if args.action == "set":  # check what needs no shop file first
        args.reason = check_reason(args.reason, args.note)
    if (args.action == "export" and not args.per_supplier
            and args.out.suffix.lower() not in EXPORT_SUFFIXES):
        raise UserError("cli.order.bad_export", path=str(args.out))
    with open_shop(path, read_only=args.action in ("show", "export")) as shop:
        day = getattr(args, "date", None) or next_opening_day(shop, dt.date.today())
        sheet = load_sheet(shop, day, lang)
        action = {"show": show, "accept": accept, "set": set_quantity, "clear": clear,
                  "export": export}[args.action]
        text = action(shop, sheet, args, lang)
    if text:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return 0


# -- decisions -----------------------------------------------------------------------------------
def _who(args: argparse.Namespace) -> str:
    return str(getattr(args, "by", None) or current_user() or "cli")


def parse_quantity(text: str, lang: str) -> float:
    """"120", "2,5" or "1.234,5" (German), "2.5" or "1,234.5" (English); >= 0, else UserError."""
    try:
        value = parse_number(text, lang)
    except ValueError:
        value = None
    if value is None:
        raise UserError("cli.order.bad_quantity", value=text)
    if not value >= 0 or value == float("inf"):
        raise UserError("cli.order.bad_quantity", value=text)
    return value


def quantity_text(value: float, lang: str, decimals: int) -> str:
    """The owner's quantity with the line's decimals, more if it has them (2,5 stays 2,5)."""
    return format_number(value, lang, shown_decimals(value, decimals))


def accept(shop: Shop, sheet: Sheet, args: argparse.Namespace, lang: str) -> str:
    """Accept the suggestion for the named (default: all) lines that are still open."""
    edit = decisions.accept(sheet.sheet, args.products or None, by=_who(args))
    if edit.edits:
        apply_edit(shop, edit)
    return render("cli.order.accepted", lang, count=len(edit.edits), date=sheet.day)


def set_quantity(shop: Shop, sheet: Sheet, args: argparse.Namespace, lang: str) -> str:
    """Order `quantity` of one product; a quantity other than the suggestion needs a reason."""
    line = sheet.sheet.line(args.product)
    quantity = parse_quantity(args.quantity, lang)
    if decisions.needs_reason(line, quantity) and args.reason is None:
        raise UserError(
            "cli.order.reason_needed", name=line.product,
            quantity=quantity_text(quantity, lang, line.decimals),
            suggestion=format_number(line.suggestion, lang, line.decimals),
            codes=dataclasses.replace(REASON_NAMES, separator="|"),
        )
    apply_edit(shop, decisions.order(sheet.sheet, line.product, quantity, args.reason,
                                     args.note, by=_who(args)))
    return render("cli.order.set", lang, name=line.product, date=sheet.day, unit=line.unit,
                  quantity=quantity_text(quantity, lang, line.decimals),
                  suggestion=format_number(line.suggestion, lang, line.decimals))


def clear(shop: Shop, sheet: Sheet, args: argparse.Namespace, lang: str) -> str:
    """Forget the decisions on the named products (the line is open again)."""
    edit = decisions.reopen(sheet.sheet, args.products)
    if edit.edits:
        apply_edit(shop, edit)
    cleared = edit.products()
    return "\n".join(
        render("cli.order.cleared" if product in cleared else "cli.order.not_decided", lang,
               name=product, date=sheet.day)
        for product in args.products)


# -- show ----------------------------------------------------------------------------------------
def reason_label(code: str | None, lang: str) -> str:
    """The words for an override reason code ("" for none)."""
    return render(f"cli.order.reason.{code}", lang) if code else ""


def _state(line: Any, decision: OrderDecision | None) -> str:
    if decision is None:
        return "open"
    if decision.final is not None and abs(decision.final - line.suggestion) > 1e-9:
        return "changed"
    return "accepted"


def sheet_rows(sheet: Sheet) -> list[dict[str, Any]]:
    """One dict per line: suggestion, the owner's decision and its reason (JSON-ready)."""
    rows = []
    for line in sheet.lines:
        d = sheet.decisions.get(line.product)
        rows.append({
            "product": line.product,
            "area": line.area,
            "unit": line.unit,
            "status": line.status,
            "suggestion": line.suggestion,
            "decimals": line.decimals,
            "state": _state(line, d),
            "final": None if d is None else d.final,
            "suggested_then": None if d is None else d.suggested,
            "reason_code": None if d is None else d.reason_code,
            "reason_text": "" if d is None else d.reason_text,
            "decided_by": "" if d is None else d.decided_by,
            "decided_at": None if d is None or d.decided_at is None
            else d.decided_at.isoformat(timespec="seconds"),
            "suggestion_reason": line.reason,
        })
    return rows


def _when(value: str | None, lang: str) -> str:
    if not value:
        return ""
    at = dt.datetime.fromisoformat(value)
    return f"{format_date(at.date(), lang)} {at:%H:%M}"


def _why(row: dict[str, Any], lang: str) -> str:
    return " – ".join(x for x in (reason_label(row["reason_code"], lang), row["reason_text"]) if x)


def show(shop: Shop, sheet: Sheet, args: argparse.Namespace, lang: str) -> str:
    """The sheet as table (people), CSV or JSON (scripts)."""
    rows = sheet_rows(sheet)
    if args.format == "json":
        return json.dumps({"shop": sheet.shop_name, "date": sheet.day.isoformat(),
                           "open": sheet.closed_reason is None, "lines": rows},
                          ensure_ascii=False, indent=2)
    if args.format == "csv":
        return _csv(rows, lang)
    return _table(sheet, rows, lang)


def _csv(rows: list[dict[str, Any]], lang: str) -> str:
    """German: ';' separated with decimal commas, like `suggest --format csv`."""
    buf = io.StringIO()
    writer = SpreadsheetWriter(buf, delimiter=";" if lang == "de" else ",",
                               lineterminator="\n")
    writer.writerow(["product", "area", "unit", "suggestion", "final", "state", "reason_code",
                     "reason_text", "decided_by", "decided_at"])
    for r in rows:
        d = r["decimals"]
        writer.writerow([
            r["product"], r["area"], r["unit"], format_number(r["suggestion"], lang, d),
            "" if r["final"] is None else quantity_text(r["final"], lang, d), r["state"],
            r["reason_code"] or "", r["reason_text"], r["decided_by"], r["decided_at"] or "",
        ])
    return buf.getvalue()


def _table(sheet: Sheet, rows: list[dict[str, Any]], lang: str) -> str:
    out = [render("policy.title", lang, weekday=weekday_name(sheet.day.weekday(), lang),
                  date=format_date(sheet.day, lang)), ""]
    if sheet.closed_reason is not None:
        reason = sheet.closed_reason[1] or render("policy.status.closed", lang)
        out.append(render("policy.closed_day", lang, date=format_date(sheet.day, lang),
                          reason=reason))
        out.append("")
    heads = [render(c, lang) for c in ("policy.col.product", "policy.col.suggestion",
                                       "cli.order.col.final", "cli.order.col.state",
                                       "cli.order.col.reason", "cli.order.col.decided")]
    width = max([len(heads[0]), *(len(display_name(r["product"])) for r in rows)]) + 2
    why = max([len(heads[4]), *(len(_why(r, lang)) for r in rows)]) + 2
    fmt = f"{{:<{width}}}{{:>11}}{{:>12}}  {{:<12}}{{:<{why}}}{{}}"
    area = None
    for r in rows:
        if r["area"] != area:
            if area is not None:
                out.append("")
            area = r["area"]
            out.append(f"== {display_name(area)} ==")
            out.append(fmt.format(*heads).rstrip())
        d = r["decimals"]
        who = " ".join(x for x in (r["decided_by"], _when(r["decided_at"], lang)) if x)
        out.append(fmt.format(
            display_name(r["product"]), format_number(r["suggestion"], lang, d),
            "" if r["final"] is None else quantity_text(r["final"], lang, d),
            render(f"cli.order.state.{r['state']}", lang), _why(r, lang), who).rstrip())
    open_lines = [display_name(r["product"]) for r in rows if r["state"] == "open"]
    out.append("")
    out.append(render("cli.order.summary", lang, decided=len(rows) - len(open_lines),
                      total=len(rows),
                      open=", ".join(open_lines) or render("cli.order.none_open", lang)))
    return "\n".join(out)


# -- export --------------------------------------------------------------------------------------
def export_lines(shop: Shop, sheet: Sheet, lang: str) -> list[ExportLine]:
    """The final order list as the app exports it, with the suppliers' article numbers."""
    products = load_products(shop)
    articles = {p.name: p.article_number for p in products if p.article_number}
    costs = {p.name: p.unit_cost for p in products}
    return plan_access.export_lines(sheet.lines, sheet.decisions, lang, articles, costs)


def export(shop: Shop, sheet: Sheet, args: argparse.Namespace, lang: str) -> str:
    """Write the list; the format follows the file's suffix (or --per-supplier)."""
    path: Path = args.out
    lines = export_lines(shop, sheet, lang)
    suppliers = load_suppliers(shop)
    heading = order_export.title(sheet.shop_name, sheet.day, lang)
    if args.per_supplier:
        return export_per_supplier(path, sheet, lines, suppliers, args.per_supplier, lang)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        order_export.write_csv(path, lines, lang)
    elif suffix == ".xlsx":
        order_export.write_xlsx(path, lines, lang, heading)
    else:
        write_pdf(path, heading, lines, lang, suppliers)
    return render("cli.order.exported", lang, path=str(path))


def export_per_supplier(folder: Path, sheet: Sheet, lines: list[ExportLine],
                        suppliers: dict[str, Supplier], kind: str, lang: str) -> str:
    """One file per supplier or area in `folder` (made if missing); says which were written."""
    with qt_for_pdf(lang) if kind == "pdf" else contextlib.nullcontext():
        written = write_supplier_lists(folder, sheet.shop_name, sheet.day, lines, suppliers,
                                       (kind,), lang)
    return render("cli.order.exported_per_supplier", lang, folder=str(folder),
                  files=", ".join(p.name for p in written))


def write_pdf(path: Path, heading: str, lines: list[ExportLine], lang: str,
              suppliers: dict[str, Supplier] | None = None) -> None:
    """app/pdf_export.write_pdf in `lang`, with an offscreen QGuiApplication if none runs."""
    with qt_for_pdf(lang):
        pdf(path, heading, lines, suppliers)


@contextlib.contextmanager
def qt_for_pdf(lang: str) -> Iterator[None]:
    """A running Qt application (offscreen if none runs) speaking `lang`, for writing PDFs."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        _QT.append(QGuiApplication(["bestellkompass"]))  # kept alive until the process ends
    before = i18n.lang()
    i18n.install_language(lang)
    try:
        yield
    finally:
        if before != lang:
            i18n.install_language(before)
