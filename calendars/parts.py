"""A slice of the feature table (some columns, their labels, and the day notes they add)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import numpy as np

from calendars.errors import CalendarError
from calendars.labels import Label

Words = str | np.ndarray  # one text for every marked day, or one text per day


@dataclasses.dataclass(frozen=True)
class Note:
    """Words to show on the days where `mask` is true (German and English)."""

    mask: np.ndarray
    de: Words
    en: Words


@dataclasses.dataclass
class Part:
    """Columns (one value per day), their labels, and notes, built by one calendar module."""

    columns: dict[str, np.ndarray] = dataclasses.field(default_factory=dict)
    labels: dict[str, Label] = dataclasses.field(default_factory=dict)
    notes: list[Note] = dataclasses.field(default_factory=list)
    warnings: list[CalendarError] = dataclasses.field(default_factory=list)

    def add(self, name: str, values: np.ndarray, label: Label) -> None:
        """Add one column with its label."""
        self.columns[name] = values
        self.labels[name] = label

    def note(self, mask: np.ndarray, de: Words, en: Words) -> None:
        """Add words for the days in `mask`."""
        if mask.any():
            self.notes.append(Note(np.asarray(mask, dtype=bool), de, en))


def names_on(days: np.ndarray, names: dict[dt.date, str]) -> np.ndarray:
    """Per day (datetime64[D] array) the name from `names`, or "" (object array)."""
    out = np.full(len(days), "", dtype=object)
    if names:
        ordered = sorted(names)
        keys = np.array(ordered, dtype="datetime64[D]")
        values = np.array([names[k] for k in ordered], dtype=object)
        pos = np.clip(np.searchsorted(keys, days), 0, len(keys) - 1)
        hit = keys[pos] == days
        out[hit] = values[pos[hit]]
    return out
