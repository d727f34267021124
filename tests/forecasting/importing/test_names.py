"""Product names: one key for every spelling of a product."""

from __future__ import annotations

from forecasting.importing.names import clean_name, display_score, name_key


def test_spellings_share_a_key() -> None:
    spellings = ["Brötchen", "Broetchen", "BRÖTCHEN ", "  brötchen", "BROETCHEN"]
    assert {name_key(s) for s in spellings} == {"broetchen"}
    assert name_key("Weißbrot") == name_key("Weissbrot") == name_key("WEISSBROT")
    assert name_key("Brot  mit\nKruste") == "brot mit kruste"
    assert name_key("Brot") != name_key("Brötchen")


def test_best_spelling_is_shown() -> None:
    spellings = ["BROETCHEN", "Broetchen", "Brötchen", "BRÖTCHEN"]
    assert max(spellings, key=display_score) == "Brötchen"
    assert clean_name("  Brot \t groß ") == "Brot groß"
