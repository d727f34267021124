"""Lag and rolling features known at the forecast origin (horizon-aware), on [day, product] arrays.

For a target day d and horizon h only days <= d - h are used. Every feature is expressed relative
to the product's scale s(d): its recent level times its weekday profile ("the typical amount for
that weekday"), so one global model serves products of any size and the model's output times s is
the forecast.
"""

from __future__ import annotations

import warnings

import numpy as np

from forecasting.models.occasions import last_time

# feature name -> explanation group
LAG_GROUPS: dict[str, str] = {
    "sw1": "baseline",
    "sw2": "baseline",
    "sw_mean4": "baseline",
    "sw_mean8": "baseline",
    "sunday_level": "baseline",
    "roll3": "recent_level",
    "roll7": "recent_level",
    "roll14": "recent_level",
    "trend": "recent_level",
    "sellout_share": "sellouts",
    "sellout_last": "sellouts",
    "zero_share": "other",
    "log_scale": "other",
    "age": "other",
    "occasion_last": "occasion",
    "shop_last": "recent_level",
    "shop_roll3": "recent_level",
    "shop_roll7": "recent_level",
    "smooth_fast": "baseline",
    "smooth_slow": "baseline",
}
LEVEL_DAYS = 28
SMOOTHING = (("smooth_fast", 0.15, 0.05), ("smooth_slow", 0.04, 0.02))  # name, level, weekday
SPIKE_FACTOR = 2.5
PROFILE_WEEKS = 12
YEAR_DAYS = 364  # 52 weeks: the same weekday a year before
PAUSE_DAYS = 56  # a break up to this long restarts at the last level, a longer one at last year's


def shift(a: np.ndarray, k: int) -> np.ndarray:
    """a moved k days later along axis 0 (the first k rows become NaN)."""
    out = np.full_like(a, np.nan, dtype=float)
    if k < len(a):
        out[k:] = a[: len(a) - k]
    return out


def rolling_mean(a: np.ndarray, window: int, min_count: int = 1) -> np.ndarray:
    """Mean of the finite values in the `window` days ending at each day (inclusive)."""
    finite = np.isfinite(a)
    zeros = np.zeros((1, *a.shape[1:]))
    cs = np.concatenate([zeros, np.cumsum(np.where(finite, a, 0.0), axis=0)])
    cn = np.concatenate([zeros, np.cumsum(finite, axis=0)])
    idx = np.arange(1, len(a) + 1)
    lo = np.maximum(idx - window, 0)
    total, count = cs[idx] - cs[lo], cn[idx] - cn[lo]
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(count >= min_count, total / count, np.nan)


def same_weekday_mean(a: np.ndarray, first_lag: int, weeks: int, min_count: int = 1) -> np.ndarray:
    """Mean of the values 7 * j + first_lag days earlier, j = 0 .. weeks - 1 (finite ones)."""
    stack = np.stack([shift(a, first_lag + 7 * j) for j in range(weeks)])
    count = np.isfinite(stack).sum(axis=0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        mean = np.nanmean(stack, axis=0)
    return np.where(count >= min_count, mean, np.nan)


def clean_for_lags(y: np.ndarray) -> np.ndarray:
    """Damp one-off spikes (a catering order) so they do not echo into next week's forecast."""
    typical = same_weekday_mean(y, 7, 8, min_count=3)
    level = rolling_mean(shift(y, 1), 28, min_count=5)
    ref = np.fmax(typical, level)
    cap = SPIKE_FACTOR * ref + 3.0
    return np.where(np.isfinite(cap) & np.isfinite(y), np.minimum(y, cap), y)


def weekday_base_lag(horizon: int) -> int:
    """The most recent same-weekday lag usable at this horizon (7 for horizons 1..7)."""
    return 7 * max(1, -(-horizon // 7))


def scale(y: np.ndarray, horizon: int, groups: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """The product's typical amount for each day's weekday, known at the origin; and a borrowed flag.

    s = (mean of the last 28 days) x (weekday profile over the last 12 weeks). A product that was
    off sale for a while (a seasonal bread in its first weeks back) restarts at its own figures
    (`own_level`, its last weekday profile); one without any history of its own borrows the
    weekday profile and the level from the mean of the products in its group (category), or from
    all products.
    """
    n, p = y.shape
    base = weekday_base_lag(horizon)
    level = shift(rolling_mean(y, LEVEL_DAYS, min_count=3), horizon)
    long_mean = shift(rolling_mean(y, 7 * PROFILE_WEEKS, min_count=7), horizon)
    wd_mean = same_weekday_mean(y, base, PROFILE_WEEKS, min_count=3)
    with np.errstate(invalid="ignore", divide="ignore"):
        profile = wd_mean / long_mean
    profile = np.where(long_mean > 0, profile, np.nan)
    level = np.where(np.isfinite(level), level, own_level(y, level, horizon))
    profile = np.where(np.isfinite(profile), profile, same_weekday_carried(profile))
    groups = np.zeros(p, dtype=int) if groups is None else np.asarray(groups)
    borrowed = np.zeros((n, p), dtype=bool)
    for g in np.unique(groups):
        cols = groups == g
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            g_profile = np.nanmedian(profile[:, cols], axis=1)
            all_profile = np.nanmedian(profile, axis=1)
            g_level = np.nanmedian(level[:, cols], axis=1)
        g_profile = np.where(np.isfinite(g_profile), g_profile, all_profile)
        miss = ~np.isfinite(profile[:, cols])
        profile[:, cols] = np.where(miss, g_profile[:, None], profile[:, cols])
        lmiss = ~np.isfinite(level[:, cols])
        level[:, cols] = np.where(lmiss, g_level[:, None], level[:, cols])
        borrowed[:, cols] = miss | lmiss
    profile = np.where(np.isfinite(profile), profile, 1.0)
    s = level * profile
    return s, borrowed


def carried(a: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """a's last finite value carried forward along the days, and how many days old it is."""
    n = len(a)
    index = np.where(np.isfinite(a), np.arange(n)[:, None], -1)
    last = np.maximum.accumulate(index, axis=0)
    values = np.take_along_axis(a, np.maximum(last, 0), axis=0)
    known = last >= 0
    return np.where(known, values, np.nan), np.where(known, np.arange(n)[:, None] - last, n)


def same_weekday_carried(a: np.ndarray) -> np.ndarray:
    """a's last finite value of the same weekday (7, 14, ... days before) carried forward."""
    out = np.full_like(a, np.nan, dtype=float)
    for r in range(7):
        out[r::7] = carried(a[r::7])[0]
    return out


def own_level(y: np.ndarray, level: np.ndarray, horizon: int) -> np.ndarray:
    """A product's level where its 28-day mean is unknown: its last known level if that is at most
    PAUSE_DAYS old, else what it sold in the 28 days from the same day a year before (a season's
    restart at last season's level), else its last known level (NaN without any history)."""
    last, age = carried(level)
    lag = max(YEAR_DAYS - LEVEL_DAYS + 1, horizon)
    year_ago = shift(rolling_mean(y, LEVEL_DAYS, min_count=3), lag)
    out = np.where(np.isfinite(year_ago), year_ago, last)
    return np.where(np.isfinite(last) & (age <= PAUSE_DAYS), last, out)


def lag_features(
    y: np.ndarray,
    censored: np.ndarray,
    s: np.ndarray,
    horizon: int,
    first: np.ndarray,
    first_weekday: int,
    occasion: np.ndarray | None = None,
) -> dict[str, np.ndarray]:
    """Lag features for every [day, product], relative to the scale s.

    sunday_level is the recent Sunday amount: a public holiday sells like a Sunday.
    occasion: per day the matching day of the same occasion last time (occasions.matches), -1
    for none; occasion_last is the amount there relative to that day's s.
    """
    n, _p = y.shape
    base = weekday_base_lag(horizon)
    clean = clean_for_lags(y)
    floor = np.fmax(s, 0.5)
    level28 = shift(rolling_mean(clean, 28, min_count=3), horizon)
    level182 = shift(rolling_mean(clean, 182, min_count=14), horizon)
    feats: dict[str, np.ndarray] = {
        "sw1": shift(clean, base) / floor,
        "sw2": shift(clean, base + 7) / floor,
        "sw_mean4": same_weekday_mean(clean, base, 4) / floor,
        "sw_mean8": same_weekday_mean(clean, base, 8) / floor,
    }
    with np.errstate(invalid="ignore", divide="ignore"):
        lvl = np.fmax(level28, 0.5)
        feats["roll3"] = shift(rolling_mean(clean, 3), horizon) / lvl
        feats["roll7"] = shift(rolling_mean(clean, 7), horizon) / lvl
        feats["roll14"] = shift(rolling_mean(clean, 14), horizon) / lvl
        feats["trend"] = level28 / np.fmax(level182, 0.5)
    observed = np.where(np.isfinite(y), 1.0, np.nan)
    feats["sellout_share"] = shift(rolling_mean(np.where(censored, 1.0, observed * 0), 28), horizon)
    feats["sellout_last"] = shift(np.where(censored, 1.0, observed * 0), base)
    feats["zero_share"] = shift(rolling_mean(np.where(y == 0, 1.0, observed * 0), 28), horizon)
    weekdays = (np.arange(n) + first_weekday) % 7
    sundays = np.where((weekdays == 6)[:, None], clean, np.nan)
    feats["sunday_level"] = shift(rolling_mean(sundays, 56, min_count=2), horizon) / floor
    match = np.full(n, -1) if occasion is None else occasion
    with np.errstate(invalid="ignore", divide="ignore"):
        feats["occasion_last"] = last_time(clean / floor, match, horizon)
    feats.update(shop_surprise(clean, s, horizon))
    feats.update(smoothed(clean, floor, horizon, first_weekday))
    feats["log_scale"] = np.log1p(np.fmax(s, 0.0))
    age = np.arange(n)[:, None] - first[None, :] - horizon
    feats["age"] = np.minimum(age, 365).astype(float)
    return feats


def shop_surprise(clean: np.ndarray, s: np.ndarray, horizon: int) -> dict[str, np.ndarray]:
    """How the whole shop sold against its typical amounts lately (pooled over products).

    Per day: the sum of the products' amounts over the sum of their typical amounts s (products
    with both known); the last known day and the means of the last 3 and 7 known days. Pooling
    gives a steadier read of "a busy week" than any single product's noisy figures.
    """
    ok = np.isfinite(clean) & np.isfinite(s) & (s > 0)
    total = np.where(ok, clean, 0.0).sum(axis=1)
    typical = np.where(ok, s, 0.0).sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        ratio = np.where(typical > 0, total / typical, np.nan)[:, None]
    p = clean.shape[1]
    out = {
        "shop_last": shift(ratio, horizon),
        "shop_roll3": shift(rolling_mean(ratio, 3), horizon),
        "shop_roll7": shift(rolling_mean(ratio, 7), horizon),
    }
    return {k: np.repeat(v, p, axis=1) for k, v in out.items()}


def smoothed(clean: np.ndarray, floor: np.ndarray, horizon: int, first_weekday: int
             ) -> dict[str, np.ndarray]:
    """Exponentially smoothed level x weekday factor, as of the origin, relative to s.

    Fixed smoothing constants keep the features strictly causal (nothing is estimated on the days
    they describe); a fast and a slow one let the model weigh recent against settled figures.
    The weekday factors are multiplicative, so after a level shift a Saturday falls in proportion.
    The first observations are averaged plainly (gain 1/k until it reaches the constant), so the
    start needs no separate initialisation.
    """
    n, p = clean.shape
    weekdays = (np.arange(n) + first_weekday) % 7
    out = {}
    for name, alpha, gamma in SMOOTHING:
        level = np.zeros(p)
        factor = np.ones((7, p))
        seen = np.zeros(p)
        seen_wd = np.zeros((7, p))
        pred = np.full((n, p), np.nan)
        for t in range(n):
            obs, wd = clean[t], weekdays[t]
            ok = np.isfinite(obs)
            seen_wd[wd] += ok
            # a weekday the product (almost) never sells on says nothing about its level
            informs = ok & (factor[wd] > 0.05)
            seen += informs
            a = np.where(informs, np.fmax(alpha, 1.0 / np.fmax(seen, 1.0)), 0.0)
            level = level + a * (np.where(informs, obs, 0.0) / np.fmax(factor[wd], 0.05) - level)
            g = np.where(ok & (level > 0), np.fmax(gamma, 1.0 / np.fmax(seen_wd[wd], 1.0)), 0.0)
            ratio = np.where(level > 0, np.where(ok, obs, 0.0) / np.where(level > 0, level, 1.0), 1.0)
            factor[wd] = factor[wd] + g * (ratio - factor[wd])
            if t + horizon < n:
                pred[t + horizon] = np.where(seen > 0, level * factor[weekdays[t + horizon]], np.nan)
        out[name] = pred / floor
    return out
