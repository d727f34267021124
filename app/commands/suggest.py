"""`bestellkompass suggest`: the order list for a day with the reasons, as table, CSV or JSON
(`--format forecast`: only the forecast the list rests on, for the window's forecast child)."""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import sys
from collections.abc import Mapping
from typing import Any

from app.cli_text import _
from app.commands.args import date_arg, shop_and_lang
from calendars.plausible import DateWindow
from forecasting.operations.plan import save_plan
from forecasting.operations.shop import Shop, default_shop_path, open_shop
from forecasting.plan_inputs import read_plan_inputs
from forecasting.policy.day_reasons import ReasonKey, plan_reasons, shared_keys
from forecasting.policy.explain_text import (
    day_header,
    delivery_text,
    explanation_items,
    explanation_sentence,
    note_text,
    reason_line,
    step_label,
    weekday_name,
)
from forecasting.policy.lines import OrderLine
from forecasting.policy.plan import OrderPlan, next_opening_day, plan_order, sales_gap
from forecasting.policy.plan_forecast import forecast_to_json, plan_forecast
from forecasting.safe_text import SpreadsheetWriter, display_name
from forecasting.shop_calendar import calendar_outside_window
from forecasting.texts import Counted, format_date, format_number, render
from forecasting.values.products import MONEY_UNITS
from forecasting.values.sales import OutsideSales


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of the subcommand (--shop and --lang may also come before the subcommand)."""
    shop_and_lang(parser)
    parser.add_argument(
        "--date", metavar=_("DATE"), type=date_arg, default=None, help=_("sales/order day (default: next opening day)")
    )
    parser.add_argument("--format", choices=["table", "csv", "json", "forecast"], default="table",
                        help=_("form of the output (default: table); forecast: for programs, only "
                               "the forecast the list rests on (JSON; saves nothing)"))
    parser.add_argument("--details", action="store_true", help=_("table: every reason per line"))
    parser.add_argument("--no-save", action="store_true", help=_("do not store the suggestions"))
    parser.add_argument(
        "--progress", action="store_true",
        help=_("for programs: write 'PROGRESS <fraction 0..1> <message code>' lines to stderr"),
    )


def run(args: argparse.Namespace) -> int:
    """Build the plan, store it with the data version, print it."""

    lang = getattr(args, "lang", None) or "de"
    path = getattr(args, "shop", None) or default_shop_path()
    progress = StderrProgress() if args.progress else None
    only_forecast = args.format == "forecast"
    with open_shop(path, read_only=args.no_save or only_forecast) as shop:
        day = args.date or next_opening_day(shop, dt.date.today())
        inputs = read_plan_inputs(shop, day)
        if only_forecast:
            sys.stdout.write(forecast_to_json(plan_forecast(inputs, progress=progress)) + "\n")
            return 0
        plan = plan_order(inputs, progress=progress)
        if not args.no_save:
            save_plan(shop, plan)
        stale = sales_gap(inputs)
        left_out = [] if args.progress else outside_window_notes(shop, inputs.sales_outside, lang)
    if stale is not None and not args.progress:
        print(render("policy.stale_sales", lang, date=format_date(stale[0], lang),
                     days=format_number(stale[1], lang, 0)),
              file=sys.stderr)
    for note in left_out:
        print(note, file=sys.stderr)
    if args.format == "json":
        text = json.dumps(plan_json(plan, lang), ensure_ascii=False, indent=2)
    elif args.format == "csv":
        text = plan_csv(plan, lang)
    else:
        text = plan_table(plan, lang, details=args.details)
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return 0


def outside_window_notes(shop: Shop, sales: Mapping[str, OutsideSales], lang: str) -> list[str]:
    """Sentences about sales (`sales`: as read for the plan), events, weather and closing days
    the forecast left out because they are dated outside the plausible window (so it never
    happens silently)."""

    notes = []
    if sales:
        first = min(d for s in sales.values() for d in s.days)
        notes.append(render("sanity.sales_outside", lang, count=sum(s.count for s in sales.values()),
                            date=format_date(dt.date.fromisoformat(first), lang)))
    events, weather, closing = calendar_outside_window(shop)
    if events or weather or closing:
        window = DateWindow.default()
        notes.append(render("sanity.calendar_outside", lang,
                            events=Counted(events, "count.event"),
                            weather=Counted(weather, "count.weather_day"),
                            closing=Counted(closing, "count.closing_day"),
                            first=format_date(window.first, lang),
                            last=format_date(window.last, lang)))
    return notes


PROGRESS_PREFIX = "PROGRESS"


class StderrProgress:
    """The Progress protocol as machine-readable lines on stderr, one per report, flushed:
    `PROGRESS 0.4200 forecast.lightgbm` (app/forecast_process.py reads them). Never cancelled:
    whoever started this process stops it by ending it."""

    def report(self, fraction: float, message: str) -> None:
        """Write one progress line."""
        fraction = min(max(float(fraction), 0.0), 1.0)
        sys.stderr.write(f"{PROGRESS_PREFIX} {fraction:.4f} {message or '-'}\n")
        sys.stderr.flush()

    def cancelled(self) -> bool:
        """Never cancelled."""
        return False


def _num(value: float | None, decimals: int) -> float | None:
    return None if value is None else round(float(value), decimals)


def line_json(line: OrderLine, lang: str, shared: dict[ReasonKey, float] | None = None
              ) -> dict[str, Any]:
    """One line for scripts: displayed numbers that add up, plus the exact ones."""

    expl = line.explanation
    out = line.outcome
    steps = explanation_items(expl, lang)
    for step, s in zip(steps, expl.steps, strict=True):
        step["kind"] = "policy" if s.is_policy else "forecast"
    return {
        "product": line.product,
        "date": line.date.isoformat(),
        "status": line.status,
        "supplier": line.supplier,
        "category": line.category,
        "unit": line.unit,
        "forecast": expl.displayed_forecast(),
        "suggestion": expl.displayed_suggestion(),
        "forecast_exact": round(line.forecast, 4),
        "quantiles": {f"{k:g}": round(v, 3) for k, v in line.quantiles.items()},
        "service_level": line.service.level if line.service else None,
        "service_source": line.service.source if line.service else None,
        "expected_sales": _num(out.expected_sales, 2) if out else None,
        "expected_leftover": _num(out.expected_leftover, 2) if out else None,
        "p_sellout": _num(out.p_sellout, 3) if out else None,
        "expected_margin": _num(out.expected_margin, 2) if out else None,
        "delivery_day": line.delivery_day.isoformat() if line.delivery_day else None,
        "sales_days": [d.isoformat() for d in line.sales_days],
        # goods that keep: the sales days the order serves (from its delivery day on) and the
        # units expected on the shelf when it comes
        "covers": [d.isoformat() for d in line.covers] if line.stocked else [
            d.isoformat() for d in line.sales_days],
        "stock_at_delivery": _num(line.stock_at_delivery, 2),
        "delivery": delivery_text(line, lang),
        "on_hand": line.on_hand,  # goods ordered up to their stock: the stock used (else None)
        "on_order": line.on_order,
        "model": line.model,
        "reason": reason_line(expl, lang, shared=shared) or status_text(line, lang),
        "explanation": steps,
        "notes": [note_text(n, lang) for n in expl.notes],
    }


def plan_json(plan: OrderPlan, lang: str) -> dict[str, Any]:
    """The whole plan as a JSON-ready dict."""
    reasons = plan_reasons(plan.lines)
    shared = shared_keys(reasons)
    return {
        "shop": plan.shop_name,
        "date": plan.day.isoformat(),
        "open": plan.is_open,
        "closed_reason": list(plan.closed_reason) if plan.closed_reason else None,
        "data_version": plan.data_version,
        "computed_at": plan.computed_at.isoformat(),
        "day_reasons": [{"code": r.step.code, "label": step_label(r.step, lang),
                         "lines": r.lines, "percent": round(100 * r.share, 1)} for r in reasons],
        "lines": [line_json(line, lang, shared) for line in plan.lines],
    }


def status_text(line: OrderLine, lang: str) -> str:
    """Why a line orders nothing ("geschlossen", "an diesem Wochentag nicht im Verkauf")."""

    if line.status == "order":
        return ""
    return render(f"policy.status.{line.status}", lang)


def plan_csv(plan: OrderPlan, lang: str) -> str:
    """One row per line; German: ';' separated with decimal commas (opens in German Excel)."""

    buf = io.StringIO()
    writer = SpreadsheetWriter(buf, delimiter=";" if lang == "de" else ",",
                               lineterminator="\n")
    writer.writerow(
        ["product", "supplier", "date", "status", "unit", "forecast", "suggestion",
         "p_sellout", "expected_leftover", "reasons"]
    )
    shared = shared_keys(plan_reasons(plan.lines))
    for line in plan.lines:
        d = line.decimals
        out = line.outcome
        writer.writerow(
            [
                line.product,
                line.supplier,
                line.date.isoformat(),
                line.status,
                line.unit,
                format_number(line.explanation.displayed_forecast(), lang, d),
                format_number(line.explanation.displayed_suggestion(), lang, d),
                format_number(100 * out.p_sellout, lang, 0) if out else "",
                format_number(out.expected_leftover, lang, 1) if out else "",
                reason_line(line.explanation, lang, shared=shared) or status_text(line, lang),
            ]
        )
    return buf.getvalue()


def _product_cell(line: OrderLine) -> str:
    """The product's name, with the unit when it is money ("Brot (EUR)"), never taken for pieces."""
    name = display_name(line.product)
    return f"{name} ({line.unit})" if line.unit in MONEY_UNITS else name


def plan_table(plan: OrderPlan, lang: str, *, details: bool = False) -> str:
    """The order list for people: per supplier, product, forecast, suggestion, reasons."""

    title = render(
        "policy.title", lang, weekday=weekday_name(plan.day.weekday(), lang),
        date=format_date(plan.day, lang),
    )
    rows: list[str] = [title, ""]
    if plan.closed_reason is not None:
        reason = plan.closed_reason[1] or render("policy.status.closed", lang)
        rows.append(render("policy.closed_day", lang, date=format_date(plan.day, lang),
                           reason=reason))
        return "\n".join(rows) + "\n"
    reasons = plan_reasons(plan.lines)
    shared = shared_keys(reasons)
    if reasons:
        rows += [day_header(reasons, lang), ""]
    heads = [render(f"policy.col.{c}", lang)
             for c in ("product", "forecast", "suggestion", "sellout", "leftover", "reasons")]
    names = {x.product: _product_cell(x) for x in plan.lines}
    width = max([len(heads[0]), *(len(n) for n in names.values())])
    # every column at least as wide as its heading, two spaces between: no words run together
    numbers = [max(len(head), least) for head, least in zip(heads[1:5], (7, 9, 10, 6), strict=True)]
    fmt = "  ".join([f"{{:<{width}}}", *(f"{{:>{w}}}" for w in numbers), "{}"])
    for supplier, lines in plan.groups().items():
        rows.append(f"== {display_name(supplier) or render('policy.group.none', lang)} ==")
        rows.append(fmt.format(*heads))
        for line in lines:
            d = line.decimals
            out = line.outcome
            reason = (reason_line(line.explanation, lang, shared=shared)
                      or status_text(line, lang))
            rows.append(
                fmt.format(
                    names[line.product],
                    format_number(line.explanation.displayed_forecast(), lang, d),
                    format_number(line.explanation.displayed_suggestion(), lang, d),
                    f"{format_number(100 * out.p_sellout, lang, 0)} %" if out else "",
                    format_number(out.expected_leftover, lang, 1) if out else "",
                    reason,
                )
            )
            if details and line.status == "order":
                rows.append("    " + explanation_sentence(line.explanation, lang))
            for note in line.explanation.notes:
                rows.append("    " + note_text(note, lang))
        rows.append("")
    return "\n".join(rows)
