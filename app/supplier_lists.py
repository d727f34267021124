"""One order list per supplier or area, as files in a folder: a PDF page each (with the supplier's
customer number, delivery day and article numbers) and a CSV in the supplier's column order.
Shared by the window's File menu and `bestellkompass order export --per-supplier`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from app.pdf_export import write_pdf
from forecasting import order_export
from forecasting.order_export import ExportLine
from forecasting.values.suppliers import Supplier

KINDS = ("pdf", "csv")


def write_supplier_lists(folder: Path, shop_name: str, day: dt.date, lines: list[ExportLine],
                         suppliers: dict[str, Supplier], kinds: tuple[str, ...],
                         lang: str) -> list[Path]:
    """Write each supplier's list as every kind asked for into `folder` (made if missing); the
    files written, in order. A PDF needs a running Qt application."""
    folder.mkdir(parents=True, exist_ok=True)
    heading = order_export.title(shop_name, day, lang)
    written = []
    for area, group in order_export.by_supplier(lines).items():
        supplier = suppliers.get(area, Supplier(area))
        for kind in kinds:
            path = folder / order_export.supplier_file_name(area, day, f".{kind}", lang)
            if kind == "csv":
                order_export.write_supplier_csv(path, group, supplier, lang)
            else:
                write_pdf(path, heading, group, {area: supplier})
            written.append(path)
    return written
