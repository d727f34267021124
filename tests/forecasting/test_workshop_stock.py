"""Goods that keep in a workshop, on a hand-made week whose answers are worked out by hand.

Open Monday to Saturday, 9.-14.11.2026. Käse keeps 3 days and comes on Tuesdays (ordered the
evening before); Wein keeps 30 days and comes on Fridays (two days' lead); Brötchen are a day's
goods. No sales before the week: "same as last week" fills no shelf, the week starts empty.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from forecasting.errors import UserError
from forecasting.values.products import Product
from forecasting.workshop.orders import read_orders
from forecasting.workshop.scenario import TRUE_DEMAND, Scenario
from forecasting.workshop.scoring import MODEL, PARTICIPANT, RULE, result_of, score_orders
from forecasting.workshop.stock import Chance, chances, shelf_for, stock_rows

MON = dt.date(2026, 11, 9)
DAYS = [MON + dt.timedelta(days=k) for k in range(6)]
TUE, WED, THU, FRI, SAT = DAYS[1:]
KAESE = [5, 4, 6, 5, 3, 2]
WEIN = [1, 1, 1, 1, 2, 3]


def week() -> Scenario:
    """The hand-made week (see the module's docstring)."""
    products = [
        Product("Brötchen", price=0.5, unit_cost=0.1),
        Product("Käse", price=5.0, unit_cost=2.0, salvage_value=0.5, shelf_life_days=3,
                lead_time_days=1, delivery_weekdays=(1,)),
        Product("Wein", price=12.0, unit_cost=6.0, shelf_life_days=30, lead_time_days=2,
                delivery_weekdays=(4,)),
    ]
    outcome = pd.DataFrame(
        [(pd.Timestamp(d), "Brötchen", 50.0, 50.0) for d in DAYS]
        + [(pd.Timestamp(d), "Käse", float(q), float(q)) for d, q in zip(DAYS, KAESE, strict=True)]
        + [(pd.Timestamp(d), "Wein", float(q), float(q)) for d, q in zip(DAYS, WEIN, strict=True)],
        columns=["date", "product", "demand", "sold"])
    sheet = pd.DataFrame(
        [(pd.Timestamp(d), "Brötchen", 50.0, 55.0, 45.0) for d in DAYS]
        + [(pd.Timestamp(TUE), "Käse", 15.0, 20.0, 12.0),
           (pd.Timestamp(FRI), "Wein", 5.0, 6.0, 0.0)],
        columns=["date", "product", "forecast", "suggestion", "rule"]).assign(
        level=0.8, reasons_de="", reasons_en="")
    start = MON - dt.timedelta(days=14)
    open_days = [start + dt.timedelta(days=k) for k in range(60)]
    return Scenario(
        scenario_id="hand", title="Hand", state="SH", first=MON, last=SAT,
        demand_kind=TRUE_DEMAND, anonymised=False, products=products,
        history=pd.DataFrame(columns=["date", "product", "quantity", "sold_out"]),
        outcome=outcome, sheet=sheet,
        calendar=pd.DataFrame({"date": [pd.Timestamp(d) for d in DAYS], "labels_de": "",
                               "labels_en": ""}),
        stocked=["Käse", "Wein"],
        warmup=pd.DataFrame(columns=["date", "product", "demand"]),
        open_days=[d for d in open_days if d.weekday() < 6],
    )


def test_order_possibilities_follow_delivery_days_and_lead_time() -> None:
    scenario = week()
    # Käse: ordered Monday evening, comes Tuesday, entered on Tuesday's sheet
    assert chances(scenario, "Käse") == [Chance(MON, TUE, TUE)]
    # Wein: two days' lead, ordered Wednesday evening for Friday, on Thursday's sheet
    assert chances(scenario, "Wein") == [Chance(WED, FRI, THU)]


def test_three_day_shelf_life_by_hand() -> None:
    rows = pd.DataFrame(stock_rows(week(), "Käse", {TUE: 16.0}, PARTICIPANT))
    # Mon: empty shelf, 5 short. Tue: 16 come (sellable to Thu), 4 sold. Wed: 6. Thu: 5 sold,
    # the 1 left expires that evening. Fri, Sat: empty, 3 and 2 short.
    assert list(rows["ordered"]) == [0, 16, 0, 0, 0, 0]
    assert list(rows["sold"]) == [0, 4, 6, 5, 0, 0]
    assert list(rows["waste"]) == [0, 0, 0, 1, 0, 0]
    assert list(rows["short"]) == [5, 0, 0, 0, 3, 2]
    assert list(rows["sellout_days"]) == [1, 0, 0, 0, 1, 1]
    # 15 sold at 5 EUR, 16 bought at 2 EUR, 1 written off at 0.50 EUR salvage
    assert rows["margin"].sum() == pytest.approx(5 * 15 - 2 * 16 + 0.5 * 1)
    assert rows["margin"].tolist()[1] == pytest.approx(5 * 4 - 2 * 16)
    assert rows["shelf"].sum() == 0


def test_what_stays_on_the_shelf_counts_at_cost() -> None:
    rows = pd.DataFrame(stock_rows(week(), "Wein", {FRI: 10.0}, PARTICIPANT))
    # Mon-Thu empty (4 short on 4 days), Fri 2 sold, Sat 3 sold: 5 stay on the shelf
    assert rows["sold"].sum() == 5
    assert rows["sellout_days"].sum() == 4
    assert rows["waste"].sum() == 0
    assert list(rows["shelf"]) == [0, 0, 0, 0, 0, 5]
    assert rows["shelf_value"].sum() == pytest.approx(5 * 6.0)
    assert rows["margin"].sum() == pytest.approx(12 * 5 - 6 * 10 + 6 * 5)


def test_a_scenario_mixes_a_days_goods_and_goods_that_keep(tmp_path: Path) -> None:
    scenario = week()
    orders = pd.DataFrame([(pd.Timestamp(d), "Brötchen", 50.0) for d in DAYS]
                          + [(pd.Timestamp(TUE), "Käse", 16.0), (pd.Timestamp(FRI), "Wein", 10.0)],
                          columns=["date", "product", "quantity"])
    result = result_of(scenario, "Ute", score_orders(scenario, orders))
    mine = result["totals"][PARTICIPANT]
    assert mine["sold"] == 6 * 50 + 15 + 5
    assert mine["waste"] == 1
    assert mine["sellout_days"] == 3 + 4
    assert mine["shelf"] == 5
    assert mine["margin"] == pytest.approx(6 * (25 - 5) + 43.5 + 30)
    # Bestellkompass's 20 Käse: 15 sold, 5 expire on Thursday; 55 Brötchen: 5 left a day
    model = result["totals"][MODEL]
    assert model["waste"] == 6 * 5 + 5
    assert model["ordered"] == 6 * 55 + 20 + 6
    # the rule's 12 Käse run out on Thursday
    rule = [r for r in result["rows"] if r[1] == "Käse" and r[2] == RULE]
    assert [r[result["columns"].index("sellout_days")] for r in rule] == [1, 0, 0, 1, 1, 1]
    assert set(result["totals"][PARTICIPANT]) >= {"ordered", "sold", "waste", "short",
                                                   "sellout_days", "margin", "shelf"}


def _orders_file(tmp_path: Path, extra: list[str]) -> Path:
    lines = ["date,product,quantity"] + [f"{d.isoformat()},Brötchen,50" for d in DAYS] + extra
    path = tmp_path / "orders.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_orders_only_on_days_a_delivery_can_come(tmp_path: Path) -> None:
    scenario = week()
    good = _orders_file(tmp_path, [f"{TUE.isoformat()},Käse,16", f"{FRI.isoformat()},Wein,10"])
    frame = read_orders(good, scenario)
    assert len(frame) == 8
    bad = _orders_file(tmp_path, [f"{TUE.isoformat()},Käse,16", f"{WED.isoformat()},Käse,4",
                                  f"{FRI.isoformat()},Wein,10"])
    with pytest.raises(UserError) as caught:
        read_orders(bad, scenario)
    assert caught.value.code == "workshop.orders_no_delivery"
    text = caught.value.message("en")
    assert "line 9" in text
    assert WED.isoformat() in text
    assert "Käse" in text
    assert TUE.isoformat() in text  # the day it can come
    missing = _orders_file(tmp_path, [f"{TUE.isoformat()},Käse,16"])
    with pytest.raises(UserError) as caught:
        read_orders(missing, scenario)
    assert caught.value.code == "workshop.orders_missing"


def test_the_shelf_a_participant_sees_carries_their_earlier_orders() -> None:
    scenario = week()
    thursday = shelf_for(scenario, "Käse", {TUE: 16.0}, THU, with_suggestion=False)
    # Thursday's sheet: no Käse order possible (next Tuesday is after the week); on the shelf
    # Wednesday evening the 6 left of Tuesday's 16, sellable up to Thursday
    assert thursday.chance is None
    assert thursday.next_chance is None
    assert thursday.batches == ((6.0, THU),)
    wein = shelf_for(scenario, "Wein", {}, THU, with_suggestion=False)
    assert wein.chance == Chance(WED, FRI, THU)
    assert wein.batches == ()
    assert wein.on_order == ()
