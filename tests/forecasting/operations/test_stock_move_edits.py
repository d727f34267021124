"""Goods receipts and write-offs as undoable edits (issue 21): what the window's dialogs and the
command line book; applying returns the inverse; pieces whole, kilograms with decimals."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from forecasting.errors import UserError
from forecasting.operations import stock
from forecasting.operations.edits import apply_edit
from forecasting.store.file import Shop
from forecasting.store.stock import load_moves, receipt_on

TUE = dt.date(2026, 12, 1)


def test_a_days_receipt_is_one_step_and_its_inverse_restores(review_deli_path: Path) -> None:
    with Shop.open(review_deli_path) as shop:
        rows = stock.receipt_rows(shop, TUE)
        assert [(p.name, ordered, booked) for p, ordered, booked in rows] == [
            ("Bergkäse", 78.0, None), ("Oliven lose", 4.5, None)]
        versions = shop.data_version(), shop.plan_version()
        changes, undo = apply_edit(shop, stock.receipts(
            shop, TUE, {"Bergkäse": 75.0, "Oliven lose": 4.3}, today=TUE))
        assert changes.stock
        assert receipt_on(shop, "Oliven lose", TUE).quantity == 4.3  # type: ignore[union-attr]
        assert (shop.data_version(), shop.plan_version() > versions[1]) == (versions[0], True)
        assert [booked for _p, _o, booked in stock.receipt_rows(shop, TUE)] == [75.0, 4.3]
        _, redo = apply_edit(shop, undo)
        assert receipt_on(shop, "Bergkäse", TUE) is None
        apply_edit(shop, redo)
        assert receipt_on(shop, "Bergkäse", TUE).quantity == 75.0  # type: ignore[union-attr]


def test_wrong_quantities_are_refused_before_anything_is_saved(review_deli_path: Path) -> None:
    with Shop.open(review_deli_path) as shop:
        before = load_moves(shop)
        with pytest.raises(UserError) as negative:
            stock.receipts(shop, TUE, {"Oliven lose": 4.0, "Bergkäse": -3.0}, today=TUE)
        assert "-3" in negative.value.message("de")
        with pytest.raises(UserError) as half:
            stock.writeoff_edit(shop, "Bergkäse", TUE, 2.5)
        assert "ganze Zahl" in half.value.message("de")
        with pytest.raises(UserError):
            stock.receipt(shop, "Bergkäse", TUE + dt.timedelta(days=1), 70.0, today=TUE)
        assert load_moves(shop) == before
        _, undo = apply_edit(shop, stock.writeoff_edit(shop, "Oliven lose", TUE, 0.25, "damaged"))
        assert [m.quantity for m in load_moves(shop, TUE, TUE)] == [0.25]
        apply_edit(shop, undo)
        assert load_moves(shop) == before
