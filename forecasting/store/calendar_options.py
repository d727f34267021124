"""The shop's calendar options (paydays, Ramadan opt-in, regional customs), kept in its meta table."""

from __future__ import annotations

from calendars.options import CalendarOptions, local_subdivision_for
from forecasting.store import meta
from forecasting.store.file import Shop
from forecasting.store.settings import load_settings


def stored_calendar_options(shop: Shop) -> CalendarOptions:
    """The options as the owner set them (defaults when never set)."""
    stored = meta.get_json(shop, meta.Key.CALENDAR_OPTIONS)
    return CalendarOptions.from_dict(stored) if isinstance(stored, dict) else CalendarOptions()


def load_calendar_options(shop: Shop) -> CalendarOptions:
    """The options every calendar of this shop is built with: stored ones, plus the local holiday
    area its postal code lies in (Augsburg) unless one was set explicitly."""
    options = stored_calendar_options(shop)
    if options.local_subdivision is None:
        settings = load_settings(shop)
        local = local_subdivision_for(settings.state, settings.postal_code)
        if local is not None:
            return CalendarOptions.from_dict({**options.to_dict(), "local_subdivision": local})
    return options


def save_calendar_options(shop: Shop, options: CalendarOptions) -> None:
    """Store the options (the caller marks the data changed: forecasts made with the old ones
    are stale)."""
    with shop.transaction():
        meta.set_json(shop, meta.Key.CALENDAR_OPTIONS, options.to_dict())
        shop.log("calendar.options", options.to_dict())
