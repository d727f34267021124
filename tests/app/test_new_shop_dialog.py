"""Starting one's own shop: the dialog takes the state from the postal code and writes nothing (the
first run's import wizard creates the file, tests/app/test_first_run.py); an existing file is never
overwritten."""

from __future__ import annotations

from pathlib import Path

from app.new_shop_dialog import NewShopDialog, free_path


def test_takes_the_state_from_the_postal_code_and_creates_nothing(qtbot: object, tmp_path: Path
                                                                   ) -> None:
    dialog = NewShopDialog("de")
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    dialog.name.setText("Backstube Kiel")
    dialog.postal.setText("24103")
    dialog.path.setText(str(tmp_path / "kiel.bkshop"))
    dialog.accept()
    assert dialog.chosen is not None
    assert dialog.chosen.path == tmp_path / "kiel.bkshop"
    assert dialog.chosen.name == "Backstube Kiel"
    assert dialog.chosen.location.state == "SH"
    assert dialog.chosen.location.place == "Kiel"
    assert not (tmp_path / "kiel.bkshop").exists()


def test_an_unknown_postal_code_is_said(qtbot: object, tmp_path: Path) -> None:
    dialog = NewShopDialog("de")
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    dialog.name.setText("X")
    dialog.postal.setText("00000")
    dialog.path.setText(str(tmp_path / "x.bkshop"))
    dialog.accept()
    assert dialog.chosen is None
    assert "keine deutsche Postleitzahl" in dialog.error.text()


def test_refuses_an_existing_file(qtbot: object, tmp_path: Path) -> None:
    existing = tmp_path / "mine.bkshop"
    existing.write_bytes(b"not touched")
    dialog = NewShopDialog("de")
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    dialog.name.setText("X")
    dialog.path.setText(str(existing))
    dialog.state.setCurrentIndex(dialog.state.findData("SH"))
    dialog.accept()
    assert dialog.chosen is None
    assert "gibt es schon" in dialog.error.text()
    assert existing.read_bytes() == b"not touched"
    assert free_path(existing) == tmp_path / "mine-2.bkshop"
