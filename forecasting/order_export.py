"""The final order list as rows for CSV and XLSX, safe against formula injection.

Shared by the app's export menu and scripts: a list of `ExportLine`s (what will be baked or
ordered, per production area or supplier) becomes a header plus rows; text cells that a
spreadsheet would run as a formula (starting with = + - @, or tab/CR) are neutralised by
`forecasting.safe_text.spreadsheet_cell`, the one function every CSV/XLSX writer uses.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
from pathlib import Path

from forecasting.policy.lines import shown_decimals
from forecasting.safe_text import FORMULA_STARTS, SpreadsheetWriter, spreadsheet_cell
from forecasting.texts import format_date, format_number, render
from forecasting.values.decisions import OrderDecision
from forecasting.values.suppliers import Supplier

__all__ = ["FORMULA_STARTS", "ExportLine", "by_supplier", "export_rows", "neutralise",
           "supplier_file_name", "supplier_rows", "write_csv", "write_supplier_csv", "write_xlsx"]

HEADER_CODES = ("export.col.area", "export.col.product", "export.col.quantity", "export.col.unit",
                "export.col.suggestion", "export.col.confirmed", "export.col.reason")


@dataclasses.dataclass
class ExportLine:
    """One line of the order list; `order` None = the owner has not decided (suggestion used)."""

    area: str
    product: str
    unit: str
    suggestion: float
    order: float | None
    reason: str = ""
    decimals: int = 0
    owner_reason: str = ""  # why the owner changed the suggestion, in words ("" if not changed)
    article_number: str = ""  # the supplier's number for the product
    delivery_day: dt.date | None = None  # when the order arrives (None: on the sales day)
    unit_cost: float = 0.0  # what a unit costs the shop (for the supplier's minimum order value)

    @property
    def quantity(self) -> float:
        """What goes on the list: the owner's order, else the suggestion."""
        return self.suggestion if self.order is None else self.order


def neutralise(value: object) -> object:
    """A text cell that would start a formula gets a leading apostrophe; numbers stay numbers."""
    return spreadsheet_cell(value)


def export_rows(lines: list[ExportLine], lang: str = "de") -> list[list[object]]:
    """Header plus one row per line; text neutralised, numbers as floats."""
    yes, no = render("export.yes", lang), render("export.no", lang)
    rows: list[list[object]] = [[render(code, lang) for code in HEADER_CODES]]
    for line in lines:
        rows.append(
            [
                neutralise(line.area),
                neutralise(line.product),
                float(line.quantity),
                neutralise(line.unit),
                float(line.suggestion),
                yes if line.order is not None else no,
                neutralise(line.owner_reason or line.reason),
            ]
        )
    return rows


def owner_reason(decision: OrderDecision | None, lang: str = "de") -> str:
    """The owner's reason for changing a suggestion, in words ("" for an accepted or open line):
    what the supplier and the owner's staff read next to the changed quantity."""
    if decision is None or decision.final is None or decision.final == decision.suggested:
        return ""
    words = render(f"cli.order.reason.{decision.reason_code}", lang) if decision.reason_code else ""
    note = decision.reason_text.strip()
    return f"{words} – {note}" if words and note else words or note


def title(shop_name: str, day: dt.date, lang: str = "de") -> str:
    """The list's heading: "Bestellliste Bäckerei Sonne – 26.11.2026"."""
    word = render("export.list_title", lang)
    return f"{word} {shop_name} – {format_date(day, lang)}"


def write_csv(path: str | Path, lines: list[ExportLine], lang: str = "de") -> Path:
    """CSV as spreadsheets in `lang` expect it: German ';' and decimal comma, UTF-8 with BOM."""
    return _write_rows(path, export_rows(lines, lang), lines, lang)


def _write_rows(path: str | Path, rows: list[list[object]], lines: list[ExportLine],
                lang: str) -> Path:
    """A header and a row per line as CSV; numbers in the line's decimals, no thousands marks."""
    path = Path(path)
    sep = ";" if lang == "de" else ","
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        writer = SpreadsheetWriter(fh, delimiter=sep, quoting=csv.QUOTE_MINIMAL)
        writer.writerow(rows[0])
        for row, line in zip(rows[1:], lines, strict=True):
            writer.writerow(
                [
                    format_number(v, lang, shown_decimals(v, line.decimals)).replace(".", "")
                    if lang == "de" and isinstance(v, float)
                    else (f"{v:.{shown_decimals(v, line.decimals)}f}" if isinstance(v, float)
                          else v)
                    for v in row
                ]
            )
    return path


def by_supplier(lines: list[ExportLine]) -> dict[str, list[ExportLine]]:
    """The lines per supplier / area, in first-seen order."""
    out: dict[str, list[ExportLine]] = {}
    for line in lines:
        out.setdefault(line.area, []).append(line)
    return out


def order_value(lines: list[ExportLine]) -> float:
    """What the lines cost the shop in euro (quantity times unit cost)."""
    return sum(line.quantity * line.unit_cost for line in lines)


def minimum_order_note(lines: list[ExportLine], supplier: Supplier | None, lang: str = "de"
                       ) -> str:
    """"Mindestbestellwert 150,00 € nicht erreicht: diese Bestellung 92,40 €" when a supplier's
    order (of known cost) is below its minimum order value; "" otherwise. A hint: the order
    itself is not changed."""
    if supplier is None or supplier.min_order_value <= 0:
        return ""
    value = order_value(lines)
    if value <= 0 or value >= supplier.min_order_value:
        return ""
    return render("suppliers.below_minimum", lang,
                  minimum=format_number(supplier.min_order_value, lang, 2),
                  value=format_number(value, lang, 2))


def supplier_rows(lines: list[ExportLine], supplier: Supplier, lang: str = "de"
                  ) -> list[list[object]]:
    """A supplier's list: header and rows in the supplier's column order."""
    columns = supplier.list_columns
    rows: list[list[object]] = [[render(f"export.list_col.{c}", lang) for c in columns]]
    for line in lines:
        cell = {"article_number": neutralise(line.article_number),
                "product": neutralise(line.product), "quantity": float(line.quantity),
                "unit": neutralise(line.unit), "note": neutralise(line.owner_reason)}
        rows.append([cell[c] for c in columns])
    return rows


def write_supplier_csv(path: str | Path, lines: list[ExportLine], supplier: Supplier,
                       lang: str = "de") -> Path:
    """One supplier's order list as CSV in its column order."""
    return _write_rows(path, supplier_rows(lines, supplier, lang), lines, lang)


def supplier_file_name(supplier: str, day: dt.date, suffix: str, lang: str = "de") -> str:
    """"Bestellung Mühle Schmidt 2026-12-05.csv": the supplier's name made safe for a file name."""
    word = render("export.order", lang)
    safe = "".join(c if c.isalnum() or c in " -_.&" else "_" for c in supplier).strip(" .")
    return f"{word} {safe or '_'} {day.isoformat()}{suffix}"


def write_xlsx(
    path: str | Path, lines: list[ExportLine], lang: str = "de", heading: str = ""
) -> Path:
    """An .xlsx workbook; text cells are stored as text (never formulas), quantities as numbers."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    path = Path(path)
    rows = export_rows(lines, lang)
    book = Workbook()
    sheet = book.active
    sheet.title = render("export.order", lang)
    start = 1
    if heading:
        cell = sheet.cell(row=1, column=1)
        _set_text(cell, str(spreadsheet_cell(heading)))
        cell.font = Font(bold=True, size=14)
        start = 3
    for r, row in enumerate(rows, start=start):
        for c, value in enumerate(row, start=1):
            cell = sheet.cell(row=r, column=c)
            if isinstance(value, str):
                _set_text(cell, str(spreadsheet_cell(value)))
            else:
                cell.value = value
            if r == start:
                cell.font = Font(bold=True)
    for column, width in zip("ABCDEFG", (18, 28, 10, 10, 11, 11, 40), strict=True):
        sheet.column_dimensions[column].width = width
    # built in memory and written in one go: a full disk or a locked file is then an OSError here,
    # not one that openpyxl's half-written zip raises again (with a traceback) when collected
    buffer = io.BytesIO()
    book.save(buffer)
    path.write_bytes(buffer.getvalue())
    return path


def _set_text(cell: object, text: str) -> None:
    """Store `text` as a string cell: openpyxl would otherwise turn "=..." into a formula."""
    cell.value = text  # type: ignore[attr-defined]
    cell.data_type = "s"  # type: ignore[attr-defined]
