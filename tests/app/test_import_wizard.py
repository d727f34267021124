"""Acceptance: a real file from ../shared/datasets goes through the wizard into the shop."""

from __future__ import annotations

import csv
from pathlib import Path

from forecasting.store.products import load_products
from forecasting.store.sales import read_sales
from tests.shared_data import require_datasets


def _kiel() -> Path:
    return require_datasets("kiel_bakery", "umsatzdaten_gekuerzt.csv")


def _file_totals(path: Path) -> dict[str, float]:
    totals: dict[str, float] = {}
    with open(path, encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            totals[row["Warengruppe"]] = totals.get(row["Warengruppe"], 0.0) + float(row["Umsatz"])
    return totals


def test_kiel_file_through_the_wizard(qtbot: object, session: object) -> None:
    from app.import_wizard import ImportWizard

    session.auto_recompute = False  # type: ignore[attr-defined]
    wizard = ImportWizard(session, None, str(_kiel()))
    qtbot.addWidget(wizard)  # type: ignore[attr-defined]
    wizard.show()
    assert wizard.file_page.isComplete()
    wizard.next()
    page = wizard.mapping_page
    assert "utf-8" in page.detected.text().lower()
    assert page.preview.rowCount() > 5
    assert page.date_box.currentData() == "Datum"
    assert page.quantity_box.currentData() == "Umsatz"
    assert page.product_box.currentData() == "Warengruppe"
    # issue 15: "Umsatz" is turnover; the wizard asks what it counts before going on
    assert "Umsatz" in page.unit_hint.text()
    assert page.unit_box.currentData() == ""
    assert not page.validatePage()
    page.unit_box.setCurrentIndex(page.unit_box.findData("EUR"))
    wizard.next()
    report = wizard.report_page
    qtbot.waitUntil(report.isComplete, timeout=60_000)  # type: ignore[attr-defined]
    assert "Kiel" in report.text.toPlainText() or "umsatzdaten" in report.text.toPlainText()
    before = len(read_sales(session.shop))  # type: ignore[attr-defined]
    wizard.next()
    done = wizard.done_page
    qtbot.waitUntil(lambda: done.finished, timeout=60_000)  # type: ignore[attr-defined]
    assert done.ok, done.text.toPlainText()
    sales = read_sales(session.shop)  # type: ignore[attr-defined]
    totals = _file_totals(_kiel())
    with open(_kiel(), encoding="utf-8") as fh:
        rows_in_file = sum(1 for _ in fh) - 1
    assert len(sales) - before == rows_in_file
    for group, total in totals.items():
        got = sales[sales["product"] == group]["quantity"].sum()
        assert abs(got - total) < 1e-6 * max(1.0, total), group
    units = {p.name: p.unit for p in load_products(session.shop)}  # type: ignore[attr-defined]
    assert {units[group] for group in totals} == {"EUR"}


def test_dos_export_can_be_read_in_another_encoding(qtbot: object, session: object,
                                                    tmp_path: Path) -> None:
    from app.import_wizard import ImportWizard

    path = tmp_path / "kasse.csv"
    path.write_bytes("Datum;Artikel;Menge\n01.02.2024;Brötchen;120\n".encode("cp850"))
    wizard = ImportWizard(session, None, str(path))
    qtbot.addWidget(wizard)  # type: ignore[attr-defined]
    wizard.show()
    wizard.next()
    page = wizard.mapping_page
    assert page.encoding_box.currentData() == "cp850"
    assert page.preview.item(0, 1).text() == "Brötchen"
    page.encoding_box.setCurrentIndex(page.encoding_box.findData("cp1252"))
    page._encoding_chosen()
    assert page.preview.item(0, 1).text() == "Br\u201dtchen"  # what the user would see and fix
    assert page.unit_box.currentData() == "Stück"  # "Menge" counts pieces: nothing to ask


def test_wrong_mapping_is_refused_on_the_page(qtbot: object, session: object) -> None:
    from app.import_wizard import ImportWizard

    wizard = ImportWizard(session, None, str(_kiel()))
    qtbot.addWidget(wizard)  # type: ignore[attr-defined]
    wizard.show()
    wizard.next()
    page = wizard.mapping_page
    page.date_box.setCurrentIndex(page.date_box.findData(""))
    assert not page.validatePage()
    assert page.error.text()


def test_dsfinvk_export_through_the_wizard(qtbot: object, session: object, tmp_path: Path
                                           ) -> None:
    """The till's DSFinV-K zip: preview of its lines, no columns to map, the dry-run report with
    the left-out receipts, and the import reconciling to the valid receipt lines."""
    from app.import_wizard import ImportWizard
    from forecasting.store.receipts import read_receipt_days
    from tests.forecasting.importing.dsfinvk_exports import (
        bakery_week,
        expected_totals,
        write_export,
    )

    export = write_export(tmp_path / "kasse.zip", bakery_week())
    session.auto_recompute = False  # type: ignore[attr-defined]
    wizard = ImportWizard(session, None, str(export))
    qtbot.addWidget(wizard)  # type: ignore[attr-defined]
    wizard.show()
    assert wizard.file_page.isComplete()
    wizard.next()
    page = wizard.mapping_page
    assert "DSFinV-K" in page.detected.text()
    assert page.error.text() == ""
    assert page.preview.rowCount() == 12
    headers = [page.preview.horizontalHeaderItem(c).text()
               for c in range(page.preview.columnCount())]
    assert "MENGE" in headers
    assert page.preview.item(0, headers.index("ARTIKELTEXT")).text() == "Brötchen"
    assert not page.date_box.isVisibleTo(page)
    wizard.next()
    report = wizard.report_page
    qtbot.waitUntil(report.isComplete, timeout=60_000)  # type: ignore[attr-defined]
    assert "AVTraining 2" in report.text.toPlainText()
    before = read_sales(session.shop)  # type: ignore[attr-defined]
    wizard.next()
    done = wizard.done_page
    qtbot.waitUntil(lambda: done.finished, timeout=60_000)  # type: ignore[attr-defined]
    assert done.ok, done.text.toPlainText()
    sales = read_sales(session.shop)  # type: ignore[attr-defined]
    assert len(sales) - len(before) == len(expected_totals(bakery_week()))
    for (article, day), total in expected_totals(bakery_week()).items():
        row = sales[(sales["product"] == article) & (sales["date"].dt.date == day)]
        assert row["quantity"].tolist() == [float(total)], (article, day)
    assert len(read_receipt_days(session.shop)) == 3  # type: ignore[attr-defined]


def test_export_folder_completes_the_file_page(qtbot: object, session: object, tmp_path: Path
                                               ) -> None:
    from app.import_wizard import ImportWizard
    from tests.forecasting.importing.dsfinvk_exports import bakery_week, write_export

    folder = write_export(tmp_path / "Kassenexport", bakery_week(), folder=True)
    wizard = ImportWizard(session, None, str(folder))
    qtbot.addWidget(wizard)  # type: ignore[attr-defined]
    wizard.show()
    assert wizard.file_page.isComplete()
    wizard.next()
    assert wizard.mapping_page.preview.rowCount() == 12
    assert wizard.mapping_page.isComplete()
