"""What the workshop windows say about rounds: the round's line above a participant's sheet, the
figures of a day or a round side by side, and the trainer's table of the rounds (who did how
in each round), so the debrief can compare gut feeling with the suggestions."""

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
from forecasting.workshop.scoring import MODEL, PARTICIPANT, RULE

Index = QModelIndex | QPersistentModelIndex


def round_words(show_suggestion: bool, show_calendar: bool = True) -> str:
    """What a round shows, in words ("without suggestion – by gut feeling")."""
    words = (QCoreApplication.translate("WorkshopRounds", "with suggestion") if show_suggestion
             else QCoreApplication.translate("WorkshopRounds", "without suggestion – by gut feeling"))
    return words if show_calendar else words + QCoreApplication.translate("WorkshopRounds", ", without calendar")


def round_heading(number: int, count: int, show_suggestion: bool, show_calendar: bool) -> str:
    """"Round 1 of 2: without suggestion – by gut feeling"."""
    return (QCoreApplication.translate("WorkshopRounds", "Round %1 of %2: %3").replace("%1", str(number)).replace("%2", str(count))
            .replace("%3", round_words(show_suggestion, show_calendar)))


def policy_names() -> dict[str, str]:
    """The participant, Bestellkompass and the rule as the window names them."""
    return {PARTICIPANT: QCoreApplication.translate("WorkshopRounds", "You"), MODEL: QCoreApplication.translate("WorkshopRounds", "Bestellkompass"),
            RULE: QCoreApplication.translate("WorkshopRounds", "Same as last week")}


def figures_table(blocks: list[tuple[str, dict[str, dict[str, Any]]]]) -> str:
    """Rich text: sold, waste, sold out, margin of you / Bestellkompass / the rule, one block of
    rows per (title, figures per policy); an empty title: no title row."""
    head = "".join(f"<th align='right'>{h}</th>" for h in (
        QCoreApplication.translate("WorkshopRounds", "Sold"), QCoreApplication.translate("WorkshopRounds", "Waste"), QCoreApplication.translate("WorkshopRounds", "Sold out"), QCoreApplication.translate("WorkshopRounds", "Margin EUR")))
    names = policy_names()
    rows = []
    for title, figures in blocks:
        if title:
            rows.append(f"<tr><td colspan='5'><b>{title}</b></td></tr>")
        rows += [f"<tr><td>{names[p]}</td><td align='right'>{i18n.num(f['sold'])}</td>"
                 f"<td align='right'>{i18n.num(f['waste'])}</td>"
                 f"<td align='right'>{int(f['sellout_days'])}</td>"
                 f"<td align='right'>{i18n.num(f['margin'], 2)}</td></tr>"
                 for p, f in figures.items()]
    return f"<table cellpadding='4'><tr><th></th>{head}</tr>{''.join(rows)}</table>"


class RoundsModel(QAbstractTableModel):
    """The trainer's table of a report with rounds: per participant and round (then
    Bestellkompass and the rule) the waste, sold-out days, margin and the margin against
    Bestellkompass in the same round."""

    FIELDS = ("waste", "sellout_days", "margin", "against")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[tuple[str, str, dict[str, Any], float | None]] = []

    def set_report(self, report: dict[str, Any]) -> None:
        """Show the rounds of `report` (none when it has fewer than two)."""
        self.beginResetModel()
        rounds = report.get("rounds", []) if len(report.get("rounds", [])) > 1 else []
        words = {r["number"]: f"{r['number']}: " + round_words(r["show_suggestion"],
                                                                r["show_calendar"])
                 for r in rounds}
        model = {r["number"]: r[MODEL] for r in rounds}
        self.rows = []
        for person in report["participants"] if rounds else []:
            for r in person["rounds"]:
                figures = r[PARTICIPANT]
                self.rows.append((str(person["name"]), words[r["number"]], figures,
                                  float(figures["margin"]) - float(model[r["number"]]["margin"])))
        names = policy_names()
        for policy in (MODEL, RULE):
            self.rows += [(names[policy], words[r["number"]], r[policy], None) for r in rounds]
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2 + len(self.FIELDS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (QCoreApplication.translate("WorkshopRounds", "Who"), QCoreApplication.translate("WorkshopRounds", "Round"), QCoreApplication.translate("WorkshopRounds", "Waste"), QCoreApplication.translate("WorkshopRounds", "Sold-out days"),
                QCoreApplication.translate("WorkshopRounds", "Margin EUR"), QCoreApplication.translate("WorkshopRounds", "Margin against Bestellkompass"))[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        who, words, figures, against = self.rows[index.row()]
        if index.column() < 2:
            return (who, words)[index.column()]
        field = self.FIELDS[index.column() - 2]
        if field == "against":
            return "" if against is None else ("+" if against > 0 else "") + i18n.num(against, 2)
        return i18n.num(float(figures[field]), 2 if field == "margin" else 0)
