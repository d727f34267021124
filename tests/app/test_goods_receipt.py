"""Goods receipt and write-offs in the window (issue 21), on the demo deli with its real plan:
"Lieferung erhalten…" confirms or corrects what came for a day's open orders (prefilled with what
was ordered), "Abschrift buchen…" books units taken off the shelf; both go through the same
operations as `stock receive` / `stock writeoff`, are undoable, and recompute the plan from the
saved forecast (no training). Pieces are whole, kilograms keep decimals, '-3' is refused."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from app.main_window import MainWindow
from app.stock_moves_dialog import GoodsReceiptDialog, WriteoffDialog
from forecasting.demo.generate import DEFAULT_SEED, write_demo_shop
from forecasting.store.file import Shop
from forecasting.store.products import load_products, save_product
from forecasting.store.stock import load_moves, receipt_on

ORDER_DAY = dt.date(2026, 11, 26)  # Thursday; history up to 25.11.2026
KEEP = ("Bergkäse 200 g", "Büffelmozzarella 125 g", "Oliven Kalamata", "Ciabatta")
SCREENSHOTS = (Path(__file__).resolve().parents[2] / "docs" / "screenshots"
               if os.environ.get("BESTELLKOMPASS_DOC_SHOTS") else None)


@pytest.fixture(scope="module")
def deli_plan(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, object, int]:
    """The demo deli cut to four products and 400 days (olives sold loose by the kilogram), its
    plan for ORDER_DAY computed once with the real forecast."""
    import dataclasses

    from app.jobs import JobProgress
    from app.session import compute_plan

    path = tmp_path_factory.mktemp("deli") / "deli.bkshop"
    write_demo_shop("deli", ORDER_DAY, path, seed=DEFAULT_SEED)
    first = (ORDER_DAY - dt.timedelta(days=400)).isoformat()
    with Shop.open(path) as shop:
        with shop.transaction() as conn:
            marks = ", ".join("?" for _ in KEEP)
            conn.execute(f"DELETE FROM products WHERE name NOT IN ({marks})", KEEP)
            conn.execute("DELETE FROM sales WHERE date < ?", (first,))
            conn.execute("DELETE FROM true_demand WHERE date < ?", (first,))
        olives = next(p for p in load_products(shop) if p.name == "Oliven Kalamata")
        save_product(shop, dataclasses.replace(olives, unit="kg"))
    plan, version = compute_plan(path, ORDER_DAY, JobProgress(lambda f, m: None))
    return path, plan, version


@pytest.fixture
def deli_session(qapp: object, deli_plan: tuple[Path, object, int],
                 tmp_path: Path) -> Iterator[object]:
    from app import i18n
    from app.session import ShopSession

    path = tmp_path / "deli.bkshop"
    shutil.copy(deli_plan[0], path)
    i18n.install_language("de")
    session = ShopSession.open(path, day=ORDER_DAY)
    session.show_plan(deli_plan[1], deli_plan[2])
    yield session
    session.close()
    i18n.install_language("de")


def _accept_all(qtbot: object, session: object) -> dict[str, tuple[dt.date, float]]:
    """Accept the sheet; product -> (delivery day, quantity) of the orders placed."""
    lines = {ln.product: ln for ln in session.sheet().lines}  # type: ignore[attr-defined]
    session.apply_edit(session.accept_edit(list(lines)), "accept")  # type: ignore[attr-defined]
    return {p: (ln.delivery_day, ln.suggestion) for p, ln in lines.items()
            if ln.delivery_day is not None and ln.suggestion > 0}


def _ok(dialog: object) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()  # type: ignore[attr-defined]


def test_goods_receipt_books_what_came_and_undoes(qtbot: object, deli_session: object) -> None:
    orders = _accept_all(qtbot, deli_session)
    cheese = "Bergkäse 200 g"
    day, ordered = orders[cheese]
    due = sorted(p for p, (d, _q) in orders.items() if d == day)
    dialog = GoodsReceiptDialog(deli_session, today=day)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    assert dialog.chosen_day() == day
    assert sorted(dialog.fields) == due  # the open orders due that day, nothing else
    field = dialog.fields[cheese]
    assert field.text() == f"{ordered:.0f}"  # prefilled with what was ordered
    shop = deli_session.shop  # type: ignore[attr-defined]
    data_version, plan_version = shop.data_version(), shop.plan_version()
    undo = deli_session.undo_stack  # type: ignore[attr-defined]
    steps = undo.count()

    field.setText("-3")
    _ok(dialog)
    assert dialog.isVisible() or dialog.result() == 0
    assert "-3" in dialog.error.text()
    assert receipt_on(shop, cheese, day) is None
    field.setText("2,5")  # counted in pieces
    _ok(dialog)
    assert "2,5 geht nicht, bitte eine ganze Zahl" in dialog.error.text()
    assert undo.count() == steps

    field.setText(f"{ordered - 4:.0f}")  # a short delivery
    if SCREENSHOTS is not None:
        dialog.show()
        dialog.grab().save(str(SCREENSHOTS / "goods_receipt_de.png"))
    with qtbot.waitSignal(deli_session.planChanged, timeout=60_000):  # type: ignore[attr-defined]
        _ok(dialog)
    assert dialog.result() == 1
    assert receipt_on(shop, cheese, day).quantity == ordered - 4  # type: ignore[union-attr]
    others = [p for p in due if p != cheese]
    assert all(receipt_on(shop, p, day) is not None for p in others)  # confirmed as ordered
    assert shop.data_version() == data_version  # the forecast stays
    assert shop.plan_version() > plan_version  # the plan moves
    assert undo.count() == steps + 1
    assert undo.undoText() == f"Lieferung erhalten {day:%d.%m.%Y}"
    with qtbot.waitSignal(deli_session.planChanged, timeout=60_000):  # type: ignore[attr-defined]
        undo.undo()
    assert all(receipt_on(shop, p, day) is None for p in due)
    with qtbot.waitSignal(deli_session.planChanged, timeout=60_000):  # type: ignore[attr-defined]
        undo.redo()
    assert receipt_on(shop, cheese, day).quantity == ordered - 4  # type: ignore[union-attr]


def test_a_writeoff_is_booked_in_the_unit_and_undone(qtbot: object,
                                                     deli_session: object) -> None:
    shop = deli_session.shop  # type: ignore[attr-defined]
    undo = deli_session.undo_stack  # type: ignore[attr-defined]
    dialog = WriteoffDialog(deli_session, product="Oliven Kalamata",  # type: ignore[arg-type]
                            today=ORDER_DAY)
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    assert dialog.product.currentText() == "Oliven Kalamata"
    assert dialog.unit.text() == "in kg, mit Nachkommastellen"
    assert "Ciabatta" in dialog.products  # keeps two days
    dialog.quantity.setText("-3")
    _ok(dialog)
    assert "-3" in dialog.error.text()
    assert load_moves(shop) == []
    dialog.quantity.setText("0,4")
    dialog.reason.setCurrentIndex(dialog.reason.findData("damaged"))
    with qtbot.waitSignal(deli_session.planChanged, timeout=60_000):  # type: ignore[attr-defined]
        _ok(dialog)
    [move] = load_moves(shop)
    assert (move.product, move.date, move.kind, move.quantity, move.reason) == (
        "Oliven Kalamata", ORDER_DAY, "writeoff", 0.4, "damaged")
    assert undo.undoText() == "Abschrift Oliven Kalamata"
    with qtbot.waitSignal(deli_session.planChanged, timeout=60_000):  # type: ignore[attr-defined]
        undo.undo()
    assert load_moves(shop) == []

    pieces = WriteoffDialog(deli_session, product="Bergkäse 200 g",  # type: ignore[arg-type]
                            today=ORDER_DAY)
    qtbot.addWidget(pieces)  # type: ignore[attr-defined]
    assert pieces.unit.text() == "in Stück"
    pieces.quantity.setText("1,5")
    _ok(pieces)
    assert "ganze Zahl" in pieces.error.text()
    assert load_moves(shop) == []


def test_the_sheet_and_the_data_menu_offer_both(qtbot: object, deli_session: object) -> None:
    window = MainWindow(deli_session)  # type: ignore[arg-type]
    qtbot.addWidget(window)  # type: ignore[attr-defined]
    data_menu = next(a.menu() for a in window.menuBar().actions()
                     if a.text().replace("&", "") == "Daten")
    texts = [a.text() for a in data_menu.actions()]
    assert "Lieferung e&rhalten…" in texts
    assert "&Abschrift buchen…" in texts
    table = window.sheet.tables[0]
    assert [a.text() for a in table.actions()] == ["Lieferung e&rhalten…", "&Abschrift buchen…"]
    found = window.sheet.table_of("Bergkäse 200 g")
    assert found is not None
    table, row = found
    table.setCurrentIndex(table.order_model().index(row, 0))
    dialog = window.book_writeoff()
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    assert dialog.product.currentText() == "Bergkäse 200 g"  # the line right-clicked
    dialog.reject()
    receipt = window.goods_received()
    qtbot.addWidget(receipt)  # type: ignore[attr-defined]
    receipt.reject()


def test_goods_receipt_in_english(qtbot: object, deli_session: object) -> None:
    from app import i18n

    orders = _accept_all(qtbot, deli_session)
    day, _ordered = orders["Bergkäse 200 g"]
    i18n.install_language("en")
    dialog = GoodsReceiptDialog(deli_session, today=day)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    assert dialog.windowTitle() == "Goods received"
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).text() == "&Book receipt"
    if SCREENSHOTS is not None:
        dialog.show()
        dialog.grab().save(str(SCREENSHOTS / "goods_receipt_en.png"))


def test_a_product_that_was_not_ordered_can_be_added(qtbot: object,
                                                     deli_session: object) -> None:
    """An extra delivery of a product without an open order that day (issue 21) is booked from
    the dialog in the same step as the orders; a product that keeps one day only is not offered
    (it has no stock to receive into)."""
    import dataclasses

    cheese, olives = "Bergkäse 200 g", "Oliven Kalamata"
    lines = {ln.product: ln for ln in deli_session.sheet().lines}  # type: ignore[attr-defined]
    deli_session.apply_edit(deli_session.accept_edit([cheese]), "accept")  # type: ignore[attr-defined]
    day = lines[cheese].delivery_day
    shop = deli_session.shop  # type: ignore[attr-defined]
    ciabatta = next(p for p in load_products(shop) if p.name == "Ciabatta")
    save_product(shop, dataclasses.replace(ciabatta, shelf_life_days=1))
    dialog = GoodsReceiptDialog(deli_session, today=day)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    assert sorted(dialog.fields) == [cheese]  # only the order due that day
    offered = [dialog.other.itemText(i) for i in range(dialog.other.count())]
    assert olives in offered
    assert "Büffelmozzarella 125 g" in offered
    assert "Ciabatta" not in offered  # keeps one day only
    assert cheese not in offered  # has its line already
    dialog.other.setCurrentText(olives)
    dialog.add_button.click()
    assert sorted(dialog.fields) == [cheese, olives]
    assert olives not in [dialog.other.itemText(i) for i in range(dialog.other.count())]
    dialog.fields[olives].setText("1,5")  # kilograms keep their decimals
    undo = deli_session.undo_stack  # type: ignore[attr-defined]
    steps = undo.count()
    if SCREENSHOTS is not None:
        dialog.show()
        dialog.grab().save(str(SCREENSHOTS / "goods_receipt_extra_de.png"))
    with qtbot.waitSignal(deli_session.planChanged, timeout=60_000):  # type: ignore[attr-defined]
        _ok(dialog)
    assert dialog.result() == 1
    assert receipt_on(shop, olives, day).quantity == 1.5  # type: ignore[union-attr]
    assert receipt_on(shop, cheese, day).quantity == lines[cheese].suggestion  # type: ignore[union-attr]
    assert undo.count() == steps + 1  # one step for the whole receipt
    with qtbot.waitSignal(deli_session.planChanged, timeout=60_000):  # type: ignore[attr-defined]
        undo.undo()
    assert receipt_on(shop, olives, day) is None
    assert receipt_on(shop, cheese, day) is None


def test_an_added_line_left_empty_books_nothing(qtbot: object, deli_session: object) -> None:
    day = ORDER_DAY  # no orders are due: the dialog starts empty
    dialog = GoodsReceiptDialog(deli_session, today=day)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert dialog.fields == {}
    assert not ok.isEnabled()
    assert dialog.add_product("Oliven Kalamata") is not None
    assert ok.isEnabled()
    _ok(dialog)
    assert "Nichts zu buchen" in dialog.error.text()
    assert receipt_on(deli_session.shop, "Oliven Kalamata", day) is None  # type: ignore[attr-defined]
