"""The settings dialog's trade-off page: per area a slider from "lieber Reste" to "lieber
ausverkauft" whose 4-week figures move with it; saving changes the next suggestions."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.settings_dialog import SettingsDialog
from app.tradeoff_panel import nearest_step
from forecasting.errors import ChangedElsewhereError
from forecasting.operations.settings import set_area_service
from forecasting.policy.tradeoff_preview import STEPS
from forecasting.store.file import Shop
from forecasting.store.service_levels import load_area_levels
from tests.app.conftest import wait_for_plan


def _figures(dialog: SettingsDialog, area: str) -> tuple[str, str, str]:
    row = dialog.tradeoff.rows[area]
    return row.waste.text(), row.sellouts.text(), row.slider.toolTip()


def test_moving_the_slider_changes_the_figures(qtbot: object, planned_session: object) -> None:
    dialog = SettingsDialog(planned_session)
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    assert set(dialog.tradeoff.rows) == {"Backstube", "Konditorei", "Snacktheke"}
    row = dialog.tradeoff.rows["Backstube"]
    assert row.chosen is None  # from price and cost, the slider on the recommended step
    assert row.slider.value() == row.slider.mark
    assert "nach Preis und Kosten" in row.setting.text()
    start = _figures(dialog, "Backstube")
    assert start[0].startswith("Reste in 4 Wochen: etwa ")
    assert "reicht an " in start[1]
    assert start[2].startswith("Servicegrad ")
    row.slider.setValue(0)  # lieber Reste
    more = _figures(dialog, "Backstube")
    assert more != start
    assert "nie ausverkauft" in row.setting.text()
    assert "Servicegrad 97 %" in more[2]
    row.slider.setValue(len(STEPS) - 1)  # lieber ausverkauft
    fewer = _figures(dialog, "Backstube")
    assert "lieber ausverkauft als Reste" in row.setting.text()

    def units(text: str) -> int:
        return int(text.split("etwa ")[1].split(" ")[0].replace(".", ""))

    assert units(more[0]) > units(start[0]) > units(fewer[0])
    assert _figures(dialog, "Konditorei")[0]  # the other areas stay as they were
    assert dialog.tradeoff.rows["Konditorei"].chosen is None
    dialog.tradeoff.set_level("Backstube", None)
    assert _figures(dialog, "Backstube") == start
    assert dialog.tradeoff.changed() == {}


def test_saving_changes_the_next_suggestions(qtbot: object, planned_session: object) -> None:
    session = planned_session
    plan = session.plan  # type: ignore[attr-defined]
    before = {line.product: line.suggestion for line in plan.lines}
    dialog = SettingsDialog(session)
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    dialog.tradeoff.rows["Backstube"].slider.setValue(0)
    version = session.shop.plan_version()  # type: ignore[attr-defined]
    data = session.shop.data_version()  # type: ignore[attr-defined]
    session.auto_recompute = False  # type: ignore[attr-defined]
    dialog.save()
    assert load_area_levels(session.shop) == {"Backstube": STEPS[0]}  # type: ignore[attr-defined]
    assert session.shop.plan_version() > version  # type: ignore[attr-defined]
    assert session.shop.data_version() == data  # the forecast is kept, only the plan moves  # type: ignore[attr-defined]
    wait_for_plan(qtbot, session)
    after = session.plan  # type: ignore[attr-defined]
    backstube = [line for line in after.lines if line.supplier == "Backstube"
                 and line.status == "order"]
    assert backstube
    assert all(line.service.source == "area" for line in backstube)
    assert any(line.suggestion > before[line.product] for line in backstube)
    assert all(line.suggestion == before[line.product] for line in after.lines
               if line.supplier != "Backstube")
    again = SettingsDialog(session)
    qtbot.addWidget(again)  # type: ignore[attr-defined]
    assert again.tradeoff.rows["Backstube"].chosen == STEPS[0]
    assert again.tradeoff.rows["Backstube"].slider.value() == 0


def test_a_change_made_elsewhere_meanwhile_is_not_overwritten(
        qtbot: object, planned_session: object) -> None:
    session = planned_session
    dialog = SettingsDialog(session)
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    dialog.tradeoff.rows["Konditorei"].slider.setValue(nearest_step(0.5))
    with Shop.open(Path(session.path)) as other:  # type: ignore[attr-defined]
        set_area_service(other, "Konditorei", 0.9)
    with pytest.raises(ChangedElsewhereError):
        dialog.save()
    dialog.save_and_close()
    assert not dialog.problem.isHidden()
    assert "Servicegrad" in dialog.problem.text()
    assert load_area_levels(session.shop) == {"Konditorei": 0.9}  # type: ignore[attr-defined]


def test_no_plan_yet_says_so(qtbot: object, session: object) -> None:
    dialog = SettingsDialog(session)
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    assert dialog.tradeoff.rows == {}
