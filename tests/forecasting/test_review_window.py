"""The Rückblick of goods that keep (issue 21): an order of the deli's cheese is judged over the
days its delivery covered (ordered, sold over those days, written off, sold out), not against the
order day's sales; bread made for the day stays judged against its day. Core and command line."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from app.cli import main
from forecasting.review import NO_SALES, review_decisions
from forecasting.review_text import window_sentence
from forecasting.store.file import Shop
from forecasting.store.stock import save_move
from forecasting.values.stock import StockMove

FRI, TUE = dt.date(2026, 11, 27), dt.date(2026, 12, 1)
COVERS = tuple(TUE + dt.timedelta(days=k) for k in range(4))  # Tue to Fri
CHEESE_SALES = (20.0, 18.0, 17.0, 16.0)  # 71 over the window; Friday sold out (conftest)


def test_an_order_of_goods_that_keep_is_judged_over_the_days_it_covered(review_deli_path: Path) -> None:
    """The old review put the 78 ordered on Friday beside Friday's 15 sold."""
    with Shop.open(review_deli_path) as shop:
        review = review_decisions(shop, FRI, TUE)
    cheese = next(ln for ln in review.lines if ln.product == "Bergkäse" and ln.date == FRI)
    assert cheese.window is not None
    assert cheese.window.days == COVERS
    assert cheese.sold == sum(CHEESE_SALES)  # not Friday's 15
    assert cheese.sold_out
    assert (cheese.window.written_off, cheese.window.sellout_days) == (4.0, 1)
    assert window_sentence(cheese, "de") == (
        "Bestellung vom Fr 27.11. (Lieferung Di 1.12., deckt Di–Fr): 78 bestellt, 71 verkauft, "
        "4 abgeschrieben, an 1 Tag ausverkauft")
    assert window_sentence(cheese, "en") == (
        "Order of Fri 27 Nov (delivery Tue 1 Dec, covers Tue–Fri): 78 ordered, 71 sold, "
        "4 written off, sold out on 1 day")
    bread = next(ln for ln in review.lines if ln.product == "Brötchen")
    assert bread.window is None  # made for the day: judged against its day as before
    assert bread.sold == 80.0
    assert bread.closer == "suggestion"  # 85 was nearer the 80 sold than 90


def test_a_window_still_running_is_not_scored_and_says_what_sold_so_far(review_deli_path: Path) -> None:
    with Shop.open(review_deli_path) as shop:
        save_move(shop, StockMove("Bergkäse", TUE, "receipt", 70.0))
        review = review_decisions(shop, FRI, TUE)
    running = next(ln for ln in review.lines if ln.date == TUE)
    assert running.status == NO_SALES
    assert running.window is not None
    assert running.window.days[0] == dt.date(2026, 12, 5)  # Saturday's delivery, not yet sold
    assert "bisher 0 verkauft" in window_sentence(running, "de")
    judged = next(ln for ln in review.lines if ln.date == FRI and ln.product == "Bergkäse")
    assert ", 70 geliefert, " in window_sentence(judged, "de")  # a short delivery shows


def test_the_command_line_shows_the_window(review_deli_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--shop", str(review_deli_path), "review", "--start", "27.11.2026",
                 "--end", "01.12.2026"]) == 0
    out = capsys.readouterr().out
    row = next(ln for ln in out.splitlines() if ln.startswith("27.11.2026  Bergkäse"))
    assert " 71 " in row  # sold over Tue-Fri
    assert "an 1 Tag ausverkauft" in row
    assert ("Bergkäse: Bestellung vom Fr 27.11. (Lieferung Di 1.12., deckt Di–Fr): 78 bestellt, "
            "71 verkauft, 4 abgeschrieben, an 1 Tag ausverkauft") in out
    assert main(["--shop", str(review_deli_path), "--lang", "en", "review", "--start", "2026-11-27",
                 "--end", "2026-12-01", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    line = next(ln for ln in data["lines"] if ln["product"] == "Bergkäse"
                and ln["date"] == "2026-11-27")
    assert line["window"]["covers"] == [d.isoformat() for d in COVERS]
    assert (line["sold"], line["window"]["written_off"]) == (71.0, 4.0)
    assert main(["--shop", str(review_deli_path), "--lang", "en", "review", "--start", "2026-11-27",
                 "--end", "2026-12-01"]) == 0
    assert "Bergkäse: Order of Fri 27 Nov (delivery Tue 1 Dec, covers Tue–Fri)" in (
        capsys.readouterr().out)


def test_orders_of_several_evenings_for_one_delivery_are_named_together(
        review_deli_path: Path) -> None:
    """Thursday's, Friday's and Saturday's orders can all come on Tuesday: each line says what
    was ordered for the delivery in all."""
    from forecasting.store.decisions import save_decision
    from forecasting.values.decisions import OrderDecision

    with Shop.open(review_deli_path) as shop:
        save_decision(shop, OrderDecision(
            product="Bergkäse", date=dt.date(2026, 11, 28), suggested=10.0, final=10.0,
            reason_code=None, reason_text="", decided_by="test",
            decided_at=dt.datetime(2026, 11, 28, 18), delivery_day=TUE))
        save_move(shop, StockMove("Bergkäse", TUE, "receipt", 88.0))  # all of it came
        review = review_decisions(shop, FRI, TUE)
    friday = next(ln for ln in review.lines if ln.product == "Bergkäse" and ln.date == FRI)
    assert window_sentence(friday, "de").endswith(
        "78 bestellt (mit den anderen Bestellungen für diese Lieferung 88), 71 verkauft, "
        "4 abgeschrieben, an 1 Tag ausverkauft")
