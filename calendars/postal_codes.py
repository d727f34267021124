"""A German postal code's place, Bundesland and coordinates, offline, from a bundled table.

The table (resources/calendar/postal_codes_de, GeoNames, CC BY 4.0; attribution there) has one row
per postal code. A few codes span two states; the table gives the state most of its places lie in,
so the front ends show the result as a suggestion the owner confirms.
"""

from __future__ import annotations

import csv
import dataclasses
import functools

from resources import RESOURCES_DIR

TABLE = RESOURCES_DIR / "calendar" / "postal_codes_de" / "de_postal_codes.csv"


@dataclasses.dataclass(frozen=True)
class Place:
    """Where a postal code lies: a place name, the Bundesland code (SH, BY, ...), coordinates."""

    postal_code: str
    place: str
    state: str
    latitude: float
    longitude: float


@functools.cache
def _table() -> dict[str, Place]:
    with open(TABLE, encoding="utf-8", newline="") as fh:
        return {
            row["postal_code"]: Place(row["postal_code"], row["place"], row["state"],
                                      float(row["latitude"]), float(row["longitude"]))
            for row in csv.DictReader(fh, delimiter=";")
        }


def place_for_postal_code(code: str) -> Place | None:
    """The place of a 5-digit German postal code, or None if there is no such code."""
    code = code.strip()
    if len(code) != 5 or not code.isdigit():
        return None
    return _table().get(code)


def state_for_postal_code(code: str) -> str | None:
    """The Bundesland code (e.g. "SH") of a postal code, or None if there is no such code."""
    place = place_for_postal_code(code)
    return place.state if place else None
