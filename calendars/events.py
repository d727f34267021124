"""Local events and the shop's own actions as daily columns, one group per event kind.

Per kind `<k>` in EVENT_KINDS: `event_<k>` (active; the event's strength if given, else 1; the
strongest wins where events of one kind overlap), `event_<k>_first` (first day) and `event_<k>_day`
(1, 2, 3, ... days into the event). Columns for every kind are always present.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from calendars.labels import Label
from calendars.parts import Part
from calendars.texts import MESSAGES, render

EVENT_KINDS = (
    "weekly_market",
    "town_festival",
    "fair",
    "football_home",
    "concert",
    "christmas_market",
    "construction",
    "promotion",
    "closure",
)
EVENT_COLUMNS = ["kind", "name", "start_date", "end_date", "strength", "source", "uid"]


def kind_name(kind: str, lang: str = "de") -> str:
    """The name of event kind `kind` in `lang` ("Wochenmarkt"); an unknown kind stays its code."""
    code = f"calendar.kind.{kind}"
    return render(code, lang) if code in MESSAGES else kind


def empty_events() -> pd.DataFrame:
    """An EVENTS frame with no rows."""
    return normalise_events(pd.DataFrame(columns=EVENT_COLUMNS))


def normalise_events(frame: pd.DataFrame) -> pd.DataFrame:
    """Bring a frame into the EVENTS shape (dates normalised, end defaults to start)."""
    out = pd.DataFrame(index=frame.index)
    out["kind"] = frame["kind"].astype(object)
    out["name"] = frame.get("name", frame["kind"]).astype(object)
    out["start_date"] = pd.to_datetime(frame["start_date"]).dt.normalize()
    end = frame["end_date"] if "end_date" in frame else frame["start_date"]
    out["end_date"] = pd.to_datetime(end).dt.normalize().fillna(out["start_date"])
    strength = frame["strength"] if "strength" in frame else pd.Series(np.nan, index=frame.index)
    out["strength"] = pd.to_numeric(strength, errors="coerce").astype(float)
    source = frame["source"] if "source" in frame else pd.Series("", index=frame.index)
    out["source"] = source.fillna("").astype(object)
    uid = frame["uid"] if "uid" in frame else pd.Series(None, index=frame.index, dtype=object)
    out["uid"] = uid.astype(object).where(uid.notna(), None)
    if "product" in frame:  # optional: a promotion for one product (None: the whole shop)
        out["product"] = frame["product"].astype(object).where(frame["product"].notna(), None)
    return out.sort_values(["start_date", "kind"], kind="stable").reset_index(drop=True)


def event_part(days: np.ndarray, events: pd.DataFrame | None) -> Part:
    """Columns for every event kind over `days` (datetime64[D], consecutive)."""
    n = len(days)
    active = {k: np.zeros(n) for k in EVENT_KINDS}
    first = {k: np.zeros(n, dtype=np.int8) for k in EVENT_KINDS}
    day_no = {k: np.zeros(n, dtype=np.int16) for k in EVENT_KINDS}
    names_de = np.full(n, "", dtype=object)
    if events is not None and len(events):
        frame = normalise_events(events)
        starts = frame["start_date"].to_numpy().astype("datetime64[D]")
        ends = frame["end_date"].to_numpy().astype("datetime64[D]")
        lo = np.searchsorted(days, starts, side="left")
        hi = np.searchsorted(days, ends, side="right")
        strengths = frame["strength"].fillna(1.0).to_numpy()
        offset = (days[0] - starts).astype("int64")
        for i, kind in enumerate(frame["kind"]):
            if kind not in active or hi[i] <= lo[i]:
                continue
            span = slice(lo[i], hi[i])
            active[kind][span] = np.maximum(active[kind][span], strengths[i])
            numbers = np.arange(lo[i], hi[i]) + offset[i] + 1
            day_no[kind][span] = np.maximum(day_no[kind][span], numbers)
            if days[0] <= starts[i]:
                first[kind][lo[i]] = 1
            name = str(frame["name"].iat[i])
            names_de[span] = [f"{old}; {name}" if old else name for old in names_de[span]]
    part = Part()
    for kind in EVENT_KINDS:
        de, en = kind_name(kind, "de"), kind_name(kind, "en")
        group = f"event_{kind}"
        part.add(group, active[kind], Label(de, en, group))
        part.add(f"{group}_first", first[kind], Label(
            render("calendar.feature.first_day", "de", kind=de),
            render("calendar.feature.first_day", "en", kind=en), group))
        part.add(f"{group}_day", day_no[kind], Label(
            render("calendar.feature.day_number", "de", kind=de),
            render("calendar.feature.day_number", "en", kind=en), group))
    part.note(names_de != "", names_de, names_de)
    return part
