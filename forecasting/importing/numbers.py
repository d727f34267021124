"""Quantities as exact decimals: "1.234,50", "-2", "3,5 kg" stay exactly what the file says.

Decimal instead of float so that totals per product can be compared with the file to the last
digit; floats only appear when a day's total is stored in the shop file (see engine.reconcile).
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

_UNITS = r"(?:\s*(?:€|EUR|Stk\.?|Stück|St\.?|pcs|kg|g|x))?"
#: Characters that group thousands in German, Swiss, French or English files: point, comma, space,
#: no-break space, narrow no-break space (what Excel and LibreOffice write), apostrophe and the
#: typographic apostrophe (Swiss). Whatever the file's decimal sign is, the others group digits.
GROUPING = ".,' \u00a0\u202f\u2019"


def _pattern(decimal: str, thousands: str) -> re.Pattern[str]:
    d = re.escape(decimal)
    groups = "".join(re.escape(c) for c in dict.fromkeys(thousands + GROUPING) if c != decimal)
    # one grouping sign per number, in strict groups of three ("1.625,69", "1 625,69", "1'625.69")
    integer = rf"(?:\d{{1,3}}(?P<g>[{groups}])\d{{3}}(?:(?P=g)\d{{3}})*|\d+)"
    body = rf"(?:{integer}(?:{d}\d*)?|{d}\d+)"
    return re.compile(
        rf"^\s*(?:€\s*)?(?P<sign>[+\-−]?)\s*(?P<body>{body})\s*(?P<minus>-?){_UNITS}\s*$",
        re.IGNORECASE,
    )


class NumberParser:
    """Parses number cells in one decimal style, remembering each distinct text it has seen.

    Thousands are grouped by any sign in GROUPING other than the decimal one, not only by the one
    detected in the sample: a file's biggest days ("1.625,69") are often beyond the sampled rows.
    """

    def __init__(self, decimal: str = ".", thousands: str = "") -> None:
        self.decimal = decimal
        self.thousands = thousands
        self._re = _pattern(decimal, thousands)
        self._cache: dict[str, Decimal | None] = {}

    def __call__(self, value: object) -> Decimal | None:
        """The exact value of a cell, or None if it is not a number (empty cells: see is_empty)."""
        if isinstance(value, str):
            cached = self._cache.get(value)
            if cached is not None or value in self._cache:
                return cached
            result = self._parse_text(value)
            if len(self._cache) < 200_000:
                self._cache[value] = result
            return result
        if isinstance(value, bool) or value is None:
            return None
        if isinstance(value, int):
            return Decimal(value)
        if isinstance(value, float):
            if value != value or value in (float("inf"), float("-inf")):
                return None
            return Decimal(repr(value))
        return None

    def _parse_text(self, text: str) -> Decimal | None:
        match = self._re.match(text)
        if match is None:
            return None
        sign, body, trailing_minus = match.group("sign", "body", "minus")
        if match.group("g"):
            body = body.replace(match.group("g"), "")
        body = body.replace(self.decimal, ".")
        if body.endswith("."):
            body = body[:-1]
        if sign and trailing_minus:
            return None
        try:
            number = Decimal(body)
        except InvalidOperation:
            return None
        return -number if (sign in ("-", "−") or trailing_minus) else number


def is_empty(value: object) -> bool:
    """True for None and for text that is only spaces."""
    return value is None or (isinstance(value, str) and not value.strip())


_POINT_DECIMAL = re.compile(
    r"^\s*[+\-]?\d{1,3}(?:,\d{3})+\.\d+\s*$|^\s*[+\-]?\d*\.(?:\d{1,2}|\d{4,})\s*$"
)
_COMMA_DECIMAL = re.compile(
    r"^\s*[+\-]?\d{1,3}(?:\.\d{3})+,\d+\s*$|^\s*[+\-]?\d*,(?:\d{1,2}|\d{4,})\s*$"
)
_POINT_GROUPED = re.compile(r"^\s*[+\-]?\d{1,3}(?:,\d{3})+\s*$")
_COMMA_GROUPED = re.compile(r"^\s*[+\-]?\d{1,3}(?:\.\d{3})+\s*$")


_OTHER_GROUPING = re.compile(r"(?<=\d)[ \u00a0\u202f'\u2019](?=\d{3}(?!\d))")


def detect_decimal(cells: list[str], separator: str) -> tuple[str, str]:
    """(decimal, thousands) that read the sample cells; ties go to the separator's custom."""
    other = ""
    plain: list[str] = []
    for c in cells:
        m = _OTHER_GROUPING.search(c)
        if m:
            other = other or m.group(0)
            c = _OTHER_GROUPING.sub("", c)
        plain.append(c)
    point = sum(1 for c in plain if _POINT_DECIMAL.match(c))
    comma = sum(1 for c in plain if _COMMA_DECIMAL.match(c))
    if comma > point or (comma == point and separator in (";", "\t") and comma):
        decimal = ","
    elif point > comma:
        decimal = "."
    else:
        grouped_comma = sum(1 for c in plain if _COMMA_GROUPED.match(c))
        decimal = "," if grouped_comma and separator != "," else "."
    if other:
        return decimal, other
    if decimal == ",":
        grouped = any(
            _COMMA_GROUPED.match(c) or (_COMMA_DECIMAL.match(c) and "." in c) for c in plain
        )
        return decimal, "." if grouped else ""
    grouped = any(_POINT_GROUPED.match(c) or (_POINT_DECIMAL.match(c) and "," in c) for c in plain)
    return decimal, "," if grouped else ""
