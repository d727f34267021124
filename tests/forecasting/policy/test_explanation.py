"""Explanation steps: grouping of factors and displayed amounts that add up exactly."""

from __future__ import annotations

import numpy as np
import pytest

from forecasting.policy.explanation import (
    Explanation,
    Step,
    apportion,
    build_explanation,
    factor_steps,
    round_half_up,
)


def test_apportion_adds_up_and_stays_close() -> None:
    rng = np.random.default_rng(3)
    for _ in range(500):
        amounts = list(rng.normal(0, 20, rng.integers(1, 8)))
        for decimals in (0, 1):
            total = round_half_up(sum(amounts), decimals)
            shown = apportion(amounts, total, decimals)
            assert sum(shown) == pytest.approx(total, abs=1e-9)
            unit = 1.0 / 10**decimals + 1e-9
            assert all(abs(s - a) < unit for s, a in zip(shown, amounts, strict=True))


def test_round_half_up_is_commercial() -> None:
    assert round_half_up(2.5) == 3
    assert round_half_up(3.5) == 4
    assert round_half_up(1.25, 1) == 1.3


def test_factor_steps_baseline_first_biggest_next_rest_as_other() -> None:
    contribs = [
        ("weather_rain", -6.2), ("baseline", 96.0), ("event_town_festival", 15.4),
        ("payday", 0.3), ("holiday", 10.1), ("season", 2.0), ("weekday", 24.0),
        ("sellouts", 1.0), ("other", 0.4),
    ]
    params = {"weekday": {"weekday": 5}, "event_town_festival": {"names": "Stadtfest"},
              "holiday": {"names": "Fronleichnam"}, "payday": {"names": "Zahltag Gehalt"}}
    steps = factor_steps(contribs, params=params)
    codes = [s.code for s in steps]
    assert codes == ["baseline", "weekday", "event_town_festival", "holiday", "other"]
    assert steps[1].params == {"weekday": 5}
    assert sum(s.amount for s in steps) == pytest.approx(sum(a for _, a in contribs))
    assert steps[-1].amount == pytest.approx(-6.2 + 0.3 + 2.0 + 1.0 + 0.4)


def test_a_day_that_is_no_holiday_is_part_of_the_usual_day() -> None:
    contribs = [("baseline", 40.0), ("holiday", -1.2), ("special_day", 1.4),
                ("event_football", 0.9), ("weekday", 6.0), ("season", 0.6)]
    steps = factor_steps(contribs, params={"weekday": {"weekday": 5}})
    assert [(s.code, round(s.amount, 6)) for s in steps] == [
        ("baseline", round(40.0 - 1.2 + 1.4 + 0.9, 6)), ("weekday", 6.0), ("other", 0.6)]


def test_repeated_groups_are_added() -> None:
    steps = factor_steps([("baseline", 10.0), ("holiday", 2.0), ("holiday", 3.0)],
                         params={"holiday": {"names": "Ostermontag"}})
    assert [(s.code, s.amount) for s in steps] == [("baseline", 10.0), ("holiday", 5.0)]


def test_displayed_amounts_add_up_to_displayed_forecast_and_suggestion() -> None:
    factors = [Step("baseline", {}, 50.4), Step("weekday", {}, 10.4), Step("holiday", {}, 10.4)]
    policy = [Step("safety", {"level": 0.8}, 7.6), Step("rounding", {"pack_size": 12}, -0.2)]
    expl = build_explanation(factors, policy, suggestion=78.6)
    shown = expl.displayed_amounts()
    assert expl.displayed_forecast() == 71  # 71.2
    assert sum(shown[:3]) == 71
    assert sum(shown) == expl.displayed_suggestion() == 79
    assert shown[:3] == [50, 11, 10] or shown[:3] == [50, 10, 11]


def test_steps_must_add_up() -> None:
    with pytest.raises(ValueError, match="add up"):
        build_explanation([Step("baseline", {}, 10.0)], [Step("safety", {}, 2.0)], suggestion=13)


def test_empty_explanation_for_zero_lines() -> None:
    expl = Explanation(steps=[], forecast=0.0, suggestion=0.0)
    assert expl.displayed_amounts() == []


def test_a_counted_stock_keeps_its_decimals_and_the_steps_still_add_up() -> None:
    """A count of 2,75 kg is shown as -2,75 (not -2,7 or -2,8, issue 21); the other steps take up
    the rounding, at most 2 decimals, to the forecast and suggestion as the line shows them."""
    rng = np.random.default_rng(7)
    for _ in range(300):
        count = float(rng.integers(1, 2000)) / 100  # 0,01 .. 19,99 kg
        factors = [Step("baseline", {}, float(rng.uniform(5, 40))),
                   Step("weekday", {}, float(rng.normal(0, 3)))]
        policy = [Step("safety", {}, float(rng.uniform(0, 6))),
                  Step("stock_on_hand", {}, -count),
                  Step("sold_before_delivery", {}, float(rng.uniform(0, count)))]
        raw = sum(s.amount for s in [*factors, *policy])
        policy.append(Step("rounding", {}, round(max(raw, 0.0) * 2) / 2 - raw))
        suggestion = sum(s.amount for s in [*factors, *policy])
        expl = build_explanation(factors, policy, suggestion=suggestion, decimals=1)
        shown = expl.displayed_amounts()
        assert shown[3] == -count
        assert expl.step_decimals() == (1 if abs(count * 10 - round(count * 10)) < 1e-9 else 2)
        assert sum(shown[:2]) == pytest.approx(expl.displayed_forecast(), abs=1e-9)
        assert sum(shown) == pytest.approx(expl.displayed_suggestion(), abs=1e-9)
        assert all(abs(a * 100 - round(a * 100)) < 1e-6 for a in shown)


def test_pieces_stay_whole_whatever_the_count() -> None:
    expl = build_explanation([Step("baseline", {}, 20.4)],
                             [Step("stock_on_hand", {}, -2.75), Step("rounding", {}, 0.35)],
                             suggestion=18.0)
    assert expl.step_decimals() == 0
    assert expl.displayed_amounts() == [20, -3, 1]
