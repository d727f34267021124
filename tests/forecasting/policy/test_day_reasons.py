"""Reasons of the day: what moves most lines of a day is said once for the day, with its effect on
the shop; the lines keep what is particular to them."""

from __future__ import annotations

from forecasting.policy.day_reasons import day_reasons, shared_keys
from forecasting.policy.explain_text import day_header, reason_line
from forecasting.policy.explanation import Explanation, Step, build_explanation

MATCH = {"names": "Heimspiel Borussia Dortmund"}


def _line(base: float, match: float, season: float = 0.0, recent: float = 0.0) -> Explanation:
    steps = [Step("baseline", {"weekday": 5}, base), Step("event_football", MATCH, match)]
    if season:
        steps.append(Step("season", {}, season))
    if recent:
        steps.append(Step("recent_level", {}, recent))
    total = sum(s.amount for s in steps)
    return build_explanation(steps, [], suggestion=total)


def test_a_reason_on_every_line_goes_to_the_day_with_its_effect_on_the_shop() -> None:
    lines = [_line(50, 4), _line(30, 2), _line(100, 6, recent=-8), _line(20, 2, season=3)]
    reasons = day_reasons(lines)
    assert [(r.step.code, r.lines) for r in reasons] == [("event_football", 4)]
    assert reasons[0].share == 14 / (50 + 30 + 92 + 23)  # the forecasts without the match
    assert day_header(reasons, "de") == \
        "Für den ganzen Tag: Heimspiel Borussia Dortmund (insgesamt +7 %)"
    shared = shared_keys(reasons)
    assert [reason_line(e, "de", shared=shared) for e in lines] == [
        "wie der ganze Tag", "wie der ganze Tag", "zuletzt weniger verkauft", "Jahreszeit"]
    # without the day's reasons every line would start with the match
    assert all(reason_line(e, "de").startswith("Heimspiel") for e in lines[:2])


def test_a_reason_that_moves_one_line_far_more_than_the_day_stays_on_it() -> None:
    lines = [_line(50, 2), _line(50, 2), _line(50, 2), _line(20, 30)]
    shared = shared_keys(day_reasons(lines))
    assert reason_line(lines[3], "de", shared=shared) == "Heimspiel Borussia Dortmund"
    assert reason_line(lines[0], "de", shared=shared) == "wie der ganze Tag"


def test_few_lines_or_reasons_on_half_the_lines_stay_on_the_lines() -> None:
    assert day_reasons([_line(50, 4), _line(30, 2)]) == []
    lines = [_line(50, 4), _line(30, 2), _line(40, 0, season=3), _line(30, 0, season=2)]
    assert day_reasons(lines) == []
