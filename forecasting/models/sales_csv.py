"""Read the backtest contract's SALES.csv: date,product,quantity[,school_holiday,promotion,produced,leftover]."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from forecasting.errors import UserError

OPTIONAL = ("school_holiday", "promotion", "produced", "leftover")


def read_sales_csv(path: str | Path) -> pd.DataFrame:
    """A SALES frame (with the optional 0/1 columns kept) from a contract SALES.csv file."""
    path = Path(path)
    if not path.is_file():
        raise UserError("backtest.no_file", path=str(path))
    frame = pd.read_csv(path, encoding="utf-8", dtype={"product": str})
    frame.columns = [str(c).strip().lstrip("\ufeff") for c in frame.columns]
    missing = [c for c in ("date", "product", "quantity") if c not in frame.columns]
    if missing:
        raise UserError("backtest.bad_sales", path=str(path), columns=", ".join(missing))
    out = pd.DataFrame({"product": frame["product"].astype(str)})
    out["date"] = _column(frame, "date", path, lambda s: pd.to_datetime(s, format="%Y-%m-%d"))
    for col in ("quantity", *OPTIONAL):
        if col in frame.columns:
            out[col] = _column(frame, col, path, lambda s: pd.to_numeric(s).astype(float))
    return out.sort_values(["product", "date"], kind="stable").reset_index(drop=True)


def _column(frame: pd.DataFrame, col: str, path: Path, parse: object) -> pd.Series:
    try:
        return parse(frame[col])  # type: ignore[operator]
    except (ValueError, TypeError):
        for i, value in enumerate(frame[col]):
            try:
                parse(pd.Series([value]))  # type: ignore[operator]
            except (ValueError, TypeError):
                raise UserError(
                    "backtest.bad_value", path=str(path), row=i + 2, column=col, value=value
                ) from None
        raise
