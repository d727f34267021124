"""One day's perishable order: the quantile at the service level, and what a quantity would bring.

Demand is described by a quantile grid (levels tau, values q(tau), non-decreasing, >= 0), one row
per order line. Between grid points the quantile function is linear; outside it, the end segments
are extended (never below 0). Expectations are integrals over the quantile function, taken with the
midpoint rule on `POINTS` equally likely demand values.
"""

from __future__ import annotations

import dataclasses

import numpy as np

POINTS = 1000


def _grid(levels: object, values: object) -> tuple[np.ndarray, np.ndarray]:
    lv = np.asarray(levels, dtype=float)
    vals = np.atleast_2d(np.asarray(values, dtype=float))
    if lv.ndim != 1 or vals.shape[1] != lv.size or lv.size == 0:
        raise ValueError("quantile grid: one value per level expected")
    order = np.argsort(lv)
    vals = np.maximum.accumulate(np.clip(np.nan_to_num(vals[:, order]), 0.0, None), axis=1)
    return lv[order], vals


def quantile_at(levels: object, values: object, tau: object) -> np.ndarray:
    """q(tau) per row, linear between grid points and extended beyond them; never negative."""
    lv, vals = _grid(levels, values)
    rows = vals.shape[0]
    t = np.broadcast_to(np.asarray(tau, dtype=float), (rows,))
    if lv.size == 1:
        return vals[:, 0].copy()
    i = np.clip(np.searchsorted(lv, t, side="right") - 1, 0, lv.size - 2)
    lo, hi = lv[i], lv[i + 1]
    r = np.arange(rows)
    vlo, vhi = vals[r, i], vals[r, i + 1]
    out = vlo + (t - lo) / (hi - lo) * (vhi - vlo)
    return np.clip(out, 0.0, None)


def demand_points(levels: object, values: object, points: int = POINTS) -> np.ndarray:
    """rows x points equally likely demand values (the quantile function at the bin midpoints)."""
    lv, vals = _grid(levels, values)
    taus = (np.arange(points) + 0.5) / points
    if lv.size == 1:
        return np.repeat(vals[:, :1], points, axis=1)
    i = np.clip(np.searchsorted(lv, taus, side="right") - 1, 0, lv.size - 2)
    w = (taus - lv[i]) / (lv[i + 1] - lv[i])
    out = vals[:, i] + w * (vals[:, i + 1] - vals[:, i])
    return np.clip(out, 0.0, None)


def newsvendor_quantity(levels: object, values: object, service_level: object) -> np.ndarray:
    """The order quantity that meets demand with probability `service_level` (per row)."""
    return quantile_at(levels, values, service_level)


@dataclasses.dataclass(frozen=True)
class Outcome:
    """What ordering `quantity` is expected to bring on the day (units, probability, money)."""

    quantity: float
    expected_sales: float
    expected_leftover: float
    expected_short: float
    p_sellout: float
    expected_margin: float | None


def outcomes(
    points: np.ndarray,
    quantity: object,
    *,
    price: object = None,
    unit_cost: object = None,
    salvage_value: object = 0.0,
) -> dict[str, np.ndarray]:
    """Expected sales, leftover, short, P(sell out) and margin per row for quantities Q.

    points: rows x n equally likely demands (see `demand_points`). Margin = price * sales +
    salvage * leftover - cost * Q; NaN when price or cost are unknown (None).
    """
    d = np.atleast_2d(points)
    q = np.broadcast_to(np.asarray(quantity, dtype=float), (d.shape[0],))
    sales = np.minimum(d, q[:, None]).mean(axis=1)
    mean = d.mean(axis=1)
    leftover = q - sales
    out = {
        "quantity": q.copy(),
        "expected_sales": sales,
        "expected_leftover": leftover,
        "expected_short": mean - sales,
        "p_sellout": (d > q[:, None] + 1e-9).mean(axis=1),
    }
    if price is None or unit_cost is None:
        out["expected_margin"] = np.full(d.shape[0], np.nan)
    else:
        p = np.asarray(price, dtype=float)
        c = np.asarray(unit_cost, dtype=float)
        s = np.asarray(salvage_value, dtype=float)
        out["expected_margin"] = p * sales + s * leftover - c * q
    return out


def outcome(
    levels: object,
    values: object,
    quantity: float,
    *,
    price: float | None = None,
    unit_cost: float | None = None,
    salvage_value: float = 0.0,
) -> Outcome:
    """The expected result of ordering `quantity` for one line (suggestion or owner's number)."""
    pts = demand_points(levels, values)
    o = outcomes(pts, quantity, price=price, unit_cost=unit_cost, salvage_value=salvage_value)
    margin = float(o["expected_margin"][0])
    return Outcome(
        quantity=float(quantity),
        expected_sales=float(o["expected_sales"][0]),
        expected_leftover=float(o["expected_leftover"][0]),
        expected_short=float(o["expected_short"][0]),
        p_sellout=float(o["p_sellout"][0]),
        expected_margin=None if np.isnan(margin) else margin,
    )
