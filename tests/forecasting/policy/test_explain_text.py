"""Steps rendered to plain German and English words, with German number formatting."""

from __future__ import annotations

from forecasting.policy.explain_text import (
    explanation_items,
    explanation_lines,
    note_text,
    reason_line,
    setting_text,
    step_label,
    step_text,
)
from forecasting.policy.explanation import Note, Step, build_explanation

FESTIVAL = {"names": {"de": "Stadtfest", "en": "town festival"}}


def _expl() -> object:
    factors = [
        Step("baseline", {"weekday": 5}, 1096.0),
        Step("event_town_festival", FESTIVAL, 15.0),
        Step("weather_rain", {"value": 7.5}, -6.0),
        Step("holiday", {"names": {"de": "Tag vor Fronleichnam", "en": "day before"}}, 10.0),
        Step("sellouts", {"count": 2}, 5.0),
    ]
    policy = [
        Step("safety", {"level": 0.8}, 14.0),
        Step("rounding", {"pack_size": 12, "container": "tray"}, 4.0),
    ]
    notes = [Note("thin_history", {"days": 12})]
    return build_explanation(factors, policy, suggestion=1138.0, notes=notes)


def test_german_lines() -> None:
    lines = explanation_lines(_expl(), "de")
    assert lines == [
        "üblich am Samstag 1.096",
        "Stadtfest +15",
        "Regen (8 mm) -6",
        "Tag vor Fronleichnam +10",
        "letzte Woche zweimal ausverkauft +5",
        "= Prognose 1.120",
        "damit es an 4 von 5 Tagen reicht: +14",
        "auf Blech zu 12: +4",
        "= Vorschlag 1.138",
    ]


def test_english_lines() -> None:
    lines = explanation_lines(_expl(), "en")
    assert lines[0] == "usual on a Saturday 1,096"
    assert "town festival +15" in lines
    assert "sold out twice last week +5" in lines
    assert "enough on 4 of 5 days: +14" in lines
    assert lines[-1] == "= suggestion 1,138"


def test_reason_line_names_the_biggest_factors() -> None:
    assert reason_line(_expl(), "de") == "Stadtfest, Tag vor Fronleichnam, Regen (8 mm)"
    assert reason_line(_expl(), "en", limit=1) == "town festival"


def test_reason_line_without_factors_says_as_usual() -> None:
    plain = build_explanation([Step("baseline", {}, 20.0)], [Step("safety", {"level": 0.8}, 3.0)],
                              suggestion=23.0)
    assert reason_line(plain, "de") == "wie üblich"
    assert reason_line(plain, "en") == "as usual"


def test_reason_line_says_first_when_the_stock_is_enough() -> None:
    factors = [Step("baseline", {}, 20.0), Step("event_town_festival", FESTIVAL, 9.0)]
    policy = [Step("safety", {"level": 0.8}, 3.0), Step("stock_on_hand", {}, -40.0),
              Step("stock_covers", {}, 8.0)]
    covered = build_explanation(factors, policy, suggestion=0.0)
    assert reason_line(covered, "de") == "Vorrat reicht, Stadtfest"
    assert reason_line(covered, "en", limit=1) == "stock is enough"
    plain = build_explanation(factors[:1], [*policy[:2], Step("stock_covers", {}, 17.0)],
                              suggestion=0.0)
    assert reason_line(plain, "de") == "Vorrat reicht"


def test_weather_words_follow_the_values() -> None:
    assert step_label(Step("weather_temperature", {"value": 26.0}, 3), "de") == "warm (26 °C)"
    assert step_label(Step("weather_temperature", {"value": 1.5}, -3), "en") == "cold (2 °C)"
    assert step_label(Step("weather_rain", {"value": 0.0}, 2), "de") == "trocken"
    assert step_label(Step("weather_rain", {}, 2), "de") == "Regen"


def test_other_labels() -> None:
    assert step_label(Step("recent_level", {}, -4), "de") == "zuletzt weniger verkauft"
    assert step_label(Step("event_fair", {}, 4), "de") == "kein Ereignis"
    assert step_label(Step("rounding", {"pack_size": 1, "unit": "Stück"}, 0.4), "de") == (
        "auf ganze Stück gerundet"
    )
    assert step_label(Step("min_order", {"min_order": 2.5}, 1), "de") == "Mindestmenge 2,5"
    assert step_text(Step("spoilage", {}, 1.25), 1.3, "de", 1) == "verdirbt vorher: +1,3"
    assert setting_text("sellout_ok", "de") == "lieber ausverkauft als Reste"
    assert setting_text(None, "en") == "from price and cost"


def test_items_carry_displayed_amounts_and_labels() -> None:
    items = explanation_items(_expl(), "de")
    assert items[0] == {"code": "baseline", "label": "üblich am Samstag", "amount": 1096.0}
    assert sum(i["amount"] for i in items) == 1138


def test_notes_in_words() -> None:
    note = _expl().notes[0]
    assert "12 Tage" in note_text(note, "de")
    assert "12 days" in note_text(note, "en")


def test_a_calendar_factor_on_a_day_without_it_says_so_and_is_no_reason() -> None:
    """SHAP gives "school holidays" a share on a November day too; it must not read as a cause."""
    expl = build_explanation(
        [Step("baseline", {"weekday": 3}, 46.0), Step("school_holiday", {}, 1.0),
         Step("event_christmas_market", {}, -2.0), Step("season", {}, 3.0)],
        [], suggestion=48.0,
    )
    lines = explanation_lines(expl, "de")
    assert "keine Schulferien +1" in lines
    assert "kein Ereignis -2" in lines
    assert "no school holidays +1" in explanation_lines(expl, "en")
    assert reason_line(expl, "de") == "Jahreszeit"


def test_service_and_leftovers_in_a_bakers_words() -> None:
    from forecasting.policy.explain_text import enough_days, risk_words

    assert [enough_days(p) for p in (0.76, 0.9, 0.5, 0.8, 0.95, 0.67, 0.98, 0.996, 1.0, 0.0,
                                     0.003)] == [
        (3, 4), (9, 10), (1, 2), (4, 5), (19, 20), (2, 3), (49, 50), (99, 100), (100, 100),
        (0, 100), (1, 100)]
    quartiles = {0.25: 45.6, 0.5: 51.0, 0.75: 56.6}
    assert risk_words(quartiles, 60.0, 0.24, "de") == "reicht an 3 von 4 Tagen, meist 3–14 übrig"
    assert risk_words(quartiles, 40.0, 0.9, "en") == "enough on 1 of 10 days, mostly 0–0 left"
