"""Rückblick: decisions against sales, with sold-out days counted as censored (hand-computed)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from forecasting.errors import ShopFileError
from forecasting.review import (
    ACCEPTED,
    NO_SALES,
    OVERRIDE,
    Outcome,
    closer,
    outcome,
    review_decisions,
)
from forecasting.store.file import Shop

START, END = dt.date(2026, 11, 1), dt.date(2026, 11, 30)


def _review(path: Path, product: str | None = None,
            start: dt.date = START, end: dt.date = END) -> object:
    with Shop.open(path) as shop:
        return review_decisions(shop, start, end, product)


def _line(review: object, product: str, day: int) -> object:
    return next(ln for ln in review.lines  # type: ignore[attr-defined]
                if ln.product == product and ln.date == dt.date(2026, 11, day))


def test_outcome_on_normal_and_sold_out_days() -> None:
    assert outcome(40, 38, False) == Outcome(2, 0, False)
    assert outcome(50, 52, False) == Outcome(0, 2, True)
    assert outcome(52, 52, False) == Outcome(0, 0, True)  # exactly all sold
    # sold out at 60: demand >= 60, so 50 is at least 10 short, 70 leaves at most 10 (unknown)
    assert outcome(50, 60, True) == Outcome(0, 10, True)
    assert outcome(70, 60, True) == Outcome(None, 0, None)


def test_closer_rule() -> None:
    assert closer(40, 50, 38, False) == "owner"
    assert closer(70, 50, 52, False) == "suggestion"
    assert closer(45, 55, 50, False) == "equal"
    assert closer(60, 50, 60, True) == "owner"  # midpoint 55 below sales 60: larger is closer
    assert closer(50, 60, 60, True) == "suggestion"
    assert closer(40, 60, 40, True) == "open"  # midpoint 50 above sales: demand could be 41 or 90
    assert closer(56, 64, 60, True) == "open"  # midpoint 60 == sales: undecidable


def test_lines(review_shop_path: Path) -> None:
    review = _review(review_shop_path)
    assert len(review.lines) == 7  # type: ignore[attr-defined]

    accepted = _line(review, "Brötchen", 2)
    assert accepted.status == ACCEPTED
    assert accepted.closer is None
    assert (accepted.sold, accepted.leftover_recorded, accepted.sold_out) == (45, 5, False)
    assert accepted.final_outcome == Outcome(5, 0, False)

    better = _line(review, "Brötchen", 3)
    assert better.status == OVERRIDE
    assert better.reason_code == "weather"
    assert better.closer == "owner"
    assert better.final_outcome == Outcome(2, 0, False)
    assert better.suggested_outcome == Outcome(12, 0, False)
    assert better.leftover_change == -10
    assert better.sellout_change == 0

    worse = _line(review, "Brötchen", 4)
    assert worse.closer == "suggestion"
    assert worse.reason_text == "Martinsmarkt"
    assert worse.final_outcome == Outcome(18, 0, False)
    assert worse.suggested_outcome == Outcome(0, 2, True)
    assert worse.leftover_change == 18
    assert worse.sellout_change == -1

    sold_out = _line(review, "Brötchen", 5)  # sold-out time recorded
    assert sold_out.sold_out is True
    assert sold_out.closer == "owner"
    assert sold_out.suggested_outcome == Outcome(0, 10, True)  # "at least 10 short"
    assert sold_out.leftover_change == 0
    assert sold_out.sellout_change == 0

    all_sold = _line(review, "Brötchen", 6)  # sold == made, leftover 0: sold out (censoring)
    assert all_sold.sold_out is True
    assert all_sold.closer == "open"
    assert all_sold.suggested_outcome == Outcome(None, 0, None)
    assert all_sold.leftover_change is None
    assert all_sold.sellout_change is None

    pending = _line(review, "Brötchen", 7)
    assert pending.status == NO_SALES
    assert not pending.scored
    assert pending.sold is None
    assert pending.closer is None

    brezel = _line(review, "Brezel", 2)
    assert brezel.status == ACCEPTED
    assert brezel.sold_out is True


def test_summary(review_shop_path: Path) -> None:
    review = _review(review_shop_path)
    s = review.overall  # type: ignore[attr-defined]
    assert (s.decided, s.no_sales, s.accepted, s.overrides) == (7, 1, 2, 4)
    assert (s.owner_closer, s.suggestion_closer, s.equal, s.open) == (2, 1, 0, 1)
    assert s.leftover_change == 8  # -10 + 18 + 0; the open sold-out day is not counted
    assert (s.leftover_unknown, s.sellout_change, s.sellout_unknown) == (1, -1, 1)
    by = review.by_reason  # type: ignore[attr-defined]
    assert set(by) == {"weather", "event", "promotion", "supplier_limit"}
    assert (by["event"].overrides, by["event"].suggestion_closer, by["event"].no_sales) == (1, 1, 0)
    assert by["event"].leftover_change == 18
    assert by["weather"].owner_closer == 1
    assert by["supplier_limit"].open == 1


def test_range_and_product(review_shop_path: Path) -> None:
    review = _review(review_shop_path, start=dt.date(2026, 11, 3), end=dt.date(2026, 11, 4))
    assert [ln.date.day for ln in review.lines] == [3, 4]  # type: ignore[attr-defined]
    only = _review(review_shop_path, product="Brezel")
    assert [ln.product for ln in only.lines] == ["Brezel"]  # type: ignore[attr-defined]
    assert only.overall.overrides == 0  # type: ignore[attr-defined]
    with pytest.raises(ShopFileError) as err:
        _review(review_shop_path, product="Baumkuchen")
    assert "Baumkuchen" in err.value.message("de")


def test_demo_decisions(tmp_path: Path) -> None:
    from forecasting.demo.decisions import add_demo_decisions
    from forecasting.demo.generate import write_demo_shop

    path = write_demo_shop("bakery", dt.date(2026, 11, 26), tmp_path / "demo.bkshop")
    start, end = dt.date(2026, 11, 16), dt.date(2026, 11, 25)
    with Shop.open(path) as shop:
        count = add_demo_decisions(shop, start, end, products=["Croissant", "Baguette"])
        review = review_decisions(shop, start, end)
    assert count == len(review.lines) > 0
    assert review.overall.accepted > 0
    assert review.overall.overrides > 0
    assert all(ln.final == ln.produced for ln in review.lines)
