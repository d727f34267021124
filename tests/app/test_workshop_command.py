"""`bestellkompass workshop`: create a scenario from the demo bakery, play it, report; bad input
is refused with file, line and column and nothing is written or merged."""

from __future__ import annotations

import dataclasses
import hashlib
import io
import json
import re
import shutil
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from pypdf import PdfReader

from app.cli import main
from forecasting.policy.policy_backtest import policy_orders, rule_orders
from forecasting.store.file import Shop
from forecasting.store.sales import read_sales, read_true_demand
from forecasting.texts import format_number
from forecasting.workshop.files import read_result, read_scenario, unseal, write_scenario
from forecasting.workshop.scenario import Scenario
from tests.app.conftest import WORKSHOP_PERIOD as PERIOD
from tests.app.conftest import WORKSHOP_PRODUCTS as PRODUCTS


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _create(shop: Path, out: Path, *extra: str) -> None:
    code = main(["--lang", "en", "workshop", "create", "--shop", str(shop), *PERIOD,
                 "--products", ",".join(PRODUCTS), *extra, "--out", str(out)])
    assert code == 0


@pytest.fixture
def made(workshop_files: tuple[Path, Path]) -> tuple[Path, Path]:
    """(shop copy, scenario file), made once per session through the command line."""
    return workshop_files


def _orders(scenario: Scenario, column: str, factor: float = 1.0) -> pd.DataFrame:
    sheet = scenario.sheet
    return pd.DataFrame({"date": sheet["date"].dt.strftime("%Y-%m-%d"),
                         "product": sheet["product"],
                         "quantity": (sheet[column] * factor).round()})


def _write_orders(frame: pd.DataFrame, path: Path) -> Path:
    frame.to_csv(path, index=False)
    return path


def test_scenario_holds_the_days_and_nothing_after(made: tuple[Path, Path]) -> None:
    shop, path = made
    scenario = read_scenario(path)
    assert zipfile.ZipFile(path).namelist() == [
        "manifest.json", "scenario.json", "history.csv", "sheet.csv", "calendar.csv",
        "forecasts.csv", "sealed.bin"]
    assert sorted(scenario.product_names) == sorted(PRODUCTS)
    days = scenario.days
    assert days[0].isoformat() == "2026-11-12"
    assert days[-1].isoformat() == "2026-11-18"
    assert len(scenario.sheet) == len(scenario.outcome) == len(days) * len(PRODUCTS)
    assert scenario.history["date"].max() <= pd.Timestamp("2026-11-18")
    with Shop.open(shop, read_only=True) as s:
        truth = read_true_demand(s)
    merged = scenario.outcome.merge(truth, on=["date", "product"], suffixes=("", "_true"))
    assert len(merged) == len(scenario.outcome)
    assert (merged["demand"] == merged["demand_true"]).all()
    # the suggestions are the policy benchmark's orders on the stored forecasts
    products = {p.name: p for p in scenario.products}
    frame = scenario.forecasts.sort_values(["date", "product"], ignore_index=True)
    assert np.array_equal(policy_orders(frame, products), scenario.sheet["suggestion"].to_numpy())
    assert np.array_equal(rule_orders(frame, scenario.history, "last_week", products),
                          scenario.sheet["rule"].to_numpy())
    assert scenario.sheet["reasons_de"].str.contains("Vorschlag").all()


def test_the_answers_are_not_readable_by_unzipping(made: tuple[Path, Path]) -> None:
    """A participant who unzips the scenario finds no sale of a scenario day and no demand: those
    are sealed; read through Bestellkompass they are all there."""
    _, path = made
    scenario = read_scenario(path)
    with zipfile.ZipFile(path) as zf:
        plain = {n: zf.read(n) for n in zf.namelist() if n != "sealed.bin"}
        sealed = zf.read("sealed.bin")
    history = pd.read_csv(io.BytesIO(plain["history.csv"]), parse_dates=["date"])
    assert history["date"].max() < pd.Timestamp(scenario.first)
    headers = [data.split(b"\n", 1)[0] for n, data in plain.items() if n.endswith(".csv")]
    assert not any(b"demand" in header or b"sold," in header for header in headers)
    assert b"demand" not in sealed
    assert not sealed.startswith(b"PK")
    assert scenario.history["date"].max() == pd.Timestamp(scenario.last)
    assert len(scenario.outcome) == len(scenario.sheet)
    assert scenario.outcome["demand"].sum() > 0


def test_a_scenario_file_of_version_1_still_opens(made: tuple[Path, Path], tmp_path: Path) -> None:
    """Files written before the answers were sealed (plain outcome.csv) open and score as then."""
    _, path = made
    scenario = read_scenario(path)
    old = tmp_path / "v1.bkworkshop"
    with zipfile.ZipFile(path) as zf:
        head = json.loads(zf.read("scenario.json"))
    del head["seal"]
    members = {"scenario.json": json.dumps(head).encode("utf-8")}
    for table in ("history", "outcome", "sheet", "calendar", "forecasts"):
        frame = getattr(scenario, table).assign(
            date=lambda f: pd.to_datetime(f["date"]).dt.strftime("%Y-%m-%d"))
        members[f"{table}.csv"] = frame.to_csv(index=False, lineterminator="\n").encode("utf-8")
    manifest = {"format": "bestellkompass-workshop", "version": 1, "kind": "scenario",
                "files": {n: hashlib.sha256(d).hexdigest() for n, d in members.items()}}
    with zipfile.ZipFile(old, "w") as zf:
        zf.writestr("manifest.json", json.dumps(manifest))
        for name, data in members.items():
            zf.writestr(name, data)
    again = read_scenario(old)
    pd.testing.assert_frame_equal(again.outcome, scenario.outcome)
    pd.testing.assert_frame_equal(again.history, scenario.history)


def test_suggestions_use_no_later_data(made: tuple[Path, Path], tmp_path: Path) -> None:
    """Tripling every sale from 16.11. on changes no suggestion for the days up to 16.11."""
    shop, path = made
    changed = tmp_path / "changed.bkshop"
    shutil.copy(shop, changed)
    with Shop.open(changed) as s, s.transaction() as conn:
        conn.execute("UPDATE sales SET quantity = quantity * 3 WHERE date >= '2026-11-16'")
    other = tmp_path / "changed.bkworkshop"
    _create(changed, other)
    before, after = read_scenario(path).sheet, read_scenario(other).sheet
    early = before["date"] <= pd.Timestamp("2026-11-16")
    cols = ["date", "product", "forecast", "suggestion", "rule"]
    pd.testing.assert_frame_equal(before.loc[early, cols].reset_index(drop=True),
                                  after.loc[early, cols].reset_index(drop=True))
    late = ~early & (before["date"] > pd.Timestamp("2026-11-16"))
    assert (after.loc[late, "suggestion"].to_numpy() != before.loc[late, "suggestion"].to_numpy()
            ).any()


def test_play_and_report(qapp: object, made: tuple[Path, Path], tmp_path: Path,
                         capsys: pytest.CaptureFixture[str]) -> None:
    """(qapp: the PDF is written with the session's QApplication, as after the window's tests;
    a QGuiApplication made here first would make later widget tests abort.)"""
    _, path = made
    scenario = read_scenario(path)
    players = {"Anna": _orders(scenario, "suggestion"), "Ben": _orders(scenario, "rule"),
               "Cem": _orders(scenario, "forecast", 0.8)}
    results = []
    for name, orders in players.items():
        out = tmp_path / f"{name}.bkresult"
        code, said, err = _run(capsys, "--lang", "en", "workshop", "play", str(path),
                               "--participant", name, "--orders",
                               str(_write_orders(orders, tmp_path / f"{name}.csv")),
                               "--out", str(out))
        assert code == 0, err
        assert f"Result of {name} written" in said
        results.append(str(out))
    report_path = tmp_path / "report.json"
    code, said, err = _run(capsys, "workshop", "report", *results, "--format", "json",
                           "--out", str(report_path))
    assert code == 0, err
    assert "Auswertung von 3 Teilnehmenden" in said
    report = json.loads(report_path.read_text(encoding="utf-8"))
    people = {p["name"]: p for p in report["participants"]}
    assert people["Anna"]["participant"] == report["bestellkompass"]
    assert people["Ben"]["participant"] == report["same_as_last_week"]
    assert report["demand_kind"] == "true_demand"
    assert not report["estimated"]
    # Cem's figures by hand from the scenario's demand and prices
    cem = players["Cem"].assign(date=lambda f: pd.to_datetime(f["date"])).merge(
        scenario.outcome, on=["date", "product"])
    sold = np.minimum(cem["demand"], cem["quantity"])
    price = cem["product"].map({p.name: p.price for p in scenario.products})
    cost = cem["product"].map({p.name: p.unit_cost for p in scenario.products})
    mine = people["Cem"]["participant"]
    assert mine["waste"] == pytest.approx(float((cem["quantity"] - sold).sum()))
    assert mine["short"] == pytest.approx(float((cem["demand"] - sold).sum()))
    assert mine["sellout_days"] == int((cem["demand"] > cem["quantity"]).sum())
    assert mine["margin"] == pytest.approx(float((price * sold - cost * cem["quantity"]).sum()),
                                           abs=0.01)
    days = people["Cem"]["days"]
    assert [d["date"] for d in days] == [d.isoformat() for d in scenario.days]
    assert sum(d["participant"]["waste"] for d in days) == pytest.approx(mine["waste"])
    # the handout: the same figures, German numbers, in a real PDF
    pdf = tmp_path / "handout.pdf"
    code, _, err = _run(capsys, "workshop", "report", *results, "--format", "pdf",
                        "--out", str(pdf))
    assert code == 0, err
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(pdf).pages)
    for words in ("Bestell-Workshop: was geschah", "12.11.2026 bis 18.11.2026", "Anna", "Cem",
                  "Wie letzte Woche", "wahre Nachfrage",
                  format_number(mine["margin"], "de", 2), "Mi. 18.11.2026"):
        assert words in text, words


@pytest.mark.parametrize(("edit", "words"), [
    (lambda f: f.assign(date=f["date"].where(f.index != 3, "2026-11-19")),
     "line 5, column date: 2026-11-19 is not a day of this workshop"),
    (lambda f: f.assign(date=f["date"].where(f.index != 0, "12/11/2026")),
     "line 2, column date: \"12/11/2026\" is not a date"),
    (lambda f: f.assign(product=f["product"].where(f.index != 7, "Donut")),
     "line 9, column product: this workshop has no product \"Donut\""),
    (lambda f: f.assign(quantity=f["quantity"].astype(object).where(f.index != 2, "-4")),
     "line 4, column quantity: \"-4\" is not a quantity"),
    (lambda f: pd.concat([f, f.iloc[[1]]], ignore_index=True),
     "is already ordered for this day in line 3"),
    (lambda f: f.drop(index=[5, 6]), "2 orders are missing"),
    (lambda f: f.rename(columns={"quantity": "qty"}), "line 1: the columns quantity are missing"),
])
def test_bad_orders_are_refused(made: tuple[Path, Path], tmp_path: Path,
                                capsys: pytest.CaptureFixture[str], edit, words: str) -> None:
    _, path = made
    orders = _write_orders(edit(_orders(read_scenario(path), "suggestion")), tmp_path / "o.csv")
    out = tmp_path / "r.bkresult"
    code, _, err = _run(capsys, "--lang", "en", "workshop", "play", str(path),
                        "--participant", "X", "--orders", str(orders), "--out", str(out))
    assert code == 2
    assert f"{orders}: " in err, err
    assert words in err, err
    assert "Traceback" not in err
    assert not out.exists()


def _play(path: Path, name: str, folder: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    orders = _write_orders(_orders(read_scenario(path), "rule"), folder / f"{name}.csv")
    out = folder / f"{name}.bkresult"
    code, _, err = _run(capsys, "workshop", "play", str(path), "--participant", name,
                        "--orders", str(orders), "--out", str(out))
    assert code == 0, err
    return out


def test_results_of_another_scenario_are_not_merged(
        made: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, path = made
    other = tmp_path / "other.bkworkshop"
    write_scenario(dataclasses.replace(read_scenario(path), scenario_id="another"), other)
    mine = _play(path, "Anna", tmp_path, capsys)
    theirs = _play(other, "Ben", tmp_path, capsys)
    out = tmp_path / "report.json"
    code, _, err = _run(capsys, "--lang", "en", "workshop", "report", str(mine), str(theirs),
                        "--format", "json", "--out", str(out))
    assert code == 2
    assert f"{theirs}: this result belongs to another workshop than {mine}" in err
    assert not out.exists()
    again = tmp_path / "again" / "Anna.bkresult"
    again.parent.mkdir()
    shutil.copy(mine, again)
    code, _, err = _run(capsys, "--lang", "en", "workshop", "report", str(mine), str(again),
                        "--format", "json", "--out", str(out))
    assert code == 2
    assert "\"Anna\" already has a result" in err
    assert not out.exists()


def test_damaged_files_are_refused(made: tuple[Path, Path], tmp_path: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    _, path = made
    result = _play(path, "Anna", tmp_path, capsys)
    for damaged, command in ((tmp_path / "cut.bkworkshop", "play"),
                             (tmp_path / "cut.bkresult", "report")):
        source = path if command == "play" else result
        data = source.read_bytes()
        damaged.write_bytes(data[: len(data) // 2])
        argv = (["workshop", "play", str(damaged), "--participant", "X", "--orders",
                 str(tmp_path / "Anna.csv"), "--out", str(tmp_path / "x.bkresult")]
                if command == "play" else
                ["workshop", "report", str(result), str(damaged), "--format", "json", "--out",
                 str(tmp_path / "x.json")])
        code, _, err = _run(capsys, "--lang", "en", *argv)
        assert code == 2, err
        assert f"{damaged}: the file is damaged or was changed" in err
        assert "Traceback" not in err
    # a result edited inside the zip (its figures improved) fails its manifest
    edited = tmp_path / "edited.bkresult"
    with zipfile.ZipFile(result) as src, zipfile.ZipFile(edited, "w") as dst:
        for item in src.namelist():
            data = src.read(item)
            if item == "result.json":
                data = re.sub(rb'"waste": [0-9.]+', b'"waste": 0.0', data)
            dst.writestr(item, data)
    code, _, err = _run(capsys, "--lang", "en", "workshop", "report", str(edited),
                        "--format", "json", "--out", str(tmp_path / "x.json"))
    assert code == 2
    assert "result.json" in err
    assert not (tmp_path / "x.json").exists()
    # a scenario where a result is expected
    code, _, err = _run(capsys, "--lang", "en", "workshop", "report", str(path),
                        "--format", "json", "--out", str(tmp_path / "x.json"))
    assert code == 2
    assert "expected \"result\"" in err


def test_german_message(made: tuple[Path, Path], tmp_path: Path,
                        capsys: pytest.CaptureFixture[str]) -> None:
    _, path = made
    frame = _orders(read_scenario(path), "suggestion")
    orders = _write_orders(frame.assign(date=frame["date"].where(frame.index != 0, "2026-12-01")),
                           tmp_path / "o.csv")
    code, _, err = _run(capsys, "workshop", "play", str(path), "--participant", "X",
                        "--orders", str(orders), "--out", str(tmp_path / "r.bkresult"))
    assert code == 2
    assert "Zeile 2, Spalte date: 2026-12-01 ist kein Tag dieses Workshops" in err


def test_anonymised_real_shop_keeps_nothing_recognisable(
        made: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A shop without true demand (a real one), made anonymous; scored on its sales, said so."""
    shop, plain = made
    real = tmp_path / "real.bkshop"
    shutil.copy(shop, real)
    with Shop.open(real) as s, s.transaction() as conn:
        conn.execute("DELETE FROM true_demand")
    out = tmp_path / "anonymous.bkworkshop"
    _create(real, out, "--anonymise")
    with zipfile.ZipFile(out) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    seal = bytes.fromhex(json.loads(members["scenario.json"])["seal"])
    texts = [data.decode("utf-8") for name, data in members.items() if name != "sealed.bin"]
    texts += [data.decode("utf-8") for data in unseal(members["sealed.bin"], seal).values()]
    everything = out.read_bytes().decode("latin-1") + "\n".join(texts)
    with Shop.open(shop, read_only=True) as s:
        sales = read_sales(s)
        name_row = s._conn.execute("SELECT name, postal_code FROM shop").fetchone()
    for secret in (*PRODUCTS, "Sonnenkorn", "Dortmund", "44135", "51.5136", "7.4653",
                   "Kampstraße", "Borussia", "BVB", str(name_row[0]), str(name_row[1]),
                   "2026-11-12", "2026-11-18"):
        assert secret.lower() not in everything.lower(), secret
    scenario, original = read_scenario(out), read_scenario(plain)
    in_play = sales[sales["product"].isin(PRODUCTS)]
    period = in_play[(in_play["date"] >= "2026-11-12") & (in_play["date"] <= "2026-11-18")]
    totals = [period["quantity"].sum(), original.history["quantity"].sum(),
              original.outcome["demand"].sum(), in_play["quantity"].sum()]
    for total in totals:
        number = re.escape(str(int(total)))
        assert not re.search(rf"(?<![\d.]){number}(\.0+)?(?![\d.])", "\n".join(texts)), total
    # row by row, the quantities are scaled: hardly any day keeps its own figure
    same = (scenario.history["quantity"].to_numpy() == original.history["quantity"].to_numpy())
    assert same.mean() < 0.2
    assert scenario.first.weekday() == original.first.weekday()
    assert (original.first - scenario.first).days % 7 == 0
    assert scenario.first != original.first
    assert scenario.title == ""
    assert scenario.state == ""
    assert scenario.anonymised
    # the weather by date would tell where the shop is: an anonymous scenario shows none
    assert (scenario.calendar["weather_kind"] == "").all()
    assert scenario.calendar["precipitation"].isna().all()
    assert {p.category for p in scenario.products} == {p.category for p in original.products}
    assert all(re.fullmatch(r"\w+ \d+", p.name) for p in scenario.products)
    # a real shop: the demand is what sold, and the report says the figures are estimates
    assert scenario.demand_kind == "sales_lower_bound"
    assert (scenario.outcome["demand"] == scenario.outcome["sold"]).all()
    result = _play(out, "Anna", tmp_path, capsys)
    report_path = tmp_path / "report.json"
    code, _, err = _run(capsys, "workshop", "report", str(result), "--format", "json",
                        "--out", str(report_path))
    assert code == 0, err
    report = json.loads(report_path.read_text(encoding="utf-8"))
    assert report["estimated"]
    assert "untere Grenzen" in report["note"]["de"]
    assert "lower bounds" in report["note"]["en"]


def test_goods_that_keep_mix_with_a_days_goods(made: tuple[Path, Path], tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    """A product that keeps and comes twice a week is played on a shelf next to a day's goods:
    its orders are for its delivery days only, Baguette's for every day (it was refused before
    goods that keep could be played)."""
    shop, _ = made
    deli_like = tmp_path / "deli_like.bkshop"
    shutil.copy(shop, deli_like)
    with Shop.open(deli_like) as s, s.transaction() as conn:
        conn.execute("UPDATE products SET shelf_life_days = 7, delivery_weekdays = '14' "
                     "WHERE name = 'Berliner'")
    out = tmp_path / "w.bkworkshop"
    code, _, err = _run(capsys, "--lang", "en", "workshop", "create", "--shop", str(deli_like),
                        *PERIOD, "--products", "Baguette,Berliner", "--out", str(out))
    assert code == 0, err
    scenario = read_scenario(out)
    # goods that keep: a forecast run per horizon the orders reach, each one reported
    runs = set((scenario.stock_forecasts["date"] - scenario.stock_forecasts["cutoff"]).dt.days)
    assert len(runs) > 1
    assert f"run {len(runs)}/{len(runs)}" in err
    assert scenario.stocked == ["Berliner"]
    sheet = scenario.sheet
    berliner = sheet[sheet["product"] == "Berliner"]
    assert set(berliner["date"].dt.day_of_week) <= {1, 4}
    assert len(sheet[sheet["product"] == "Baguette"]) == len(scenario.days)
    orders = tmp_path / "orders.csv"
    pd.DataFrame({"date": sheet["date"].dt.strftime("%Y-%m-%d"), "product": sheet["product"],
                  "quantity": sheet["suggestion"]}).to_csv(orders, index=False)
    result = tmp_path / "r.bkresult"
    code, _, err = _run(capsys, "--lang", "en", "workshop", "play", str(out), "--participant",
                        "Eva", "--orders", str(orders), "--out", str(result))
    assert code == 0, err
    totals = read_result(result)["totals"]
    assert totals["participant"] == totals["bestellkompass"]
    assert "shelf" in totals["participant"]


def test_overrides_by_direction_and_size_from_a_folder(
        made: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Two packs more than suggested on every line: counted as "up", small or large by the rule
    (at most one pack or 10 % of the suggestion), with the margin against the suggestion worked
    out here by hand; the report takes the folder the result files were written to."""
    _, path = made
    scenario = read_scenario(path)
    packs = {p.name: p.pack_size for p in scenario.products}
    frame = _orders(scenario, "suggestion")
    frame["quantity"] += frame["product"].map(packs) * 2
    folder = tmp_path / "results"
    folder.mkdir()
    orders = _write_orders(frame, tmp_path / "dora.csv")
    code, _, err = _run(capsys, "workshop", "play", str(path), "--participant", "Dora",
                        "--orders", str(orders), "--out", str(folder / "dora.bkresult"))
    assert code == 0, err
    out = tmp_path / "report.json"
    code, _, err = _run(capsys, "workshop", "report", str(folder), "--format", "json",
                        "--out", str(out))
    assert code == 0, err
    groups = json.loads(out.read_text(encoding="utf-8"))["participants"][0]["overrides"]
    sheet = scenario.sheet.merge(scenario.outcome, on=["date", "product"])
    q = sheet["suggestion"] + sheet["product"].map(packs) * 2
    price, cost, salvage = (sheet["product"].map({p.name: getattr(p, a) for p in
                                                  scenario.products})
                            for a in ("price", "unit_cost", "salvage_value"))

    def margin(quantity: pd.Series) -> pd.Series:
        sold = np.minimum(sheet["demand"], quantity)
        return price * sold + salvage * (quantity - sold) - cost * quantity

    small = (q - sheet["suggestion"]) <= np.maximum(sheet["product"].map(packs),
                                                   0.1 * sheet["suggestion"])
    gain = margin(q) - margin(sheet["suggestion"])
    assert groups["up_small"]["overrides"] == int(small.sum())
    assert groups["up_large"]["overrides"] == int((~small).sum())
    assert groups["up_large"]["margin"] == pytest.approx(float(gain[~small].sum()), abs=0.01)
    assert groups["up_small"]["margin"] == pytest.approx(float(gain[small].sum()), abs=0.01)
    assert groups["down_small"]["overrides"] == groups["down_large"]["overrides"] == 0
    assert groups["up_large"]["hurt"] + groups["up_large"]["helped"] <= int((~small).sum())
    # a result written into a folder that does not exist: said so, nothing written
    code, _, err = _run(capsys, "--lang", "en", "workshop", "play", str(path), "--participant",
                        "Dora", "--orders", str(orders), "--out",
                        str(tmp_path / "nowhere" / "d.bkresult"))
    assert code == 2
    assert "nowhere: this folder does not exist" in err
