"""Starting one's own shop: the file is created with the state from the postal code; an existing
file is never overwritten."""

from __future__ import annotations

from pathlib import Path

from app.new_shop_dialog import NewShopDialog, free_path
from forecasting.store.file import Shop
from forecasting.store.settings import load_settings


def test_creates_the_shop_file(qtbot: object, tmp_path: Path) -> None:
    dialog = NewShopDialog("de")
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    dialog.name.setText("Backstube Kiel")
    dialog.postal.setText("24103")
    dialog.path.setText(str(tmp_path / "kiel.bkshop"))
    dialog.accept()
    assert dialog.created == tmp_path / "kiel.bkshop"
    with Shop.open(dialog.created) as shop:
        settings = load_settings(shop)
    assert settings.name == "Backstube Kiel"
    assert settings.state == "SH"


def test_refuses_an_existing_file(qtbot: object, tmp_path: Path) -> None:
    existing = tmp_path / "mine.bkshop"
    existing.write_bytes(b"not touched")
    dialog = NewShopDialog("de")
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    dialog.name.setText("X")
    dialog.path.setText(str(existing))
    dialog.accept()
    assert dialog.created is None
    assert "gibt es schon" in dialog.error.text()
    assert existing.read_bytes() == b"not touched"
    assert free_path(existing) == tmp_path / "mine-2.bkshop"
