"""`bestellkompass stock`: counts from the command line change the stored suggestions' freshness
and the order of goods that keep, on a real demo shop file; bad input changes nothing."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

import pytest

from app.cli import main
from tests.app.conftest import ORDER_DAY

DAY = ORDER_DAY.isoformat()
BREAD = "Roggenmischbrot 750 g"


def _run(capsys: pytest.CaptureFixture[str], path: Path, *args: str) -> str:
    assert main(["--shop", str(path), "stock", *args, "--date", DAY]) == 0
    return capsys.readouterr().out


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_set_show_clear(shop_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    table = _run(capsys, shop_path, "show")
    assert "Bestand für Bestellungen am 26.11.2026" in table
    assert f"{BREAD}" in table
    assert "noch nie gezählt" in table
    assert "Weizenbrötchen" not in table  # keeps one day: planned per day, not counted
    out = _run(capsys, shop_path, "set", BREAD, "7,5", "--on-order", "1.200")
    assert out.strip() == (f"Bestand „{BREAD}“ am 26.11.2026: 7,5 Stück da, "
                           "1.200 Stück schon bestellt.")
    rows = {r["product"]: r for r in json.loads(_run(capsys, shop_path, "show", "--format",
                                                     "json"))["products"]}
    assert rows[BREAD] | {} == {"product": BREAD, "unit": "Stück", "decimals": 0,
                                "counted": DAY, "on_hand": 7.5, "on_order": 1200.0,
                                "expected_on_hand": 7.5, "sell_by": rows[BREAD]["sell_by"],
                                "open_orders": [{"quantity": 1200.0, "date": DAY}]}
    assert main(["--shop", str(shop_path), "--lang", "en", "stock", "show", "--format", "csv",
                 "--date", DAY]) == 0
    assert f"{BREAD},Stück,{DAY},7.5,\"1,200\"" in capsys.readouterr().out
    note = _run(capsys, shop_path, "set", "Weizenbrötchen", "3")
    assert "hält nur einen Tag" in note
    assert "gelöscht" in _run(capsys, shop_path, "clear", BREAD)
    assert "keine Zählung" in _run(capsys, shop_path, "clear", BREAD)


@pytest.mark.parametrize(
    ("args", "words"),
    [(["set", "Dinkelbrot", "3"], "kein Produkt dieses Ladens"),
     (["set", BREAD, "-3"], "keine gültige Menge"),
     (["set", BREAD, "drei"], "keine gültige Menge"),
     (["set", BREAD, "3", "--on-order", "x"], "keine gültige Menge")],
)
def test_bad_input_is_refused_and_changes_nothing(
        shop_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], words: str) -> None:
    before = _digest(shop_path)
    assert main(["--shop", str(shop_path), "stock", *args, "--date", DAY]) == 2
    assert words in capsys.readouterr().err
    assert _digest(shop_path) == before


def test_a_count_makes_the_stored_order_stale_and_lowers_it(
        planned_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def bread_line() -> tuple[dict[str, object], str]:
        assert main(["--shop", str(planned_path), "order", "show", "--format", "json",
                     "--date", DAY]) == 0
        captured = capsys.readouterr()
        lines = {ln["product"]: ln for ln in json.loads(captured.out)["lines"]}
        return lines[BREAD], captured.err

    before, note = bread_line()
    assert before["suggestion"] > 0
    assert note == ""
    _run(capsys, planned_path, "set", BREAD, "500")
    after, note = bread_line()
    assert "Die Daten haben sich seit der Berechnung der Vorschläge" in note
    # counted, of unknown age: taken as baked the day before yesterday (keeps 3 days), so gone
    # before tomorrow's delivery; the line says so
    assert after["suggestion"] > 0
    assert main(["--shop", str(planned_path), "suggest", "--date", DAY, "--format", "json",
                 "--no-save"]) == 0
    lines = {ln["product"]: ln for ln in json.loads(capsys.readouterr().out)["lines"]}
    assert (lines[BREAD]["on_hand"], lines[BREAD]["on_order"]) == (500.0, 0.0)
    assert lines["Weizenbrötchen"]["on_hand"] is None
    assert any(n.startswith("Alter von 500 Stück aus der Zählung")
               for n in lines[BREAD]["notes"])
    # received this morning: the age is known, the stock lasts
    assert "Wareneingang „Roggenmischbrot 750 g“ am 26.11.2026: 500 Stück" in _run(
        capsys, planned_path, "receive", BREAD, "500")
    after, _ = bread_line()
    assert after["suggestion"] == 0
    assert after["suggestion_reason"].startswith("Vorrat reicht")


def test_import_an_inventory_list(shop_path: Path, tmp_path: Path,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "inventur.csv"
    good.write_text(f"Artikel;Bestand;bestellt\n{BREAD};4;10\nBaguette;0;0\n", encoding="utf-8")
    out = _run(capsys, shop_path, "import", str(good))
    assert out.strip() == "Bestand am 26.11.2026 für 2 Produkte aus inventur.csv gespeichert."
    rows = {r["product"]: r for r in json.loads(_run(capsys, shop_path, "show", "--format",
                                                     "json"))["products"]}
    assert (rows[BREAD]["on_hand"], rows[BREAD]["on_order"]) == (4.0, 10.0)
    bad = tmp_path / "falsch.csv"
    bad.write_text(f"Artikel;Bestand\n{BREAD};1\nBrezel XXL;2\n", encoding="utf-8")
    before = _digest(shop_path)
    assert main(["--shop", str(shop_path), "stock", "import", str(bad), "--date", DAY]) == 2
    err = capsys.readouterr().err
    assert "falsch.csv: 1 Zeile ist nicht in Ordnung; es wurde nichts gespeichert." in err
    assert "Zeile 3, Spalte A: „Brezel XXL“ ist kein Produkt dieses Ladens" in err
    assert _digest(shop_path) == before


def test_receive_and_write_off(shop_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Goods receipts and write-offs are booked in the user's language; bad input changes
    nothing."""
    assert "Abschrift „Roggenmischbrot 750 g“ am 26.11.2026: 3 Stück (beschädigt)." in _run(
        capsys, shop_path, "writeoff", BREAD, "3", "--reason", "Beschädigt")
    before = _digest(shop_path)
    assert main(["--shop", str(shop_path), "stock", "receive", BREAD, "5", "--date",
                 "2099-01-01"]) == 2
    assert "liegt in der Zukunft" in capsys.readouterr().err
    assert main(["--shop", str(shop_path), "--lang", "en", "stock", "writeoff", "Kaviar", "1",
                 "--date", DAY]) == 2
    assert "Kaviar" in capsys.readouterr().err
    assert main(["--shop", str(shop_path), "stock", "writeoff", BREAD, "-2", "--date",
                 DAY]) == 2
    assert _digest(shop_path) == before


def test_show_plays_the_count_forward(shop_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`stock show` says what should be on the shelf, not only the last count: 10 counted this
    morning, 5 more came, 3 written off as damaged: 12 now; two days on (no sales recorded) the
    counted bread (age unknown: taken as old as it can be) has expired, the 5 fresh are left."""
    _run(capsys, shop_path, "set", BREAD, "10")
    _run(capsys, shop_path, "receive", BREAD, "5")
    _run(capsys, shop_path, "writeoff", BREAD, "3", "--reason", "damaged")
    rows = {r["product"]: r for r in json.loads(_run(capsys, shop_path, "show", "--format",
                                                     "json"))["products"]}
    assert (rows[BREAD]["on_hand"], rows[BREAD]["expected_on_hand"]) == (10.0, 12.0)
    table = _run(capsys, shop_path, "show")
    row = next(line for line in table.splitlines() if line.startswith(BREAD))
    assert row.split()[4:8] == ["10", "Stück", "12", "Stück"]
    assert "jetzt erwartet" in table
    later = (ORDER_DAY + dt.timedelta(days=2)).isoformat()
    assert main(["--shop", str(shop_path), "stock", "show", "--format", "json", "--date",
                 later]) == 0
    rows = {r["product"]: r for r in json.loads(capsys.readouterr().out)["products"]}
    assert rows[BREAD]["expected_on_hand"] == 5.0
    assert rows[BREAD]["sell_by"] >= later  # the fresh ones still sell that day
