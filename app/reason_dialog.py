"""ReasonDialog: why the owner orders a different quantity than suggested (REASON_CODES)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app import i18n
from app.order_model import reason_label
from forecasting.values.decisions import REASON_CODES


class ReasonDialog(QDialog):
    """Pick list of reasons plus free text; "other" needs a few words."""

    last_code = "event"

    def __init__(self, product: str, suggestion: float, final: float, decimals: int = 0,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Why a different quantity?"))
        layout = QVBoxLayout(self)
        text = self.tr("%1: suggested %2, you order %3.")
        text = (text.replace("%1", product).replace("%2", i18n.num(suggestion, decimals))
                .replace("%3", i18n.num(final, decimals)))
        headline = QLabel(text)
        headline.setWordWrap(True)
        layout.addWidget(headline)
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        for number, code in enumerate(REASON_CODES, start=1):
            button = QRadioButton(f"&{number}  {reason_label(code)}")
            self.group.addButton(button)
            self.buttons[code] = button
            layout.addWidget(button)
            button.toggled.connect(self._update)
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("A few words (optional, needed for \"Other\")"))
        # wide enough for the whole hint (plus the field's frame and text margins)
        hint = self.text.fontMetrics().horizontalAdvance(self.text.placeholderText())
        self.text.setMinimumWidth(hint + 4 * self.text.fontMetrics().averageCharWidth())
        layout.addWidget(self.text)
        self.box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.box.accepted.connect(self.accept)
        self.box.rejected.connect(self.reject)
        layout.addWidget(self.box)
        self.text.textChanged.connect(self._update)
        self.buttons.get(ReasonDialog.last_code, self.buttons["event"]).setChecked(True)
        self.buttons[self.code()].setFocus(Qt.FocusReason.OtherFocusReason)
        self._update()

    def code(self) -> str:
        """The chosen reason code."""
        for code, button in self.buttons.items():
            if button.isChecked():
                return code
        return "other"

    def reason_text(self) -> str:
        """The free text (stripped)."""
        return self.text.text().strip()

    def _update(self) -> None:
        ok = self.box.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self.code() != "other" or bool(self.reason_text()))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Plain digits 1-5 pick a reason (digits typed into the text field stay there)."""
        codes = list(self.buttons)
        if event.text().isdigit() and 1 <= int(event.text()) <= len(codes):
            self.buttons[codes[int(event.text()) - 1]].click()
            return
        super().keyPressEvent(event)

    def accept(self) -> None:
        ReasonDialog.last_code = self.code()
        super().accept()


def ask_reason(parent: QWidget, product: str, suggestion: float, final: float,
               decimals: int = 0) -> tuple[str, str] | None:
    """Show the dialog; (code, text) or None if the owner cancelled."""
    dialog = ReasonDialog(product, suggestion, final, decimals, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.code(), dialog.reason_text()
