"""Words for the Rückblick (forecasting/review.py), shared by `bestellkompass review` and the app."""

from __future__ import annotations

from forecasting.review import Outcome, ReviewLine
from forecasting.texts import format_number, render


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
