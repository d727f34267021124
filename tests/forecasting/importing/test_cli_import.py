"""`bestellkompass import`: exit codes, dry run, JSON report, refusals in one line."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from app import cli
from forecasting.store.create import create_shop
from forecasting.store.file import Shop
from forecasting.store.settings import load_settings

SALES = """Datum;Artikel;Menge
01.02.2024;Brötchen;120
01.02.2024;Roggenbrot;12,5
02.02.2024;Brötchen;98
02.02.2024;Roggenbrot;9
"""


@pytest.fixture
def bk() -> Callable[..., int]:
    """The real `bestellkompass` entry point."""
    return lambda *argv: cli.main([str(a) for a in argv])


@pytest.fixture
def sales_csv(tmp_path: Path) -> Path:
    path = tmp_path / "kasse.csv"
    path.write_text(SALES, encoding="cp1252")
    return path


def test_import_creates_shop_and_writes_json_report(
    bk: Callable[..., int], sales_csv: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shop_path = tmp_path / "Bäckerei Korn.bkshop"
    report_path = tmp_path / "bericht.json"
    assert (
        bk("import", sales_csv, "--shop", shop_path, "--state", "sh", "--report-json", report_path)
        == 0
    )
    out = capsys.readouterr().out
    assert "Zeilen gelesen: 5" in out
    with Shop.open(shop_path) as shop:
        settings = load_settings(shop)
        assert (settings.name, settings.state) == ("Bäckerei Korn", "SH")
        assert shop._conn.execute("SELECT SUM(quantity) FROM sales").fetchone()[0] == 239.5
    report = json.loads(report_path.read_text(encoding="utf-8"))
    assert report["rows_read"] == 5
    assert report["rows_imported"] == 4
    assert report["rows_rejected"] == []
    totals = {t["product"]: (t["in_file"], t["imported"]) for t in report["totals"]}
    assert totals == {"Brötchen": ("218", "218"), "Roggenbrot": ("21.5", "21.5")}
    assert report["mapping"]["encoding"] == "cp1252"


def test_dry_run_writes_nothing(
    bk: Callable[..., int],
    sales_csv: Path,
    tmp_path: Path,
    digest: Callable[[Path], str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    new = tmp_path / "neu.bkshop"
    assert bk("import", sales_csv, "--shop", new, "--dry-run") == 0
    assert not new.exists()
    assert "Probelauf" in capsys.readouterr().out
    existing = tmp_path / "alt.bkshop"
    create_shop(existing, name="Alt", state="NW").close()
    before = digest(existing)
    assert (
        bk(
            "import",
            sales_csv,
            "--shop",
            existing,
            "--dry-run",
            "--report-json",
            tmp_path / "r.json",
        )
        == 0
    )
    assert digest(existing) == before
    assert json.loads((tmp_path / "r.json").read_text())["dry_run"] is True


def test_refusal_is_one_line_exit_2_and_writes_nothing(
    bk: Callable[..., int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "kaputt.csv"
    bad.write_text(SALES + "03.02.2024;Brötchen;viele\n", encoding="utf-8")
    shop_path = tmp_path / "laden.bkshop"
    report_path = tmp_path / "r.json"
    assert bk("import", bad, "--shop", shop_path, "--state", "NW", "--report-json",
              report_path) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "kaputt.csv" in err
    assert "Zeile 6" in err
    assert "Menge" in err
    assert "Traceback" not in err
    assert not shop_path.exists()
    report = json.loads(report_path.read_text())
    assert report["refusal"]["code"] == "import.rejected_rows"
    assert report["rows_rejected"] == [
        {"row": 6, "column": "Menge", "reason": "not_a_number", "value": "viele"}
    ]
    assert bk("--lang", "en", "import", bad, "--shop", shop_path, "--state", "NW") == 2
    assert "row 6" in capsys.readouterr().err
    assert bk("import", bad, "--shop", shop_path, "--state", "NW", "--accept-rejects") == 0
    assert shop_path.exists()


def test_conflict_choice_on_the_command_line(
    bk: Callable[..., int], sales_csv: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shop_path = tmp_path / "laden.bkshop"
    assert bk("import", sales_csv, "--shop", shop_path, "--state", "NW") == 0
    changed = tmp_path / "neu.csv"
    changed.write_text(SALES.replace("98", "99"), encoding="utf-8")
    assert bk("import", changed, "--shop", shop_path) == 2
    assert "--on-conflict" in capsys.readouterr().err
    assert bk("import", changed, "--shop", shop_path, "--on-conflict", "replace") == 0
    with Shop.open(shop_path) as shop:
        assert (
            shop._conn.execute(
                "SELECT MAX(quantity) FROM sales WHERE date = '2024-02-02'"
            ).fetchone()[0]
            == 99
        )


def test_saved_mapping_can_be_corrected_and_reused(bk: Callable[..., int], tmp_path: Path) -> None:
    path = tmp_path / "us.csv"
    path.write_text("Date,Item,Qty\n03/04/2024,Bread,3\n04/04/2024,Bread,5\n", encoding="utf-8")
    mapping_path = tmp_path / "mapping.json"
    shop_path = tmp_path / "laden.bkshop"
    assert bk("import", path, "--shop", shop_path, "--state", "NW", "--save-mapping",
              mapping_path) == 2
    mapping = json.loads(mapping_path.read_text(encoding="utf-8"))
    assert mapping["date_column"] == "Date"
    mapping["date_order"] = "DMY"
    mapping["aliases"] = {"bread": "Brot"}
    mapping_path.write_text(json.dumps(mapping), encoding="utf-8")
    assert bk("import", path, "--shop", shop_path, "--state", "NW", "--mapping",
              mapping_path) == 0
    with Shop.open(shop_path) as shop:
        rows = shop._conn.execute(
            "SELECT p.name, s.date FROM sales s JOIN products p ON p.id = s.product_id ORDER BY 2"
        ).fetchall()
    assert [tuple(r) for r in rows] == [("Brot", "2024-04-03"), ("Brot", "2024-04-04")]


def test_missing_file_and_bad_mapping_are_user_errors(
    bk: Callable[..., int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert bk("import", tmp_path / "gibtsnicht.csv", "--shop", tmp_path / "s.bkshop") == 2
    assert "gibtsnicht.csv" in capsys.readouterr().err
    bad = tmp_path / "m.json"
    bad.write_text('{"layout": "sideways"}', encoding="utf-8")
    assert bk("import", tmp_path / "x.csv", "--mapping", bad, "--shop", tmp_path / "s.bkshop") == 2
    assert "layout" in capsys.readouterr().err


def test_bad_state_leaves_no_shop_file(
    bk: Callable[..., int], sales_csv: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shop_path = tmp_path / "laden.bkshop"
    assert bk("import", sales_csv, "--shop", shop_path, "--state", "QQ") == 2
    assert "QQ" in capsys.readouterr().err
    assert list(tmp_path.glob("laden.bkshop*")) == []


def test_branch_choice_on_the_command_line(
    bk: Callable[..., int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fixture = Path(__file__).resolve().parents[2] / "data" / "import" / "kasse_cp1252.csv"
    shop_path = tmp_path / "laden.bkshop"
    assert bk("import", fixture, "--shop", shop_path, "--state", "NW", "--accept-rejects") == 2
    assert "Bahnhof, Markt)" in capsys.readouterr().err  # the "Summe" line is no branch
    assert (
        bk("import", fixture, "--shop", shop_path, "--state", "NW", "--accept-rejects",
           "--branch", "bahnhof") == 0
    )
    with Shop.open(shop_path) as shop:
        assert shop._conn.execute("SELECT SUM(quantity) FROM sales").fetchone()[0] == 10


def test_a_new_shop_needs_its_state_never_a_guess(
    bk: Callable[..., int], sales_csv: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 15: a shop in Kiel silently became Nordrhein-Westfalen (with carnival)."""
    shop_path = tmp_path / "laden.bkshop"
    assert bk("import", sales_csv, "--shop", shop_path) == 2
    err = capsys.readouterr().err
    assert "Für einen neuen Laden fehlt das Bundesland" in err
    assert "--postal-code" in err
    assert list(tmp_path.glob("laden.bkshop*")) == []
    assert bk("import", sales_csv, "--shop", shop_path, "--postal-code", "99999") == 2
    assert "„99999“ ist keine deutsche Postleitzahl" in capsys.readouterr().err
    assert list(tmp_path.glob("laden.bkshop*")) == []


def test_a_new_shop_takes_state_and_coordinates_from_the_postal_code(
    bk: Callable[..., int], sales_csv: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shop_path = tmp_path / "laden.bkshop"
    assert bk("import", sales_csv, "--shop", shop_path, "--postal-code", "24103") == 0
    out = capsys.readouterr().out
    assert "Bundesland: SH (aus der Postleitzahl 24103 Kiel)" in out
    assert "Donnerstags geöffnet: ja, 1 Donnerstage mit Verkäufen" in out
    with Shop.open(shop_path) as shop:
        settings = load_settings(shop)
    assert (settings.state, settings.postal_code) == ("SH", "24103")
    assert settings.latitude == pytest.approx(54.32, abs=0.05)
    assert settings.longitude == pytest.approx(10.13, abs=0.05)


def test_settings_postal_code_also_sets_the_coordinates(
    bk: Callable[..., int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shop_path = tmp_path / "laden.bkshop"
    create_shop(shop_path, name="Laden", state="NW").close()
    assert bk("--shop", shop_path, "settings", "shop", "--postal-code", "80331") == 0
    with Shop.open(shop_path) as shop:
        settings = load_settings(shop)
    assert settings.state == "BY"
    assert settings.latitude == pytest.approx(48.14, abs=0.05)
    assert settings.longitude == pytest.approx(11.57, abs=0.05)
