"""The printed order list: an A4 PDF with every product and its quantity in large print."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from app import i18n
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


# -- the real PDF, read back as the supplier and the printer get it ------------------------------
BREADS = ["Baguette", "Bauernbrot 1000 g", "Dinkelvollkornbrot 750 g", "Kastenweißbrot",
          "Roggenmischbrot 750 g", "Sonnenblumenbrot 750 g", "Vollkornbrot 500 g",
          "Dinkel-Chia-Brötchen", "Dinkelbrötchen", "Käsebrötchen", "Kürbiskernbrötchen",
          "Mehrkornbrötchen", "Mohnbrötchen", "Roggenbrötchen", "Sesambrötchen",
          "Weizenbrötchen", "Laugenbrezel", "Laugenbrötchen", "Laugencroissant", "Laugenstange"]
CAKES = ["Apfeltasche", "Berliner", "Bienenstich", "Croissant", "Käsekuchen",
         "Obstkuchen vom Blech", "Streuselkuchen"]
SNACKS = ["Belegtes Brötchen Käse", "Belegtes Brötchen Schinken", "Frikadellenbrötchen",
          "Käse-Lauch-Tasche"]


def _pages(path: Path) -> list[str]:
    """The text of each page of the written PDF as laid out, a line per printed line, spaces
    between words collapsed."""
    return ["\n".join(" ".join(line.split())
                      for line in page.extract_text(extraction_mode="layout").splitlines())
            for page in PdfReader(path).pages]


def _sheet(names: dict[str, list[str]]) -> list[ExportLine]:
    return [ExportLine(area, name, "Stück", 10.0 + i, None)
            for area, products in names.items() for i, name in enumerate(products)]


@pytest.fixture
def german(qapp: object) -> object:
    i18n.install_language("de")
    yield qapp
    i18n.install_language("en")


def test_six_lines_are_one_page_with_whole_words(german: object, tmp_path: Path) -> None:
    lines = _sheet({"Backstube": BREADS[:4], "Konditorei": CAKES[:2]})
    pages = _pages(write_pdf(tmp_path / "six.pdf", "Bestellliste Bäckerei Sonnenkorn – "
                             "05.12.2026", lines))
    assert len(pages) == 1
    text_lines = pages[0].splitlines()
    assert any(ln.split() == ["Produkt", "Menge", "Einheit", "Hinweis"] for ln in text_lines)
    for line in lines:
        assert any(ln.startswith(line.product) and ln.endswith("Stück nur Vorschlag")
                   for ln in text_lines), line.product


def test_a_whole_bakery_is_two_pages_with_the_header_on_each(german: object,
                                                              tmp_path: Path) -> None:
    lines = _sheet({"Backstube": BREADS, "Konditorei": CAKES, "Snacktheke": SNACKS})
    pages = _pages(write_pdf(tmp_path / "all.pdf", "Bestellliste Test", lines))
    assert len(pages) == 2
    text = "\n".join(pages)
    assert all(line.product in text for line in lines)
    assert all("Produkt Menge Einheit Hinweis" in page for page in pages)


def test_the_owners_reason_is_printed_next_to_a_changed_line(german: object,
                                                            tmp_path: Path) -> None:
    lines = _sheet({"Backstube": BREADS[:2]})
    lines[0] = dataclasses.replace(lines[0], order=60.0, owner_reason="Aktion: Brot des Monats")
    text = _pages(write_pdf(tmp_path / "why.pdf", "Bestellliste Test", lines))[0]
    assert "60 Stück Aktion: Brot des Monats" in text
