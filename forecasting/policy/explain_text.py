"""The one place that turns explanation steps into words (German or English), for CLI and app.

Texts come from `forecasting.texts.MESSAGES` ("policy.*" codes); numbers are formatted here so that
German output gets German digits. Day-specific names ("Stadtfest", "Fronleichnam") travel in the
step parameters as {"de": ..., "en": ...}, because the calendar supplies them in both languages.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from forecasting.policy.day_reasons import (
    DayReason,
    ReasonKey,
    particular,
    reason_key,
    shown_reasons,
)
from forecasting.policy.explanation import (
    MOST_STEP_DECIMALS,
    Explanation,
    Note,
    Step,
    names_nothing,
    shown_decimals,
)
from forecasting.texts import format_date, format_number, format_signed, render


#: Steps that never appear in the short reason line.
def weekday_name(weekday: int, lang: str = "de") -> str:
    """Montag ... Sonntag (Monday = 0)."""
    return render(f"policy.weekday.{int(weekday)}", lang)


def _names(params: dict[str, Any], lang: str) -> str | None:
    names = params.get("names")
    if isinstance(names, dict):
        return names.get(lang) or names.get("en") or names.get("de") or None
    return str(names) if names else None


def _num(value: float, lang: str, decimals: int = 0) -> str:
    return format_number(float(value), lang, decimals)


def _weather_label(step: Step, lang: str) -> str:
    if step.params.get("typical"):
        if step.code == "weather_typical" or step.params.get("value") is None:
            return render("policy.step.weather_typical", lang)
        plain = Step(step.code, {"value": step.params["value"]}, step.amount)
        return render("policy.step.weather_assumed", lang, label=_weather_label(plain, lang))
    value = step.params.get("value")
    if value is None:
        return render(f"policy.step.{step.code}", lang)
    if step.code == "weather_temperature":
        kind = "warm" if value >= 20 else "cold" if value < 5 else "mild"
        return render(f"policy.step.weather_{kind}", lang, value=_num(value, lang))
    if step.code == "weather_rain":
        if value >= 1:
            return render("policy.step.weather_wet", lang, value=_num(value, lang))
        return render("policy.step.weather_dry", lang)
    kind = "sunny" if value >= 6 else "cloudy"
    return render(f"policy.step.weather_{kind}", lang)


def _iso_date(value: str, lang: str) -> str:
    return format_date(dt.date.fromisoformat(value), lang)


def stale_text(last: dt.date, days: int, lang: str = "de") -> str:
    """ "Verkaufsdaten nur bis 31.07.2018 (4 Jahre alt)": how old the newest sales are (`days`
    before the order day)."""
    if days <= 60:
        age = render("policy.stale_history.weeks", lang, n=days // 7)
    elif days < 730:
        age = render("policy.stale_history.months", lang, n=days // 30)
    else:
        age = render("policy.stale_history.years", lang, n=days // 365)
    return render("policy.stale_history", lang, date=format_date(last, lang), age=age)


def _pack(value: float, lang: str) -> str:
    return _num(value, lang, 0 if float(value).is_integer() else 1)


def step_label(step: Step, lang: str = "de") -> str:
    """The words for one step, without the amount ("Samstag", "Stadtfest", "auf Blech zu 12")."""
    p = step.params
    code = step.code
    if code == "baseline":
        if p.get("days", 1) > 1:
            return render("policy.step.baseline_days", lang, days=p["days"])
        if "weekday" in p:
            day = weekday_name(p["weekday"], lang)
            return render("policy.step.baseline_weekday", lang, weekday=day)
        return render("policy.step.baseline", lang)
    if code == "weekday":
        if "weekday" in p:
            return weekday_name(p["weekday"], lang)
        return render("policy.step.weekdays", lang)
    if code.startswith("weather_"):
        return _weather_label(step, lang)
    if code == "recent_level":
        key = "recent_up" if step.amount >= 0 else "recent_down"
        if p.get("until"):
            return render(f"policy.step.{key}_until", lang, date=_iso_date(p["until"], lang))
        return render(f"policy.step.{key}", lang)
    if code == "sellouts" and p.get("until"):
        return render("policy.step.sellouts_until", lang, date=_iso_date(p["until"], lang))
    if code == "sellouts":
        count = int(p.get("count", 0))
        if count <= 0:
            return render("policy.step.sellouts", lang)
        key = {1: "sellouts_1", 2: "sellouts_2"}.get(count, "sellouts_n")
        return render(f"policy.step.{key}", lang, count=count)
    if code == "safety":
        enough, days = enough_days(float(p["level"]))
        return render("policy.step.safety_days", lang, enough=enough, days=days)
    if code == "rounding":
        pack = float(p.get("pack_size", 1))
        if pack == 1:
            return render("policy.step.rounding", lang, unit=p.get("unit", "Stück"))
        key = "rounding_tray" if p.get("container") == "tray" else "rounding_pack"
        return render(f"policy.step.{key}", lang, pack=_pack(pack, lang))
    if code in ("min_order", "below_min_order"):
        return render(f"policy.step.{code}", lang, min=_pack(p.get("min_order", 0), lang))
    named = _names(p, lang)
    if named and code == "association":  # "Erfahrung des Verbands: Brückentag"
        return render("policy.step.association_named", lang, names=named)
    if named and code == "occasion":
        return render("policy.step.occasion_named", lang, names=named)
    if named:
        return named
    if is_absent(step):
        # the model's share for a usual day without it, e.g. no school holidays in November
        return render("policy.step.no_event" if code.startswith("event_") else
                      f"policy.step.no_{code}", lang)
    if code.startswith("event_"):
        return render("policy.step.event", lang)
    return render(f"policy.step.{code}", lang)


DAY_COUNTS = (2, 3, 4, 5, 10, 20, 50, 100)  # "k von n Tagen": counts a baker thinks in


def enough_days(probability: float) -> tuple[int, int]:
    """A probability as "k of n days" with the first n of DAY_COUNTS that says it to within
    2.5 points and is neither "never" nor "always" unless it is exactly: 0.76 -> (3, 4),
    0.9 -> (9, 10), 0.98 -> (49, 50), 0.996 -> (99, 100) ("2 von 2 Tagen" would claim always),
    1.0 -> (100, 100)."""
    p = min(max(probability, 0.0), 1.0)
    for days in DAY_COUNTS:
        enough = round(p * days)
        edge = (enough == 0 and p > 0) or (enough == days and p < 1)
        if abs(enough / days - p) <= 0.025 and not edge and (0 < p < 1 or days == 100):
            return enough, days
    return min(max(round(p * 100), 1 if p > 0 else 0), 99 if p < 1 else 100), 100


def risk_words(quantiles: Mapping[float, float], quantity: float, p_sellout: float,
               lang: str = "de", decimals: int = 0) -> str:
    """What ordering `quantity` means, as a baker says it: "reicht an 3 von 4 Tagen, meist 3–14
    übrig" (the middle half of the days' leftovers, from the forecast's quartiles)."""
    enough, days = enough_days(1.0 - p_sellout)
    low = max(quantity - quantiles.get(0.75, quantity), 0.0)
    high = max(quantity - quantiles.get(0.25, quantity), 0.0)
    return render("policy.risk_words", lang, enough=enough, days=days,
                  low=_num(low, lang, decimals), high=_num(high, lang, decimals))


def is_absent(step: Step) -> bool:
    """A named calendar step (holiday, event, ...) whose day is not such a day."""
    return names_nothing(step.code, step.params)


def step_text(step: Step, amount: float, lang: str = "de", decimals: int = 0) -> str:
    """One step with its (displayed) amount: "Samstag +24", "Servicegrad 80 %: +14", "üblich 96"."""
    label = step_label(step, lang)
    if step.code == "baseline":
        return f"{label} {format_number(amount, lang, decimals)}"
    sep = ": " if step.is_policy else " "
    return f"{label}{sep}{format_signed(amount, lang, decimals)}"


def explanation_items(expl: Explanation, lang: str = "de") -> list[dict[str, Any]]:
    """Steps as {code, label, amount} with displayed (rounded) amounts, as in the JSON output."""
    shown = expl.displayed_amounts()
    return [
        {"code": s.code, "label": step_label(s, lang), "amount": a}
        for s, a in zip(expl.steps, shown, strict=True)
    ]


def _total(kind: str, value: float, lang: str, decimals: int) -> str:
    return f"= {render('policy.total.' + kind, lang)} {format_number(value, lang, decimals)}"


def explanation_lines(expl: Explanation, lang: str = "de", *, hide_zero: bool = True) -> list[str]:
    """The reasons one per line, with the forecast and the suggestion as subtotals."""
    d = expl.decimals
    most = expl.step_decimals()  # a count of 2,75 kg: its steps to 2 decimals, as they add up
    shown = expl.displayed_amounts()
    lines: list[str] = []
    if expl.stale_since is not None:
        lines.append(stale_text(expl.stale_since, expl.stale_days, lang))
    for step, amount in zip(expl.forecast_steps, shown, strict=False):
        if step.code == "baseline" or not (hide_zero and amount == 0):
            lines.append(step_text(step, amount, lang, shown_decimals(amount, d, most)))
    lines.append(_total("forecast", expl.displayed_forecast(), lang, d))
    policy_shown = shown[len(expl.forecast_steps) :]
    for step, amount in zip(expl.policy_steps, policy_shown, strict=True):
        if not (hide_zero and amount == 0):
            lines.append(step_text(step, amount, lang, shown_decimals(amount, d, most)))
    lines.append(_total("suggestion", expl.displayed_suggestion(), lang, d))
    return lines


def explanation_sentence(expl: Explanation, lang: str = "de") -> str:
    """All reasons on one line: "üblich 96, Samstag +24 = Prognose 120, ... = Vorschlag 132"."""
    parts: list[str] = []
    for line in explanation_lines(expl, lang):
        if line.startswith("= ") and parts:
            parts[-1] += " " + line
        else:
            parts.append(line)
    return ", ".join(parts)


def reason_line(expl: Explanation, lang: str = "de", *, limit: int = 3,
                shared: Mapping[ReasonKey, float] | None = None) -> str:
    """The few biggest reasons as plain words for the table: "Samstag, Stadtfest, warm"; "wie
    üblich" when nothing moved the forecast; "" for a line without steps (closed day); "Vorrat
    reicht" first when the stock on hand covers the demand. `shared`: the day's reasons and their
    effect on the day (day_reasons.py), said once for the day and left out here unless they move
    this line far more ("wie der ganze Tag" if nothing else is left)."""
    shown = expl.displayed_amounts()
    shared = shared or {}
    reasons = shown_reasons(expl)
    own = [(s, a) for s, a in reasons
           if reason_key(s) not in shared
           or particular(s, expl.forecast, shared[reason_key(s)])]
    ranked = sorted(((abs(a), step_label(s, lang)) for s, a in own), key=lambda t: -t[0])
    covers = [step_label(s, lang) for s, a in zip(expl.steps, shown, strict=True)
              if s.code == "stock_covers" and a != 0]
    stale = ([stale_text(expl.stale_since, expl.stale_days, lang)]
             if expl.stale_since is not None else [])
    if not ranked:
        if covers:
            first = covers[0]
        elif not expl.steps:
            first = ""
        else:
            daily = len(own) < len(reasons)
            first = render("policy.reason.as_the_day" if daily else "policy.reason.usual", lang)
        return ", ".join([*stale, first]) if first else ""
    # an old history, then goods that keep with enough stock: the first things to say
    return ", ".join(stale + covers + [label for _, label in ranked[: limit - len(covers)]])


def day_reason_text(reason: DayReason, lang: str = "de") -> str:
    """One reason of the day with its effect on the shop: "Heimspiel BVB: insgesamt +6 %"."""
    percent = format_signed(round(100 * reason.share), lang, 0)
    return render("policy.day_reason", lang, label=step_label(reason.step, lang), percent=percent)


def day_header(reasons: list[DayReason], lang: str = "de") -> str:
    """The day's reasons in one line for the sheet's header ("" when there are none)."""
    if not reasons:
        return ""
    return render("policy.day_reasons", lang,
                  reasons=", ".join(day_reason_text(r, lang) for r in reasons))


def note_text(note: Note, lang: str = "de") -> str:
    """A note about the basis of a line in words (dates in the language's format)."""
    params = {k: format_date(v, lang) if isinstance(v, dt.date)
              else format_number(v, lang, shown_decimals(v, 1, MOST_STEP_DECIMALS))
              if isinstance(v, float) else v
              for k, v in note.params.items()}
    return render(f"policy.note.{note.code}", lang, **params)


def setting_text(setting: str | None, lang: str = "de") -> str:
    """The owner's service setting in words ("nie ausverkauft"); None = from price and cost."""
    return render(f"policy.setting.{setting or 'auto'}", lang)


_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def weekday_short(day: dt.date, lang: str) -> str:
    """"Di" / "Tue": a day's weekday, short."""
    return render(f"policy.weekday.{day.weekday()}", lang)[: 2 if lang == "de" else 3]


def day_short(day: dt.date, lang: str) -> str:
    """"Di 1.12." / "Tue 1 Dec"."""
    if lang == "de":
        return f"{weekday_short(day, lang)} {day.day}.{day.month}."
    return f"{weekday_short(day, lang)} {day.day} {_MONTHS_EN[day.month - 1]}"


def delivery_text(line: Any, lang: str = "de") -> str:
    """When an order of goods that keep comes, the shelf until then and the days it serves:
    "Lieferung Di 1.12.; bis dahin voraussichtlich ausverkauft ab Sa; deckt Di–Do" ("" for
    goods made for the day)."""
    if not getattr(line, "stocked", False) or line.delivery_day is None or not line.covers:
        return ""
    parts = [render("policy.delivery.when", lang, date=day_short(line.delivery_day, lang))]
    if line.delivery_day > line.date:
        if line.empty_from is not None:
            parts.append(render("policy.delivery.empty_from", lang,
                                day=weekday_short(line.empty_from, lang)))
        elif line.stock_at_delivery is not None:
            parts.append(render("policy.delivery.left", lang, unit=line.unit,
                                quantity=format_number(line.stock_at_delivery, lang,
                                                       line.decimals)))
    first, last = line.covers[0], line.covers[-1]
    days = weekday_short(first, lang) if first == last else (
        f"{weekday_short(first, lang)}–{weekday_short(last, lang)}")
    parts.append(render("policy.delivery.covers", lang, days=days))
    return "; ".join(parts)
