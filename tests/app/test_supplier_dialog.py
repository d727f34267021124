"""The settings dialog's Lieferanten page and the products' supplier columns: edits are saved
through the operations (compare-and-set: a field changed meanwhile on the command line is kept),
bad input is refused with its reason, and the products take the supplier's delivery days."""

from __future__ import annotations

import datetime as dt

from app.settings_dialog import P_ARTICLE, P_DAYS, P_PACK, P_UNIT, SettingsDialog
from app.supplier_table import CUSTOMER, CUTOFF, DAYS, LEAD, MINIMUM, NAME, NO_DELIVERY
from forecasting.operations.settings import change_supplier
from forecasting.store.products import product_by_name
from forecasting.store.suppliers import load_suppliers


def _dialog(qtbot: object, session: object) -> SettingsDialog:
    session.auto_recompute = False  # type: ignore[attr-defined]
    dialog = SettingsDialog(session)
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    return dialog


def _row(dialog: SettingsDialog, name: str) -> int:
    model = dialog.supplier_model
    return next(r for r in range(model.rowCount()) if model.index(r, NAME).data() == name)


def test_suppliers_are_edited_and_saved_in_the_dialog(qtbot: object, session: object) -> None:
    shop = session.shop  # type: ignore[attr-defined]
    dialog = _dialog(qtbot, session)
    model = dialog.supplier_model
    assert {model.index(r, NAME).data() for r in range(model.rowCount())} == \
        {"Backstube", "Konditorei", "Snacktheke"}
    row = _row(dialog, "Konditorei")
    for col, text in ((CUSTOMER, "4711"), (DAYS, "Di, Fr"), (LEAD, "2"), (CUTOFF, "10.30"),
                      (NO_DELIVERY, "24.12.2026, 31.12.2026"), (MINIMUM, "150,50")):
        assert model.setData(model.index(row, col), text), col
    assert model.index(row, DAYS).data() == "Di, Fr"
    assert model.index(row, MINIMUM).data() == "150,50"
    version = shop.plan_version()
    dialog.save()
    saved = load_suppliers(shop)["Konditorei"]
    assert (saved.customer_number, saved.delivery_weekdays, saved.lead_time_days, saved.cutoff,
            saved.min_order_value) == ("4711", (1, 4), 2, "10:30", 150.5)
    assert saved.no_delivery_days == (dt.date(2026, 12, 24), dt.date(2026, 12, 31))
    assert shop.plan_version() > version  # planned again (the forecast itself still holds)
    assert product_by_name(shop, "Berliner").delivery_weekdays == (1, 4)


def test_a_wrong_cell_is_refused_with_its_reason(qtbot: object, session: object) -> None:
    dialog = _dialog(qtbot, session)
    model = dialog.supplier_model
    row = _row(dialog, "Konditorei")
    for col, text in ((CUTOFF, "abends"), (LEAD, "-1"), (DAYS, "Fritag"),
                      (NO_DELIVERY, "32.12.2026"), (MINIMUM, "viel")):
        assert not model.setData(model.index(row, col), text), col
        assert dialog.problem.text(), col
    assert "abends" not in model.index(row, CUTOFF).data()


def test_a_stale_dialog_keeps_what_the_command_line_changed(qtbot: object,
                                                            session: object) -> None:
    shop = session.shop  # type: ignore[attr-defined]
    dialog = _dialog(qtbot, session)
    change_supplier(shop, "Konditorei", {"lead_time_days": 3, "customer_number": "K-1"})
    model = dialog.supplier_model
    row = _row(dialog, "Konditorei")
    model.setData(model.index(row, MINIMUM), "80")
    dialog.save()  # only the minimum was changed here: the other fields stay as saved meanwhile
    saved = load_suppliers(shop)["Konditorei"]
    assert (saved.lead_time_days, saved.customer_number, saved.min_order_value) == (3, "K-1", 80.0)
    dialog = _dialog(qtbot, session)
    change_supplier(shop, "Konditorei", {"lead_time_days": 4})
    dialog.supplier_model.setData(dialog.supplier_model.index(row, LEAD), "1")
    dialog.save_and_close()
    assert dialog.problem.isVisible() or dialog.problem.text()
    assert "Vorlauf" in dialog.problem.text()
    assert load_suppliers(shop)["Konditorei"].lead_time_days == 4


def test_a_products_unit_article_number_and_own_days(qtbot: object, session: object) -> None:
    shop = session.shop  # type: ignore[attr-defined]
    change_supplier(shop, "Konditorei", {"delivery_weekdays": (1, 4)})
    dialog = _dialog(qtbot, session)
    row = next(r for r, p in enumerate(dialog.products) if p.name == "Käsekuchen")
    assert dialog.table.cellWidget(row, P_DAYS).text() == ""  # the supplier's
    assert dialog.table.cellWidget(row, P_DAYS).placeholderText()
    unit = dialog.table.cellWidget(row, P_UNIT)
    unit.setCurrentIndex(unit.findData("kg"))
    dialog.table.cellWidget(row, P_PACK).setValue(2.5)
    dialog.table.item(row, P_ARTICLE).setText("KK-3")
    dialog.table.cellWidget(row, P_DAYS).setText("Mi")
    dialog.save()
    cake = product_by_name(shop, "Käsekuchen")
    assert (cake.unit, cake.pack_size, cake.article_number) == ("kg", 2.5, "KK-3")
    assert (cake.delivery_weekdays, cake.own_delivery_weekdays) == ((2,), True)
    dialog = _dialog(qtbot, session)
    assert dialog.table.cellWidget(row, P_DAYS).text() == "Mi"
    dialog.table.cellWidget(row, P_DAYS).setText("")  # back to the supplier's days
    dialog.save()
    assert product_by_name(shop, "Käsekuchen").delivery_weekdays == (1, 4)
    dialog = _dialog(qtbot, session)
    dialog.table.cellWidget(row, P_DAYS).setText("irgendwann")
    dialog.save_and_close()
    assert "irgendwann" in dialog.problem.text()


def test_the_sheet_says_when_a_supplier_order_is_below_its_minimum(
        qtbot: object, planned_session: object) -> None:
    from PySide6.QtWidgets import QLabel

    from app.order_sheet import OrderSheetView

    change_supplier(planned_session.shop, "Konditorei",  # type: ignore[attr-defined]
                    {"min_order_value": 100_000.0})
    view = OrderSheetView(planned_session)
    qtbot.addWidget(view)  # type: ignore[attr-defined]
    view.show()
    hints = view.minimum_labels
    assert isinstance(hints["Konditorei"], QLabel)
    assert hints["Konditorei"].isVisible()
    assert hints["Konditorei"].text().startswith("Mindestbestellwert 100.000,00 € nicht erreicht")
    assert not hints["Backstube"].isVisible()  # no minimum
    view.accept(["Käsekuchen"])  # the hint follows the decisions
    assert hints["Konditorei"].text().startswith("Mindestbestellwert")


def test_weekdays_read_as_they_are_shown(qapp: object) -> None:
    from app import i18n
    from app.commands.settings import parse_weekdays
    from app.supplier_table import weekdays_text

    for lang in ("de", "en"):
        i18n.install_language(lang)
        for days in ((1, 4), (0, 1, 2, 3, 4, 5), (0, 1, 3, 4, 5, 6), (2,), ()):
            text = weekdays_text(days)
            assert (parse_weekdays(text) if text else ()) == days, text
    i18n.install_language("de")
    assert weekdays_text((0, 1, 2, 3, 4, 5)) == "Mo-Sa"
