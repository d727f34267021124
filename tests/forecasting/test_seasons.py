"""Selling seasons (forecasting/seasons.py): detected on the real data sets, the owner's setting
parsed and checked, and set on the command line."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from app import cli
from forecasting.models.lags import scale
from forecasting.seasons import (
    ALL_YEAR,
    AUTO,
    Season,
    detect,
    off_season,
    parse_setting,
    seasons_of,
)
from forecasting.store.create import create_shop
from forecasting.store.file import Shop
from forecasting.store.products import product_by_name, save_product
from forecasting.values.products import Product

GROUPS = {1: "Brot", 2: "Brötchen", 3: "Croissant", 4: "Konditorei", 5: "Kuchen", 6: "Saisonbrot"}


def _kiel(shared: Path) -> pd.DataFrame:
    raw = pd.read_csv(shared / "kiel_bakery" / "umsatzdaten_gekuerzt.csv", parse_dates=["Datum"])
    return pd.DataFrame({"date": raw["Datum"], "product": raw["Warengruppe"].map(GROUPS),
                         "quantity": raw["Umsatz"]})


def test_kiels_seasonal_bread_is_found_and_nothing_else(shared_datasets: Path) -> None:
    sales = _kiel(shared_datasets)
    found = seasons_of(sales, dt.date(2018, 8, 1))
    assert set(found) == {"Saisonbrot"}
    weeks = found["Saisonbrot"].weeks
    assert set(range(43, 53)) | {1} <= weeks  # late October to New Year, every year
    assert not weeks & set(range(5, 40))
    assert not found["Saisonbrot"].contains(dt.date(2018, 8, 1))
    assert found["Saisonbrot"].contains(dt.date(2018, 12, 1))
    # two seasons are enough, one is not
    assert set(seasons_of(sales, dt.date(2015, 8, 1))) == {"Saisonbrot"}
    assert seasons_of(sales, dt.date(2014, 8, 1)) == {}


def test_wuerzburg_has_no_seasonal_product(shared_datasets: Path) -> None:
    target = pd.read_csv(shared_datasets / "wuerzbaeck" / "wuerzbaeck_target.csv")
    target["date"] = pd.date_range("2016-01-02", periods=len(target), freq="D")
    sales = target.melt(id_vars="date", var_name="product", value_name="quantity")
    assert seasons_of(sales, dt.date(2019, 5, 1)) == {}


def test_a_product_sold_in_its_off_weeks_more_than_rarely_is_not_seasonal() -> None:
    open_days = pd.date_range("2020-01-01", "2023-12-31", freq="D")
    winter = open_days[open_days.month.isin([11, 12])]
    assert detect(winter, open_days) is not None
    summer_too = winter.append(open_days[(open_days.month == 7) & (open_days.year == 2021)])
    assert detect(summer_too, open_days) is None  # 31 of 519 days off season: not a season
    assert detect(open_days, open_days) is None  # sold all year


@pytest.mark.parametrize(("text", "stored"), [
    ("auto", AUTO), ("Ganzjährig", ALL_YEAR), ("year", ALL_YEAR),
    ("01.10-31.01", "10-01:01-31"), ("1.10. - 31.1.", "10-01:01-31"),
])
def test_owner_settings_are_read(text: str, stored: str) -> None:
    assert parse_setting(text) == stored


@pytest.mark.parametrize("text", ["Oktober", "31.02-01.03", "01.13-01.01", "10-01:01-31x"])
def test_bad_settings_are_refused(text: str) -> None:
    with pytest.raises(ValueError, match=re.escape(text)):
        parse_setting(text)


def test_off_season_follows_the_owner_then_the_detected_weeks_then_recent_sales() -> None:
    winter = Season(weeks=frozenset({*range(44, 53), 1}))
    august, december = dt.date(2026, 8, 5), dt.date(2026, 12, 2)
    assert off_season(winter, AUTO, august, dt.date(2026, 1, 2))
    assert not off_season(winter, AUTO, december, dt.date(2026, 1, 2))
    assert not off_season(winter, AUTO, august, dt.date(2026, 8, 1))  # selling again already
    assert not off_season(winter, ALL_YEAR, august, None)
    assert not off_season(None, "07-15:08-15", august, None)
    assert off_season(None, "10-01:01-31", august, None)
    assert not off_season(None, "10-01:01-31", dt.date(2027, 1, 20), None)  # across New Year


def test_a_product_back_from_its_off_season_restarts_at_its_own_level() -> None:
    """Two products, one sold all year at 100 a day, one at 20 a day in winter only; on the first
    day of the bread's new season its scale is its own level, not the other product's."""
    days = pd.date_range("2022-01-03", "2023-12-31", freq="D")
    y = np.full((len(days), 2), 100.0)
    winter = days.month.isin([11, 12])
    y[:, 1] = np.where(winter, 20.0, np.nan)
    s, borrowed = scale(y, 1, np.array([0, 0]))
    first = days.get_loc(pd.Timestamp("2023-11-01"))
    assert s[first, 1] == pytest.approx(20.0)
    assert not borrowed[first, 1]


def test_season_set_on_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                        ) -> None:
    path = tmp_path / "s.bkshop"
    with create_shop(path, name="Test", state="SH") as shop:
        save_product(shop, Product("Stollen"))
    assert cli.main(["settings", "product", "Stollen", "--season", "15.11-31.12",
                     "--shop", str(path)]) == 0
    assert cli.main(["settings", "product", "Stollen", "--season", "November",
                     "--shop", str(path)]) == 2
    assert "„November“ ist keine Saison" in capsys.readouterr().err
    with Shop.open(path) as shop:
        assert product_by_name(shop, "Stollen").season == "11-15:12-31"
