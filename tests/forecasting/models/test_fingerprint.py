"""Fingerprints: any change of the inputs, the levels or the days gives another key."""

from __future__ import annotations

import dataclasses
import datetime as dt

import numpy as np
import pandas as pd

from forecasting.models.fingerprint import (
    MODEL_CODE_VERSION,
    code_fingerprint,
    features_digest,
    frame_digest,
    request_key,
    versions,
)
from forecasting.values.products import Product


def _sales() -> pd.DataFrame:
    return pd.DataFrame({
        "product": ["a", "a", "b"],
        "date": pd.to_datetime(["2026-11-23", "2026-11-24", "2026-11-24"]),
        "quantity": [3.0, 4.0, 5.0],
    })


@dataclasses.dataclass
class _Table:
    frame: pd.DataFrame
    labels: dict[str, object]


def test_frame_digest_sees_values_dtypes_order_and_names() -> None:
    base = frame_digest(_sales())
    assert frame_digest(_sales()) == base
    changed = _sales()
    changed.loc[2, "quantity"] = np.nextafter(5.0, 6.0)
    assert frame_digest(changed) != base
    assert frame_digest(_sales().astype({"quantity": "float32"})) != base
    assert frame_digest(_sales().iloc[::-1]) != base
    assert frame_digest(_sales().rename(columns={"quantity": "qty"})) != base
    assert frame_digest(None) == "none"


def test_request_key_changes_with_every_input(features_nw) -> None:
    days = [dt.date(2026, 11, 25)]
    products = [Product(name="a", category="Brot"), Product(name="b", category="")]
    key = request_key(_sales(), features_nw, days, [0.5, 0.9], products)
    assert key == request_key(_sales(), features_nw, days, [0.5, 0.9], products)
    more = _sales()
    more.loc[3] = ["b", pd.Timestamp("2026-11-23"), 1.0]
    assert request_key(more, features_nw, days, [0.5, 0.9], products) != key
    assert request_key(_sales(), features_nw, [dt.date(2026, 11, 26)], [0.5, 0.9],
                       products) != key
    assert request_key(_sales(), features_nw, days, [0.5, 0.8], products) != key
    other = [Product(name="a", category="Kuchen"), products[1]]
    assert request_key(_sales(), features_nw, days, [0.5, 0.9], other) != key
    assert request_key(_sales(), None, days, [0.5, 0.9], products) != key


def test_features_digest_sees_the_table_and_its_labels(features_nw) -> None:
    base = features_digest(features_nw)
    table = _Table(features_nw.frame.copy(), dict(features_nw.labels))
    assert features_digest(table) == base
    table.frame.iloc[10, 0] += 1
    assert features_digest(table) != base
    col = features_nw.frame.columns[0]
    relabelled = _Table(features_nw.frame, {**features_nw.labels,
                                            col: dataclasses.replace(features_nw.labels[col],
                                                                     group="other")})
    assert features_digest(relabelled) != base
    opaque = _Table(features_nw.frame, {col: object()})
    assert features_digest(opaque) != features_digest(opaque)  # never reused


def test_code_and_library_stamps() -> None:
    assert code_fingerprint().startswith(f"{MODEL_CODE_VERSION}-")
    assert code_fingerprint() == code_fingerprint()
    import lightgbm
    import pandas

    assert versions()["lightgbm"] == lightgbm.__version__
    assert versions()["pandas"] == pandas.__version__
