"""At most one window per shop file (issue 14): a second start brings the first window to the
front instead of opening the shop twice; a lock left by a killed program is taken over."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

from app.shop_lock import ShopLock

REPO = Path(__file__).resolve().parents[2]
ENV = dict(os.environ, QT_QPA_PLATFORM="offscreen")


def test_a_second_start_brings_the_first_window_forward(qtbot: object, planned_path: Path
                                                        ) -> None:
    first = ShopLock(planned_path)
    assert first.acquire()
    asked: list[str] = []
    first.serve(lambda: asked.append("show"))
    try:
        second = subprocess.Popen([sys.executable, "-m", "app", "--shop", str(planned_path)],
                                  cwd=REPO, env=ENV, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True)
        qtbot.waitUntil(lambda: asked == ["show"], timeout=60_000)  # type: ignore[attr-defined]
        _, err = second.communicate(timeout=60)
    finally:
        first.release()
    assert second.returncode == 0
    assert "schon" in err
    assert "geöffnet" in err
    assert "Traceback" not in err


def test_the_same_shop_cannot_be_claimed_twice(qapp: object, tmp_path: Path) -> None:
    shop = tmp_path / "laden.bkshop"
    first, second = ShopLock(shop), ShopLock(shop)
    assert first.acquire()
    assert not second.acquire()
    assert second.holder() is not None
    assert second.holder()[0] == os.getpid()
    first.release()
    assert second.acquire()
    second.release()


HOLD = """
import sys, time
from PySide6.QtCore import QCoreApplication
from app.shop_lock import ShopLock
app = QCoreApplication([])
lock = ShopLock(sys.argv[1])
assert lock.acquire()
print("locked", flush=True)
time.sleep(60)
"""


def test_the_lock_of_a_killed_window_is_taken_over(qapp: object, tmp_path: Path) -> None:
    shop = tmp_path / "laden.bkshop"
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(shop)], cwd=REPO, env=ENV,
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None
    assert holder.stdout.readline().strip() == "locked"
    assert not ShopLock(shop).acquire()
    holder.send_signal(signal.SIGKILL)
    holder.wait(timeout=10)
    holder.stdout.close()
    again = ShopLock(shop)
    assert again.acquire()
    again.release()


def test_opening_a_shop_held_by_another_window_keeps_the_current_one(
        qtbot: object, planned_path: Path, tmp_path: Path) -> None:
    from app.controller import AppController

    other = tmp_path / "anderer.bkshop"
    shutil.copy(planned_path, other)
    elsewhere = ShopLock(other)
    assert elsewhere.acquire()
    mine = ShopLock(planned_path)
    assert mine.acquire()
    controller = AppController(planned_path, lock=mine)
    try:
        assert not controller.open_shop(str(other))
        assert controller.session.path == planned_path
        assert "anderen Bestellkompass-Fenster" in controller.window.message.text()
        elsewhere.release()
        assert controller.open_shop(str(other))
        assert controller.session.path == other
        assert ShopLock(planned_path).acquire(), "the first shop is free again"
    finally:
        controller.session.runner.wait()
        controller.close()
