"""Acceptance: the product view opens on a real line with chart, waterfall and sentence."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pyqtgraph as pg
import pytest

from app.product_view import WATERFALL_LABEL_WIDTH, ProductView, _band


def test_product_view_shows_history_forecast_and_waterfall(qtbot: object,
                                                           planned_session: object) -> None:
    lines = [ln for ln in planned_session.lines if ln.steps]  # type: ignore[attr-defined]
    line = max(lines, key=lambda ln: len(ln.steps))
    view = ProductView(planned_session, line)
    qtbot.addWidget(view)  # type: ignore[attr-defined]
    view.show()
    qtbot.waitExposed(view)  # type: ignore[attr-defined]
    curves = [i for i in view.chart.getPlotItem().items if isinstance(i, pg.PlotDataItem)]
    sold = [c for c in curves if c.name() == "verkauft"]
    assert sold
    assert len(sold[0].xData) >= 30, "about six weeks of sales"
    assert any(isinstance(i, pg.FillBetweenItem) for i in view.chart.getPlotItem().items)
    bars = [i for i in view.waterfall.getPlotItem().items if isinstance(i, pg.BarGraphItem)]
    shown = [s for i, s in enumerate(line.steps) if i == 0 or s[1] != 0]
    assert len(bars) == len(shown) + 2  # non-zero steps plus "= forecast" and "= suggestion"
    ticks = view.waterfall.getAxis("left")._tickLevels[0]
    assert any("Prognose" in text for _pos, text in ticks)
    texts = [w.text() for w in view.findChildren(type(view.accuracy))]
    assert line.sentence in texts
    assert view.accuracy.text()
    # the risk as a baker says it, the precise figures in the tooltip
    summary = next(w for w in view.findChildren(type(view.accuracy)) if "Tagen" in w.text())
    assert re.search(r"Reicht an \d+ von \d+ Tagen, meist [\d,]+–[\d,]+ übrig\.", summary.text())
    assert "Wahrscheinlichkeit" not in summary.text()
    assert "auszuverkaufen: " in summary.toolTip()


def test_a_long_step_name_is_shortened_not_left_out(qtbot: object, planned_session: object) -> None:
    import dataclasses

    from PySide6.QtGui import QFontMetrics

    line = next(ln for ln in planned_session.lines if len(ln.steps) >= 2)  # type: ignore[attr-defined]
    long_name = "Regen (2 mm), typisches Wetter angenommen, Heimspiel und Weihnachtsmarkt"
    steps = [line.steps[0], (long_name, 3.0, False), *line.steps[1:]]
    view = ProductView(planned_session, dataclasses.replace(line, steps=steps))
    qtbot.addWidget(view)  # type: ignore[attr-defined]
    axis = view.waterfall.getAxis("left")
    texts = [text for _pos, text in axis._tickLevels[0]]
    shortened = [t for t in texts if t.startswith("Regen")]
    assert shortened
    assert shortened[0].endswith(" +3")
    assert "…" in shortened[0]
    metrics = QFontMetrics(axis.style.get("tickFont") or view.waterfall.font())
    assert all(metrics.horizontalAdvance(t) < WATERFALL_LABEL_WIDTH for t in texts)


def test_band_uses_the_80_percent_interval() -> None:
    q = {0.05: 1.0, 0.1: 2.0, 0.5: 5.0, 0.9: 9.0, 0.95: 11.0}
    assert _band(q, 5.0) == (2.0, 9.0)
    assert _band({}, 4.0) == (4.0, 4.0)


@pytest.mark.slow
def test_replay_compares_with_same_as_last_week(qtbot: object, planned_session: object) -> None:
    line = next(ln for ln in planned_session.lines if ln.product == "Baguette")  # type: ignore[attr-defined]
    view = ProductView(planned_session, line)
    qtbot.addWidget(view)  # type: ignore[attr-defined]
    view.lookback_button.click()
    assert not view.lookback_button.isEnabled()
    qtbot.waitUntil(view.lookback_button.isEnabled, timeout=300_000)  # type: ignore[attr-defined]
    text = view.lookback_text.text()
    assert "Tagen" in text, text
    assert "wie letzte woche" in text.lower()


def test_a_count_of_2_75_kg_shows_as_2_75_in_the_waterfall(qtbot: object,
                                                            tmp_path: object) -> None:
    """Issue 21: goods sold by weight keep their counted decimals in the steps ("noch da -2,75",
    not "-2,7"), and the steps as shown still add up exactly to the suggestion as shown."""
    import dataclasses
    import datetime as dt

    from app import i18n
    from app.jobs import JobProgress
    from app.session import ShopSession, compute_plan
    from forecasting.demo.generate import DEFAULT_SEED, write_demo_shop
    from forecasting.operations.edits import apply_edit
    from forecasting.operations.stock import count
    from forecasting.store.file import Shop
    from forecasting.store.products import load_products, save_product

    olives, day = "Oliven grün mit Kräutern", dt.date(2026, 11, 26)
    path = tmp_path / "deli.bkshop"  # type: ignore[operator]
    write_demo_shop("deli", day, path, seed=DEFAULT_SEED)
    with Shop.open(path) as shop:
        with shop.transaction() as conn:
            conn.execute("DELETE FROM products WHERE name NOT IN (?, ?)", (olives, "Ciabatta"))
            conn.execute("DELETE FROM sales WHERE date < ?", ((day - dt.timedelta(days=400))
                                                              .isoformat(),))
        product = next(p for p in load_products(shop) if p.name == olives)
        save_product(shop, dataclasses.replace(product, unit="kg"))
        apply_edit(shop, count(shop, olives, day, 2.75))
    plan, version = compute_plan(path, day, JobProgress(lambda f, m: None))
    i18n.install_language("de")
    session = ShopSession.open(path, day=day)
    try:
        session.show_plan(plan, version)
        line = next(ln for ln in session.lines if ln.product == olives)
        view = ProductView(session, line)
        qtbot.addWidget(view)  # type: ignore[attr-defined]
        ticks = [text for _pos, text in view.waterfall.getAxis("left")._tickLevels[0]]
        assert any(text.endswith(" -2,75") for text in ticks), ticks
        assert "-2,75" in line.sentence
        assert "Alter von 2,75 kg aus der Zählung" in line.sentence  # the note as counted too
        assert round(sum(amount for _l, amount, _p in line.steps), 2) == line.suggestion
        # the chart's daily mean is over the days the order serves, not the days before it too
        covers = line.raw.covers
        legend = [label.text for _sample, label in view.legend.items]
        assert any(f"Mittel über {len(covers)} Tage" in text for text in legend), legend
        if os.environ.get("BESTELLKOMPASS_DOC_SHOTS"):
            view.show()
            qtbot.waitExposed(view)  # type: ignore[attr-defined]
            view.grab().save(str(Path(__file__).resolve().parents[2] / "docs" / "screenshots"
                                 / "product_view_kg.png"))
    finally:
        session.close()
