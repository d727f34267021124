"""Public holidays one by one (issue 15, facts from the data): a shop closed on most holidays
but open on some (the Kiel bakery: closed at Christmas, New Year and Good Friday, open on Easter
Monday, Ascension, Whit Monday and German Unity Day) gets no zero suggestion on the days it
opens; the rule and its exceptions are inferred, shown, and changed in the window and on the
command line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app import i18n
from app.cli import main
from app.session import ShopSession
from app.settings_dialog import SettingsDialog
from forecasting.importing.facts import exceptions_text, opening_facts
from forecasting.policy.plan import closed_reason
from forecasting.store.file import Shop
from forecasting.store.settings import load_settings

EASTER_MONDAY_2027 = dt.date(2027, 3, 29)
GOOD_FRIDAY_2027 = dt.date(2027, 3, 26)


def _days_of(first: dt.date, last: dt.date, closed: set[dt.date]) -> set[dt.date]:
    return {first + dt.timedelta(days=k) for k in range((last - first).days + 1)} - closed


def test_holidays_the_shop_opens_on_are_exceptions_to_the_rule() -> None:
    """Three years open every day but Christmas, New Year, Good Friday and May Day: open on
    public holidays is the rule (most have sales), those five are exceptions, with evidence."""
    first, last = dt.date(2021, 1, 1), dt.date(2023, 12, 31)
    closed = {dt.date(y, m, d) for y in (2021, 2022, 2023)
              for m, d in ((12, 25), (12, 26), (1, 1), (5, 1))}
    closed |= {dt.date(2021, 4, 2), dt.date(2022, 4, 15), dt.date(2023, 4, 7)}  # Karfreitag
    facts = opening_facts(_days_of(first, last, closed), "SH")
    assert facts.open_on_public_holidays
    assert set(facts.holiday_exceptions) == {"Karfreitag", "Erster Mai", "Erster Weihnachtstag",
                                             "Zweiter Weihnachtstag", "Neujahr"}
    assert facts.per_holiday["Ostermontag"] == (3, 3)
    assert facts.per_holiday["Karfreitag"] == (0, 3)
    assert facts.opens_on("Ostermontag")
    assert not facts.opens_on("Karfreitag")
    text = exceptions_text(facts, "SH", "de")
    assert text.startswith("außer an diesen Feiertagen geschlossen: ")
    assert "Karfreitag (0 von 3 mit Verkäufen)" in text
    assert "Good Friday (0 of 3 with sales)" in exceptions_text(facts, "SH", "en")


def test_the_command_line_keeps_the_exceptions(shop_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--shop", str(shop_path), "settings", "shop", "--holiday-exceptions",
                 "Ostermontag, ascension day"]) == 0
    with Shop.open(shop_path) as shop:
        settings = load_settings(shop)
    assert settings.holiday_exceptions == ("Christi Himmelfahrt", "Ostermontag")
    assert closed_reason(settings, {}, EASTER_MONDAY_2027) is None
    assert closed_reason(settings, {}, GOOD_FRIDAY_2027) == ("holiday", "Karfreitag")
    capsys.readouterr()
    assert main(["--shop", str(shop_path), "settings", "show"]) == 0
    assert "Christi Himmelfahrt, Ostermontag" in capsys.readouterr().out
    before = shop_path.read_bytes()
    assert main(["--shop", str(shop_path), "settings", "shop", "--holiday-exceptions",
                 "Heiligabend"]) == 2
    err = capsys.readouterr().err
    assert "„Heiligabend“ ist kein Feiertag in NW" in err
    assert "Ostermontag" in err  # the holidays there are, to choose from
    assert shop_path.read_bytes() == before
    assert main(["--shop", str(shop_path), "settings", "shop", "--holiday-exceptions", "-"]) == 0
    with Shop.open(shop_path) as shop:
        assert load_settings(shop).holiday_exceptions == ()


def test_the_settings_dialog_ticks_single_holidays(qtbot: object, session: ShopSession) -> None:
    i18n.install_language("de")
    dialog = SettingsDialog(session)
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    assert not dialog.holidays_open.isChecked()
    assert not dialog.holiday_note.isVisibleTo(dialog)
    listing = dialog.edit_holidays()
    items = {listing.listing.item(r).text(): listing.listing.item(r)
             for r in range(listing.listing.count())}
    assert "Ostermontag" in items
    assert all(i.checkState() == Qt.CheckState.Unchecked for i in items.values())
    items["Ostermontag"].setCheckState(Qt.CheckState.Checked)
    listing.accept()
    assert dialog.holiday_exceptions == ("Ostermontag",)
    assert dialog.holiday_note.text() == "außer an diesen Feiertagen geöffnet: Ostermontag"
    session.auto_recompute = False
    dialog.save()
    assert load_settings(session.shop).holiday_exceptions == ("Ostermontag",)
    again = SettingsDialog(session)
    qtbot.addWidget(again)  # type: ignore[attr-defined]
    assert again.holiday_note.text() == "außer an diesen Feiertagen geöffnet: Ostermontag"
    again.holidays_open.click()  # open on all holidays now: the single exceptions go
    assert again.holiday_exceptions == ()
    again.save()
    settings = load_settings(session.shop)
    assert (settings.open_on_public_holidays, settings.holiday_exceptions) == (True, ())
