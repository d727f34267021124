"""`bestellkompass review`: decisions against sales in German and English, and bad input."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from app.cli import main
from app.commands.review import date_range
from forecasting.errors import UserError

RANGE = ["--start", "01.11.2026", "--end", "2026-11-30"]


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_table_german(review_shop_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "--shop", str(review_shop_path), "review", *RANGE)
    assert code == 0
    assert "Rückblick 01.11.2026 bis 30.11.2026" in out
    line = next(ln for ln in out.splitlines() if ln.startswith("04.11.2026"))
    assert "18 übrig" in line
    assert "2 zu wenig" in line
    assert "Vorschlag" in line
    assert "Martinsmarkt" in line
    sold_out = next(ln for ln in out.splitlines() if ln.startswith("05.11.2026"))
    assert "mind. 10 zu wenig" in sold_out
    assert " ja " in sold_out
    open_line = next(ln for ln in out.splitlines() if ln.startswith("06.11.2026"))
    assert "höchstens 20 übrig" in open_line
    assert "offen" in open_line
    assert "noch keine Verkaufszahlen" in out
    assert "Bei den 4 Änderungen lagen Sie 2-mal näher am Verkauf, der Vorschlag 1-mal" in out
    assert "8 Stück mehr Reste und 1 Tag weniger ausverkauft." in out
    assert "1 Änderung an einem ausverkauften Tag lässt sich" in out


def test_table_english_and_product(review_shop_path: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "--shop", str(review_shop_path), "--lang", "en", "review",
                        *RANGE, "--product", "Brötchen")
    assert code == 0
    assert "Review 2026-11-01 to 2026-11-30" in out
    assert "at least 10 short" in out
    assert "no sales figures yet" in out
    assert "Brezel" not in out
    assert "left 8 more units over and sold out on 1 day fewer." in out


def test_json_and_csv(review_shop_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "--shop", str(review_shop_path), "review", *RANGE,
                        "--format", "json")
    data = json.loads(out)
    assert code == 0
    assert data["summary"]["overrides"] == 4
    assert data["summary"]["leftover_change"] == 8
    assert [ln["closer"] for ln in data["lines"] if ln["product"] == "Brötchen"] == [
        None, "owner", "suggestion", "owner", "open", None]
    code, out, _ = _run(capsys, "--shop", str(review_shop_path), "review", *RANGE,
                        "--format", "csv")
    rows = out.splitlines()
    assert rows[0].startswith("date;product;suggested;final;sold")
    assert any(r.startswith("2026-11-07;Brötchen;50;55;;") and "no_sales" in r for r in rows)


def test_no_decisions(review_shop_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "--shop", str(review_shop_path), "review",
                        "--start", "2026-10-01", "--weeks", "2")
    assert code == 0
    assert "Von 01.10.2026 bis 14.10.2026 gibt es keine gespeicherten Entscheidungen." in out


@pytest.mark.parametrize(("argv", "expected"), [
    (["--product", "Baumkuchen"], "Das Produkt „Baumkuchen“ gibt es in diesem Laden nicht."),
    (["--start", "2026-11-30", "--end", "2026-11-01"],
     "Der Zeitraum endet (01.11.2026) vor seinem Anfang (30.11.2026)."),
    (["--weeks", "zwei"], "„zwei“ ist keine gültige Zahl von Wochen"),
])
def test_bad_input(review_shop_path: Path, capsys: pytest.CaptureFixture[str],
                   argv: list[str], expected: str) -> None:
    code, out, err = _run(capsys, "--shop", str(review_shop_path), "review", *argv)
    assert code == 2
    assert out == ""
    assert expected in err


def test_bad_input_english(review_shop_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "--shop", str(review_shop_path), "--lang", "en", "review",
                        "--product", "Baumkuchen")
    assert code == 2
    assert "There is no product “Baumkuchen” in this shop." in err


def test_bad_date(review_shop_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--shop", str(review_shop_path), "review", "--start", "31.02.2026"])
    assert exit_.value.code == 2
    assert "„31.02.2026“ ist kein Datum" in capsys.readouterr().err


def test_date_range() -> None:
    today = dt.date(2026, 12, 4)
    assert date_range(None, None, None, today) == (dt.date(2026, 11, 6), dt.date(2026, 12, 3))
    assert date_range(dt.date(2026, 11, 1), None, "1", today) == (dt.date(2026, 11, 1),
                                                                  dt.date(2026, 11, 7))
    assert date_range(None, dt.date(2026, 11, 30), "2", today) == (dt.date(2026, 11, 17),
                                                                   dt.date(2026, 11, 30))
    assert date_range(dt.date(2026, 11, 20), None, None, today) == (dt.date(2026, 11, 20),
                                                                    dt.date(2026, 12, 3))
    with pytest.raises(UserError):
        date_range(None, None, "0", today)
