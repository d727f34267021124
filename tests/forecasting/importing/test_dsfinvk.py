"""DSFinV-K exports (the till's tax export) read into daily sales and receipt times.

The exports are written by the `dsfinvk` package (tests/forecasting/importing/dsfinvk_exports.py)
and checked with its validator; the expected numbers come from the receipts the test describes,
counted independently (`expected_totals`).
"""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app import cli
from forecasting.errors import UserError
from forecasting.importing.dsfinvk import ExportData, read_export
from forecasting.importing.dsfinvk_files import parse_index
from forecasting.importing.engine import ImportOptions, ImportRefusedError, read_file
from forecasting.importing.report import render_report
from forecasting.importing.sniff import detect_mapping
from forecasting.operations import sales
from forecasting.store.file import Shop
from forecasting.store.receipts import read_receipt_days
from tests.forecasting.importing.dsfinvk_exports import (
    Bon,
    Line,
    bakery_week,
    expected_totals,
    write_export,
)

D1, D2, D3 = dt.date(2024, 3, 1), dt.date(2024, 3, 2), dt.date(2024, 3, 4)


def _stored(shop: Shop) -> dict[tuple[str, dt.date], float]:
    rows = shop._conn.execute(
        "SELECT p.name, s.date, s.quantity FROM sales s JOIN products p ON p.id = s.product_id")
    return {(name, dt.date.fromisoformat(day)): quantity for name, day, quantity in rows}


@pytest.fixture
def week_zip(tmp_path: Path) -> Path:
    return write_export(tmp_path / "kasse_2024-03.zip", bakery_week())


def _import(shop: Shop, path: Path, **options: object) -> tuple[object, object]:
    return sales.import_file(shop, path, None, ImportOptions(**options))  # type: ignore[arg-type]


def test_export_reconciles_exactly_to_the_valid_receipt_lines(week_zip: Path, new_shop: Shop
                                                              ) -> None:
    report, changes = _import(new_shop, week_zip)
    expected = {key: float(value) for key, value in expected_totals(bakery_week()).items()}
    assert _stored(new_shop) == expected
    assert report.reconciled
    assert report.written
    assert changes.data
    per_article: dict[str, Decimal] = {}
    for (article, _day), value in expected_totals(bakery_week()).items():
        per_article[article] = per_article.get(article, Decimal(0)) + value
    assert {t.product: t.in_file for t in report.totals} == per_article  # type: ignore[attr-defined]
    assert {t.product: t.imported for t in report.totals} == per_article  # type: ignore[attr-defined]


def test_cancellations_are_netted_as_the_till_booked_them(week_zip: Path, new_shop: Shop) -> None:
    _import(new_shop, week_zip)
    stored = _stored(new_shop)
    # a cancelled line (P_STORNO, -1) on receipt K1-2: 10 + 4 - 1 + 2 x 6 (K2) = 25
    assert stored[("Brötchen", D1)] == 25
    # receipt K1-7 and its cancellation K1-8 (BON_STORNO): Brezel nets to 0 that day
    assert stored[("Brezel", D2)] == 0


def test_training_aborted_and_other_non_sales_are_left_out(week_zip: Path) -> None:
    data = read_file(week_zip)
    assert isinstance(data, ExportData)
    assert data.tally.left_out == {
        "receipt:AVTraining": 2, "receipt:AVBelegabbruch": 1, "receipt:AVSachbezug": 1,
        "business:Pfand": 1, "business:Rabatt": 1,
    }
    assert data.tally.accounted() == data.tally.rows_read == 26
    products = set(data.spellings.values())
    assert "Mitarbeiteressen" not in products
    assert "Pfandbecher" not in products
    assert "Rabatt Stammkunde" not in products
    text = render_report(sales.dry_run(None, data), "de")
    assert "Keine Verkäufe, ausgelassen: 6 Zeilen (Bontyp AVTraining 2" in text
    assert "Zeilen gelesen: 26 = importiert 20 + abgelehnt 0 + Kopf 1 + leer 0 + übergangen 6" \
        not in text  # 19 lines are sales
    assert "Zeilen gelesen: 26 = importiert 19 + abgelehnt 0 + Kopf 1 + leer 0 + übergangen 6" \
        in text


def test_returns_are_negative(week_zip: Path, new_shop: Shop) -> None:
    _import(new_shop, week_zip)
    # Saturday: sold 1, cancelled (receipt storno) 1, taken back 1
    assert _stored(new_shop)[("Roggenbrot", D2)] == -1


def test_two_registers_and_several_closings_in_one_export(week_zip: Path, new_shop: Shop
                                                          ) -> None:
    data = read_file(week_zip)
    assert isinstance(data, ExportData)
    assert data.registers == ["K1", "K2"]
    assert data.closings == 6
    assert data.receipts == {"Beleg": 12, "AVTraining": 2, "AVBelegabbruch": 1, "AVSachbezug": 1}
    sales.import_sales(new_shop, data)
    stored = _stored(new_shop)
    assert stored[("Brötchen", D2)] == 10.5  # K1 8 + K2 2.5 (the K2 training receipt is not)
    # K2's Monday closing was made after midnight: the sale stays on the day of its receipt
    assert stored[("Brezel", D3)] == 5
    assert not any(day == D3 + dt.timedelta(days=1) for _, day in stored)


def test_packs_count_menge_times_faktor(tmp_path: Path, new_shop: Shop) -> None:
    bons = [Bon("K1", 1, "K1-1", dt.datetime(2024, 5, 6, 8, 0), [
        Line("Laugenstange", 3, factor=4), Line("Laugenstange", Decimal("1.5"))])]
    _import(new_shop, write_export(tmp_path / "p.zip", bons))
    assert _stored(new_shop) == {("Laugenstange", dt.date(2024, 5, 6)): 13.5}


def test_receipt_times_are_kept_per_day(week_zip: Path, new_shop: Shop) -> None:
    _import(new_shop, week_zip)
    days = {d.date: d for d in read_receipt_days(new_shop)}
    assert sorted(days) == [D1, D2, D3]
    friday = days[D1]
    # training at 08:05 and the staff meal at 17:55 are no sales
    assert (friday.first_sale, friday.last_sale, friday.receipts) == ("06:58", "12:40", 5)
    assert [(h.hour, h.receipts, h.quantity) for h in friday.hours] == [
        (6, 1, 12.0), (7, 3, 21.0), (12, 1, 1.0)]
    stored = _stored(new_shop)
    for day, times in days.items():
        assert sum(h.quantity for h in times.hours) == sum(
            q for (_, d), q in stored.items() if d == day)
    # the cancellation receipt and the return are no sales: 3 sales receipts on Saturday
    assert days[D2].receipts == 3
    assert days[D3].last_sale == "23:50"
    logged = new_shop._conn.execute(
        "SELECT details FROM change_log WHERE action = 'receipts.imported'").fetchall()
    assert [json.loads(d)["days"] for (d,) in logged] == [3]


def test_folder_export_reads_like_the_zip(tmp_path: Path, week_zip: Path) -> None:
    folder = write_export(tmp_path / "Kassenexport", bakery_week(), folder=True)
    assert folder.is_dir()
    assert detect_mapping(folder) == detect_mapping(week_zip)
    from_zip, from_folder = read_file(week_zip), read_file(folder)
    assert from_folder.days == from_zip.days
    assert from_folder.receipt_days == from_zip.receipt_days  # type: ignore[attr-defined]


def test_nested_folder_in_zip_and_headerless_tables(tmp_path: Path, week_zip: Path) -> None:
    """Tables one folder down in the zip, lines.csv without its header row (index.xml From=1:
    the columns come from index.xml)."""
    nested = tmp_path / "nested.zip"
    with zipfile.ZipFile(week_zip) as src, zipfile.ZipFile(nested, "w") as dst:
        for name in src.namelist():
            data = src.read(name)
            if name == "lines.csv":
                data = data.split(b"\r\n", 1)[1]
            if name == "index.xml":
                text = data.decode("utf-8")
                head, _, tail = text.partition("<URL>lines.csv</URL>")
                tail = tail.replace("<From>2</From>", "<From>1</From>", 1)
                data = (head + "<URL>lines.csv</URL>" + tail).encode("utf-8")
            dst.writestr(f"DSFinV-K/{name}", data, compress_type=zipfile.ZIP_DEFLATED)
    data = read_file(nested)
    assert data.days == read_file(week_zip).days
    assert data.tally.header == 0
    assert data.tally.accounted() == data.tally.rows_read == 25


def test_ansi_export_is_read_as_index_xml_says(tmp_path: Path, week_zip: Path) -> None:
    """A Windows till writing ANSI (cp1252) and saying so in index.xml: umlauts stay umlauts;
    the same bytes declared UTF8 are refused naming the file and row."""
    def rewrite(target: Path, encoding_tag: str) -> Path:
        with zipfile.ZipFile(week_zip) as src, zipfile.ZipFile(target, "w") as dst:
            for name in src.namelist():
                data = src.read(name)
                if name.endswith(".csv"):
                    data = data.decode("utf-8").encode("cp1252")
                if name == "index.xml":
                    data = data.replace(b"<UTF8/>", encoding_tag.encode())
                dst.writestr(name, data)
        return target

    ansi = read_file(rewrite(tmp_path / "ansi.zip", "<ANSI/>"))
    assert "Brötchen" in ansi.spellings.values()
    assert ansi.days == read_file(week_zip).days
    with pytest.raises(UserError) as error:
        read_file(rewrite(tmp_path / "falsch.zip", "<UTF8/>"))
    assert error.value.code == "import.bad_encoding"
    assert "falsch.zip/" in error.value.message("de")


def test_headerless_table_without_index_is_refused(tmp_path: Path, week_zip: Path) -> None:
    bare = tmp_path / "bare.zip"
    with zipfile.ZipFile(week_zip) as src, zipfile.ZipFile(bare, "w") as dst:
        for name in src.namelist():
            data = src.read(name)
            if name == "transactions.csv":
                data = data.split(b"\r\n", 1)[1]
            if name != "index.xml":
                dst.writestr(name, data)
    with pytest.raises(UserError) as error:
        read_file(bare)
    assert error.value.code == "dsfinvk.no_header"
    assert "bare.zip/transactions.csv" in error.value.message("de")


def test_index_primary_key_columns_come_first() -> None:
    index = b"""<?xml version="1.0"?><DataSet><Version>1.0</Version><Media><Table>
      <URL>lines.csv</URL><ANSI/><DecimalSymbol>.</DecimalSymbol><DigitGroupingSymbol>,
      </DigitGroupingSymbol><VariableLength><ColumnDelimiter>|</ColumnDelimiter>
      <VariablePrimaryKey><Name>Z_KASSE_ID</Name></VariablePrimaryKey>
      <VariableColumn><Name>MENGE</Name></VariableColumn></VariableLength></Table></Media>
      </DataSet>"""
    fmt = parse_index(index)["lines.csv"]
    assert (fmt.encoding, fmt.delimiter, fmt.decimal, fmt.columns) == (
        "cp1252", "|", ".", ["Z_KASSE_ID", "MENGE"])


def test_line_without_receipt_head_is_refused_with_row_and_column(
    tmp_path: Path, week_zip: Path, new_shop: Shop, rows_digest: Callable[[Shop], str]
) -> None:
    broken = tmp_path / "broken.zip"
    with zipfile.ZipFile(week_zip) as src, zipfile.ZipFile(broken, "w") as dst:
        for name in src.namelist():
            data = src.read(name)
            if name == "transactions.csv":  # drop the head of receipt K2-2
                data = b"\r\n".join(r for r in data.split(b"\r\n") if b";K2-2;" not in r)
            dst.writestr(name, data)
    before = rows_digest(new_shop)
    with pytest.raises(ImportRefusedError) as refused:
        _import(new_shop, broken)
    message = refused.value.message("de")
    assert "broken.zip/lines.csv" in message
    assert "BON_ID" in message
    assert "kein Bon dazu in transactions.csv" in message
    first = refused.value.report.tally.rejections[0]
    with zipfile.ZipFile(week_zip) as zf:
        rows = zf.read("lines.csv").split(b"\r\n")
    row = next(i for i, r in enumerate(rows, start=1) if b";K2-2;" in r)
    assert (first.row, first.column, first.value) == (row, "BON_ID", "K2-2")
    assert f"Zeile {row}" in message
    assert rows_digest(new_shop) == before
    report, _ = _import(new_shop, broken, accept_rejects=True)
    assert report.tally.rejected == 2  # type: ignore[attr-defined]


def test_a_zip_that_is_no_export_is_refused_clearly(tmp_path: Path) -> None:
    other = tmp_path / "fotos.zip"
    with zipfile.ZipFile(other, "w") as zf:
        zf.writestr("transactions.csv", "Z_KASSE_ID\r\n")
    with pytest.raises(UserError) as error:
        read_file(other)
    assert error.value.code == "dsfinvk.not_an_export"
    assert "lines.csv fehlt" in error.value.message("de")
    broken = tmp_path / "kaputt.zip"
    broken.write_bytes(b"PK\x03\x04 not really")
    with pytest.raises(UserError) as error:
        read_file(broken)
    assert error.value.code == "dsfinvk.bad_zip"


def test_missing_column_is_named(tmp_path: Path, week_zip: Path) -> None:
    cut = tmp_path / "cut.zip"
    with zipfile.ZipFile(week_zip) as src, zipfile.ZipFile(cut, "w") as dst:
        for name in src.namelist():
            if name != "index.xml":
                data = src.read(name)
                if name == "lines.csv":
                    data = data.replace(b";MENGE;", b";ANZAHL;", 1)
                dst.writestr(name, data)
    with pytest.raises(UserError) as error:
        read_file(cut)
    assert error.value.code == "dsfinvk.missing_column"
    assert "cut.zip/lines.csv: Die Spalte MENGE fehlt" in error.value.message("de")


def test_locations_are_branches_to_choose(tmp_path: Path, new_shop: Shop) -> None:
    path = write_export(tmp_path / "zwei.zip", bakery_week(),
                        locations={"K1": "Holstenstraße", "K2": "Markt"})
    with pytest.raises(ImportRefusedError) as refused:
        _import(new_shop, path)
    assert refused.value.code == "import.several_branches"
    assert "Holstenstraße, Markt" in refused.value.message("de")
    mapping = detect_mapping(path)
    mapping.branch = "Markt"
    data = read_export(path, mapping)
    sales.import_sales(new_shop, data)
    k2 = expected_totals([b for b in bakery_week() if b.register == "K2"])
    assert _stored(new_shop) == {key: float(value) for key, value in k2.items()}
    assert data.tally.other_branch == sum(len(b.lines) for b in bakery_week() if b.register == "K1")
    assert data.tally.left_out == {"receipt:AVTraining": 1}
    assert {d.date for d in read_receipt_days(new_shop)} == {D1, D2, D3}


def test_a_receipt_dated_outside_the_plausible_window_is_refused(tmp_path: Path,
                                                                 new_shop: Shop) -> None:
    bons = [Bon("K1", 1, "K1-1", dt.datetime(2024, 5, 6, 8, 0), [Line("Brot", 1)]),
            Bon("K1", 1, "K1-2", dt.datetime(1999, 5, 6, 8, 0), [Line("Brot", 1)])]
    with pytest.raises(ImportRefusedError) as refused:
        _import(new_shop, write_export(tmp_path / "alt.zip", bons))
    assert refused.value.code == "sanity.refused_date"
    assert "K1-2: 1999-05-06T08:00:00" in refused.value.message("de")


def test_a_mapping_brings_aliases_and_nothing_else(week_zip: Path, new_shop: Shop) -> None:
    mapping = detect_mapping(week_zip)
    mapping.aliases = {"Roggenbrot": "Roggenmischbrot"}
    mapping.layout, mapping.quantity_column = "daily", "ANZAHL"
    data = read_file(week_zip, mapping)
    assert (data.mapping.layout, data.mapping.quantity_column) == ("receipts", "MENGE")
    sales.import_sales(new_shop, data)
    assert _stored(new_shop)[("Roggenmischbrot", D1)] == 3


def test_reimport_changes_nothing_and_keeps_receipt_times(week_zip: Path, new_shop: Shop,
                                                          rows_digest: Callable[[Shop], str]
                                                          ) -> None:
    _import(new_shop, week_zip)
    days = read_receipt_days(new_shop)
    report, changes = _import(new_shop, week_zip)
    assert report.days_new == 0
    assert report.days_unchanged == 9
    assert not changes.data  # type: ignore[attr-defined]
    assert read_receipt_days(new_shop) == days


def test_cli_import_of_a_zip_reconciles_to_the_receipt_lines(
    week_zip: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shop_path = tmp_path / "Bäckerei Korn.bkshop"
    report_path = tmp_path / "bericht.json"
    code = cli.main(["import", str(week_zip), "--shop", str(shop_path), "--state", "SH",
                     "--report-json", str(report_path)])
    assert code == 0
    out = capsys.readouterr().out
    assert "Jede Zeile ist zugeordnet, die Summen stimmen exakt." in out
    assert "Bontyp AVTraining 2" in out
    assert ("DSFinV-K-Export: Kassen K1, K2; 6 Tagesabschlüsse; Bons: Beleg 12, AVTraining 2, "
            "AVBelegabbruch 1, AVSachbezug 1") in out
    report = json.loads(report_path.read_text(encoding="utf-8"))
    assert report["export"]["closings"] == 6
    assert report["reconciled"]
    assert report["rows_left_out"]["receipt:AVTraining"] == 2
    per_article: dict[str, Decimal] = {}
    for (article, _day), value in expected_totals(bakery_week()).items():
        per_article[article] = per_article.get(article, Decimal(0)) + value
    assert {t["product"]: Decimal(t["in_file"]) for t in report["totals"]} == per_article
    assert {t["product"]: Decimal(t["imported"]) for t in report["totals"]} == per_article
    with Shop.open(shop_path) as shop:
        assert _stored(shop) == {k: float(v) for k, v in expected_totals(bakery_week()).items()}
        assert len(read_receipt_days(shop)) == 3


def test_cli_dry_run_of_a_folder_writes_nothing(tmp_path: Path) -> None:
    folder = write_export(tmp_path / "Export", bakery_week(), folder=True)
    shop_path = tmp_path / "neu.bkshop"
    assert cli.main(["import", str(folder), "--shop", str(shop_path), "--dry-run"]) == 0
    assert not shop_path.exists()


_WEEK: dict[str, bytes] = {}


def _week_members(tmp: Path) -> dict[str, bytes]:
    if not _WEEK:
        with zipfile.ZipFile(write_export(tmp / "week.zip", bakery_week())) as zf:
            _WEEK.update({name: zf.read(name) for name in zf.namelist()})
    return _WEEK


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(
    member=st.sampled_from(["lines.csv", "transactions.csv", "index.xml", "location.csv"]),
    cut=st.integers(min_value=0, max_value=5000),
    junk=st.binary(max_size=40),
    at=st.integers(min_value=0, max_value=5000),
    deflate=st.booleans(),
    damage_archive=st.booleans(),
)
def test_damaged_exports_import_exactly_or_refuse_with_a_message(
    tmp_path: Path, member: str, cut: int, junk: bytes, at: int, deflate: bool,
    damage_archive: bool,
) -> None:
    """Bytes of one table replaced or cut, or the zip file itself damaged: the reader returns
    reconciled totals or raises a UserError, never anything else."""
    members = dict(_week_members(tmp_path))
    data = members[member]
    members[member] = data[:at] + junk + data[at + len(junk):] if cut > len(data) else data[:cut]
    path = tmp_path / "damaged.zip"
    method = zipfile.ZIP_DEFLATED if deflate else zipfile.ZIP_STORED
    with zipfile.ZipFile(path, "w", compression=method) as zf:
        for name, content in members.items():
            zf.writestr(name, content)
    if damage_archive:
        raw = bytearray(path.read_bytes())
        raw[at % len(raw): at % len(raw) + len(junk)] = junk
        path.write_bytes(bytes(raw))
    try:
        result = read_file(path)
    except UserError:
        return
    try:
        report = sales.dry_run(None, result, ImportOptions(accept_rejects=True))
    except UserError:
        return
    assert report.reconciled
