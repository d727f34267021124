"""Refresh the Qt Linguist files: collect tr() strings from app/ into bestellkompass_de.ts, then
compile it to bestellkompass_de.qm. Translate new entries in Qt Linguist (pyside6-linguist) between
the two steps:

    python resources/translations/update_translations.py          # lupdate + lrelease
    pyside6-linguist resources/translations/bestellkompass_de.ts  # translate what is unfinished
    python resources/translations/update_translations.py --release
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
TS = HERE / "bestellkompass_de.ts"


def _tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).with_name(name))
    return found


def main() -> int:
    """Run lupdate (unless --release) and lrelease."""
    sources = sorted(str(p) for p in (ROOT / "app").rglob("*.py"))
    if "--release" not in sys.argv:
        subprocess.run([_tool("pyside6-lupdate"), *sources, "-no-obsolete", "-ts", str(TS)],
                       check=True)
    subprocess.run([_tool("pyside6-lrelease"), str(TS), "-qm", str(TS.with_suffix(".qm"))],
                   check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
