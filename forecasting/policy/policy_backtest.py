"""The evidence: our suggestions against the bakers' own rules, day by day, on known demand.

Input is the forecasting core's long predictions table (rolling one-day-ahead, `kind == "final"`),
the sales the owner saw (for the rules) and the demand that really came (true demand of the demo
shops; for real shops the sales of days that did not sell out). Per policy we count units wasted
(Q - min(D, Q)), units short (max(D - Q, 0)), sell-out days (D > Q) and the margin.

Policies: our newsvendor suggestion at each product's own level ("economics"), at a level per
product chosen so that its sell-out days ("matched_days") or its units short ("matched_units") do
not exceed those of "same as last week", or per product such that the total waste is least with
no more sell-out days and no more units short summed over the products ("matched_total"; levels
chosen on the first half of the period, scored on the second), and the rules "same as last week",
"same as last week + 10 %" and "average of the last four same weekdays". Every order is rounded
to whole packs of the product; the rules round to the nearest pack.
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd

from forecasting.policy.economics import service_level
from forecasting.policy.forecast_input import level_of
from forecasting.policy.newsvendor import demand_points, quantile_at
from forecasting.policy.rounding import round_quantities
from forecasting.values.products import Product

RULES = ("last_week", "last_week_plus_10", "mean_last_4")
MATCH_LEVELS = tuple(np.round(np.arange(0.20, 0.985, 0.02), 2))
_POINTS = 200
_WEEKS_BACK = 8


@dataclasses.dataclass(frozen=True)
class Score:
    """Totals of one policy over the scored product-days."""

    policy: str
    days: int
    ordered: float
    demand: float
    wasted: float
    short: float
    sellout_days: int
    margin: float

    @property
    def availability(self) -> float:
        """Share of product-days on which every customer got what they wanted."""
        return 1.0 - self.sellout_days / self.days if self.days else float("nan")

    @property
    def fill_rate(self) -> float:
        """Share of demanded units that were served."""
        return 1.0 - self.short / self.demand if self.demand else float("nan")


def _grid(predictions: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    cols = sorted((c for c in predictions.columns if level_of(str(c)) is not None),
                  key=lambda c: level_of(str(c)) or 0.0)
    levels = np.array([level_of(str(c)) for c in cols], dtype=float)
    return levels, predictions[cols].to_numpy(dtype=float)


def _per_row(frame: pd.DataFrame, products: dict[str, Product], attr: str) -> np.ndarray:
    return np.array([float(getattr(products[p], attr)) for p in frame["product"]], dtype=float)


def policy_orders(
    frame: pd.DataFrame,
    products: dict[str, Product],
    level: float | dict[str, float] | None = None,
) -> np.ndarray:
    """Our suggestion per row: the quantile at the level, rounded to packs by the same level.

    frame: rows of the predictions table; level: one for all, one per product (products without
    one get the median of the others), or None = each product's own level (economics or setting).
    """
    levels, grid = _grid(frame)
    if level is None:
        tau = np.array([service_level(products[p]).level for p in frame["product"]])
    elif isinstance(level, dict):
        usual = float(np.median(list(level.values()))) if level else 0.8
        tau = np.array([level.get(p, usual) for p in frame["product"]], dtype=float)
    else:
        tau = np.full(len(frame), float(level))
    raw = quantile_at(levels, grid, tau)
    points = demand_points(levels, grid, _POINTS)
    q, _ = round_quantities(
        points, raw, pack_size=_per_row(frame, products, "pack_size"),
        min_order=_per_row(frame, products, "min_order"), level=tau,
    )
    return q


def rule_orders(
    frame: pd.DataFrame, sales: pd.DataFrame, rule: str, products: dict[str, Product]
) -> np.ndarray:
    """What a baker's rule orders per row, from the sales seen on earlier same weekdays.

    sales: product, date, quantity (missing rows = closed or not on sale; skipped). NaN where
    no same weekday of the last eight weeks had sales.
    "last_week" takes the latest same weekday with sales, "mean_last_4" the latest four (looking
    back at most eight weeks, so closed holidays are skipped as a baker would).
    """
    wide = sales.pivot_table(index="date", columns="product", values="quantity", aggfunc="sum")
    stacked = wide.stack()
    back = []
    for k in range(1, _WEEKS_BACK + 1):
        keys = pd.MultiIndex.from_arrays(
            [frame["date"] - pd.Timedelta(days=7 * k), frame["product"]]
        )
        back.append(stacked.reindex(keys).to_numpy(dtype=float))
    past = np.vstack(back)  # weeks x rows, NaN where no sale was recorded
    if rule in ("last_week", "last_week_plus_10"):
        first = np.argmax(~np.isnan(past), axis=0)
        base = past[first, np.arange(past.shape[1])]
        if rule == "last_week_plus_10":
            base = base * 1.1
    elif rule == "mean_last_4":
        have = ~np.isnan(past)
        past = np.where(have & (np.cumsum(have, axis=0) <= 4), past, np.nan)
        seen = (~np.isnan(past)).sum(axis=0)
        base = np.where(seen > 0, np.nansum(past, axis=0) / np.maximum(seen, 1), np.nan)
    else:
        raise ValueError(f"unknown rule {rule}")
    pack = _per_row(frame, products, "pack_size")
    return np.round(base.clip(0) / pack) * pack  # NaN where the rule has nothing to go by


def score(
    policy: str, orders: np.ndarray, demand: np.ndarray, frame: pd.DataFrame,
    products: dict[str, Product],
) -> Score:
    """Waste, shortage, sell-out days and margin of `orders` against `demand`."""
    sold = np.minimum(demand, orders)
    waste = orders - sold
    price = _per_row(frame, products, "price")
    cost = _per_row(frame, products, "unit_cost")
    salvage = _per_row(frame, products, "salvage_value")
    return Score(
        policy=policy,
        days=len(orders),
        ordered=float(orders.sum()),
        demand=float(demand.sum()),
        wasted=float(waste.sum()),
        short=float((demand - sold).sum()),
        sellout_days=int((demand > orders + 1e-9).sum()),
        margin=float((price * sold + salvage * waste - cost * orders).sum()),
    )


def matched_levels(
    frame: pd.DataFrame,
    demand: np.ndarray,
    products: dict[str, Product],
    reference: np.ndarray,
    by: str = "sellout_days",
) -> dict[str, float]:
    """Per product the lowest level that is as available as `reference`.

    reference: the rule's orders on the same rows. by="sellout_days": no more days with demand
    left unserved; by="short": no more units left unserved (the fill rate). Matching per product
    (not in total) means no product is worse off than under the rule.
    """
    out: dict[str, float] = {}
    names = frame["product"].to_numpy()
    for name in sorted(set(names)):
        rows = names == name
        part, d = frame[rows], demand[rows]
        allowed = _unavailability(d, reference[rows], by)
        out[name] = float(MATCH_LEVELS[-1])
        for level in MATCH_LEVELS:
            if _unavailability(d, policy_orders(part, products, float(level)), by) <= allowed:
                out[name] = float(level)
                break
    return out


def level_curves(
    frame: pd.DataFrame, demand: np.ndarray, products: dict[str, Product]
) -> dict[str, np.ndarray]:
    """Per product, at each of `MATCH_LEVELS`: units wasted, sell-out days, units short."""
    out: dict[str, np.ndarray] = {}
    names = frame["product"].to_numpy()
    for name in sorted(set(names)):
        rows = names == name
        part, d = frame[rows], demand[rows]
        curve = []
        for level in MATCH_LEVELS:
            q = policy_orders(part, products, float(level))
            curve.append((np.clip(q - d, 0.0, None).sum(), (d > q + 1e-9).sum(),
                          np.clip(d - q, 0.0, None).sum()))
        out[name] = np.array(curve, dtype=float)
    return out


_DAY_PRICES = np.concatenate([[0.0], np.logspace(-3, 4, 57)])
_UNIT_PRICES = np.concatenate([[0.0], np.logspace(-3, 2, 41)])


def matched_in_total(
    curves: dict[str, np.ndarray], allowed_days: float, allowed_short: float,
    start: dict[str, float] | None = None,
) -> dict[str, float]:
    """Per product the level that wastes least in total with no more sell-out days and no more
    units short, summed over the products, than allowed.

    A price per sell-out day and per unit short (searched on a grid) trades them against waste
    in each product (Lagrange); `start` (e.g. the per-product match) is kept if nothing found
    is better. Availability moves to the products where it costs the least waste.
    """
    names = sorted(curves)
    best: tuple[float, dict[str, int]] | None = None

    def consider(pick: dict[str, int]) -> None:
        nonlocal best
        total = sum((curves[n][pick[n]] for n in names), np.zeros(3))
        if total[1] <= allowed_days + 1e-9 and total[2] <= allowed_short + 1e-9 and (
                best is None or total[0] < best[0]):
            best = (float(total[0]), pick)

    if start is not None:
        consider({n: int(np.argmin(np.abs(np.asarray(MATCH_LEVELS) - start[n]))) for n in names})
    for a in _DAY_PRICES:
        for b in _UNIT_PRICES:
            consider({n: int(np.argmin(curves[n] @ np.array([1.0, a, b]))) for n in names})
    if best is None:
        return {n: float(MATCH_LEVELS[-1]) for n in names}
    return {n: float(MATCH_LEVELS[i]) for n, i in best[1].items()}


def _unavailability(demand: np.ndarray, orders: np.ndarray, by: str) -> float:
    if by == "sellout_days":
        return float((demand > orders + 1e-9).sum())
    return float(np.clip(demand - orders, 0.0, None).sum())


def compare(
    predictions: pd.DataFrame,
    sales: pd.DataFrame,
    demand: pd.DataFrame,
    products: dict[str, Product],
) -> tuple[pd.DataFrame, dict[str, dict[str, float]]]:
    """The comparison table on the second half of the period, and the matched levels per product.

    predictions: long table (date, product, q-columns; final forecasts only); demand: product,
    date, demand. Rows without demand (product not on sale) are left out.
    """
    frame = predictions.merge(demand[["product", "date", "demand"]], on=["product", "date"])
    frame = frame[frame["product"].isin(list(products))].sort_values(["date", "product"])
    frame = frame[np.isfinite(rule_orders(frame, sales, "last_week", products))]
    frame = frame.reset_index(drop=True)  # only days on which every rule has a past to go by
    days = np.sort(frame["date"].unique())
    split = days[len(days) // 2]
    calib, test = frame[frame["date"] < split], frame[frame["date"] >= split]
    d_cal, d_test = calib["demand"].to_numpy(float), test["demand"].to_numpy(float)
    reference = rule_orders(calib, sales, "last_week", products)
    levels = {by: matched_levels(calib, d_cal, products, reference, by)
              for by in ("sellout_days", "short")}
    levels["total"] = matched_in_total(
        level_curves(calib, d_cal, products), _unavailability(d_cal, reference, "sellout_days"),
        _unavailability(d_cal, reference, "short"), start=levels["sellout_days"])
    scores = [
        score("ours_economics", policy_orders(test, products), d_test, test, products),
        score("ours_matched_days", policy_orders(test, products, levels["sellout_days"]), d_test,
              test, products),
        score("ours_matched_units", policy_orders(test, products, levels["short"]), d_test,
              test, products),
        score("ours_matched_total", policy_orders(test, products, levels["total"]), d_test,
              test, products),
    ]
    for rule in RULES:
        scores.append(score(rule, rule_orders(test, sales, rule, products), d_test, test,
                            products))
    return table(scores), levels


def table(scores: list[Score]) -> pd.DataFrame:
    """Scores as a frame, with waste and sell-out days relative to "same as last week"."""
    frame = pd.DataFrame([{**dataclasses.asdict(s), "availability": s.availability,
                           "fill_rate": s.fill_rate} for s in scores]).set_index("policy")
    if "last_week" in frame.index:
        ref = frame.loc["last_week"]
        frame["waste_vs_last_week"] = frame["wasted"] / ref["wasted"] - 1.0
        frame["sellout_days_vs_last_week"] = frame["sellout_days"] - ref["sellout_days"]
    return frame
