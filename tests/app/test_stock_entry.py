"""Typing and dating stock counts: a negative count typed in the sheet is refused with its reason
(nothing saved, the status line does not say "Gespeichert."); `stock set` without a date after
closing dates the count tomorrow (a count is the stock at the start of its day)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from app.main_window import MainWindow
from app.order_model import STOCK
from forecasting.operations.stock import count_day
from forecasting.store.create import create_shop
from forecasting.store.file import Shop
from forecasting.store.products import save_product
from forecasting.store.sales import write_sales
from forecasting.store.settings import load_settings, save_settings
from forecasting.store.stock import latest_counts
from forecasting.values.products import Product
from tests.app.conftest import ORDER_DAY


def test_a_negative_count_typed_in_the_sheet_is_refused(qtbot: object,
                                                        planned_session: object) -> None:
    bread = "Roggenmischbrot 750 g"
    window = MainWindow(planned_session)
    qtbot.addWidget(window)  # type: ignore[attr-defined]
    window.message.setText("Gespeichert.")  # an earlier edit was saved
    found = window.sheet.table_of(bread)
    assert found is not None
    table, row = found
    failures: list[BaseException] = []
    planned_session.failed.connect(failures.append)  # type: ignore[attr-defined]
    table.order_model().setData(table.order_model().index(row, STOCK), "-3")
    assert failures, "the refusal reaches the window"
    text = window.message.text()
    assert text != "Gespeichert."
    assert "-3" in text
    assert bread in text
    assert "ab 0" in text
    with Shop.open(planned_session.path) as shop:  # type: ignore[attr-defined]
        assert bread not in latest_counts(shop, ORDER_DAY)
    assert not planned_session.undo_stack.canUndo()  # type: ignore[attr-defined]


def test_a_count_after_closing_is_tomorrows(tmp_path: Path) -> None:
    tue = dt.date(2026, 12, 1)
    with create_shop(tmp_path / "s.bkshop", name="Feinkost", state="BY") as shop:
        save_product(shop, Product("Feta", shelf_life_days=10))
        write_sales(shop, pd.DataFrame([{"product": "Feta", "date": pd.Timestamp(tue - dt.timedelta(days=1)),
                                         "quantity": 3.0}]))
        assert count_day(shop, dt.datetime(2026, 12, 1, 9, 0)) == tue
        assert count_day(shop, dt.datetime(2026, 12, 1, 21, 0)) == tue  # hours not known
        settings = load_settings(shop)
        settings.opening_hours = {"1": "08:00-18:30"}
        save_settings(shop, settings)
        assert count_day(shop, dt.datetime(2026, 12, 1, 18, 29)) == tue
        assert count_day(shop, dt.datetime(2026, 12, 1, 18, 30)) == tue + dt.timedelta(days=1)
        # today's sales are already in the file: the count came after them
        write_sales(shop, pd.DataFrame([{"product": "Feta", "date": pd.Timestamp(tue),
                                         "quantity": 2.0}]))
        assert count_day(shop, dt.datetime(2026, 12, 1, 12, 0)) == tue + dt.timedelta(days=1)
