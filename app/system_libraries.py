"""Before the window opens on Linux: the system libraries Qt's xcb platform plugin needs.

Without them Qt stops with "Could not load the Qt platform plugin "xcb" ... Reinstalling the
application may fix this problem", which sends the owner the wrong way. We look first: `ldd` on
the plugin lists what it cannot find, and libxcb-cursor (which Qt loads only at run time) is
looked up by name; the message then names each library and the Debian/Ubuntu package with it.
"""

from __future__ import annotations

import ctypes.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

#: Library file -> the Debian/Ubuntu package that brings it (README lists the same packages).
PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb.so.1": "libxcb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libOpenGL.so.0": "libopengl0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
}
#: Loaded by the xcb plugin at run time (not in its ELF header): checked by name.
RUN_TIME = {"libxcb-cursor.so.0": "xcb-cursor"}
_NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found", re.MULTILINE)


def xcb_plugin() -> Path | None:
    """Qt's xcb platform plugin as installed with PySide6 (also inside the bundle)."""
    try:
        import PySide6
    except ImportError:
        return None
    plugin = Path(PySide6.__file__).resolve().parent / "Qt" / "plugins" / "platforms"
    path = plugin / "libqxcb.so"
    return path if path.is_file() else None


def uses_xcb(environ: dict[str, str] | os._Environ[str] = os.environ) -> bool:
    """Whether Qt will try the xcb plugin: on Linux, asked for, or chosen for an X display."""
    if not sys.platform.startswith("linux"):
        return False
    platform = environ.get("QT_QPA_PLATFORM", "")
    if platform:
        return platform.split(":")[0].split(";")[0] == "xcb"
    return bool(environ.get("DISPLAY")) and not environ.get("WAYLAND_DISPLAY")


def missing_libraries(plugin: Path | None = None) -> list[str]:
    """The library files the xcb plugin needs that this system lacks (sorted, no repeats)."""
    plugin = plugin or xcb_plugin()
    if plugin is None:
        return []
    missing: set[str] = set()
    ldd = shutil.which("ldd")
    if ldd is not None:
        try:
            out = subprocess.run([ldd, str(plugin)], capture_output=True, text=True, timeout=20,
                                 check=False).stdout
        except (OSError, subprocess.SubprocessError):
            out = ""
        missing.update(_NOT_FOUND.findall(out))
    for library, name in RUN_TIME.items():
        if ctypes.util.find_library(name) is None:
            missing.add(library)
    return sorted(missing)


def packages_for(libraries: list[str]) -> list[str]:
    """The Debian/Ubuntu packages that bring these library files (unknown ones by file name)."""
    return sorted({PACKAGES.get(lib, lib) for lib in libraries})
