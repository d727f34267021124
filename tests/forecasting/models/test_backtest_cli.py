"""The `bestellkompass backtest` command follows its file contract."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from app.cli import main


def test_backtest_command_writes_the_contract_csv(make_sales, tmp_path: Path, capsys) -> None:
    sales = make_sales(days=240)
    sales["product"] = sales["product"].map({"p0": "Brot", "p1": "Brötchen, hell", "p2": "Kuchen"})
    sales["promotion"] = 0
    sales["date"] = sales["date"].dt.strftime("%Y-%m-%d")
    sales[["date", "product", "quantity", "promotion"]].to_csv(tmp_path / "SALES.csv", index=False)
    weather = pd.DataFrame({"date": pd.date_range("2025-01-06", "2025-09-30").strftime("%Y-%m-%d"),
                            "temperature": 12.0, "precipitation": 0.5})
    weather.to_csv(tmp_path / "WEATHER.csv", index=False)
    out = tmp_path / "PRED.csv"
    rc = main(["backtest", "--sales", str(tmp_path / "SALES.csv"), "--state", "NW",
               "--weather", str(tmp_path / "WEATHER.csv"), "--start", "2025-08-04",
               "--end", "2025-08-31", "--quantiles", "0.5,0.7,0.9", "--out", str(out)])
    assert rc == 0
    assert "backtest" in capsys.readouterr().out
    pred = pd.read_csv(out)
    assert list(pred.columns) == ["date", "product", "q0.5", "q0.7", "q0.9"]
    assert set(pred["product"]) == {"Brot", "Brötchen, hell", "Kuchen"}
    assert pred["date"].min() == "2025-08-04"
    assert pred["date"].max() == "2025-08-30"
    assert len(pred) == 3 * 24  # Sundays are closed days and omitted
    assert ((pred["q0.5"] <= pred["q0.7"]) & (pred["q0.7"] <= pred["q0.9"])).all()


def test_backtest_command_names_a_missing_column(tmp_path: Path, capsys) -> None:
    (tmp_path / "SALES.csv").write_text("date,product\n2025-01-01,Brot\n", encoding="utf-8")
    rc = main(["--lang", "en", "backtest", "--sales", str(tmp_path / "SALES.csv"), "--state", "NW",
               "--start", "2025-08-04", "--end", "2025-08-31", "--out", str(tmp_path / "P.csv")])
    assert rc == 2
    assert "quantity" in capsys.readouterr().err


@pytest.mark.parametrize("bad", ["2025-13-01", "yesterday"])
def test_backtest_command_names_a_bad_date(tmp_path: Path, capsys, bad: str) -> None:
    (tmp_path / "SALES.csv").write_text(f"date,product,quantity\n{bad},Brot,3\n", encoding="utf-8")
    rc = main(["--lang", "en", "backtest", "--sales", str(tmp_path / "SALES.csv"), "--state", "NW",
               "--start", "2025-08-04", "--end", "2025-08-31", "--out", str(tmp_path / "P.csv")])
    assert rc == 2
    assert "row 2" in capsys.readouterr().err


def test_backtest_command_forecasts_a_new_shop_with_a_sell_out_in_its_first_weeks(
        make_sales, tmp_path: Path) -> None:
    # a shop 40 days old whose till records production and leftovers: one day sold out
    sales = make_sales(days=40, start="2025-01-06")
    sales["date"] = sales["date"].dt.strftime("%Y-%m-%d")
    sales["produced"] = sales["quantity"] + 3
    sales["leftover"] = 3
    sales.loc[25, ["produced", "leftover"]] = [sales.loc[25, "quantity"], 0]
    sales.to_csv(tmp_path / "SALES.csv", index=False,
                 columns=["date", "product", "quantity", "produced", "leftover"])
    out = tmp_path / "PRED.csv"
    rc = main(["backtest", "--sales", str(tmp_path / "SALES.csv"), "--state", "SH",
               "--start", "2025-02-03", "--end", "2025-02-14", "--out", str(out)])
    assert rc == 0
    assert len(pd.read_csv(out)) > 0
