"""The global LightGBM model: one model for all products of a shop, on a per-product-scaled target.

The target is demand / s (s = the product's typical amount for that weekday), so a prediction is
s * f(x) and the SHAP values of f times s add up exactly to the prediction on the original scale.
`LightGbm` is the blend's member; the functions below it wrap the library.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from forecasting.models.engine import Run
from forecasting.models.member import Member, Mix
from forecasting.progress import Progress

if TYPE_CHECKING:
    from lightgbm import Booster

# One thread: the shop PC is shared with the app, and OpenMP spinning on a busy 2-core machine
# costs far more than it gains (measured: 1.0 s with 1 thread vs 4-11 s with 2 under load).
PARAMS: dict[str, Any] = {
    "objective": "l2",
    "learning_rate": 0.05,
    "num_leaves": 15,
    "min_data_in_leaf": 20,
    "feature_fraction": 0.8,
    "bagging_fraction": 0.8,
    "bagging_freq": 1,
    "lambda_l2": 1.0,
    "max_bin": 63,
    "verbose": -1,
    "num_threads": 1,
    "seed": 7,
    "deterministic": True,
    "force_row_wise": True,
}
NUM_TREES = 300
MIN_ROWS = 50
MAX_RATIO = 4.0
MIN_TRAIN_AGE = 0
# weight s: a row counts by the product's volume (the pooled metrics do so too)
WEIGHT_POWER = 1.0
# its share in the blend beside ETS, learned per day (blend.learned_share)
SHARE_GRID = (0.2, 0.35, 0.5, 0.65, 0.8)
SHARE_DEFAULT = 0.5
OCCASION_MISS_FACTOR = 2.0
OCCASION_MISS_SIGMAS = 3.0
OCCASION_MISS_CLIP = 5.0
# sales are a lower bound of demand: a low last time can be a shortage nobody recorded (sold out
# early, not baked), a high one cannot, so last time lowers a special day at most to half
OCCASION_MISS_FLOOR = 0.5


class LightGbm(Member):
    """The global LightGBM model as a member: the only one that knows occasions and promotions, so
    it stands alone on those days; its share beside ETS is learned per day.

    preset: origin -> an already trained booster to use instead of fitting (a saved model).
    Fitted: booster_ (the last booster fitted, for explanations and saving), origin_ (its origin),
    occasion_adjust_ ([day, product] the factor of last time's miss, 1 elsewhere).
    """

    name = "lgbm"
    special_days = True
    phase = "forecast.lightgbm"
    mix = Mix(SHARE_GRID, SHARE_DEFAULT, required=True)

    def __init__(self, num_trees: int = NUM_TREES, preset: dict[int, Booster] | None = None
                 ) -> None:
        self.num_trees = num_trees
        self.preset = preset if preset is not None else {}
        self.booster_: Booster | None = None
        self.origin_ = -1
        self.occasion_adjust_: np.ndarray | None = None

    def fit(self, run: Run, origin: int, progress: Progress) -> bool:
        """Train on the target days <= origin (or take the preset booster for this origin)."""
        progress.report(0.0, "forecast.lightgbm")
        try:
            booster = self.preset.get(origin) or self.train(run, origin)
        except Exception as exc:
            run.errors.append(f"lgbm: {exc}")
            return False
        if booster is None:
            return False
        self.booster_, self.origin_ = booster, origin
        return True

    def train(self, run: Run, origin: int) -> Booster | None:
        """A booster trained on the target days <= origin; None if there are too few rows."""
        rows = train_rows(run, origin)
        if len(rows) < MIN_ROWS:
            return None
        y = run.y.reshape(-1)[rows]
        s = run.s.reshape(-1)[rows]
        d = run.design
        matrix = d.matrix[rows]
        for name, gate in d.gates.items():
            if not gate[origin]:  # a column closed at this origin: learned from nowhere
                matrix[:, d.names.index(name)] = np.nan
        return fit(matrix, y / s, s**WEIGHT_POWER, d.names, d.categorical,
                   num_trees=self.num_trees)

    def predict(self, run: Run, days: np.ndarray) -> np.ndarray:
        """s x the scaled prediction x last time's miss on special days (_last_miss)."""
        n, p = run.y.shape
        rows = (days[:, None] * p + np.arange(p)[None, :]).reshape(-1)
        pred = predict(self.booster_, run.design.matrix[rows]).reshape(len(days), p)
        if self.occasion_adjust_ is None:
            self.occasion_adjust_ = np.ones((n, p))
        self.occasion_adjust_[days] = self._last_miss(run, days)
        out = pred * run.s[days] * self.occasion_adjust_[days]
        age_ok = days[:, None] >= run.panel.first[None, :]
        return np.where(age_ok & np.isfinite(run.s[days]), out, np.nan)

    def _last_miss(self, run: Run, block: np.ndarray) -> np.ndarray:
        """[len(block), product] multiplier of the forecast: on a special day, what sold on the
        same occasion last time over what this model forecasts for that day, where it missed by
        more than a factor OCCASION_MISS_FACTOR and by more than OCCASION_MISS_SIGMAS x count
        noise.

        A tree needs many rows per leaf; a product's one big day a year (Silvester: seven times
        the usual cakes) has three or four, so the model stays far below it every year. Last
        time's miss says by how much, and both figures are known at the origin. Smaller misses
        are noise.
        """
        p = run.y.shape[1]
        out = np.ones((len(block), p))
        m = run.match[block]
        use = run.special[block] & (m >= 0) & (m <= block - run.horizon)
        if not use.any():
            return out
        days = m[use]
        rows = (days[:, None] * p + np.arange(p)[None, :]).reshape(-1)
        then = predict(self.booster_, run.design.matrix[rows]).reshape(len(days), p) * run.s[days]
        sold = run.y[days]
        with np.errstate(invalid="ignore", divide="ignore"):
            miss = sold / then
            far = np.abs(np.log(np.where(miss > 0, miss, 1.0))) > np.log(OCCASION_MISS_FACTOR)
        far &= np.isfinite(miss) & (then > 0)
        far &= np.abs(sold - then) > OCCASION_MISS_SIGMAS * np.sqrt(np.fmax(then, 1.0))
        out[use] = np.where(far, np.clip(miss, OCCASION_MISS_FLOOR, OCCASION_MISS_CLIP), 1.0)
        return out

    def scale(self, run: Run) -> np.ndarray:
        """s, times last time's miss where that scaled the forecast (its spread scales too)."""
        return run.s if self.occasion_adjust_ is None else run.s * self.occasion_adjust_

    def amounts(self, run: Run, day: int, product: int) -> dict[str, float]:
        """SHAP values of the scaled model times s, the bias to "baseline"; where last time's miss
        scaled the forecast, that part goes to "occasion"."""
        if self.booster_ is None:
            return super().amounts(run, day, product)
        p = run.y.shape[1]
        row = run.design.matrix[day * p + product : day * p + product + 1]
        contrib = contributions(self.booster_, row)[0] * run.s[day, product]
        out: dict[str, float] = {"baseline": float(contrib[-1])}
        for k, group in enumerate(run.design.groups):
            out[group] = out.get(group, 0.0) + float(contrib[k])
        adjust = 1.0 if self.occasion_adjust_ is None else float(self.occasion_adjust_[day, product])
        if adjust != 1.0:  # last time's miss on this occasion (_last_miss)
            out["occasion"] = out.get("occasion", 0.0) + (adjust - 1.0) * float(contrib.sum())
        return out


def train_rows(run: Run, last_target: int) -> np.ndarray:
    """Flat [day, product] rows to train on: known days <= last_target with a usable scale."""
    n, _p = run.y.shape
    t = np.arange(n)[:, None]
    ok = (
        (t <= last_target)
        & np.isfinite(run.y)
        & np.isfinite(run.s)
        & (run.s > 0)
        & ~run.panel.closed[:, None]
        & (t >= run.panel.first[None, :] + MIN_TRAIN_AGE)
    )
    return np.flatnonzero(ok.reshape(-1))


def fit(
    rows: np.ndarray,
    target: np.ndarray,
    weight: np.ndarray,
    names: list[str],
    categorical: list[str],
    *,
    num_trees: int = NUM_TREES,
    params: dict[str, Any] | None = None,
) -> Booster:
    """Train a booster on feature rows (float32) for target = demand / s, weighted by s."""
    import lightgbm as lgb

    merged = {**PARAMS, **(params or {})}
    data = lgb.Dataset(
        rows,
        label=np.clip(target, 0.0, MAX_RATIO),
        weight=weight,
        feature_name=names,
        categorical_feature=categorical,
        free_raw_data=True,
        params={"max_bin": merged["max_bin"], "verbose": -1},
    )
    return lgb.train(merged, data, num_boost_round=num_trees)


def predict(booster: Booster, rows: np.ndarray) -> np.ndarray:
    """The scaled prediction f(x) (multiply by s)."""
    return np.asarray(booster.predict(rows, num_threads=1), dtype=float)


def contributions(booster: Booster, rows: np.ndarray) -> np.ndarray:
    """SHAP values per feature plus the bias in the last column; rows sum to predict(rows)."""
    return np.asarray(booster.predict(rows, pred_contrib=True, num_threads=1), dtype=float)


def load(model_text: str) -> Booster:
    """A booster from LightGBM's text format."""
    import lightgbm as lgb

    return lgb.Booster(model_str=model_text)
