"""The validation report: JSON contract and the text a user reads, in German and English."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from forecasting.importing.engine import ImportOptions, import_sales
from forecasting.importing.report import ProductTotal, render_report


def test_reconciliation_identity() -> None:
    t = ProductTotal(
        "Brot",
        in_file=Decimal("10.5"),
        imported=Decimal("9"),
        rounding=Decimal("0"),
        kept_difference=Decimal("1.5"),
        rows=3,
        days=2,
    )
    assert t.reconciled
    t.imported = Decimal("9.000001")
    assert not t.reconciled


def test_json_and_text(tmp_path: Path) -> None:
    path = tmp_path / "k.csv"
    path.write_text(
        "Datum;Artikel;Menge\n01.02.2024;Brot;1.234,5\n\n02.02.2024;Brot;x\n"
        "02.02.2024;Brot;2\nSumme;;1.236,5\n",
        encoding="utf-8",
    )
    report = import_sales(path, None, options=ImportOptions(accept_rejects=True))
    data = json.loads(report.to_json())
    assert data["rows_read"] == 6
    assert data["rows_imported"] == 2
    assert data["rows_rejected"] == [
        {"row": 4, "column": "Menge", "reason": "not_a_number", "value": "x"}
    ]
    assert data["rows_blank"] == 1
    assert data["rows_footer"][0]["row"] == 6
    assert data["rows_accounted"] == 6
    assert data["totals"][0]["in_file"] == "1236.5"
    assert data["totals"][0]["imported"] == "1236.5"
    assert data["reconciled"] is True
    de = render_report(report, "de")
    assert "Zeile 4, Spalte „Menge“: keine Zahl („x“)" in de
    assert "1.236,5 / 1.236,5" in de
    en = render_report(report, "en")
    assert "Row 4, column “Menge”: not a number (“x”)" in en
    assert "1,236.5 / 1,236.5" in en
