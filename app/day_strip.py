"""DayStrip: the next days at a glance above the order sheet (holiday, school, payday, event,
weather)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from app import i18n
from app.calendar_data import DayInfo, day_infos, weather_symbol
from app.session import ShopSession


class DayCard(QFrame):
    """One day: weekday and date, weather, and what is special."""

    def __init__(self, info: DayInfo, selected: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        if selected:
            self.setBackgroundRole(QPalette.ColorRole.Highlight)
            self.setForegroundRole(QPalette.ColorRole.HighlightedText)
            self.setAutoFillBackground(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(1)
        head = QLabel(f"{i18n.weekday_name(info.day, short=True)} {info.day:%d.%m.}"
                      if i18n.lang() == "de" else
                      f"{i18n.weekday_name(info.day, short=True)} {info.day:%m-%d}")
        font = QFont(self.font())
        font.setBold(True)
        head.setFont(font)
        layout.addWidget(head)
        symbol = weather_symbol(info)
        temp = info.temperature_max if info.temperature_max is not None else info.temperature
        weather = symbol + (f" {i18n.num(temp)} °C" if temp is not None else "")
        if weather.strip():
            layout.addWidget(QLabel(weather.strip()))
        words = list(info.special)
        if info.closed:
            words.insert(0, self.tr("closed"))
        text = QLabel("\n".join(words[:3]) if words else "–")
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        if len(words) > 3:
            text.setToolTip("\n".join(words))
        layout.addWidget(text)
        layout.addStretch(1)
        self.setToolTip("\n".join([i18n.date_text(info.day), *words]))


class DayStrip(QWidget):
    """Seven day cards from the order day on."""

    DAYS = 7

    def __init__(self, session: ShopSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.layout_ = QHBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.start: dt.date | None = None
        self.infos: list[DayInfo] = []
        session.dataChanged.connect(self.reload)

    def set_start(self, start: dt.date) -> None:
        """Show the days from `start`."""
        self.start = start
        self.reload()

    def reload(self) -> None:
        """Read the days again (after calendar or weather changes)."""
        if self.start is None:
            return
        while self.layout_.count():
            item = self.layout_.takeAt(0)
            if item.widget() is not None:
                item.widget().hide()
                item.widget().deleteLater()
        self.infos = day_infos(self.session.shop, self.start, self.DAYS, i18n.lang())
        for number, info in enumerate(self.infos):
            self.layout_.addWidget(DayCard(info, number == 0))
