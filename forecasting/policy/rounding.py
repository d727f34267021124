"""Practical quantities: whole packs (trays, cases) and minimum orders, judged by the owner's level.

The service level tau is the newsvendor answer for costs (short, leftover) = (tau, 1 - tau); the
expected cost is convex in the quantity, so the best allowed quantity is one of the two allowed
neighbours of the unrounded answer. We pick the cheaper of the two, so rounding neither always
adds nor always removes, and it keeps the level the owner asked for on average.
"""

from __future__ import annotations

import dataclasses

import numpy as np

_EPS = 1e-9


@dataclasses.dataclass(frozen=True)
class Rounded:
    """The quantity to order and which rule moved it: "rounding", "min_order", "below_min_order"."""

    quantity: float
    rule: str


def _expected_cost(points: np.ndarray, q: np.ndarray, level: np.ndarray) -> np.ndarray:
    sales = np.minimum(points, q[:, None]).mean(axis=1)
    short = points.mean(axis=1) - sales
    leftover = q - sales
    return level * short + (1.0 - level) * leftover


def round_quantities(
    points: np.ndarray,
    raw: object,
    *,
    pack_size: object = 1.0,
    min_order: object = 0.0,
    level: object = 0.8,
) -> tuple[np.ndarray, np.ndarray]:
    """Allowed quantities per row and the rule codes (0 rounding, 1 min_order, 2 below_min_order).

    Allowed: 0 and whole packs of at least `min_order`. points: rows x n equally likely demands.
    """
    d = np.atleast_2d(points)
    n = d.shape[0]
    x = np.clip(np.broadcast_to(np.asarray(raw, dtype=float), (n,)), 0.0, None)
    pack = np.broadcast_to(np.asarray(pack_size, dtype=float), (n,))
    pack = np.where(pack > 0, pack, 1.0)
    lvl = np.broadcast_to(np.asarray(level, dtype=float), (n,))
    smallest = np.maximum(np.ceil(np.asarray(min_order, dtype=float) / pack - _EPS), 1.0) * pack
    below = np.floor(x / pack + _EPS) * pack
    above = np.ceil(x / pack - _EPS) * pack
    in_gap = x < smallest - _EPS
    low = np.where(in_gap, 0.0, below)
    high = np.where(in_gap, smallest, np.maximum(above, smallest))
    low = np.where(~in_gap & (low < smallest - _EPS), 0.0, low)
    pick_high = _expected_cost(d, high, lvl) < _expected_cost(d, low, lvl) - 1e-12
    q = np.where(pick_high, high, low)
    q = np.where(x <= _EPS, 0.0, q)
    needs_min = smallest > pack + _EPS
    rule = np.zeros(n, dtype=int)
    rule = np.where(in_gap & needs_min & (q > 0), 1, rule)
    rule = np.where(in_gap & needs_min & (q == 0) & (x > _EPS), 2, rule)
    return q, rule


RULES = ("rounding", "min_order", "below_min_order")


def round_quantity(
    points: np.ndarray, raw: float, *, pack_size: float, min_order: float, level: float
) -> Rounded:
    """One line's allowed quantity (see `round_quantities`)."""
    q, rule = round_quantities(
        np.atleast_2d(points), raw, pack_size=pack_size, min_order=min_order, level=level
    )
    return Rounded(float(q[0]), RULES[int(rule[0])])
