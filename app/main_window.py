"""MainWindow: the order sheet and the calendar in tabs, menus with shortcuts, exports, jobs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDesktopServices,
    QFont,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QWidget,
)

from app import i18n, plan_access, preferences
from app.about_dialog import AboutDialog
from app.association_dialog import ContributionDialog, PriorDialog
from app.backup_dialog import RestoreDialog
from app.calendar_view import CalendarView
from app.error_dialog import failure_text, show_failure
from app.import_wizard import ImportWizard
from app.jobs import JobBar, JobCancelled
from app.new_shop_dialog import NewShop, NewShopDialog
from app.order_sheet import OrderSheetView
from app.pdf_export import print_to, write_pdf
from app.preferences import app_settings
from app.product_view import ProductView
from app.review_view import ReviewView
from app.session import ShopSession
from app.settings_dialog import SettingsDialog
from app.stock_moves_dialog import GoodsReceiptDialog, WriteoffDialog
from app.supplier_lists import KINDS, write_supplier_lists
from app.workshop_menu import add_workshop_menu
from forecasting import order_export
from forecasting.operations import stock
from forecasting.operations.reading import load_products, load_suppliers
from forecasting.operations.shop import open_shop
from forecasting.values.suppliers import Supplier

FONT_STEPS = (0.8, 0.9, 1.0, 1.15, 1.3, 1.5, 1.75, 2.0, 2.5)


def redo_keys(platform: list[QKeySequence] | None = None) -> list[QKeySequence]:
    """The platform's redo keys (Ctrl+Shift+Z alone on Linux desktops and macOS) and Ctrl+Y:
    owners coming from Windows programs press Ctrl+Y, and the manual promises it everywhere."""
    keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo) if platform is None else platform
    ctrl_y = QKeySequence("Ctrl+Y")
    return keys if ctrl_y in keys else [*keys, ctrl_y]


class MainWindow(QMainWindow):
    """The window a baker opens at six in the evening."""

    languageRequested = Signal(str)
    openShopRequested = Signal(str)
    newShopCreated = Signal(str)

    def __init__(self, session: ShopSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Bestellkompass"))
        self.job_bar = JobBar()
        session.runner.bar = self.job_bar
        self.statusBar().addPermanentWidget(self.job_bar)
        self.message = QLabel()
        self.statusBar().addWidget(self.message, 1)

        self.sheet = OrderSheetView(session)
        self.calendar = CalendarView(session)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.sheet, self.tr("&Order sheet"))
        self.tabs.addTab(self.calendar, self.tr("&Calendar"))
        self.review = ReviewView(session)
        self.tabs.addTab(self.review, self.tr("&Review"))
        self.setCentralWidget(self.tabs)
        self._build_actions()
        self.sheet.productRequested.connect(self.show_product)
        self.sheet.importRequested.connect(self.import_sales)
        self.sheet.newShopRequested.connect(self.new_shop)
        session.failed.connect(self.show_error)
        session.saved.connect(self._saved_message)
        self.resize(1200, 800)

    # -- actions -------------------------------------------------------------------------------
    def _action(self, text: str, slot: object, shortcut: QKeySequence | str | None = None,
                tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(slot)  # type: ignore[arg-type]
        return action

    def _build_actions(self) -> None:
        std = QKeySequence.StandardKey
        menu = self.menuBar().addMenu(self.tr("&File"))
        self.open_action = self._action(self.tr("&Open shop file…"), self.open_shop, std.Open)
        self.new_action = self._action(self.tr("&New shop…"), self.new_shop, std.New,
                                       self.tr("Start your own shop and import your sales"))
        self.import_action = self._action(self.tr("&Import sales history…"), self.import_sales,
                                          "Ctrl+I", self.tr("Bring in your own till data"))
        self.restore_action = self._action(self.tr("Restore &backup…"), self.restore_backup,
                                           tip=self.tr("Go back to an earlier state of the shop"))
        self.pdf_action = self._action(self.tr("Export order list as P&DF…"), self.export_pdf,
                                       "Ctrl+Shift+P")
        self.print_action = self._action(self.tr("&Print order list…"), self.print_list, std.Print)
        self.preview_action = self._action(self.tr("Print pre&view…"), self.preview_list,
                                           tip=self.tr("See the printed order list before printing"))
        self.csv_action = self._action(self.tr("Export as &CSV…"), self.export_csv)
        self.xlsx_action = self._action(self.tr("Export as &Excel (XLSX)…"), self.export_xlsx)
        self.suppliers_action = self._action(
            self.tr("Order lists per &supplier…"), self.export_per_supplier,
            tip=self.tr("One PDF and one CSV per supplier or area, in a folder you choose"))
        self.quit_action = self._action(self.tr("&Quit"), self.close, std.Quit)
        for action in (self.new_action, self.open_action):
            menu.addAction(action)
        self.recent_menu = menu.addMenu(self.tr("Recen&t shops"))
        self._fill_recent_menu()
        for action in (self.import_action, self.restore_action, None,
                       self.print_action, self.preview_action,
                       self.pdf_action, self.csv_action, self.xlsx_action, self.suppliers_action,
                       None, self.quit_action):
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)

        menu = self.menuBar().addMenu(self.tr("&Edit"))
        self.undo_action = self.session.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(std.Undo)
        self.redo_action = self.session.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcuts(redo_keys())
        self.accept_all_action = self._action(self.tr("Accept &all suggestions"),
                                              self.sheet.accept_all, "Ctrl+Shift+A")
        self.accept_line_action = self._action(self.tr("Accept this &line"),
                                               self.sheet.accept_current, "Ctrl+Return")
        self.product_action = self._action(self.tr("Product &details…"),
                                           self._show_current_product, "Ctrl+D")
        self.refresh_action = self._action(self.tr("Re&compute suggestions"),
                                           self.session.refresh_plan, std.Refresh)
        for action in (self.undo_action, self.redo_action, None, self.accept_all_action,
                       self.accept_line_action, self.product_action, self.refresh_action):
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)

        menu = self.menuBar().addMenu(self.tr("&Data"))
        menu.addAction(self.import_action)
        menu.addAction(self._action(self.tr("Import &weather file…"),
                                    lambda: self.calendar.import_weather()))
        menu.addAction(self._action(self.tr("Import &events (ICS/CSV)…"),
                                    lambda: self.calendar.import_events()))
        menu.addAction(self._action(self.tr("Import stock &list (inventory)…"),
                                    lambda: self.import_stock_list()))
        self.receipt_action = self._action(
            self.tr("Goods &received…"), lambda: self.goods_received(),
            tip=self.tr("Confirm or correct what really came for the day's open orders"))
        self.writeoff_action = self._action(
            self.tr("Book write-&off…"), lambda: self.book_writeoff(),
            tip=self.tr("Goods taken off the shelf unsold: expired or damaged"))
        menu.addAction(self.receipt_action)
        menu.addAction(self.writeoff_action)
        self.sheet.set_line_actions([self.receipt_action, self.writeoff_action])
        menu.addSeparator()
        self.contribution_action = self._action(
            self.tr("Association contri&bution…"), self.show_contribution,
            tip=self.tr("See what your shop would share with its association, then save it"))
        self.prior_action = self._action(
            self.tr("Load association &prior…"), self.show_prior,
            tip=self.tr("Let the forecast lean on what many shops learned together"))
        menu.addAction(self.contribution_action)
        menu.addAction(self.prior_action)
        menu.addSeparator()
        menu.addAction(self._action(self.tr("&Settings…"), self.show_settings, std.Preferences))

        menu = self.menuBar().addMenu(self.tr("&View"))
        menu.addAction(self._action(self.tr("&Larger text"), lambda: self.scale_font(1),
                                    std.ZoomIn))
        menu.addAction(self._action(self.tr("&Smaller text"), lambda: self.scale_font(-1),
                                    std.ZoomOut))
        menu.addAction(self._action(self.tr("&Normal text size"), lambda: self.scale_font(0),
                                    "Ctrl+0"))
        language = menu.addMenu(self.tr("Lan&guage"))
        group = QActionGroup(self)
        for code, name in (("de", "Deutsch"), ("en", "English")):
            action = QAction(name, self, checkable=True)
            action.setChecked(code == i18n.lang())
            action.triggered.connect(lambda _c=False, code=code: self.languageRequested.emit(code))
            group.addAction(action)
            language.addAction(action)

        self.workshop = add_workshop_menu(self)

        menu = self.menuBar().addMenu(self.tr("&Help"))
        self.about_action = self._action(self.tr("&About Bestellkompass…"), self.show_about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        menu.addAction(self.about_action)

        toolbar = self.addToolBar(self.tr("Main"))
        toolbar.setObjectName("main_toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (self.accept_all_action, self.undo_action, self.redo_action,
                       self.print_action, self.pdf_action, self.import_action):
            toolbar.addAction(action)

    def _fill_recent_menu(self) -> None:
        """The shop files opened lately, the current one left out; a click opens it."""
        self.recent_menu.clear()
        current = Path(self.session.path).resolve()
        shops = [p for p in preferences.recent_shops() if p.resolve() != current]
        for number, path in enumerate(shops, start=1):
            name = path.name.replace("&", "&&")  # "Müller & Söhne.bkshop": no mnemonic
            action = self.recent_menu.addAction(f"&{number} {name}")
            action.setStatusTip(str(path))
            action.setToolTip(str(path))
            action.setData(str(path))
            action.triggered.connect(
                lambda _c=False, path=path: self.openShopRequested.emit(str(path)))
        if shops:
            self.recent_menu.addSeparator()
            self.recent_menu.addAction(self.tr("&Clear list"), self._clear_recent)
        else:
            empty = self.recent_menu.addAction(self.tr("(no other shops yet)"))
            empty.setEnabled(False)

    def _clear_recent(self) -> None:
        preferences.forget_recent_shops()
        preferences.remember_shop(Path(self.session.path))
        self._fill_recent_menu()

    # -- screens -------------------------------------------------------------------------------
    def show_about(self) -> QDialog:
        """Version, licences of every bundled component, data sources (Help menu)."""
        dialog = AboutDialog(self)
        dialog.setModal(True)
        dialog.show()
        return dialog

    def show_product(self, product: str) -> QWidget | None:
        """Open the product view for `product`."""

        line = self.session.line(product)
        if line is None:
            return None
        view = ProductView(self.session, line, self)
        view.show()
        return view

    def _show_current_product(self) -> None:
        product = self.sheet.current_product()
        if product:
            self.show_product(product)

    def import_stock_list(self, path: str | None = None) -> None:
        """Stock counts for the order day from an inventory list, on the worker (all or none)."""
        path = path or QFileDialog.getOpenFileName(
            self, self.tr("Import stock list"), "",
            self.tr("Lists (*.csv *.xlsx *.xls);;All files (*)"))[0]
        if not path:
            return
        session, day = self.session, self.session.day

        def job(_progress: object) -> int:
            with open_shop(session.path) as shop:
                return len(stock.import_list(shop, Path(path), day)[0])

        def done(count: int) -> None:
            text = (self.tr("Stock list saved: 1 product for %2.") if count == 1
                    else self.tr("Stock list saved: %1 products for %2."))
            self.message.setText(text.replace("%1", str(count))
                                 .replace("%2", i18n.date_text(day)))
            session.data_changed(child=False)  # the forecast stays; only the plan changes

        session.runner.run(self.tr("Importing stock list…"), job, done, self.show_error)

    def goods_received(self) -> GoodsReceiptDialog:
        """Open the goods receipt of a day (prefilled with its open orders)."""
        dialog = GoodsReceiptDialog(self.session, self)
        dialog.open()
        return dialog

    def book_writeoff(self) -> WriteoffDialog:
        """Open the write-off dialog for the current line's product."""
        dialog = WriteoffDialog(self.session, self, product=self.sheet.current_product())
        dialog.open()
        return dialog

    def show_settings(self) -> None:
        """Open the settings dialog."""

        dialog = SettingsDialog(self.session, self)
        dialog.languageChosen.connect(self.languageRequested)
        dialog.exec()

    def show_contribution(self) -> ContributionDialog:
        """What the shop would share with its association; written only when the owner confirms."""
        dialog = ContributionDialog(self.session, self)
        dialog.written.connect(
            lambda path: self.message.setText(self.tr("Saved %1").replace("%1", path)))
        dialog.setModal(True)
        dialog.show()
        return dialog

    def show_prior(self) -> PriorDialog:
        """Choose an association prior, see what it rests on, use it (or remove the one in use)."""
        dialog = PriorDialog(self.session, self)
        dialog.changed.connect(self.message.setText)
        dialog.setModal(True)
        dialog.show()
        return dialog

    def import_sales(self) -> None:
        """Open the import wizard."""

        wizard = ImportWizard(self.session, self)
        wizard.exec()

    def restore_backup(self) -> QWidget:
        """The shop's backups with a restore button (app/backup_dialog.py)."""

        dialog = RestoreDialog(self.session, self)
        dialog.restored.connect(lambda result: self.message.setText(result.message(i18n.lang())))
        dialog.setModal(True)
        dialog.show()
        return dialog

    def new_shop(self) -> NewShopDialog:
        """One's own shop, first step: name, postal code and file (nothing written yet); then
        the first run (`first_run`)."""
        dialog = NewShopDialog(i18n.lang(), self)
        dialog.accepted.connect(lambda: dialog.chosen and self.first_run(dialog.chosen))
        dialog.open()
        return dialog

    def first_run(self, shop: NewShop, path: str | None = None) -> ImportWizard:
        """The first run of a new shop: import a file, confirm what was inferred from it, then
        the shop file is created and opened and its first suggestions computed (controller)."""
        wizard = ImportWizard(self.session, self, path, new_shop=shop)
        # after the wizard has closed: opening the shop replaces this window, the wizard's parent
        wizard.accepted.connect(lambda: wizard.created and QTimer.singleShot(
            0, lambda: self.newShopCreated.emit(str(wizard.created))))
        wizard.open()
        return wizard

    def open_shop(self) -> None:
        """Pick another shop file."""
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open shop file"), str(self.session.path.parent),
            self.tr("Shop files (*.bkshop);;All files (*)"))
        if path:
            self.openShopRequested.emit(path)

    # -- exports -------------------------------------------------------------------------------
    def export_lines(self) -> list[order_export.ExportLine]:
        """The current order list (decided quantities, else suggestions)."""
        products = load_products(self.session.shop)
        articles = {p.name: p.article_number for p in products if p.article_number}
        costs = {p.name: p.unit_cost for p in products}
        return plan_access.export_lines(self.session.lines, self.session.decisions,
                                        i18n.lang(), articles, costs)

    def suppliers(self) -> dict[str, Supplier]:
        """The suppliers the owner described (their pages carry customer and article numbers)."""
        return load_suppliers(self.session.shop)

    def heading(self) -> str:
        """Title of the printed list."""
        return order_export.title(self.session.settings.name, self.session.day, i18n.lang())

    def _save_name(self, title: str, suffix: str, filter_text: str) -> Path | None:
        stem = self.tr("order")
        default = self.session.path.parent / f"{stem}-{self.session.day}.{suffix}"
        path, _ = QFileDialog.getSaveFileName(self, title, str(default), filter_text)
        return Path(path) if path else None

    def export_pdf(self, path: Path | None = None) -> Path | None:
        """Write the order list as PDF (asks for a file name unless given)."""
        path = path or self._save_name(self.tr("Export PDF"), "pdf", self.tr("PDF (*.pdf)"))
        if path is None:
            return None
        return self._write(path, lambda: write_pdf(path, self.heading(), self.export_lines(),
                                                       self.suppliers()))

    def export_csv(self, path: Path | None = None) -> Path | None:
        """Write the order list as CSV."""
        path = path or self._save_name(self.tr("Export CSV"), "csv", self.tr("CSV (*.csv)"))
        if path is None:
            return None
        return self._write(path, lambda: order_export.write_csv(path, self.export_lines(),
                                                                i18n.lang()))

    def export_xlsx(self, path: Path | None = None) -> Path | None:
        """Write the order list as an Excel workbook."""
        path = path or self._save_name(self.tr("Export Excel"), "xlsx", self.tr("Excel (*.xlsx)"))
        if path is None:
            return None
        return self._write(path, lambda: order_export.write_xlsx(
            path, self.export_lines(), i18n.lang(), self.heading()))

    def export_per_supplier(self, folder: Path | None = None) -> list[Path]:
        """Write a PDF and a CSV per supplier into a folder (asks for it unless given), then offer
        to open the folder, where the files can be mailed or printed from."""
        asked = folder is None
        if folder is None:
            chosen = QFileDialog.getExistingDirectory(
                self, self.tr("Folder for the order lists"), str(self.session.path.parent))
            if not chosen:
                return []
            folder = Path(chosen)
        try:
            written = write_supplier_lists(folder, self.session.settings.name, self.session.day,
                                           self.export_lines(), self.suppliers(), KINDS,
                                           i18n.lang())
        except Exception as exc:
            self.show_error(exc)
            return []
        self.message.setText(self.tr("Saved %1 files in %2").replace("%1", str(len(written)))
                             .replace("%2", str(folder)))
        if asked:
            self._offer_folder(folder, len(written))
        return written

    def _offer_folder(self, folder: Path, count: int) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Order lists saved"),
                          self.tr("%1 files saved in %2.").replace("%1", str(count))
                          .replace("%2", str(folder)), parent=self)
        open_button = box.addButton(self.tr("&Open folder"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Close)
        box.exec()
        if box.clickedButton() is open_button:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def _write(self, path: Path, write: Callable[[], object]) -> Path | None:
        """Run an export; a folder without write access or a full disk is said, not raised."""
        try:
            write()
        except Exception as exc:
            self.show_error(exc)
            return None
        self.message.setText(self.tr("Saved %1").replace("%1", str(path)))
        return path

    def print_list(self) -> None:
        """Print the order list on paper."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter


        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            print_to(printer, self.heading(), self.export_lines(), self.suppliers())

    def print_preview(self) -> QDialog:
        """The print preview of the order list, pages as they will come out of the printer."""
        from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintPreviewDialog(printer, self)
        dialog.printer_kept = printer  # the dialog does not own it: alive as long as the dialog
        dialog.setWindowTitle(self.tr("Print preview: %1").replace("%1", self.heading()))
        dialog.setAccessibleName(self.tr("Print preview of the order list"))
        lines, heading = self.export_lines(), self.heading()
        dialog.paintRequested.connect(lambda target: print_to(target, heading, lines))
        dialog.resize(900, 1000)
        return dialog

    def preview_list(self) -> None:
        """Show the print preview (the owner prints from there)."""
        self.print_preview().exec()

    # -- feedback ------------------------------------------------------------------------------
    def _saved_message(self) -> None:
        self.message.setText(self.tr("Saved."))

    def show_error(self, exc: BaseException) -> QDialog | None:
        """Say what went wrong in the user's language, in the status line and a dialog (never a
        stack trace; for a bug the dialog offers the details to copy)."""
        if isinstance(exc, JobCancelled):
            self.message.setText(self.tr("Cancelled. Nothing was changed."))
            return None
        self.message.setText(failure_text(exc, self.session.path))
        return show_failure(exc, self, self.session.path)

    def scale_font(self, direction: int) -> None:
        """Make all text larger (1), smaller (-1) or normal (0); remembered for next time."""
        settings = app_settings()
        scale = float(settings.value("font_scale", 1.0))
        steps = list(FONT_STEPS)
        index = min(range(len(steps)), key=lambda i: abs(steps[i] - scale))
        index = steps.index(1.0) if direction == 0 else max(0, min(len(steps) - 1,
                                                                   index + direction))
        settings.setValue("font_scale", steps[index])
        apply_font_scale(steps[index])
        self.sheet.rebuild()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.isVisible():
            preferences.save_placement(self)
        for job in list(self.session.runner.active):
            job.progress.cancel()
        super().closeEvent(event)


_BASE_POINT_SIZE: list[float] = []


def apply_font_scale(scale: float) -> None:
    """Scale the application font (projectors: 1.5-2.5)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    if not _BASE_POINT_SIZE:
        _BASE_POINT_SIZE.append(max(app.font().pointSizeF(), 9.0))
    font = QFont(app.font())
    font.setPointSizeF(_BASE_POINT_SIZE[0] * scale)
    app.setFont(font)
