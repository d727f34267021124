"""Shop settings (name, Bundesland, location, opening days and hours, language) and closing days."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

from forecasting.errors import ShopFileError
from forecasting.store.file import Shop
from forecasting.values.settings import ShopSettings


def load_settings(shop: Shop) -> ShopSettings:
    """The settings stored in the shop file."""
    row = shop._conn.execute("SELECT * FROM shop WHERE id = 1").fetchone()
    if row is None:  # deleted by hand or by another tool: the file is not usable as it is
        raise ShopFileError("failure.no_shop_row", path=str(shop.path))
    return ShopSettings(
        name=row["name"],
        state=row["state"],
        postal_code=row["postal_code"] or "",
        latitude=row["latitude"],
        longitude=row["longitude"],
        opening_days=tuple(int(c) for c in row["opening_days"]),
        opening_hours=json.loads(row["opening_hours"]),
        language=row["language"],
        open_on_public_holidays=bool(row["open_on_public_holidays"]),
        holiday_exceptions=tuple(json.loads(row["holiday_exceptions"])),
    )


def save_settings(shop: Shop, settings: ShopSettings) -> None:
    """Store the settings (one row; replaces what was there)."""
    with shop.transaction() as conn:
        conn.execute(
            """INSERT INTO shop(id, name, state, postal_code, latitude, longitude, opening_days,
                               opening_hours, language, open_on_public_holidays,
                               holiday_exceptions, created_at)
               VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT(id) DO UPDATE SET name=excluded.name, state=excluded.state,
                 postal_code=excluded.postal_code, latitude=excluded.latitude,
                 longitude=excluded.longitude, opening_days=excluded.opening_days,
                 opening_hours=excluded.opening_hours, language=excluded.language,
                 open_on_public_holidays=excluded.open_on_public_holidays,
                 holiday_exceptions=excluded.holiday_exceptions""",
            (
                settings.name,
                settings.state,
                settings.postal_code,
                settings.latitude,
                settings.longitude,
                "".join(str(d) for d in settings.opening_days),
                json.dumps(settings.opening_hours, ensure_ascii=False),
                settings.language,
                int(settings.open_on_public_holidays),
                json.dumps(list(settings.holiday_exceptions), ensure_ascii=False),
                dt.datetime.now().isoformat(timespec="seconds"),
            ),
        )
        shop.log("settings.saved", dataclasses.asdict(settings))


def load_closing_days(shop: Shop) -> dict[dt.date, str]:
    """Planned closing days (holidays of the shop itself, renovation, ...) with their reason."""
    rows = shop._conn.execute("SELECT date, reason FROM closing_days ORDER BY date").fetchall()
    return {dt.date.fromisoformat(r["date"]): r["reason"] for r in rows}


def set_closing_day(shop: Shop, day: dt.date, reason: str = "") -> None:
    """Mark `day` as a planned closing day."""
    with shop.transaction() as conn:
        conn.execute(
            "INSERT OR REPLACE INTO closing_days(date, reason) VALUES (?, ?)",
            (day.isoformat(), reason),
        )
        shop.log("closing_day.set", {"date": day.isoformat(), "reason": reason})


def remove_closing_day(shop: Shop, day: dt.date) -> None:
    """Reopen a day that was planned closed."""
    with shop.transaction() as conn:
        conn.execute("DELETE FROM closing_days WHERE date = ?", (day.isoformat(),))
        shop.log("closing_day.removed", {"date": day.isoformat()})
