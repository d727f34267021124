"""`bestellkompass review`: the owner's decisions against what really sold (Rückblick).

The comparison is `forecasting.review.review_decisions`; see its docstring for how sold-out days
(demand at least the sales) are counted. Table for people, CSV/JSON for scripts.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import sys
from typing import Any

from app.cli_text import _
from app.commands.args import date_arg, shop_and_lang
from forecasting.errors import UserError
from forecasting.operations.shop import default_shop_path, open_shop
from forecasting.review import (
    NO_SALES,
    OVERRIDE,
    Outcome,
    Review,
    ReviewLine,
    ReviewSummary,
    review_decisions,
)
from forecasting.review_text import (
    change_sentence,
    effect_text,
    sellout_text,
    window_facts,
    window_sentence,
)
from forecasting.review_text import quantity_text as _n
from forecasting.safe_text import SpreadsheetWriter, display_name
from forecasting.texts import format_date, format_signed, render


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of the subcommand (--shop and --lang may also come before the subcommand)."""
    shop_and_lang(parser)
    parser.add_argument("--start", type=date_arg, default=None,
                        help=_("first day (default: --weeks before --end)"))
    span = parser.add_mutually_exclusive_group()
    span.add_argument("--end", type=date_arg, default=None, help=_("last day (default: yesterday)"))
    span.add_argument("--weeks", default=None,
                      help=_("number of weeks up to yesterday (default 4; from --start if given)"))
    parser.add_argument("--format", choices=["table", "csv", "json"], default="table",
                        help=_("form of the output (default: table)"))
    parser.add_argument("--product", default=None, help=_("only this product"))


def date_range(start: dt.date | None, end: dt.date | None, weeks: str | None,
               today: dt.date) -> tuple[dt.date, dt.date]:
    """[start, end] from the options: --end or --weeks (default 4) counted from --start or back
    from yesterday."""
    count = 4
    if weeks is not None:
        try:
            count = int(weeks)
        except ValueError:
            count = 0
        if not 1 <= count <= 520:
            raise UserError("review.bad_weeks", value=weeks)
    length = dt.timedelta(days=7 * count - 1)
    if end is None:
        end = start + length if start is not None and weeks is not None else today - dt.timedelta(
            days=1)
    if start is None:
        start = end - length
    if end < start:
        raise UserError("review.bad_range", start=start, end=end)
    return start, end


def run(args: argparse.Namespace) -> int:
    """Read decisions and sales of the range, print the review."""

    lang = getattr(args, "lang", None) or "de"
    path = getattr(args, "shop", None) or default_shop_path()
    start, end = date_range(args.start, args.end, args.weeks, dt.date.today())
    with open_shop(path, read_only=True) as shop:
        review = review_decisions(shop, start, end, args.product)
    if args.format == "json":
        text = json.dumps(review_json(review), ensure_ascii=False, indent=2)
    elif args.format == "csv":
        text = review_csv(review, lang)
    else:
        text = review_table(review, lang)
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return 0


# -- words ---------------------------------------------------------------------------------------
def reason_text(line: ReviewLine, lang: str) -> str:
    """The reason as the owner gave it ("Anderes: Kundenbestellung"), "übernommen", or the state."""
    if line.reason_code is None:
        accepted = line.suggested is not None and line.final == line.suggested
        return render("review.status.accepted", lang) if accepted else ""
    words = render(f"cli.order.reason.{line.reason_code}", lang)
    return f"{words}: {line.reason_text}" if line.reason_text else words


def closer_text(line: ReviewLine, lang: str) -> str:
    """Sie / Vorschlag / gleich / offen for overrides; "noch keine Verkaufszahlen"; else ""."""
    if line.status == NO_SALES:
        return render("review.status.no_sales", lang)
    return render(f"review.closer.{line.closer}", lang) if line.closer else ""


def summary_lines(summary: ReviewSummary, lang: str) -> list[str]:
    """The summary in sentences (plain words; sold-out days counted, never lost units)."""
    out = [render("review.summary.lines", lang, decided=summary.decided,
                  accepted=summary.accepted, overrides=summary.overrides,
                  no_sales=summary.no_sales)]
    if not summary.overrides:
        return out
    out.append(render("review.summary.closer", lang, overrides=summary.overrides,
                      owner=summary.owner_closer, suggestion=summary.suggestion_closer,
                      equal=summary.equal, open=summary.open))
    out.append(change_sentence(summary, lang))
    unknown = max(summary.leftover_unknown, summary.sellout_unknown)
    if unknown:
        code = "review.summary.unknown_one" if unknown == 1 else "review.summary.unknown"
        out.append(render(code, lang, n=unknown))
    return out


# -- formats -------------------------------------------------------------------------------------
_COLS = ("date", "product", "suggested", "final", "sold", "sold_out", "final_effect",
         "suggested_effect", "closer", "reason")


def _sold_out_cell(line: ReviewLine, lang: str) -> str:
    """"ja" for a sold-out day; for goods that keep the sold-out days of the window."""
    if line.window is not None:
        return sellout_text(line, lang) if line.window.sellout_days else ""
    return render("review.yes", lang) if line.sold_out else ""


def _cells(line: ReviewLine, lang: str) -> list[str]:
    override = line.status == OVERRIDE
    return [
        format_date(line.date, lang),
        display_name(line.product),
        _n(line.suggested, lang),
        _n(line.final, lang),
        _n(line.sold, lang) if line.status != NO_SALES or line.window is None else "",
        _sold_out_cell(line, lang),
        effect_text(line.final_outcome, line.final, line, lang),
        effect_text(line.suggested_outcome, line.suggested, line, lang) if override else "",
        closer_text(line, lang),
        reason_text(line, lang),
    ]


def _grid(rows: list[list[str]], numeric: set[int]) -> list[str]:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return ["  ".join(c.rjust(w) if i in numeric else c.ljust(w)
                      for i, (c, w) in enumerate(zip(row, widths, strict=True))).rstrip()
            for row in rows]


def review_table(review: Review, lang: str) -> str:
    """The lines, the summary, the summary per reason, and the note on sold-out days."""
    title = render("review.title", lang, start=review.start, end=review.end)
    out = [title, ""]
    if not review.lines:
        out.append(render("review.none", lang, start=review.start, end=review.end))
        return "\n".join(out) + "\n"
    rows = [[render(f"review.col.{c}", lang) for c in _COLS]]
    rows += [_cells(line, lang) for line in review.lines]
    out += _grid(rows, {2, 3, 4})
    out.append("")
    out += summary_lines(review.overall, lang)
    windows = [line for line in review.lines if line.window is not None]
    if windows:
        out += ["", render("review.window.section", lang)]
        out += [f"{display_name(line.product)}: {window_sentence(line, lang)}" for line in windows]
    if review.by_reason:
        out += ["", render("review.by_reason", lang)]
        cols = ("reason", "overrides", "owner", "suggestion", "equal", "open", "leftover",
                "sellouts")
        rows = [[render(f"review.col.{c}", lang) for c in cols]]
        items = sorted(review.by_reason.items(), key=lambda kv: -kv[1].overrides)
        items.append(("*", review.overall))
        for code, s in items:
            name = (render("review.all_reasons", lang) if code == "*" else
                    render(f"cli.order.reason.{code}", lang) if code else
                    render("review.reason.none", lang))
            rows.append([name, str(s.overrides), str(s.owner_closer), str(s.suggestion_closer),
                         str(s.equal), str(s.open), format_signed(s.leftover_change, lang),
                         format_signed(s.sellout_change, lang)])
        out += _grid(rows, set(range(1, 8)))
    out += ["", render("review.note", lang)]
    if windows:
        out.append(render("review.window.note", lang))
    return "\n".join(out) + "\n"


def _outcome_json(o: Outcome | None) -> dict[str, Any] | None:
    if o is None:
        return None
    return {"leftover": o.leftover, "short": o.short, "sold_out": o.sold_out}


def _summary_json(s: ReviewSummary) -> dict[str, Any]:
    return {k: (round(v, 3) if isinstance(v, float) else v) for k, v in vars(s).items()}


def _window_json(line: ReviewLine) -> dict[str, Any] | None:
    w = line.window
    if w is None:
        return None
    return {"delivery_day": w.delivery_day.isoformat(), "covers": [d.isoformat() for d in w.days],
            "delivered": w.delivered, "sold": w.sold, "written_off": w.written_off,
            "sellout_days": w.sellout_days, "complete": w.complete}


def review_json(review: Review) -> dict[str, Any]:
    """Plain values for scripts: ISO dates, numbers, codes (short is a lower bound if sold_out)."""
    return {
        "start": review.start.isoformat(),
        "end": review.end.isoformat(),
        "lines": [
            {
                "date": line.date.isoformat(), "product": line.product,
                "suggested": line.suggested, "final": line.final, "sold": line.sold,
                "produced": line.produced, "leftover_recorded": line.leftover_recorded,
                "sold_out": line.sold_out, "status": line.status,
                "reason_code": line.reason_code, "reason_text": line.reason_text,
                "closer": line.closer, "final_outcome": _outcome_json(line.final_outcome),
                "suggested_outcome": _outcome_json(line.suggested_outcome),
                "leftover_change": line.leftover_change, "sellout_change": line.sellout_change,
                "window": _window_json(line),
            }
            for line in review.lines
        ],
        "summary": _summary_json(review.overall),
        "by_reason": {code: _summary_json(s) for code, s in review.by_reason.items()},
    }


def review_csv(review: Review, lang: str) -> str:
    """One row per line; German: ';' separated with decimal commas (opens in German Excel)."""
    buf = io.StringIO()
    writer = SpreadsheetWriter(buf, delimiter=";" if lang == "de" else ",",
                               lineterminator="\n")
    writer.writerow(["date", "product", "suggested", "final", "sold", "produced",
                     "leftover_recorded", "sold_out", "status", "reason_code", "reason_text",
                     "closer", "final_effect", "suggested_effect", "leftover_change",
                     "sellout_change", "delivery_window"])
    for line in review.lines:
        writer.writerow([
            line.date.isoformat(), line.product, _n(line.suggested, lang), _n(line.final, lang),
            _n(line.sold, lang), _n(line.produced, lang), _n(line.leftover_recorded, lang),
            "" if line.sold_out is None else int(line.sold_out), line.status,
            line.reason_code or "", line.reason_text, line.closer or "",
            effect_text(line.final_outcome, line.final, line, lang),
            effect_text(line.suggested_outcome, line.suggested, line, lang)
            if line.status == OVERRIDE else "",
            _n(line.leftover_change, lang),
            "" if line.sellout_change is None else line.sellout_change,
            window_facts(line, lang),
        ])
    return buf.getvalue()
