"""Product names: one comparison key per product, whatever the till's spelling ("BROETCHEN  ")."""

from __future__ import annotations

import unicodedata

_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "ẞ": "ss"})


def name_key(name: str) -> str:
    """The key two spellings of one product share: case, spacing, umlauts and ß folded."""
    text = unicodedata.normalize("NFC", name).casefold().translate(_UMLAUTS)
    return " ".join(text.split())


def display_score(name: str) -> tuple[int, int]:
    """Prefer real umlauts, then mixed case ("Brötchen" > "Broetchen", "BRÖTCHEN", "brötchen")."""
    mixed = int(name != name.upper() and name != name.lower())
    return (sum(ch in "äöüÄÖÜß" for ch in name), mixed)


def clean_name(name: str) -> str:
    """A name as shown: outer spaces removed, inner runs of spaces collapsed, NFC."""
    return " ".join(unicodedata.normalize("NFC", name).split())
