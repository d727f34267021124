"""Turn the shared datasets and the demo shops into the backtest contract's CSV files.

Writes <out>/<shop>/SALES.csv (+ WEATHER.csv, EVENTS.csv) and a shop.json with the state; never
writes into ../shared. Kiel: turnover per product group, wetter.csv as weather, kiwo.csv as
town_festival events. Würzburg: units of bread/rolls/pretzels (row i = 2016-01-02 + i), its rain
and temperature as weather, is_schoolholiday / promotion_currentweek as SALES columns.
Demo shops: sales with produced/leftover (sell-outs) and one-product promotions as the promotion
column, weather and the other events from the shop file.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import numpy as np
import pandas as pd

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared" / "datasets"
DEMO_END = dt.date(2026, 11, 26)


def _write(folder: Path, state: str, sales: pd.DataFrame, weather: pd.DataFrame | None,
           events: pd.DataFrame | None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    sales = sales.assign(date=pd.to_datetime(sales["date"]).dt.strftime("%Y-%m-%d"))
    sales.to_csv(folder / "SALES.csv", index=False, lineterminator="\n")
    if weather is not None:
        weather = weather.assign(date=pd.to_datetime(weather["date"]).dt.strftime("%Y-%m-%d"))
        weather.to_csv(folder / "WEATHER.csv", index=False, lineterminator="\n")
    if events is not None:
        events = events.copy()
        for col in ("start_date", "end_date"):
            events[col] = pd.to_datetime(events[col]).dt.strftime("%Y-%m-%d")
        events.to_csv(folder / "EVENTS.csv", index=False, lineterminator="\n")
    (folder / "shop.json").write_text(json.dumps({"state": state}), encoding="utf-8")
    return folder


def kiel(out: Path) -> Path:
    """Kiel bakery (SH): Warengruppe 1..6 as products."""
    src = SHARED / "kiel_bakery"
    raw = pd.read_csv(src / "umsatzdaten_gekuerzt.csv")
    names = {1: "Brot", 2: "Broetchen", 3: "Croissant", 4: "Konditorei", 5: "Kuchen",
             6: "Saisonbrot"}
    sales = pd.DataFrame({"date": raw["Datum"], "product": raw["Warengruppe"].map(names),
                          "quantity": raw["Umsatz"].round(4)})
    wetter = pd.read_csv(src / "wetter.csv")
    weather = pd.DataFrame({"date": wetter["Datum"], "temperature": wetter["Temperatur"],
                            "precipitation": float("nan"),
                            "sunshine": (8 - wetter["Bewoelkung"]) * 1.5})
    weather = weather.dropna(subset=["temperature"])
    kiwo = pd.read_csv(src / "kiwo.csv", parse_dates=["Datum"])
    rows = [{"kind": "town_festival", "name": "Kieler Woche", "start_date": g["Datum"].min(),
             "end_date": g["Datum"].max()} for _, g in kiwo.groupby(kiwo["Datum"].dt.year)]
    return _write(out / "kiel", "SH", sales, weather, pd.DataFrame(rows))


def wuerzburg(out: Path) -> Path:
    """Würzburg bakery (BY): bread, rolls, pretzels."""
    src = SHARED / "wuerzbaeck"
    target = pd.read_csv(src / "wuerzbaeck_target.csv")
    data = pd.read_csv(src / "wuerzbaeck_data.csv")
    dates = pd.date_range("2016-01-02", periods=len(target), freq="D")
    frames = [
        pd.DataFrame({"date": dates, "product": name, "quantity": target[name],
                      "school_holiday": data["is_schoolholiday"],
                      "promotion": data["promotion_currentweek"]})
        for name in target.columns
    ]
    sales = pd.concat(frames, ignore_index=True)
    weather = pd.DataFrame({"date": dates, "temperature": data["temperature"],
                            "precipitation": data["rain"]})
    return _write(out / "wuerzburg", "BY", sales, weather, None)


def demo(kind: str, out: Path) -> Path:
    """A demo shop (bakery or deli) written with the demo generator, then exported."""
    from forecasting.demo.generate import write_demo_shop
    from forecasting.shop_calendar import (
        is_product_promotion,
        product_promotions,
        with_promotions,
    )
    from forecasting.store.calendar import events_frame, load_events, load_weather
    from forecasting.store.file import Shop
    from forecasting.store.sales import read_sales, read_true_demand
    from forecasting.store.settings import load_settings

    folder = out / f"demo_{kind}"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "shop.bkshop"
    if not path.exists():
        write_demo_shop(kind, DEMO_END, path)
    with Shop.open(path) as shop:
        state = load_settings(shop).state
        sales = read_sales(shop)
        weather = load_weather(shop)
        # one-product promotions go into SALES' promotion column, as the app's forecast sees them
        events = events_frame([e for e in load_events(shop) if not is_product_promotion(e)])
        promotions = product_promotions(shop)
        truth = read_true_demand(shop)
    weather = weather[weather["kind"] == "observation"]
    truth.assign(date=truth["date"].dt.strftime("%Y-%m-%d")).to_csv(
        folder / "TRUE_DEMAND.csv", index=False, lineterminator="\n")
    sold_out = sales["sold_out_time"].notna()
    table = sales[["date", "product", "quantity", "produced", "leftover"]].copy()
    # a recorded sold-out time means nothing was left: keep that fact in the contract's columns
    table.loc[sold_out & table["leftover"].isna(), "leftover"] = 0.0
    if kind == "deli":
        # Goods that keep: "produced" is a delivery and "leftover" what was written off, so a
        # day's books do not balance and the contract's columns cannot say "sold out". The app
        # reads the sold-out times; here they become "nothing left" (leftover 0, nothing else).
        table["produced"] = float("nan")
        table["leftover"] = np.where(sold_out, 0.0, np.nan)
    table = with_promotions(table, promotions)
    return _write(folder, state, table,
                  weather[["date", "temperature", "precipitation", "sunshine"]],
                  events[["kind", "name", "start_date", "end_date"]] if len(events) else None)


def convert_all(out: Path, shops: list[str]) -> dict[str, Path]:
    """Convert the named shops ("kiel", "wuerzburg", "demo_bakery", "demo_deli")."""
    makers = {"kiel": kiel, "wuerzburg": wuerzburg,
              "demo_bakery": lambda o: demo("bakery", o), "demo_deli": lambda o: demo("deli", o)}
    return {name: makers[name](out) for name in shops}
