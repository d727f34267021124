"""Words for the Rückblick (forecasting/review.py), shared by `bestellkompass review` and the app."""

from __future__ import annotations

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
