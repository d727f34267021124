"""Rounds of a workshop and when participants see what happened.

A round is a run of the scenario's days (numbered 1, 2, ... over its open days) with what the
participants see on those days: Bestellkompass's suggestion and reasons, the calendar. A trainer
plays the first week by gut feeling and the second with the suggestions, then the debrief
compares the two. `reveal` says whether the day's result shows after each day or only at the end.

The command line writes rounds as `1-5:ohne,6-10:mit` (German or English words, see WORDS).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from typing import Any

from forecasting.errors import UserError

REVEAL_DAILY, REVEAL_END = "daily", "end"
REVEALS = (REVEAL_DAILY, REVEAL_END)
#: the words --reveal accepts, German and English
REVEAL_WORDS = {"daily": REVEAL_DAILY, "täglich": REVEAL_DAILY, "taeglich": REVEAL_DAILY,
                "end": REVEAL_END, "ende": REVEAL_END}
#: the words of a round in --rounds: what each switches (field, value)
WORDS: dict[str, tuple[str, bool]] = {
    "mit": ("show_suggestion", True), "with": ("show_suggestion", True),
    "ohne": ("show_suggestion", False), "without": ("show_suggestion", False),
    "kalender": ("show_calendar", True), "calendar": ("show_calendar", True),
    "ohne-kalender": ("show_calendar", False), "no-calendar": ("show_calendar", False),
    "without-calendar": ("show_calendar", False),
}
EXAMPLE = "1-5:ohne,6-10:mit"
_RANGE = re.compile(r"^\s*(\d+)\s*(?:-\s*(\d*)\s*)?$")


@dataclasses.dataclass(frozen=True)
class Round:
    """Days `first_day` to `last_day` (1 = the scenario's first day; 0 = up to the last day,
    until the scenario's day count is known) and what participants see on them."""

    first_day: int
    last_day: int
    show_suggestion: bool = True
    show_calendar: bool = True

    def as_dict(self) -> dict[str, Any]:
        """The round as the scenario file keeps it."""
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Round:
        """A round from the scenario file (a missing switch: shown, as before rounds existed)."""
        return cls(first_day=int(data["first_day"]), last_day=int(data["last_day"]),
                   show_suggestion=bool(data.get("show_suggestion", True)),
                   show_calendar=bool(data.get("show_calendar", True)))


def default_rounds(day_count: int) -> list[Round]:
    """One round over all days, everything shown: how a scenario without rounds plays."""
    return [Round(1, day_count)]


def reveal_of(word: str) -> str:
    """The reveal ("daily" or "end") for a German or English word; UserError otherwise."""
    found = REVEAL_WORDS.get(word.strip().lower())
    if found is None:
        raise UserError("workshop.bad_reveal", value=word)
    return found


def parse_rounds(text: str) -> list[Round]:
    """Rounds from `1-5:ohne,6-10:mit` (a day alone: `3:mit`; open end: `6-:mit`; several words
    with +: `1-5:ohne+ohne-kalender`); UserError naming the part that is wrong.

    Only the form is checked here; `check_rounds` checks them against the scenario's days."""
    parts = [p.strip() for p in text.split(",")]
    if not text.strip():
        raise UserError("workshop.rounds_bad_part", part=text, example=EXAMPLE)
    rounds = []
    for number, part in enumerate(parts):
        days, colon, words = part.partition(":")
        match = _RANGE.match(days)
        if not part or not match:
            raise UserError("workshop.rounds_bad_part", part=part, example=EXAMPLE)
        first = int(match.group(1))
        end = match.group(2)
        if end is None:
            last = first
        elif end == "":
            if number != len(parts) - 1:
                raise UserError("workshop.rounds_open_end", part=part)
            last = 0
        else:
            last = int(end)
        if first < 1 or (last and last < first):
            raise UserError("workshop.rounds_bad_range", part=part)
        switches: dict[str, bool] = {}
        for word in (w.strip().lower() for w in words.split("+")) if colon else ():
            if word not in WORDS:
                raise UserError("workshop.rounds_bad_word", part=part, word=word,
                                words=", ".join(WORDS))
            field, value = WORDS[word]
            switches[field] = value
        rounds.append(Round(first, last, **switches))
    return rounds


def check_rounds(rounds: Sequence[Round], day_count: int) -> list[Round]:
    """The rounds with an open end closed at `day_count`, if they cover days 1 to `day_count`
    in order without a gap or overlap; UserError naming the round that does not fit."""
    out = []
    expected = 1
    for item in rounds:
        last = item.last_day or day_count
        text = f"{item.first_day}-{item.last_day or ''}"
        if item.first_day != expected:
            raise UserError("workshop.rounds_gap", part=text, start=item.first_day,
                            expected=expected)
        if last > day_count:
            raise UserError("workshop.rounds_beyond", part=text, end=last, days=day_count)
        out.append(dataclasses.replace(item, last_day=last))
        expected = last + 1
    if expected != day_count + 1:
        raise UserError("workshop.rounds_short", end=expected - 1, days=day_count)
    return out


def rounds_text(rounds: Sequence[Round]) -> str:
    """The rounds in the command line's German form (`1-5:ohne,6-10:mit`), for messages."""
    parts = []
    for r in rounds:
        days = str(r.first_day) if r.first_day == r.last_day else f"{r.first_day}-{r.last_day}"
        words = ["mit" if r.show_suggestion else "ohne"]
        if not r.show_calendar:
            words.append("ohne-kalender")
        parts.append(f"{days}:{'+'.join(words)}")
    return ",".join(parts)
