"""Edits kept as data: applying writes to the shop file, the returned inverse restores it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from forecasting.operations.edits import EditBatch, SetDecision
from forecasting.store.decisions import load_decisions
from forecasting.store.file import Shop
from forecasting.values.decisions import OrderDecision

DAY = dt.date(2026, 11, 26)


def _decision(product: str, final: float, code: str | None = None) -> OrderDecision:
    return OrderDecision(product, DAY, suggested=40.0, final=final, reason_code=code,
                         decided_at=dt.datetime(2026, 11, 25, 18, 0))


def _state(shop: Shop) -> dict[str, tuple[float | None, str | None]]:
    return {d.product: (d.final, d.reason_code) for d in load_decisions(shop, DAY)}


def test_set_decision_inverse_restores(demo_bakery_path: Path, tmp_path: Path) -> None:
    path = tmp_path / "shop.bkshop"
    path.write_bytes(demo_bakery_path.read_bytes())
    with Shop.open(path) as shop:
        edit = SetDecision("Baguette", DAY, _decision("Baguette", 40.0), None)
        inverse = edit.apply(shop)
        assert _state(shop) == {"Baguette": (40.0, None)}
        override = SetDecision("Baguette", DAY, _decision("Baguette", 55.0, "event"),
                               load_decisions(shop, DAY)[0])
        undo_override = override.apply(shop)
        assert _state(shop) == {"Baguette": (55.0, "event")}
        redo = undo_override.apply(shop)
        assert _state(shop) == {"Baguette": (40.0, None)}
        redo.apply(shop)
        assert _state(shop) == {"Baguette": (55.0, "event")}
        undo_override.apply(shop)
        inverse.apply(shop)
        assert _state(shop) == {}


def test_batch_applies_in_one_step_and_undoes_in_reverse(demo_bakery_path: Path,
                                                         tmp_path: Path) -> None:
    path = tmp_path / "shop.bkshop"
    path.write_bytes(demo_bakery_path.read_bytes())
    with Shop.open(path) as shop:
        batch = EditBatch(tuple(
            SetDecision(p, DAY, _decision(p, 10.0 + i), None)
            for i, p in enumerate(["Baguette", "Croissant", "Berliner"])))
        assert batch.products() == {"Baguette", "Croissant", "Berliner"}
        inverse = batch.apply(shop)
        assert len(_state(shop)) == 3
        assert [e.product for e in inverse.edits] == ["Berliner", "Croissant", "Baguette"]
        inverse.apply(shop)
        assert _state(shop) == {}
        # the change log keeps every step, undo included
        actions = [r[0] for r in shop._conn.execute("SELECT action FROM change_log")]
        assert actions.count("order.decided") == 3
        assert actions.count("order.undecided") == 3


def test_set_stock_inverse_restores(demo_bakery_path: Path, tmp_path: Path) -> None:
    from forecasting.operations.edits import SetStock
    from forecasting.store.stock import count_on
    from forecasting.values.stock import StockCount

    path = tmp_path / "shop.bkshop"
    path.write_bytes(demo_bakery_path.read_bytes())
    bread = "Roggenmischbrot 750 g"
    with Shop.open(path) as shop:
        first = StockCount(bread, DAY, 6.0, 2.0)
        undo_first = SetStock(bread, DAY, first, None).apply(shop)
        assert count_on(shop, bread, DAY) == first
        second = StockCount(bread, DAY, 9.0, 0.0)
        undo_second = SetStock(bread, DAY, second, first).apply(shop)
        assert count_on(shop, bread, DAY) == second
        undo_second.apply(shop)
        assert count_on(shop, bread, DAY) == first
        undo_first.apply(shop)
        assert count_on(shop, bread, DAY) is None
