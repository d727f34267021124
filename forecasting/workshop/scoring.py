"""Scoring orders against what the customers wanted: sold, wasted, short, sell-out days, margin,
per product-day, per day and in total, for a participant, Bestellkompass and "same as last week".

With true demand (demo shops) the figures are exact; with a real shop's sales as demand they are
estimates: short and sell-out days are lower bounds (a sold-out day hides how much more would have
sold) and waste is an upper bound.

A day's goods are sold or wasted on their day (the one-day newsvendor). Goods that keep are played
on a shelf (forecasting/workshop/stock.py): their orders are keyed by the delivery day, waste is
what expires, and `shelf` / `shelf_value` are what stays on the shelf after the last day (units,
value at cost; the margin includes the value). For a day's goods both are 0.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import numpy as np
import pandas as pd

from forecasting.workshop.occasions import occasion_by_day
from forecasting.workshop.scenario import Scenario
from forecasting.workshop.stock import stock_rows

PARTICIPANT, MODEL, RULE = "participant", "bestellkompass", "same_as_last_week"
POLICIES = (PARTICIPANT, MODEL, RULE)
FIGURES = ("ordered", "sold", "waste", "short", "sellout_days", "margin", "shelf", "shelf_value")


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
    out["shelf"] = 0.0
    out["shelf_value"] = 0.0
    return out


def score_orders(scenario: Scenario, orders: pd.DataFrame) -> pd.DataFrame:
    """Product-day rows of the participant, the model and the rule, in that order (within a
    policy by date and product). `orders`: date, product, quantity (goods that keep: the date
    is the delivery day)."""
    keys = ["date", "product"]
    orders = orders.assign(date=pd.to_datetime(orders["date"]))
    sheet = scenario.sheet.assign(date=pd.to_datetime(scenario.sheet["date"]))
    stocked = set(scenario.stocked)
    daily = scenario.outcome[~scenario.outcome["product"].isin(stocked)]
    day_scenario = dataclasses.replace(scenario, outcome=daily.reset_index(drop=True))
    base = day_scenario.outcome[keys].assign(date=lambda f: pd.to_datetime(f["date"]))
    mine = base.merge(orders, on=keys, how="left")
    theirs = base.merge(sheet, on=keys, how="left")
    parts = []
    for policy, quantities, source, column in (
            (PARTICIPANT, mine["quantity"].fillna(0.0), orders, "quantity"),
            (MODEL, theirs["suggestion"], sheet, "suggestion"),
            (RULE, theirs["rule"], sheet, "rule")):
        records: list[dict[str, object]] = []
        chosen = source[source["product"].isin(stocked)]
        given: dict[str, dict[object, float]] = {name: {} for name in stocked}
        for day, name, value in zip(chosen["date"].dt.date, chosen["product"],
                                    chosen[column].fillna(0.0).astype(float), strict=True):
            given[str(name)][day] = float(value)
        for name in sorted(stocked):
            records += stock_rows(scenario, name, given[name], policy)  # type: ignore[arg-type]
        frames = [product_days(day_scenario, quantities, policy)]
        if records:
            frames.append(pd.DataFrame(records))
        parts.append(pd.concat(frames, ignore_index=True).sort_values(keys, ignore_index=True))
    return pd.concat(parts, ignore_index=True)


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


def day_figures(scenario: Scenario, day: pd.Timestamp, orders: pd.DataFrame
                ) -> dict[str, dict[str, float | int]]:
    """What one day brought (FIGURES per policy) for the participant's `orders` so far (date,
    product, quantity; goods that keep: by delivery day; missing = 0), Bestellkompass and the
    rule: what a participant sees after the day (goods that keep: their shelf carries the
    earlier days' orders)."""
    rows = score_orders(scenario, orders)
    rows = rows[pd.to_datetime(rows["date"]) == day]
    return {p: _figures(rows[rows["policy"] == p]) for p in POLICIES}
