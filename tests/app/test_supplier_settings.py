"""Suppliers and units the owner keeps, on the command line: a supplier's delivery days, lead
time, cut-off, days without delivery and minimum order value; a product's unit (kilograms keep
their decimals from the pack size to the printed list)."""

from __future__ import annotations

import csv
import datetime as dt
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from pypdf import PdfReader

from app.cli import main
from forecasting.store.create import create_shop
from forecasting.store.file import Shop
from forecasting.store.products import product_by_name, save_product
from forecasting.store.sales import write_sales
from forecasting.store.suppliers import load_suppliers
from forecasting.values.products import Product
from tests.app.conftest import REPO_ROOT

DAY = "2026-11-24"
OLIVES = "Oliven lose (kg)"


@pytest.fixture(scope="module")
def deli_master(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny deli whose loose olives came in from the till as pieces (the default unit), with
    suggestions for DAY saved."""
    path = tmp_path_factory.mktemp("deli") / "deli.bkshop"
    with create_shop(path, name="Feinkost Test", state="BY") as shop:
        save_product(shop, Product(OLIVES, price=18.0, unit_cost=8.0, shelf_life_days=1,
                                   supplier="Antipasti"))
        save_product(shop, Product("Brot", price=4.0, unit_cost=1.2, supplier="Backstube"))
        days = pd.date_range("2026-08-03", "2026-11-23")
        days = days[days.day_of_week < 6]
        rng = np.random.default_rng(1)
        write_sales(shop, pd.DataFrame([
            {"product": name, "date": d, "quantity": float(q)} for d in days
            for name, q in ((OLIVES, rng.poisson(8)), ("Brot", rng.poisson(20)))]))
    assert main(["--shop", str(path), "suggest", "--date", DAY]) == 0
    return path


@pytest.fixture
def deli(deli_master: Path, tmp_path: Path) -> Path:
    path = tmp_path / "deli.bkshop"
    shutil.copy(deli_master, path)
    return path


def _pdf_text(path: Path) -> str:
    """The real PDF's text, laid out as printed (pypdf: no system tool needed)."""
    return "\n".join(page.extract_text(extraction_mode="layout").replace("\t", " ")
                     for page in PdfReader(path).pages)


def _run(capsys: pytest.CaptureFixture[str], path: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--shop", str(path), *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_the_unit_can_be_changed_and_kilograms_keep_their_decimals(
        deli: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, deli, "settings", "product", OLIVES, "--pack-size", "2,5")
    assert code == 2
    assert "--pack-size" in err
    code, out, _ = _run(capsys, deli, "settings", "product", OLIVES, "--unit", "kg",
                        "--pack-size", "0,5")
    assert code == 0, out
    code, out, err = _run(capsys, deli, "settings", "product", OLIVES, "--pack-size", "2,5")
    assert code == 0, err
    with Shop.open(deli) as shop:
        olives = product_by_name(shop, OLIVES)
    assert (olives.unit, olives.pack_size) == ("kg", 2.5)
    code, _, err = _run(capsys, deli, "settings", "product", OLIVES, "--unit", "Eimer")
    assert code == 2
    assert "Stück, kg, l" in err

    assert _run(capsys, deli, "suggest", "--date", DAY)[0] == 0
    code, out, err = _run(capsys, deli, "order", "set", OLIVES, "4,5", "--reason", "Lieferant",
                          "--date", DAY)
    assert code == 0, err
    assert _run(capsys, deli, "order", "export", "--out", str(tmp_path / "l.csv"),
                "--date", DAY)[0] == 0
    with open(tmp_path / "l.csv", encoding="utf-8-sig", newline="") as fh:
        rows = {row[1]: row for row in csv.reader(fh, delimiter=";")}
    assert rows[OLIVES][2:4] == ["4,5", "kg"]
    pdf = tmp_path / "l.pdf"
    done = subprocess.run([sys.executable, "-m", "app", "--shop", str(deli), "order", "export",
                           "--out", str(pdf), "--date", DAY], cwd=REPO_ROOT, capture_output=True,
                          text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    text = _pdf_text(pdf)
    olive_line = next(line for line in text.splitlines() if line.startswith("Oliven"))
    assert "4,5 kg" in " ".join(olive_line.split()), olive_line
    assert "Stück" not in olive_line


def test_a_count_of_2_75_kg_shows_as_2_75(deli: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(capsys, deli, "settings", "product", OLIVES, "--unit", "kg")[0] == 0
    code, out, err = _run(capsys, deli, "stock", "set", OLIVES, "2,75", "--date", DAY)
    assert code == 0, err
    assert "2,75 kg" in out
    code, out, _ = _run(capsys, deli, "stock", "show", "--date", DAY, "--format", "csv")
    assert f"{OLIVES};kg;{DAY};2,75;0" in out


def test_supplier_delivery_facts_on_the_command_line(
        deli: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = _run(capsys, deli, "settings", "supplier", "Antipasti", "--deliver-on",
                          "Di,Fr", "--lead-time", "2", "--cutoff", "10.30", "--no-delivery",
                          "24.12.2026,2026-12-31", "--min-order-value", "150", "--customer-number",
                          "K-9")
    assert code == 0, err
    with Shop.open(deli) as shop:
        saved = load_suppliers(shop)["Antipasti"]
        olives = product_by_name(shop, OLIVES)
    assert saved.delivery_weekdays == (1, 4)
    assert (saved.lead_time_days, saved.cutoff, saved.min_order_value) == (2, "10:30", 150.0)
    assert saved.no_delivery_days == (dt.date(2026, 12, 24), dt.date(2026, 12, 31))
    assert (olives.delivery_weekdays, olives.lead_time_days) == ((1, 4), 2)
    # the product's own days win; "supplier" gives them back
    assert _run(capsys, deli, "settings", "product", OLIVES, "--deliver-on", "Mo")[0] == 0
    with Shop.open(deli) as shop:
        assert product_by_name(shop, OLIVES).delivery_weekdays == (0,)
    assert _run(capsys, deli, "settings", "product", OLIVES, "--deliver-on",
                "supplier")[0] == 0
    with Shop.open(deli) as shop:
        assert product_by_name(shop, OLIVES).delivery_weekdays == (1, 4)
    assert _run(capsys, deli, "settings", "product", OLIVES, "--lead-time", "5")[0] == 0
    with Shop.open(deli) as shop:
        assert product_by_name(shop, OLIVES).lead_time_days == 5
    assert _run(capsys, deli, "settings", "product", OLIVES, "--lead-time", "supplier")[0] == 0
    with Shop.open(deli) as shop:
        assert product_by_name(shop, OLIVES).lead_time_days == 2
    for option, value in (("--cutoff", "abends"), ("--lead-time", "-1"),
                          ("--no-delivery", "32.12.2026"), ("--min-order-value", "viel")):
        code, _, err = _run(capsys, deli, "settings", "supplier", "Antipasti", option, value)
        assert code == 2, option
        assert "Traceback" not in err
    code, _, err = _run(capsys, deli, "settings", "supplier", "Antipasti", "--cutoff", "abends",
                        "--lang", "en")
    assert "order cut-off" in err
    with Shop.open(deli) as shop:
        assert load_suppliers(shop)["Antipasti"] == saved  # nothing changed


def test_the_list_says_when_an_order_is_below_the_minimum_order_value(
        deli: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(capsys, deli, "settings", "supplier", "Backstube", "--min-order-value",
                "1000", "--cutoff", "10:30")[0] == 0
    assert _run(capsys, deli, "settings", "supplier", "Antipasti", "--min-order-value",
                "1")[0] == 0
    folder = tmp_path / "listen"
    done = subprocess.run([sys.executable, "-m", "app", "--shop", str(deli), "order", "export",
                           "--per-supplier", "pdf", "--out", str(folder), "--date", DAY],
                          cwd=REPO_ROOT, capture_output=True, text=True, timeout=120,
                          check=False)
    assert done.returncode == 0, done.stderr
    text = _pdf_text(folder / f"Bestellung Backstube {DAY}.pdf")
    assert "Mindestbestellwert 1.000,00 € nicht erreicht" in " ".join(text.split())
    assert "Bestellschluss 10:30" in text
    other = _pdf_text(folder / f"Bestellung Antipasti {DAY}.pdf")
    assert "Mindestbestellwert" not in other


def test_settings_show_lists_the_suppliers(deli: Path, capsys: pytest.CaptureFixture[str]
                                           ) -> None:
    import json

    assert _run(capsys, deli, "settings", "supplier", "Antipasti", "--deliver-on", "Di,Fr",
                "--no-delivery", "24.12.2026", "--min-order-value", "150", "--cutoff", "10")[0] == 0
    code, out, _ = _run(capsys, deli, "settings", "show")
    assert code == 0
    line = next(line for line in out.splitlines() if line.startswith("Antipasti:"))
    assert line == ("Antipasti: liefert Di, Fr; Bestellschluss 10:00; keine Lieferung am "
                    "24.12.2026; Mindestbestellwert 150,00 €")
    code, out, _ = _run(capsys, deli, "settings", "show", "--format", "json", "--lang", "en")
    data = json.loads(out)
    assert data["suppliers"][0]["no_delivery_days"] == ["2026-12-24"]
    olives = next(p for p in data["products"] if p["name"] == OLIVES)
    assert olives["no_delivery_days"] == ["2026-12-24"]
    assert olives["delivery_weekdays"] == [1, 4]
