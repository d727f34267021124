"""Settings: Bundesland from the postal code, opening days, closing days and product economics are
saved to the shop file; saving marks the suggestions stale."""

from __future__ import annotations

import datetime as dt

from app.settings_dialog import SettingsDialog
from forecasting.store.products import load_products
from forecasting.store.settings import load_closing_days, load_settings


def test_postal_code_sets_state_and_everything_saves(qtbot: object, session: object) -> None:
    session.auto_recompute = False  # type: ignore[attr-defined]
    shop = session.shop  # type: ignore[attr-defined]
    version = shop.data_version()
    dialog = SettingsDialog(session)
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    dialog.postal.setText("24103")
    assert dialog.state.currentData() == "SH"
    assert dialog.state_hint.text()
    dialog.day_boxes[6].setChecked(False)
    dialog.closing_date.setDate(dialog.closing_date.date().addDays(10))
    dialog.closing_reason.setText("Betriebsferien")
    dialog._add_closing()
    dialog.table.cellWidget(0, 1).setValue(9.99)
    dialog.save()
    settings = load_settings(shop)
    assert settings.state == "SH"
    assert settings.postal_code == "24103"
    assert 6 not in settings.opening_days
    assert "Betriebsferien" in load_closing_days(shop).values()
    first = load_products(shop)[0]
    assert first.price == 9.99
    assert shop.data_version() > version


def test_removing_a_closing_day(qtbot: object, session: object) -> None:
    from forecasting.store.settings import set_closing_day

    session.auto_recompute = False  # type: ignore[attr-defined]
    day = dt.date(2026, 12, 31)
    set_closing_day(session.shop, day, "Silvester")  # type: ignore[attr-defined]
    dialog = SettingsDialog(session)
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    dialog.closing_list.item(0).setSelected(True)
    dialog._remove_closing()
    dialog.save()
    assert day not in load_closing_days(session.shop)  # type: ignore[attr-defined]


def test_ramadan_and_salary_days_are_kept_for_the_shops_calendar(qtbot: object,
                                                                  session: object) -> None:
    from forecasting.shop_calendar import shop_features
    from forecasting.store.calendar_options import load_calendar_options

    session.auto_recompute = False  # type: ignore[attr-defined]
    shop = session.shop  # type: ignore[attr-defined]
    dialog = SettingsDialog(session)
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    assert not dialog.ramadan.isChecked()
    version = shop.data_version()
    dialog.ramadan.setChecked(True)
    dialog.salary_boxes[15].setChecked(True)
    dialog.save()
    options = load_calendar_options(shop)
    assert options.observe_ramadan
    assert set(options.paydays.salary_days) == {"last", 15}
    assert shop.data_version() > version
    table = shop_features(shop, dt.date(2027, 1, 20), dt.date(2027, 3, 20))
    assert table.frame["ramadan"].sum() > 20
    assert table.frame["payday_kindergeld"].sum() > 0


def test_benefit_paydays_can_be_switched_off(qtbot: object, session: object) -> None:
    from forecasting.shop_calendar import shop_features
    from forecasting.store.calendar_options import load_calendar_options

    session.auto_recompute = False  # type: ignore[attr-defined]
    shop = session.shop  # type: ignore[attr-defined]
    dialog = SettingsDialog(session)
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    assert all(box.isChecked() for box in dialog.benefit_boxes.values())  # the defaults
    dialog.benefit_boxes["kindergeld"].setChecked(False)
    dialog.benefit_boxes["pensions"].setChecked(False)
    dialog.save()
    rules = load_calendar_options(shop).paydays
    assert (rules.pensions, rules.buergergeld, rules.kindergeld) == (False, True, False)
    table = shop_features(shop, dt.date(2027, 1, 1), dt.date(2027, 3, 31))
    assert table.frame["payday_kindergeld"].sum() == 0
    assert table.frame["payday_pension"].sum() == 0
    assert table.frame["payday_buergergeld"].sum() == 3  # one each month
    again = SettingsDialog(session)
    qtbot.addWidget(again)  # type: ignore[attr-defined]
    assert not again.benefit_boxes["kindergeld"].isChecked()


def test_carnival_and_catholic_region_can_be_set_against_the_state(qtbot: object,
                                                                   session: object) -> None:
    from forecasting.shop_calendar import shop_features
    from forecasting.store.calendar_options import load_calendar_options

    session.auto_recompute = False  # type: ignore[attr-defined]
    shop = session.shop  # type: ignore[attr-defined]
    before = shop_features(shop, dt.date(2027, 2, 1), dt.date(2027, 2, 28))
    assert before.frame["rosenmontag"].sum() == 1  # the demo bakery is in NW: carnival counts
    dialog = SettingsDialog(session)
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    assert dialog.carnival.currentData() is None  # as usual in the Bundesland
    dialog.carnival.setCurrentIndex(dialog.carnival.findData(False))
    dialog.catholic.setCurrentIndex(dialog.catholic.findData(True))
    dialog.save()
    options = load_calendar_options(shop)
    assert (options.carnival_region, options.catholic_region) == (False, True)
    after = shop_features(shop, dt.date(2027, 2, 1), dt.date(2027, 2, 28))
    assert after.frame["rosenmontag"].sum() == 0
    again = SettingsDialog(session)
    qtbot.addWidget(again)  # type: ignore[attr-defined]
    assert again.carnival.currentData() is False
    assert again.catholic.currentData() is True
