"""Three-way merge of settings edited on a view that may be stale (a dialog open while the command
line changed something): keep what others changed, apply what this view changed, refuse where both
changed the same field differently."""

from __future__ import annotations

import dataclasses
from typing import TypeVar

T = TypeVar("T")


def merged(base: T, mine: T, theirs: T) -> tuple[T, list[str]]:
    """`theirs` (stored now) with the fields `mine` changed from `base` (what the view was opened
    with), and the names of the fields both sides changed to different values (conflicts)."""
    changes = {
        f.name: getattr(mine, f.name)
        for f in dataclasses.fields(base)  # type: ignore[arg-type]
        if getattr(mine, f.name) != getattr(base, f.name)
    }
    conflicts = [
        name for name, value in changes.items()
        if getattr(theirs, name) != getattr(base, name) and getattr(theirs, name) != value
    ]
    return dataclasses.replace(theirs, **changes), conflicts  # type: ignore[type-var]
