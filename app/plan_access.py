"""LineView: what the app shows of one order line, read from the core's OrderPlan in one place.

Everything the UI needs from `forecasting.policy.plan.OrderLine` and `explain_text` goes through
here, so the widgets do not depend on the policy's internal field names.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping

from forecasting.order_export import ExportLine, owner_reason
from forecasting.policy.day_reasons import plan_reasons, shared_keys
from forecasting.policy.explain_text import (
    day_header,
    delivery_text,
    explanation_items,
    explanation_sentence,
    note_text,
    reason_line,
    step_label,
)
from forecasting.policy.lines import OrderLine
from forecasting.policy.plan import OrderPlan
from forecasting.texts import format_date, render
from forecasting.values.decisions import OrderDecision


@dataclasses.dataclass
class LineView:
    """One order line as displayed: numbers, the short reason and the full sentence."""

    product: str
    area: str
    unit: str
    day: dt.date
    forecast: float
    suggestion: float
    decimals: int
    reason: str
    sentence: str
    steps: list[tuple[str, float, bool]]  # (words, displayed amount, is a policy step)
    quantiles: dict[float, float]
    expected_sales: float | None = None
    expected_leftover: float | None = None
    sellout_probability: float | None = None
    margin: float | None = None
    status: str = "order"
    raw: OrderLine | None = None
    keeps: bool = False  # keeps more than a day: its stock can be counted on the sheet
    stocked: bool = False  # ordered up to its stock (then the sheet shows the stock columns)
    on_hand: float | None = None  # ordered up to a stock count: the count used
    on_order: float | None = None
    counted: dt.date | None = None  # date of the stock count (carried forward since)
    delivery: str = ""  # goods that keep: delivery day, shelf until then, days covered (words)


def line_views(plan: OrderPlan, lang: str) -> list[LineView]:
    """The plan's lines as LineViews in `lang` (texts rendered by forecasting.policy.explain_text)."""

    out = []
    shared = shared_keys(plan_reasons(plan.lines))
    for supplier, lines in plan.groups().items():
        area = supplier or render("policy.group.none", lang)
        for line in lines:
            expl = line.explanation
            if line.status == "order":
                reason = reason_line(expl, lang, shared=shared)
                if not reason and expl.steps:  # nothing special: say what it rests on
                    reason = step_label(expl.steps[0], lang)
                sentence = explanation_sentence(expl, lang)
                steps = [(item["label"], float(item["amount"]), step.is_policy)
                         for item, step in zip(explanation_items(expl, lang), expl.steps,
                                               strict=True)]
            else:
                reason = _status_text(line, lang)
                sentence = reason
                steps = []
            delivery = delivery_text(line, lang) if line.status == "order" else ""
            if delivery:  # goods that keep: when it comes, the shelf till then, the days it serves
                sentence = f"{delivery}. {sentence}" if sentence else delivery
                reason = f"{reason} · {delivery}" if reason else delivery
            notes = " ".join(note_text(n, lang) for n in expl.notes)
            if notes:
                sentence = f"{sentence}. {notes}" if sentence else notes
            outcome = line.outcome
            out.append(
                LineView(
                    product=line.product,
                    area=area,
                    unit=line.unit,
                    day=line.date,
                    forecast=float(line.forecast),
                    suggestion=float(expl.displayed_suggestion()),
                    decimals=line.decimals,
                    reason=reason,
                    sentence=sentence,
                    steps=steps,
                    quantiles=dict(line.quantiles),
                    expected_sales=outcome.expected_sales if outcome else None,
                    expected_leftover=outcome.expected_leftover if outcome else None,
                    sellout_probability=outcome.p_sellout if outcome else None,
                    margin=outcome.expected_margin if outcome else None,
                    status=line.status,
                    raw=line,
                    keeps=line.shelf_life_days > 1,
                    stocked=line.stocked,
                    on_hand=line.on_hand,
                    on_order=line.on_order,
                    counted=line.counted,
                    delivery=delivery,
                )
            )
    return out


def _status_text(line: OrderLine, lang: str) -> str:
    """Why a line is 0 (closed, not sold that weekday, no history) in words."""

    params = {
        k: format_date(v, lang) if isinstance(v, dt.date) else v
        for k, v in line.status_params.items()
    }
    try:
        return render(f"policy.status.{line.status}", lang, **params)
    except (KeyError, IndexError):
        return render(f"policy.status.{line.status}", lang, **{**params, "date": ""})


def day_header_text(plan: OrderPlan, lang: str) -> str:
    """"Für den ganzen Tag: Heimspiel BVB: insgesamt +6 %, …" ("" when no reason is shared)."""
    return day_header(plan_reasons(plan.lines), lang)


def areas(lines: list[LineView]) -> list[tuple[str, list[LineView]]]:
    """Lines grouped by production area / supplier, in first-seen order."""
    groups: dict[str, list[LineView]] = {}
    for line in lines:
        groups.setdefault(line.area, []).append(line)
    return list(groups.items())


def export_lines(lines: list[LineView], decisions: Mapping[str, OrderDecision],
                 lang: str = "de", articles: Mapping[str, str] | None = None,
                 costs: Mapping[str, float] | None = None) -> list[ExportLine]:
    """The final order list for printing and export: the owner's quantity, else the suggestion,
    the owner's reason where the owner changed it, the supplier's article numbers (`articles`:
    product name -> number), the delivery day and the unit costs (`costs`: product name ->
    euro, for the supplier's minimum order value)."""
    articles = articles or {}
    costs = costs or {}
    out = []
    for line in lines:
        decision = decisions.get(line.product)
        out.append(ExportLine(
            area=line.area, product=line.product, unit=line.unit, suggestion=line.suggestion,
            order=None if decision is None else decision.final,
            reason=line.reason, decimals=line.decimals,
            owner_reason=owner_reason(decision, lang),
            article_number=articles.get(line.product, ""),
            delivery_day=getattr(line.raw, "delivery_day", None),
            unit_cost=costs.get(line.product, 0.0)))
    return out
