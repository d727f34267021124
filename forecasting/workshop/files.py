"""Scenario (.bkworkshop) and result (.bkresult) files: a zip of JSON and CSV, never code.

A manifest names the file's kind and the SHA-256 of every member, so a damaged or edited file is
refused as a whole instead of being scored or merged in part.

What happened on the scenario days (the outcome and the sales from the first day on) is kept in
`sealed.bin`, XORed with a SHAKE-256 key stream whose key is in scenario.json: a participant who
unzips the file or opens it in a spreadsheet does not see the answers. It is not a secret from
someone who reads this code: the player needs the answers offline to show each day's result.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import secrets
import zipfile
from pathlib import Path
from typing import Any

import pandas as pd

from forecasting.errors import UserError
from forecasting.workshop.rounds import REVEAL_DAILY, REVEALS, Round, check_rounds
from forecasting.workshop.scenario import Scenario, product_dict, product_from

FORMAT = "bestellkompass-workshop"
VERSION = 2
#: version 1 kept the outcome and the scenario days' sales as plain CSV; still read
READABLE = {1, 2}
SCENARIO, RESULT = "scenario", "result"
_TABLES = ("history", "outcome", "sheet", "calendar", "forecasts")
_OPEN_TABLES = ("history", "sheet", "calendar", "forecasts")
_SEALED = "sealed.bin"
#: only with goods that keep; open like the forecasts (the days before the first and the model's
#: forecasts, no answers)
_STOCK_TABLES = ("stock_forecasts", "warmup")
_MAX_MEMBER = 200 * 1024 * 1024
FILE_DECIMALS = 3


def _csv(frame: pd.DataFrame) -> bytes:
    out = frame.copy()
    for column in ("date", "cutoff"):
        if column in out:
            out[column] = pd.to_datetime(out[column]).dt.strftime("%Y-%m-%d")
    return out.to_csv(index=False, lineterminator="\n", float_format=f"%.{FILE_DECIMALS}f").encode("utf-8")


def _write(path: Path, kind: str, members: dict[str, bytes]) -> None:
    manifest = {"format": FORMAT, "version": VERSION, "kind": kind,
                "files": {name: hashlib.sha256(data).hexdigest() for name, data in members.items()}}
    if not path.parent.is_dir():
        raise UserError("workshop.missing_folder", path=str(path.parent))
    tmp = path.with_name(path.name + ".part")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("manifest.json", json.dumps(manifest, indent=1))
        for name, data in members.items():
            zf.writestr(name, data)
    tmp.replace(path)


def _read(path: Path, kind: str) -> dict[str, bytes]:
    """The members of a workshop file of `kind`, checked against its manifest."""
    if not path.is_file():
        raise UserError("workshop.missing_file", path=str(path))
    try:
        with zipfile.ZipFile(path) as zf:
            manifest = json.loads(zf.read("manifest.json"))
            if manifest.get("format") != FORMAT:
                raise UserError("workshop.damaged", path=str(path), detail="manifest.json")
            if manifest.get("kind") != kind:
                raise UserError("workshop.wrong_kind", path=str(path),
                                kind=str(manifest.get("kind")), expected=kind)
            if manifest.get("version") not in READABLE:
                raise UserError("workshop.newer_file", path=str(path))
            members = {}
            for name, digest in manifest["files"].items():
                if zf.getinfo(name).file_size > _MAX_MEMBER:
                    raise UserError("workshop.damaged", path=str(path), detail=name)
                data = zf.read(name)
                if hashlib.sha256(data).hexdigest() != digest:
                    raise UserError("workshop.damaged", path=str(path), detail=name)
                members[name] = data
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, AttributeError, OSError,
            EOFError) as exc:
        raise UserError("workshop.damaged", path=str(path), detail=type(exc).__name__) from exc
    return members


def write_scenario(scenario: Scenario, path: Path) -> None:
    """Write the scenario file; the scenario days' sales and outcome sealed."""
    key = secrets.token_bytes(32)
    head = {
        "id": scenario.scenario_id, "title": scenario.title, "state": scenario.state,
        "first": scenario.first.isoformat(), "last": scenario.last.isoformat(),
        "demand_kind": scenario.demand_kind, "anonymised": scenario.anonymised,
        "prices_known": scenario.prices_known,
        "products": [product_dict(p) for p in scenario.products],
        "rounds": [r.as_dict() for r in scenario.rounds], "reveal": scenario.reveal,
        "stocked": list(scenario.stocked),
        "open_days": [d.isoformat() for d in scenario.open_days],
        "seal": key.hex(),
    }
    history = scenario.history
    later = pd.to_datetime(history["date"]) >= pd.Timestamp(scenario.first)
    tables = {"history": history[~later], "sheet": scenario.sheet,
              "calendar": scenario.calendar, "forecasts": scenario.forecasts}
    members = {"scenario.json": json.dumps(head, indent=1, ensure_ascii=False).encode("utf-8")}
    for table in _OPEN_TABLES:
        members[f"{table}.csv"] = _csv(tables[table])
    for table in _STOCK_TABLES if scenario.stocked else ():
        members[f"{table}.csv"] = _csv(getattr(scenario, table))
    members[_SEALED] = _seal({"outcome.csv": _csv(scenario.outcome),
                              "history.csv": _csv(history[later])}, key)
    _write(Path(path), SCENARIO, members)


def _xor(data: bytes, key: bytes) -> bytes:
    stream = hashlib.shake_256(key).digest(len(data))
    mixed = int.from_bytes(data, "big") ^ int.from_bytes(stream, "big")
    return mixed.to_bytes(len(data), "big")


def _seal(members: dict[str, bytes], key: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return _xor(buffer.getvalue(), key)


def unseal(data: bytes, key: bytes) -> dict[str, bytes]:
    """The members sealed in `data` (a scenario file's sealed.bin) with `key`."""
    with zipfile.ZipFile(io.BytesIO(_xor(data, key))) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def _tables(members: dict[str, bytes], head: dict[str, Any]) -> dict[str, bytes]:
    """The CSV bytes of every table; a sealed file's scenario days joined to its history."""
    if _SEALED not in members:  # version 1
        return {t: members[f"{t}.csv"] for t in _TABLES}
    sealed = unseal(members[_SEALED], bytes.fromhex(str(head["seal"])))
    out = {t: members[f"{t}.csv"] for t in _OPEN_TABLES}
    out["outcome"] = sealed["outcome.csv"]
    later = sealed["history.csv"].split(b"\n", 1)[1]  # without its header
    out["history"] = members["history.csv"] + later
    return out


def read_scenario(path: Path) -> Scenario:
    """Read a scenario file; a damaged one is refused with the file named."""
    path = Path(path)
    members = _read(path, SCENARIO)
    try:
        head = json.loads(members["scenario.json"])
        raw = _tables(members, head)
        tables = {t: pd.read_csv(io.BytesIO(raw[t]), parse_dates=["date"],
                                 keep_default_na=False, na_values=[""])
                  for t in _TABLES}
        stocked = [str(n) for n in head.get("stocked", [])]
        if stocked:
            for t in _STOCK_TABLES:
                tables[t] = pd.read_csv(io.BytesIO(members[f"{t}.csv"]), parse_dates=["date"])
            if "cutoff" in tables["stock_forecasts"]:
                tables["stock_forecasts"]["cutoff"] = pd.to_datetime(
                    tables["stock_forecasts"]["cutoff"])
        for t in ("calendar", "sheet"):
            for column in [c for c in tables[t].columns
                           if str(c).startswith(("labels", "reasons", "weather_kind", "occasion"))]:
                tables[t][column] = tables[t][column].astype(object).fillna("").astype(str)
        reveal = str(head.get("reveal", REVEAL_DAILY))  # files before rounds: as then
        if reveal not in REVEALS:
            raise ValueError(reveal)
        scenario = Scenario(
            scenario_id=str(head["id"]), title=str(head["title"]), state=str(head["state"]),
            first=dt.date.fromisoformat(head["first"]), last=dt.date.fromisoformat(head["last"]),
            demand_kind=str(head["demand_kind"]), anonymised=bool(head["anonymised"]),
            prices_known=bool(head["prices_known"]),
            products=[product_from(p) for p in head["products"]], **tables,
            rounds=[Round.from_dict(r) for r in head.get("rounds", [])], reveal=reveal,
            stocked=stocked,
            open_days=[dt.date.fromisoformat(d) for d in head.get("open_days", [])],
        )
        if scenario.rounds:
            scenario.rounds = check_rounds(scenario.rounds, len(scenario.days))
    except (KeyError, ValueError, TypeError, zipfile.BadZipFile, IndexError) as exc:
        raise UserError("workshop.damaged", path=str(path), detail=type(exc).__name__) from exc
    except UserError as exc:  # rounds that do not fit the days: edited by hand
        raise UserError("workshop.damaged", path=str(path), detail="rounds") from exc
    return scenario


def write_result(result: dict[str, Any], path: Path) -> None:
    """Write one participant's result file."""
    data = json.dumps(result, indent=1, ensure_ascii=False).encode("utf-8")
    _write(Path(path), RESULT, {"result.json": data})


def read_result(path: Path) -> dict[str, Any]:
    """Read a result file; a damaged one is refused with the file named."""
    path = Path(path)
    members = _read(path, RESULT)
    try:
        result = json.loads(members["result.json"])
        missing = [k for k in ("scenario_id", "participant", "totals", "days", "columns", "rows")
                   if k not in result]
        if missing:
            raise KeyError(missing[0])
    except (KeyError, ValueError, TypeError) as exc:
        raise UserError("workshop.damaged", path=str(path), detail=type(exc).__name__) from exc
    return dict(result)
