"""Scoring orders against what the customers wanted: sold, wasted, short, sell-out days, margin,
per product-day, per day and in total, for a participant, Bestellkompass and "same as last week".

With true demand (demo shops) the figures are exact; with a real shop's sales as demand they are
estimates: short and sell-out days are lower bounds (a sold-out day hides how much more would have
sold) and waste is an upper bound.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from forecasting.workshop.occasions import occasion_by_day
from forecasting.workshop.scenario import Scenario

PARTICIPANT, MODEL, RULE = "participant", "bestellkompass", "same_as_last_week"
POLICIES = (PARTICIPANT, MODEL, RULE)
FIGURES = ("ordered", "sold", "waste", "short", "sellout_days", "margin")


def product_days(scenario: Scenario, orders: pd.Series, policy: str) -> pd.DataFrame:
    """One row per product-day: date, product, policy and the FIGURES, for `orders` aligned with
    the scenario's outcome rows."""
    out = scenario.outcome[["date", "product"]].copy()
    demand = scenario.outcome["demand"].to_numpy(dtype=float)
    q = np.asarray(orders, dtype=float)
    products = {p.name: p for p in scenario.products}
    price, cost, salvage = (np.array([getattr(products[n], a) for n in out["product"]], float)
                            for a in ("price", "unit_cost", "salvage_value"))
    sold = np.minimum(demand, q)
    out["policy"] = policy
    out["ordered"] = q
    out["sold"] = sold
    out["waste"] = q - sold
    out["short"] = demand - sold
    out["sellout_days"] = (demand > q + 1e-9).astype(int)
    out["margin"] = price * sold + salvage * (q - sold) - cost * q
    return out


def score_orders(scenario: Scenario, orders: pd.DataFrame) -> pd.DataFrame:
    """Product-day rows of the participant, the model and the rule, in that order."""
    keys = ["date", "product"]
    base = scenario.outcome[keys].assign(date=lambda f: pd.to_datetime(f["date"]))
    mine = base.merge(orders.assign(date=pd.to_datetime(orders["date"])), on=keys, how="left")
    sheet = base.merge(scenario.sheet.assign(date=pd.to_datetime(scenario.sheet["date"])),
                       on=keys, how="left")
    return pd.concat([
        product_days(scenario, mine["quantity"].fillna(0.0), PARTICIPANT),
        product_days(scenario, sheet["suggestion"], MODEL),
        product_days(scenario, sheet["rule"], RULE),
    ], ignore_index=True)


def _figures(frame: pd.DataFrame) -> dict[str, float | int]:
    out: dict[str, float | int] = {f: round(float(frame[f].sum()), 2) for f in FIGURES}
    out["sellout_days"] = int(frame["sellout_days"].sum())
    return out


def result_of(scenario: Scenario, participant: str, rows: pd.DataFrame) -> dict[str, Any]:
    """The result file's content: totals and per-day figures of each policy, and the rows."""
    rows = rows.assign(date=pd.to_datetime(rows["date"]).dt.strftime("%Y-%m-%d"))
    totals = {p: _figures(rows[rows["policy"] == p]) for p in POLICIES}
    days = []
    for day, part in rows.groupby("date", sort=True):
        days.append({"date": day, **{p: _figures(part[part["policy"] == p]) for p in POLICIES}})
    columns = ["date", "product", "policy", *FIGURES]
    return {
        "scenario_id": scenario.scenario_id, "participant": participant,
        "first": scenario.first.isoformat(), "last": scenario.last.isoformat(),
        "demand_kind": scenario.demand_kind, "prices_known": scenario.prices_known,
        "packs": {p.name: p.pack_size for p in scenario.products},
        "totals": totals, "days": days, "rounds": round_figures(scenario, rows),
        "occasions": occasion_by_day(scenario.calendar, scenario.days),
        "columns": columns, "rows": rows[columns].round(4).to_numpy().tolist(),
    }


def round_figures(scenario: Scenario, rows: pd.DataFrame) -> list[dict[str, Any]]:
    """Per round of the scenario: its days, what was shown, and the FIGURES of each policy on
    its days (so the debrief can compare gut feeling with the suggestions)."""
    dates = pd.to_datetime(rows["date"]).dt.date
    out = []
    for number, item in enumerate(scenario.play_rounds(), start=1):
        days = scenario.round_days(item)
        part = rows[dates.isin(days)]
        out.append({
            "number": number, "first_day": item.first_day, "last_day": item.last_day,
            "first": days[0].isoformat(), "last": days[-1].isoformat(),
            "show_suggestion": item.show_suggestion, "show_calendar": item.show_calendar,
            **{p: _figures(part[part["policy"] == p]) for p in POLICIES},
        })
    return out


def day_figures(scenario: Scenario, day: pd.Timestamp, quantities: dict[str, float]
                ) -> dict[str, dict[str, float | int]]:
    """What one day brought (FIGURES per policy) for the participant's `quantities` (product ->
    units; missing = 0), Bestellkompass and the rule: what a participant sees after the day."""
    dates = pd.to_datetime(scenario.outcome["date"])
    orders = scenario.outcome[["date", "product"]].assign(
        date=dates, quantity=[quantities.get(p, 0.0) if d == day else 0.0
                              for d, p in zip(dates, scenario.outcome["product"], strict=True)])
    rows = score_orders(scenario, orders)
    rows = rows[pd.to_datetime(rows["date"]) == day]
    return {p: _figures(rows[rows["policy"] == p]) for p in POLICIES}
