"""Postal code -> Bundesland and coordinates from the bundled GeoNames table (issue 15)."""

from __future__ import annotations

import pytest

from calendars.postal_codes import place_for_postal_code, state_for_postal_code


@pytest.mark.parametrize(
    ("code", "state"),
    [("24103", "SH"), ("44135", "NW"), ("97070", "BY"), ("80331", "BY"), ("10115", "BE"),
     ("01067", "SN"), ("63739", "BY"), ("27568", "HB"), ("28195", "HB"), ("99084", "TH"),
     ("66111", "SL"), ("55116", "RP"), ("70173", "BW"), ("20095", "HH"), ("39104", "ST")],
)
def test_known_cities(code: str, state: str) -> None:
    assert state_for_postal_code(code) == state


@pytest.mark.parametrize("code", ["", "1234", "ABCDE", "123456", "05000"])
def test_not_a_postal_code(code: str) -> None:
    assert state_for_postal_code(code) is None


def test_places_have_coordinates_for_the_weather() -> None:
    kiel = place_for_postal_code("24103")
    assert kiel is not None
    assert (kiel.place, kiel.state) == ("Kiel", "SH")
    assert abs(kiel.latitude - 54.32) < 0.05
    assert abs(kiel.longitude - 10.13) < 0.05


@pytest.mark.parametrize(
    ("code", "state"),
    # the earlier guess from the first two or three digits had 291 of 8,307 codes wrong, e.g.:
    [("01917", "SN"),  # Kamenz, not Brandenburg
     ("04924", "BB"),  # Bad Liebenwerda, not Sachsen
     ("14050", "BE"),  # Berlin-Westend, not Brandenburg
     ("06567", "TH")],  # Bad Frankenhausen, not Sachsen-Anhalt
)
def test_border_codes_from_the_table_not_a_two_digit_guess(code: str, state: str) -> None:
    assert state_for_postal_code(code) == state


def test_a_german_code_outside_germany_has_no_state() -> None:
    assert state_for_postal_code("87491") is None  # Jungholz lies in Austria
