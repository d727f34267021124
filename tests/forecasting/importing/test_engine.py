"""The import engine on the real shared data files, and its all-or-nothing guarantees."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import math
import sqlite3
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from forecasting.errors import UserError
from forecasting.importing.engine import (
    ImportOptions,
    ImportRefusedError,
    import_sales,
    plan_import,
    read_file,
    write_import,
)
from forecasting.importing.layouts import ImportCancelledError
from forecasting.importing.mapping import Mapping
from forecasting.progress import CallbackProgress
from forecasting.store.create import create_shop
from forecasting.store.file import Shop

KIEL_GROUPS = {
    "1": "Brot",
    "2": "Brötchen",
    "3": "Croissant",
    "4": "Konditorei",
    "5": "Kuchen",
    "6": "Saisonbrot",
}


def kiel_mapping() -> Mapping:
    return Mapping(
        layout="daily",
        date_column="Datum",
        product_column="Warengruppe",
        quantity_column="Umsatz",
        aliases=KIEL_GROUPS,
        unit="EUR",  # the Kiel file's "Umsatz" is turnover in euros
    )


def test_kiel_turnover_totals_are_exact(
    datasets: Path, new_shop: Shop, shop_sales: Callable
) -> None:
    path = datasets / "kiel_bakery" / "umsatzdaten_gekuerzt.csv"
    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    exact: dict[str, Decimal] = {}
    floats: dict[str, list[float]] = {}
    for r in rows:
        name = KIEL_GROUPS[r["Warengruppe"]]
        exact[name] = exact.get(name, Decimal(0)) + Decimal(r["Umsatz"])
        floats.setdefault(name, []).append(float(r["Umsatz"]))

    report = import_sales(path, new_shop, kiel_mapping())

    assert report.tally.rows_read == len(rows) + 1
    assert report.tally.imported == len(rows)
    assert report.reconciled
    by_product = {t.product: t for t in report.totals}
    assert set(by_product) == set(exact)
    for name, total in exact.items():
        assert by_product[name].in_file == total
        stored = [q for (p, _d, q) in shop_sales(new_shop) if p == name]
        assert math.fsum(stored) == math.fsum(floats[name])  # every day holds float(file text)
    # the aliases are remembered: a second import without them lands on the same products
    again = import_sales(path, new_shop, Mapping(**{**kiel_mapping().to_dict(), "aliases": {}}))
    assert again.days_new == 0
    assert again.days_unchanged == len(rows)
    aliases = new_shop._conn.execute("SELECT alias FROM product_aliases ORDER BY alias")
    assert [r[0] for r in aliases] == sorted(KIEL_GROUPS)


def test_wuerzburg_wide_table_without_dates(
    datasets: Path, new_shop: Shop, shop_sales: Callable
) -> None:
    path = datasets / "wuerzbaeck" / "wuerzbaeck_target.csv"
    with open(path, newline="") as fh:
        rows = list(csv.DictReader(fh))
    mapping = Mapping(
        layout="wide", product_columns=["bread", "rolls", "pretzels"], start_date="2016-01-02"
    )

    report = import_sales(path, new_shop, mapping)

    assert report.tally.imported == len(rows) == 1215
    sales = shop_sales(new_shop)
    for product in ("bread", "rolls", "pretzels"):
        expected = sum(Decimal(r[product]) for r in rows)
        assert {t.product: t.in_file for t in report.totals}[product] == expected
        assert Decimal(sum(q for p, _d, q in sales if p == product)) == expected
    dates = sorted({d for _p, d, _q in sales})
    assert dates[0] == "2016-01-02"
    assert dates[-1] == "2019-04-30"
    first_day = {p: q for p, d, q in sales if d == "2016-01-02"}
    assert first_day == {"bread": 49.0, "rolls": 163.0, "pretzels": 18.0}


def test_wide_table_without_dates_asks_for_start_date(datasets: Path, new_shop: Shop) -> None:
    path = datasets / "wuerzbaeck" / "wuerzbaeck_target.csv"
    with pytest.raises(UserError) as err:
        import_sales(path, new_shop)
    assert err.value.code == "import.need_start_date"
    assert "start_date" in err.value.message("de")


def test_kiel_footfall_with_bom_as_one_series(
    datasets: Path, new_shop: Shop, shop_sales: Callable
) -> None:
    path = datasets / "kiel_bakery" / "footfall_holstenstrasse_day.csv"
    with open(path, newline="", encoding="utf-8-sig") as fh:
        rows = list(csv.reader(fh, delimiter=";"))
    header, data = rows[0], rows[1:]
    col = header.index("pedestrians count")
    expected = sum(int(r[col]) for r in data)

    report = import_sales(path, new_shop)  # detected: ';', BOM, one series

    assert report.mapping["encoding"] == "utf-8-sig"
    assert report.mapping["separator"] == ";"
    assert report.tally.imported == len(data)
    (total,) = report.totals
    assert total.in_file == expected
    sales = shop_sales(new_shop)
    assert sum(q for _p, _d, q in sales) == expected
    assert min(d for _p, d, _q in sales) == "2020-05-06"
    assert max(d for _p, d, _q in sales) == "2022-01-03"


RECEIPTS = """Datum;Uhrzeit;Bon;Artikel;Menge;Preis
02.01.2024;07:01;1;Brötchen;3;0,45
02.01.2024;07:02;2;Broetchen;2;0,45
02.01.2024;09:30;3;BRÖTCHEN ;-1;0,45
02.01.2024;08:00;3;Roggenbrot;1;3,90
03.01.2024;12:15;4;Brötchen;10;0,45
"""


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_text(text, encoding=encoding, newline="")
    return path


def test_receipts_are_netted_per_day_with_last_sale_time(tmp_path: Path, new_shop: Shop) -> None:
    report = import_sales(write(tmp_path / "bons.csv", RECEIPTS), new_shop)
    assert report.mapping["layout"] == "receipts"
    rows = new_shop._conn.execute(
        "SELECT p.name, s.date, s.quantity, s.last_sale_time, s.sold_out_time FROM sales s "
        "JOIN products p ON p.id = s.product_id ORDER BY 1, 2"
    ).fetchall()
    assert [tuple(r) for r in rows] == [
        ("Brötchen", "2024-01-02", 4.0, "07:02", None),  # the 09:30 return is not a sale
        ("Brötchen", "2024-01-03", 10.0, "12:15", None),
        ("Roggenbrot", "2024-01-02", 1.0, "08:00", None),
    ]


def test_reimport_changes_nothing_and_overlap_adds_only_new_days(
    tmp_path: Path, new_shop: Shop, shop_sales: Callable
) -> None:
    path = write(tmp_path / "bons.csv", RECEIPTS)
    import_sales(path, new_shop)
    before = shop_sales(new_shop)
    version = new_shop.data_version()
    again = import_sales(path, new_shop)
    assert again.days_new == 0
    assert again.days_unchanged == 3
    assert shop_sales(new_shop) == before
    assert new_shop.data_version() == version
    newer = write(tmp_path / "neu.csv", RECEIPTS + "04.01.2024;08:00;5;Brötchen;7;0,45\n")
    report = import_sales(newer, new_shop)
    assert (report.days_new, report.days_unchanged) == (1, 3)
    assert shop_sales(new_shop) == before | {("Brötchen", "2024-01-04", 7.0)}


def test_conflicts_need_a_choice_and_keep_or_replace(
    tmp_path: Path, new_shop: Shop, digest: Callable, shop_sales: Callable
) -> None:
    import_sales(write(tmp_path / "a.csv", RECEIPTS), new_shop)
    changed = write(tmp_path / "b.csv", RECEIPTS.replace("Roggenbrot;1;", "Roggenbrot;2;"))
    before = digest(new_shop.path)
    with pytest.raises(ImportRefusedError) as err:
        import_sales(changed, new_shop)
    assert err.value.code == "import.conflicts"
    assert err.value.report.conflict_count == 1
    assert "--on-conflict" in err.value.message("de")
    assert digest(new_shop.path) == before

    kept = import_sales(changed, new_shop, options=ImportOptions(on_conflict="keep"))
    assert kept.days_kept == 1
    assert {t.product: t.kept_difference for t in kept.totals}["Roggenbrot"] == 1
    assert ("Roggenbrot", "2024-01-02", 1.0) in shop_sales(new_shop)
    replaced = import_sales(changed, new_shop, options=ImportOptions(on_conflict="replace"))
    assert replaced.days_replaced == 1
    assert ("Roggenbrot", "2024-01-02", 2.0) in shop_sales(new_shop)


def test_rejected_rows_refuse_unless_accepted(
    tmp_path: Path, new_shop: Shop, digest: Callable
) -> None:
    text = RECEIPTS.replace("Roggenbrot;1;", "Roggenbrot;eins;")
    path = write(tmp_path / "bons.csv", text)
    before = digest(new_shop.path)
    with pytest.raises(ImportRefusedError) as err:
        import_sales(path, new_shop)
    message = err.value.message("de")
    assert "bons.csv" in message
    assert "Zeile 5" in message
    assert "Menge" in message
    assert digest(new_shop.path) == before
    report = import_sales(path, new_shop, options=ImportOptions(accept_rejects=True))
    (rejection,) = report.tally.rejections
    assert (rejection.row, rejection.column, rejection.reason, rejection.value) == (
        5,
        "Menge",
        "not_a_number",
        "eins",
    )
    assert report.tally.accounted() == report.tally.rows_read == 6


def test_cancel_during_write_leaves_file_byte_identical(
    tmp_path: Path, datasets: Path, digest: Callable
) -> None:
    shop_path = tmp_path / "laden.bkshop"
    with create_shop(shop_path, name="Laden", state="SH") as shop:
        import_sales(write(tmp_path / "bons.csv", RECEIPTS), shop)
    before = digest(shop_path)
    phases: list[str] = []

    def cancelled() -> bool:
        return "import.check" in phases  # cancel after the rows have been written

    progress = CallbackProgress(lambda f, m: phases.append(m), cancelled)
    # the groups stay new products: euros never join the receipts' Brötchen counted in pieces
    mapping = dataclasses.replace(kiel_mapping(), aliases={})
    data = read_file(datasets / "kiel_bakery" / "umsatzdaten_gekuerzt.csv", mapping)
    with Shop.open(shop_path) as shop:
        with pytest.raises(ImportCancelledError):
            write_import(data, shop, progress=progress)
        assert shop._conn.execute("SELECT COUNT(*) FROM sales").fetchone()[0] == 3
    assert "import.write" in phases
    assert digest(shop_path) == before


def test_cancel_while_reading(tmp_path: Path) -> None:
    lines = ["Datum;Artikel;Menge"] + [f"01.02.2024;P{i % 7};1" for i in range(70_000)]
    path = write(tmp_path / "gross.csv", "\n".join(lines) + "\n")
    fractions: list[float] = []
    progress = CallbackProgress(lambda f, m: fractions.append(f), lambda: bool(fractions[1:]))
    with pytest.raises(ImportCancelledError):
        read_file(path, progress=progress)
    assert fractions
    assert all(0 <= f <= 1 for f in fractions)


def test_failing_write_rolls_back(tmp_path: Path, new_shop: Shop, digest: Callable) -> None:
    """A database error in the middle of the write leaves the file as it was."""
    import_sales(write(tmp_path / "a.csv", RECEIPTS), new_shop)
    new_shop._conn.execute(
        "CREATE TRIGGER no_new_days BEFORE INSERT ON sales WHEN NEW.date > '2024-01-03' "
        "BEGIN SELECT RAISE(ABORT, 'disk full'); END"
    )
    before = digest(new_shop.path)
    newer = write(tmp_path / "b.csv", RECEIPTS + "04.01.2024;08:00;5;Neu;7;0,45\n")
    with pytest.raises(sqlite3.IntegrityError):
        import_sales(newer, new_shop)
    assert digest(new_shop.path) == before
    assert (
        new_shop._conn.execute("SELECT COUNT(*) FROM products WHERE name = 'Neu'").fetchone()[0] == 0
    )


def test_branch_must_be_chosen(tmp_path: Path, new_shop: Shop, shop_sales: Callable) -> None:
    text = "Filiale;Datum;Artikel;Menge\nNord;02.01.2024;Brot;3\nSüd;02.01.2024;Brot;5\n"
    path = write(tmp_path / "filialen.csv", text)
    with pytest.raises(ImportRefusedError) as err:
        import_sales(path, new_shop)
    assert err.value.code == "import.several_branches"
    assert "Nord, Süd" in err.value.message("de")
    mapping = read_file(path).mapping
    mapping.branch = "süd"
    report = import_sales(path, new_shop, mapping)
    assert report.tally.other_branch == 1
    assert shop_sales(new_shop) == {("Brot", "2024-01-02", 5.0)}


def test_ambiguous_dates_are_refused_not_guessed(
    tmp_path: Path, new_shop: Shop, shop_sales: Callable
) -> None:
    text = "Datum,Artikel,Menge\n03/04/2024,Brot,3\n04/04/2024,Brot,5\n"
    path = write(tmp_path / "us.csv", text)
    with pytest.raises(ImportRefusedError) as err:
        plan_import(read_file(path), None)
    assert err.value.code == "import.ambiguous_dates"
    assert "Zeile 2" in err.value.message("de")
    mapping = read_file(path).mapping
    mapping.date_order = "MDY"
    import_sales(path, new_shop, mapping)
    assert shop_sales(new_shop) == {("Brot", "2024-03-04", 3.0), ("Brot", "2024-04-04", 5.0)}


def test_dry_run_plan_on_no_shop(tmp_path: Path) -> None:
    report = import_sales(write(tmp_path / "bons.csv", RECEIPTS), None)
    assert report.dry_run
    assert report.days_new == 3
    assert not report.written
    assert report.products_created == ["Brötchen", "Roggenbrot"]
    assert dt.date(2024, 1, 2)  # dates are plain dates in the report


def test_refusal_reason_is_in_the_users_language(tmp_path: Path) -> None:
    path = write(tmp_path / "bons.csv", RECEIPTS.replace("Roggenbrot;1;", "Roggenbrot;;"))
    with pytest.raises(ImportRefusedError) as err:
        import_sales(path, None)
    assert "Menge fehlt" in err.value.message("de")
    assert "quantity missing" in err.value.message("en")


def test_footfall_split_days_are_added_and_reported(datasets: Path) -> None:
    report = import_sales(datasets / "kiel_bakery" / "footfall_holstenstrasse_day.csv", None)
    assert report.merged_day_count == 5  # e.g. 2020-11-21: 14360 + 21 (a second counter row)
    assert ("pedestrians count", dt.date(2020, 11, 21), 2) in report.merged_days


def test_till_export_fixture_with_workshop_mapping(new_shop: Shop, shop_sales: Callable) -> None:
    """tests/data/import: cp1252 till export (title lines, two branches, quoted ';' and line
    break, returns, a bad quantity, a misquoted row, a "Summe" footer) and a trainer's mapping."""
    from forecasting.importing.mapping import load_mapping

    data_dir = Path(__file__).resolve().parents[2] / "data" / "import"
    path = data_dir / "kasse_cp1252.csv"
    with open(path, newline="", encoding="cp1252") as fh:
        records = list(csv.reader(fh, delimiter=";"))
    markt = [r for r in records[4:] if len(r) == 8 and r[0] == "Markt"]
    numeric = [r for r in markt if r[5].lstrip("-").replace(".", "").isdigit()]

    with pytest.raises(ImportRefusedError) as err:
        import_sales(path, new_shop, load_mapping(data_dir / "kasse_mapping.json"))
    assert "Zeile 13" in err.value.message("de")
    report = import_sales(
        path,
        new_shop,
        load_mapping(data_dir / "kasse_mapping.json"),
        ImportOptions(accept_rejects=True),
    )

    t = report.tally
    assert (t.rows_read, t.header, t.blank, t.imported, t.rejected, t.other_branch) == (
        len(records),
        4,
        1,
        len(numeric),
        2,
        2,
    )
    assert [(r.row, r.column, r.reason) for r in t.rejections] == [
        (13, "Menge", "not_a_number"),
        (14, "I", "too_many_fields"),
    ]
    assert sum(Decimal(r[5].replace(".", "")) for r in numeric) == sum(
        p.in_file for p in report.totals
    )
    assert shop_sales(new_shop) == {
        ("Brötchen", "2024-03-01", 8.0),
        ("Brötchen", "2024-03-02", 12.0),
        ("Bauernbrot groß", "2024-03-01", 1.0),
        ("Bauernbrot groß", "2024-03-02", 2.0),
        ("Kuchen (Blech)", "2024-03-01", 1250.0),
    }
