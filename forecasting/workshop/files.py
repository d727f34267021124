"""Scenario (.bkworkshop) and result (.bkresult) files: a zip of JSON and CSV, never code.

A manifest names the file's kind and the SHA-256 of every member, so a damaged or edited file is
refused as a whole instead of being scored or merged in part.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import zipfile
from pathlib import Path
from typing import Any

import pandas as pd

from forecasting.errors import UserError
from forecasting.workshop.rounds import REVEAL_DAILY, REVEALS, Round, check_rounds
from forecasting.workshop.scenario import Scenario, product_dict, product_from

FORMAT = "bestellkompass-workshop"
VERSION = 1
SCENARIO, RESULT = "scenario", "result"
_TABLES = ("history", "outcome", "sheet", "calendar", "forecasts")
_MAX_MEMBER = 200 * 1024 * 1024
FILE_DECIMALS = 3


def _csv(frame: pd.DataFrame) -> bytes:
    out = frame.copy()
    if "date" in out:
        out["date"] = pd.to_datetime(out["date"]).dt.strftime("%Y-%m-%d")
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
            if manifest.get("version") != VERSION:
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
    """Write the scenario file."""
    head = {
        "id": scenario.scenario_id, "title": scenario.title, "state": scenario.state,
        "first": scenario.first.isoformat(), "last": scenario.last.isoformat(),
        "demand_kind": scenario.demand_kind, "anonymised": scenario.anonymised,
        "prices_known": scenario.prices_known,
        "products": [product_dict(p) for p in scenario.products],
        "rounds": [r.as_dict() for r in scenario.rounds], "reveal": scenario.reveal,
    }
    members = {"scenario.json": json.dumps(head, indent=1, ensure_ascii=False).encode("utf-8")}
    for table in _TABLES:
        members[f"{table}.csv"] = _csv(getattr(scenario, table))
    _write(Path(path), SCENARIO, members)


def read_scenario(path: Path) -> Scenario:
    """Read a scenario file; a damaged one is refused with the file named."""
    path = Path(path)
    members = _read(path, SCENARIO)
    try:
        head = json.loads(members["scenario.json"])
        tables = {t: pd.read_csv(io.BytesIO(members[f"{t}.csv"]), parse_dates=["date"],
                                 keep_default_na=False, na_values=[""])
                  for t in _TABLES}
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
        )
        if scenario.rounds:
            scenario.rounds = check_rounds(scenario.rounds, len(scenario.days))
    except (KeyError, ValueError, TypeError) as exc:
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
