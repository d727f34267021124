"""packaging/bundle_contents.py: what the PyInstaller spec puts into the bundle and leaves out."""

from __future__ import annotations

import ast
import shutil
import struct
import subprocess
import sys
import tomllib
from pathlib import Path
from types import ModuleType

import holidays
import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]


def _pyproject() -> dict:
    return tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def _bundled(pairs: list[tuple[str, str]], root: Path) -> set[str]:
    """Bundle paths (destination folder / file name) of (source, destination) pairs."""
    return {(Path(dest) / Path(src).name).as_posix() for src, dest in pairs}


def test_metadata_comes_from_pyproject(contents: ModuleType) -> None:
    meta = contents.app_metadata()
    assert (meta.name, meta.version) == (_pyproject()["name"], _pyproject()["version"])
    assert meta.display_name == "Bestellkompass"


def test_metadata_follows_a_changed_pyproject(contents: ModuleType, fake_repo: Path) -> None:
    assert contents.app_metadata(fake_repo).version == "9.8.7"
    assert contents.shell_metadata(contents.app_metadata(fake_repo)).splitlines() == [
        "APP_NAME=bestellkompass",
        "APP_DISPLAY_NAME=Bestellkompass",
        "APP_VERSION=9.8.7",
    ]


def test_translations_icons_and_calendar_attribution_are_bundled(
    contents: ModuleType, fake_repo: Path
) -> None:
    bundled = _bundled(contents.resource_datas(fake_repo), fake_repo)
    assert bundled == {
        "resources/locale/de/LC_MESSAGES/bestellkompass.mo",
        "resources/icons/bestellkompass.svg",
        "resources/icons/bestellkompass.ico",
        "resources/calendar/ATTRIBUTION.md",
        "resources/calendar/school_holidays/BY.json",
        "resources/calendar/school_holidays/LICENSE-ODbL.txt",
        "resources/calendar/climate/normals.csv",
    }


def test_every_runtime_resource_of_the_repo_is_bundled(contents: ModuleType) -> None:
    res = REPO_ROOT / "resources"
    expected = {
        p.relative_to(REPO_ROOT).as_posix()
        for p in [
            *res.glob("locale/*/LC_MESSAGES/*.mo"),
            *(f for f in res.glob("icons/**/*") if f.is_file()),
            *(f for f in res.glob("calendar/**/*") if f.is_file()),
            *res.glob("licenses/*"),  # the About dialog reads them
        ]
        if not p.name.startswith(".") and p.suffix not in (".py", ".pyc") and
        "__pycache__" not in p.parts
    }
    bundled = _bundled(contents.resource_datas(), REPO_ROOT)
    assert expected <= bundled
    assert not {b for b in bundled if b.endswith((".po", ".py"))}


def test_the_german_translation_exists_for_the_bundle(contents: ModuleType) -> None:
    bundled = _bundled(contents.resource_datas(), REPO_ROOT)
    assert "resources/locale/de/LC_MESSAGES/bestellkompass.mo" in bundled  # window, core, CLI
    assert "resources/locale/de/LC_MESSAGES/bestellkompass.po" not in bundled


def test_calendar_data_without_attribution_is_reported(
    contents: ModuleType, fake_repo: Path
) -> None:
    assert contents.missing_attributions(fake_repo) == []
    (fake_repo / "resources" / "calendar" / "ATTRIBUTION.md").unlink()
    assert contents.missing_attributions(fake_repo) == ["resources/calendar/climate/normals.csv"]


def test_the_repo_calendar_data_carries_its_attribution(contents: ModuleType) -> None:
    assert contents.missing_attributions() == []


def test_holidays_translations_of_germany_are_found(contents: ModuleType) -> None:
    site = Path(holidays.__file__).resolve().parents[1]
    bundled = _bundled(contents.holidays_datas(site), site)
    assert {
        "holidays/locale/de/LC_MESSAGES/DE.mo",
        "holidays/locale/en_US/LC_MESSAGES/DE.mo",
    } <= bundled
    assert all(path.endswith("/DE.mo") for path in bundled)


def test_lightgbm_version_file_is_collected(contents: ModuleType) -> None:
    assert [(Path(src).name, dest) for src, dest in contents.library_datas()] == [
        ("VERSION.txt", "lightgbm")
    ]


def test_hidden_imports_cover_every_subcommand_and_germany(contents: ModuleType) -> None:
    from app.cli import COMMANDS

    hidden = set(contents.hidden_imports())
    assert {module for module, _help in COMMANDS.values()} <= hidden
    assert {"app.selftest", "app.launch", "holidays.countries.germany"} <= hidden


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("PySide6/Qt/translations/qtbase_de.qm", True),
        ("PySide6/Qt/translations/qt_en.qm", True),
        ("PySide6/Qt/translations/qtbase_fr.qm", False),
        ("PySide6/Qt/translations/qt_help_zh_CN.qm", False),
        ("resources/locale/de/LC_MESSAGES/bestellkompass.mo", True),
        ("scipy/stats/tests/data/table.csv", False),
        ("resources/calendar/ATTRIBUTION.md", True),
    ],
)
def test_data_filter(contents: ModuleType, dest: str, kept: bool) -> None:
    assert contents.keep_data_file(dest) is kept


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", True),
        ("PySide6/Qt/plugins/platforms/qwindows.dll", True),
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
        ("PySide6/Qt/plugins/imageformats/libqsvg.so", True),
        ("PySide6/Qt/plugins/imageformats/libqtiff.so", False),
        ("PySide6/Qt/plugins/printsupport/libcupsprintersupport.so", True),
        ("PySide6/Qt/lib/libQt6Quick.so.6", False),
        ("PySide6/Qt/lib/libQt6Widgets.so.6", True),
        ("lightgbm/lib/lib_lightgbm.so", True),
    ],
)
def test_binary_filter(contents: ModuleType, dest: str, kept: bool) -> None:
    assert contents.keep_binary(dest) is kept


def test_test_packages_are_left_out_but_numpy_testing_stays(contents: ModuleType) -> None:
    assert not contents.keep_module("pandas.tests.frame.test_api")
    assert not contents.keep_module("scipy.stats.tests")
    assert contents.keep_module("numpy.testing")  # scipy and statsmodels import it
    assert contents.keep_module("forecasting.models.ets")


def _qt_modules_imported_by(package: str) -> set[str]:
    names: set[str] = set()
    for path in (REPO_ROOT / package).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                if node.module == "PySide6":
                    names |= {f"PySide6.{alias.name}" for alias in node.names}
                elif node.module.startswith("PySide6."):
                    names.add(".".join(node.module.split(".")[:2]))
            elif isinstance(node, ast.Import):
                names |= {
                    ".".join(a.name.split(".")[:2]) for a in node.names
                    if a.name.startswith("PySide6.")
                }
    return names


def test_no_qt_module_the_app_imports_is_excluded(contents: ModuleType) -> None:
    used = _qt_modules_imported_by("app")
    assert {"PySide6.QtCore", "PySide6.QtWidgets"} <= used
    assert not used & set(contents.EXCLUDES)
    assert used <= {f"PySide6.{name}" for name in contents.QT_MODULES_KEPT}


def test_unused_toolkits_and_dev_tools_are_excluded(contents: ModuleType) -> None:
    excluded = set(contents.EXCLUDES)
    assert {"tkinter", "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtNetwork",
            "PySide6.QtWebEngineCore", "PySide6.QtMultimedia", "pytest"} <= excluded
    # statsmodels' ETS needs scipy.optimize/stats/linalg/signal: never exclude those
    assert not {m for m in excluded if m.split(".")[0] == "scipy" and
                m.split(".")[1] in ("optimize", "stats", "linalg", "signal", "special")}


def test_pruning_keeps_what_kept_libraries_link_against(contents: ModuleType) -> None:
    links = {
        "/src/_multiarray.so": {"libopenblas.so"},
        "/src/libqxcb.so": {"libQt6XcbQpa.so.6"},
        "/src/libQt6XcbQpa.so.6": {"libxcb.so.1"},
        "/src/libcairo.so.2": {"libpixman.so"},
    }
    binaries = [
        ("numpy/_core/_multiarray.so", "/src/_multiarray.so", "EXTENSION"),
        ("numpy.libs/libopenblas.so", "/src/libopenblas.so", "BINARY"),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/src/libqxcb.so", "BINARY"),
        ("PySide6/Qt/lib/libQt6XcbQpa.so.6", "/src/libQt6XcbQpa.so.6", "BINARY"),
        ("libxcb.so.1", "/src/libxcb.so.1", "BINARY"),
        ("libcairo.so.2", "/src/libcairo.so.2", "BINARY"),  # only the dropped GTK theme used it
        ("libpixman.so", "/src/libpixman.so", "BINARY"),
        ("libpython3.11.so.1.0", "/src/libpython3.11.so.1.0", "BINARY"),
    ]
    kept = contents.prune_unreachable(binaries, lambda src: links.get(src, set()))
    assert [dest for dest, _src, _kind in kept] == [
        "numpy/_core/_multiarray.so", "numpy.libs/libopenblas.so",
        "PySide6/Qt/plugins/platforms/libqxcb.so", "PySide6/Qt/lib/libQt6XcbQpa.so.6",
        "libxcb.so.1", "libpython3.11.so.1.0",
    ]


def test_symlinks_to_dropped_libraries_are_dropped(contents: ModuleType) -> None:
    entries = [
        ("libQt6Gui.so.6", "PySide6/Qt/lib/libQt6Gui.so.6", "SYMLINK"),
        ("libQt6Network.so.6", "PySide6/Qt/lib/libQt6Network.so.6", "SYMLINK"),
        ("PySide6/Qt/lib/libQt6Gui.so.6", "/src/libQt6Gui.so.6", "BINARY"),
    ]
    kept = contents.drop_dangling_symlinks(entries, {"PySide6/Qt/lib/libQt6Gui.so.6"})
    assert [dest for dest, _s, _k in kept] == ["libQt6Gui.so.6", "PySide6/Qt/lib/libQt6Gui.so.6"]


def _wheel_library(package: str, pattern: str) -> Path:
    """A shared library shipped in an installed wheel (a real file to check the ELF code on)."""
    import importlib

    root = Path(importlib.import_module(package).__file__).parent
    found = sorted(root.glob(pattern))
    assert found, f"no {pattern} in {root}"
    return found[0]


def test_needed_libraries_are_the_direct_links_of_a_real_library(contents: ModuleType) -> None:
    cups_plugin = _wheel_library("PySide6", "Qt/plugins/printsupport/libcupsprintersupport.so")
    needed = contents.needed_libraries(cups_plugin.read_bytes())
    assert "libcups.so.2" in needed
    assert "libQt6PrintSupport.so.6" in needed
    assert "libgnutls.so.30" not in needed  # only libcups links it: ldd would list it too
    assert "libgomp.so.1" in contents.needed_libraries(
        _wheel_library("lightgbm", "lib/lib_lightgbm.so").read_bytes())
    with pytest.raises(ValueError, match="not a 64-bit little-endian ELF"):
        contents.needed_libraries(b"#!/bin/sh\n")


@pytest.mark.parametrize(
    ("dest", "system"),
    [
        ("libstdc++.so.6", True),
        ("libfontconfig.so.1", True),
        ("libcups.so.2", True),
        ("libxkbcommon.so.0", False),
        ("libpython3.11.so.1.0", False),
        ("numpy.libs/libgfortran-040039e1.so.5.0.0", False),
        ("PySide6/Qt/lib/libQt6Core.so.6", False),
        ("lightgbm/lib/libz.so.1", False),  # only top-level copies are system libraries
    ],
)
def test_system_libraries_are_left_to_the_system(
    contents: ModuleType, dest: str, system: bool
) -> None:
    assert contents.from_system(dest) is system


def test_a_second_identical_copy_becomes_a_symlink(contents: ModuleType) -> None:
    digests = {"/n/libgfortran.so.5": "aa", "/s/libgfortran.so.5": "aa", "/s/libquad.so": "bb",
               "/n/libquad.so": "cc", "/s/other/libgfortran.so.5": "dd"}
    binaries = [
        ("numpy.libs/libgfortran.so.5", "/n/libgfortran.so.5", "BINARY"),
        ("numpy.libs/libquad.so", "/n/libquad.so", "BINARY"),
        ("scipy.libs/libgfortran.so.5", "/s/libgfortran.so.5", "BINARY"),
        ("scipy.libs/libquad.so", "/s/libquad.so", "BINARY"),  # same name, other content
        ("scipy/x/libgfortran.so.5", "/s/other/libgfortran.so.5", "BINARY"),
        ("libgfortran.so.5", "numpy.libs/libgfortran.so.5", "SYMLINK"),
    ]
    linked = contents.link_duplicates(binaries, digests.__getitem__)
    assert linked[2] == ("scipy.libs/libgfortran.so.5", "../numpy.libs/libgfortran.so.5",
                         "SYMLINK")
    assert linked[:2] == binaries[:2]
    assert linked[3:] == binaries[3:]
    files = {d for d, _s, k in linked if k != "SYMLINK"}
    assert contents.drop_dangling_symlinks(linked, files) == linked


def _strip(source: Path, target: Path) -> bytes:
    if shutil.which("strip") is None:
        pytest.skip("needs strip (binutils), as the Linux build does")
    subprocess.run(["strip", "--strip-unneeded", "-o", str(target), str(source)], check=True)
    return target.read_bytes()


def test_stripping_an_unpatched_library_is_accepted(contents: ModuleType, tmp_path: Path) -> None:
    source = _wheel_library("pandas", "_libs/hashtable.cpython-*.so")
    original = source.read_bytes()
    stripped = _strip(source, tmp_path / "hashtable.so")
    assert contents.stripped_safely(original, stripped)
    # the same file with one loadable segment moved off its page alignment is refused
    headers = contents._program_headers(stripped)
    index = next(i for i, h in enumerate(headers) if h[0] == 1 and h[1] > 0)
    (phoff,) = struct.unpack_from("<Q", stripped, 0x20)
    (entry_size,) = struct.unpack_from("<H", stripped, 0x36)
    broken = bytearray(stripped)
    struct.pack_into("<Q", broken, phoff + index * entry_size + 8, headers[index][1] + 8)
    assert not contents.stripped_safely(original, bytes(broken))


def test_stripping_a_patchelf_edited_library_is_refused(
    contents: ModuleType, tmp_path: Path
) -> None:
    """auditwheel edits scipy's Fortran wrappers with patchelf; strip then breaks them."""
    source = _wheel_library("scipy", "linalg/_flapack.cpython-*.so")
    original = source.read_bytes()
    assert not contents.stripped_safely(original, _strip(source, tmp_path / "flapack.so"))
    assert contents.stripped_safely(original, original)


def test_command_line_prints_metadata_and_the_packaging_extra() -> None:
    script = REPO_ROOT / "packaging" / "bundle_contents.py"
    meta = subprocess.run([sys.executable, str(script), "metadata"], capture_output=True,
                          text=True, check=True).stdout
    assert f"APP_VERSION={_pyproject()['version']}" in meta.splitlines()
    extra = subprocess.run([sys.executable, str(script), "packaging-requirements"],
                           capture_output=True, text=True, check=True).stdout.split()
    assert extra == _pyproject()["optional-dependencies"]["packaging"]
    assert any(req.lower().startswith("pyinstaller") for req in extra)
    bad = subprocess.run([sys.executable, str(script), "nonsense"], capture_output=True,
                         text=True, check=False)
    assert bad.returncode == 2


IMPORT_EVERYTHING = """
import importlib, json, os, pkgutil, sys
from app.cli import main
code = main(["--selftest"])
for package in ("app", "forecasting", "calendars"):
    module = importlib.import_module(package)
    for info in pkgutil.walk_packages(module.__path__, package + "."):
        if not info.name.endswith("__main__"):
            importlib.import_module(info.name)
json.dump(sorted(sys.modules), open(os.environ["BK_MODULES_JSON"], "w", encoding="utf-8"))
sys.exit(code)
"""


@pytest.mark.slow
def test_a_real_start_imports_nothing_the_bundle_leaves_out(
    contents: ModuleType, tmp_path: Path
) -> None:
    """Run the selftest from source, import every module of ours, and check what got loaded."""
    import json
    import os

    dump = tmp_path / "modules.json"
    env = dict(os.environ, HOME=str(tmp_path), XDG_DATA_HOME=str(tmp_path / "data"),
               XDG_CONFIG_HOME=str(tmp_path / "config"), BK_MODULES_JSON=str(dump))
    result = subprocess.run([sys.executable, "-c", IMPORT_EVERYTHING], cwd=REPO_ROOT,
                            env=env, capture_output=True, text=True, timeout=900, check=False)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    loaded = json.loads(dump.read_text(encoding="utf-8"))
    excluded = [m for m in loaded
                if any(m == e or m.startswith(e + ".") for e in contents.EXCLUDES)
                and m not in contents.OPTIONAL_IMPORTS]
    assert excluded == []
    assert [m for m in loaded if not contents.keep_module(m)] == []
