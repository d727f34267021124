"""Why this number: explanation steps (codes and amounts) that add up to the forecast and the order.

Forecast steps come from the forecasting core's contributions (baseline first, then the factors that
moved the forecast most, the small rest as "other"); policy steps take the median to the order
(safety margin, stock, rounding). Words live in `explain_text`; here are only codes and numbers.
Displayed amounts are rounded with the largest-remainder method so that what the owner sees adds
up exactly to the displayed forecast and suggestion.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from collections.abc import Iterable, Sequence
from typing import Any

#: Step codes of the policy part (everything else is a forecast factor, named by its group).
POLICY_CODES = (
    "safety",
    "stock_on_hand",
    "sold_before_delivery",
    "on_order",
    "spoilage",
    "stock_covers",
    "rounding",
    "min_order",
    "below_min_order",
)
#: Policy steps that are counted stock (a count, an open order), not estimates: their amounts are
#: shown as counted (2,75 kg), not rounded to the line's decimals.
COUNTED_CODES = ("stock_on_hand", "on_order")
MOST_STEP_DECIMALS = 2  # kilograms and litres: a count to 10 g / 10 ml is shown, finer is noise
MAX_FACTORS = 3  # named factors between the baseline and the forecast (then "other")
MIN_AMOUNT = 1.0  # a factor below one unit is noise: pooled into "other"
#: Forecast groups that name what the day is (a holiday, an event); without a name the day is not
#: such a day and the group's amount is part of a usual day (the baseline), not a reason.
NAMED_GROUPS = ("holiday", "school_holiday", "payday", "special_day", "occasion")


def names_nothing(code: str, params: dict[str, Any]) -> bool:
    """A named calendar group (holiday, event, ...) on a day that is no such day ("kein Feiertag")."""
    named = code in NAMED_GROUPS or code.startswith("event_")
    return named and not params.get("names")


@dataclasses.dataclass(frozen=True)
class Step:
    """One reason: a code (forecast group or policy rule), its parameters, a signed amount."""

    code: str
    params: dict[str, Any]
    amount: float

    @property
    def is_policy(self) -> bool:
        """Whether the step belongs to the policy (median -> order) part."""
        return self.code in POLICY_CODES


@dataclasses.dataclass(frozen=True)
class Note:
    """Something the owner should know about the basis of a line (thin data, borrowed history)."""

    code: str
    params: dict[str, Any]


@dataclasses.dataclass
class Explanation:
    """Steps summing to `forecast` (the forecast part) and then to `suggestion` (all of them)."""

    steps: list[Step]
    forecast: float
    suggestion: float
    decimals: int = 0
    notes: list[Note] = dataclasses.field(default_factory=list)
    # the last day with sales when it is not recent (see plan.RECENT_DAYS), and how many days
    # before the order day it was: said first
    stale_since: dt.date | None = None
    stale_days: int = 0

    @property
    def forecast_steps(self) -> list[Step]:
        """The factor steps (baseline first) that make up the median forecast."""
        return [s for s in self.steps if not s.is_policy]

    @property
    def policy_steps(self) -> list[Step]:
        """The steps from the forecast to the suggestion."""
        return [s for s in self.steps if s.is_policy]

    def displayed_forecast(self) -> float:
        """The forecast as shown (rounded to `decimals`)."""
        return round_half_up(self.forecast, self.decimals)

    def displayed_suggestion(self) -> float:
        """The suggestion as shown (rounded to `decimals`)."""
        return round_half_up(self.suggestion, self.decimals)

    def step_decimals(self) -> int:
        """The decimals the steps are shown with: the line's, more where its counted stock needs
        them (a count of 2,75 kg shows as 2,75, not 2,7), at most MOST_STEP_DECIMALS; goods
        counted in pieces stay whole."""
        if self.decimals == 0:
            return 0
        counted = [abs(s.amount) for s in self.policy_steps if s.code in COUNTED_CODES]
        return max([self.decimals]
                   + [shown_decimals(a, self.decimals, MOST_STEP_DECIMALS) for a in counted])

    def displayed_amounts(self) -> list[float]:
        """Rounded amounts per step (to `step_decimals`) that add up exactly to the displayed
        forecast and suggestion; a counted stock keeps its amount, the other policy steps take
        up the rounding."""
        d = self.step_decimals()
        fc = [s.amount for s in self.forecast_steps]
        pol = self.policy_steps
        shown_f = self.displayed_forecast()
        shown_s = self.displayed_suggestion()
        fa = iter(apportion(fc, shown_f, d))
        rest = [s for s in pol if s.code not in COUNTED_CODES]
        if d == self.decimals or not rest:
            pa = iter(apportion([s.amount for s in pol], shown_s - shown_f, d))
        else:
            counted = {id(s): math.copysign(round_half_up(abs(s.amount), d), s.amount)
                       for s in pol if s.code in COUNTED_CODES}
            others = iter(apportion([s.amount for s in rest],
                                    shown_s - shown_f - sum(counted.values()), d))
            pa = iter([counted[id(s)] if id(s) in counted else next(others) for s in pol])
        return [next(pa) if s.is_policy else next(fa) for s in self.steps]


def shown_decimals(value: float, decimals: int, most: int = 3) -> int:
    """The decimals to show `value` with: the line's, more if it has them (a count of 2,75 kg
    shows as 2,75, not 2,8), at most `most`."""
    while decimals < most and abs(round(value, decimals) - value) > 1e-9:
        decimals += 1
    return decimals


def round_half_up(value: float, decimals: int = 0) -> float:
    """Commercial rounding (2.5 -> 3), as owners expect, not banker's rounding."""
    scale = 10**decimals
    return math.floor(value * scale + 0.5 + 1e-9) / scale


def apportion(amounts: Sequence[float], total: float, decimals: int = 0) -> list[float]:
    """Round `amounts` to `decimals` so they add up exactly to `total` (largest remainder)."""
    if not amounts:
        return []
    scale = 10**decimals
    units = [a * scale for a in amounts]
    target = round(total * scale)
    floors = [math.floor(u + 1e-9) for u in units]
    gap = target - sum(floors)
    order = sorted(range(len(units)), key=lambda i: (units[i] - floors[i]), reverse=gap > 0)
    k = 0
    while gap != 0:
        i = order[k % len(order)]
        step = 1 if gap > 0 else -1
        floors[i] += step
        gap -= step
        k += 1
    return [f / scale for f in floors]


def factor_steps(
    contributions: Iterable[tuple[str, float]],
    *,
    params: dict[str, dict[str, Any]] | None = None,
    max_factors: int = MAX_FACTORS,
    min_amount: float = MIN_AMOUNT,
) -> list[Step]:
    """Baseline, then the biggest factors by size, the rest pooled as "other".

    contributions: (group, amount) pairs, summing to the median (groups may repeat; they are added).
    params: extra parameters per group for the words (day names, weekday, weather values).
    A factor is shown on its own only if it moves the forecast by at least `min_amount` units; a
    named group on a day that is no such day ("kein Feiertag") is part of the baseline.
    """
    params = params or {}
    totals: dict[str, float] = {}
    for group, amount in contributions:
        totals[group] = totals.get(group, 0.0) + float(amount)
    baseline = totals.pop("baseline", 0.0)
    for group in [g for g in totals if names_nothing(g, params.get(g, {}))]:
        baseline += totals.pop(group)
    steps = [Step("baseline", dict(params.get("baseline", {})), baseline)]
    other = totals.pop("other", 0.0)
    ranked = sorted(totals.items(), key=lambda kv: abs(kv[1]), reverse=True)
    for group, amount in ranked:
        if len(steps) <= max_factors and abs(amount) >= min_amount:
            steps.append(Step(group, dict(params.get(group, {})), amount))
        else:
            other += amount
    if abs(other) > 1e-9:
        steps.append(Step("other", {}, other))
    return steps


def build_explanation(
    factors: list[Step],
    policy: list[Step],
    *,
    suggestion: float,
    decimals: int = 0,
    notes: list[Note] | None = None,
) -> Explanation:
    """Join factor and policy steps; checks that they add up (within float noise)."""
    forecast = sum(s.amount for s in factors)
    total = forecast + sum(s.amount for s in policy)
    if not math.isclose(total, suggestion, rel_tol=1e-6, abs_tol=1e-6):
        raise ValueError(f"explanation steps add up to {total}, not to {suggestion}")
    return Explanation(
        steps=[*factors, *policy],
        forecast=forecast,
        suggestion=suggestion,
        decimals=decimals,
        notes=list(notes or []),
    )
