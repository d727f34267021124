"""What is bundled and under which licence, read from the installed packages' metadata (the
bundle carries their .dist-info folders), and the data sources' attributions from resources/."""

from __future__ import annotations

import dataclasses
import importlib.metadata as metadata
from pathlib import Path

from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import canonicalize_name

APP = "bestellkompass"
LICENCES_DIR = Path(__file__).resolve().parents[1] / "resources" / "licenses"
_LICENCE_WORDS = ("LICEN", "COPYING", "NOTICE", "AUTHORS")


@dataclasses.dataclass(frozen=True)
class Component:
    """One bundled Python package: name, version, licence in a few words, its licence texts."""

    name: str
    version: str
    licence: str
    texts: tuple[str, ...]  # paths of its licence files, relative to site-packages
    homepage: str = ""


def runtime_distributions(root: str = APP) -> list[metadata.Distribution]:
    """`root` and every package it needs at run time (extras and other platforms left out)."""
    found: dict[str, metadata.Distribution] = {}
    todo = [root]
    while todo:
        name = canonicalize_name(todo.pop())
        if name in found:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue  # e.g. a dependency of another platform
        found[name] = dist
        for text in dist.requires or []:
            try:
                requirement = Requirement(text)
            except InvalidRequirement:
                continue
            if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
                todo.append(requirement.name)
    return [found[name] for name in sorted(found)]


def licence_name(dist: metadata.Distribution) -> str:
    """The licence in a few words: the SPDX expression, else a one-line License field, else the
    trove classifiers."""
    meta = dist.metadata
    expression = meta.get("License-Expression")
    if expression:
        return str(expression)
    field = (meta.get("License") or "").strip()
    if field and "\n" not in field and len(field) <= 80:
        return field
    classifiers = [c.split(" :: ")[-1] for c in meta.get_all("Classifier") or []
                   if c.startswith("License ::")]
    return ", ".join(classifiers) or "-"


def licence_files(dist: metadata.Distribution) -> tuple[str, ...]:
    """The licence texts in the package's .dist-info folder."""
    files = []
    for file in dist.files or []:
        parts = Path(str(file)).parts
        if not parts or not parts[0].endswith(".dist-info"):
            continue
        if any(word in file.name.upper() for word in _LICENCE_WORDS):
            files.append(str(file))
    return tuple(sorted(files))


def _homepage(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    for entry in meta.get_all("Project-URL") or []:
        label, _, url = entry.partition(",")
        if label.strip().lower() in ("homepage", "home", "source", "source code", "repository"):
            return url.strip()
    return str(meta.get("Home-page") or "")


def components(root: str = APP) -> list[Component]:
    """Every bundled Python package except the app itself, by name."""
    return [
        Component(dist.metadata["Name"], dist.version, licence_name(dist), licence_files(dist),
                  _homepage(dist))
        for dist in runtime_distributions(root)
        if canonicalize_name(dist.metadata["Name"]) != APP
    ]


def licence_text(component: Component) -> str:
    """The component's licence texts one after the other ("" when it ships none)."""
    dist = metadata.distribution(component.name)
    parts = []
    for relative in component.texts:
        text = dist.read_text(relative.split("/", 1)[1]) if "/" in relative else None
        if text:
            parts.append(f"== {Path(relative).name} ==\n\n{text.strip()}")
    return "\n\n".join(parts)


def attribution(language: str) -> str:
    """The data sources and their attributions (resources/licenses/ATTRIBUTION.<lang>.md)."""
    path = LICENCES_DIR / f"ATTRIBUTION.{language}.md"
    if not path.is_file():
        path = LICENCES_DIR / "ATTRIBUTION.en.md"
    return path.read_text(encoding="utf-8")


def bundled_licence(name: str) -> str:
    """A licence text shipped in resources/licenses (LGPL-3.0.txt, GPL-3.0.txt)."""
    return (LICENCES_DIR / name).read_text(encoding="utf-8")
