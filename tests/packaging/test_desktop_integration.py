"""What makes the bundle feel installed: icons drawn from the SVG, the .bkshop file type on Windows
(Inno Setup), Linux (desktop entry, shared-mime-info) and macOS (Info.plist), the MSVC OpenMP
runtime on Windows, and the package metadata the About dialog reads."""

from __future__ import annotations

import configparser
import importlib.util
import os
import re
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest

from tests.packaging.conftest import PACKAGING, REPO_ROOT

ISS = PACKAGING / "windows" / "bestellkompass.iss"
LINUX = PACKAGING / "linux"


def _icons() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bk_icons", PACKAGING / "icons.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _section(text: str, name: str) -> str:
    match = re.search(rf"^\[{name}\]\n(.*?)(?=^\[|\Z)", text, re.S | re.M)
    assert match, f"[{name}] missing"
    return match.group(1)


# -- icons -----------------------------------------------------------------------------------
def test_icons_are_drawn_from_the_svg_with_every_size(tmp_path: Path) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QImage, QImageReader

    ico, icns = _icons().write_all(tmp_path)
    data = ico.read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    sizes = []
    for number in range(count):
        width, height, *_rest, length, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * number: 22 + 16 * number])
        assert width == height
        image = QImage.fromData(data[offset: offset + length], "PNG")
        assert image.width() == (width or 256)
        sizes.append(image.width())
    assert sizes == [16, 20, 24, 32, 40, 48, 64, 128, 256]
    reader = QImageReader(str(ico))  # Qt's own ICO reader agrees
    assert reader.imageCount() == count
    big = QImage.fromData(data[struct.unpack("<I", data[6 + 16 * 8 + 12: 6 + 16 * 8 + 16])[0]:],
                          "PNG")
    assert big.pixelColor(128, 128).alpha() == 255  # drawn, not blank
    assert big.pixelColor(0, 0).alpha() == 0  # the corners stay transparent

    blob = icns.read_bytes()
    assert blob[:4] == b"icns"
    assert struct.unpack(">I", blob[4:8])[0] == len(blob)
    position, found = 8, {}
    while position < len(blob):
        kind_code, length = blob[position: position + 4], struct.unpack(
            ">I", blob[position + 4: position + 8])[0]
        found[kind_code] = QImage.fromData(blob[position + 8: position + length], "PNG").width()
        position += length
    assert found[b"ic10"] == 1024
    assert found[b"icp4"] == 16
    assert found[b"ic07"] == 128


def test_the_spec_uses_the_drawn_icons_and_bundles_licence_metadata() -> None:
    spec = (PACKAGING / "bestellkompass.spec").read_text(encoding="utf-8")
    assert 'icons.write_all(SPEC_DIR / "build" / "icons")' in spec
    assert "runtime_distribution_names(META.name)" in spec
    assert '"CFBundleTypeExtensions": ["bkshop"]' in spec


def test_every_runtime_package_gets_its_metadata_into_the_bundle(contents: ModuleType) -> None:
    names = {name.lower().replace("_", "-") for name in contents.runtime_distribution_names()}
    assert {"bestellkompass", "pandas", "pyside6-essentials", "holidays", "lightgbm"} <= names
    assert "pyinstaller" not in names
    assert "pytest" not in names


# -- Windows ---------------------------------------------------------------------------------
def test_openmp_runtime_is_added_on_windows_unless_collected(contents: ModuleType,
                                                             tmp_path: Path) -> None:
    system = tmp_path / "System32"
    system.mkdir()
    (system / "vcomp140.dll").write_bytes(b"MZ")
    lightgbm = ("lightgbm/bin/lib_lightgbm.dll", "C:/x/lib_lightgbm.dll", "BINARY")
    assert contents.windows_runtime_dlls([lightgbm], system) == [
        ("vcomp140.dll", str(system / "vcomp140.dll"), "BINARY")]
    collected = ("VCOMP140.DLL", "C:/y/VCOMP140.DLL", "BINARY")
    assert contents.windows_runtime_dlls([lightgbm, collected], system) == []
    (system / "vcomp140.dll").unlink()
    with pytest.raises(SystemExit, match="Visual C\\+\\+ Redistributable"):
        contents.windows_runtime_dlls([lightgbm], system)


def test_setup_needs_windows_10_1809_installs_per_user_and_registers_bkshop() -> None:
    text = ISS.read_text(encoding="utf-8")
    setup = _section(text, "Setup")
    assert "MinVersion=10.0.17763" in setup
    assert "PrivilegesRequired=lowest" in setup
    assert "ChangesAssociations=yes" in setup
    registry = _section(text, "Registry")
    assert 'Subkey: "Software\\Classes\\.bkshop"; ValueType: string; ValueName: ""; ' \
           'ValueData: "{#ShopProgId}"; Flags: uninsdeletevalue' in registry
    assert 'ValueData: """{app}\\{#AppExeName}"" ""%1"""' in registry  # the path as argument
    assert all(line.startswith("Root: HKA;") for line in registry.splitlines()
               if line and not line.startswith(";"))  # per user, never HKLM


def test_uninstall_keeps_the_shop_files_and_says_where_they_are() -> None:
    text = ISS.read_text(encoding="utf-8")
    assert "[UninstallDelete]" not in text
    assert "{localappdata}" not in _section(text, "Files")
    code = _section(text, "Code")
    assert "usPostUninstall" in code
    assert "ExpandConstant('{localappdata}\\{#AppName}')" in code
    messages = _section(text, "CustomMessages")
    for language in ("german", "english"):
        assert re.search(rf"^{language}\.ShopFilesKept=.*%1", messages, re.M)
        assert re.search(rf"^{language}\.ShopFileType=", messages, re.M)


# -- Linux -----------------------------------------------------------------------------------
def test_desktop_entry_and_mime_type_agree() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(LINUX / "bestellkompass.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Exec"] == "bestellkompass %f"  # one file: the shop path argument
    assert desktop["Icon"] == "bestellkompass"
    mime = ET.parse(LINUX / "bestellkompass-mime.xml").getroot()
    namespace = "{http://www.freedesktop.org/standards/shared-mime-info}"
    kind = mime.find(f"{namespace}mime-type")
    assert kind is not None
    assert desktop["MimeType"] == kind.get("type") + ";"
    assert kind.find(f"{namespace}glob").get("pattern") == "*.bkshop"  # type: ignore[union-attr]
    inner = kind.find(f"{namespace}magic/{namespace}match/{namespace}match")
    from forecasting.store.schema import APPLICATION_ID

    assert int(inner.get("value"), 16) == APPLICATION_ID  # type: ignore[arg-type,union-attr]


@pytest.mark.skipif(not shutil.which("update-mime-database"), reason="no shared-mime-info")
def test_install_script_registers_the_real_program_and_uninstalls(tmp_path: Path) -> None:
    """install.sh run on a folder laid out like the unpacked bundle, whose `bestellkompass` is
    this checkout's real console script."""
    folder = tmp_path / "Bestellkompass entpackt"
    (folder / "share").mkdir(parents=True)
    shutil.copy(LINUX / "install.sh", folder / "install.sh")
    for name in ("bestellkompass.desktop", "bestellkompass-mime.xml"):
        shutil.copy(LINUX / name, folder / "share" / name)
    shutil.copy(REPO_ROOT / "resources" / "icons" / "bestellkompass.svg", folder / "share")
    (folder / "bestellkompass").symlink_to(Path(sys.executable).with_name("bestellkompass"))
    data, bin_dir = tmp_path / "data", tmp_path / "bin"
    env = dict(os.environ, XDG_DATA_HOME=str(data), BESTELLKOMPASS_BIN_DIR=str(bin_dir))
    subprocess.run(["bash", str(folder / "install.sh")], env=env, check=True,
                   capture_output=True, text=True)
    installed = (data / "applications" / "bestellkompass.desktop").read_text(encoding="utf-8")
    assert f'Exec="{folder}/bestellkompass" %f' in installed
    assert "*.bkshop" in (data / "mime" / "globs2").read_text(encoding="utf-8")
    assert (data / "icons" / "hicolor" / "scalable" / "apps" / "bestellkompass.svg").is_file()
    version = subprocess.run([str(bin_dir / "bestellkompass"), "--version"], env=env,
                             capture_output=True, text=True, check=True)
    assert version.stdout.startswith("bestellkompass ")
    shop_files = data / "Bestellkompass"
    shop_files.mkdir()
    (shop_files / "shop.bkshop").write_bytes(b"kept")
    subprocess.run(["bash", str(folder / "install.sh"), "--uninstall"], env=env, check=True,
                   capture_output=True)
    assert not (data / "applications" / "bestellkompass.desktop").exists()
    assert not (bin_dir / "bestellkompass").exists()
    assert (shop_files / "shop.bkshop").read_bytes() == b"kept"


def test_linux_scripts_are_shellcheck_clean() -> None:
    checker = shutil.which("shellcheck", path=str(Path(sys.executable).parent)) or shutil.which(
        "shellcheck")
    if checker is None:
        pytest.skip("shellcheck not installed")
    subprocess.run([checker, str(LINUX / "install.sh"), str(PACKAGING / "build.sh")], check=True)


# -- release workflow ------------------------------------------------------------------------
WORKFLOW = REPO_ROOT / ".github" / "workflows" / "release.yml"


def test_release_workflow_installs_and_selftests_on_each_system() -> None:
    text = WORKFLOW.read_text(encoding="utf-8")
    for runner in ("ubuntu-22.04", "windows-latest", "macos-latest"):
        assert f"runs-on: {runner}" in text
    assert "build_setup.ps1" in text
    assert "macos/build_dmg.sh" in text
    assert "packaging/build.sh --archive" in text
    # each job runs the selftest of the program as installed, not of the build folder
    assert '"$HOME/.local/bin/bestellkompass" --selftest' in text
    assert '(Join-Path $app "bestellkompass-cli.exe") --selftest' in text
    assert '"$HOME/Applications/Bestellkompass.app/Contents/MacOS/bestellkompass-cli" --selftest' \
        in text
    # signing only with the secrets
    assert "if: env.SIGN_CERT != ''" in text
    assert "if: env.NOTARY_APPLE_ID != '' && env.MACOS_SIGN_IDENTITY != ''" in text


@pytest.mark.skipif(not shutil.which("actionlint"), reason="actionlint not installed")
def test_release_workflow_passes_actionlint() -> None:
    subprocess.run([str(shutil.which("actionlint")), str(WORKFLOW)], check=True)
