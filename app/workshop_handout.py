"""The workshop's debrief as an A4 PDF handout: the group's totals against Bestellkompass and
"same as last week", a chart of waste and sell-out days, and the days side by side."""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QBuffer,
    QCoreApplication,
    QIODevice,
    QMarginsF,
    QRectF,
    QSizeF,
    Qt,
    QUrl,
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

from app import i18n
from app.workshop_occasions import cell_text, occasion_messages, room_totals

BODY_PT = 10
MARGIN_MM = 15
PDF_DPI = 1200
CHART = "chart://waste_and_sellouts"
MODEL, RULE = "bestellkompass", "same_as_last_week"
_FIGURES = ("ordered", "sold", "waste", "short", "sellout_days", "margin")


def _t(text: str) -> str:
    """The window language's word for `text` (each listed below so lupdate finds it)."""
    return _words().get(text, text)


def _words() -> dict[str, str]:
    return {
        "Orders other than the suggestion": QCoreApplication.translate(
            "WorkshopHandout", "Orders other than the suggestion"),
        "How often each participant ordered more or less than Bestellkompass suggested, and what it did to the margin on those days (small: at most one tray or 10 %).": QCoreApplication.translate(
            "WorkshopHandout", "How often each participant ordered more or less than Bestellkompass suggested, and what it did to the margin on those days (small: at most one tray or 10 %)."),
        "more, a little": QCoreApplication.translate("WorkshopHandout", "more, a little"),
        "more, a lot": QCoreApplication.translate("WorkshopHandout", "more, a lot"),
        "less, a little": QCoreApplication.translate("WorkshopHandout", "less, a little"),
        "less, a lot": QCoreApplication.translate("WorkshopHandout", "less, a lot"),
        "Ordered": QCoreApplication.translate("WorkshopHandout", "Ordered"),
        "Sold": QCoreApplication.translate("WorkshopHandout", "Sold"),
        "Waste": QCoreApplication.translate("WorkshopHandout", "Waste"),
        "Short": QCoreApplication.translate("WorkshopHandout", "Short"),
        "Sold-out days": QCoreApplication.translate("WorkshopHandout", "Sold-out days"),
        "Margin EUR": QCoreApplication.translate("WorkshopHandout", "Margin EUR"),
        "Bestellkompass": QCoreApplication.translate("WorkshopHandout", "Bestellkompass"),
        "Same as last week": QCoreApplication.translate("WorkshopHandout", "Same as last week"),
        "%1 to %2": QCoreApplication.translate("WorkshopHandout", "%1 to %2"),
        "Ordering workshop: what happened": QCoreApplication.translate("WorkshopHandout", "Ordering workshop: what happened"),
        "Who": QCoreApplication.translate("WorkshopHandout", "Who"),
        "Day by day: waste / sold-out products": QCoreApplication.translate("WorkshopHandout", "Day by day: waste / sold-out products"),
        "Waste: units baked or ordered but not sold. Short: units customers wanted that were not there. Sold-out days: products that ran out, counted per day.": QCoreApplication.translate("WorkshopHandout", "Waste: units baked or ordered but not sold. Short: units customers wanted that were not there. Sold-out days: products that ran out, counted per day."),
        "Day": QCoreApplication.translate("WorkshopHandout", "Day"),
        "Waste (units)": QCoreApplication.translate("WorkshopHandout", "Waste (units)"),
        "Round by round: waste / margin EUR": QCoreApplication.translate("WorkshopHandout", "Round by round: waste / margin EUR"),
        "Round %1: %2 (days %3 to %4)": QCoreApplication.translate("WorkshopHandout", "Round %1: %2 (days %3 to %4)"),
        "Left on the shelf": QCoreApplication.translate("WorkshopHandout", "Left on the shelf"),
        "Goods that keep: waste is what expired and was written off; what is left on the shelf after the last day counts at cost in the margin (the shelf at the start was the same for everyone).": QCoreApplication.translate("WorkshopHandout", "Goods that keep: waste is what expired and was written off; what is left on the shelf after the last day counts at cost in the margin (the shelf at the start was the same for everyone)."),
        "Orders other than the suggestion, by the kind of day": QCoreApplication.translate(
            "WorkshopHandout", "Orders other than the suggestion, by the kind of day"),
        "How often each participant ordered other than suggested on each kind of day, and what it did to the margin against the suggestion on those days. Each day counts for one kind only, the first in this order.": QCoreApplication.translate(
            "WorkshopHandout", "How often each participant ordered other than suggested on each kind of day, and what it did to the margin against the suggestion on those days. Each day counts for one kind only, the first in this order."),
        "%1 (%2 days)": QCoreApplication.translate("WorkshopHandout", "%1 (%2 days)"),
        "%1 (1 day)": QCoreApplication.translate("WorkshopHandout", "%1 (1 day)"),
        "Whole room": QCoreApplication.translate("WorkshopHandout", "Whole room"),
    }


def _heads(shelf: bool = False) -> list[str]:
    return [_t("Ordered"), _t("Sold"), _t("Waste"), _t("Short"), _t("Sold-out days"),
            _t("Margin EUR"), *([_t("Left on the shelf")] if shelf else [])]


def _keeps(report: dict[str, Any]) -> bool:
    """Whether the workshop had goods that keep (something stayed on a shelf at the end)."""
    return any(float(figures.get("shelf", 0) or 0) > 0 for _, figures, _ in rows_of(report))


def _names() -> dict[str, str]:
    return {MODEL: _t("Bestellkompass"), RULE: _t("Same as last week")}


def _cells(figures: dict[str, Any], prices: bool, shelf: bool = False) -> str:
    out = []
    for field in (*_FIGURES, *(("shelf",) if shelf else ())):
        value = figures.get(field)
        text = "–" if value is None or (field == "margin" and not prices) else i18n.num(
            float(value), 2 if field == "margin" else 0)
        out.append(f"<td align='right'>{text}</td>")
    return "".join(out)


def rows_of(report: dict[str, Any]) -> list[tuple[str, dict[str, Any], bool]]:
    """(name, totals, is a reference) for each participant, then the model and the rule."""
    rows = [(str(p["name"]), p["participant"], False) for p in report["participants"]]
    names = _names()
    return [*rows, (names[MODEL], report[MODEL], True), (names[RULE], report[RULE], True)]


def handout_html(report: dict[str, Any]) -> str:
    """The handout as rich text for QTextDocument."""
    first, last = (dt.date.fromisoformat(report[k]) for k in ("first", "last"))
    period = _t("%1 to %2").replace("%1", i18n.date_text(first)).replace(
        "%2", i18n.date_text(last))
    note = report["note"]["de" if i18n.lang() == "de" else "en"]
    shelf = _keeps(report)
    heads = "".join(f"<th align='right'>{html.escape(h)}</th>" for h in _heads(shelf))
    body = []
    for name, figures, reference in rows_of(report):
        style = " style='background-color:#e8eef7'" if reference else ""
        body.append(f"<tr{style}><td>{html.escape(name)}</td>"
                    f"{_cells(figures, report['prices_known'], shelf)}</tr>")
    keeps = _t("Goods that keep: waste is what expired and was written off; what is left on the shelf after the last day counts at cost in the margin (the shelf at the start was the same for everyone).")
    kept = f"<p>{html.escape(keeps)}</p>" if shelf else ""
    days = _day_table(report)
    rounds = _round_table(report)
    overrides = _override_table(report)
    return (
        f"<h1>{html.escape(_t('Ordering workshop: what happened'))}</h1>"
        f"<p>{html.escape(period)} · {html.escape(note)}</p>"
        f"<table cellspacing='0' cellpadding='4' border='1' width='100%'>"
        f"<tr><th align='left'>{html.escape(_t('Who'))}</th>{heads}</tr>{''.join(body)}</table>"
        f"<p><img src='{CHART}' width='620'></p>"
        f"<h2>{html.escape(_t('Orders other than the suggestion'))}</h2>"
        f"<p>{html.escape(_t('How often each participant ordered more or less than Bestellkompass suggested, and what it did to the margin on those days (small: at most one tray or 10 %).'))}</p>"
        f"{overrides}"
        f"{_occasion_table(report)}"
        f"{rounds}"
        f"<h2>{html.escape(_t('Day by day: waste / sold-out products'))}</h2>{days}"
        f"<p>{html.escape(_t('Waste: units baked or ordered but not sold. Short: units customers wanted that were not there. Sold-out days: products that ran out, counted per day.'))}</p>"
        f"{kept}"
    )


def _override_table(report: dict[str, Any]) -> str:
    heads = (_t("more, a little"), _t("more, a lot"), _t("less, a little"), _t("less, a lot"))
    groups = ("up_small", "up_large", "down_small", "down_large")
    head = "".join(f"<th align='right'>{html.escape(h)}</th>" for h in heads)
    rows = []
    for person in report["participants"]:
        found = person.get("overrides", {})
        cells = []
        for group in groups:
            g = found.get(group, {"overrides": 0, "margin": 0.0})
            margin = "" if not report["prices_known"] or not g["overrides"] else (
                f": {'+' if g['margin'] > 0 else ''}{i18n.num(g['margin'], 2)} €")
            cells.append(f"<td align='right'>{g['overrides']}×{margin}</td>")
        rows.append(f"<tr><td>{html.escape(str(person['name']))}</td>{''.join(cells)}</tr>")
    return (f"<table cellspacing='0' cellpadding='3' border='1' width='100%'>"
            f"<tr><th align='left'>{html.escape(_t('Who'))}</th>{head}</tr>{''.join(rows)}"
            f"</table>")


def _occasion_table(report: dict[str, Any]) -> str:
    """The overrides by the kind of day (nothing for results made before occasions were kept):
    the debrief's sentences, then participants and the whole room against the occasions."""
    occasions = report.get("occasions", [])
    if not occasions or not report["participants"]:
        return ""
    key = "de" if i18n.lang() == "de" else "en"
    prices = bool(report["prices_known"])
    head = "".join(
        f"<th align='right' style='font-size:{BODY_PT - 2}pt'>{html.escape(_t('%1 (1 day)' if o['days'] == 1 else '%1 (%2 days)').replace('%1', o['label'][key]).replace('%2', str(o['days'])))}</th>"
        for o in occasions)
    def cell(figures: dict[str, Any], bold: bool = False) -> str:
        # "39×" over "-165,69 €": narrow columns, so seven occasions fit across the page
        count, _, rest = cell_text(figures, prices).partition(" ")
        text = f"{html.escape(count)}<br>{html.escape(rest)}"
        return f"<td align='right' nowrap>{f'<b>{text}</b>' if bold else text}</td>"

    rows = []
    for person in report["participants"]:
        found = person.get("overrides_by_occasion", {})
        cells = "".join(cell(found.get(o["occasion"], {})) for o in occasions)
        rows.append(f"<tr><td>{html.escape(str(person['name']))}</td>{cells}</tr>")
    room = "".join(cell(t, bold=True) for _, t in room_totals(report))
    rows.append(f"<tr style='background-color:#e8eef7'><td><b>{html.escape(_t('Whole room'))}"
                f"</b></td>{room}</tr>")
    said = "".join(f"<p><b>{html.escape(m)}</b></p>" for m in occasion_messages(report))
    return (f"<h2>{html.escape(_t('Orders other than the suggestion, by the kind of day'))}</h2>"
            f"<p>{html.escape(_t('How often each participant ordered other than suggested on each kind of day, and what it did to the margin against the suggestion on those days. Each day counts for one kind only, the first in this order.'))}</p>"
            f"{said}"
            f"<table cellspacing='0' cellpadding='3' border='1' width='100%'>"
            f"<tr><th align='left'>{html.escape(_t('Who'))}</th>{head}</tr>{''.join(rows)}"
            f"</table>")


def _round_table(report: dict[str, Any]) -> str:
    """Waste and margin per participant in each round (nothing for a workshop of one round),
    so the debrief can set gut feeling against the suggestions."""
    rounds = report.get("rounds", [])
    if len(rounds) < 2:
        return ""
    from app.workshop_rounds import round_words

    heads = []
    for r in rounds:
        first, last = (dt.date.fromisoformat(r[k]) for k in ("first", "last"))
        heads.append(_t("Round %1: %2 (days %3 to %4)").replace("%1", str(r["number"]))
                     .replace("%2", round_words(r["show_suggestion"], r["show_calendar"]))
                     .replace("%3", i18n.date_text(first)).replace("%4", i18n.date_text(last)))
    head = "".join(f"<th align='right'>{html.escape(h)}</th>" for h in heads)
    prices = report["prices_known"]

    def cells(figures: list[dict[str, Any]]) -> str:
        return "".join(
            f"<td align='right'>{i18n.num(f['waste'])} / "
            f"{i18n.num(f['margin'], 2) if prices else '–'}</td>" for f in figures)

    rows = [f"<tr><td>{html.escape(str(p['name']))}</td>"
            f"{cells([x['participant'] for x in p['rounds']])}</tr>"
            for p in report["participants"]]
    rows += [f"<tr style='background-color:#e8eef7'><td>{html.escape(name)}</td>"
             f"{cells([r[policy] for r in rounds])}</tr>" for policy, name in _names().items()]
    return (f"<h2>{html.escape(_t('Round by round: waste / margin EUR'))}</h2>"
            f"<table cellspacing='0' cellpadding='3' border='1' width='100%'>"
            f"<tr><th align='left'>{html.escape(_t('Who'))}</th>{head}</tr>{''.join(rows)}"
            f"</table>")


def _day_table(report: dict[str, Any]) -> str:
    people = report["participants"]
    names = [str(p["name"]) for p in people] + list(_names().values())
    head = "".join(f"<th align='right'>{html.escape(n)}</th>" for n in names)
    rows = []
    for i, day in enumerate(people[0]["days"]):
        figures = [p["days"][i]["participant"] for p in people] + [day[MODEL], day[RULE]]
        cells = "".join(f"<td align='right'>{i18n.num(f['waste'])} / {int(f['sellout_days'])}"
                        f"</td>" for f in figures)
        when = dt.date.fromisoformat(day["date"])
        rows.append(f"<tr><td>{i18n.weekday_name(when, short=True)} {i18n.date_text(when)}</td>"
                    f"{cells}</tr>")
    return (f"<table cellspacing='0' cellpadding='3' border='1' width='100%'>"
            f"<tr><th align='left'>{html.escape(_t('Day'))}</th>{head}</tr>{''.join(rows)}"
            f"</table>")


def chart_image(report: dict[str, Any], width: int = 1240, height: int = 520) -> QImage:
    """Bars of waste and of sold-out days per participant, the model and the rule."""
    rows = rows_of(report)
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    font = QFont()
    font.setPixelSize(22)
    painter.setFont(font)
    half = width // 2
    for k, (field, title, colour) in enumerate((
            ("waste", _t("Waste (units)"), QColor("#b5482a")),
            ("sellout_days", _t("Sold-out days"), QColor("#2a5db5")))):
        left = k * half + 20
        painter.setPen(QColor("black"))
        painter.drawText(QRectF(left, 5, half - 40, 30), Qt.AlignmentFlag.AlignLeft, title)
        top_value = max(float(r[1][field]) for r in rows) or 1.0
        bar_h = (height - 60) / len(rows)
        label_w = 230
        for i, (name, figures, reference) in enumerate(rows):
            y = 45 + i * bar_h
            value = float(figures[field])
            length = (half - label_w - 110) * value / top_value
            painter.setPen(QColor("black"))
            painter.drawText(QRectF(left, y, label_w - 10, bar_h - 6),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, name)
            painter.fillRect(QRectF(left + label_w, y + 4, length, bar_h - 14),
                             colour.lighter(150) if reference else colour)
            painter.drawText(QRectF(left + label_w + length + 8, y, 100, bar_h - 6),
                             Qt.AlignmentFlag.AlignVCenter, i18n.num(value))
    painter.end()
    return image


def handout_document(report: dict[str, Any]) -> QTextDocument:
    """The handout as a text document with its chart."""
    document = QTextDocument()
    font = QFont()
    font.setPointSize(BODY_PT)
    document.setDefaultFont(font)
    document.setDefaultStyleSheet(f"h1 {{ font-size: {BODY_PT + 8}pt; }} "
                                  f"h2 {{ font-size: {BODY_PT + 3}pt; }}")
    document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(CHART),
                         chart_image(report))
    document.setHtml(handout_html(report))
    return document


def write_handout(path: str | Path, report: dict[str, Any]) -> Path:
    """Render the handout to an A4 PDF at `path` (in memory first, so a write error is raised)."""
    path = Path(path)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_DPI)
    writer.setTitle(_t("Ordering workshop: what happened"))
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait,
                                     QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                                     QPageLayout.Unit.Millimeter))
    page = writer.pageLayout().paintRectPixels(writer.resolution())
    document = handout_document(report)
    document.documentLayout().setPaintDevice(writer)
    document.setPageSize(QSizeF(page.size()))
    document.print_(writer)
    buffer.close()
    path.write_bytes(bytes(buffer.data().data()))
    return path
