"""The order list as a large-print A4 PDF (or on paper): readable at four in the morning."""

from __future__ import annotations

import html
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QCoreApplication,
    QIODevice,
    QMarginsF,
    QPointF,
    QRectF,
    QSizeF,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)
from PySide6.QtPrintSupport import QPrinter

from app import i18n
from forecasting.order_export import ExportLine, by_supplier, minimum_order_note
from forecasting.safe_text import display_name
from forecasting.values.suppliers import Supplier

BODY_PT = 16
MARGIN_MM = 15
PDF_DPI = 1200  # as QPrinter's HighResolution mode writes PDFs


HEADING_LENGTH = 120


def _text(value: str, limit: int | None = None) -> str:
    """A name as HTML: no control or bidi characters (U+202E would print "Brot" as "torB"),
    long names cut with "…"."""
    return html.escape(display_name(value) if limit is None else display_name(value, limit))


def order_list_html(heading: str, lines: list[ExportLine],
                    suppliers: Mapping[str, Supplier] | None = None) -> str:
    """The order list as simple HTML: one table per area or supplier. A supplier the owner
    described (customer number, article numbers) gets a page of its own with its number and the
    delivery day, so the page can go to the supplier as it is."""
    suppliers = suppliers or {}
    unconfirmed = QCoreApplication.translate("OrderListPrint", "suggestion only")
    other = QCoreApplication.translate("OrderListPrint", "Other products")
    parts = [f"<h1>{_text(heading, HEADING_LENGTH)}</h1>"]
    for i, (area, group) in enumerate(by_supplier(lines).items()):
        supplier = suppliers.get(area)
        brk = " style='page-break-before: always'" if supplier is not None and i > 0 else ""
        parts.append(f"<h2{brk}>{_text(area or other)}</h2>")
        if supplier is not None:
            parts.append(f"<p>{_supplier_facts(supplier, group)}</p>")
            note = minimum_order_note(group, supplier, i18n.lang())
            if note:
                parts.append(f"<p><b>{html.escape(note)}</b></p>")  # our words: whole
        numbers = any(line.article_number for line in group)
        parts.append('<table width="100%" cellspacing="0" cellpadding="6" border="1">')
        parts.append(_head(numbers))
        for line in group:
            note = line.owner_reason or ("" if line.order is not None else unconfirmed)
            number = f"<td nowrap>{_text(line.article_number)}</td>" if numbers else ""
            parts.append(
                f"<tr>{number}<td>{_text(line.product)}</td>"
                f"<td align='right' nowrap><b>{i18n.quantity(line.quantity, line.decimals)}</b></td>"
                f"<td nowrap>{_text(line.unit)}</td><td>{_text(note)}</td></tr>"
            )
        parts.append("</table>")
    return "\n".join(parts)


def _head(numbers: bool) -> str:
    """The table's header row; <thead> repeats it on every page, the short columns never wrap."""
    item = QCoreApplication.translate("OrderListPrint", "Item no.")
    product = QCoreApplication.translate("OrderListPrint", "Product")
    quantity = QCoreApplication.translate("OrderListPrint", "Quantity")
    unit = QCoreApplication.translate("OrderListPrint", "Unit")
    note = QCoreApplication.translate("OrderListPrint", "Note")
    number = f"<th align='left' nowrap>{item}</th>" if numbers else ""
    return (
        f"<thead><tr>{number}<th align='left'>{product}</th>"
        f"<th align='right' nowrap>{quantity}</th><th align='left' nowrap>{unit}</th>"
        f"<th align='left' nowrap>{note}</th></tr></thead>"
    )


def _supplier_facts(supplier: Supplier, lines: list[ExportLine]) -> str:
    """"Kundennummer 4711 · Lieferung Di., 01.12.2026 · Bestellschluss 10:00" for a supplier's
    page."""
    facts = []
    if supplier.customer_number:
        facts.append(QCoreApplication.translate("OrderListPrint", "Customer number %1")
                     .replace("%1", _text(supplier.customer_number)))
    days = sorted({line.delivery_day for line in lines if line.delivery_day is not None})
    if days:
        facts.append(QCoreApplication.translate("OrderListPrint", "Delivery %1").replace(
            "%1", ", ".join(f"{i18n.weekday_name(d, short=True)} {i18n.date_text(d)}" for d in days)))
    if supplier.cutoff:
        facts.append(QCoreApplication.translate("OrderListPrint", "order by %1")
                     .replace("%1", _text(supplier.cutoff)))
    return " · ".join(facts)


def write_pdf(path: str | Path, heading: str, lines: list[ExportLine],
              suppliers: Mapping[str, Supplier] | None = None) -> Path:
    """Render the list to an A4 PDF at `path`.

    Rendered in memory and written by Python: Qt's own file output fails silently (a locked file,
    a full disk, a folder without write access), this raises the OSError the caller reports.
    """
    path = Path(path)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_DPI)
    print_to(writer, heading, lines, suppliers)
    buffer.close()
    path.write_bytes(bytes(buffer.data().data()))
    return path


def order_list_document(heading: str, lines: list[ExportLine],
                        suppliers: Mapping[str, Supplier] | None = None) -> QTextDocument:
    """The order list as a text document in large print (shared by PDF, paper and preview)."""
    document = QTextDocument()
    font = QFont()
    font.setPointSize(BODY_PT)
    document.setDefaultFont(font)
    document.setDefaultStyleSheet(
        f"h1 {{ font-size: {BODY_PT + 4}pt; }} h2 {{ font-size: {BODY_PT + 2}pt; }}"
        f" td, th {{ font-size: {BODY_PT}pt; }}"
    )
    document.setHtml(order_list_html(heading, lines, suppliers))
    return document


def print_to(printer: QPrinter | QPdfWriter, heading: str, lines: list[ExportLine],
             suppliers: Mapping[str, Supplier] | None = None) -> None:
    """Lay the list out on A4 pages of `printer` (paper, or a PDF) in a large font."""
    printer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
            QPageLayout.Unit.Millimeter,
        )
    )
    if isinstance(printer, QPrinter):
        printer.setDocName(display_name(heading, HEADING_LENGTH))
    else:
        printer.setTitle(display_name(heading, HEADING_LENGTH))
    page = printer.pageLayout().paintRectPixels(printer.resolution())
    document = order_list_document(heading, lines, suppliers)
    # Laid out on the printer itself: fonts in points and the page in the printer's pixels then
    # share one unit (laid out on the screen, 16 pt text was a third too large for the page).
    document.documentLayout().setPaintDevice(printer)
    document.setPageSize(QSizeF(page.size()))
    document.print_(printer)


def preview_image(heading: str, lines: list[ExportLine], dpi: int = 96) -> QImage:
    """The first A4 page as an image at `dpi` (for the docs and a quick look), laid out as the
    PDF is: on a device of that resolution, so fonts and page share one unit."""
    scale = dpi / 72
    width, height = 595 * scale, 842 * scale
    margin = MARGIN_MM / 25.4 * dpi
    image = QImage(int(width), int(height), QImage.Format.Format_RGB32)
    dots_per_metre = round(dpi / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    image.fill(QColor("white"))
    document = order_list_document(heading, lines)
    document.documentLayout().setPaintDevice(image)
    page = QSizeF(width - 2 * margin, height - 2 * margin)
    document.setPageSize(page)
    painter = QPainter(image)
    painter.translate(margin, margin)
    document.drawContents(painter, QRectF(QPointF(0, 0), page))
    painter.end()
    return image
