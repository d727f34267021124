"""AboutDialog (Help > About Bestellkompass): the version, where the files are, the licence of
every bundled component (Qt's LGPL notice with where its source is), and the data sources."""

from __future__ import annotations

import html
import platform

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app import __version__, i18n, licences, portable
from app.logfile import log_dir
from forecasting.operations.shop import default_shop_path

QT_SOURCE = "https://download.qt.io/official_releases/qt/"
PYSIDE_SOURCE = "https://download.qt.io/official_releases/QtForPython/"
QT_CODE = "https://code.qt.io/"


class AboutDialog(QDialog):
    """Four tabs: the program, the Python packages, Qt, the data sources."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Bestellkompass"))
        self.setAccessibleName(self.tr("About Bestellkompass"))
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._program_tab(), self.tr("&Program"))
        self.tabs.addTab(self._components_tab(), self.tr("&Components"))
        self.tabs.addTab(self._qt_tab(), self.tr("&Qt"))
        self.tabs.addTab(self._data_tab(), self.tr("&Data sources"))
        layout.addWidget(self.tabs)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        box.rejected.connect(self.reject)
        layout.addWidget(box)
        self.resize(760, 560)

    # -- tabs ----------------------------------------------------------------------------------
    def _program_tab(self) -> QWidget:
        data = default_shop_path().parent
        where = (self.tr("Portable mode: settings, shop files and logs are kept in %1.")
                 .replace("%1", str(portable.data_root())) if portable.data_root() else
                 self.tr("Your shop files: %1").replace("%1", str(data)))
        lines = [
            f"<h2>Bestellkompass {html.escape(__version__)}</h2>",
            "<p>" + html.escape(self.tr("Order suggestions for bakeries and delis: demand "
                                        "forecasts with reasons, offline.")) + "</p>",
            "<p>" + html.escape(self.tr("Python %1, Qt %2, PySide6 %3, on %4")
                                .replace("%1", platform.python_version())
                                .replace("%2", qVersion())
                                .replace("%3", PySide6.__version__)
                                .replace("%4", platform.platform(terse=True))) + "</p>",
            "<p>" + html.escape(where) + "<br>"
            + html.escape(self.tr("Log files: %1").replace("%1", str(log_dir()))) + "</p>",
            "<p>" + html.escape(self.tr("Bestellkompass works without an internet connection. "
                                        "The licences of the components it is built from are "
                                        "in the other tabs.")) + "</p>",
        ]
        self.program_text = QTextBrowser()
        self.program_text.setOpenExternalLinks(False)
        self.program_text.setHtml("".join(lines))
        self.program_text.setAccessibleName(self.tr("Program version and folders"))
        return self.program_text

    def _components_tab(self) -> QWidget:
        self.components = licences.components()
        self.table = QTableWidget(len(self.components), 3)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Component"), self.tr("Version"), self.tr("Licence")])
        self.table.setAccessibleName(self.tr("Bundled components and their licences"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        python = ("Python", platform.python_version(), "PSF-2.0")
        rows = [(c.name, c.version, c.licence) for c in self.components]
        self.table.setRowCount(len(rows) + 1)
        for row, cells in enumerate([*rows, python]):
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.AccessibleTextRole,
                             f"{cells[0]} {cells[1]}: {cells[2]}" if column == 0 else text)
                self.table.setItem(row, column, item)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.licence_view = QPlainTextEdit()
        self.licence_view.setReadOnly(True)
        self.licence_view.setAccessibleName(self.tr("Licence text of the chosen component"))
        self.table.currentCellChanged.connect(lambda row, *_: self.show_licence(row))
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.licence_view)
        self.show_licence(0)
        return splitter

    def show_licence(self, row: int) -> None:
        """The licence texts of the component in `row` below the table."""
        if row == len(self.components):
            self.licence_view.setPlainText(self.tr(
                "Python is distributed under the Python Software Foundation License: "
                "https://docs.python.org/3/license.html"))
            return
        if not 0 <= row < len(self.components):
            return
        component = self.components[row]
        text = licences.licence_text(component)
        if not text and component.name.lower().startswith(("pyside6", "shiboken6")):
            text = self.tr("Part of Qt for Python: see the Qt tab.")
        self.licence_view.setPlainText(text or self.tr("No licence text included; licence: %1, "
                                                       "see %2").replace("%1", component.licence)
                                       .replace("%2", component.homepage or "-"))

    def _qt_tab(self) -> QWidget:
        notice = self.tr(
            "Bestellkompass uses the Qt libraries (Qt %1) through Qt for Python (PySide6 %2), "
            "© The Qt Company Ltd. and other contributors, under the GNU Lesser General Public "
            "License version 3 (LGPLv3). Its text follows below, together with the GNU General "
            "Public License version 3 it builds on. The Qt libraries are separate files in the "
            "program folder: you may replace them with a compatible version of your own. The "
            "complete source code of Qt is available at %3 (and %4), that of Qt for Python at %5."
        )
        notice = (notice.replace("%1", qVersion()).replace("%2", PySide6.__version__)
                  .replace("%3", QT_SOURCE).replace("%4", QT_CODE).replace("%5", PYSIDE_SOURCE))
        self.qt_notice = QLabel(notice)
        self.qt_notice.setWordWrap(True)
        self.qt_notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.qt_text = QPlainTextEdit()
        self.qt_text.setReadOnly(True)
        self.qt_text.setPlainText(licences.bundled_licence("LGPL-3.0.txt") + "\n\n"
                                  + licences.bundled_licence("GPL-3.0.txt"))
        self.qt_text.setAccessibleName(self.tr("Text of the GNU LGPL version 3"))
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.qt_notice)
        layout.addWidget(self.qt_text, 1)
        return page

    def _data_tab(self) -> QWidget:
        self.data_text = QTextBrowser()
        self.data_text.setMarkdown(licences.attribution(i18n.lang()))
        self.data_text.setAccessibleName(self.tr("Data sources and their attributions"))
        return self.data_text
