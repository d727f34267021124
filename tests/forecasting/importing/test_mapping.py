"""The mapping JSON: round trip, defaults for hand-written files, refusal of bad values."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from forecasting.errors import UserError
from forecasting.importing.mapping import Mapping, load_mapping, save_mapping


def test_round_trip(tmp_path: Path) -> None:
    m = Mapping(
        layout="wide",
        separator=";",
        decimal=",",
        thousands=".",
        header_row=3,
        product_columns=["Brötchen", "Brot"],
        start_date="2016-01-02",
        aliases={"Bröt.": "Brötchen"},
    )
    save_mapping(m, tmp_path / "m.json")
    assert "Brötchen" in (tmp_path / "m.json").read_text(encoding="utf-8")
    assert load_mapping(tmp_path / "m.json") == m


def test_hand_written_minimal_mapping(tmp_path: Path) -> None:
    (tmp_path / "m.json").write_text(
        json.dumps(
            {
                "date_column": "Tag",
                "product_name": "Passanten",
                "quantity_column": "n",
                "separator": ";",
            }
        ),
        encoding="utf-8",
    )
    m = load_mapping(tmp_path / "m.json")
    assert (m.layout, m.encoding, m.header_row) == ("daily", "utf-8", 1)


@pytest.mark.parametrize(
    ("data", "word"),
    [
        ({"layout": "sideways"}, "layout"),
        (
            {"date_column": "d", "quantity_column": "q", "product_name": "p", "separator": ":"},
            "separator",
        ),
        (
            {"date_column": "d", "quantity_column": "q", "product_name": "p", "date_order": "YMD"},
            "date_order",
        ),
        ({"layout": "wide", "product_columns": ["a"]}, "start_date"),
        ({"date_column": "d", "quantity_column": "q"}, "product"),
        ({"colour": "red"}, "colour"),
    ],
)
def test_bad_mappings_name_the_field(tmp_path: Path, data: dict[str, object], word: str) -> None:
    (tmp_path / "m.json").write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(UserError) as err:
        load_mapping(tmp_path / "m.json")
    assert word in err.value.message("de")
    assert "m.json" in err.value.message("en")


def test_broken_json_is_a_user_error(tmp_path: Path) -> None:
    (tmp_path / "m.json").write_text("{nope", encoding="utf-8")
    with pytest.raises(UserError):
        load_mapping(tmp_path / "m.json")
