"""Issue 15: the Kiel bakery's history written the way a German back office exports it (Windows
code page, semicolons, decimal comma, thousands points, turnover in "Umsatz (EUR)"), imported on
the command line as a new user would."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from app import cli
from forecasting.store.file import Shop
from forecasting.store.products import load_products
from forecasting.store.sales import read_sales
from forecasting.store.settings import load_settings

GROUPS = {"1": "Brot", "2": "Brötchen", "3": "Croissant", "4": "Konditorei", "5": "Kuchen",
          "6": "Saisonbrot"}


def _german(value: Decimal) -> str:
    """1625.69 -> "1.625,69" (two decimals, as the till prints euros)."""
    return f"{value:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")


def write_back_office_export(shared: Path, out: Path) -> dict[str, Decimal]:
    """The Kiel file as a German back office writes it; returns the exact euros per group."""
    totals: dict[str, Decimal] = {}
    source = shared / "kiel_bakery" / "umsatzdaten_gekuerzt.csv"
    with open(source, encoding="utf-8") as fh, open(out, "w", encoding="cp1252",
                                                      newline="") as dst:
        dst.write("Datum;Warengruppe;Umsatz (EUR)\r\n")
        for row in csv.DictReader(fh):
            day = dt.date.fromisoformat(row["Datum"])
            euros = Decimal(row["Umsatz"]).quantize(Decimal("0.01"))
            name = GROUPS[row["Warengruppe"]]
            totals[name] = totals.get(name, Decimal(0)) + euros
            dst.write(f"{day:%d.%m.%Y};{name};{_german(euros)}\r\n")
    return totals


@pytest.fixture
def bk() -> Callable[..., int]:
    """The real `bestellkompass` entry point."""
    return lambda *argv: cli.main([str(a) for a in argv])


@pytest.fixture
def kiel_export(shared_datasets: Path, tmp_path: Path) -> tuple[Path, dict[str, Decimal]]:
    path = tmp_path / "Umsatz Kiel 2013-2018.csv"
    return path, write_back_office_export(shared_datasets, path)


def test_money_column_is_refused_without_a_unit(
    bk: Callable[..., int], kiel_export: tuple[Path, dict[str, Decimal]], tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path, _ = kiel_export
    shop = tmp_path / "kiel.bkshop"
    assert bk("import", path, "--shop", shop, "--state", "SH") == 2
    err = capsys.readouterr().err
    assert "„Umsatz (EUR)“" in err
    assert "--unit EUR" in err
    assert not shop.exists()
    assert bk("--lang", "en", "import", path, "--shop", shop, "--state", "SH") == 2
    assert "“Umsatz (EUR)” holds money" in capsys.readouterr().err


def test_with_unit_eur_every_euro_arrives_and_is_shown_as_euros(
    bk: Callable[..., int], kiel_export: tuple[Path, dict[str, Decimal]], tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path, totals = kiel_export
    shop_path = tmp_path / "kiel.bkshop"
    assert bk("import", path, "--shop", shop_path, "--state", "SH", "--unit", "EUR") == 0
    out = capsys.readouterr().out
    assert "abgelehnt 0" in out  # "1.625,69" and the other big days are numbers
    assert "importiert 9.334" in out
    with Shop.open(shop_path) as shop:
        sales = read_sales(shop)
        units = {p.name: p.unit for p in load_products(shop)}
    assert units == dict.fromkeys(GROUPS.values(), "EUR")
    for name, total in totals.items():
        stored = sum(Decimal(repr(q)) for q in sales[sales["product"] == name]["quantity"])
        assert stored.quantize(Decimal("0.01")) == total, name
    assert bk("--shop", shop_path, "suggest", "--date", "2018-08-01", "--no-save") == 0
    table = capsys.readouterr().out
    assert "Brot (EUR)" in table
    assert "Stück" not in table


def test_a_quantity_column_may_be_chosen_instead(
    bk: Callable[..., int], tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    path = tmp_path / "kasse.csv"
    path.write_text("Datum;Artikel;Umsatz;Teile\n01.02.2024;Brot;1.625,69;412\n"
                    "02.02.2024;Brot;1.203,43;300\n", encoding="cp1252")
    shop = tmp_path / "k.bkshop"
    assert bk("import", path, "--shop", shop, "--state", "SH", "--dry-run") == 2
    assert "„Umsatz“" in capsys.readouterr().err
    assert bk("import", path, "--shop", shop, "--state", "SH", "--quantity-column", "Teile") == 0
    with Shop.open(shop) as opened:
        assert read_sales(opened)["quantity"].sum() == 712
        assert [p.unit for p in load_products(opened)] == ["Stück"]


def test_a_column_that_counts_pieces_is_preferred_to_the_turnover(
    bk: Callable[..., int], tmp_path: Path,
) -> None:
    path = tmp_path / "kasse.csv"
    path.write_text("Datum;Artikel;Umsatz;Menge\n01.02.2024;Brot;1.625,69;412\n",
                    encoding="utf-8")
    shop = tmp_path / "k.bkshop"
    assert bk("import", path, "--shop", shop, "--state", "SH") == 0
    with Shop.open(shop) as opened:
        assert read_sales(opened)["quantity"].sum() == 412


def test_kiel_as_a_new_user_sundays_open_state_and_weather_from_the_postal_code(
    bk: Callable[..., int], kiel_export: tuple[Path, dict[str, Decimal]], tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Issue 15: 1,342 Sunday rows, yet the new shop opened Monday to Saturday in NW."""
    path, _ = kiel_export
    with open(path, encoding="cp1252") as fh:
        sunday_rows = sum(1 for line in list(fh)[1:]
                          if dt.datetime.strptime(line[:10], "%d.%m.%Y").weekday() == 6)
    assert sunday_rows == 1342
    shop_path = tmp_path / "kiel.bkshop"
    assert bk("import", path, "--shop", shop_path, "--postal-code", "24103", "--unit", "EUR") == 0
    out = capsys.readouterr().out
    assert "Sonntags geöffnet: ja, 260 Sonntage mit Verkäufen" in out
    assert "Bundesland: SH (aus der Postleitzahl 24103 Kiel)" in out
    with Shop.open(shop_path) as shop:
        settings = load_settings(shop)
    assert settings.opening_days == (0, 1, 2, 3, 4, 5, 6)
    assert settings.state == "SH"
    assert settings.latitude is not None
    assert settings.longitude is not None
    assert bk("--shop", shop_path, "suggest", "--date", "2018-07-29", "--no-save") == 0  # Sunday
    table = capsys.readouterr().out
    assert "Sonntag, 29.07.2018" in table
    assert "geschlossen" not in table
    assert "Brot (EUR)" in table


def test_euros_never_mix_with_pieces_of_the_same_product(
    bk: Callable[..., int], tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    shop_path = tmp_path / "k.bkshop"
    pieces = tmp_path / "stueck.csv"
    pieces.write_text("Datum;Artikel;Menge\n01.02.2024;Brot;40\n", encoding="utf-8")
    euros = tmp_path / "umsatz.csv"
    euros.write_text("Datum;Artikel;Umsatz\n02.02.2024;Brot;1.625,69\n", encoding="utf-8")
    assert bk("import", pieces, "--shop", shop_path, "--state", "SH") == 0
    capsys.readouterr()
    assert bk("import", euros, "--shop", shop_path, "--unit", "EUR") == 2
    assert "„Brot“ wird im Laden in Stück geführt, die Datei bringt EUR" in capsys.readouterr().err
    with Shop.open(shop_path) as shop:
        assert read_sales(shop)["quantity"].tolist() == [40]
