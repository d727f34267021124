"""The main window: exports of the real order list (with formula neutralising), text size for
projectors, and switching the language."""

from __future__ import annotations

import csv
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from app.main_window import MainWindow, app_settings, redo_keys


def _window(qtbot: object, session: object) -> MainWindow:
    window = MainWindow(session)
    qtbot.addWidget(window)  # type: ignore[attr-defined]
    return window


def test_exports_pdf_csv_xlsx(qtbot: object, planned_session: object, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    window = _window(qtbot, planned_session)
    window.sheet.accept_all()
    lines = planned_session.lines  # type: ignore[attr-defined]
    # a product name as a till export might carry it, to prove the export path neutralises it
    lines[0].product = '=HYPERLINK("http://example.invalid","klick")'
    pdf = window.export_pdf(tmp_path / "order.pdf")
    assert pdf is not None
    assert pdf.read_bytes().startswith(b"%PDF")
    csv_path = window.export_csv(tmp_path / "order.csv")
    with open(csv_path, encoding="utf-8-sig", newline="") as fh:  # type: ignore[arg-type]
        rows = list(csv.reader(fh, delimiter=";"))
    assert len(rows) == len(lines) + 1
    assert rows[1][1].startswith("'=HYPERLINK")
    xlsx = window.export_xlsx(tmp_path / "order.xlsx")
    sheet = load_workbook(xlsx).active
    cells = [c for row in sheet.iter_rows() for c in row if c.value is not None]
    assert all(c.data_type != "f" for c in cells)
    assert any(str(c.value).startswith("'=HYPERLINK") for c in cells)
    assert "Bestellliste Bäckerei Sonnenkorn" in str(sheet["A1"].value)


def test_text_size_for_projectors(qtbot: object, session: object) -> None:
    window = _window(qtbot, session)
    before = QApplication.font().pointSizeF()
    window.scale_font(1)
    window.scale_font(1)
    assert QApplication.font().pointSizeF() > before * 1.2
    assert float(app_settings().value("font_scale")) > 1.2
    window.scale_font(0)
    assert abs(QApplication.font().pointSizeF() - before) < 0.6


def test_switch_language_rebuilds_window_and_remembers(qtbot: object, shop_path: Path) -> None:
    from app import i18n
    from app.controller import AppController
    from forecasting.store.settings import load_settings

    i18n.install_language("de")
    controller = AppController(shop_path)
    controller.session.auto_recompute = False
    try:
        assert controller.window.tabs.tabText(0) == "&Bestellung"
        controller.switch_language("en")
        assert controller.window.tabs.tabText(0) == "&Order sheet"
        assert load_settings(controller.session.shop).language == "en"
    finally:
        i18n.install_language("de")
        controller.close()


def test_stock_list_import_plans_again_or_says_what_is_wrong(
        qtbot: object, planned_session: object, tmp_path: Path) -> None:
    bread = "Roggenmischbrot 750 g"
    window = _window(qtbot, planned_session)
    good = tmp_path / "inventur.csv"
    good.write_text(f"Artikel;Bestand;bestellt\n{bread};900;0\n", encoding="utf-8")
    with qtbot.waitSignal(planned_session.planChanged, timeout=60_000):  # type: ignore[attr-defined]
        window.import_stock_list(str(good))
    assert window.message.text() == "Bestandsliste gespeichert: 1 Produkt für 26.11.2026."
    line = planned_session.line(bread)  # type: ignore[attr-defined]
    assert line.on_hand == 900.0
    # the list says nothing of their age: taken as old as they can be, said on the line
    assert "aus der Zählung am 26.11.2026 unbekannt" in line.sentence
    bad = tmp_path / "falsch.csv"
    bad.write_text(f"Artikel;Bestand\n{bread};viele\n", encoding="utf-8")
    runner = planned_session.runner  # type: ignore[attr-defined]
    window.import_stock_list(str(bad))
    qtbot.waitUntil(lambda: not runner.busy(), timeout=30_000)  # type: ignore[attr-defined]
    assert window.message.text().startswith("falsch.csv: 1 Zeile ist nicht in Ordnung")
    assert "Zeile 2, Spalte B" in window.message.text()
    assert planned_session.line(bread).on_hand == 900.0  # type: ignore[attr-defined]


def test_ctrl_y_redoes_on_every_platform(qtbot: object, planned_session: object) -> None:
    window = _window(qtbot, planned_session)
    window.show()
    qtbot.waitExposed(window)  # type: ignore[attr-defined]
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)  # type: ignore[attr-defined]
    window.sheet.accept_all()
    stack = planned_session.undo_stack  # type: ignore[attr-defined]
    stack.undo()
    assert stack.canRedo()
    focus = QApplication.focusWidget() or window
    qtbot.keyClick(focus, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)  # type: ignore[attr-defined]
    assert not stack.canRedo(), "Ctrl+Y did not redo"


def test_redo_keys_add_ctrl_y_where_the_desktop_lacks_it(qapp: object) -> None:
    gnome_kde = [QKeySequence("Ctrl+Shift+Z")]  # what xcb desktops and macOS bind to Redo
    assert [k.toString() for k in redo_keys(gnome_kde)] == ["Ctrl+Shift+Z", "Ctrl+Y"]
    windows = [QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")]
    assert [k.toString() for k in redo_keys(windows)] == ["Ctrl+Y", "Ctrl+Shift+Z"]


def test_order_lists_per_supplier_from_the_file_menu(qtbot: object, planned_session: object,
                                                     tmp_path: Path) -> None:
    from pypdf import PdfReader

    window = _window(qtbot, planned_session)
    assert window.suppliers_action in window.menuBar().actions()[0].menu().actions()
    written = window.export_per_supplier(tmp_path / "listen")
    names = sorted(p.name for p in written)
    areas = {ln.area for ln in planned_session.lines}  # type: ignore[attr-defined]
    assert len(names) == 2 * len(areas), names
    day = planned_session.day.isoformat()  # type: ignore[attr-defined]
    assert f"Bestellung Konditorei {day}.pdf" in names
    assert f"Bestellung Konditorei {day}.csv" in names
    pdf = tmp_path / "listen" / f"Bestellung Konditorei {day}.pdf"
    text = " ".join(PdfReader(pdf).pages[0].extract_text(extraction_mode="layout").split())
    assert "Berliner" in text
    assert "Baguette" not in text, "only the supplier's own products"
    assert "Dateien" in window.message.text()
