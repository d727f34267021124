"""One Alt shortcut per letter on every page a user sees in German and English: two controls on
one letter (Alt+W on "Datei wählen…" and "Weiter >") make Alt jump to the wrong one."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QWidget, QWizard

from app import i18n
from app.import_wizard import ImportWizard
from app.new_shop_dialog import NewShopDialog
from app.reason_dialog import ReasonDialog

MNEMONIC = re.compile(r"&([^&\s])")


def letters(widget: QWidget) -> list[tuple[str, str]]:
    """(letter, text) of every visible control with an Alt shortcut inside `widget`."""
    found = []
    for child in [widget, *widget.findChildren(QWidget)]:
        if not child.isVisibleTo(widget) and child is not widget:
            continue
        if isinstance(child, QAbstractButton | QLabel):
            text = child.text()
        elif isinstance(child, QGroupBox):
            text = child.title()
        else:
            continue
        text = text.replace("&&", "")
        found += [(m.group(1).lower(), text) for m in MNEMONIC.finditer(text)]
    return found


def unlinked(widget: QWidget) -> list[str]:
    """Labels with an Alt shortcut but no field to jump to: Qt shows their "&" literally."""
    return [label.text() for label in widget.findChildren(QLabel)
            if MNEMONIC.search(label.text().replace("&&", "")) and label.buddy() is None]


def clashes(widget: QWidget) -> list[tuple[str, list[str]]]:
    """Letters used by more than one control, with the controls' texts."""
    found = letters(widget)
    counts = Counter(letter for letter, _ in found)
    return [(letter, [t for lt, t in found if lt == letter]) for letter, n in counts.items()
            if n > 1]


@pytest.fixture(params=["de", "en"])
def language(request: pytest.FixtureRequest, qapp: object) -> Iterator[str]:
    i18n.install_language(request.param)
    yield request.param
    i18n.install_language("de")


def test_the_import_wizard_pages(qtbot: object, session: object, language: str) -> None:
    wizard = ImportWizard(session, None)
    qtbot.addWidget(wizard)  # type: ignore[attr-defined]
    wizard.show()
    buttons = [letter for kind in (QWizard.WizardButton.BackButton,
                                   QWizard.WizardButton.NextButton,
                                   QWizard.WizardButton.CommitButton,
                                   QWizard.WizardButton.CancelButton)
               for letter, _ in letters(wizard.button(kind))]
    for page_id in wizard.pageIds():
        page = wizard.page(page_id)
        page.show()
        own = letters(page)
        assert [(lt, t) for lt, t in own if lt in buttons] == [], f"page {page_id}"
        assert [lt for lt, n in Counter(lt for lt, _ in own).items() if n > 1] == []
        assert unlinked(page) == []


def test_the_new_shop_dialog(qtbot: object, language: str) -> None:
    dialog = NewShopDialog(language)
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    dialog.show()
    assert clashes(dialog) == []
    assert unlinked(dialog) == []


def test_the_reason_dialog(qtbot: object, language: str) -> None:
    dialog = ReasonDialog("Baguette", 40.0, 55.0)
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    dialog.show()
    assert clashes(dialog) == []
    assert unlinked(dialog) == []


def test_the_main_window_menus(qtbot: object, session: object, language: str) -> None:
    from app.main_window import MainWindow

    window = MainWindow(session)
    qtbot.addWidget(window)  # type: ignore[attr-defined]
    bar = window.menuBar().actions()
    menus = [("menu bar", [a.text() for a in bar])]
    menus += [(a.text(), [b.text() for b in a.menu().actions() if b.text()]) for a in bar]
    for name, texts in menus:
        found = [m.group(1).lower() for t in texts
                 for m in MNEMONIC.finditer(t.replace("&&", ""))]
        assert [lt for lt, n in Counter(found).items() if n > 1] == [], (name, texts)


def test_the_goods_receipt_and_writeoff_dialogs(qtbot: object, review_deli_path: object,
                                                language: str) -> None:
    import datetime as dt

    from app.session import ShopSession
    from app.stock_moves_dialog import GoodsReceiptDialog, WriteoffDialog

    session = ShopSession.open(review_deli_path, day=dt.date(2026, 12, 2))
    try:
        for dialog in (GoodsReceiptDialog(session, today=dt.date(2026, 12, 1)),
                       WriteoffDialog(session, product="Bergkäse", today=dt.date(2026, 12, 1))):
            qtbot.addWidget(dialog)  # type: ignore[attr-defined]
            dialog.show()
            assert letters(dialog)
            assert clashes(dialog) == []
            assert unlinked(dialog) == []
    finally:
        session.close()
