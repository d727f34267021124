"""Acceptance: the order sheet on the demo bakery with real suggestions: accept all, override with
a reason (saved at once, there after reopening), undo/redo, Enter moves down."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QProgressBar

from app import i18n
from app.i18n import num
from app.order_model import DIFFERENCE, DONE, FORECAST, ORDER, PRODUCT, SUGGESTION
from app.order_sheet import OrderSheetView
from forecasting.store.decisions import load_decisions
from forecasting.store.file import Shop
from forecasting.values.decisions import current_user
from tests.app.conftest import ORDER_DAY


def _view(qtbot: object, session: object) -> OrderSheetView:
    view = OrderSheetView(session)
    qtbot.addWidget(view)  # type: ignore[attr-defined]
    view.resize(1200, 800)
    view.show()
    qtbot.waitExposed(view)  # type: ignore[attr-defined]
    return view


def _saved(path: Path) -> dict[str, tuple[float | None, str | None, str]]:
    with Shop.open(path) as shop:
        return {d.product: (d.final, d.reason_code, d.reason_text)
                for d in load_decisions(shop, ORDER_DAY)}


def test_sheet_shows_the_real_plan_per_area(qtbot: object, planned_session: object) -> None:
    view = _view(qtbot, planned_session)
    lines = planned_session.lines  # type: ignore[attr-defined]
    assert view.title.text() == "Bäckerei Sonnenkorn"
    assert len(view.tables) >= 2, "one table per production area"
    assert sum(t.model().rowCount() for t in view.tables) == len(lines)
    areas = {ln.area for ln in lines}
    assert {"Backstube", "Konditorei"} <= areas
    model = view.tables[0].order_model()
    first = model.line_at(0)
    assert model.index(0, PRODUCT).data() == first.product
    assert model.index(0, SUGGESTION).data() == num(first.suggestion, first.decimals)
    ordering = [ln for ln in lines if ln.status == "order"]
    assert ordering, "no real suggestions"
    assert any(ln.reason for ln in ordering)
    assert "Prognose" in ordering[0].sentence
    assert "Vorschlag" in ordering[0].sentence
    fresh, computed = planned_session.status()  # type: ignore[attr-defined]
    assert fresh
    assert computed is not None
    assert "aktuell" in view.status.text()
    assert model.index(0, FORECAST).data() != ""


def test_accept_all_then_undo_redo(qtbot: object, planned_session: object) -> None:
    view = _view(qtbot, planned_session)
    shop_path = planned_session.path  # type: ignore[attr-defined]
    n = len(planned_session.lines)  # type: ignore[attr-defined]
    view.accept_all()
    saved = _saved(shop_path)
    assert len(saved) == n
    line = planned_session.lines[0]  # type: ignore[attr-defined]
    assert saved[line.product][0] == line.suggestion
    table = view.tables[0]
    assert table.model().index(0, DONE).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    stack = planned_session.undo_stack  # type: ignore[attr-defined]
    stack.undo()
    assert _saved(shop_path) == {}
    assert table.model().index(0, DONE).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    stack.redo()
    assert len(_saved(shop_path)) == n
    with Shop.open(shop_path) as shop:
        who = {d.decided_by for d in load_decisions(shop, ORDER_DAY)}
    assert current_user()
    assert who == {current_user()}, "each decision records who made it"


def test_override_with_reason_persists_and_enter_moves_down(
    qtbot: object, planned_session: object
) -> None:
    view = _view(qtbot, planned_session)
    shop_path = planned_session.path  # type: ignore[attr-defined]
    asked: list[tuple[str, float, float]] = []

    def answer(parent: object, product: str, suggestion: float, final: float,
               decimals: int) -> tuple[str, str]:
        asked.append((product, suggestion, final))
        return "supplier_limit", "Mühle liefert nur 20 kg"

    view.ask_reason = answer
    table = view.tables[0]
    model = table.order_model()
    product = model.line_at(0).product
    suggestion = model.line_at(0).suggestion
    typed = int(suggestion) + 7
    table.setFocus()
    table.setCurrentIndex(model.index(0, ORDER))
    qtbot.keyClicks(table, str(typed)[0])  # type: ignore[attr-defined]
    editor = table.indexWidget(model.index(0, ORDER))  # offscreen there is no focus widget
    assert isinstance(editor, QLineEdit), "typing should open the editor"
    if len(str(typed)) > 1:
        qtbot.keyClicks(editor, str(typed)[1:])  # type: ignore[attr-defined]
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: product in _saved(shop_path), timeout=5000)  # type: ignore[attr-defined]
    assert table.currentIndex().row() == 1, "Enter moves down"
    assert asked == [(product, suggestion, float(typed))]
    assert model.index(0, DIFFERENCE).data() == "+7"
    assert model.index(0, ORDER).data() == str(typed)

    planned_session.close()  # type: ignore[attr-defined]
    saved = _saved(shop_path)
    assert saved[product] == (float(typed), "supplier_limit", "Mühle liefert nur 20 kg")


def test_override_cancelled_changes_nothing(qtbot: object, planned_session: object) -> None:
    view = _view(qtbot, planned_session)
    shop_path = planned_session.path  # type: ignore[attr-defined]
    view.ask_reason = lambda *a: None
    product = view.tables[0].order_model().line_at(0).product
    view._order_entered(product, 999.0)
    qtbot.wait(50)  # type: ignore[attr-defined]
    assert _saved(shop_path) == {}


def test_half_a_piece_is_refused_before_asking_why(qtbot: object, planned_session: object
                                                    ) -> None:
    view = _view(qtbot, planned_session)
    shop_path = planned_session.path  # type: ignore[attr-defined]
    asked: list[str] = []
    view.ask_reason = lambda *a: asked.append(a[1])
    failures: list[Exception] = []
    planned_session.failed.connect(failures.append)  # type: ignore[attr-defined]
    line = view.tables[0].order_model().line_at(0)
    assert line.decimals == 0
    view._order_entered(line.product, 800.5)
    qtbot.wait(50)  # type: ignore[attr-defined]
    assert asked == []
    assert _saved(shop_path) == {}
    assert [e.message("de") for e in failures] == [  # type: ignore[attr-defined]
        f"„{line.product}“ wird in Stück gezählt: 800,5 geht nicht, bitte eine ganze Zahl angeben."]


def test_reopen_and_accept_single_line(qtbot: object, planned_session: object) -> None:
    view = _view(qtbot, planned_session)
    shop_path = planned_session.path  # type: ignore[attr-defined]
    table = view.tables[-1]
    model = table.order_model()
    product = model.line_at(0).product
    model.setData(model.index(0, DONE), Qt.CheckState.Checked.value,
                  Qt.ItemDataRole.CheckStateRole)
    assert _saved(shop_path)[product][1] is None
    model.setData(model.index(0, DONE), Qt.CheckState.Unchecked.value,
                  Qt.ItemDataRole.CheckStateRole)
    assert product not in _saved(shop_path)


def test_status_warns_when_recent_sales_are_missing(qtbot: object, session: object) -> None:
    view = _view(qtbot, session)
    assert "fehlen" not in view.status.text()
    gone = (ORDER_DAY - dt.timedelta(days=6)).isoformat()
    with session.shop.transaction() as conn:  # type: ignore[attr-defined]
        conn.execute("DELETE FROM sales WHERE date >= ?", (gone,))
    view.update_status()
    last = i18n.date_text(ORDER_DAY - dt.timedelta(days=7))
    assert f"die letzten Verkaufszahlen sind vom {last}" in view.status.text()
    assert view.status.font().bold()


def test_the_first_suggestions_show_progress_then_say_what_they_lack(
        qtbot: object, session: object) -> None:
    gone = (ORDER_DAY - dt.timedelta(days=20)).isoformat()
    with session.shop.transaction() as conn:  # type: ignore[attr-defined]
        conn.execute("DELETE FROM sales WHERE date >= ?", (gone,))
    view = _view(qtbot, session)
    assert "Neu berechnen" in _empty_text(view)
    session.refresh_plan()  # type: ignore[attr-defined]
    qtbot.wait(20)  # type: ignore[attr-defined]  # new widgets are shown by the event loop
    text = _empty_text(view)
    assert "Berechne" in text or "berechnet" in text, text
    assert "Neu berechnen" not in text
    bars = view.findChildren(QProgressBar)
    assert any(bar.isVisibleTo(view) for bar in bars), "no progress on the empty sheet"
    qtbot.waitUntil(lambda: bool(session.lines), timeout=180_000)  # type: ignore[attr-defined]
    status = view.status.text()
    assert "fehlen" in status
    assert "aktuell" not in status, status


def _empty_text(view: OrderSheetView) -> str:
    return " ".join(label.text() for label in view.findChildren(QLabel)
                    if label.isVisibleTo(view) and label is not view.status)


def test_stock_count_typed_in_the_sheet_orders_up_to_it_and_undoes(
        qtbot: object, planned_session: object) -> None:
    """Roggenmischbrot keeps three days: counting it turns the line into order-up-to; areas
    without goods that keep hide the stock columns."""
    from app.order_model import ON_ORDER, STOCK
    from forecasting.store.stock import latest_counts

    view = _view(qtbot, planned_session)
    bread = "Roggenmischbrot 750 g"
    found = view.table_of(bread)
    assert found is not None
    table, row = found
    model = table.order_model()
    assert all(t.isColumnHidden(STOCK) for t in view.tables)
    assert all(t.isColumnHidden(ON_ORDER) for t in view.tables)
    assert model.index(row, STOCK).data() == ""  # never counted
    assert model.flags(model.index(row, STOCK)) & Qt.ItemFlag.ItemIsEditable
    fresh_roll = next(r for r in range(model.rowCount()) if not model.line_at(r).keeps)
    assert not model.flags(model.index(fresh_roll, STOCK)) & Qt.ItemFlag.ItemIsEditable
    before = planned_session.line(bread).suggestion  # type: ignore[attr-defined]
    assert before > 0
    with qtbot.waitSignal(planned_session.planChanged, timeout=60_000):  # type: ignore[attr-defined]
        model.setData(model.index(row, STOCK), "1.000")
    line = planned_session.line(bread)  # type: ignore[attr-defined]
    assert (line.on_hand, line.on_order) == (1000.0, 0.0)
    # counted, of unknown age: taken as baked the day before yesterday (keeps three days), so
    # they sell today only and tomorrow's delivery is still needed; the line says so
    assert line.suggestion > 0
    assert "aus der Zählung am 26.11.2026 unbekannt" in line.sentence
    assert line.delivery.startswith("Lieferung Fr 27.11.")
    with Shop.open(planned_session.path) as shop:  # type: ignore[attr-defined]
        assert latest_counts(shop, ORDER_DAY)[bread].on_hand == 1000.0
    table, row = view.table_of(bread)  # type: ignore[misc]
    assert table.order_model().index(row, STOCK).data() == "1.000"
    assert table.order_model().line_at(row).stocked
    tip = table.order_model().index(row, STOCK).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("Gezählt am 26.11.2026, abzüglich der Verkäufe seitdem.")
    assert not table.isColumnHidden(STOCK)
    with qtbot.waitSignal(planned_session.planChanged, timeout=60_000):  # type: ignore[attr-defined]
        planned_session.undo_stack.undo()  # type: ignore[attr-defined]
    line = planned_session.line(bread)  # type: ignore[attr-defined]
    assert line.on_hand is None
    assert line.suggestion == before
    assert all(t.isColumnHidden(STOCK) for t in view.tables)
    with Shop.open(planned_session.path) as shop:  # type: ignore[attr-defined]
        assert bread not in latest_counts(shop, ORDER_DAY)
