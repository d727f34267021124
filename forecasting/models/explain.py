"""Additive explanations: per product and day, amounts by group that sum exactly to the median.

LightGBM: SHAP values (pred_contrib) of the scaled model times the scale s, the bias going to
"baseline"; where the forecast was corrected by last time's miss on the occasion, that part goes to
"occasion". ETS, seasonal naive, category prior: "baseline" = s (the typical amount for that
weekday) and "recent_level" = forecast - s. The additive model: each column times its coefficient
(weekday level: "baseline", trend: "recent_level", yearly waves: "season", the occasion's effect:
"occasion", events, weather and inputs: their groups). A blend weights its members' amounts. The shift the
calibration adds to reach the median goes to "recent_level" (recent errors), the remainder from
clipping at 0 to "other", so the amounts always add up to the median.
"""

from __future__ import annotations

import numpy as np

from forecasting.models import additive, lgbm
from forecasting.models.engine import Run

MODEL_GROUPS = ("occasion", "recent_level", "sellouts", "promotion", "other")


def _lgbm_amounts(run: Run, day: int, col: int) -> dict[str, float]:
    p = run.y.shape[1]
    row = run.design.matrix[day * p + col : day * p + col + 1]
    contrib = lgbm.contributions(run.booster, row)[0] * run.s[day, col]
    out: dict[str, float] = {"baseline": float(contrib[-1])}
    for k, group in enumerate(run.design.groups):
        out[group] = out.get(group, 0.0) + float(contrib[k])
    adjust = 1.0 if run.occasion_adjust is None else float(run.occasion_adjust[day, col])
    if adjust != 1.0:  # last time's miss on this occasion (engine._last_miss)
        out["occasion"] = out.get("occasion", 0.0) + (adjust - 1.0) * float(contrib.sum())
    return out


def _level_amounts(run: Run, point: float, day: int, col: int) -> dict[str, float]:
    s = run.s[day, col]
    base = float(s) if np.isfinite(s) else float(point)
    return {"baseline": base, "recent_level": float(point) - base}


def _additive_amounts(run: Run, day: int, col: int) -> dict[str, float]:
    """The additive model's columns times its coefficients, by group (they sum to its forecast
    before clipping at 0; the clipped rest goes to "other")."""
    fit, design = run.additive_fit, run.additive_design
    x = additive.row(design, fit, day, col)
    out: dict[str, float] = {}
    for group, amount in zip(additive.column_groups(design), x * fit.beta[col], strict=True):
        out[group] = out.get(group, 0.0) + float(amount)
    out["other"] = out.get("other", 0.0) + float(run.points["additive"][day, col]) - sum(out.values())
    return out


def _mix(parts: list[tuple[float, dict[str, float]]]) -> dict[str, float]:
    """Weighted sum of members' amounts by group."""
    out: dict[str, float] = {}
    for weight, amounts in parts:
        for group, amount in amounts.items():
            out[group] = out.get(group, 0.0) + weight * amount
    return out


def point_amounts(run: Run, model: str, day: int, col: int) -> dict[str, float]:
    """Amounts by group that sum to the model's point forecast for [day, product]."""
    if model == "lgbm" and run.booster is not None:
        return _lgbm_amounts(run, day, col)
    if model == "blend" and run.booster is not None:
        w = 0.5 if run.blend_weight is None else float(run.blend_weight[day, col])
        parts = [(w, _lgbm_amounts(run, day, col)),
                 (1 - w, _level_amounts(run, run.points["ets"][day, col], day, col))]
        v = 0.0 if run.additive_share is None else float(run.additive_share[day, col])
        if v > 0:
            parts = [(share * (1 - v), amounts) for share, amounts in parts]
            parts.append((v, _additive_amounts(run, day, col)))
        return _mix(parts)
    point = run.points.get(model, np.full(run.y.shape, np.nan))[day, col]
    return _level_amounts(run, 0.0 if not np.isfinite(point) else point, day, col)


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
