"""Additive explanations: per product and day, amounts by group that sum exactly to the median.

Each model gives the amounts of its point forecast (`amounts`: LightGBM its SHAP values times s,
the additive model its columns times their coefficients, ETS and the naive forecasts "baseline" =
s and "recent_level" = the rest; the blend its members' amounts by their weights). The shift the
calibration adds to reach the median goes to "recent_level" (recent errors), the remainder from
clipping at 0 to "other", so the amounts always add up to the median.
"""

from __future__ import annotations

from forecasting.models.engine import Run, level_amounts

MODEL_GROUPS = ("occasion", "recent_level", "sellouts", "promotion", "other")


def point_amounts(run: Run, model: str, day: int, col: int) -> dict[str, float]:
    """Amounts by group that sum to the model's point forecast for [day, product]."""
    found = run.named(model)
    if found is None:
        return level_amounts(run, 0.0, day, col)
    return found.amounts(run, day, col)


def explain(run: Run, model: str, day: int, col: int, median: float, calendar_groups: list[str]
            ) -> list[tuple[str, float]]:
    """(group, amount) pairs, baseline first, then calendar groups, then model groups."""
    amounts = point_amounts(run, model, day, col)
    shift = median - sum(amounts.values())
    amounts["recent_level"] = amounts.get("recent_level", 0.0) + shift
    order = ["baseline", *[g for g in calendar_groups if g != "baseline"], *MODEL_GROUPS]
    order += [g for g in amounts if g not in order]
    pairs = [(g, float(amounts[g])) for g in dict.fromkeys(order) if g in amounts]
    pairs = [(g, a) for g, a in pairs if g == "baseline" or abs(a) > 1e-12]
    rest = median - sum(a for _, a in pairs)  # float rounding only
    g, a = pairs[0]
    pairs[0] = (g, a + rest)
    return pairs
