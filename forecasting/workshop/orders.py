"""A participant's orders from ORDERS.csv (date,product,quantity), checked against the scenario:
every refusal names the file, the line and the column, and nothing is scored from a bad file.

For a day's goods the date is the day they are sold; for goods that keep it is the day the
delivery comes, and only days a delivery can come (the supplier's weekdays after the lead time,
ordered from the evening before the first day on) may be ordered for.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pandas as pd

from calendars.text_files import read_text
from forecasting.errors import UserError
from forecasting.workshop.scenario import Scenario
from forecasting.workshop.stock import chances

COLUMNS = ("date", "product", "quantity")


def _date(text: str) -> dt.date | None:
    for fmt in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(text.strip(), fmt).date()
        except ValueError:
            continue
    return None


def _quantity(text: str) -> float | None:
    text = text.strip().replace(",", ".")
    try:
        value = float(text)
    except ValueError:
        return None
    return value if value >= 0 and value == value and value != float("inf") else None


def read_orders(path: Path, scenario: Scenario) -> pd.DataFrame:
    """date, product, quantity: one row for every product on every day of the scenario."""
    path = Path(path)
    if not path.is_file():
        raise UserError("workshop.missing_file", path=str(path))
    text = read_text(path).lstrip("\ufeff")
    sample = text.splitlines()[0] if text.strip() else ""
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header = [h.strip().lower() for h in next(reader, [])]
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        raise UserError("workshop.orders_columns", path=str(path), columns=", ".join(missing))
    at = {c: header.index(c) for c in COLUMNS}
    days = set(scenario.days)
    names = set(scenario.product_names)
    needed = order_keys(scenario)
    seen: dict[tuple[dt.date, str], int] = {}
    rows = []
    for line, cells in enumerate(reader, start=2):
        if not any(c.strip() for c in cells):
            continue
        cells = cells + [""] * (len(header) - len(cells))
        raw_day, name, raw_qty = (cells[at[c]] for c in COLUMNS)
        where = {"path": str(path), "row": line}
        day = _date(raw_day)
        if day is None:
            raise UserError("workshop.orders_bad_date", **where, column="date", value=raw_day)
        if day not in days:
            raise UserError("workshop.orders_day_outside", **where, column="date",
                            value=raw_day, first=scenario.first.isoformat(),
                            last=scenario.last.isoformat())
        name = name.strip()
        if name not in names:
            raise UserError("workshop.orders_unknown_product", **where, column="product",
                            value=name)
        if name in scenario.stocked and (day, name) not in needed:
            possible = sorted(d for d, n in needed if n == name)
            raise UserError("workshop.orders_no_delivery", **where, column="date",
                            value=raw_day, product=name,
                            days=", ".join(d.isoformat() for d in possible))
        quantity = _quantity(raw_qty)
        if quantity is None:
            raise UserError("workshop.orders_bad_quantity", **where, column="quantity",
                            value=raw_qty)
        if (day, name) in seen:
            raise UserError("workshop.orders_twice", **where, column="product", value=name,
                            earlier=seen[(day, name)])
        seen[(day, name)] = line
        rows.append((pd.Timestamp(day), name, quantity))
    absent = sorted(needed - set(seen))
    if absent:
        day, name = absent[0]
        raise UserError("workshop.orders_missing", path=str(path), count=len(absent),
                        product=name, date=day.isoformat())
    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    keep = [(d.date(), n) in needed for d, n in zip(frame["date"], frame["product"], strict=True)]
    return frame[keep].reset_index(drop=True)


def order_keys(scenario: Scenario) -> set[tuple[dt.date, str]]:
    """(date, product) of every order the scenario asks for: a day's goods on each day they
    sell, goods that keep on each day a delivery can come."""
    outcome = scenario.outcome[~scenario.outcome["product"].isin(scenario.stocked)]
    out = set(zip(pd.to_datetime(outcome["date"]).dt.date, outcome["product"], strict=True))
    for name in scenario.stocked:
        out |= {(c.delivery_day, name) for c in chances(scenario, name)}
    return out
