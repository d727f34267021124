"""What the workshop windows say about the occasions of the overrides: on which kind of day
(public holiday and the days around it, market or festival, rain/frost/heat, school holidays,
payday, weekend, normal weekday; forecasting/workshop/occasions.py) the participants' departures
from the suggestion paid and on which they cost.

`occasion_messages` gives the debrief's sentences (the projector's screen, the collect view's
line, the handout), `OccasionModel` the trainer's table (one row per participant and one for the
whole room, one column per occasion)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from app import i18n

Index = QModelIndex | QPersistentModelIndex
MIN_OVERRIDES = 3  # an occasion with fewer changes in the whole room says nothing yet


def _words(item: dict[str, Any], key: str) -> str:
    return str(item[key]["de" if i18n.lang() == "de" else "en"])


def signed(value: float, decimals: int = 0) -> str:
    """"+12,30" / "-8": a difference against the suggestion, with its sign."""
    text = i18n.num(value, decimals)
    return text if value < 0 or text.strip("0,.") == "" else "+" + text


def room_totals(report: dict[str, Any]) -> list[tuple[dict[str, Any], dict[str, float]]]:
    """(occasion words, the whole room's figures on it) for each occasion of the report, in
    its order: overrides, margin, waste, sold-out days against the suggestion, added up."""
    out = []
    for item in report.get("occasions", []):
        total = {"overrides": 0.0, "margin": 0.0, "waste": 0.0, "sellout_days": 0.0,
                 "helped": 0.0, "hurt": 0.0}
        for person in report["participants"]:
            found = person.get("overrides_by_occasion", {}).get(item["occasion"], {})
            for key in total:
                total[key] += float(found.get(key, 0.0))
        out.append((item, total))
    return out


def occasion_messages(report: dict[str, Any]) -> list[str]:
    """At most two sentences: the occasion on which the room's changes paid most, and the one on
    which they cost most, against the suggestion (margin; without prices: waste and sold-out
    days); nothing when no occasion has MIN_OVERRIDES changes."""
    rows = [(item, t) for item, t in room_totals(report) if t["overrides"] >= MIN_OVERRIDES]
    if not rows:
        return []
    if not report.get("prices_known", True):
        item, t = max(rows, key=lambda r: r[1]["overrides"])
        return [QCoreApplication.translate("WorkshopOccasions", "%1 your changes left %2 units over and %3 sold-out days against the suggestion (%4 changes)")
                .replace("%1", _words(item, "on")).replace("%2", signed(t["waste"]))
                .replace("%3", signed(t["sellout_days"])).replace("%4", str(int(t["overrides"])))]
    out = []
    best = max(rows, key=lambda r: r[1]["margin"])
    worst = min(rows, key=lambda r: r[1]["margin"])
    if best[1]["margin"] > 0.005:
        item, t = best
        out.append(QCoreApplication.translate("WorkshopOccasions", "%1 your changes were right: %2 EUR against the suggestion (%3 changes)")
                   .replace("%1", _words(item, "on")).replace("%2", signed(t["margin"], 2))
                   .replace("%3", str(int(t["overrides"]))))
    if worst[1]["margin"] < -0.005:
        item, t = worst
        out.append(QCoreApplication.translate("WorkshopOccasions", "%1 your changes cost money: %2 EUR against the suggestion (%3 changes)")
                   .replace("%1", _words(item, "on")).replace("%2", signed(t["margin"], 2))
                   .replace("%3", str(int(t["overrides"]))))
    return out


def cell_text(figures: dict[str, Any], prices: bool) -> str:
    """"4× +12,30 €" (without prices: "4× waste +3"); "–" for no change on that occasion."""
    count = int(figures.get("overrides", 0))
    if not count:
        return "–"
    if prices:
        return QCoreApplication.translate("WorkshopOccasions", "%1× %2 EUR").replace("%1", str(count)).replace(
            "%2", signed(float(figures["margin"]), 2))
    return QCoreApplication.translate("WorkshopOccasions", "%1× waste %2").replace("%1", str(count)).replace(
        "%2", signed(float(figures["waste"])))


class OccasionModel(QAbstractTableModel):
    """Rows: each participant, then the whole room; columns: the occasions (with their number
    of days); cells: changes and what they did to the margin against the suggestion."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.occasions: list[dict[str, Any]] = []
        self.rows: list[tuple[str, dict[str, dict[str, Any]]]] = []
        self.prices = True

    def set_report(self, report: dict[str, Any]) -> None:
        """Show `report` (no columns for results made before occasions were kept)."""
        self.beginResetModel()
        self.prices = bool(report.get("prices_known", True))
        self.occasions = list(report.get("occasions", []))
        self.rows = [(str(p["name"]), dict(p.get("overrides_by_occasion", {})))
                     for p in report["participants"]]
        if self.occasions and self.rows:
            self.rows.append((self.tr("Whole room"),
                              {item["occasion"]: t for item, t in room_totals(report)}))
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or not self.occasions else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or not self.occasions else 1 + len(self.occasions)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == 0:
            return self.tr("Who")
        item = self.occasions[section - 1]
        text = self.tr("%1\n(1 day)") if item["days"] == 1 else self.tr("%1\n(%2 days)")
        return text.replace("%1", _words(item, "label")).replace("%2", str(item["days"]))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        name, groups = self.rows[index.row()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if index.column() == 0:
            return name if role == Qt.ItemDataRole.DisplayRole else None
        figures = groups.get(self.occasions[index.column() - 1]["occasion"], {})
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(figures, self.prices)
        if role == Qt.ItemDataRole.ToolTipRole and figures.get("overrides"):
            return (self.tr("helped %1 times, hurt %2 times; waste %3, sold-out days %4 "
                            "against the suggestion")
                    .replace("%1", str(int(figures["helped"])))
                    .replace("%2", str(int(figures["hurt"])))
                    .replace("%3", signed(float(figures["waste"])))
                    .replace("%4", signed(float(figures["sellout_days"]))))
        return None
