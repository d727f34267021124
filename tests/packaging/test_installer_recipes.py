"""packaging/windows (Inno Setup) and packaging/macos (.dmg): name and version wired through."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

PACKAGING = Path(__file__).resolve().parents[2] / "packaging"
ISS = PACKAGING / "windows" / "bestellkompass.iss"
PS1 = PACKAGING / "windows" / "build_setup.ps1"
DMG_SH = PACKAGING / "macos" / "build_dmg.sh"


def _section(text: str, name: str) -> str:
    match = re.search(rf"^\[{name}\]\n(.*?)(?=^\[|\Z)", text, re.S | re.M)
    assert match, f"[{name}] missing"
    return match.group(1)


def test_iss_takes_name_and_version_from_the_command_line() -> None:
    text = ISS.read_text(encoding="utf-8")
    for name in ("AppName", "AppVersion"):
        assert re.search(rf"#ifndef {name}\s+#error", text), f"{name} must be required"
    setup = _section(text, "Setup")
    assert "AppName={#AppName}" in setup
    assert "AppVersion={#AppVersion}" in setup
    assert "OutputBaseFilename={#AppName}-{#AppVersion}-Setup" in setup


def test_every_define_the_iss_needs_is_passed_by_the_windows_build_script() -> None:
    iss = ISS.read_text(encoding="utf-8")
    needed = set(re.findall(r"#ifndef (\w+)", iss))
    passed = set(re.findall(r'"/D(\w+)=', PS1.read_text(encoding="utf-8")))
    assert needed == {"AppName", "AppVersion", "AppExeName", "SourceDir", "OutputDir",
                      "SetupIcon"}
    assert needed == passed


def test_per_user_install_with_start_menu_entry_in_german_and_english() -> None:
    text = ISS.read_text(encoding="utf-8")
    setup = _section(text, "Setup")
    assert "PrivilegesRequired=lowest" in setup
    assert re.search(r"^AppId=\{\{[0-9A-F-]{36}\}$", setup, re.M)
    assert "Compression=lzma2" in setup
    languages = _section(text, "Languages")
    assert languages.index('"german"') < languages.index('"english"')  # German is the default
    assert "compiler:Languages\\German.isl" in languages
    assert '{autoprograms}\\{#AppName}"; Filename: "{app}\\{#AppExeName}"' in _section(
        text, "Icons")


def test_windows_build_script_uses_the_windowed_exe_and_runs_the_selftest() -> None:
    text = PS1.read_text(encoding="utf-8")
    assert "bundle_contents.py\") metadata" in text
    assert "-cli.exe\")) --selftest" in text
    assert "/DAppExeName=$($Meta['APP_DISPLAY_NAME']).exe" in text


def test_dmg_recipe_is_valid_bash_and_refuses_other_systems() -> None:
    subprocess.run(["bash", "-n", str(DMG_SH)], check=True)
    text = DMG_SH.read_text(encoding="utf-8")
    assert "hdiutil create" in text
    assert "build.sh" in text
    assert "--selftest" in text
    result = subprocess.run(["bash", str(DMG_SH)], capture_output=True, text=True, check=False)
    if subprocess.run(["uname", "-s"], capture_output=True, text=True).stdout.strip() != "Darwin":
        assert result.returncode == 2
        assert "needs macOS" in result.stderr
