"""Reasons of the day: a reason that moves nearly every line of a day (the home match, the time
of year) is a fact about the day, not about one product. It is said once, for the shop as a
whole ("Heimspiel BVB: insgesamt +6 %"), and the lines say what is particular to each product.
Codes and numbers only; the words are in `explain_text`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from forecasting.policy.explanation import Explanation, Step, names_nothing
from forecasting.policy.lines import OrderLine

SHARED_SHARE = 0.5  # a reason on more than half of a day's lines belongs to the day
PARTICULAR = 2.0  # ... unless it moves a line this many times as much as the whole day
MIN_LINES = 3  # with fewer lines every reason would be "shared"
NOT_A_REASON = ("baseline", "other")

ReasonKey = tuple[str, str, int]


@dataclasses.dataclass(frozen=True)
class DayReason:
    """A reason shared by most of a day's lines: the step (amount summed over those lines), how
    many lines it moves, and its effect on their forecasts together (0.06 = +6 %)."""

    step: Step
    lines: int
    share: float


def reason_key(step: Step) -> ReasonKey:
    """What makes two lines' steps the same reason: the group, the day's names, and for the recent
    level its direction ("zuletzt mehr" and "zuletzt weniger" are different reasons)."""
    names = str(step.params.get("names", ""))
    direction = (step.amount > 0) - (step.amount < 0) if step.code == "recent_level" else 0
    return (step.code, names, direction)


def shown_reasons(expl: Explanation) -> list[tuple[Step, float]]:
    """The forecast steps a line names as reasons, with their displayed amounts."""
    return [(s, a) for s, a in zip(expl.steps, expl.displayed_amounts(), strict=True)
            if not s.is_policy and s.code not in NOT_A_REASON and a != 0
            and not names_nothing(s.code, s.params)]


def day_reasons(explanations: Sequence[Explanation]) -> list[DayReason]:
    """The reasons on more than SHARED_SHARE of the lines (those with reasons), biggest effect
    first; none for a day with fewer than MIN_LINES lines."""
    lines = [e for e in explanations if e.steps]
    if len(lines) < MIN_LINES:
        return []
    seen: dict[ReasonKey, list[tuple[Step, Explanation]]] = {}
    for expl in lines:
        for step, _ in shown_reasons(expl):
            seen.setdefault(reason_key(step), []).append((step, expl))
    out = []
    for found in seen.values():
        if len(found) <= SHARED_SHARE * len(lines):
            continue
        amount = sum(step.amount for step, _ in found)
        without = sum(expl.forecast - step.amount for step, expl in found)
        first = found[0][0]
        out.append(DayReason(Step(first.code, dict(first.params), amount), len(found),
                             amount / without if without > 0 else 0.0))
    return sorted(out, key=lambda r: -abs(r.share))


def plan_reasons(lines: Sequence[OrderLine]) -> list[DayReason]:
    """The day's reasons of an order plan's lines (those that order: closed lines have none)."""
    return day_reasons([ln.explanation for ln in lines if ln.status == "order"])


def shared_keys(reasons: Sequence[DayReason]) -> dict[ReasonKey, float]:
    """The day's reasons by key with their effect on the day, for leaving them out of the lines."""
    return {reason_key(r.step): r.share for r in reasons}


def particular(step: Step, forecast: float, day_share: float) -> bool:
    """Whether a reason of the day moves this line far more than the day (the Stollen in
    "Jahreszeit"): then it is the line's own reason too."""
    without = forecast - step.amount
    return without > 0 and abs(step.amount / without) > PARTICULAR * abs(day_share)
