"""The Rückblick tab: decided lines of the last four weeks and the summary, reloaded on changes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.review_view import CLOSER, DATE, REASON, SOLD, SOLD_OUT, ReviewView

DAY = dt.date(2026, 11, 8)  # orders for 08.11.2026: the review covers 11.10.-07.11.2026


@pytest.fixture
def review_session(qapp: object, review_shop_path: Path) -> Iterator[object]:
    from app import i18n
    from app.session import ShopSession

    i18n.install_language("de")
    session = ShopSession.open(review_shop_path, day=DAY)
    yield session
    session.close()


def _cells(view: ReviewView, column: int) -> list[str]:
    model = view.model
    return [model.index(r, column).data() for r in range(model.rowCount())]


def test_tab_shows_rows_and_summary(qtbot: object, review_session: object) -> None:
    view = ReviewView(review_session)  # type: ignore[arg-type]
    qtbot.addWidget(view)  # type: ignore[attr-defined]
    view.show()
    assert view.period() == (dt.date(2026, 10, 11), dt.date(2026, 11, 7))
    assert view.model.rowCount() == 7
    assert view.model.headerData(CLOSER, Qt.Orientation.Horizontal) == "Näher dran"
    dates = _cells(view, DATE)
    assert dates[0] == "Sa. 07.11.2026"  # newest first, German date
    rows = {d.split()[1]: i for i, d in enumerate(dates) if "Brezel" not in
            view.model.lines[i].product}
    closer = _cells(view, CLOSER)
    assert closer[rows["03.11.2026"]] == "Sie"
    assert closer[rows["04.11.2026"]] == "Vorschlag"
    assert closer[rows["06.11.2026"]] == "offen"
    assert _cells(view, SOLD)[rows["07.11.2026"]] == "noch keine Verkaufszahlen"
    assert _cells(view, SOLD_OUT)[rows["05.11.2026"]] == "ausverkauft"
    assert _cells(view, REASON)[rows["02.11.2026"]] == "übernommen"
    assert _cells(view, REASON)[rows["04.11.2026"]] == "Ein Ereignis, von dem ich weiß: Martinsmarkt"
    tip = view.model.index(rows["05.11.2026"], CLOSER).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == "Mit Ihrer Bestellung: ausverkauft\nMit dem Vorschlag: mind. 10 zu wenig"
    text = view.summary.text()
    assert text.startswith("In den letzten 4 Wochen 4 Änderungen: 2-mal lagen Sie näher, "
                           "1-mal der Vorschlag.")
    assert "0-mal gleich, 1-mal offen (ausverkauft)." in text
    assert "Ihre Änderungen brachten 8 Stück mehr Reste und 1 Tag weniger ausverkauft." in text
    assert "1 Zeile hat noch keine Verkaufszahlen." in text


def test_reloads_when_decisions_change(qtbot: object, review_session: object) -> None:
    from forecasting.store.decisions import delete_decision

    view = ReviewView(review_session)  # type: ignore[arg-type]
    qtbot.addWidget(view)  # type: ignore[attr-defined]
    view.show()
    delete_decision(review_session.shop, "Brötchen", dt.date(2026, 11, 4))  # type: ignore[attr-defined]
    assert view.model.rowCount() == 7  # nothing told the view yet
    review_session.decisionsChanged.emit({"Brötchen"})  # type: ignore[attr-defined]
    assert view.model.rowCount() == 6
    assert "3 Änderungen: 2-mal lagen Sie näher, 0-mal der Vorschlag." in view.summary.text()


def test_main_window_has_the_tab(qtbot: object, review_session: object) -> None:
    from app.main_window import MainWindow

    window = MainWindow(review_session)  # type: ignore[arg-type]
    qtbot.addWidget(window)  # type: ignore[attr-defined]
    index = window.tabs.indexOf(window.review)
    assert index == 2
    assert window.tabs.tabText(index) == "&Rückblick"
    window.tabs.setCurrentIndex(index)
    window.show()
    assert window.review.model.rowCount() == 7


def test_a_longer_period_shows_older_decisions(qtbot: object, review_session: object) -> None:
    from forecasting.store.decisions import save_decision
    from forecasting.values.decisions import OrderDecision

    shop = review_session.shop  # type: ignore[attr-defined]
    save_decision(shop, OrderDecision(  # ten weeks back: outside the default four
        product="Brezel", date=dt.date(2026, 8, 29), suggested=20.0, final=30.0,
        reason_code="event", reason_text="Weinfest", decided_by="test",
        decided_at=dt.datetime(2026, 8, 28, 18, 0)))
    view = ReviewView(review_session)  # type: ignore[arg-type]
    qtbot.addWidget(view)  # type: ignore[attr-defined]
    view.show()
    assert view.model.rowCount() == 7
    view.weeks.setCurrentIndex(view.weeks.findData(13))
    assert view.period() == (dt.date(2026, 8, 9), dt.date(2026, 11, 7))
    assert view.model.rowCount() == 8
    assert _cells(view, DATE)[-1] == "Sa. 29.08.2026"
    text = view.summary.text()
    assert text.startswith("In den letzten 13 Wochen 4 Änderungen")
    assert "2 Zeilen haben noch keine Verkaufszahlen." in text  # 29.08. has no sales rows
    assert view.weeks.currentText() == "letzte 13 Wochen"
