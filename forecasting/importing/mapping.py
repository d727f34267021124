"""How to read one sales file: the detected (or hand-corrected) mapping, saved as JSON.

A trainer can detect a mapping once, correct it, and hand the JSON file to a whole workshop; every
field has a plain default so a hand-written mapping may name only what differs.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path
from typing import Any

from forecasting.errors import UserError

LAYOUTS = ("receipts", "daily", "wide")
DATE_ORDERS = ("DMY", "MDY")
SEPARATORS = (",", ";", "\t", "|")
MAPPING_VERSION = 1
#: What the quantity column counts: pieces (the default of a product) or euros (a till's turnover).
UNITS = ("Stück", "EUR")


@dataclasses.dataclass
class Mapping:
    """Where the data sits in the file and how to read it.

    layout: "receipts" (one line per sale), "daily" (one row per day and product) or "wide"
        (one row per day, one column per product: `product_columns`).
    header_row: the spreadsheet row number of the header (1 = first row); 0 = no header, columns
        are then called A, B, C, ... as in a spreadsheet.
    date_order: "DMY" or "MDY" for dates like 03/04/2024; None = detect, refuse if ambiguous.
    start_date: ISO date of the first data row for wide tables without a date column; each
        following non-blank row is the next day.
    product_name: the one product of a file without a product column (a single numeric series).
    aliases: spelling in the file -> product name in the shop; remembered in the shop file.
    unit: what the quantities count, one of UNITS; None = not said, and a column that holds money
        (forecasting.importing.money) is then refused rather than read as pieces.
    """

    layout: str = "daily"
    encoding: str = "utf-8"
    separator: str = ","
    decimal: str = "."
    thousands: str = ""
    header_row: int = 1
    sheet: str | None = None
    date_column: str | None = None
    date_order: str | None = None
    start_date: str | None = None
    time_column: str | None = None
    product_column: str | None = None
    product_name: str | None = None
    quantity_column: str | None = None
    unit_price_column: str | None = None
    receipt_column: str | None = None
    branch_column: str | None = None
    branch: str | None = None
    produced_column: str | None = None
    leftover_column: str | None = None
    sold_out_column: str | None = None
    product_columns: list[str] = dataclasses.field(default_factory=list)
    aliases: dict[str, str] = dataclasses.field(default_factory=dict)
    unit: str | None = None
    version: int = MAPPING_VERSION

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (all fields, so the user sees what can be set)."""
        return dataclasses.asdict(self)

    def to_json(self) -> str:
        """Pretty JSON, umlauts kept readable."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n"

    @classmethod
    def from_dict(cls, data: dict[str, Any], source: str = "") -> Mapping:
        """Build and check a mapping; unknown keys or bad values are user errors."""
        if not isinstance(data, dict):
            raise UserError("import.bad_mapping", file=source, detail="{ ... }")
        known = {f.name for f in dataclasses.fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise UserError("import.bad_mapping", file=source, detail=", ".join(unknown))
        mapping = cls(**data)
        mapping.check(source)
        return mapping

    def check(self, source: str = "") -> None:
        """Refuse values the importer cannot work with, naming the field."""

        def bad(field: str) -> UserError:
            return UserError("import.bad_mapping", file=source, detail=field)

        if self.layout not in LAYOUTS:
            raise bad(f"layout={self.layout!r}")
        if self.separator not in SEPARATORS:
            raise bad(f"separator={self.separator!r}")
        if self.decimal not in (".", ","):
            raise bad(f"decimal={self.decimal!r}")
        if (
            self.thousands not in ("", ".", ",", " ", "'", "\u00a0", "\u202f", "\u2019")
            or self.thousands == self.decimal
        ):
            raise bad(f"thousands={self.thousands!r}")
        if self.unit is not None and self.unit not in UNITS:
            raise bad(f"unit={self.unit!r}")
        if self.date_order is not None and self.date_order not in DATE_ORDERS:
            raise bad(f"date_order={self.date_order!r}")
        if not isinstance(self.header_row, int) or self.header_row < 0:
            raise bad(f"header_row={self.header_row!r}")
        if self.start_date is not None:
            try:
                dt.date.fromisoformat(self.start_date)
            except (TypeError, ValueError):
                raise bad(f"start_date={self.start_date!r}") from None
        if not isinstance(self.aliases, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in self.aliases.items()
        ):
            raise bad("aliases")
        if not isinstance(self.product_columns, list):
            raise bad("product_columns")
        if self.layout == "wide":
            if not self.product_columns:
                raise bad("product_columns")
            if self.date_column is None and self.start_date is None:
                raise bad("date_column/start_date")
        else:
            if self.date_column is None:
                raise bad("date_column")
            if self.quantity_column is None:
                raise bad("quantity_column")
            if self.product_column is None and not self.product_name:
                raise bad("product_column/product_name")

    def columns_used(self) -> list[str]:
        """Every column name the mapping refers to."""
        single = [
            self.date_column,
            self.time_column,
            self.product_column,
            self.quantity_column,
            self.unit_price_column,
            self.receipt_column,
            self.branch_column,
            self.produced_column,
            self.leftover_column,
            self.sold_out_column,
        ]
        return [c for c in single if c] + list(self.product_columns)


def load_mapping(path: str | Path) -> Mapping:
    """Read a mapping JSON file (as written by `save_mapping` or by hand)."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise UserError("import.file_not_found", file=str(path)) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UserError("import.bad_mapping", file=str(path), detail=str(exc)) from None
    return Mapping.from_dict(data, str(path))


def save_mapping(mapping: Mapping, path: str | Path) -> None:
    """Write the mapping as JSON (UTF-8)."""
    Path(path).write_text(mapping.to_json(), encoding="utf-8")
