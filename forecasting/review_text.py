"""Words for the Rückblick (forecasting/review.py), shared by `bestellkompass review` and the app."""

from __future__ import annotations

from forecasting.policy.explain_text import day_short, weekday_short
from forecasting.review import Outcome, ReviewLine, ReviewSummary
from forecasting.texts import format_number, render
from forecasting.values.products import MONEY_UNITS


def quantity_text(value: float | None, lang: str) -> str:
    """A quantity: whole numbers without decimals, else one ("" for None)."""
    if value is None:
        return ""
    return format_number(value, lang, 0 if abs(value - round(value)) < 1e-9 else 1)


def effect_text(o: Outcome | None, quantity: float | None, line: ReviewLine, lang: str) -> str:
    """What a quantity implied: "12 übrig", "mind. 8 zu wenig", "höchstens 6 übrig", ..."""
    if o is None or quantity is None or line.sold is None:
        return ""
    if o.leftover is None:
        return render("review.effect.left_at_most", lang, n=quantity_text(quantity - line.sold,
                                                                          lang))
    if o.leftover > 1e-9:
        return render("review.effect.left", lang, n=quantity_text(o.leftover, lang))
    if o.short > 1e-9:
        code = "review.effect.short_at_least" if line.sold_out else "review.effect.short"
        return render(code, lang, n=quantity_text(o.short, lang))
    return render("review.effect.sold_out" if line.sold_out else "review.effect.exact", lang)


def days_text(n: int, lang: str) -> str:
    """"1 Tag" / "3 Tage"."""
    return render("review.days.one", lang) if n == 1 else render("review.days.many", lang,
                                                                  n=quantity_text(n, lang))


def change_sentence(summary: ReviewSummary, lang: str) -> str:
    """What the owner's changes did: "Ihre Änderungen brachten 8 Stück mehr Reste und 1 Tag
    weniger ausverkauft." (sold-out days counted, never lost units); products planned in euros
    say euros, never Stück ("… brachten 12,50 € weniger Reste …")."""
    so = summary.sellout_change
    kind = "same" if so == 0 else ("fewer" if so < 0 else "more")
    return (_leftover_sentence(summary, lang)
            + render(f"review.summary.sellout_{kind}", lang, n=days_text(abs(so), lang)))


def _leftover_sentence(summary: ReviewSummary, lang: str) -> str:
    by_unit = {u: v for u, v in summary.leftover_by_unit.items() if abs(v) >= 1e-9}
    if not any(u in MONEY_UNITS for u in by_unit):  # pieces only: the sentence as it always was
        left = summary.leftover_change
        kind = "same" if abs(left) < 1e-9 else ("fewer" if left < 0 else "more")
        return render(f"review.summary.leftover_{kind}", lang, n=quantity_text(abs(left), lang))
    parts = []
    for unit in sorted(by_unit, key=lambda u: u in MONEY_UNITS):  # pieces first, then euros
        value = by_unit[unit]
        money = unit in MONEY_UNITS
        amount = format_number(abs(value), lang, 2) if money else quantity_text(abs(value), lang)
        code = f"review.leftover.{'money' if money else 'pieces'}_{'fewer' if value < 0 else 'more'}"
        parts.append(render(code, lang, n=amount))
    return render("review.summary.leftover_amounts", lang,
                  changes=render("review.and", lang).join(parts))


def _amount(value: float, line: ReviewLine, lang: str) -> str:
    """A quantity with its unit unless it counts pieces ("4,5 kg", "78")."""
    text = quantity_text(value, lang)
    return text if line.unit == "Stück" else f"{text} {line.unit}"


def covers_text(line: ReviewLine, lang: str) -> str:
    """The covered days, short: "Di–Fr", "Sa" ("" for goods made for the day)."""
    w = line.window
    if w is None or not w.days:
        return ""
    first, last = w.days[0], w.days[-1]
    if first == last:
        return weekday_short(first, lang)
    return f"{weekday_short(first, lang)}–{weekday_short(last, lang)}"


def sellout_text(line: ReviewLine, lang: str) -> str:
    """"an 1 Tag ausverkauft" / "an 3 Tagen ausverkauft" / "nie ausverkauft" over the window."""
    w = line.window
    if w is None:
        return ""
    if w.sellout_days == 0:
        return render("review.window.never_sold_out", lang)
    if w.sellout_days == 1:
        return render("review.window.sold_out_one", lang)
    return render("review.window.sold_out_many", lang, n=w.sellout_days)


def window_facts(line: ReviewLine, lang: str) -> str:
    """What the order did over its days: "78 bestellt, 71 verkauft, 4 abgeschrieben, an 1 Tag
    ausverkauft" (what came when a receipt differs; sales so far while the window runs)."""
    w = line.window
    if w is None:
        return ""
    parts = [render("review.window.ordered", lang, n=_amount(line.final or 0.0, line, lang))]
    if abs(w.ordered - (line.final or 0.0)) > 1e-9:  # other evenings ordered for it too
        parts[0] += render("review.window.ordered_together", lang,
                           n=_amount(w.ordered, line, lang))
    if w.delivered is not None and abs(w.delivered - max(w.ordered, line.final or 0.0)) > 1e-9:
        parts.append(render("review.window.delivered", lang, n=_amount(w.delivered, line, lang)))
    if w.complete:
        parts.append(render("review.window.sold", lang, n=_amount(w.sold, line, lang)))
    else:
        parts.append(render("review.window.sold_so_far", lang, n=_amount(w.sold, line, lang),
                            day=day_short(w.last_day, lang)))
    parts.append(render("review.window.written_off", lang, n=_amount(w.written_off, line, lang)))
    if w.days_with_sales:
        parts.append(sellout_text(line, lang))
    return ", ".join(parts)


def window_sentence(line: ReviewLine, lang: str) -> str:
    """The verdict on an order of goods that keep over the days it served: "Bestellung vom
    Fr 27.11. (Lieferung Di 1.12., deckt Di–Fr): 78 bestellt, 71 verkauft, 4 abgeschrieben, an 1
    Tag ausverkauft" ("" for goods made for the day)."""
    w = line.window
    if w is None:
        return ""
    head = render("review.window.head", lang, date=day_short(line.date, lang),
                  delivery=day_short(w.delivery_day, lang), days=covers_text(line, lang))
    return f"{head}: {window_facts(line, lang)}"
