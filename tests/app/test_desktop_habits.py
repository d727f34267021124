"""Desktop habits: Help > About with every bundled component's licence, the shops opened lately
(the last one reopened on start), the window's place remembered, a print preview, and order lines
a screen reader can read."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from PySide6.QtCore import QRect, Qt, qVersion
from PySide6.QtGui import QAccessible
from PySide6.QtPrintSupport import QPrintPreviewWidget

from app import __version__, i18n, licences, preferences
from app.about_dialog import AboutDialog
from app.controller import AppController
from app.launch import resolve_shop_path
from app.main_window import MainWindow
from app.order_model import FORECAST, ORDER, PRODUCT, SUGGESTION
from tests.app.conftest import ORDER_DAY, REPO_ROOT

SHOTS = Path(os.environ.get("BK_SHOTS", "")) if os.environ.get("BK_SHOTS") else None


def _shot(widget: object, name: str) -> None:
    """Keep a picture of the widget to look at (BK_SHOTS=folder)."""
    if SHOTS is not None:
        SHOTS.mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(SHOTS / f"{name}.png"))  # type: ignore[attr-defined]


def _forget_everything() -> None:
    preferences.forget_recent_shops()
    settings = preferences.app_settings()
    settings.remove(preferences.GEOMETRY_KEY)
    settings.remove(preferences.STATE_KEY)
    settings.sync()


@pytest.fixture(autouse=True)
def _fresh_preferences() -> Iterator[None]:
    """No recent shops or window placement before, and none left for other tests after."""
    _forget_everything()
    yield
    _forget_everything()


def _declared_dependencies() -> set[str]:
    import tomllib

    project = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return {canonicalize_name(Requirement(text).name) for text in project["dependencies"]}


# -- About ---------------------------------------------------------------------------------------
def test_about_lists_version_and_every_runtime_dependency_with_its_licence(qtbot: object) -> None:
    i18n.install_language("en")
    dialog = AboutDialog()
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    dialog.show()
    assert __version__ in dialog.program_text.toPlainText()
    assert qVersion() in dialog.program_text.toPlainText()
    table = dialog.table
    rows = {table.item(r, 0).text(): (table.item(r, 1).text(), table.item(r, 2).text())
            for r in range(table.rowCount())}
    listed = {canonicalize_name(name) for name in rows}
    assert _declared_dependencies() <= listed  # every dependency in pyproject, from metadata
    assert "python" in listed
    assert rows["pandas"][1] == "BSD-3-Clause"
    assert all(licence and licence != "-" for _version, licence in rows.values()), rows
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == "holidays")
    table.setCurrentCell(row, 0)
    assert "Vacanza Team" in dialog.licence_view.toPlainText()
    assert "Permission is hereby granted" in dialog.licence_view.toPlainText()
    dialog.tabs.setCurrentIndex(1)
    _shot(dialog, "about_components")
    dialog.tabs.setCurrentIndex(2)
    notice = dialog.qt_notice.text()
    for part in ("LGPL", qVersion(), "download.qt.io"):
        assert part in notice
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in dialog.qt_text.toPlainText()
    assert "GNU GENERAL PUBLIC LICENSE" in dialog.qt_text.toPlainText()
    _shot(dialog, "about_qt")
    dialog.tabs.setCurrentIndex(3)
    data = dialog.data_text.toPlainText()
    _shot(dialog, "about_data")
    for part in ("holidays", "Kultusministerkonferenz", "Leitregion"):
        assert part in data
    i18n.install_language("de")


def test_about_speaks_german_and_opens_from_the_help_menu(qtbot: object,
                                                          session: object) -> None:
    i18n.install_language("de")
    window = MainWindow(session)
    qtbot.addWidget(window)  # type: ignore[attr-defined]
    help_menu = window.about_action.associatedObjects()[0]
    assert help_menu.title() == "&Hilfe"  # type: ignore[attr-defined]
    assert window.about_action.text() == "Ü&ber Bestellkompass…"
    dialog = window.show_about()
    assert dialog.windowTitle() == "Über Bestellkompass"
    assert "Ihre Laden-Dateien" in dialog.program_text.toPlainText()  # type: ignore[attr-defined]
    assert "Datenquellen" in dialog.data_text.toPlainText()  # type: ignore[attr-defined]
    _shot(dialog, "about_de")
    dialog.close()


def test_every_runtime_package_is_found_in_the_metadata() -> None:
    names = {canonicalize_name(d.metadata["Name"]) for d in licences.runtime_distributions()}
    assert "bestellkompass" in names
    assert {"numpy", "scipy", "pyside6-essentials", "shiboken6"} <= names  # indirect ones too
    assert "pytest" not in names  # an extra, not shipped


# -- recent shops, last shop, window placement ----------------------------------------------------
def _copies(source: Path, folder: Path, names: list[str]) -> list[Path]:
    out = []
    for name in names:
        path = folder / f"{name}.bkshop"
        shutil.copy(source, path)
        out.append(path)
    return out


def test_recent_shops_newest_first_without_duplicates_or_missing_files(
        shop_path: Path, tmp_path: Path) -> None:
    shops = _copies(shop_path, tmp_path, [f"shop{i}" for i in range(10)])
    for path in shops[:3]:
        preferences.remember_shop(path)
    preferences.remember_shop(shops[0])
    assert preferences.recent_shops() == [shops[0], shops[2], shops[1]]
    shops[2].unlink()
    assert preferences.recent_shops() == [shops[0], shops[1]]
    for path in shops[3:]:
        preferences.remember_shop(path)
    assert preferences.recent_shops() == [*reversed(shops[3:]), shops[0]]  # 8 at most
    assert preferences.last_shop() == shops[-1]


def _settled(qtbot: object, controller: AppController) -> AppController:
    """Wait for the plan the controller computes on opening (the stored one: quick)."""
    runner = controller.session.runner
    qtbot.waitUntil(lambda: not runner.busy(), timeout=120_000)  # type: ignore[attr-defined]
    return controller


def test_recent_menu_opens_another_shop_and_the_last_one_comes_back(
        qtbot: object, planned_path: Path, tmp_path: Path) -> None:
    shop_path = planned_path
    other, = _copies(shop_path, tmp_path, ["other"])
    i18n.install_language("en")
    controller = _settled(qtbot, AppController(shop_path, day=ORDER_DAY))
    preferences.remember_shop(other)
    preferences.remember_shop(shop_path)
    controller._replace_window()  # the menu is filled when a window is made
    actions = [a for a in controller.window.recent_menu.actions() if a.data()]
    assert [Path(a.data()) for a in actions] == [other.resolve()]
    assert actions[0].text() == "&1 other.bkshop"
    actions[0].trigger()
    qtbot.waitUntil(lambda: Path(controller.session.path) == other, timeout=10_000)  # type: ignore[attr-defined]
    _settled(qtbot, controller)
    assert preferences.last_shop() == other.resolve()
    assert resolve_shop_path(None, preferences.last_shop()) == other.resolve()
    assert resolve_shop_path(str(shop_path), preferences.last_shop()) == shop_path  # given wins
    controller.close()
    i18n.install_language("de")


def test_window_size_and_position_are_remembered(qtbot: object, planned_path: Path) -> None:
    controller = _settled(qtbot, AppController(planned_path, day=ORDER_DAY))
    window = controller.window
    window.show()
    qtbot.waitExposed(window)  # type: ignore[attr-defined]
    smallest = window.minimumSizeHint()
    width, height = max(smallest.width(), 500) + 17, max(smallest.height(), 400) + 13
    window.setGeometry(QRect(30, 40, width, height))
    qtbot.waitUntil(lambda: window.size().width() == width)  # type: ignore[attr-defined]
    controller.close()
    again = _settled(qtbot, AppController(planned_path, day=ORDER_DAY))
    assert again.window.height() == height
    screen = again.window.screen().availableGeometry().width()  # offscreen: 800, narrower than
    assert abs(again.window.width() - min(width, screen)) <= 2  # the window: Qt fits it in
    assert again.window.geometry().y() == 40  # (x moved left with the width)
    again.close()


# -- print preview -------------------------------------------------------------------------------
def test_print_preview_shows_the_order_list_pages(qtbot: object, planned_session: object) -> None:
    window = MainWindow(planned_session)
    qtbot.addWidget(window)  # type: ignore[attr-defined]
    dialog = window.print_preview()
    dialog.show()
    qtbot.waitExposed(dialog)  # type: ignore[attr-defined]
    preview = dialog.findChild(QPrintPreviewWidget)
    preview.updatePreview()
    assert preview.pageCount() >= 1
    assert "Bestellliste" in dialog.windowTitle()
    _shot(dialog, "print_preview")
    dialog.close()


# -- screen readers ------------------------------------------------------------------------------
def test_a_screen_reader_reads_a_whole_order_line(qtbot: object, planned_session: object) -> None:
    i18n.install_language("en")
    window = MainWindow(planned_session)
    qtbot.addWidget(window)  # type: ignore[attr-defined]
    window.show()
    table = window.sheet.tables[0]
    model = table.model()
    line = model.line_at(0)
    text = model.data(model.index(0, PRODUCT), Qt.ItemDataRole.AccessibleTextRole)
    for part in (line.product, model.data(model.index(0, FORECAST)),
                 model.data(model.index(0, SUGGESTION)), line.reason, "not decided yet"):
        assert part in text, (part, text)
    order = model.data(model.index(0, ORDER), Qt.ItemDataRole.AccessibleTextRole)
    assert order.startswith(f"Order for {line.product}: ")
    interface = QAccessible.queryAccessibleInterface(table)
    assert interface.text(QAccessible.Text.Name).startswith("Order list: ")
    cells = [interface.child(i) for i in range(interface.childCount())]
    names = [c.text(QAccessible.Text.Name) for c in cells if c.role() == QAccessible.Role.Cell]
    assert text in names  # what the accessibility bridge hands on to the screen reader
    i18n.install_language("de")


def test_every_dialog_has_a_name_a_screen_reader_announces(qtbot: object,
                                                           session: object) -> None:
    from app.new_shop_dialog import NewShopDialog
    from app.reason_dialog import ReasonDialog
    from app.settings_dialog import SettingsDialog

    i18n.install_language("de")
    dialogs = [AboutDialog(), ReasonDialog("Baguette", 40, 45), NewShopDialog("de"),
               SettingsDialog(session)]
    for dialog in dialogs:
        qtbot.addWidget(dialog)  # type: ignore[attr-defined]
        dialog.show()
        name = QAccessible.queryAccessibleInterface(dialog).text(QAccessible.Text.Name)
        assert name, type(dialog).__name__
        assert name == dialog.windowTitle()
        dialog.close()
