"""The headless contract: association contribute / build / use / show and backtest --prior,
run through the real command line on real files and a real shop file."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
from pathlib import Path

import pandas as pd
import pytest

from app.cli import main
from forecasting.association import files
from forecasting.models.persist import ModelCache
from forecasting.models.shop_forecast import forecast_plan, forecast_shop
from forecasting.operations.shop import open_shop
from forecasting.plan_inputs import read_plan_inputs
from tests.forecasting.association.conftest import UNTIL


def _csv(member, folder: Path, since: str | None = None) -> tuple[Path, Path]:
    sales = member.sales[["date", "product", "quantity"]].copy()
    if since is not None:  # a newer shop: its sales from `since` only
        sales = sales[sales["date"] >= pd.Timestamp(since)]
    sales["date"] = sales["date"].dt.strftime("%Y-%m-%d")
    sales.to_csv(folder / "SALES.csv", index=False)
    weather = member.history.world.weather[["date", "temperature", "precipitation"]].copy()
    weather = weather[weather["date"] < pd.Timestamp(member.sales["date"].max())]
    weather["date"] = weather["date"].dt.strftime("%Y-%m-%d")
    weather.to_csv(folder / "WEATHER.csv", index=False)
    return folder / "SALES.csv", folder / "WEATHER.csv"


@pytest.fixture(scope="module")
def prior_file(members, tmp_path_factory) -> Path:
    """A prior built by the command line from two members' contributions (CSV files)."""
    folder = tmp_path_factory.mktemp("association")
    paths = []
    for member in members[1:]:
        sub = folder / member.shop.name
        sub.mkdir()
        sales, weather = _csv(member, sub)
        out = sub / "shop.bkcontrib"
        assert main(["association", "contribute", "--sales", str(sales), "--state",
                     member.shop.state, "--weather", str(weather), "--until", UNTIL.isoformat(),
                     "--out", str(out)]) == 0
        paths.append(str(out))
    prior = folder / "verband.bkprior"
    assert main(["association", "build", *paths, "--out", str(prior)]) == 0
    return prior


def test_show_prints_what_is_shared_and_writes_nothing(members, tmp_path, capsys) -> None:
    sales, _weather = _csv(members[0], tmp_path)
    out = tmp_path / "x.bkcontrib"
    rc = main(["--lang", "en", "association", "contribute", "--sales", str(sales), "--state", "NI",
               "--until", UNTIL.isoformat(), "--show", "--out", str(out)])
    assert rc == 0
    text = capsys.readouterr().out
    assert text.startswith("What is shared?")
    assert "no product names" in text
    assert "Contribution of a shop in NI" in text
    assert not out.exists()


def test_build_prints_the_prior_and_its_states(prior_file, capsys) -> None:
    assert main(["association", "show", str(prior_file)]) == 0
    text = capsys.readouterr().out
    assert "Verbandswissen aus 2 Beiträgen, Bundesländer: BY, NW" in text
    assert files.read(prior_file, "prior").manifest["shops"] == 2


def test_a_bad_contribution_builds_nothing(prior_file, tmp_path, capsys) -> None:
    good = next(prior_file.parent.glob("*/shop.bkcontrib"))
    bad = tmp_path / "bad.bkcontrib"
    data = bytearray(good.read_bytes())
    data[len(data) // 2] ^= 0xFF
    bad.write_bytes(bytes(data))
    out = tmp_path / "p.bkprior"
    rc = main(["association", "build", str(good), str(bad), "--out", str(out)])
    assert rc != 0
    err = capsys.readouterr().err
    assert "bad.bkcontrib" in err
    assert "Nichts wurde geändert" in err
    assert not out.exists()


def test_contribute_needs_a_shop_or_sales(capsys) -> None:
    rc = main(["association", "contribute", "--until", "2025-01-01", "--out", "x.bkcontrib"])
    assert rc != 0
    assert "--shop" in capsys.readouterr().err


def test_backtest_with_a_prior(members, prior_file, tmp_path) -> None:
    # a new shop (8 weeks): a three-year shop's usual days and known occasions are its own, and
    # a half-year one's own models already beat a prior whose CSV contributions had no categories
    sales, weather = _csv(members[0], tmp_path, since="2025-01-06")
    outs = []
    for extra in ([], ["--prior", str(prior_file)]):
        out = tmp_path / f"pred{len(extra)}.csv"
        assert main(["backtest", "--sales", str(sales), "--state", "NI", "--weather",
                     str(weather), "--start", UNTIL.isoformat(), "--end", "2025-03-30",
                     "--out", str(out), *extra]) == 0
        outs.append(pd.read_csv(out))
    assert list(outs[0]["product"]) == list(outs[1]["product"])
    assert not outs[0]["q0.5"].equals(outs[1]["q0.5"])  # the prior took part


@pytest.mark.slow
def test_use_keeps_the_prior_with_the_shop_and_the_forecast_uses_it(
        demo_bakery_path, prior_file, tmp_path, capsys) -> None:
    shop_path = tmp_path / "shop.bkshop"
    shutil.copy(demo_bakery_path, shop_path)
    cache = ModelCache(tmp_path / "cache")
    with open_shop(shop_path, read_only=True) as shop:
        day = read_plan_inputs(shop, dt.date.today()).sales["date"].max().date()
        day += dt.timedelta(days=1)
        before = forecast_shop(shop, [day], cache=cache)
        version = shop.data_version()
    bad = tmp_path / "bad.bkprior"
    bad.write_bytes(b"PK\x03\x04 not really")
    assert main(["--shop", str(shop_path), "association", "use", str(bad)]) != 0
    with open_shop(shop_path, read_only=True) as shop:
        assert shop.data_version() == version  # nothing changed
        assert read_plan_inputs(shop, day).prior is None
    capsys.readouterr()
    assert main(["--shop", str(shop_path), "association", "use", str(prior_file)]) == 0
    assert "2 Läden (BY, NW)" in capsys.readouterr().out
    with open_shop(shop_path, read_only=True) as shop:
        assert shop.data_version() > version
        assert read_plan_inputs(shop, day).prior == prior_file.read_bytes()
        saved = sorted(p.name for p in cache.directory.iterdir())
        after = forecast_shop(shop, [day], cache=cache)
        inputs = read_plan_inputs(shop, day)
    # another request (the prior is part of its key): computed afresh, not the saved one
    assert sorted(p.name for p in cache.directory.iterdir()) != saved
    assert list(after.quantiles["product"]) == list(before.quantiles["product"])
    # a three-year shop's LightGBM has the prior's column; a kept prior that no longer loads is
    # left out, and the model saved with the column is not reused without it
    damaged = forecast_plan(dataclasses.replace(inputs, prior=b"PK damaged"), [day], cache=cache)
    pd.testing.assert_frame_equal(damaged.quantiles, before.quantiles)


def test_remove_forgets_the_prior_and_says_when_there_is_none(demo_bakery_path, prior_file,
                                                              tmp_path, capsys) -> None:
    shop_path = tmp_path / "shop.bkshop"
    shutil.copy(demo_bakery_path, shop_path)
    assert main(["--shop", str(shop_path), "association", "use", str(prior_file)]) == 0
    with open_shop(shop_path, read_only=True) as shop:
        version = shop.data_version()
    capsys.readouterr()
    assert main(["--shop", str(shop_path), "--lang", "en", "association", "remove"]) == 0
    assert "prior removed" in capsys.readouterr().out
    with open_shop(shop_path, read_only=True) as shop:
        assert shop.data_version() > version  # the next forecast is the shop's own again
        assert read_plan_inputs(shop, UNTIL).prior is None
        version = shop.data_version()
    assert main(["--shop", str(shop_path), "association", "remove"]) == 0
    assert "kein Verbandswissen" in capsys.readouterr().out
    with open_shop(shop_path, read_only=True) as shop:
        assert shop.data_version() == version
