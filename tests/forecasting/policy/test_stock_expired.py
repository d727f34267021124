"""A write-off booked as expired after the goods ran out of date (issue 21): the play has thrown
them away already, so the booking must not take the same units off the fresh delivery again."""

from __future__ import annotations

import datetime as dt

import pytest

from forecasting.policy.stock_at import stocks_from
from forecasting.values.products import Product
from forecasting.values.stock import StockMove

MON = dt.date(2026, 11, 30)
OLIVES = Product("Oliven", shelf_life_days=3, delivery_weekdays=(0, 3))


def _day(k: int) -> dt.date:
    return MON + dt.timedelta(days=k)


def _stock(moves: list[StockMove], day: dt.date) -> object:
    receipts = [StockMove("Oliven", MON, "receipt", 10.0),
                StockMove("Oliven", _day(3), "receipt", 20.0)]
    return stocks_from({}, None, day, deliveries=(), moves=receipts + moves,
                       products=[OLIVES])["Oliven"]


def test_booking_expired_goods_after_the_play_threw_them_away_changes_nothing_on_the_shelf(
        ) -> None:
    """10 olives came Monday (sellable to Wednesday), nothing sold; Thursday 20 fresh came and
    the owner books the 10 old ones as expired: Friday morning 20 are on the shelf, not 10."""
    before = _stock([], _day(4))
    assert before.on_hand == pytest.approx(20.0)
    assert before.spoiled == pytest.approx(10.0)
    after = _stock([StockMove("Oliven", _day(3), "writeoff", 10.0, "expired")], _day(4))
    assert after.on_hand == pytest.approx(20.0)
    assert after.written_off == pytest.approx(10.0)
    assert after.spoiled == pytest.approx(0.0)  # the same 10 units, counted once


def test_expired_booked_on_their_last_day_and_damaged_goods_leave_the_shelf(
        ) -> None:
    """Booked before the play throws them away (on their last day) the units leave once too; a
    damaged write-off takes units off the shelf, oldest first."""
    on_last_day = _stock([StockMove("Oliven", _day(2), "writeoff", 10.0, "expired")], _day(4))
    assert on_last_day.on_hand == pytest.approx(20.0)
    assert on_last_day.written_off + on_last_day.spoiled == pytest.approx(10.0)
    damaged = _stock([StockMove("Oliven", _day(3), "writeoff", 4.0, "damaged")], _day(4))
    assert damaged.on_hand == pytest.approx(16.0)
    more = _stock([StockMove("Oliven", _day(3), "writeoff", 15.0, "expired")], _day(4))
    assert more.on_hand == pytest.approx(15.0)  # 10 known expired, 5 more off the fresh goods
