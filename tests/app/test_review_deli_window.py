"""The Rückblick tab for goods that keep (issue 21): the deli's cheese order of Friday is shown
with what sold over Tuesday to Friday, the days it sold out and the verdict over its delivery
window, the same words as `bestellkompass review`; bread stays judged against its day."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.review_view import DATE, SOLD, SOLD_OUT, WINDOW, ReviewView

DAY = dt.date(2026, 12, 8)  # the review covers 10.11.-07.12.2026
SCREENSHOTS = (Path(__file__).resolve().parents[2] / "docs" / "screenshots"
               if os.environ.get("BESTELLKOMPASS_DOC_SHOTS") else None)


@pytest.fixture
def deli_session(qapp: object, review_deli_path: Path) -> Iterator[object]:
    from app import i18n
    from app.session import ShopSession

    i18n.install_language("de")
    session = ShopSession.open(review_deli_path, day=DAY)
    yield session
    session.close()
    i18n.install_language("de")


def _row(view: ReviewView, product: str, day: dt.date) -> int:
    return next(i for i, line in enumerate(view.model.lines)
                if line.product == product and line.date == day)


def _shot(view: ReviewView, name: str) -> None:
    if SCREENSHOTS is None:
        return
    view.resize(1750, 330)
    view.grab().save(str(SCREENSHOTS / name))


def test_the_cheese_order_is_judged_over_its_delivery_window(qtbot: object,
                                                             deli_session: object) -> None:
    from app import i18n

    view = ReviewView(deli_session)  # type: ignore[arg-type]
    qtbot.addWidget(view)  # type: ignore[attr-defined]
    view.show()
    fri = dt.date(2026, 11, 27)
    cheese = _row(view, "Bergkäse", fri)
    model = view.model
    assert not view.table.isColumnHidden(WINDOW)
    assert model.headerData(WINDOW, Qt.Orientation.Horizontal) == "Über das Lieferfenster"
    assert model.index(cheese, DATE).data() == "Fr. 27.11.2026"
    assert model.index(cheese, SOLD).data() == "71"  # Tuesday to Friday, not Friday's 15
    assert model.index(cheese, SOLD_OUT).data() == "an 1 Tag ausverkauft"
    assert model.index(cheese, WINDOW).data() == (
        "Bestellung vom Fr 27.11. (Lieferung Di 1.12., deckt Di–Fr): 78 bestellt, 71 verkauft, "
        "4 abgeschrieben, an 1 Tag ausverkauft")
    olives = _row(view, "Oliven lose", fri)
    assert model.index(olives, WINDOW).data().endswith(
        "4,5 kg bestellt, 4,5 kg verkauft, 0,4 kg abgeschrieben, nie ausverkauft")
    bread = _row(view, "Brötchen", fri)
    assert model.index(bread, SOLD).data() == "80"
    assert model.index(bread, WINDOW).data() == ""
    assert "über die Tage beurteilt, die ihre Lieferung deckt" in view.note.text()
    _shot(view, "review_deli_window_de.png")

    i18n.install_language("en")
    english = ReviewView(deli_session)  # type: ignore[arg-type]
    qtbot.addWidget(english)  # type: ignore[attr-defined]
    english.show()
    cheese = _row(english, "Bergkäse", fri)
    assert english.model.index(cheese, WINDOW).data() == (
        "Order of Fri 27 Nov (delivery Tue 1 Dec, covers Tue–Fri): 78 ordered, 71 sold, "
        "4 written off, sold out on 1 day")
    assert english.model.headerData(WINDOW, Qt.Orientation.Horizontal) == (
        "Over the delivery window")
    _shot(english, "review_deli_window_en.png")


def test_bakeries_see_no_window_column(qtbot: object, review_shop_path: Path,
                                       qapp: object) -> None:
    from app.session import ShopSession

    session = ShopSession.open(review_shop_path, day=dt.date(2026, 11, 8))
    try:
        view = ReviewView(session)
        qtbot.addWidget(view)  # type: ignore[attr-defined]
        view.show()
        assert view.table.isColumnHidden(WINDOW)
        assert "Lieferung deckt" not in view.note.text()
    finally:
        session.close()
