"""The shop's own facts (name, Bundesland, location, opening days and hours, language)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from calendars.options import STATES
from forecasting.errors import ShopFileError


@dataclasses.dataclass
class ShopSettings:
    """The shop's own facts. opening_days holds weekday numbers, Monday = 0."""

    name: str
    state: str
    postal_code: str = ""
    latitude: float | None = None
    longitude: float | None = None
    opening_days: tuple[int, ...] = (0, 1, 2, 3, 4, 5)
    opening_hours: dict[str, str] = dataclasses.field(default_factory=dict)
    language: str = "de"
    open_on_public_holidays: bool = False
    #: public holidays (by their German name) on which the shop does the opposite of
    #: open_on_public_holidays: e.g. closed on holidays, but open on Ostermontag
    holiday_exceptions: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        self.state = self.state.upper()
        if self.state not in STATES:
            raise ShopFileError("shop.bad_state", state=self.state)
        self.opening_days = tuple(sorted({int(d) for d in self.opening_days}))
        self.holiday_exceptions = tuple(sorted({str(n) for n in self.holiday_exceptions}))

    def opens_on_holiday(self, name: str) -> bool:
        """Whether the shop opens on the public holiday `name` (its German name)."""
        return self.open_on_public_holidays != (name in self.holiday_exceptions)


def is_open(settings: ShopSettings, closing_days: dict[dt.date, str], day: dt.date) -> bool:
    """Whether the shop plans to open on `day` (public holidays are handled by the calendar)."""
    return day.weekday() in settings.opening_days and day not in closing_days
