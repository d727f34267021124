"""The QUndoCommand adapter over edits kept as data (`forecasting/operations/edits.py`)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from forecasting.operations.edits import Edit


class EditCommand(QUndoCommand):
    """Redo and undo both apply the stored edit and keep its inverse for next time.

    An edit that cannot be saved (the file is locked, read-only, full) is not done: the command
    marks itself obsolete, so QUndoStack drops it instead of counting it as done, and `failed`
    hears why. An exception escaping redo() would leave it on the stack as if saved.
    """

    def __init__(self, edit: Edit, apply: Callable[[Edit], Edit], text: str,
                 failed: Callable[[Edit, Exception], None]) -> None:
        super().__init__(text)
        self._edit = edit
        self._apply = apply
        self._failed = failed

    def redo(self) -> None:
        self._run()

    def undo(self) -> None:
        self._run()

    def _run(self) -> None:
        try:
            self._edit = self._apply(self._edit)
        except Exception as exc:
            self.setObsolete(True)
            self._failed(self._edit, exc)
