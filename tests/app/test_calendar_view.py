"""Acceptance: events can be added, edited and deleted; an event on the order day changes the
suggestions; the weather forecast can be typed in; fetching without a location says so."""

from __future__ import annotations

import datetime as dt

from app.calendar_view import CalendarView, EventDialog
from forecasting.store.calendar import load_events, load_weather
from forecasting.values.events import Event
from tests.app.conftest import ORDER_DAY


def _view(qtbot: object, session: object) -> CalendarView:
    view = CalendarView(session)
    qtbot.addWidget(view)  # type: ignore[attr-defined]
    view.show()  # the tab reads the shop file when it is shown
    return view


def test_event_changes_the_suggestions(qtbot: object, planned_session: object) -> None:
    before = {ln.product: ln.suggestion for ln in planned_session.lines}  # type: ignore[attr-defined]
    view = _view(qtbot, planned_session)
    planned_session.auto_recompute = False  # type: ignore[attr-defined]
    view.store_event(Event(kind="town_festival", name="Stadtfest", start_date=ORDER_DAY,
                           end_date=ORDER_DAY))
    fresh, _ = planned_session.status()  # type: ignore[attr-defined]
    assert not fresh, "the status must say the suggestions are stale"
    row = (ORDER_DAY - view.start).days
    assert "Stadtfest" in view.days.item(row, 3).text()
    with qtbot.waitSignal(planned_session.planChanged, timeout=120_000):  # type: ignore[attr-defined]
        planned_session.refresh_plan()  # type: ignore[attr-defined]
    after = {ln.product: ln.suggestion for ln in planned_session.lines}  # type: ignore[attr-defined]
    raised = [p for p in before if after[p] > before[p]]
    assert raised, "a town festival on the order day should raise some suggestion"
    assert all(after[p] >= before[p] for p in before)
    line = planned_session.line(raised[0])  # type: ignore[attr-defined]
    assert "Stadtfest" in line.sentence
    assert planned_session.status()[0]  # type: ignore[attr-defined]


def test_add_edit_delete_event(qtbot: object, session: object) -> None:
    session.auto_recompute = False  # type: ignore[attr-defined]
    view = _view(qtbot, session)
    count = len(load_events(session.shop))  # type: ignore[attr-defined]
    dialog = EventDialog(None, view)
    dialog.name.setText("Stadtfest")
    dialog.start.setDate(dialog.start.date().addDays(3))
    event = dialog.result_event()
    assert event.end_date == event.start_date
    event_id = view.store_event(event)
    assert len(load_events(session.shop)) == count + 1  # type: ignore[attr-defined]
    stored = next(e for e in load_events(session.shop) if e.id == event_id)  # type: ignore[attr-defined]
    edit = EventDialog(stored, view)
    edit.end.setDate(edit.end.date().addDays(2))
    view.store_event(edit.result_event())
    stored = next(e for e in load_events(session.shop) if e.id == event_id)  # type: ignore[attr-defined]
    assert (stored.end_date - stored.start_date).days == 2
    row = next(r for r, e in enumerate(view.event_list) if e.id == event_id)
    view.events.selectRow(row)
    view.delete_selected()
    assert all(e.id != event_id for e in load_events(session.shop))  # type: ignore[attr-defined]


def test_typed_weather_forecast_is_stored(qtbot: object, session: object) -> None:
    session.auto_recompute = False  # type: ignore[attr-defined]
    view = _view(qtbot, session)
    day = view.start + dt.timedelta(days=1)
    view.store_weather(day, 27.0, 0.0)
    weather = load_weather(session.shop)  # type: ignore[attr-defined]
    row = weather[(weather["date"].dt.date == day) & (weather["kind"] == "forecast")]
    assert float(row["temperature_max"].iloc[0]) == 27.0
    assert "27 °C" in view.days.item((day - view.start).days, 4).text()


def test_fetch_without_location_explains(qtbot: object, session: object) -> None:
    from forecasting.store.settings import save_settings

    settings = session.settings  # type: ignore[attr-defined]
    settings.latitude = None
    settings.longitude = None
    save_settings(session.shop, settings)  # type: ignore[attr-defined]
    view = _view(qtbot, session)
    view.fetch_weather()
    assert "Postleitzahl" in view.message.text() or "postal" in view.message.text()


def test_fetch_offline_says_so(qtbot: object, session: object) -> None:
    """Tests never reach the network (tests/conftest.py blocks it): the app must say so plainly."""
    session.auto_recompute = False  # type: ignore[attr-defined]
    view = _view(qtbot, session)
    assert session.settings.latitude is not None  # type: ignore[attr-defined]
    view.fetch_weather()
    qtbot.waitUntil(lambda: "Keine Verbindung" in view.message.text(),  # type: ignore[attr-defined]
                    timeout=20_000)
    assert not session.runner.busy()  # type: ignore[attr-defined]


def test_promotion_for_one_product(qtbot: object, session: object) -> None:
    """A promotion linked to one product through the dialog is stored with that product, shown in
    the events list, and pre-selected when the promotion is edited."""
    session.auto_recompute = False  # type: ignore[attr-defined]
    view = _view(qtbot, session)
    names = view.product_names()
    product = names[len(names) // 2]  # not the first entry: "All products" must not be the default
    dialog = EventDialog(None, view, names)
    assert dialog.product.itemData(0) is None
    assert [dialog.product.itemData(i) for i in range(1, dialog.product.count())] == sorted(
        names, key=str.casefold)
    dialog.name.setText("Brezen-Aktion")
    dialog.kind.setCurrentIndex(dialog.kind.findData("promotion"))
    assert dialog.product.isEnabled()
    dialog.product.setCurrentIndex(dialog.product.findData(product))
    dialog.start.setDate(dialog.start.date().addDays(2))
    event_id = view.store_event(dialog.result_event())

    stored = next(e for e in load_events(session.shop) if e.id == event_id)  # type: ignore[attr-defined]
    assert stored.kind == "promotion"
    assert stored.product == product
    row = next(r for r, e in enumerate(view.event_list) if e.id == event_id)
    assert view.events.item(row, 2).text() == product

    edit = EventDialog(stored, view, view.product_names())
    assert edit.product.isEnabled()
    assert edit.product.currentData() == product
    assert edit.result_event().product == product


def test_product_only_for_promotions(qtbot: object, session: object) -> None:
    """Any other kind is for the whole shop: the product choice is disabled and reset."""
    session.auto_recompute = False  # type: ignore[attr-defined]
    view = _view(qtbot, session)
    names = view.product_names()
    dialog = EventDialog(None, view, names)
    assert dialog.kind.currentData() != "promotion"
    assert not dialog.product.isEnabled()
    dialog.kind.setCurrentIndex(dialog.kind.findData("promotion"))
    dialog.product.setCurrentIndex(dialog.product.findData(names[0]))
    dialog.kind.setCurrentIndex(dialog.kind.findData("town_festival"))
    assert not dialog.product.isEnabled()
    assert dialog.product.currentData() is None
    dialog.name.setText("Stadtfest")
    event_id = view.store_event(dialog.result_event())
    stored = next(e for e in load_events(session.shop) if e.id == event_id)  # type: ignore[attr-defined]
    assert stored.product is None
    row = next(r for r, e in enumerate(view.event_list) if e.id == event_id)
    assert view.events.item(row, 2).text() == ""
