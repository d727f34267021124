"""Calendar options: state defaults, JSON round trip, state checks."""

from __future__ import annotations

import json

import pytest

from calendars.errors import CalendarError
from calendars.options import CalendarOptions, PaydayRules, check_state, holiday_subdivision


def test_defaults_by_state() -> None:
    options = CalendarOptions()
    assert options.is_carnival_region("NW")
    assert not options.is_carnival_region("SH")
    assert options.is_catholic_region("BY")
    assert not options.is_catholic_region("SN")
    assert CalendarOptions(carnival_region=False).is_carnival_region("NW") is False


def test_json_round_trip() -> None:
    options = CalendarOptions(paydays=PaydayRules(salary_days=("last", 15), kindergeld=False),
                              observe_ramadan=True, local_subdivision="Augsburg")
    text = json.dumps(options.to_dict())
    assert CalendarOptions.from_dict(json.loads(text)) == options
    assert CalendarOptions.from_dict({"future_option": 1}) == CalendarOptions()


def test_state_checks() -> None:
    assert check_state(" nw ") == "NW"
    with pytest.raises(CalendarError, match="state code"):
        check_state("Bayern")
    with pytest.raises(CalendarError):
        holiday_subdivision("NW", CalendarOptions(local_subdivision="Augsburg"))
