"""NewShopDialog: the first step of one's own shop (name, postal code -> Bundesland, file). Nothing
is written here: the import wizard creates the file with the sales, after the owner confirmed what
it inferred from them (app/import_wizard.py, FactsPage)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from app.error_dialog import failure_text, log_failure
from app.settings_dialog import STATE_NAMES
from calendars.options import STATES
from calendars.postal_codes import state_for_postal_code
from forecasting.errors import ShopFileError
from forecasting.importing.facts import Location, shop_location
from forecasting.operations.shop import default_shop_path


def free_path(path: Path) -> Path:
    """`path`, or `path` with -2, -3, ... before the suffix if it exists already."""
    candidate = path
    number = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}-{number}{path.suffix}")
        number += 1
    return candidate


@dataclasses.dataclass(frozen=True)
class NewShop:
    """A shop file still to be created: where, its name, where the shop lies."""

    path: Path
    name: str
    location: Location


class NewShopDialog(QDialog):
    """Ask for the few facts a new shop file needs (nothing is created here)."""

    def __init__(self, lang: str = "de", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New shop"))
        form = QFormLayout(self)
        intro = QLabel(self.tr("Your own shop gets its own file. The demo bakery stays as it is."))
        intro.setWordWrap(True)
        form.addRow(intro)
        self.name = QLineEdit()
        self.postal = QLineEdit()
        self.postal.setMaxLength(5)
        self.state = QComboBox()
        self.state.addItem(self.tr("(please choose, or give the postal code)"), "")
        for code in STATES:
            self.state.addItem(f"{STATE_NAMES[code]} ({code})", code)
        self.path = QLineEdit(str(free_path(default_shop_path())))
        browse = QPushButton(self.tr("&Choose…"))
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form.addRow(self.tr("Shop &name"), self.name)
        form.addRow(self.tr("&Postal code"), self.postal)
        form.addRow(self.tr("&Bundesland"), self.state)
        file_label = QLabel(self.tr("&File"))
        file_label.setBuddy(self.path)
        form.addRow(file_label, row)
        # the whole path readable: about 60 characters, the rest in the tooltip
        self.path.setMinimumWidth(self.path.fontMetrics().averageCharWidth() * 60)
        self.path.setToolTip(self.path.text())
        self.path.textChanged.connect(self.path.setToolTip)
        self.error = QLabel()
        self.error.setWordWrap(True)
        form.addRow(self.error)
        self.box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.box.accepted.connect(self.accept)
        self.box.rejected.connect(self.reject)
        form.addRow(self.box)
        self.box.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Next: &import sales…"))
        self.lang = lang
        self.chosen: NewShop | None = None
        self.postal.textChanged.connect(self._postal_changed)
        self.name.textChanged.connect(self._update)
        self.postal.textChanged.connect(self._update)
        self.state.currentIndexChanged.connect(self._update)
        browse.clicked.connect(self._browse)
        self._update()

    def _postal_changed(self, text: str) -> None:
        state = state_for_postal_code(text)
        if state is not None:
            self.state.setCurrentIndex(self.state.findData(state))

    def _update(self) -> None:
        self.box.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            bool(self.name.text().strip())
            and bool(self.state.currentData() or self.postal.text().strip()))

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("New shop"), self.path.text(),
                                              self.tr("Shop files (*.bkshop)"))
        if path:
            self.path.setText(path if path.endswith(".bkshop") else path + ".bkshop")

    def new_shop(self) -> NewShop:
        """The shop to create, checked (a user error if the file exists, the postal code is
        unknown or no Bundesland is known); the state is never guessed."""
        path = Path(self.path.text().strip())
        if path.exists():
            raise ShopFileError("shop.exists", path=str(path))
        location = shop_location(str(self.state.currentData() or ""), self.postal.text())
        return NewShop(path, self.name.text().strip(), location)

    def accept(self) -> None:
        try:
            self.chosen = self.new_shop()
        except Exception as exc:
            path = self.path.text().strip()
            log_failure(exc, path)
            self.error.setText(failure_text(exc, path))
            return
        super().accept()
