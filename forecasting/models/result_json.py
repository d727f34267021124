"""A ForecastResult as JSON text and back, bit-exact (floats as repr, dates as integer ticks,
dtypes and index kept), so a saved forecast reads back equal to the computed one. No pickles."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

import numpy as np
import pandas as pd

FORMAT = 1


class NotEncodableError(ValueError):
    """The result holds something this codec cannot store exactly (it is then not saved)."""


def _encode_values(values: pd.Series | pd.Index) -> dict[str, Any]:
    dtype = values.dtype
    kind = getattr(dtype, "kind", "O")
    if kind == "M":
        if getattr(dtype, "tz", None) is not None:
            raise NotEncodableError(f"timezone dtype {dtype}")
        data = values.to_numpy()
        nat = bool(pd.isna(data).any())
        return {"dtype": str(dtype), "ticks": data.view("int64").tolist(), "nat": nat}
    if kind in "fiub":
        return {"dtype": str(dtype), "values": values.to_numpy().tolist()}
    if str(dtype) in ("object", "str", "string"):
        items = values.tolist()
        if not all(v is None or isinstance(v, (str, bool, int, float)) for v in items):
            raise NotEncodableError(f"object values of {dtype}")
        items = [None if (isinstance(v, float) and np.isnan(v)) else v for v in items]
        return {"dtype": str(dtype), "values": items}
    raise NotEncodableError(f"dtype {dtype}")


def _decode_values(spec: dict[str, Any]) -> np.ndarray | pd.api.extensions.ExtensionArray:
    dtype = spec["dtype"]
    if "ticks" in spec:
        return np.asarray(spec["ticks"], dtype="int64").view(dtype)
    if dtype == "object":
        arr = np.empty(len(spec["values"]), dtype=object)
        arr[:] = spec["values"]
        return arr
    if dtype in ("str", "string"):
        return pd.array(spec["values"], dtype=dtype)
    return np.asarray(spec["values"], dtype=dtype)


def _series(spec: dict[str, Any], index: pd.Index, name: Any = None) -> pd.Series:
    # the dtype is given, else pandas would infer "str" for an object column of strings
    return pd.Series(_decode_values(spec), index=index, name=name, dtype=spec["dtype"])


def _encode_index(index: pd.Index) -> dict[str, Any]:
    if isinstance(index, pd.RangeIndex):
        return {"range": [index.start, index.stop, index.step], "name": index.name}
    if isinstance(index, pd.MultiIndex):
        raise NotEncodableError("MultiIndex")
    return {"name": index.name, **_encode_values(index)}


def _decode_index(spec: dict[str, Any]) -> pd.Index:
    if "range" in spec:
        return pd.RangeIndex(*spec["range"], name=spec["name"])
    return pd.Index(_decode_values(spec), name=spec["name"], dtype=spec["dtype"])


def _encode_part(value: Any) -> dict[str, Any]:
    if isinstance(value, pd.DataFrame):
        if not all(isinstance(c, str) for c in value.columns) or value.columns.has_duplicates:
            raise NotEncodableError("column names")
        return {
            "type": "frame",
            "columns": [str(c) for c in value.columns],
            "columns_dtype": str(value.columns.dtype),
            "data": [_encode_values(value[c]) for c in value.columns],
            "index": _encode_index(value.index),
        }
    if isinstance(value, pd.Series):
        return {"type": "series", "name": value.name, "data": _encode_values(value),
                "index": _encode_index(value.index)}
    raise NotEncodableError(f"field of type {type(value).__name__}")


def _decode_part(spec: dict[str, Any]) -> pd.DataFrame | pd.Series:
    index = _decode_index(spec["index"])
    if spec["type"] == "series":
        return _series(spec["data"], index, spec["name"])
    frame = pd.DataFrame(
        {c: _series(d, index) for c, d in zip(spec["columns"], spec["data"], strict=True)},
        index=index,
    )
    frame.columns = pd.Index(spec["columns"], dtype=spec["columns_dtype"])
    return frame


def result_to_json(result: Any) -> str:
    """The dataclass `result` (fields: frames and series) as JSON text; NotEncodableError if it
    cannot be stored exactly."""
    fields = {f.name: _encode_part(getattr(result, f.name)) for f in dataclasses.fields(result)}
    return json.dumps({"format": FORMAT, "fields": fields}, allow_nan=True)


def result_from_json(text: str, cls: type) -> Any:
    """The `cls` instance stored by result_to_json."""
    doc = json.loads(text)
    if doc.get("format") != FORMAT:
        raise NotEncodableError(f"format {doc.get('format')}")
    names = [f.name for f in dataclasses.fields(cls)]
    if sorted(names) != sorted(doc["fields"]):
        raise NotEncodableError("fields differ")
    return cls(**{name: _decode_part(doc["fields"][name]) for name in names})


def results_equal(a: Any, b: Any) -> bool:
    """Both results have the same fields with identical values, dtypes and indexes."""
    for f in dataclasses.fields(a):
        x, y = getattr(a, f.name), getattr(b, f.name)
        if type(x) is not type(y):
            return False
        try:
            if isinstance(x, pd.DataFrame):
                pd.testing.assert_frame_equal(x, y, check_exact=True)
            elif isinstance(x, pd.Series):
                pd.testing.assert_series_equal(x, y, check_exact=True)
            elif x != y:
                return False
        except AssertionError:
            return False
    return True
