"""Damaged or foreign files are refused with a message naming what is wrong."""

from __future__ import annotations

import io
import zipfile

import pytest

from forecasting.association import files
from forecasting.errors import UserError


def _rewrite(data: bytes, change) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        parts = {n: src.read(n) for n in src.namelist()}
        for name, body in change(parts).items():
            dst.writestr(name, body)
    return out.getvalue()


def _code(data: bytes, kind: str = "contribution") -> str:
    with pytest.raises(UserError) as caught:
        files.from_bytes(data, kind, "x.bkcontrib")
    assert "x.bkcontrib" in caught.value.message("de")
    assert "Nichts wurde geändert" in caught.value.message("de")
    return caught.value.code


def test_a_good_file_reads_back_equal(contributions) -> None:
    data = files.to_bytes(contributions[0])
    back = files.from_bytes(data, "contribution", "x")
    assert back.effects == contributions[0].effects
    assert back.models == contributions[0].models


def test_damaged_and_foreign_files_are_refused(contributions) -> None:
    data = files.to_bytes(contributions[0])
    assert _code(b"not a zip") == "association.bad.not_zip"
    assert _code(data[: len(data) // 2]) == "association.bad.not_zip"
    assert _code(data, "prior") == "association.bad.kind"

    def flip(parts):
        parts["models/model_0.txt"] = parts["models/model_0.txt"].replace(b"leaf_value=",
                                                                          b"leaf_value=9", 1)
        return parts

    assert _code(_rewrite(data, flip)) == "association.bad.checksum"

    def extra(parts):
        parts["run.py"] = b"print('hello')"
        return parts

    assert _code(_rewrite(data, extra)) == "association.bad.part"

    def pickled(parts):
        parts["models/model_1.txt"] = b"\x80\x04K\x01."
        return parts

    assert _code(_rewrite(data, pickled)) == "association.bad.part"

    def no_effects(parts):
        del parts["effects.json"]
        return parts

    assert _code(_rewrite(data, no_effects)) == "association.bad.missing"

    def broken_json(parts):
        parts["manifest.json"] = parts["manifest.json"][:-5]
        return parts

    assert _code(_rewrite(data, broken_json)) == "association.bad.json"
