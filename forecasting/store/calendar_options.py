"""The shop's calendar options (paydays, Ramadan opt-in, regional customs), kept in its meta table."""

from __future__ import annotations

import json

from calendars.options import CalendarOptions, local_subdivision_for
from forecasting.store.file import Shop
from forecasting.store.settings import load_settings

META_KEY = "calendar.options"


def stored_calendar_options(shop: Shop) -> CalendarOptions:
    """The options as the owner set them (defaults when never set)."""
    row = shop.conn.execute("SELECT value FROM meta WHERE key = ?", (META_KEY,)).fetchone()
    return CalendarOptions.from_dict(json.loads(row[0])) if row else CalendarOptions()


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
    """Store the options; forecasts made with the old ones become stale."""
    with shop.transaction() as conn:
        conn.execute(
            "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)",
            (META_KEY, json.dumps(options.to_dict(), ensure_ascii=False, sort_keys=True)),
        )
        shop.log("calendar.options", options.to_dict())
        shop.mark_data_changed()
