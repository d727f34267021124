"""Issue 15: on a fresh Debian desktop the app did not start until libxcb-cursor0 was installed, and
Qt said "reinstalling the application may fix this problem". The launcher now names what is
missing before Qt gives up."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.system_libraries import PACKAGES, missing_libraries, packages_for, uses_xcb, xcb_plugin

REPO = Path(__file__).resolve().parents[2]


def _start_on_x11(tmp_path: Path, lang: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "DISPLAY": ":0"}
    env.pop("WAYLAND_DISPLAY", None)
    shop = tmp_path / "laden.bkshop"
    return subprocess.run([sys.executable, "-m", "app", "--lang", lang, "--shop", str(shop)],
                          cwd=REPO, env=env, capture_output=True, text=True, timeout=120,
                          check=False)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the xcb plugin is Linux's")
def test_missing_x11_libraries_are_named_with_their_packages(tmp_path: Path) -> None:
    missing = missing_libraries()
    if not missing:
        pytest.skip("this machine has every library the xcb plugin needs")
    run = _start_on_x11(tmp_path, "de")
    assert run.returncode == 2
    assert "Reinstalling" not in run.stderr
    assert "Bestellkompass kann kein Fenster öffnen" in run.stderr
    for library in missing:
        assert library in run.stderr
    assert "sudo apt install " + " ".join(packages_for(missing)) in run.stderr
    assert not (tmp_path / "laden.bkshop").exists()
    english = _start_on_x11(tmp_path, "en")
    assert "cannot open its window" in english.stderr


def test_what_ldd_cannot_find_is_what_is_reported() -> None:
    plugin = xcb_plugin()
    if plugin is None or not sys.platform.startswith("linux"):
        pytest.skip("no xcb plugin here")
    ldd = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True, check=False).stdout
    unresolved = {line.split()[0] for line in ldd.splitlines() if "not found" in line}
    assert unresolved <= set(missing_libraries())
    assert all(lib in PACKAGES for lib in unresolved)  # each gets its package named


def test_only_an_x11_start_is_checked() -> None:
    assert uses_xcb({"QT_QPA_PLATFORM": "xcb"}) == sys.platform.startswith("linux")
    assert not uses_xcb({"QT_QPA_PLATFORM": "offscreen", "DISPLAY": ":0"})
    assert not uses_xcb({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"})
    assert packages_for(["libxcb-cursor.so.0", "libxcb-icccm.so.4"]) == ["libxcb-cursor0",
                                                                          "libxcb-icccm4"]
