"""The QUndoCommand adapter over edits kept as data (`app/edits.py`)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from app.edits import Edit


class EditCommand(QUndoCommand):
    """Redo and undo both apply the stored edit and keep its inverse for next time."""

    def __init__(self, edit: Edit, apply: Callable[[Edit], Edit], text: str) -> None:
        super().__init__(text)
        self._edit = edit
        self._apply = apply

    def redo(self) -> None:
        self._edit = self._apply(self._edit)

    def undo(self) -> None:
        self._edit = self._apply(self._edit)
