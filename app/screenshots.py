"""`bestellkompass --screenshot DIR`: render each main screen offscreen to a PNG (docs, checks)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QWidget

from app.import_wizard import ImportWizard
from app.pdf_export import preview_image
from app.settings_dialog import SettingsDialog

SIZE = (1280, 860)
SHARED = Path(__file__).resolve().parents[2] / "shared" / "datasets"


def _settle() -> None:
    for _ in range(5):
        QCoreApplication.processEvents()


def _save(widget: QWidget, path: Path) -> Path:
    widget.show()
    _settle()
    widget.grab().save(str(path))
    return path


def _wait(condition: object, timeout_ms: int) -> None:
    """Process events until `condition()` holds or the time is up (jobs finish on the worker)."""
    import time

    end = time.monotonic() + timeout_ms / 1000
    while not condition() and time.monotonic() < end:  # type: ignore[operator]
        QCoreApplication.processEvents()
        time.sleep(0.02)


def sample_import_file() -> Path | None:
    """A real file to show in the import wizard (the Kiel bakery export), if it is there."""
    candidate = SHARED / "kiel_bakery" / "umsatzdaten_gekuerzt.csv"
    return candidate if candidate.is_file() else None


def render_all(controller: object, out: Path) -> list[Path]:
    """Order sheet, product view, calendar, review, import wizard, settings and the backups as
    PNGs in `out`."""

    out.mkdir(parents=True, exist_ok=True)
    window = controller.window  # type: ignore[attr-defined]
    session = controller.session  # type: ignore[attr-defined]
    controller.wait_for_plan(300_000)  # type: ignore[attr-defined]
    window.resize(*SIZE)
    written = [_save(window, out / "order_sheet.png")]
    if session.lines:
        line = max(session.lines, key=lambda ln: len(ln.steps))
        view = window.show_product(line.product)
        if view is not None:
            written.append(_save(view, out / "product_view.png"))
            view.close()

    preview = preview_image(window.heading(), window.export_lines())
    preview.save(str(out / "order_list_print.png"))
    written.append(out / "order_list_print.png")
    window.tabs.setCurrentWidget(window.calendar)
    written.append(_save(window, out / "calendar.png"))
    window.tabs.setCurrentWidget(window.review)
    written.append(_save(window, out / "review.png"))
    window.tabs.setCurrentWidget(window.sheet)
    sample = sample_import_file()
    wizard = ImportWizard(session, window, str(sample) if sample else None)
    wizard.show()
    _settle()
    if sample is not None:
        wizard.next()
    written.append(_save(wizard, out / "import_wizard.png"))
    if sample is not None:
        units = wizard.mapping_page.unit_box  # the Kiel file's "Umsatz" is turnover in euros
        units.setCurrentIndex(units.findData("EUR"))
        wizard.next()
        _wait(lambda: wizard.report_page.isComplete() or "\n" in
              wizard.report_page.text.toPlainText(), 60_000)
        written.append(_save(wizard, out / "import_wizard_report.png"))
    wizard.close()
    settings = SettingsDialog(session, window)
    written.append(_save(settings, out / "settings.png"))
    settings.tabs.setCurrentIndex(1)
    written.append(_save(settings, out / "settings_products.png"))
    settings.tabs.setCurrentWidget(settings.tradeoff)
    _wait(settings.tradeoff.ready, 60_000)  # the figures come from the worker
    written.append(_save(settings, out / "settings_tradeoff.png"))
    settings.close()
    restore = window.restore_backup()
    written.append(_save(restore, out / "restore_backup.png"))
    restore.close()
    QApplication.processEvents()
    return written
