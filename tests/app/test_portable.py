"""Portable mode: with a marker file beside the program, settings (INI, no registry), shop files,
backups, model cache and logs all stay in the `data` folder beside it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from app import logfile, portable, preferences
from forecasting.models.persist import cache_root
from forecasting.operations.shop import default_shop_path
from forecasting.store import backups
from tests.app.conftest import REPO_ROOT

ENV_NAMES = (portable.PORTABLE_ENV, portable.DATA_ENV, portable.CACHE_ENV, logfile.LOG_DIR_ENV)


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    """The portable variables are put back as they were after the test."""
    for name in ENV_NAMES:
        # set first, so that monkeypatch records it and removes what activate() sets later
        monkeypatch.setenv(name, "")
        monkeypatch.delenv(name)
    return monkeypatch


def test_the_marker_is_looked_for_beside_the_program(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    assert portable.marked_dir([tmp_path]) is None
    (tmp_path / "portable.txt").write_text("", encoding="utf-8")
    assert portable.marked_dir([tmp_path / "elsewhere", tmp_path]) == tmp_path
    # the frozen program: beside the executable, and beside the .app on macOS
    exe = tmp_path / "Bestellkompass.app" / "Contents" / "MacOS" / "Bestellkompass"
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(exe))
    assert portable.program_dirs() == [exe.parent.resolve(), tmp_path.resolve()]
    assert portable.marked_dir() == tmp_path.resolve()


def test_without_a_marker_nothing_changes(tmp_path: Path, clean_env: pytest.MonkeyPatch) -> None:
    clean_env.setattr(sys, "argv", [str(tmp_path / "bestellkompass")])
    assert portable.activate_if_marked() is None
    assert portable.settings_file() is None
    assert preferences.app_settings().format() == QSettings.Format.NativeFormat


def test_activated_everything_goes_beside_the_program(tmp_path: Path,
                                                     clean_env: pytest.MonkeyPatch) -> None:
    stick = tmp_path / "stick"
    (stick / "bestellkompass-portable").parent.mkdir(parents=True)
    (stick / "bestellkompass-portable").write_text("", encoding="utf-8")
    clean_env.setattr(sys, "argv", [str(stick / "bestellkompass")])
    data = portable.activate_if_marked()
    assert data == stick.resolve() / "data"
    assert default_shop_path() == data / "shop.bkshop"
    assert backups.folders(tmp_path / "elsewhere.bkshop")[1].is_relative_to(data / "backups")
    assert cache_root() == data / "cache"
    assert logfile.log_dir() == data / "logs"

    settings = preferences.app_settings()
    assert settings.format() == QSettings.Format.IniFormat
    assert Path(settings.fileName()) == data / "settings" / "Bestellkompass.ini"
    shop = tmp_path / "mine.bkshop"
    shop.write_bytes(b"")
    preferences.remember_shop(shop)
    ini = (data / "settings" / "Bestellkompass.ini").read_text(encoding="utf-8")
    assert str(shop.resolve()) in ini
    native = QSettings("Bestellkompass", "Bestellkompass")
    assert str(shop.resolve()) not in str(native.value(preferences.RECENT_KEY, ""))
    assert preferences.recent_shops() == [shop.resolve()]


@pytest.mark.slow
def test_the_program_on_a_stick_writes_nothing_into_the_users_profile(tmp_path: Path) -> None:
    """A real start (the selftest: demo shop, forecast, window, PDF) from a folder with the
    marker: the data folder fills, the home folder stays empty of Bestellkompass."""
    stick = tmp_path / "stick"
    stick.mkdir()
    shutil.copy(REPO_ROOT / "packaging" / "entry.py", stick / "bestellkompass.py")
    (stick / "portable.txt").write_text("", encoding="utf-8")
    home = tmp_path / "home"
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("BESTELLKOMPASS_", "XDG_")) and k != "QT_QPA_PLATFORM"}
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / "data"),
               XDG_CONFIG_HOME=str(home / "config"), XDG_CACHE_HOME=str(home / "cache"),
               XDG_STATE_HOME=str(home / "state"))
    result = subprocess.run([sys.executable, str(stick / "bestellkompass.py"), "--selftest"],
                            cwd=tmp_path, env=env, capture_output=True, text=True, timeout=900,
                            check=False)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    data = stick / "data"
    assert (data / "demo" / "demo-bakery.bkshop").is_file()
    assert any((data / "logs").iterdir())  # crash.log at least (the log file on demand)
    assert any((data / "cache").rglob("*"))
    ours = [p for p in home.rglob("*") if "bestellkompass" in p.name.lower()]
    assert not ours, ours
