"""How a shop's calendar is set up: paydays, regional customs, opt-in observances.

Defaults follow German practice and are documented in docs/calendars.md; every default can be
changed per shop.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from calendars.errors import CalendarError

STATES = (
    "BB", "BE", "BW", "BY", "HB", "HE", "HH", "MV", "NI", "NW", "RP", "SH", "SL", "SN", "ST", "TH",
)
# Where Rosenmontag/Weiberfastnacht move customers: the Rhineland (NW, RP, SL), Hesse (Mainz/
# Frankfurt area), and the Swabian-Alemannic and Franconian Fastnacht (BW, BY).
CARNIVAL_STATES = frozenset({"NW", "RP", "SL", "HE", "BW", "BY"})
# Mariä Himmelfahrt (BY) is a holiday in most Bavarian municipalities, so BY counts it by default;
# Fronleichnam in SN/TH only holds in a few Catholic municipalities, so those default to off.
CATHOLIC_STATES = frozenset({"BY"})
# Local subdivisions the `holidays` package knows and the state they belong to.
LOCAL_SUBDIVISIONS = {"Augsburg": "BY"}
# Postal codes of the city of Augsburg (the Friedensfest holds in the city, not the district).
AUGSBURG_POSTAL_CODES = range(86150, 86200)

SALARY_RULES = ("last", 1, 15)
# the PaydayRules switches for payments other than salaries
BENEFITS = ("pensions", "buergergeld", "kindergeld")


@dataclasses.dataclass(frozen=True)
class PaydayRules:
    """When money reaches customers' accounts; see docs/calendars.md for the sources."""

    salary_days: tuple[str | int, ...] = ("last",)
    pensions: bool = True
    buergergeld: bool = True
    kindergeld: bool = True
    kindergeld_first_banking_day: int = 4

    def __post_init__(self) -> None:
        for rule in self.salary_days:
            if rule not in SALARY_RULES:
                raise ValueError(f"salary day must be one of {SALARY_RULES}, not {rule!r}")
        if not 1 <= self.kindergeld_first_banking_day <= 10:
            raise ValueError("kindergeld_first_banking_day must lie between 1 and 10")


@dataclasses.dataclass(frozen=True)
class CalendarOptions:
    """Per-shop calendar settings; None means "the default for the shop's state"."""

    paydays: PaydayRules = dataclasses.field(default_factory=PaydayRules)
    observe_ramadan: bool = False
    carnival_region: bool | None = None
    catholic_region: bool | None = None
    local_subdivision: str | None = None
    fill_typical_weather: bool = True

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-able values, for storing the options with the shop."""
        out = dataclasses.asdict(self)
        out["paydays"]["salary_days"] = list(self.paydays.salary_days)
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CalendarOptions:
        """Options from `to_dict` output; unknown keys are ignored, missing ones take defaults."""
        names = {f.name for f in dataclasses.fields(cls)} - {"paydays"}
        pay_names = {f.name for f in dataclasses.fields(PaydayRules)}
        pay = {k: v for k, v in dict(data.get("paydays") or {}).items() if k in pay_names}
        if "salary_days" in pay:
            pay["salary_days"] = tuple(pay["salary_days"])
        return cls(paydays=PaydayRules(**pay), **{k: v for k, v in data.items() if k in names})

    def is_carnival_region(self, state: str) -> bool:
        """Whether carnival days matter for a shop in `state`."""
        if self.carnival_region is not None:
            return self.carnival_region
        return state in CARNIVAL_STATES

    def is_catholic_region(self, state: str) -> bool:
        """Whether the Catholic-municipality holidays of `state` apply."""
        if self.catholic_region is not None:
            return self.catholic_region
        return state in CATHOLIC_STATES


def check_state(state: str) -> str:
    """The upper-case state code, or a CalendarError naming the bad input."""
    code = (state or "").strip().upper()
    if code not in STATES:
        raise CalendarError("calendar.bad_state", state=state)
    return code


def holiday_subdivision(state: str, options: CalendarOptions) -> str:
    """The `holidays` subdivision to ask for: the state, or a local one inside it (Augsburg)."""
    local = options.local_subdivision
    if local is None:
        return state
    if LOCAL_SUBDIVISIONS.get(local) != state:
        raise CalendarError("calendar.bad_state", state=f"{state}/{local}")
    return local


def local_subdivision_for(state: str, postal_code: str) -> str | None:
    """The local holiday subdivision a shop's postal code lies in (Augsburg), else None."""
    code = (postal_code or "").strip()
    if state == "BY" and code.isdigit() and int(code) in AUGSBURG_POSTAL_CODES:
        return "Augsburg"
    return None
