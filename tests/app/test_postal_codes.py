"""Postal code -> Bundesland suggestion, including border exceptions."""

from __future__ import annotations

import pytest

from app.postal_codes import state_for_postal_code


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
