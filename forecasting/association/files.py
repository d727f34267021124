"""The `.bkcontrib` and `.bkprior` files: a zip of JSON and LightGBM text models, nothing else.

Nothing in them is executed or unpickled: JSON is parsed, a model is LightGBM's own text format
(`Booster.model_to_string`). Reading checks every part (names, sizes, checksums, JSON, models)
and refuses a damaged or foreign file with a message naming what is wrong.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import json
import re
import zipfile
from pathlib import Path
from typing import Any

from forecasting.association import shared_model
from forecasting.errors import UserError

FORMAT_VERSION = 1
SUFFIX = {"contribution": ".bkcontrib", "prior": ".bkprior"}
MANIFEST = "manifest.json"
EFFECTS = "effects.json"
MODEL_NAME = re.compile(r"^models/model_\d{1,4}\.txt$")
MAX_PART_BYTES = 50_000_000  # a part larger than this is refused unread (a zip bomb)
MAX_PARTS = 5_000


@dataclasses.dataclass
class Bundle:
    """The parsed parts of one file: manifest and effects (JSON), models (LightGBM text)."""

    manifest: dict[str, Any]
    effects: dict[str, Any]
    models: list[str]

    @property
    def kind(self) -> str:
        """"contribution" or "prior"."""
        return str(self.manifest.get("kind", ""))


def digest(text: str) -> str:
    """SHA-256 of a part's text (UTF-8), as the manifest records it."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def parts_of(bundle: Bundle) -> dict[str, str]:
    """The file's parts by name (the manifest last: it names the others' checksums)."""
    parts = {EFFECTS: json.dumps(bundle.effects, ensure_ascii=False, sort_keys=True, indent=1)}
    for k, text in enumerate(bundle.models):
        parts[f"models/model_{k}.txt"] = text
    return parts


def to_bytes(bundle: Bundle) -> bytes:
    """The zip as bytes, with the checksums of its parts written into the manifest."""
    parts = parts_of(bundle)
    bundle.manifest["format"] = "bestellkompass-association"
    bundle.manifest["format_version"] = FORMAT_VERSION
    bundle.manifest["parts"] = {name: digest(text) for name, text in parts.items()}
    parts[MANIFEST] = json.dumps(bundle.manifest, ensure_ascii=False, sort_keys=True, indent=1)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name in sorted(parts):
            info = zipfile.ZipInfo(name, date_time=(2000, 1, 1, 0, 0, 0))  # no date inside
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, parts[name].encode("utf-8"))
    return buffer.getvalue()


def write(bundle: Bundle, path: str | Path) -> int:
    """Write the file (via a temporary file, so a half-written one never has the name); its size."""
    path = Path(path)
    data = to_bytes(bundle)
    tmp = path.with_name(path.name + ".part")
    tmp.write_bytes(data)
    tmp.replace(path)
    return len(data)


def read(path: str | Path, kind: str) -> Bundle:
    """The parts of a `.bkcontrib` / `.bkprior` file, checked; UserError if it is unusable."""
    path = Path(path)
    if not path.is_file():
        raise UserError("association.no_file", path=str(path))
    return from_bytes(path.read_bytes(), kind, str(path))


def from_bytes(data: bytes, kind: str, where: str) -> Bundle:
    """The checked parts of a file's bytes (`where` names it in messages)."""

    def bad(reason: str, **params: str) -> UserError:
        return UserError(f"association.bad.{reason}", path=where, kind=SUFFIX[kind], **params)

    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise bad("not_zip") from None
    if len(infos) > MAX_PARTS:
        raise bad("part", part=str(len(infos)))
    texts: dict[str, str] = {}
    for info in infos:
        name = info.filename
        if name not in (MANIFEST, EFFECTS) and not MODEL_NAME.match(name):
            raise bad("part", part=name)
        if info.file_size > MAX_PART_BYTES:
            raise bad("part", part=name)
        try:
            texts[name] = zf.read(info).decode("utf-8")
        except (zipfile.BadZipFile, UnicodeDecodeError, OSError, ValueError) as exc:
            raise bad("part", part=f"{name} ({exc.__class__.__name__})") from None
    for name in (MANIFEST, EFFECTS):
        if name not in texts:
            raise bad("missing", part=name)
    parsed = {}
    for name in (MANIFEST, EFFECTS):
        try:
            parsed[name] = json.loads(texts[name])
        except json.JSONDecodeError as exc:
            raise bad("json", part=name, detail=f"{exc.msg}, {exc.lineno}:{exc.colno}") from None
        if not isinstance(parsed[name], dict):
            raise bad("json", part=name, detail="{}")
    manifest, effects = parsed[MANIFEST], parsed[EFFECTS]
    wrong = shared_model.problem(effects.get("shared_model"))
    if wrong:
        raise bad("json", part=EFFECTS, detail=wrong)
    if manifest.get("format") != "bestellkompass-association":
        raise bad("foreign")
    if manifest.get("format_version") != FORMAT_VERSION:
        raise UserError("association.mixed_versions", path=where,
                        found=str(manifest.get("format_version")), expected=str(FORMAT_VERSION))
    if manifest.get("kind") != kind:
        raise bad("kind", found=str(SUFFIX.get(str(manifest.get("kind")), manifest.get("kind"))))
    recorded = manifest.get("parts")
    names = sorted(n for n in texts if n != MANIFEST)
    if not isinstance(recorded, dict) or sorted(recorded) != names:
        raise bad("checksum", part=MANIFEST)
    for name in names:
        if recorded[name] != digest(texts[name]):
            raise bad("checksum", part=name)
    model_names = sorted((n for n in names if MODEL_NAME.match(n)),
                         key=lambda n: int(n.split("_")[-1].split(".")[0]))
    for name in model_names:
        if not _is_model(texts[name]):
            raise bad("model", part=name)
    return Bundle(manifest, effects, [texts[n] for n in model_names])


def _is_model(text: str) -> bool:
    """Whether LightGBM reads the text as a model."""
    if not text.startswith("tree\n"):
        return False
    import lightgbm as lgb

    try:
        lgb.Booster(model_str=text)
    except Exception:  # lightgbm raises its own LightGBMError on any malformed text
        return False
    return True
