"""`bestellkompass order`: decisions and exports from the command line, on real demo shop files.

The demo bakery's plan for ORDER_DAY is computed once per session (conftest `shared_plan`); each
test works on a copy, and the command reuses the forecast saved in it (nothing is retrained).
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from openpyxl import load_workbook

from app.cli import main
from app.commands.order import parse_quantity
from forecasting.errors import UserError
from forecasting.store.create import create_shop
from forecasting.store.decisions import load_decisions
from forecasting.store.file import Shop
from forecasting.store.products import save_product
from forecasting.store.sales import write_sales
from forecasting.values.products import Product
from tests.app.conftest import ORDER_DAY, REPO_ROOT

DAY = ORDER_DAY.isoformat()


def _run(capsys: pytest.CaptureFixture[str], path: Path, *args: str) -> str:
    assert main(["--shop", str(path), "order", *args, "--date", DAY]) == 0
    return capsys.readouterr().out


def _lines(capsys: pytest.CaptureFixture[str], path: Path) -> dict[str, dict[str, object]]:
    out = json.loads(_run(capsys, path, "show", "--format", "json"))
    return {line["product"]: line for line in out["lines"]}


def _decisions(path: Path, day: dt.date = ORDER_DAY) -> dict[str, object]:
    with Shop.open(path) as shop:
        return {d.product: d for d in load_decisions(shop, day)}


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_show_lists_every_line_as_open(planned_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    lines = _lines(capsys, planned_path)
    assert len(lines) == 9
    assert all(line["state"] == "open" and line["final"] is None for line in lines.values())
    assert all(line["suggestion"] >= 0 for line in lines.values())
    assert sum(line["suggestion"] for line in lines.values()) > 0
    table = _run(capsys, planned_path, "show")
    assert "Bestellvorschlag für Donnerstag, 26.11.2026" in table
    assert "0 von 9 Zeilen entschieden; offen: " in table
    assert "Baguette" in table


def test_accept_all_and_named(planned_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = _lines(capsys, planned_path)
    assert "Vorschläge übernommen am 26.11.2026: 1." in _run(capsys, planned_path, "accept", "Baguette",
                                             "--by", "Anna")
    first = _decisions(planned_path)
    assert list(first) == ["Baguette"]
    assert first["Baguette"].final == first["Baguette"].suggested == lines["Baguette"]["suggestion"]
    assert first["Baguette"].decided_by == "Anna"
    assert first["Baguette"].reason_code is None
    assert "Vorschläge übernommen am 26.11.2026: 8." in _run(capsys, planned_path, "accept")
    decided = _decisions(planned_path)
    assert set(decided) == set(lines)
    assert all(d.final == lines[p]["suggestion"] for p, d in decided.items())
    assert all(d.decided_by for d in decided.values())
    assert decided["Baguette"] == first["Baguette"]  # already decided: left alone
    assert "Vorschläge übernommen am 26.11.2026: 0." in _run(capsys, planned_path, "accept")
    table = _run(capsys, planned_path, "show")
    assert "9 von 9 Zeilen entschieden; offen: keine" in table
    assert "übernommen" in table


def test_set_with_reason_then_clear(planned_path: Path, capsys: pytest.CaptureFixture[str]
                                    ) -> None:
    suggestion = _lines(capsys, planned_path)["Croissant"]["suggestion"]
    wanted = suggestion + 15
    out = _run(capsys, planned_path, "set", "Croissant", f"{wanted:g}", "--reason", "event",
               "--note", "Stadtfest")
    assert "„Croissant“ am 26.11.2026" in out
    decision = _decisions(planned_path)["Croissant"]
    assert decision.final == wanted
    assert decision.suggested == suggestion
    assert (decision.reason_code, decision.reason_text) == ("event", "Stadtfest")
    shown = _lines(capsys, planned_path)["Croissant"]
    assert shown["state"] == "changed"
    assert shown["final"] == wanted
    table = _run(capsys, planned_path, "show")
    assert "Ein Ereignis, von dem ich weiß – Stadtfest" in table
    # changing it again replaces the decision; the suggested quantity needs no reason
    _run(capsys, planned_path, "set", "Croissant", f"{suggestion:g}")
    decision = _decisions(planned_path)["Croissant"]
    assert (decision.final, decision.reason_code) == (suggestion, None)
    assert "zurückgenommen" in _run(capsys, planned_path, "clear", "Croissant")
    assert _decisions(planned_path) == {}
    assert "keine Entscheidung" in _run(capsys, planned_path, "clear", "Croissant")


def test_english_output(planned_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--shop", str(planned_path), "--lang", "en", "order", "set", "Berliner", "0",
                 "--reason", "other", "--note", "oven broken", "--date", DAY]) == 0
    assert "“Berliner” on 2026-11-26: ordering 0" in capsys.readouterr().out
    assert main(["--shop", str(planned_path), "order", "show", "--lang", "en",
                 "--date", "26.11.2026"]) == 0
    table = capsys.readouterr().out
    assert "Order suggestions for Thursday, 2026-11-26" in table
    assert "1 of 9 lines decided" in table
    assert "Other – oven broken" in table


@pytest.mark.parametrize(("word", "code"), [("Wetter", "weather"), ("wetter", "weather"),
                                            ("WEATHER", "weather"), ("Aktion", "promotion"),
                                            ("lieferant", "supplier_limit"),
                                            ("supplier-limit", "supplier_limit"),
                                            ("Ereignis", "event")])
def test_reasons_in_german_words_or_english_codes(planned_path: Path,
                                                  capsys: pytest.CaptureFixture[str], word: str,
                                                  code: str) -> None:
    wanted = _lines(capsys, planned_path)["Croissant"]["suggestion"] + 3
    _run(capsys, planned_path, "set", "Croissant", f"{wanted:g}", "--reason", word)
    assert _decisions(planned_path)["Croissant"].reason_code == code


def test_an_unknown_reason_is_refused_with_the_names_in_the_users_language(
        planned_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = _digest(planned_path)
    assert main(["--shop", str(planned_path), "order", "set", "Baguette", "100000", "--reason",
                 "Regen", "--date", DAY]) == 2
    assert ("Unbekannter Grund „Regen“ (möglich: Ereignis, Lieferant, Aktion, Wetter, Anderes)"
            in capsys.readouterr().err)
    assert main(["--shop", str(planned_path), "order", "set", "Baguette", "100000",
                 "--date", DAY]) == 2
    assert "--reason Ereignis|Lieferant|Aktion|Wetter|Anderes" in capsys.readouterr().err
    assert main(["--shop", str(planned_path), "--lang", "en", "order", "set", "Baguette",
                 "100000", "--reason", "rain", "--date", DAY]) == 2
    assert ("(choose one of event, supplier_limit, promotion, weather, other)"
            in capsys.readouterr().err)
    assert _digest(planned_path) == before


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["set", "Donauwelle", "10", "--reason", "event"], "„Donauwelle“ steht nicht auf"),
        (["accept", "Baguette", "Donauwelle"], "„Donauwelle“ steht nicht auf"),
        (["clear", "Donauwelle"], "„Donauwelle“ steht nicht auf"),
        (["set", "Baguette", "viele", "--reason", "event"], "„viele“ ist keine gültige Menge"),
        (["set", "Baguette", "-5", "--reason", "event"], "„-5“ ist keine gültige Menge"),
        (["set", "Baguette", "800,5", "--reason", "event"],
         "„Baguette“ wird in Stück gezählt: 800,5 geht nicht, bitte eine ganze Zahl angeben."),
        (["set", "Baguette", "100000", "--reason", "hunger"], "Unbekannter Grund „hunger“"),
        (["set", "Baguette", "100000"], "bitte einen Grund angeben"),
        (["set", "Baguette", "100000", "--reason", "other"], "--note"),
        (["export", "--out", "liste.txt"], "als .csv, .xlsx oder .pdf"),
    ],
)
def test_bad_input_changes_nothing(planned_path: Path, capsys: pytest.CaptureFixture[str],
                                   args: list[str], words: str) -> None:
    before = _digest(planned_path)
    assert main(["--shop", str(planned_path), "order", *args, "--date", DAY]) == 2
    captured = capsys.readouterr()
    assert words in captured.err
    assert "Traceback" not in captured.err
    assert _digest(planned_path) == before
    assert _decisions(planned_path) == {}


def test_bad_input_in_english(planned_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = _digest(planned_path)
    assert main(["--shop", str(planned_path), "--lang", "en", "order", "set", "Baguette",
                 "100000", "--date", DAY]) == 2
    assert "differs from the suggestion" in capsys.readouterr().err
    assert _digest(planned_path) == before


def test_day_without_suggestions_says_what_to_run(planned_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    before = _digest(planned_path)
    assert main(["--shop", str(planned_path), "order", "accept", "--date", "2026-11-27"]) == 2
    err = capsys.readouterr().err
    assert "Für 27.11.2026 sind noch keine Bestellvorschläge gespeichert" in err
    assert "bestellkompass suggest --date 2026-11-27" in err
    assert _digest(planned_path) == before


def test_parse_quantity_german_and_english() -> None:
    assert parse_quantity("1.234,5", "de") == 1234.5
    assert parse_quantity("2,5", "de") == 2.5
    assert parse_quantity("2,5", "en") == 2.5
    assert parse_quantity("1,234.5", "en") == 1234.5
    assert parse_quantity("0", "de") == 0
    for bad in ("", "nan", "-1", "inf", "zwölf"):
        with pytest.raises(UserError):
            parse_quantity(bad, "de")


def test_csv_and_xlsx_export_the_final_list(planned_path: Path, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    lines = _lines(capsys, planned_path)
    _run(capsys, planned_path, "set", "Laugenbrezel", "7", "--reason", "promotion")
    _run(capsys, planned_path, "accept", "Baguette")
    out = _run(capsys, planned_path, "export", "--out", str(tmp_path / "liste.csv"))
    assert "Bestellliste gespeichert" in out
    with open(tmp_path / "liste.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh, delimiter=";"))
    assert rows[0] == ["Bereich", "Produkt", "Menge", "Einheit", "Vorschlag", "Bestätigt", "Grund"]
    by_product = {row[1]: row for row in rows[1:]}
    assert set(by_product) == set(lines)
    assert by_product["Laugenbrezel"][2] == "7"
    assert by_product["Laugenbrezel"][5] == "ja"
    assert by_product["Laugenbrezel"][6] == "Aktion"  # the owner's reason, not the model's
    assert by_product["Baguette"][5] == "ja"
    assert by_product["Croissant"][5] == "nein"
    assert float(by_product["Croissant"][2].replace(".", "").replace(",", ".")) == \
        lines["Croissant"]["suggestion"]

    _run(capsys, planned_path, "export", "--out", str(tmp_path / "liste.xlsx"))
    sheet = load_workbook(tmp_path / "liste.xlsx").active
    assert sheet["A1"].value.startswith("Bestellliste ")
    assert sheet["A1"].value.endswith("26.11.2026")
    values = list(sheet.iter_rows(min_row=4, values_only=True))
    xlsx = {row[1]: row for row in values}
    assert set(xlsx) == set(lines)
    assert xlsx["Laugenbrezel"][2] == 7
    assert xlsx["Laugenbrezel"][6] == "Aktion"
    assert xlsx["Croissant"][2] == lines["Croissant"]["suggestion"]


@pytest.fixture(scope="module")
def formula_shop(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny shop whose product and area names look like spreadsheet formulas, suggestions saved."""
    path = tmp_path_factory.mktemp("order_cmd") / "tiny.bkshop"
    with create_shop(path, name="Testbäckerei", state="BY") as shop:
        save_product(shop, Product("=HYPERLINK(\"x\")", price=2.0, unit_cost=0.5,
                                   supplier="+Backstube"))
        save_product(shop, Product("Brot", price=4.0, unit_cost=1.2, supplier="Backstube"))
        days = pd.date_range("2026-08-03", "2026-11-23")
        days = days[days.day_of_week < 6]
        rng = np.random.default_rng(1)
        write_sales(shop, pd.DataFrame([
            {"product": name, "date": d, "quantity": float(rng.poisson(mean))}
            for d in days for name, mean in (("=HYPERLINK(\"x\")", 30), ("Brot", 20))
        ]))
    assert main(["--shop", str(path), "suggest", "--date", "2026-11-24"]) == 0
    return path


def test_export_neutralises_formulas(formula_shop: Path, tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    shop = ["--shop", str(formula_shop), "order"]
    assert main([*shop, "export", "--out", str(tmp_path / "x.csv"), "--date", "2026-11-24"]) == 0
    assert main([*shop, "export", "--out", str(tmp_path / "x.xlsx"), "--date", "24.11.2026",
                 "--lang", "en"]) == 0
    capsys.readouterr()
    with open(tmp_path / "x.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh, delimiter=";"))
    assert ["'+Backstube", "'=HYPERLINK(\"x\")"] in [row[:2] for row in rows]
    sheet = load_workbook(tmp_path / "x.xlsx").active
    cells = [row[1] for row in sheet.iter_rows(min_row=4)]
    formula = next(c for c in cells if "HYPERLINK" in str(c.value))
    assert formula.value == "'=HYPERLINK(\"x\")"
    assert formula.data_type == "s"
    assert sheet["A3"].value == "Area"


def test_closed_day_shows_the_reason(formula_shop: Path, capsys: pytest.CaptureFixture[str]
                                     ) -> None:
    assert main(["--shop", str(formula_shop), "order", "show", "--date", "2026-12-25"]) == 0
    out = capsys.readouterr().out
    assert "geschlossen" in out
    assert "Brot" in out


def test_pdf_export_from_a_fresh_process(planned_path: Path, tmp_path: Path) -> None:
    """The real console entry point without a display setting: Qt is started offscreen."""
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    target = tmp_path / "liste.pdf"
    done = subprocess.run(
        [sys.executable, "-m", "app", "--shop", str(planned_path), "order", "export",
         "--out", str(target), "--date", DAY],
        cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=120, check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "Bestellliste gespeichert" in done.stdout
    assert target.read_bytes().startswith(b"%PDF")
    assert target.stat().st_size > 1000


def test_one_list_per_supplier_with_its_numbers_and_columns(
        planned_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from pypdf import PdfReader

    shop = ["--shop", str(planned_path)]
    assert main([*shop, "settings", "supplier", "Konditorei", "--customer-number", "4711",
                 "--columns", "article_number,quantity,unit,product"]) == 0
    assert "Kundennummer 4711" in capsys.readouterr().out
    assert main([*shop, "settings", "product", "Berliner", "--article-number", "B-17"]) == 0
    assert main([*shop, "settings", "supplier", "Konditorei", "--columns", "menge"]) == 2
    assert "article_number,product,quantity,unit,note" in capsys.readouterr().err
    _run(capsys, planned_path, "set", "Berliner", "7", "--reason", "promotion")

    out = _run(capsys, planned_path, "export", "--per-supplier", "csv", "--out",
               str(tmp_path / "listen"))
    assert "Bestelllisten je Lieferant" in out
    files = sorted(p.name for p in (tmp_path / "listen").iterdir())
    assert f"Bestellung Konditorei {DAY}.csv" in files
    assert f"Bestellung Backstube {DAY}.csv" in files
    with open(tmp_path / "listen" / f"Bestellung Konditorei {DAY}.csv", encoding="utf-8-sig",
              newline="") as fh:
        rows = list(csv.reader(fh, delimiter=";"))
    assert rows[0] == ["Art.-Nr.", "Menge", "Einheit", "Produkt"]
    assert ["B-17", "7", "Stück", "Berliner"] in rows
    assert all(row[3] != "Baguette" for row in rows), "only the supplier's products"

    _run(capsys, planned_path, "export", "--out", str(tmp_path / "alle.pdf"))
    pages = [p.extract_text(extraction_mode="layout") for p in
             PdfReader(tmp_path / "alle.pdf").pages]
    konditorei = [p for p in pages if "Konditorei" in p]
    assert len(konditorei) == 1, "the described supplier starts a page of its own"
    assert "Backstube" not in konditorei[0]
    assert "Kundennummer 4711" in " ".join(konditorei[0].split())
    assert "B-17" in konditorei[0]
