"""Golden comparison: what the owner sees must not change when the code underneath is rebuilt
(issue 16). `suggest --format json` for both demo shops and the text of the main screens are
compared with the files in tests/data/golden/, written by this test from the code as it was.

A change that is meant to alter suggestions or screens updates them on purpose:

    BESTELLKOMPASS_GOLDEN_UPDATE=1 .venv/bin/python -m pytest tests/test_golden.py

and the diff of tests/data/golden/ is reviewed with the change. The shops are the demo shops cut to
a few products and 400 days (so the real models train in seconds); `benchmarks/golden_suggest.py`
compares the full demo shops over two weeks.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.cli import main
from forecasting.demo.generate import DEFAULT_SEED, write_demo_shop
from forecasting.store.file import Shop

GOLDEN = Path(__file__).resolve().parent / "data" / "golden"
UPDATE = os.environ.get("BESTELLKOMPASS_GOLDEN_UPDATE") == "1"
END = dt.date(2026, 11, 26)  # history up to 25.11.2026
KEEP = {
    "bakery": ("Weizenbrötchen", "Laugenbrezel", "Roggenmischbrot 750 g", "Croissant",
               "Käsekuchen"),
    "deli": ("Büffelmozzarella 125 g", "Bergkäse 200 g", "Hummus", "Ciabatta",
             "Kartoffelsalat 250 g"),
}
DAYS = {"bakery": (END, END + dt.timedelta(days=2), END + dt.timedelta(days=5)),
        "deli": (END, END + dt.timedelta(days=1), END + dt.timedelta(days=4))}
HISTORY_DAYS = 400


def cut_demo_shop(kind: str, folder: Path) -> Path:
    """The demo shop `kind` with the KEEP products and the last HISTORY_DAYS days."""
    path = write_demo_shop(kind, END, folder / f"{kind}.bkshop", seed=DEFAULT_SEED)
    first = (END - dt.timedelta(days=HISTORY_DAYS)).isoformat()
    with Shop.open(path) as shop, shop.transaction() as conn:
        names = [r[0] for r in conn.execute("SELECT name FROM products")]
        keep = [n for n in names if n in KEEP[kind]]
        assert len(keep) == len(KEEP[kind]), f"demo {kind} products changed: {names}"
        marks = ", ".join("?" for _ in keep)
        conn.execute(f"DELETE FROM products WHERE name NOT IN ({marks})", keep)
        conn.execute("DELETE FROM sales WHERE date < ?", (first,))
        conn.execute("DELETE FROM true_demand")
    return path


@pytest.fixture(scope="module")
def shops(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("golden")
    return {kind: cut_demo_shop(kind, folder) for kind in KEEP}


def compare(name: str, text: str) -> None:
    """Compare `text` with the golden file `name` (or write it when updating)."""
    path = GOLDEN / name
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return
    assert path.is_file(), f"no golden file {path}; run with BESTELLKOMPASS_GOLDEN_UPDATE=1"
    expected = path.read_text(encoding="utf-8")
    assert text == expected, f"{name} differs from the golden file"


def _suggest_json(capsys: pytest.CaptureFixture[str], shop: Path, day: dt.date) -> str:
    capsys.readouterr()
    assert main(["--shop", str(shop), "suggest", "--date", day.isoformat(), "--format", "json",
                 "--no-save"]) == 0
    doc = json.loads(capsys.readouterr().out)
    doc.pop("computed_at")  # when it ran
    doc.pop("data_version")  # how many writes the file has seen, not what the owner sees
    return json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


@pytest.mark.slow
@pytest.mark.parametrize("kind", list(KEEP))
def test_suggestions_are_unchanged(kind: str, shops: dict[str, Path],
                                   capsys: pytest.CaptureFixture[str]) -> None:
    for day in DAYS[kind]:
        compare(f"suggest-{kind}-{day.isoformat()}.json", _suggest_json(capsys, shops[kind], day))


# -- screens ------------------------------------------------------------------------------------
_CLOCK = re.compile(r"\b\d{1,2}:\d{2}\b")


def screen_text(widget: object) -> str:
    """Every text a user can read on `widget` and its visible children, one per line, in the
    order of the widget tree: labels, buttons, fields, tabs, and every cell of every table."""
    from PySide6.QtCore import QModelIndex, Qt
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QComboBox,
        QGroupBox,
        QLabel,
        QLineEdit,
        QPlainTextEdit,
        QTabWidget,
        QTextEdit,
        QWidget,
    )

    out: list[str] = []

    def columns(model: object, parent: QModelIndex) -> int:
        try:
            return int(model.columnCount(parent))  # type: ignore[attr-defined]
        except TypeError:  # a list model (PySide6 hides its columnCount)
            return 1

    def model_rows(view: QAbstractItemView) -> None:
        model = view.model()
        if model is None:
            return
        heads = [str(model.headerData(c, Qt.Orientation.Horizontal) or "")
                 for c in range(columns(model, QModelIndex()))]
        out.append("table: " + " | ".join(heads))

        def walk(parent: QModelIndex, depth: int) -> None:
            for r in range(model.rowCount(parent)):
                cells = []
                for c in range(columns(model, parent)):
                    index = model.index(r, c, parent)
                    text = model.data(index, Qt.ItemDataRole.DisplayRole)
                    tip = model.data(index, Qt.ItemDataRole.ToolTipRole)
                    cells.append(str(text if text is not None else ""))
                    if tip:
                        cells[-1] += f" [{tip}]"
                out.append("  " * depth + "row: " + " | ".join(cells))
                first = model.index(r, 0, parent)
                if first.isValid() and model.rowCount(first) > 0:
                    walk(first, depth + 1)

        walk(QModelIndex(), 0)

    def visit(w: QWidget) -> None:
        if not w.isVisibleTo(widget) and w is not widget:  # type: ignore[arg-type]
            return
        if isinstance(w, QLabel) and w.text():
            out.append(f"label: {w.text()}")
        elif isinstance(w, QAbstractButton) and w.text():
            out.append(f"button: {w.text()}" + (" [x]" if w.isChecked() else ""))
        elif isinstance(w, QLineEdit):
            out.append(f"field: {w.text()}")
        elif isinstance(w, QComboBox):
            out.append(f"choice: {w.currentText()}")
        elif isinstance(w, QPlainTextEdit | QTextEdit):
            out.append(f"text: {w.toPlainText()}")
        elif isinstance(w, QGroupBox):
            out.append(f"group: {w.title()}")
        elif isinstance(w, QTabWidget):
            out.append("tabs: " + " | ".join(w.tabText(i) for i in range(w.count())))
        if isinstance(w, QAbstractItemView):
            model_rows(w)
            return
        for child in w.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
            visit(child)

    visit(widget)  # type: ignore[arg-type]
    text = _CLOCK.sub("HH:MM", "\n".join(out))
    today = dt.date.today()
    for shown in (f"{today:%d.%m.%Y}", today.isoformat()):  # "berechnet 04.12.2026 HH:MM"
        text = text.replace(shown, "TODAY")
    return text + "\n"


@pytest.fixture(scope="module")
def controller(qapp: object, shops: dict[str, Path], tmp_path_factory: pytest.TempPathFactory
               ) -> Iterator[object]:
    """The app on the cut bakery, orders for END, the plan computed."""
    import shutil

    from app import i18n
    from app.controller import AppController

    path = tmp_path_factory.mktemp("golden_app") / "bakery.bkshop"
    shutil.copy(shops["bakery"], path)
    i18n.install_language("de")
    app = AppController(path, day=END)
    assert app.wait_for_plan(300_000)
    app.session.auto_recompute = False
    app.window.resize(1280, 860)
    app.window.show()
    yield app
    app.session.runner.wait()
    app.close()


@pytest.mark.slow
def test_screens_are_unchanged(controller: object) -> None:
    from PySide6.QtCore import QCoreApplication

    from app.settings_dialog import SettingsDialog

    window = controller.window  # type: ignore[attr-defined]
    session = controller.session  # type: ignore[attr-defined]
    window.message.clear()  # "Daily backup saved: <file with the time>" and the like
    QCoreApplication.processEvents()
    window.tabs.setCurrentWidget(window.sheet)
    compare("screen-order_sheet.txt", screen_text(window.sheet))
    line = max(session.lines, key=lambda ln: len(ln.steps))
    view = window.show_product(line.product)
    compare("screen-product_view.txt", screen_text(view))
    view.close()
    window.tabs.setCurrentWidget(window.calendar)
    QCoreApplication.processEvents()
    compare("screen-calendar.txt", screen_text(window.calendar))
    window.tabs.setCurrentWidget(window.review)
    QCoreApplication.processEvents()
    compare("screen-review.txt", screen_text(window.review))
    window.tabs.setCurrentWidget(window.sheet)
    settings = SettingsDialog(session, window)
    settings.show()
    compare("screen-settings.txt", screen_text(settings))
    settings.close()
