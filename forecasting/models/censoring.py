"""Sell-outs: a day's sales are a lower bound of demand when the product ran out.

A day is censored when a sold-out time is recorded, or when the product sold all that was made:
sold >= produced (only production recorded), leftover == 0 (only leftover recorded), or made =
sold + leftover with leftover == 0 (both recorded, for products whose books balance on at least
90 % of days; stocked goods are judged by the sold-out time only). The treatment replaces the
sales of a censored day by the expected demand given that demand was at least the sales,
E[D | D >= s] under a normal demand around the product's usual level for that weekday, estimated
only from earlier days. The models then train on (and take lags of) that estimate.
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd

MIN_HISTORY = 3


def censored_mask(sales: pd.DataFrame, dates: pd.DatetimeIndex, products: list[str]) -> np.ndarray:
    """[day, product] True where the recorded sales are a lower bound (the product sold out)."""
    flags = pd.Series(False, index=sales.index)
    if "sold_out_time" in sales.columns:
        so = sales["sold_out_time"]
        flags |= so.notna() & (so.astype(object).astype(str).str.strip() != "")
    nan = pd.Series(float("nan"), index=sales.index)
    produced = pd.to_numeric(sales.get("produced", nan), errors="coerce")
    leftover = pd.to_numeric(sales.get("leftover", nan), errors="coerce")
    qty = sales["quantity"]
    # sold everything that was made that day (only where production was recorded and > 0)
    flags |= produced.notna() & leftover.isna() & (produced > 0) & (qty >= produced - 1e-9)
    # a day's books that balance (made = sold + left over) with nothing left over; stocked goods
    # (deliveries every few days, leftover = written off) do not balance and are not flagged
    both = produced.notna() & leftover.notna()
    balanced = both & ((produced - qty - leftover).abs() < 0.5)
    # only products whose books balance on (nearly) every recorded day are made daily
    share = balanced.groupby(sales["product"]).sum() / both.groupby(sales["product"]).sum()
    daily = sales["product"].map(share.fillna(0.0)).to_numpy(dtype=float) >= 0.9
    flags |= balanced & daily & (produced > 0) & (leftover <= 0)
    flags |= produced.isna() & leftover.notna() & (leftover <= 0) & (qty > 0)
    frame = sales.assign(_c=flags.astype(float))
    table = frame.pivot_table(index="date", columns="product", values="_c", aggfunc="max")
    table = table.reindex(index=dates, columns=products)
    return table.fillna(0.0).to_numpy(dtype=float) > 0


def _same_weekday_stats(y: np.ndarray, ok: np.ndarray, weeks: int) -> tuple[np.ndarray, np.ndarray]:
    """Mean and std of the previous `weeks` same-weekday values where `ok` (strictly earlier days)."""
    n, p = y.shape
    stack = np.full((weeks, n, p), np.nan)
    masked = np.where(ok, y, np.nan)
    for j in range(1, min(weeks, (n - 1) // 7) + 1):  # a young shop has fewer weeks before
        stack[j - 1, 7 * j :] = masked[: n - 7 * j]
    count = np.isfinite(stack).sum(axis=0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        mean = np.nanmean(stack, axis=0)
        std = np.nanstd(stack, axis=0)
    mean[count < MIN_HISTORY] = np.nan
    return mean, std


def uncensor(y: np.ndarray, censored: np.ndarray, weeks: int = 8, rounds: int = 3) -> np.ndarray:
    """y with censored days raised to E[D | D >= sales] (never lowered); causal in time.

    The first round takes the usual level from uncensored days only; later rounds include the
    estimates of earlier censored days, so a product that sells out most days still gets lifted.
    """
    if not censored.any():
        return y
    estimate = y
    for k in range(rounds):
        ok = np.isfinite(estimate) & (~censored if k == 0 else True)
        mean, std = _same_weekday_stats(estimate, ok, weeks)
        estimate = _conditional_mean(y, censored, mean, std)
    return estimate


def _conditional_mean(y: np.ndarray, censored: np.ndarray, mean: np.ndarray, std: np.ndarray
                      ) -> np.ndarray:
    from scipy.stats import norm

    sigma = np.maximum(std, np.maximum(0.15 * np.abs(mean), 1.0))
    with np.errstate(invalid="ignore", divide="ignore"):
        a = (y - mean) / sigma
        tail = norm.sf(a)
        hazard = np.where(tail > 1e-9, norm.pdf(a) / np.maximum(tail, 1e-300), a)
        expected = mean + sigma * hazard
    fallback = y * 1.1  # no history yet: a modest uplift
    estimate = np.where(np.isfinite(expected), np.maximum(expected, y), fallback)
    return np.where(censored & np.isfinite(y), estimate, y)
