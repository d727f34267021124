"""`bestellkompass suggest`: the JSON contract, German and English tables, closed days, saving."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from app.cli import main
from forecasting.store.create import create_shop
from forecasting.store.decisions import load_forecasts
from forecasting.store.file import Shop
from forecasting.store.products import save_product
from forecasting.store.sales import write_sales
from forecasting.values.products import Product

TUESDAY = "2026-11-24"


@pytest.fixture(scope="module")
def shop_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small bakery (Mon-Sat, Bavaria) with half a year of sales of three products."""
    path = tmp_path_factory.mktemp("suggest") / "small.bkshop"
    with create_shop(path, name="Testbäckerei", state="BY") as shop:
        for p in (
            Product("Brötchen", price=0.45, unit_cost=0.12, pack_size=12, supplier="Backstube"),
            Product("Brot", price=4.0, unit_cost=1.2, supplier="Backstube"),
            Product("Kuchen", price=2.5, unit_cost=0.8, supplier="Konditorei"),
        ):
            save_product(shop, p)
        days = pd.date_range("2026-05-04", "2026-11-23")
        days = days[days.day_of_week < 6]
        rng = np.random.default_rng(0)
        rows = [
            {"product": name, "date": d, "quantity": float(rng.poisson(mean * (1.4 if
                                                                              d.day_of_week == 5
                                                                              else 1.0)))}
            for d in days
            for name, mean in (("Brötchen", 1200), ("Brot", 20), ("Kuchen", 15))
        ]
        write_sales(shop, pd.DataFrame(rows))
    return path


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(list(args)) == 0
    return capsys.readouterr().out


def test_json_contract_adds_up_and_is_saved(shop_file: Path, capsys: pytest.CaptureFixture[str]
                                            ) -> None:
    out = json.loads(_run(capsys, "--shop", str(shop_file), "suggest", "--date", TUESDAY,
                          "--format", "json", "--lang", "en"))
    assert out["date"] == TUESDAY
    assert out["open"] is True
    assert {line["product"] for line in out["lines"]} == {"Brötchen", "Brot", "Kuchen"}
    for line in out["lines"]:
        wanted = {"product", "date", "forecast", "suggestion", "quantiles", "explanation"}
        assert wanted <= set(line)
        steps = line["explanation"]
        assert steps[0]["code"] == "baseline"
        assert all({"code", "label", "amount"} <= set(s) for s in steps)
        fc = [s["amount"] for s in steps if s["kind"] == "forecast"]
        assert sum(fc) == pytest.approx(line["forecast"], abs=1e-9)
        assert sum(s["amount"] for s in steps) == pytest.approx(line["suggestion"], abs=1e-9)
        taus = sorted(line["quantiles"], key=float)
        values = [line["quantiles"][t] for t in taus]
        assert values == sorted(values)
        assert "0.5" in line["quantiles"]
    rolls = next(line for line in out["lines"] if line["product"] == "Brötchen")
    assert rolls["suggestion"] % 12 == 0
    assert rolls["forecast"] > 1000
    with Shop.open(shop_file) as shop:
        stored = load_forecasts(shop, dt.date(2026, 11, 24))
        assert {f.product for f in stored} == {"Brötchen", "Brot", "Kuchen"}
        assert all(f.data_version == shop.data_version() for f in stored)


def test_german_and_english_tables(shop_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    de = _run(capsys, "--shop", str(shop_file), "suggest", "--date", "24.11.2026", "--details")
    assert "Bestellvorschlag für Dienstag, 24.11.2026" in de
    assert "== Backstube ==" in de
    assert "Produkt" in de
    assert "= Prognose 1." in de  # German thousands separator: 1.2xx
    assert "Tagen reicht" in de  # the service level as a baker says it
    en = _run(capsys, "--shop", str(shop_file), "--lang", "en", "suggest", "--date", TUESDAY,
              "--format", "table", "--details")
    assert "Order suggestions for Tuesday, 2026-11-24" in en
    assert "= forecast 1," in en
    assert "enough on" in en
    for table, heads in ((de, ["Produkt", "Prognose", "Vorschlag", "ausverkauft", "Reste",
                               "Gründe"]),
                         (en, ["Product", "Forecast", "Suggestion", "Sell-out", "Leftover",
                               "Reasons"])):
        header = next(line for line in table.splitlines() if line.startswith(heads[0]))
        assert re.split(r"\s{2,}", header.strip()) == heads, "headings run together"


def test_csv_has_a_row_per_product(shop_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = _run(capsys, "--shop", str(shop_file), "suggest", "--date", TUESDAY, "--format", "csv")
    rows = text.strip().splitlines()
    assert rows[0].startswith("product;supplier;date")
    assert len(rows) == 4


def test_closed_day_orders_nothing(shop_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = _run(capsys, "--shop", str(shop_file), "suggest", "--date", "2026-12-25")
    assert "geschlossen" in text
    out = json.loads(_run(capsys, "--shop", str(shop_file), "suggest", "--date", "2026-11-29",
                          "--format", "json"))
    assert out["open"] is False
    assert all(line["suggestion"] == 0 for line in out["lines"])
