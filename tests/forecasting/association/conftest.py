"""Three members of a synthetic association (forecasting/demo/association.py) and their
contributions, built once per session."""

from __future__ import annotations

import datetime as dt

import pytest

from forecasting.association.contribution import ShopHistory, build_contribution
from forecasting.association.files import Bundle
from forecasting.demo.association import MemberHistory, MemberShop, simulate_member

END = dt.date(2025, 6, 1)
UNTIL = dt.date(2025, 3, 3)
MEMBERS = (
    MemberShop("b4", "bakery", "NI", 0.4, 3, 0, None, 14),
    MemberShop("d4", "deli", "NW", 0.5, 4, 2, None, 24),
    MemberShop("b2", "bakery", "BY", 0.6, 3, 1, None, 12),
)


@pytest.fixture(scope="session")
def members() -> list[MemberHistory]:
    """Three simulated shops (two bakeries, a deli; NI, NW, BY), sales up to 2025-05-31."""
    return [simulate_member(shop, END) for shop in MEMBERS]


def history_of(member: MemberHistory) -> ShopHistory:
    """What a contribution is made from."""
    return ShopHistory(member.sales, member.features, member.shop.state, member.categories)


@pytest.fixture(scope="session")
def contributions(members: list[MemberHistory]) -> list[Bundle]:
    """Each member's contribution from its sales before UNTIL."""
    return [build_contribution(history_of(m), UNTIL) for m in members]
