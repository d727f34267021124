"""The override reason dialog: digits pick a reason, "other" needs words, the choice is returned."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from app.reason_dialog import ReasonDialog
from forecasting.values.decisions import REASON_CODES


def test_every_reason_code_is_offered(qtbot: object) -> None:
    dialog = ReasonDialog("Baguette", 40.0, 55.0)
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    assert list(dialog.buttons) == list(REASON_CODES)


def test_digit_picks_and_other_needs_text(qtbot: object) -> None:
    dialog = ReasonDialog("Baguette", 40.0, 55.0)
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    dialog.show()
    qtbot.waitExposed(dialog)  # type: ignore[attr-defined]
    ok = dialog.box.button(QDialogButtonBox.StandardButton.Ok)
    dialog.buttons["promotion"].setFocus()
    qtbot.keyClick(dialog.buttons["promotion"], Qt.Key.Key_2)  # type: ignore[attr-defined]
    assert dialog.code() == "supplier_limit"
    dialog.buttons["other"].click()
    assert dialog.code() == "other"
    assert not ok.isEnabled()
    qtbot.keyClicks(dialog.text, "Hochzeit 12")  # type: ignore[attr-defined]
    assert ok.isEnabled()
    assert dialog.reason_text() == "Hochzeit 12"
    assert dialog.code() == "other", "digits typed into the text must not change the reason"


def test_the_hint_in_the_note_field_is_not_cut(qtbot: object) -> None:
    from app import i18n

    for lang in ("de", "en"):
        i18n.install_language(lang)
        dialog = ReasonDialog("Baguette", 40.0, 55.0)
        qtbot.addWidget(dialog)  # type: ignore[attr-defined]
        dialog.show()
        hint = dialog.text.fontMetrics().horizontalAdvance(dialog.text.placeholderText())
        assert hint < dialog.text.width() - 8, lang
    i18n.install_language("de")
