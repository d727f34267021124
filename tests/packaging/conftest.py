"""Fixtures for the packaging tests: the recipe module and the paths of the packaging folder."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
PACKAGING = REPO_ROOT / "packaging"


def load_bundle_contents() -> ModuleType:
    """packaging/bundle_contents.py, loaded by path as the .spec does (the folder is no package)."""
    name = "bk_bundle_contents"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, PACKAGING / "bundle_contents.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def contents() -> ModuleType:
    """The packaging recipe module."""
    return load_bundle_contents()


@pytest.fixture
def fake_repo(tmp_path: Path) -> Path:
    """A repository tree with resources of every kind, written as real files."""
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "bestellkompass"\nversion = "9.8.7"\n'
        '[project.optional-dependencies]\npackaging = ["pyinstaller>=6.6"]\n',
        encoding="utf-8",
    )
    res = tmp_path / "resources"
    files = {
        "__init__.py": "",
        "locale/de/LC_MESSAGES/bestellkompass.mo": "mo",
        "locale/de/LC_MESSAGES/bestellkompass.po": "msgid",
        "locale/update_catalogs.py": "",
        "icons/bestellkompass.svg": "<svg/>",
        "icons/bestellkompass.ico": "ico",
        "icons/.gitkeep": "",
        "calendar/ATTRIBUTION.md": "Contains information from Open Holiday API (ODbL)",
        "calendar/school_holidays/BY.json": "[]",
        "calendar/school_holidays/LICENSE-ODbL.txt": "ODbL",
        "calendar/climate/normals.csv": "month,temperature",
    }
    for relative, text in files.items():
        path = res / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path
