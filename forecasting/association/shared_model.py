"""The effects shops share, as one multiplicative model per product category: demand of product p
on day d = level(p) x exp(x(d) . beta), fitted as a Poisson regression with one level per product.

The levels (amounts) stay in the shop; only beta travels: log-ratios on calendar, weather and
weekday columns that mean the same in every shop. A prior pools each column's beta over the
contributions, weighted by the product-days that column rests on. A shop using the prior
estimates each product's level from its own recent sales divided by the model's effects on those
days (`forecast`), so the association supplies what a new shop cannot know yet (how a school
holiday, a Christmas market or a rainy Saturday moves a category) and the shop supplies its size.

Measured (benchmarks/association_bound.py): a forecast that knew the demo world's effects exactly
and estimated only the level this way would remove almost all of a new shop's avoidable loss.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from calendars.features import FeatureTable
from calendars.weather_forecast import RAINY_DAY_MM

# calendar columns taken as they are (0/1 or a number); names of calendars/features.py
CALENDAR = ("season_sin1", "season_cos1", "season_sin2", "season_cos2", "holiday", "holiday_eve",
            "holiday_after", "bridge_day", "christmas_eve", "new_years_eve", "school_holiday",
            "summer_holiday", "event_weekly_market", "event_town_festival", "event_fair",
            "event_football_home", "event_concert", "event_christmas_market",
            "event_construction")
PAYDAY_DAYS = 3  # the payday and the two days after it, one column each
MILD_DEGREES = 10.0  # temperature columns: per 10 degrees around this, and above WARM_DEGREES
WARM_DEGREES = (15.0, 20.0)
HOT_MAX_DEGREES = 26.0  # daily maximum above which a bakery's footfall falls
COLUMNS = (
    *(f"weekday_{k}" for k in range(1, 7)),  # against Monday
    *CALENDAR,
    "dec_23", "between_years",  # 23.12. and 27.-30.12.: no calendar column says them
    *(f"payday_{k}" for k in range(PAYDAY_DAYS)),
    "temperature", *(f"temperature_above_{int(t)}" for t in WARM_DEGREES), "hot_day", "rainy_day",
    "promotion",
)
# a value is shared only if it rests on at least this many product-days (the effects, too)
MIN_CELL = 30
MIN_ROWS = 200  # a category is fitted only on at least this many product-days
MAX_COEF = 3.0  # |beta| above this is clipped (a factor of 20): never a real calendar effect
LEVEL_DAYS = 84  # the product's level: its own sales over this many days before the origin
MIN_LEVEL_DAYS = 7  # ... on at least this many days with sales records
# a new product's level starts from its category's median level, worth this many days of its own
# sales (launch_level). Validation 2024-10-02 .. 2024-12-31, products younger than 8 weeks against
# none (no forecast in a product's first week): one launch per shop -9.9 % -> 0.5 days -10.9 %,
# 2 days -12.0 %, 5 days -11.1 %; four per shop (benchmarks/association.py --launches 4) -8.3 %
# -> 1 day -11.7 %, 2 days -11.4 %, 5 days -9.6 %; no group worse
LAUNCH_DAYS = 2.0


def design(features: FeatureTable | None, dates: pd.DatetimeIndex) -> np.ndarray:
    """float [day, COLUMNS without "promotion"]: the shared model's columns on `dates`; a column
    the calendar does not have is 0 (not special; weather unknown = mild and dry)."""
    n = len(dates)
    frame = None
    if features is not None and features.frame is not None:
        frame = features.frame.copy()
        frame.index = pd.DatetimeIndex(frame.index).normalize()
        frame = frame.reindex(dates)

    def col(name: str, fill: float = 0.0) -> np.ndarray:
        if frame is None or name not in frame.columns:
            return np.full(n, fill)
        return np.nan_to_num(frame[name].to_numpy(dtype=float), nan=fill)

    weekday = dates.day_of_week.to_numpy()
    out = [(weekday == k).astype(float) for k in range(1, 7)]
    out += [col(name) for name in CALENDAR]
    month, day = dates.month.to_numpy(), dates.day.to_numpy()
    out.append(((month == 12) & (day == 23)).astype(float))
    out.append(((month == 12) & (day >= 27) & (day <= 30)).astype(float))
    since = col("days_since_payday", -1.0)
    out += [(since == k).astype(float) for k in range(PAYDAY_DAYS)]
    temp = col("temperature", MILD_DEGREES)
    out.append((temp - MILD_DEGREES) / 10.0)
    out += [np.maximum(temp - t, 0.0) / 10.0 for t in WARM_DEGREES]
    out.append(np.maximum(col("temperature_max", MILD_DEGREES) - HOT_MAX_DEGREES, 0.0) / 10.0)
    out.append((col("precipitation") >= RAINY_DAY_MM).astype(float))
    return np.column_stack(out)


def rows_of(x_days: np.ndarray, promotion: np.ndarray | None, days: np.ndarray,
            products: np.ndarray) -> np.ndarray:
    """float [row, COLUMNS] for the product-days (days[i], products[i])."""
    promo = (np.zeros(len(days)) if promotion is None
             else (promotion[days, products] > 0).astype(float))
    return np.column_stack([x_days[days], promo])


def fit_category(y: np.ndarray, x: np.ndarray, product: np.ndarray,
                 fixed: np.ndarray | None = None, counts: bool = True) -> dict[str, Any] | None:
    """beta of one category (or of the whole shop): Poisson regression of y on the columns of x
    active on at least MIN_CELL product-days and one level per product (a dummy column each),
    with `fixed` (log, per row) for the effects taken from elsewhere; None with too few
    product-days or if the fit fails. The levels are dropped: they are the shop's amounts.
    "shape": the gamma shape k of the demand around the fit (variance mu + mu^2 / k, moment
    estimate), 0 unless the quantities are counts (`counts`): in kilograms it means nothing."""
    import statsmodels.api as sm

    if len(y) < MIN_ROWS or y.sum() <= 0:
        return None
    active = (x != 0).sum(axis=0)
    use = np.flatnonzero((active >= MIN_CELL) & (x.std(axis=0) > 0))
    codes, uniques = pd.factorize(product)
    levels = np.zeros((len(y), len(uniques)))
    levels[np.arange(len(y)), codes] = 1.0
    sold = np.bincount(codes, y, minlength=len(uniques)) > 0
    full = np.hstack([levels[:, sold], x[:, use]])  # a product that never sold: no level
    keep = sold[codes]
    offset = np.zeros(len(y)) if fixed is None else fixed
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            fitted = sm.GLM(y[keep], full[keep], family=sm.families.Poisson(),
                            offset=offset[keep]).fit(maxiter=100)
    except (ValueError, np.linalg.LinAlgError):
        return None
    params = np.asarray(fitted.params, dtype=float)
    beta = params[int(sold.sum()):]
    mu = np.asarray(fitted.mu, dtype=float)
    y = y[keep]
    if not np.all(np.isfinite(params)):
        return None
    excess = float(((y - mu) ** 2 - y).sum())
    shape = float((mu**2).sum() / excess) if excess > 0 else 1000.0
    return {"columns": [COLUMNS[k] for k in use],
            "coef": [round(float(np.clip(b, -MAX_COEF, MAX_COEF)), 4) for b in beta],
            "n": [int(active[k]) for k in use],
            "product_days": len(y),
            "shape": round(min(max(shape, 0.5), 1000.0), 3) if counts else 0.0}


def whole_numbers(sales: np.ndarray) -> np.ndarray:
    """[product] whether every recorded quantity (sales [day, product], NaN: none) is a whole
    number, i.e. the product is counted in pieces (a product sold by weight is not)."""
    known = np.isfinite(sales)
    return ~(known & (np.abs(sales - np.round(sales)) > 1e-9)).any(axis=0)


def fit_shop(y: np.ndarray, closed: np.ndarray, x_days: np.ndarray,
             promotion: np.ndarray | None, categories: Sequence[str],
             counts: np.ndarray | None = None) -> dict[str, Any]:
    """The shop's model over its known product-days (y [day, product], sell-outs raised; closed
    days and NaN left out): "all", one fit over every product, and per category a fit of the
    columns the category has MIN_CELL product-days of, the rest fixed at the shop's ("all")
    values. So a rare day (Christmas Eve in a category of three products) still counts, from
    the whole shop, and no value rests on fewer than MIN_CELL product-days. counts: [product]
    counted in pieces (whole_numbers of the recorded sales; None: all are); a fit's shape only
    where all its products are."""
    days, products = np.nonzero(np.isfinite(y) & ~closed[:, None])
    x = rows_of(x_days, promotion, days, products)
    values = y[days, products]
    counted = np.ones(y.shape[1], dtype=bool) if counts is None else np.asarray(counts)
    overall = fit_category(values, x, products, counts=bool(counted.all()))
    beta_all = coefficients(overall) if overall else np.zeros(len(COLUMNS))
    cats = np.asarray(list(categories), dtype=object)[products]
    out: dict[str, Any] = {}
    for cat in sorted(set(categories)):
        mask = cats == cat
        rare = (x[mask] != 0).sum(axis=0) < MIN_CELL
        fixed = x[mask][:, rare] @ beta_all[rare]
        entry = fit_category(values[mask], x[mask], products[mask], fixed,
                             counts=bool(counted[products[mask]].all()))
        if entry is not None:
            out[cat] = entry
    return {"categories": out, "all": overall} if overall else {"categories": out}


def shapes(model: dict[str, Any], categories: Sequence[str]) -> np.ndarray:
    """[product] the gamma shape of the demand around the model's forecast: its category's, else
    the whole shop's ("all"); NaN where neither is known (0 in the file: not counted in pieces)."""
    overall = float((model.get("all") or {}).get("shape", 0.0))
    entries = model.get("categories", {})
    out = np.array([float(entries[c]["shape"]) if c in entries else overall for c in categories])
    return np.where(out > 0, out, np.nan)


def pool(parts: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """The prior's model: per category, and "all" over the shops' whole-shop fits, each column's
    beta as the mean over the contributions that fitted it, weighted by the product-days it
    rests on there."""
    by_cat: dict[str, list[dict[str, Any]]] = {}
    for part in parts:
        for cat, entry in part.get("categories", {}).items():
            by_cat.setdefault(cat, []).append(entry)
    out = {cat: _pooled(entries) for cat, entries in sorted(by_cat.items())}
    out = {cat: entry for cat, entry in out.items() if entry is not None}
    overall = _pooled([part["all"] for part in parts if part.get("all")])
    return {"categories": out, "all": overall} if overall else {"categories": out}


def _pooled(entries: Sequence[dict[str, Any]]) -> dict[str, Any] | None:
    weight: dict[str, float] = {}
    total: dict[str, float] = {}
    for entry in entries:
        for name, coef, n in zip(entry["columns"], entry["coef"], entry["n"], strict=True):
            weight[name] = weight.get(name, 0.0) + n
            total[name] = total.get(name, 0.0) + n * coef
    names = [c for c in COLUMNS if weight.get(c, 0) >= MIN_CELL]
    if not names:
        return None
    days = sum(int(e["product_days"]) for e in entries)
    counted = [e for e in entries if float(e["shape"]) > 0]  # 0: not counted in pieces
    shape = (sum(float(e["shape"]) * int(e["product_days"]) for e in counted)
             / max(sum(int(e["product_days"]) for e in counted), 1))
    return {"columns": names, "coef": [round(total[c] / weight[c], 4) for c in names],
            "n": [int(weight[c]) for c in names], "product_days": days,
            "shape": round(shape, 3), "shops": len(entries)}


def problem(model: Any) -> str | None:
    """What is wrong with a shared model read from a file (None if nothing): every entry's lists
    of equal length, known column names, finite numbers, no negative count."""
    if model is None:
        return None
    if not isinstance(model, dict) or not isinstance(model.get("categories", {}), dict):
        return "shared_model"
    entries = [(f"shared_model/{cat}", e) for cat, e in model.get("categories", {}).items()]
    if "all" in model:
        entries.append(("shared_model/all", model["all"]))
    for where, entry in entries:
        if not isinstance(entry, dict):
            return where
        columns, coef, n = entry.get("columns"), entry.get("coef"), entry.get("n")
        if not (isinstance(columns, list) and isinstance(coef, list) and isinstance(n, list)
                and len(columns) == len(coef) == len(n)):
            return where
        if any(c not in COLUMNS for c in columns):
            return where
        numbers = [*coef, *n, entry.get("product_days"), entry.get("shape")]
        if not all(isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)
                   for v in numbers):
            return where
        if min([*n, entry["product_days"], entry["shape"]]) < 0:
            return where
    return None


def coefficients(*entries: dict[str, Any] | None) -> np.ndarray:
    """beta over all COLUMNS, clipped to MAX_COEF: each column from the first entry that has it
    (a category's own, then the whole shop's or association's), else 0."""
    beta = np.zeros(len(COLUMNS))
    for entry in reversed([e for e in entries if e]):
        for name, coef in zip(entry["columns"], entry["coef"], strict=True):
            beta[COLUMNS.index(name)] = float(np.clip(coef, -MAX_COEF, MAX_COEF))
    return beta


def product_effect(model: dict[str, Any], category: str, x_days: np.ndarray,
                   promotion: np.ndarray | None, product: int) -> np.ndarray | None:
    """[day] exp(x . beta) of one product: beta of its category (each column it lacks from
    "all"), its promotion days from `promotion` [day, product]; None if the model has neither."""
    own, overall = model.get("categories", {}).get(category), model.get("all")
    if own is None and overall is None:
        return None
    promo = (np.zeros(len(x_days)) if promotion is None
             else (promotion[:, product] > 0).astype(float))
    x = np.column_stack([x_days, promo])
    return np.exp(np.clip(x @ coefficients(own, overall), -MAX_COEF * 4, MAX_COEF * 4))


def forecast(model: dict[str, Any], y: np.ndarray, closed: np.ndarray, x_days: np.ndarray,
             promotion: np.ndarray | None, categories: Sequence[str], days: np.ndarray,
             horizon: int) -> np.ndarray:
    """[len(days), product] level x exp(x . beta): beta of the product's category, each column it
    lacks from "all", the level its own sales over the LEVEL_DAYS up to d - horizon divided by the
    model's effects on those days; NaN with fewer than MIN_LEVEL_DAYS of them, but a new product
    (fewer than MIN_LEVEL_DAYS ever) starts from the median level of its category's other products,
    its own days added as they come (launch_level)."""
    p = y.shape[1]
    out = np.full((len(days), p), np.nan)
    known = np.isfinite(y) & ~closed[:, None]
    last = np.maximum(np.asarray(days) - horizon + 1, 0)  # rows [first, last) are known
    first = np.maximum(last - LEVEL_DAYS, 0)
    sold = np.full((len(days), p), np.nan)
    effects = np.full((len(days), p), np.nan)
    count = np.zeros((len(days), p))
    ever = np.zeros((len(days), p))  # known days since the first, up to the origin
    for j, cat in enumerate(categories):
        effect = product_effect(model, cat, x_days, promotion, j)
        if effect is None:
            continue
        c_sales = np.concatenate([[0.0], np.cumsum(np.where(known[:, j], y[:, j], 0.0))])
        c_weight = np.concatenate([[0.0], np.cumsum(np.where(known[:, j], effect, 0.0))])
        c_count = np.concatenate([[0], np.cumsum(known[:, j])])
        sold[:, j] = c_sales[last] - c_sales[first]
        effects[:, j] = c_weight[last] - c_weight[first]
        count[:, j] = c_count[last] - c_count[first]
        ever[:, j] = c_count[last]
        out[:, j] = effect[days]
    enough = (effects > 0) & (count >= MIN_LEVEL_DAYS)
    with np.errstate(invalid="ignore", divide="ignore"):
        level = np.where(enough, sold / effects, np.nan)
    new = ever < MIN_LEVEL_DAYS  # not a product back from a break: its own models know it
    level = np.where(new, launch_level(level, sold, effects, categories), level)
    return level * out


def launch_level(level: np.ndarray, sold: np.ndarray, effects: np.ndarray,
                 categories: Sequence[str]) -> np.ndarray:
    """[day, product] the level of a product with too few days of its own: the median level of
    the other products of its category that day, as LAUNCH_DAYS days of sales, plus its own days
    (the gamma-Poisson posterior mean); NaN where the category has no product with a level."""
    names = np.asarray(categories, dtype=object)
    start = np.full(level.shape, np.nan)
    for cat in set(categories):
        cols = names == cat
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            start[:, cols] = np.nanmedian(level[:, cols], axis=1)[:, None]
    with np.errstate(invalid="ignore", divide="ignore"):
        return (LAUNCH_DAYS * start + np.nan_to_num(sold)) / (LAUNCH_DAYS + np.nan_to_num(effects))
