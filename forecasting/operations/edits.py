"""Edits of the order sheet kept as data: `apply(shop)` writes and returns the inverse edit.

Undo/redo is then just applying the returned edit (`app/undo.py` is the QUndoCommand adapter); the
command line applies the same edits once (`apply_edit`).
Every edit carries what its view showed (`old`) and is applied only if the file still holds exactly
that: a newer write by another program (the command line, a second window) is never overwritten,
the edit is refused with ChangedElsewhereError instead (optimistic concurrency).
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from forecasting.errors import ChangedElsewhereError
from forecasting.operations.changes import Changes
from forecasting.store.decisions import decision_on, delete_decision, save_decision
from forecasting.store.file import Shop
from forecasting.store.stock import (
    count_on,
    delete_count,
    delete_move,
    receipt_on,
    save_count,
    save_move,
)
from forecasting.values.decisions import OrderDecision
from forecasting.values.stock import StockCount, StockMove


@dataclasses.dataclass(frozen=True)
class SetDecision:
    """Replace the decision for one product and day; `new` None means "no decision yet"."""

    product: str
    day: dt.date
    new: OrderDecision | None
    old: OrderDecision | None

    def apply(self, shop: Shop) -> SetDecision:
        """Write `new` to the shop file if it still holds `old`; returns the edit that restores
        `old`."""
        with shop.transaction():
            current = decision_on(shop, self.product, self.day)
            if current != self.old:
                raise ChangedElsewhereError("edit.changed_elsewhere", name=self.product,
                                            date=self.day)
            if self.new is None:
                delete_decision(shop, self.product, self.day)
            else:
                save_decision(shop, self.new)
        return SetDecision(self.product, self.day, new=self.old, old=self.new)

    def products(self) -> set[str]:
        """The products this edit changes."""
        return {self.product}


@dataclasses.dataclass(frozen=True)
class EditBatch:
    """Several decisions changed as one step (e.g. "accept all"); one transaction."""

    edits: tuple[SetDecision, ...]

    def apply(self, shop: Shop) -> EditBatch:
        """Apply all edits at once; returns the batch that undoes them in reverse order."""
        with shop.transaction():
            inverses = [edit.apply(shop) for edit in self.edits]
        return EditBatch(tuple(reversed(inverses)))

    def products(self) -> set[str]:
        """The products this batch changes."""
        return {e.product for e in self.edits}


@dataclasses.dataclass(frozen=True)
class SetStock:
    """Replace the stock count of one product and day; `new` None deletes it (the count before it
    applies again). Changes the suggestions of goods that keep, not the forecast."""

    product: str
    day: dt.date
    new: StockCount | None
    old: StockCount | None

    def apply(self, shop: Shop) -> SetStock:
        """Write `new` to the shop file if it still holds `old`; returns the edit that restores
        `old`."""
        with shop.transaction():
            if count_on(shop, self.product, self.day) != self.old:
                raise ChangedElsewhereError("edit.changed_elsewhere", name=self.product,
                                            date=self.day)
            if self.new is None:
                delete_count(shop, self.product, self.day)
            else:
                save_count(shop, self.new)
            shop.mark_plan_changed()
        return SetStock(self.product, self.day, new=self.old, old=self.new)

    def products(self) -> set[str]:
        """The products this edit changes."""
        return {self.product}


@dataclasses.dataclass(frozen=True)
class SetReceipt:
    """Replace the goods receipt of one product and day (what really came); `new` None deletes it
    (the orders due that day count as delivered again). Changes the plan, not the forecast."""

    product: str
    day: dt.date
    new: StockMove | None
    old: StockMove | None

    def apply(self, shop: Shop) -> SetReceipt:
        """Write `new` if the file still holds `old`; returns the edit that restores `old`."""
        with shop.transaction():
            if receipt_on(shop, self.product, self.day) != self.old:
                raise ChangedElsewhereError("edit.changed_elsewhere", name=self.product,
                                            date=self.day)
            if self.new is None:
                if self.old is not None:
                    delete_move(shop, self.old)
            else:
                save_move(shop, self.new)
            shop.mark_plan_changed()
        return SetReceipt(self.product, self.day, new=self.old, old=self.new)

    def products(self) -> set[str]:
        """The products this edit changes."""
        return {self.product}


@dataclasses.dataclass(frozen=True)
class BookWriteoff:
    """Book a write-off (Abschrift), or with `remove` take one booked write-off back (its undo).
    Changes the plan, not the forecast."""

    move: StockMove
    remove: bool = False

    @property
    def product(self) -> str:
        """The product written off."""
        return self.move.product

    def apply(self, shop: Shop) -> BookWriteoff:
        """Book or remove the write-off; returns the edit that does the opposite."""
        with shop.transaction():
            if self.remove:
                if not delete_move(shop, self.move):
                    raise ChangedElsewhereError("edit.changed_elsewhere", name=self.move.product,
                                                date=self.move.date)
            else:
                save_move(shop, self.move)
            shop.mark_plan_changed()
        return BookWriteoff(self.move, remove=not self.remove)

    def products(self) -> set[str]:
        """The products this edit changes."""
        return {self.move.product}


@dataclasses.dataclass(frozen=True)
class StockMoves:
    """Several receipts (the deliveries of a day) booked as one step; one transaction."""

    edits: tuple[SetReceipt | BookWriteoff, ...]

    def apply(self, shop: Shop) -> StockMoves:
        """Apply all at once; returns the step that undoes them in reverse order."""
        with shop.transaction():
            inverses = [edit.apply(shop) for edit in self.edits]
        return StockMoves(tuple(reversed(inverses)))

    def products(self) -> set[str]:
        """The products this step changes."""
        return {e.product for e in self.edits}


Edit = SetDecision | EditBatch | SetStock | SetReceipt | BookWriteoff | StockMoves


def changes_of(edit: Edit) -> Changes:
    """What applying `edit` changes."""
    if isinstance(edit, SetStock | SetReceipt | BookWriteoff | StockMoves):
        return Changes(stock=True)
    return Changes(decisions=frozenset(edit.products()))


def apply_edit(shop: Shop, edit: Edit) -> tuple[Changes, Edit]:
    """Write `edit` in one transaction (refused with ChangedElsewhereError if another program
    changed the same thing since the view was read); what changed and the inverse edit."""
    return changes_of(edit), edit.apply(shop)

