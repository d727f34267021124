"""The printed order list: an A4 PDF with every product and its quantity in large print."""

from __future__ import annotations

import re
from pathlib import Path

from app.pdf_export import BODY_PT, order_list_html, write_pdf
from forecasting.order_export import ExportLine


def _lines() -> list[ExportLine]:
    return [ExportLine("Backstube", "Baguette", "Stück", 40.0, 46.0),
            ExportLine("Konditorei", "Berliner <Aktion>", "Stück", 20.0, None)]


def test_html_lists_areas_products_and_quantities(qapp: object) -> None:
    html = order_list_html("Bestellliste Test", _lines())
    assert "Backstube" in html
    assert "Konditorei" in html
    assert "<b>46</b>" in html
    assert "<b>20</b>" in html
    assert "Berliner &lt;Aktion&gt;" in html


def test_pdf_is_a4(qapp: object, tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "order.pdf", "Bestellliste Test", _lines())
    data = path.read_bytes()
    assert data.startswith(b"%PDF")
    boxes = re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)", data)
    assert boxes, "no page in the PDF"
    width, height = (float(v) for v in boxes[0])
    assert abs(width - 595) < 2
    assert abs(height - 842) < 2
    assert BODY_PT >= 14
