"""Issue 15: a product planned in euros (turnover imported with --unit EUR) is never called
"Stück" in the Rückblick: not in the summary sentence of the window or of `bestellkompass review`."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from app import cli
from forecasting.review import review_decisions
from forecasting.review_text import change_sentence
from forecasting.store.file import Shop
from forecasting.store.products import load_products, save_product

START, END = dt.date(2026, 11, 1), dt.date(2026, 11, 30)


def _in_euros(path: Path, *names: str) -> None:
    with Shop.open(path) as shop, shop.transaction():
        for product in load_products(shop):
            if product.name in names:
                save_product(shop, dataclasses.replace(product, unit="EUR"))


def _sentence(path: Path, lang: str) -> str:
    with Shop.open(path) as shop:
        return change_sentence(review_decisions(shop, START, END).overall, lang)


def test_pieces_keep_their_sentence(review_shop_path: Path) -> None:
    assert _sentence(review_shop_path, "de") == (
        "Ihre Änderungen brachten 8 Stück mehr Reste und 1 Tag weniger ausverkauft.")


def test_euros_are_euros(review_shop_path: Path) -> None:
    _in_euros(review_shop_path, "Brötchen", "Brezel")
    german = _sentence(review_shop_path, "de")
    assert german == "Ihre Änderungen brachten 8,00 € mehr Reste und 1 Tag weniger ausverkauft."
    assert "Stück" not in german
    assert _sentence(review_shop_path, "en") == (
        "Your changes left €8.00 more over and sold out on 1 day fewer.")


def test_review_command_never_says_stueck_for_euros(review_shop_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    _in_euros(review_shop_path, "Brötchen", "Brezel")
    assert cli.main(["--shop", str(review_shop_path), "review", "--start", "2026-11-01",
                     "--end", "2026-11-30"]) == 0
    out = capsys.readouterr().out
    assert "8,00 € mehr Reste" in out
    assert "Stück" not in out


def test_a_mixed_shop_says_both_units() -> None:
    from forecasting.review import ReviewSummary

    summary = ReviewSummary(leftover_change=4.5, leftover_by_unit={"EUR": 12.5, "Stück": -8.0})
    assert change_sentence(summary, "de") == (
        "Ihre Änderungen brachten 8 Stück weniger und 12,50 € mehr Reste und gleich oft "
        "ausverkauft.")
    assert change_sentence(summary, "en") == (
        "Your changes left 8 fewer units and €12.50 more over and sold out as often.")
