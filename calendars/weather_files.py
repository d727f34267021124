"""Read the weather files people can get into a WEATHER frame (forecasting/schema.py).

Formats, detected from the file's first lines:
- DWD Climate Data Center daily file `produkt_klima_tag_*.txt`: `;`-separated, MESS_DATUM
  (YYYYMMDD), TMK (mean °C), TXK (max °C), RSK (mm), SDK (sunshine h), -999 = missing;
- Open-Meteo CSV export: location lines, a blank line, then `time,temperature_2m_mean (°C),...`
  (sunshine_duration in seconds);
- Meteostat CSV: `date,tavg,tmin,tmax,prcp,...,tsun` (tsun in minutes), with or without header;
- plain CSV: `date,temperature,precipitation[,sunshine][,temperature_max]`, `,` or `;`, dates
  2025-07-01 or 01.07.2025, decimal comma allowed with `;`.
A bad value, or a day outside the plausible window (calendars/plausible.py; the owner may widen it),
stops the whole import with the file, row and column named (all-or-nothing).
"""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pandas as pd

from calendars import text_files
from calendars.errors import CalendarError
from calendars.plausible import DateWindow, shown

WEATHER_COLUMNS = [
    "date", "kind", "temperature", "temperature_max", "precipitation", "sunshine", "source",
]
VALUE_COLUMNS = ["temperature", "temperature_max", "precipitation", "sunshine"]
KINDS = ("observation", "forecast")
PLAUSIBLE = {
    "temperature": (-45.0, 45.0),
    "temperature_max": (-40.0, 50.0),
    "precipitation": (0.0, 400.0),
    "sunshine": (0.0, 24.0),
}
PLAIN_ALIASES = {
    "date": ("date", "datum", "tag", "day"),
    "temperature": ("temperature", "temperatur", "temp", "tavg", "t_mean", "tmk"),
    "temperature_max": ("temperature_max", "tmax", "temp_max", "t_max", "txk", "höchsttemperatur"),
    "precipitation": ("precipitation", "niederschlag", "regen", "rain", "prcp", "rsk"),
    "sunshine": ("sunshine", "sonne", "sonnenschein", "sonnenstunden", "sdk"),
}


def read_weather_file(
    path: str | Path, kind: str = "observation", *, window: DateWindow | None = None
) -> pd.DataFrame:
    """A WEATHER frame from any of the supported files; CalendarError naming row/column if bad,
    or if a day lies outside `window` (default 2000-01-01 .. today + 2 years)."""
    path = Path(path)
    if kind not in KINDS:
        raise CalendarError("calendar.weather_bad_kind", kind=kind)
    text = _read_text(path)
    try:
        frame = _parse(text, path.name, window or DateWindow.default())
    except (pd.errors.ParserError, pd.errors.EmptyDataError, KeyError, IndexError) as exc:
        raise CalendarError("calendar.file_unreadable", file=path.name, reason=str(exc)) from exc
    if frame.empty:
        raise CalendarError("calendar.weather_empty", file=path.name)
    frame["kind"] = kind
    return frame[WEATHER_COLUMNS].sort_values("date").reset_index(drop=True)


def _parse(text: str, name: str, window: DateWindow) -> pd.DataFrame:
    """The file's rows in the format its first lines show."""
    lines = text.splitlines()
    head = next((ln for ln in lines if ln.strip()), "")
    if head.replace(" ", "").upper().startswith("STATIONS_ID;"):
        return _dwd(text, name, window)
    if head.startswith("latitude,") or any(ln.startswith("time,") for ln in lines[:10]):
        return _open_meteo(lines, name, window)
    if _looks_meteostat(head):
        return _meteostat(text, head, name, window)
    return _plain(text, head, name, window)


def empty_weather() -> pd.DataFrame:
    """A WEATHER frame with no rows."""
    frame = pd.DataFrame({c: pd.Series(dtype=float) for c in WEATHER_COLUMNS})
    frame["date"] = pd.to_datetime(frame["date"])
    frame["kind"] = frame["kind"].astype(object)
    frame["source"] = frame["source"].astype(object)
    return frame


def _read_text(path: Path) -> str:
    if not path.is_file():
        raise CalendarError("calendar.file_not_found", file=str(path))
    return text_files.read_text(path)


def _dwd(text: str, name: str, window: DateWindow) -> pd.DataFrame:
    table = pd.read_csv(io.StringIO(text), sep=";", dtype=str, skipinitialspace=True)
    table.columns = [c.strip().upper() for c in table.columns]
    table = table.apply(lambda col: col.str.strip())
    mapping = {"TMK": "temperature", "TXK": "temperature_max", "RSK": "precipitation",
               "SDK": "sunshine"}
    station = table["STATIONS_ID"].iloc[0] if len(table) else ""
    frame = _build(table, "MESS_DATUM", mapping, name, window, header_rows=1,
                   date_format="%Y%m%d", missing=("-999",))
    frame["source"] = f"DWD {station}".strip()
    return frame


def _open_meteo(lines: list[str], name: str, window: DateWindow) -> pd.DataFrame:
    start = next(i for i, ln in enumerate(lines) if ln.startswith("time,"))
    table = pd.read_csv(io.StringIO("\n".join(lines[start:])), dtype=str)
    mapping: dict[str, str] = {}
    scale: dict[str, float] = {}
    for column in table.columns:
        base = column.split(" (")[0].strip()
        target = {
            "temperature_2m_mean": "temperature",
            "temperature_2m_max": "temperature_max",
            "precipitation_sum": "precipitation",
            "sunshine_duration": "sunshine",
        }.get(base)
        if base == "rain_sum" and "precipitation" not in mapping.values():
            target = "precipitation"
        if target:
            mapping[column] = target
            if base == "sunshine_duration":
                scale[target] = 1 / 3600.0 if "(s)" in column or "(" not in column else 1.0
    frame = _build(table, "time", mapping, name, window, header_rows=start + 1, scale=scale)
    frame["source"] = "Open-Meteo"
    return frame


def _looks_meteostat(head: str) -> bool:
    fields = [f.strip().lower() for f in head.split(",")]
    if "tavg" in fields and "prcp" in fields:
        return True
    # the bulk files have no header: date plus ten numeric fields
    return len(fields) in (11, 10) and len(fields[0]) == 10 and fields[0][4] == "-"


METEOSTAT_COLUMNS = ["date", "tavg", "tmin", "tmax", "prcp", "snow", "wdir", "wspd", "wpgt",
                     "pres", "tsun"]


def _meteostat(text: str, head: str, name: str, window: DateWindow) -> pd.DataFrame:
    has_header = "tavg" in head.lower()
    table = pd.read_csv(io.StringIO(text), dtype=str, header=0 if has_header else None)
    if not has_header:
        table.columns = METEOSTAT_COLUMNS[: len(table.columns)]
    table.columns = [c.strip().lower() for c in table.columns]
    mapping = {"tavg": "temperature", "tmax": "temperature_max", "prcp": "precipitation",
               "tsun": "sunshine"}
    frame = _build(table, "date", mapping, name, window, header_rows=int(has_header),
                   scale={"sunshine": 1 / 60.0})
    frame["source"] = "Meteostat"
    return frame


def _plain(text: str, head: str, name: str, window: DateWindow) -> pd.DataFrame:
    sep = ";" if head.count(";") > head.count(",") else ","
    table = pd.read_csv(io.StringIO(text), sep=sep, dtype=str)
    if sep == ";":
        table = table.apply(lambda col: col.str.replace(",", ".", regex=False))
    lowered = {c: c.strip().lower() for c in table.columns}
    mapping: dict[str, str] = {}
    date_column = None
    for column, low in lowered.items():
        for target, aliases in PLAIN_ALIASES.items():
            if low in aliases or low.split(" (")[0] in aliases:
                if target == "date":
                    date_column = date_column or column
                elif target not in mapping.values():
                    mapping[column] = target
    if date_column is None or not mapping:
        raise CalendarError("calendar.weather_no_columns", file=name)
    frame = _build(table, date_column, mapping, name, window, header_rows=1)
    frame["source"] = name
    return frame


def _build(
    table: pd.DataFrame,
    date_column: str,
    mapping: dict[str, str],
    name: str,
    window: DateWindow,
    *,
    header_rows: int,
    date_format: str | None = None,
    missing: tuple[str, ...] = (),
    scale: dict[str, float] | None = None,
) -> pd.DataFrame:
    """Check and convert the mapped columns; row numbers in errors count file lines from 1."""
    if date_column not in table.columns or not mapping:
        raise CalendarError("calendar.weather_no_columns", file=name)
    table = table[table[date_column].notna() & (table[date_column].str.strip() != "")]
    dates = _parse_dates(table[date_column].str.strip(), date_format)
    bad = dates.isna()
    if bad.any():
        i = int(np.flatnonzero(bad.to_numpy())[0])
        raise CalendarError("calendar.weather_bad_date", file=name, row=_row(table, i, header_rows),
                            column=date_column, value=shown(str(table[date_column].iloc[i])))
    outside = (dates < pd.Timestamp(window.first)) | (dates > pd.Timestamp(window.last))
    if outside.any():
        i = int(np.flatnonzero(outside.to_numpy())[0])
        raise CalendarError("calendar.sanity.date_outside", file=name,
                            row=_row(table, i, header_rows), column=date_column,
                            value=shown(str(table[date_column].iloc[i])), first=window.first,
                            last=window.last)
    out = pd.DataFrame({"date": dates.to_numpy()})
    for column, target in mapping.items():
        raw = table[column].astype("string").str.strip()
        raw = raw.mask(raw.isin(list(missing)) | (raw == ""))
        values = pd.to_numeric(raw, errors="coerce")
        wrong = raw.notna() & values.isna()
        if wrong.any():
            i = int(np.flatnonzero(wrong.to_numpy())[0])
            raise CalendarError("calendar.weather_bad_value", file=name,
                                row=_row(table, i, header_rows), column=column,
                                value=shown(str(raw.iloc[i])))
        values = values.astype(float) * (scale or {}).get(target, 1.0)
        low, high = PLAUSIBLE[target]
        implausible = values.notna() & ((values < low) | (values > high))
        if implausible.any():
            i = int(np.flatnonzero(implausible.to_numpy())[0])
            raise CalendarError("calendar.weather_out_of_range", file=name,
                                row=_row(table, i, header_rows), column=column,
                                value=shown(str(raw.iloc[i])), low=low, high=high)
        out[target] = values.to_numpy()
    for target in VALUE_COLUMNS:
        if target not in out:
            out[target] = np.nan
    # one row per day: the last row of a day wins (files that repeat a day correct it later)
    return out.drop_duplicates("date", keep="last")


def _parse_dates(values: pd.Series, date_format: str | None) -> pd.Series:
    if date_format:
        return pd.to_datetime(values, format=date_format, errors="coerce")
    iso = pd.to_datetime(values, format="%Y-%m-%d", errors="coerce")
    german = pd.to_datetime(values, format="%d.%m.%Y", errors="coerce")
    with_time = pd.to_datetime(values.str[:10], format="%Y-%m-%d", errors="coerce")
    return iso.fillna(german).fillna(with_time).dt.normalize()


def _row(table: pd.DataFrame, position: int, header_rows: int) -> int:
    return int(table.index[position]) + header_rows + 1
