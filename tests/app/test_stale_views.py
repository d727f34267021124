"""A window whose view is stale never overwrites what another program wrote meanwhile (issue 14,
finding 4): the command line runs as a real second process beside the open window."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from pathlib import Path

from app.settings_dialog import SettingsDialog
from forecasting.errors import ChangedElsewhereError
from forecasting.store.decisions import load_decisions
from forecasting.store.file import Shop
from forecasting.store.settings import load_settings
from tests.app.conftest import ORDER_DAY

REPO = Path(__file__).resolve().parents[2]


def _cli(path: Path, *args: str) -> str:
    """Run `bestellkompass --shop PATH ARGS` as its own process; its output."""
    done = subprocess.run([sys.executable, "-m", "app", "--shop", str(path), *args], cwd=REPO,
                          env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
                          capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr
    return done.stdout


def _stored(path: Path) -> dict[str, float | None]:
    with Shop.open(path) as shop:
        return {d.product: d.final for d in load_decisions(shop, ORDER_DAY)}


def test_accept_all_never_overwrites_an_order_set_on_the_command_line(
        qtbot: object, planned_session: object) -> None:
    session = planned_session
    path = session.path  # type: ignore[attr-defined]
    products = [line.product for line in session.lines]  # type: ignore[attr-defined]
    first = products[0]
    _cli(path, "order", "set", first, "300", "--reason", "event", "--date", ORDER_DAY.isoformat())
    # the window has not looked yet: its view shows every line open
    assert session.decisions == {}  # type: ignore[attr-defined]
    with contextlib.suppress(ChangedElsewhereError):  # refused: how it is shown is not tested here
        session.apply_edit(session.accept_edit(products), "accept all")  # type: ignore[attr-defined]
    assert _stored(path)[first] == 300.0
    assert session.decisions[first].final == 300.0  # type: ignore[attr-defined]
    # the view is current now: accepting again takes the other lines, the 300 stays
    session.apply_edit(session.accept_edit(products), "accept all")  # type: ignore[attr-defined]
    stored = _stored(path)
    assert stored[first] == 300.0
    assert set(stored) == set(products)


def test_the_window_picks_up_decisions_made_elsewhere(qtbot: object,
                                                      planned_session: object) -> None:
    session = planned_session
    first = session.lines[0].product  # type: ignore[attr-defined]
    seen: list[object] = []
    session.decisionsChanged.connect(seen.append)  # type: ignore[attr-defined]
    _cli(session.path, "order", "set", first, "7", "--reason", "weather",  # type: ignore[attr-defined]
         "--date", ORDER_DAY.isoformat())
    assert session.check_outside_changes()  # type: ignore[attr-defined]
    assert session.decisions[first].final == 7.0  # type: ignore[attr-defined]
    assert seen == [{first}]
    assert not session.check_outside_changes()  # type: ignore[attr-defined]


def test_settings_dialog_keeps_a_change_made_on_the_command_line(qtbot: object,
                                                                 session: object) -> None:
    session.auto_recompute = False  # type: ignore[attr-defined]
    dialog = SettingsDialog(session)
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    _cli(session.path, "settings", "shop", "--postal-code", "24103")  # type: ignore[attr-defined]
    dialog.day_boxes[6].setChecked(not dialog.day_boxes[6].isChecked())
    sunday = dialog.day_boxes[6].isChecked()
    dialog.save()
    settings = load_settings(session.shop)  # type: ignore[attr-defined]
    assert (settings.postal_code, settings.state) == ("24103", "SH")
    assert (6 in settings.opening_days) == sunday


def test_settings_changed_on_both_sides_are_refused(qtbot: object, session: object) -> None:
    session.auto_recompute = False  # type: ignore[attr-defined]
    dialog = SettingsDialog(session)
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    _cli(session.path, "settings", "shop", "--name", "Backstube Nord")  # type: ignore[attr-defined]
    dialog.name.setText("Bäckerei Süd")
    dialog.save_and_close()
    assert load_settings(session.shop).name == "Backstube Nord"  # type: ignore[attr-defined]
    assert dialog.problem.isVisibleTo(dialog)
    assert "inzwischen an anderer Stelle geändert" in dialog.problem.text()
    assert "Name" in dialog.problem.text()
