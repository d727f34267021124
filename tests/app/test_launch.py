"""`bestellkompass --screenshot DIR` renders every main screen of the real app to a PNG."""

from __future__ import annotations

import argparse
from pathlib import Path

from PySide6.QtGui import QImage

from app.launch import launch, resolve_shop_path
from tests.app.conftest import ORDER_DAY

SCREENS = ("order_sheet", "product_view", "calendar", "import_wizard", "settings",
           "restore_backup")


def test_screenshot_mode_renders_each_screen(qapp: object, planned_path: Path,
                                             tmp_path: Path) -> None:
    out = tmp_path / "shots"
    args = argparse.Namespace(shop=str(planned_path), lang="de", screenshot=str(out),
                              selftest=False, day=ORDER_DAY)
    assert launch(args) == 0
    for name in SCREENS:
        image = QImage(str(out / f"{name}.png"))
        assert not image.isNull(), name
        assert image.width() >= 600, name
        assert image.height() >= 400, name
        colours = {image.pixelColor(x, y).name() for x in range(0, image.width(), 40)
                   for y in range(0, image.height(), 40)}
        assert len(colours) > 3, f"{name} looks blank"


def test_explicit_shop_path_is_used(tmp_path: Path) -> None:
    path = tmp_path / "mine.bkshop"
    assert resolve_shop_path(str(path)) == path


def test_first_start_opens_the_demo_bakery(tmp_path: Path, monkeypatch: object) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))  # type: ignore[attr-defined]
    path = resolve_shop_path(None)
    assert path.name == "demo-bakery.bkshop"
    assert path.parent.name == "demo"
    assert str(tmp_path) in str(path)
    assert path.is_file()
    assert resolve_shop_path(None) == path  # the second start reuses it
