"""Making a scenario from a shop file: the period's history, the true (or sold) demand, and the
model's suggestions computed with a rolling origin, as the app would have made them each evening.

Goods that keep (`keeps_stock`) need forecasts several days ahead, so that each day an order
serves is forecast from what was known when ordering (as the policy benchmark does with its runs
1..8 days ahead): one backtest run per horizon the orders' windows reach (`needed_horizons`,
usually five), reported through `progress`.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from calendars.features import FeatureTable
from forecasting.errors import UserError
from forecasting.models.backtest import BacktestPlan, run_backtest
from forecasting.policy.economics import service_level
from forecasting.policy.explain_text import explanation_sentence
from forecasting.policy.forecast_input import level_of
from forecasting.policy.lines import newsvendor_line
from forecasting.policy.plan import closed_reason, keeps_stock
from forecasting.policy.policy_backtest import policy_orders, rule_orders
from forecasting.shop_calendar import product_promotions, shop_features, with_promotions
from forecasting.store.calendar import load_weather
from forecasting.store.file import Shop
from forecasting.store.products import load_products
from forecasting.store.sales import read_sales, read_true_demand
from forecasting.store.settings import load_closing_days, load_settings
from forecasting.store.stock import counted_product_ids
from forecasting.values.products import Product
from forecasting.workshop.anonymise import Disguise, anonymise
from forecasting.workshop.files import FILE_DECIMALS
from forecasting.workshop.occasions import scenario_calendar
from forecasting.workshop.rounds import REVEAL_DAILY, Round, check_rounds
from forecasting.workshop.scenario import (
    HISTORY_WEEKS,
    MAX_DAYS,
    MAX_PRODUCTS,
    SALES_LOWER_BOUND,
    TRUE_DEMAND,
    Scenario,
)
from forecasting.workshop.stock import (
    WARMUP_DAYS,
    needed_horizons,
    open_days_between,
    stock_sheet,
)
from forecasting.workshop.weather import shown_weather

#: the quantile grid of the policy benchmark (benchmarks/policy_benchmark.py), so the scenario's
#: suggestions are the benchmark's "ours_economics" orders
LEVELS = (0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.975, 0.99)


def create_scenario(
    shop_path: Path, first: dt.date, last: dt.date, products: Sequence[str] | None = None,
    *, disguise: Disguise | None = None, rounds: Sequence[Round] | None = None,
    reveal: str = REVEAL_DAILY, progress: Callable[[str], object] | None = None,
) -> Scenario:
    """The scenario of `shop_path` from `first` to `last`; `disguise` makes it anonymous;
    `rounds` (checked against the open days) and `reveal` say what participants see when;
    `progress` hears a line per forecast run (goods that keep need one per horizon their
    orders reach)."""
    _check_period(first, last)
    with Shop.open(shop_path, read_only=True) as shop:
        settings = load_settings(shop)
        closing = load_closing_days(shop)
        catalogue = {p.name: p for p in load_products(shop)}
        sales = with_promotions(read_sales(shop), product_promotions(shop))
        truth = read_true_demand(shop)
        if sales.empty:
            raise UserError("workshop.no_sales", first=first.isoformat(), last=last.isoformat())
        start = sales["date"].min().date()
        features = shop_features(shop, start, last)
        counted = set(counted_product_ids(shop))
        weather = load_weather(shop)
    _check_history(sales, first, last)
    stocked = {n for n, p in catalogue.items() if keeps_stock(p, counted)}
    chosen = _choose(products, catalogue, sales, first)
    stocked_chosen = sorted(stocked & set(chosen))
    if rounds:  # refused before the long backtest: the open days are known from the sales
        window = sales[(sales["date"] >= pd.Timestamp(first)) & (sales["date"] <= pd.Timestamp(last))
                       & sales["product"].isin(chosen)]
        check_rounds(rounds, window["date"].nunique())
    def is_open(day: dt.date) -> bool:
        return closed_reason(settings, closing, day) is None

    horizons = needed_horizons([catalogue[n] for n in stocked_chosen], first, last, is_open) \
        if stocked_chosen else [1]
    runs = len(horizons)
    forecasts = _forecasts(sales, features, catalogue, first, last, _say(progress, 1, runs))
    kind = TRUE_DEMAND if not truth.empty else SALES_LOWER_BOUND
    outcome = _outcome(sales, truth if kind == TRUE_DEMAND else None, chosen, first, last)
    forecasts = forecasts.merge(outcome[["date", "product"]], on=["date", "product"])
    outcome = outcome.merge(forecasts[["date", "product"]], on=["date", "product"])
    since = pd.Timestamp(first - dt.timedelta(weeks=HISTORY_WEEKS))
    history = sales[(sales["date"] >= since) & (sales["date"] <= pd.Timestamp(last))
                    & sales["product"].isin(chosen)].copy()
    history["sold_out"] = _sold_out(history)
    history = history[["date", "product", "quantity", "sold_out"]].reset_index(drop=True)
    scenario = Scenario(
        scenario_id=uuid.uuid4().hex, title=settings.name, state=settings.state, first=first,
        last=last, demand_kind=kind, anonymised=False,
        products=[catalogue[n] for n in chosen], history=history, outcome=outcome,
        sheet=pd.DataFrame(), calendar=_calendar(features, since.date(), last, weather),
        forecasts=forecasts,
    )
    if stocked_chosen:
        scenario.stocked = stocked_chosen
        scenario.stock_forecasts = _stock_forecasts(
            forecasts, stocked_chosen, horizons,
            lambda h: _forecasts(sales, features, catalogue, first, last,
                                 _say(progress, horizons.index(h) + 1, runs), horizon=h))
        scenario.warmup = _warmup(sales, truth if kind == TRUE_DEMAND else None, stocked_chosen,
                                  first)
        scenario.open_days = open_days_between(is_open, first, last)
    if disguise is not None:
        scenario = anonymise(scenario, disguise)
    scenario.rounds = check_rounds(rounds, len(scenario.days)) if rounds else []
    scenario.reveal = reveal
    scenario.sheet = order_sheet(scenario)
    return scenario


def _check_period(first: dt.date, last: dt.date) -> None:
    days = (last - first).days + 1
    if not 1 <= days <= MAX_DAYS:
        raise UserError("workshop.bad_period", first=first.isoformat(), last=last.isoformat(),
                        most=MAX_DAYS)


def _check_history(sales: pd.DataFrame, first: dt.date, last: dt.date) -> None:
    known = sales["date"].max().date()
    if known < last:
        raise UserError("workshop.after_history", last=last.isoformat(), known=known.isoformat())
    begins = sales["date"].min().date()
    if (first - begins).days < 365:
        raise UserError("workshop.short_history", first=first.isoformat(),
                        begins=begins.isoformat())


def _choose(names: Sequence[str] | None, catalogue: dict[str, Product], sales: pd.DataFrame,
            first: dt.date) -> list[str]:
    """The products asked for, or the best sellers of the weeks before (at most MAX_PRODUCTS);
    a day's goods and goods that keep alike."""
    before = sales[(sales["date"] < pd.Timestamp(first))
                   & (sales["date"] >= pd.Timestamp(first - dt.timedelta(weeks=HISTORY_WEEKS)))]
    if names:
        unknown = [n for n in names if n not in catalogue]
        if unknown:
            raise UserError("workshop.unknown_product", product=unknown[0])
        if len(set(names)) > MAX_PRODUCTS:
            raise UserError("workshop.too_many_products", count=len(set(names)),
                            most=MAX_PRODUCTS)
        return list(dict.fromkeys(names))
    before = before[before["product"].isin(list(catalogue))]
    totals = before.groupby("product")["quantity"].sum().sort_values(ascending=False)
    return sorted(totals.index[:MAX_PRODUCTS])


def _say(progress: Callable[[str], object] | None, run: int, runs: int) -> Callable[[], None]:
    def say() -> None:
        if progress is not None:
            progress(f"{run}/{runs}")
    return say


def _forecasts(sales: pd.DataFrame, features: FeatureTable, catalogue: dict[str, Product],
               first: dt.date, last: dt.date, say: Callable[[], None] = lambda: None, *,
               horizon: int = 1) -> pd.DataFrame:
    """Forecasts of every day `horizon` days ahead (one day: each from the sales up to the
    evening before); the model sees every product of the shop, as in the app."""
    say()
    plan = BacktestPlan(start=first, end=last, horizon=horizon)
    categories = {p.name: p.category for p in catalogue.values()}
    result = run_backtest(sales[sales["date"] <= pd.Timestamp(last)], features, plan, LEVELS,
                          categories=categories, candidates=False)
    preds = result.predictions
    preds = preds[preds["kind"] == "final"]
    columns = [c for c in preds.columns if level_of(str(c)) is not None]
    keep = ["date", "product", *columns] if horizon == 1 else ["date", "product", "cutoff",
                                                               *columns]
    out = preds[keep].reset_index(drop=True)
    out[columns] = out[columns].round(FILE_DECIMALS)  # as the file keeps them
    return out


def _stock_forecasts(one_day: pd.DataFrame, names: list[str], horizons: list[int],
                     run: Callable[[int], pd.DataFrame]) -> pd.DataFrame:
    """The goods that keep's forecasts `horizons` days ahead (date, product, cutoff, q-columns):
    the one-day run already made and the longer ones."""
    parts = [one_day.assign(cutoff=pd.to_datetime(one_day["date"]) - pd.Timedelta(days=1))]
    parts += [run(h) for h in horizons if h > 1]
    out = pd.concat(parts, ignore_index=True)
    out = out[out["product"].isin(names)]
    columns = [c for c in out.columns if level_of(str(c)) is not None]
    return out[["date", "product", "cutoff", *columns]].sort_values(
        ["product", "cutoff", "date"], ignore_index=True)


def _warmup(sales: pd.DataFrame, truth: pd.DataFrame | None, names: list[str], first: dt.date
            ) -> pd.DataFrame:
    """date, product, demand of goods that keep on the WARMUP_DAYS before the first day."""
    start = pd.Timestamp(first - dt.timedelta(days=WARMUP_DAYS))
    source = (sales.rename(columns={"quantity": "demand"}) if truth is None else truth)
    window = ((source["date"] >= start) & (source["date"] < pd.Timestamp(first))
              & source["product"].isin(names))
    return source.loc[window, ["date", "product", "demand"]].sort_values(
        ["date", "product"], ignore_index=True)


def _outcome(sales: pd.DataFrame, truth: pd.DataFrame | None, chosen: list[str],
             first: dt.date, last: dt.date) -> pd.DataFrame:
    """date, product, demand, sold on the scenario days of the chosen products (open days)."""
    window = ((sales["date"] >= pd.Timestamp(first)) & (sales["date"] <= pd.Timestamp(last))
              & sales["product"].isin(chosen))
    sold = sales.loc[window, ["date", "product", "quantity"]].rename(columns={"quantity": "sold"})
    if truth is None:
        return sold.assign(demand=sold["sold"])[["date", "product", "demand", "sold"]]
    out = sold.merge(truth[["date", "product", "demand"]], on=["date", "product"])
    return out[["date", "product", "demand", "sold"]].sort_values(["date", "product"],
                                                                   ignore_index=True)


def _sold_out(history: pd.DataFrame) -> np.ndarray:
    times = history.get("sold_out_time")
    if times is None:
        return np.zeros(len(history), dtype=int)
    return times.fillna("").astype(str).str.len().gt(0).astype(int).to_numpy()


def _calendar(features: FeatureTable, first: dt.date, last: dt.date,
              weather: pd.DataFrame) -> pd.DataFrame:
    """Per day: the calendar's words, the weather known that evening and the day's occasion."""
    return scenario_calendar(features, first, last, shown_weather(weather, first, last))


def order_sheet(scenario: Scenario) -> pd.DataFrame:
    """Per day and product: the model's median forecast, its suggestion and level, its reasons
    (de, en), and what "same as last week" orders, all from data before the day."""
    forecasts = scenario.forecasts
    forecasts = forecasts[~forecasts["product"].isin(scenario.stocked)]
    products = {p.name: p for p in scenario.products}
    frame = forecasts.sort_values(["date", "product"], ignore_index=True)
    suggestion = policy_orders(frame, products)
    rule = np.nan_to_num(rule_orders(frame, scenario.history, "last_week", products), nan=0.0)
    columns = [c for c in frame.columns if level_of(str(c)) is not None]
    levels = [level_of(str(c)) or 0.0 for c in columns]
    grid = frame[columns].to_numpy(dtype=float)
    rows = []
    for i, (day, name) in enumerate(zip(frame["date"], frame["product"], strict=True)):
        product = products[name]
        service = service_level(product)
        line = newsvendor_line(product, day.date(), levels, grid[i], [], service=service)
        rows.append({"date": day, "product": name, "forecast": round(line.forecast, 2),
                     "suggestion": float(suggestion[i]), "rule": float(rule[i]),
                     "level": round(service.level, 3),
                     "reasons_de": explanation_sentence(line.explanation, "de"),
                     "reasons_en": explanation_sentence(line.explanation, "en")})
    for name in scenario.stocked:
        rows += stock_sheet(scenario, name)
    return pd.DataFrame(rows).sort_values(["date", "product"], ignore_index=True)
