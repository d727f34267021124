"""ShopSession: the open shop file, the chosen day, the current plan, decisions and the undo stack.

Windows share one session. Writes go through `apply_edit` (undoable) or the domain functions; after
each, the session emits what changed so views refresh only that.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from app import i18n
from app.forecast_process import SHARE, forecast_in_child
from app.jobs import Job, JobProgress, JobRunner
from app.plan_access import LineView, line_views
from app.undo import EditCommand
from forecasting.errors import ChangedElsewhereError
from forecasting.operations import decisions, stock
from forecasting.operations.edits import (
    Edit,
    EditBatch,
    SetStock,
    StockMoves,
    apply_edit,
    changes_of,
)
from forecasting.operations.plan import save_plan
from forecasting.operations.reading import load_forecasts, load_settings
from forecasting.operations.sheet import OrderSheet, read_decisions, sheet_of
from forecasting.operations.shop import Shop, open_shop
from forecasting.plan_inputs import read_plan_inputs
from forecasting.policy.plan import OrderPlan, missing_sales, next_opening_day, plan_order
from forecasting.progress import PartProgress
from forecasting.values.decisions import OrderDecision
from forecasting.values.settings import ShopSettings

WATCH_MS = 2000  # how often the window looks for changes made by other programs
_log = logging.getLogger(__name__)

def compute_plan(path: Path, day: dt.date, progress: JobProgress, *, child: bool = True
                 ) -> tuple[OrderPlan, int]:
    """Worker job: forecast (training if needed, in a child process) and build the order plan.

    The plan's inputs are read once; the plan uses the child's forecast when it was computed from
    the same data (else, or if the child failed, the forecast is computed here, from the saved
    model where it still holds). child: False when only the plan changes (a stock count) and the
    saved forecast still holds. Returns the plan and the plan version it was computed from.
    """
    forecast = forecast_in_child(path, day, progress) if child else None
    # after the child the bar goes on from its share (if it failed, the worker does it all)
    rest = progress if forecast is None else PartProgress(progress, SHARE, 1.0)
    with open_shop(path) as shop:
        inputs = read_plan_inputs(shop, day)
        result = None
        if forecast is not None:
            if forecast.fits(inputs):
                result = forecast.result
            else:
                _log.info("the data changed while the forecast child ran: forecasting again")
        plan = plan_order(inputs, result=result, progress=rest)
        progress.check()
        save_plan(shop, plan)
        return plan, inputs.plan_version


class ShopSession(QObject):
    """One open shop file and everything the windows show about it."""

    planChanged = Signal()
    decisionsChanged = Signal(object)  # set of product names
    dataChanged = Signal()  # sales, calendar, products or settings changed: plan may be stale
    busyChanged = Signal(bool)
    failed = Signal(object)  # an exception from a job or an edit that could not be saved
    saved = Signal()  # an edit (or its undo) is in the shop file

    def __init__(self, shop: Shop, runner: JobRunner | None = None,
                 day: dt.date | None = None) -> None:
        super().__init__()
        self.shop = shop
        self.path = shop.path
        self.runner = runner or JobRunner(parent=self)
        self.plan_job: Job | None = None  # the latest suggestions job (its progress for views)
        self.undo_stack = QUndoStack(self)
        self.day = day or self.next_opening_day(dt.date.today())
        self.plan: OrderPlan | None = None
        self.lines: list[LineView] = []
        self.decisions: dict[str, OrderDecision] = {}
        self.computed_at: dt.datetime | None = None
        self.plan_version: int | None = None
        self.auto_recompute = True  # recompute suggestions after every data change
        self.closed = False
        self._seen_commit = self._commit_count()
        self._seen_plan_version = shop.plan_version()
        self.watch = QTimer(self)
        self.watch.setInterval(WATCH_MS)
        self.watch.timeout.connect(self.check_outside_changes)
        self.watch.start()
        self.edit_error: Exception | None = None  # why the last edit was not saved

    @classmethod
    def open(cls, path: str | Path, runner: JobRunner | None = None,
             day: dt.date | None = None) -> ShopSession:
        """Open the shop file at `path` (orders for `day`, default the next opening day)."""
        return cls(open_shop(path), runner, day)

    def close(self) -> None:
        """Wait for running jobs and close the file; results arriving later are dropped."""
        self.watch.stop()
        self.runner.wait()
        self.closed = True
        self.shop.close()

    # -- changes by other programs -------------------------------------------------------------
    def _commit_count(self) -> int:
        """SQLite's count of commits by other connections (PRAGMA data_version): cheap to ask."""
        return self.shop.commit_count()

    def check_outside_changes(self) -> bool:
        """Pick up what another program (the command line, the forecast child, a second window)
        wrote since we last looked: decisions are reloaded, changed data recomputes the plan.
        Returns whether anything changed."""
        if self.closed:
            return False
        commits = self._commit_count()
        if commits == self._seen_commit:
            return False
        self._seen_commit = commits
        before = self.decisions
        self.reload_decisions()
        changed = {p for p in before.keys() | self.decisions.keys()
                   if before.get(p) != self.decisions.get(p)}
        if changed:
            self.decisionsChanged.emit(changed)
        version = self.shop.plan_version()
        if version != self._seen_plan_version:
            self._seen_plan_version = version
            if self.plan_version is None or version > self.plan_version:
                self.data_changed()
        return True

    # -- facts ---------------------------------------------------------------------------------
    @property
    def settings(self) -> ShopSettings:
        """The shop's settings as stored now."""
        return load_settings(self.shop)

    def next_opening_day(self, after: dt.date) -> dt.date:
        """The first day after `after` on which the shop opens (weekdays, closing days, holidays)."""
        return next_opening_day(self.shop, after)

    def status(self) -> tuple[bool, dt.datetime | None]:
        """(suggestions up to date with the data?, when they were computed)."""
        current = self.shop.plan_version()
        stored = load_forecasts(self.shop, self.day)
        if stored:
            oldest = min(f.data_version for f in stored)
            return oldest >= current, max(f.computed_at for f in stored)
        if self.plan_version is not None:
            return self.plan_version >= current, self.computed_at
        return False, None

    def missing_sales(self) -> tuple[dt.date, int] | None:
        """(last day with sales, sales days missing since) when the sales are behind, else None."""
        return missing_sales(self.shop, self.day)

    # -- plan ----------------------------------------------------------------------------------
    def set_day(self, day: dt.date) -> None:
        """Show the orders for another day."""
        if day != self.day:
            self.day = day
            self.plan = None
            self.lines = []
            self.plan_version = None
            self.reload_decisions()
            self.planChanged.emit()
            self.refresh_plan()

    def refresh_plan(self, *, child: bool = True) -> None:
        """Recompute the suggestions for the current day on the worker thread (child: see
        `compute_plan`)."""
        if self.closed:
            return
        day = self.day
        path = self.path
        self.plan_job = self.runner.run(
            QCoreApplication.translate("ShopSession", "Computing suggestions…"),
            lambda progress: compute_plan(path, day, progress, child=child),
            lambda result: self._plan_ready(day, result),
            self._job_failed,
        )
        self.busyChanged.emit(True)

    def _plan_ready(self, day: dt.date, result: tuple[OrderPlan, int]) -> None:
        if self.closed:
            return
        self.busyChanged.emit(self.runner.busy())
        if day == self.day:
            self.show_plan(*result)

    def show_plan(self, plan: OrderPlan, version: int) -> None:
        """Show an OrderPlan computed from data version `version` (from `compute_plan`)."""
        self.day = plan.day
        self.plan = plan
        self.plan_version = version
        self.computed_at = plan.computed_at
        self.lines = line_views(plan, i18n.lang())
        self.reload_decisions()
        self.planChanged.emit()

    def _job_failed(self, exc: BaseException) -> None:
        if self.closed:
            return
        self.busyChanged.emit(False)
        self.failed.emit(exc)

    def relabel(self) -> None:
        """Render the line texts again (after a language switch)."""
        if self.plan is not None:
            self.lines = line_views(self.plan, i18n.lang())
            self.planChanged.emit()

    # -- decisions -----------------------------------------------------------------------------
    def reload_decisions(self) -> None:
        """Read the owner's decisions for the current day from the file."""
        self.decisions = read_decisions(self.shop, self.day)

    def line(self, product: str) -> LineView | None:
        """The current line of `product`."""
        return next((ln for ln in self.lines if ln.product == product), None)

    def sheet(self) -> OrderSheet | None:
        """The day's order sheet as shown (the plan's lines and the decisions read last)."""
        return None if self.plan is None else sheet_of(self.plan, self.decisions)

    def accept_edit(self, products: list[str]) -> EditBatch:
        """The edit that accepts the suggestion for `products` (those not decided yet)."""
        sheet = self.sheet()
        if sheet is None:
            return EditBatch(())
        return decisions.accept(sheet, [p for p in products if sheet.find(p) is not None])

    def order_edit(self, product: str, final: float | None, code: str | None = None,
                   text: str = "") -> Edit | None:
        """The edit that sets the owner's quantity (None reopens the line)."""
        sheet = self.sheet()
        if sheet is None or sheet.find(product) is None:
            return None
        if final is None:
            return decisions.reopen(sheet, [product])
        return decisions.order(sheet, product, final, code, text)

    def stock_edit(self, product: str, on_hand: float | None = None,
                   on_order: float | None = None, *, clear: bool = False) -> SetStock | None:
        """The edit that records the stock count of `product` for the current day: the given
        amounts, the others as the line shows them (0 if never counted); `clear` deletes the day's
        count."""
        line = self.line(product)
        if line is None or not line.keeps:
            return None
        if clear:
            return stock.clear_count(self.shop, product, self.day)
        return stock.count(self.shop, product, self.day,
                           on_hand if on_hand is not None else (line.on_hand or 0.0),
                           on_order if on_order is not None else (line.on_order or 0.0))

    def check_order(self, product: str, final: float | None) -> None:
        """Raise the UserError for a quantity the line cannot take (800,5 pieces), before the
        owner is asked why."""
        sheet = self.sheet()
        line = None if sheet is None else sheet.find(product)
        if line is not None and final is not None:
            decisions.check_quantity(final, line)

    def needs_reason(self, product: str, final: float | None) -> bool:
        """Whether `final` differs from the suggestion (then the owner is asked why)."""
        sheet = self.sheet()
        line = None if sheet is None else sheet.find(product)
        return line is not None and decisions.needs_reason(line, final)

    def apply_edit(self, edit: Edit, text: str) -> bool:
        """Push an edit onto the undo stack (which applies it and saves at once); False when it
        could not be saved: then it is not on the stack and `failed` said why."""
        if isinstance(edit, EditBatch | StockMoves) and not edit.edits:
            return True
        self.edit_error = None
        self.undo_stack.push(EditCommand(edit, self._apply, text, self._edit_failed))
        return self.edit_error is None

    def _apply(self, edit: Edit) -> Edit:
        changes, inverse = apply_edit(self.shop, edit)
        self.saved.emit()
        if changes.stock:
            # the suggestion depends on the count, the forecast does not: plan again, no training
            self.data_changed(child=False)
            return inverse
        self.reload_decisions()
        self.decisionsChanged.emit(set(changes.decisions))
        return inverse

    def _edit_failed(self, edit: Edit, exc: Exception) -> None:
        """An edit or its undo was not saved: show what the file really holds, and say why."""
        self.edit_error = exc
        try:
            self.reload_decisions()
        except Exception:  # the file cannot even be read now; `exc` already says why
            _log.warning("decisions not reloaded after a failed edit", exc_info=True)
        self.decisionsChanged.emit(edit.products())
        if isinstance(exc, ChangedElsewhereError) and changes_of(edit).stock:
            self.data_changed(child=False)  # show the count stored meanwhile
        self.failed.emit(exc)

    # -- data changes --------------------------------------------------------------------------
    def data_changed(self, recompute: bool = True, *, child: bool = True) -> None:
        """Sales, calendar, products or settings changed: tell the views, recompute suggestions
        (child False: only stock counts changed, the saved forecast holds; see `compute_plan`)."""
        if self.closed:
            return
        self._seen_commit = self._commit_count()  # our own change: the watch need not react
        self._seen_plan_version = self.shop.plan_version()
        self.dataChanged.emit()
        if recompute and self.auto_recompute:
            self.refresh_plan(child=child)
