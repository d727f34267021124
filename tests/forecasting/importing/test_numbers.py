"""Number cells read exactly, in the file's decimal style."""

from __future__ import annotations

from decimal import Decimal

import pytest

from forecasting.importing.numbers import NumberParser, detect_decimal, is_empty


@pytest.mark.parametrize(
    ("decimal", "thousands", "cell", "expected"),
    [
        (",", ".", "1.234,50", "1234.50"),
        (",", ".", "-3,5", "-3.5"),
        (",", ".", "3,5-", "-3.5"),
        (",", "", "12", "12"),
        (",", ".", "1.23", None),  # not a valid grouping
        (".", ",", "1,234.5", "1234.5"),
        (".", "", "1,5", None),
        (".", "", " 7 ", "7"),
        (".", "", "2 Stk", "2"),
        (",", "", "4,50 €", "4.50"),
        (".", "", "abc", None),
        (".", "", "NaN", None),
        (".", "", "1e5", None),
        (".", "", "", None),
        (".", "", "93.605003186262607", "93.605003186262607"),
        (",", " ", "1 234,50", "1234.50"),
        (".", "'", "1'234.5", "1234.5"),
        # issue 15: grouped thousands beyond the sampled rows, whatever was detected
        (",", "", "1.625,69", "1625.69"),
        (",", "", "1 625,69", "1625.69"),
        (",", "", "1\u00a0625,69", "1625.69"),
        (",", "", "1\u202f625,69", "1625.69"),
        (".", "", "1'625.69", "1625.69"),
        (".", "", "1\u2019625.69", "1625.69"),
        (".", "", "1,625.69", "1625.69"),
        (",", "", "1.625.000", "1625000"),
        (",", "", "1.625 000", None),  # two different grouping signs in one number
        (",", "", "1.62,5", None),
    ],
)
def test_number_parser(decimal: str, thousands: str, cell: str, expected: str | None) -> None:
    result = NumberParser(decimal, thousands)(cell)
    assert result == (None if expected is None else Decimal(expected))
    if expected is not None:
        assert str(result) == expected  # exactly the digits of the file


def test_typed_cells() -> None:
    parse = NumberParser()
    assert parse(3) == 3
    assert parse(0.1) == Decimal("0.1")
    assert parse(float("nan")) is None
    assert parse(True) is None


@pytest.mark.parametrize(
    ("cells", "sep", "expected"),
    [
        (["1,5", "2", "3,25"], ";", (",", "")),
        (["1.234,50", "12,00"], ";", (",", ".")),
        (["1.5", "2"], ",", (".", "")),
        (["1,234.50", "12.5"], "\t", (".", ",")),
        (["12", "13"], ";", (".", "")),
        (["1 234,50", "3,5"], ";", (",", " ")),
        (["1'234.50", "3.5"], ",", (".", "'")),
        (["1\u00a0234", "12"], ";", (".", "\u00a0")),
    ],
)
def test_detect_decimal(cells: list[str], sep: str, expected: tuple[str, str]) -> None:
    assert detect_decimal(cells, sep) == expected


def test_is_empty() -> None:
    assert is_empty(None)
    assert is_empty("  ")
    assert not is_empty("0")
    assert not is_empty(0)
