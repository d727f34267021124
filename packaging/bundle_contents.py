"""What goes into the Bestellkompass bundle, kept apart from the .spec so tests can check it.

`bestellkompass.spec` loads this file by path (the folder is not a Python package: its name
would shadow the `packaging` library). Every function here is plain Python without PyInstaller,
except `hidden_imports` and `library_datas`, which ask PyInstaller's hook helpers.
"""

from __future__ import annotations

import fnmatch
import os
import re
import shlex
import struct
import sys
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]

# Resource files the app reads at run time, relative to resources/. Sources (.po) and Python files
# stay out; every file under calendar/ goes in, so attributions travel with the data they cover.
RESOURCE_PATTERNS: tuple[str, ...] = (
    "locale/*/LC_MESSAGES/*.mo",  # every translated word: window, core and command line
    "icons/**/*",
    "calendar/**/*",
    "demo/**/*",
    "licenses/*",  # the About dialog shows them (LGPL/GPL texts, data sources)
)
RESOURCE_SKIP: tuple[str, ...] = ("*.py", "*.pyc", "*.po", "*.pot", "__pycache__", ".*")

# Files that must be beside bundled third-party data under any licence that asks for it.
ATTRIBUTION_NAMES: tuple[str, ...] = ("ATTRIBUTION*", "LICENSE*", "LICENCE*", "SOURCE*", "NOTICE*")

# The Qt modules the app and pyqtgraph actually need (PySide6-Essentials only).
# pyqtgraph's PlotCurveItem imports QtOpenGL and QtOpenGLWidgets unconditionally.
QT_MODULES_KEPT: tuple[str, ...] = (
    "QtCore", "QtGui", "QtWidgets", "QtPrintSupport", "QtSvg", "QtOpenGL", "QtOpenGLWidgets",
)

# Python modules left out of the bundle. PyInstaller drops their submodules too.
QT_EXCLUDES: tuple[str, ...] = tuple(
    f"PySide6.{name}"
    for name in (
        "Qt3DAnimation", "Qt3DCore", "Qt3DExtras", "Qt3DInput", "Qt3DLogic", "Qt3DRender",
        "QtBluetooth", "QtCharts", "QtConcurrent", "QtDBus", "QtDataVisualization", "QtDesigner",
        "QtGraphs", "QtGraphsWidgets", "QtHelp", "QtHttpServer", "QtLabsStyleKit", "QtLocation",
        "QtMultimedia", "QtMultimediaWidgets", "QtNetwork", "QtNetworkAuth", "QtNfc", "QtPdf",
        "QtPdfWidgets", "QtPositioning", "QtQml", "QtQmlFeatures",
        "QtQuick", "QtQuick3D", "QtQuickControls2", "QtQuickTest", "QtQuickWidgets",
        "QtRemoteObjects", "QtScxml", "QtSensors", "QtSerialBus", "QtSerialPort",
        "QtSpatialAudio", "QtSql", "QtStateMachine", "QtSvgWidgets", "QtTest", "QtTextToSpeech",
        "QtUiTools", "QtWebChannel", "QtWebEngineCore", "QtWebEngineQuick",
        "QtWebEngineWidgets", "QtWebSockets", "QtWebView", "QtXml",
    )
)  # fmt: skip
OTHER_EXCLUDES: tuple[str, ...] = (
    # other Qt bindings and GUI toolkits
    "PyQt5", "PyQt6", "PySide2", "tkinter", "_tkinter", "turtle", "turtledemo",
    # test and development tools that are installed beside the app in a dev venv
    "pytest", "_pytest", "pytestqt", "hypothesis", "importlinter", "grimp", "ruff", "mypy",
    "IPython", "jedi", "parso", "matplotlib", "matplotlib_inline", "jinja2", "notebook",
    "PyInstaller", "setuptools", "pip", "wheel", "pydoc_data", "lib2to3", "idlelib",
    "readline",  # line editing for an interactive prompt (pdb, REPL); drops libreadline
    # optional parts of libraries the app does not call
    "pyqtgraph.examples", "pyqtgraph.opengl", "pyqtgraph.jupyter", "pyqtgraph.canvas",
    "pandas.plotting._matplotlib", "pandas.io.clipboard", "pandas.io.formats.style",
    # (statsmodels.graphics stays: statsmodels.emplike imports it on the way to ETS)
    "statsmodels.datasets", "statsmodels.sandbox",
    "scipy.datasets", "scipy.misc", "numba", "dask", "pyarrow", "sqlalchemy", "sklearn",
)  # fmt: skip
EXCLUDES: tuple[str, ...] = QT_EXCLUDES + OTHER_EXCLUDES
# Excluded modules that libraries import inside try/except and do without (pyqtgraph's QtTest
# helpers), so a source run loads them but the bundle does not need them.
OPTIONAL_IMPORTS: tuple[str, ...] = ("PySide6.QtTest",)

# Qt's own translations: only the languages the app offers.
QT_TRANSLATION_LANGUAGES: tuple[str, ...] = ("de", "en")

_QT_TRANSLATION = re.compile(r"qt\w*?_(?P<lang>[a-z]{2,3})(_[A-Z]{2})?\.qm")

# Shared libraries of Qt modules that no kept module links against, and Qt plugins a desktop app
# never loads (embedded-display platforms, the GTK theme with its GTK/cairo/pango stack, input
# devices for framebuffers, image formats we do not read); matched against the bundle path.
QT_LIBRARY_EXCLUDES: tuple[str, ...] = (
    "*Qt6Quick*", "*Qt6Qml*", "*Qt6Designer*", "*Qt6WebEngine*", "*Qt6Multimedia*", "*Qt63D*",
    "*Qt6Pdf*", "*Qt6LabsStyleKit*", "*Qt6Test*", "*Qt6Help*", "*Qt6Sql*", "*Qt6Lottie*",
    "*Qt6VirtualKeyboard*",
    "*/plugins/platforms/*eglfs*", "*/plugins/platforms/*linuxfb*", "*/plugins/platforms/*vnc*",
    "*/plugins/platforms/*minimalegl*", "*/plugins/platforms/*vkkhrdisplay*",
    "*/plugins/egldeviceintegrations/*", "*/plugins/platformthemes/*gtk3*", "*/plugins/generic/*",
    "*/plugins/imageformats/*tiff*", "*/plugins/imageformats/*webp*",
    "*/plugins/imageformats/*tga*", "*/plugins/imageformats/*wbmp*",
    "*/plugins/wayland-graphics-integration-client/*-server*",
    "*/plugins/qmltooling/*", "*/plugins/sqldrivers/*", "*/plugins/tls/*",
    "*/plugins/networkinformation/*", "*/plugins/designer/*", "*/plugins/vectorimageformats/*",
)  # fmt: skip

# Linux libraries the bundle takes from the running system instead of carrying them (sonames).
# The desktop must provide them anyway and they must match it: the C++ runtime (a bundled older
# one breaks the system's OpenGL drivers), fonts (fontconfig must read the system's font
# configuration), X11 and D-Bus clients, GLib, zlib, the p11-kit module registry, and CUPS (the
# print dialog talks to the system's print server; without CUPS Qt offers PDF output only).
# The list follows linuxdeployqt's excludelist (AppImage), plus CUPS and D-Bus. What only these
# libraries linked against (GnuTLS, Kerberos, Avahi, systemd, ...) is then pruned.
SYSTEM_LIBRARIES: tuple[str, ...] = (
    "libstdc++.so.6", "libgcc_s.so.1", "libz.so.1", "libexpat.so.1", "libuuid.so.1",
    "libfontconfig.so.1", "libfreetype.so.6", "libX11.so.6", "libxcb.so.1",
    "libglib-2.0.so.0", "libgthread-2.0.so.0", "libgpg-error.so.0", "libcom_err.so.2",
    "libp11-kit.so.0", "libcups.so.2", "libdbus-1.so.3",
)  # fmt: skip


@dataclass(frozen=True)
class AppMetadata:
    """Name and version of the app as the installers show them."""

    name: str  # distribution and executable name, e.g. "bestellkompass"
    display_name: str  # shown in menus and the installer, e.g. "Bestellkompass"
    version: str
    description: str


def app_metadata(repo_root: Path = REPO_ROOT) -> AppMetadata:
    """Read name and version from pyproject.toml, the single source of both."""
    project = tomllib.loads((repo_root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    name = str(project["name"])
    return AppMetadata(
        name=name,
        display_name=name[:1].upper() + name[1:],
        version=str(project["version"]),
        description=str(project.get("description", "")),
    )


def _skipped(relative: Path) -> bool:
    return any(
        fnmatch.fnmatch(part, pattern) for part in relative.parts for pattern in RESOURCE_SKIP
    )


def resource_datas(repo_root: Path = REPO_ROOT) -> list[tuple[str, str]]:
    """(source file, destination folder in the bundle) pairs for resources/, one per file."""
    resources = repo_root / "resources"
    files: set[Path] = set()
    for pattern in RESOURCE_PATTERNS:
        files.update(path for path in resources.glob(pattern) if path.is_file())
    pairs = []
    for path in sorted(files):
        relative = path.relative_to(resources)
        if _skipped(relative):
            continue
        pairs.append((str(path), str(Path("resources") / relative.parent)))
    return pairs


def _is_attribution(path: Path) -> bool:
    return any(fnmatch.fnmatch(path.name.upper(), pattern) for pattern in ATTRIBUTION_NAMES)


def missing_attributions(repo_root: Path = REPO_ROOT) -> list[str]:
    """Folders under resources/calendar with data but no attribution file there or above."""
    calendar = repo_root / "resources" / "calendar"
    covered: set[Path] = {
        p.parent for p in calendar.rglob("*") if p.is_file() and _is_attribution(p)
    }
    missing = []
    for path in sorted(calendar.rglob("*")):
        if not path.is_file() or _skipped(path.relative_to(calendar)) or _is_attribution(path):
            continue
        folders = [path.parent, *path.parent.parents]
        if not any(folder in covered for folder in folders[: folders.index(calendar) + 1]):
            missing.append(str(path.relative_to(repo_root)))
    return missing


def holidays_datas(site_dir: Path, country: str = "DE") -> list[tuple[str, str]]:
    """The `holidays` translations (.mo) of one country, which gettext loads by path."""
    locale = site_dir / "holidays" / "locale"
    return [
        (str(mo), str(Path("holidays") / "locale" / mo.parent.relative_to(locale)))
        for mo in sorted(locale.glob(f"*/LC_MESSAGES/{country}.mo"))
    ]


def library_datas() -> list[tuple[str, str]]:
    """Data files libraries read next to their code that no PyInstaller hook collects."""
    from PyInstaller.utils.hooks import collect_data_files

    # lightgbm/__init__.py reads its __version__ from VERSION.txt (saved models record it).
    return collect_data_files("lightgbm", includes=["VERSION.txt"])


def hidden_imports() -> list[str]:
    """Modules imported by name at run time, which PyInstaller's analysis cannot see."""
    from PyInstaller.utils.hooks import collect_submodules

    modules = []
    # app/cli.py imports each subcommand by name; collect all our own modules.
    for package in ("app", "forecasting", "calendars"):
        modules += collect_submodules(package)
    # holidays loads country modules lazily by name (holidays.registry).
    modules += ["holidays.countries.germany", "holidays.countries", "holidays.registry"]
    return modules


def keep_data_file(dest: str) -> bool:
    """False for bundled data the app never reads (tests, Qt translations of other languages)."""
    parts = Path(dest).parts
    if "tests" in parts or "__pycache__" in parts:
        return False
    name = parts[-1] if parts else ""
    match = _QT_TRANSLATION.fullmatch(name)
    if "translations" in parts and match:
        return match.group("lang") in QT_TRANSLATION_LANGUAGES
    return True


def keep_binary(dest: str) -> bool:
    """False for shared libraries of Qt modules and Qt plugins the app leaves out."""
    path = "/" + Path(dest).as_posix()
    return not any(fnmatch.fnmatch(path, pattern) for pattern in QT_LIBRARY_EXCLUDES)


def _is_dependency_only(dest: str) -> bool:
    """Libraries that are in the bundle only because another library links against them."""
    path = Path(dest)
    if path.name.startswith("libpython"):
        return False  # the bootloader loads it
    parent = path.parent.as_posix()
    return parent == "." or parent == "PySide6/Qt/lib" or parent.endswith(".libs")


def prune_unreachable(
    binaries: list[tuple[str, str, str]], needed: Callable[[str], set[str]]
) -> list[tuple[str, str, str]]:
    """Drop linked-only libraries that nothing kept links against any more (Linux sonames).

    Roots are extension modules, Qt plugins and libraries loaded with ctypes (everything that is
    not a pure dependency); `needed(src)` gives the sonames one file links against.
    """
    files = [entry for entry in binaries if entry[2] != "SYMLINK"]
    by_name = {Path(dest).name: (dest, src, kind) for dest, src, kind in files}
    reachable: set[str] = set()
    queue = [src for dest, src, _kind in files if not _is_dependency_only(dest)]
    seen_sources: set[str] = set()
    while queue:
        src = queue.pop()
        if src in seen_sources:
            continue
        seen_sources.add(src)
        for name in needed(src):
            if name in by_name and name not in reachable:
                reachable.add(name)
                queue.append(by_name[name][1])
    return [
        entry for entry in binaries
        if entry[2] == "SYMLINK" or not _is_dependency_only(entry[0])
        or Path(entry[0]).name in reachable
    ]


def drop_dangling_symlinks(
    entries: list[tuple[str, str, str]], files: set[str]
) -> list[tuple[str, str, str]]:
    """Drop SYMLINK entries whose target (relative to the link) is not among `files`."""
    kept = []
    for dest, src, kind in entries:
        if kind == "SYMLINK":
            target = os.path.normpath(os.path.join(os.path.dirname(dest), src))
            if Path(target).as_posix() not in files:
                continue
        kept.append((dest, src, kind))
    return kept


def from_system(dest: str) -> bool:
    """True for a library the bundle leaves to the running system (see SYSTEM_LIBRARIES)."""
    path = Path(dest)
    return path.parent.as_posix() == "." and path.name in SYSTEM_LIBRARIES


def link_duplicates(
    binaries: list[tuple[str, str, str]], digest: Callable[[str], str]
) -> list[tuple[str, str, str]]:
    """Turn a second copy of the same library (same name and content) into a symlink to the first.

    numpy.libs and scipy.libs carry the identical libgfortran and libquadmath, for instance.
    """
    first: dict[tuple[str, str], str] = {}
    result = []
    for dest, src, kind in binaries:
        if kind != "SYMLINK":
            key = (Path(dest).name, digest(src))
            if key in first:
                target = os.path.relpath(first[key], os.path.dirname(dest) or ".")
                result.append((dest, Path(target).as_posix(), "SYMLINK"))
                continue
            first[key] = dest
        result.append((dest, src, kind))
    return result


def _program_headers(elf: bytes) -> list[tuple[int, int, int, int, int, int]]:
    """(type, offset, vaddr, filesz, memsz, align) per segment of a 64-bit little-endian ELF."""
    if elf[:4] != b"\x7fELF" or elf[4:6] != b"\x02\x01":
        raise ValueError("not a 64-bit little-endian ELF file")
    try:
        (phoff,) = struct.unpack_from("<Q", elf, 0x20)
        entry_size, count = struct.unpack_from("<HH", elf, 0x36)
        return [
            (kind, offset, vaddr, filesz, memsz, align)
            for kind, _flags, offset, vaddr, _paddr, filesz, memsz, align in (
                struct.unpack_from("<IIQQQQQQ", elf, phoff + i * entry_size) for i in range(count)
            )
        ]
    except struct.error as exc:
        raise ValueError(f"truncated ELF file: {exc}") from exc


_PT_LOAD, _PT_DYNAMIC = 1, 2


def needed_libraries(elf: bytes) -> list[str]:
    """The sonames an ELF file links against directly (DT_NEEDED; `ldd` would list all levels)."""
    headers = _program_headers(elf)
    dynamic = [h for h in headers if h[0] == _PT_DYNAMIC]
    if not dynamic:
        return []
    _kind, offset, _vaddr, filesz, _memsz, _align = dynamic[0]
    entries = []
    for position in range(offset, min(offset + filesz, len(elf)) - 15, 16):
        tag, value = struct.unpack_from("<qQ", elf, position)
        if tag == 0:  # DT_NULL
            break
        entries.append((tag, value))
    strtab = next((value for tag, value in entries if tag == 5), None)  # DT_STRTAB, an address
    if strtab is None:
        return []
    for kind, seg_offset, seg_vaddr, seg_filesz, _m, _a in headers:
        if kind == _PT_LOAD and seg_vaddr <= strtab < seg_vaddr + seg_filesz:
            strtab_offset = strtab - seg_vaddr + seg_offset
            break
    else:
        return []
    names = []
    for tag, value in entries:
        if tag == 1:  # DT_NEEDED, an offset into the string table
            start = strtab_offset + value
            names.append(elf[start : elf.index(b"\0", start)].decode())
    return names


def _memory_layout(headers: list[tuple[int, int, int, int, int, int]]) -> list[tuple[int, ...]]:
    return [(kind, vaddr, memsz) for kind, _offset, vaddr, _filesz, memsz, _align in headers]


def _masked_section_table(elf: bytes) -> bytes:
    """The file with the ELF header's section-table fields zeroed (strip rewrites only those)."""
    return elf[:0x28] + bytes(8) + elf[0x30:0x3A] + bytes(6) + elf[0x40:]


def stripped_safely(original: bytes, stripped: bytes) -> bool:
    """True if `strip` left the loadable image of an ELF library intact.

    strip can misplace segments of libraries that patchelf edited (auditwheel does that to the
    OpenBLAS of numpy/scipy); the loader then refuses them ("ELF load command address/offset
    not page-aligned"). Checked: same segments in memory, the same dynamic section, and every
    loadable segment at an offset that is congruent to its address modulo its alignment.
    """
    try:
        before, after = _program_headers(original), _program_headers(stripped)
    except ValueError:
        return False
    if _memory_layout(before) != _memory_layout(after):
        return False
    original, stripped = _masked_section_table(original), _masked_section_table(stripped)
    for (kind, offset, vaddr, filesz, _m, align), old in zip(after, before, strict=True):
        if kind == _PT_LOAD and align > 1 and (offset - vaddr) % align:
            return False
        if kind in (_PT_LOAD, _PT_DYNAMIC):
            old_bytes = original[old[1] : old[1] + old[3]]
            if filesz != old[3] or stripped[offset : offset + filesz] != old_bytes:
                return False
    return True


def keep_module(name: str) -> bool:
    """False for test packages of any library (their code is never imported by the app)."""
    parts = name.split(".")
    return not ("tests" in parts or "conftest" in parts)


def packaging_requirements(repo_root: Path = REPO_ROOT) -> list[str]:
    """The `packaging` extra of pyproject.toml (PyInstaller), for build.sh to install."""
    project = tomllib.loads((repo_root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return [str(r) for r in project["optional-dependencies"]["packaging"]]


def shell_metadata(meta: AppMetadata) -> str:
    """APP_NAME=... lines that build.sh evaluates."""
    values = {"APP_NAME": meta.name, "APP_DISPLAY_NAME": meta.display_name,
              "APP_VERSION": meta.version}
    return "\n".join(f"{key}={shlex.quote(value)}" for key, value in values.items())


def main(argv: list[str]) -> int:
    """`python bundle_contents.py metadata|packaging-requirements` for build scripts."""
    if argv == ["metadata"]:
        print(shell_metadata(app_metadata()))
    elif argv == ["packaging-requirements"]:
        print("\n".join(packaging_requirements()))
    else:
        print("usage: bundle_contents.py metadata|packaging-requirements", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))


def runtime_distribution_names(app: str = "bestellkompass") -> list[str]:
    """The app and every package it needs at run time: their metadata (licence files) goes into
    the bundle for the About dialog (app/licences.py decides which, here and at run time)."""
    if str(REPO_ROOT) not in sys.path:
        sys.path.insert(0, str(REPO_ROOT))
    from app.licences import runtime_distributions

    return [dist.metadata["Name"] for dist in runtime_distributions(app)]


WINDOWS_RUNTIME_DLLS: tuple[str, ...] = ("vcomp140.dll",)  # LightGBM's OpenMP (MSVC)


def windows_runtime_dlls(binaries: list[tuple[str, str, str]],
                         system_dir: Path) -> list[tuple[str, str, str]]:
    """(dest, source, kind) entries for the MSVC runtime DLLs a clean Windows may lack and that
    PyInstaller did not collect already (it treats System32 as the system's)."""
    have = {Path(dest).name.lower() for dest, _src, _kind in binaries}
    extra = []
    for name in WINDOWS_RUNTIME_DLLS:
        if name in have:
            continue
        source = system_dir / name
        if not source.is_file():
            raise SystemExit(f"{name} not found in {system_dir}: install the Microsoft Visual C++ "
                             "Redistributable (x64) on the build machine")
        extra.append((name, str(source), "BINARY"))
    return extra
