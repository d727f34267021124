"""Metric definitions."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from forecasting.models.metrics import coverage, pinball, scaled_pinball, score, wape


def test_pinball_is_asymmetric() -> None:
    assert pinball(np.array([10.0]), np.array([8.0]), 0.9)[0] == pytest.approx(1.8)
    assert pinball(np.array([8.0]), np.array([10.0]), 0.9)[0] == pytest.approx(0.2)


def test_scaled_pinball_wape_coverage() -> None:
    y = np.array([10.0, 20.0, 30.0])
    q = np.array([12.0, 18.0, 30.0])
    assert scaled_pinball(y, q, 0.5) == pytest.approx((1.0 + 1.0) / 60)
    assert wape(y, q) == pytest.approx(4 / 60)
    assert coverage(y, q) == pytest.approx(2 / 3)
    frame = pd.DataFrame({"actual": y, "q0.5": q, "q0.7": q, "q0.9": q})
    assert score(frame)["pinball_0.5"] == pytest.approx(2 / 60)
