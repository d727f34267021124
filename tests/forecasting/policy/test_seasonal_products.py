"""Issue 15, products that come and go, on real data: the Kiel bakery's "Saisonbrot" (group 6,
sold late October to early January 2013-2017), imported as a new user would (German CSV, turnover
in euros), planned with the real forecast.

Out of season the line is "nicht im Angebot" with 0 unless the owner says the bread is sold all
year; in season the suggestion is within what the bread sold in its seasons, and its "üblich"
is the bread's own in-season level for that weekday (before: "üblich am Mittwoch 154" in August,
0 "an diesem Wochentag nicht im Verkauf" on its first Saturday back)."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from app import cli
from forecasting.models.shop_forecast import forecast_shop
from forecasting.operations.settings import change_product
from forecasting.plan_inputs import read_plan_inputs
from forecasting.policy.explain_text import explanation_lines
from forecasting.policy.plan import RECENT_DAYS, RECENT_STEPS, build_order_plan, plan_days
from forecasting.seasons import week_of
from forecasting.store.file import Shop
from forecasting.store.products import save_product
from forecasting.values.products import Product

GROUPS = {"1": "Brot", "2": "Brötchen", "3": "Croissant", "4": "Konditorei", "5": "Kuchen",
          "6": "Saisonbrot"}
BREAD = "Saisonbrot"


def _export(shared: Path, out: Path, last: dt.date) -> pd.DataFrame:
    """The Kiel file up to `last` as a German back office writes it; returns the bread's days."""
    rows = []
    with open(shared / "kiel_bakery" / "umsatzdaten_gekuerzt.csv", encoding="utf-8") as fh, \
            open(out, "w", encoding="cp1252", newline="") as dst:
        dst.write("Datum;Warengruppe;Umsatz (EUR)\r\n")
        for row in csv.DictReader(fh):
            day = dt.date.fromisoformat(row["Datum"])
            if day > last:
                continue
            euros = f"{float(row['Umsatz']):,.2f}".replace(",", "X").replace(".", ",")
            dst.write(f"{day:%d.%m.%Y};{GROUPS[row['Warengruppe']]};{euros.replace('X', '.')}\r\n")
            if row["Warengruppe"] == "6":
                rows.append((pd.Timestamp(day), float(row["Umsatz"])))
    return pd.DataFrame(rows, columns=["date", "euros"])


@pytest.fixture
def kiel_until(shared_datasets: Path, tmp_path: Path
               ) -> Callable[[dt.date], tuple[Shop, pd.DataFrame]]:
    """A new shop with the Kiel sales up to a day (CLI import); the bread's sales up to it."""

    def make(last: dt.date) -> tuple[Shop, pd.DataFrame]:
        csv_path = tmp_path / f"Umsatz bis {last}.csv"
        bread = _export(shared_datasets, csv_path, last)
        path = tmp_path / f"kiel-{last}.bkshop"
        assert cli.main(["import", str(csv_path), "--shop", str(path), "--state", "SH",
                         "--unit", "EUR"]) == 0
        return Shop.open(path), bread

    return make


def test_out_of_season_the_bread_is_not_on_offer_unless_the_owner_says_so(
    kiel_until: Callable[[dt.date], tuple[Shop, pd.DataFrame]],
) -> None:
    shop, _ = kiel_until(dt.date(2018, 7, 31))
    day = dt.date(2018, 8, 1)  # Wednesday; the bread last sold 27.12.2017
    result = forecast_shop(shop, plan_days(read_plan_inputs(shop, day)))
    plan = build_order_plan(shop, day, result=result)
    line = plan.line(BREAD)
    assert (line.status, line.suggestion) == ("out_of_season", 0.0)
    assert all(plan.line(g).status == "order" for g in GROUPS.values() if g != BREAD)

    change_product(shop, BREAD, {"season": "year"})  # the owner: sold all year from now on
    assert build_order_plan(shop, day, result=result).line(BREAD).status == "order"
    change_product(shop, BREAD, {"season": "07-15:08-15"})  # or a summer bread now
    assert build_order_plan(shop, day, result=result).line(BREAD).status == "order"
    change_product(shop, BREAD, {"season": "10-01:01-31"})
    assert build_order_plan(shop, day, result=result).line(BREAD).status == "out_of_season"


@pytest.mark.parametrize("day", [
    dt.date(2017, 10, 30),  # the first day back after ten months (Monday)
    dt.date(2017, 11, 4),  # its first Saturday back (sold Monday to Friday so far)
    dt.date(2017, 12, 9),  # a December Saturday
], ids=["first_day_back", "first_saturday", "december"])
def test_in_season_the_suggestion_is_within_the_breads_own_range(
    kiel_until: Callable[[dt.date], tuple[Shop, pd.DataFrame]], day: dt.date,
) -> None:
    shop, bread = kiel_until(day - dt.timedelta(days=1))
    line = build_order_plan(shop, day).line(BREAD)
    assert line.status == "order"
    assert bread["euros"].min() <= line.suggestion <= bread["euros"].max()
    # "üblich am <weekday>": the bread's own in-season mean of that weekday, not a mix
    same = bread[bread["date"].dt.day_of_week == day.weekday()]
    in_weeks = same[same["date"].map(week_of).between(week_of(day) - 3, week_of(day) + 3)]
    usual = line.explanation.steps[0]
    assert usual.code == "baseline"
    assert 0.6 * in_weeks["euros"].mean() <= usual.amount <= 1.4 * in_weeks["euros"].mean()
    # back after ten months: what it sold "zuletzt" is dated to the end of last season
    words = " ".join(explanation_lines(line.explanation, "de"))
    last = bread["date"].max().date()
    recent = [s for s in line.explanation.steps if s.code in RECENT_STEPS]
    if (day - last).days > RECENT_DAYS:
        assert all(s.params["until"] == last.isoformat() for s in recent)
        assert "zuletzt" not in words


def test_a_discontinued_product_leaves_the_sheet(
    small_shop: Shop, make_forecast: Callable[..., object],
) -> None:
    saturday = dt.date(2026, 11, 28)
    save_product(small_shop, Product("Stollen", discontinued=saturday))
    save_product(small_shop, Product("Lebkuchen", discontinued=saturday + dt.timedelta(days=1)))
    result = make_forecast({(p, saturday): (20.0, 4.0) for p in ("Stollen", "Lebkuchen")})
    plan = build_order_plan(small_shop, saturday, result=result)
    assert "Stollen" not in {line.product for line in plan.lines}
    assert plan.line("Lebkuchen").status == "order"  # its last day
