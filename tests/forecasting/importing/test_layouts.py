"""The three layouts row by row: what each row becomes, and where every row is counted."""

from __future__ import annotations

from pathlib import Path

from forecasting.importing.engine import ImportOptions, import_sales, read_file
from forecasting.importing.mapping import Mapping
from forecasting.store.file import Shop


def test_daily_rows_with_production_leftover_and_sell_out(tmp_path: Path, new_shop: Shop) -> None:
    path = tmp_path / "tag.csv"
    path.write_text(
        "Datum;Artikel;Verkauft;Gebacken;Abschrift;Ausverkauft um\n"
        "01.02.2024;Brezel;80;90;10;\n"
        "02.02.2024;Brezel;100;100;0;16:40\n",
        encoding="utf-8",
    )
    report = import_sales(path, new_shop)
    assert report.mapping["layout"] == "daily"
    rows = new_shop._conn.execute(
        "SELECT date, quantity, produced, leftover, sold_out_time FROM sales ORDER BY date"
    ).fetchall()
    assert [tuple(r) for r in rows] == [
        ("2024-02-01", 80.0, 90.0, 10.0, None),
        ("2024-02-02", 100.0, 100.0, 0.0, "16:40"),
    ]


def test_wide_row_with_a_bad_cell_is_rejected_whole(tmp_path: Path) -> None:
    path = tmp_path / "breit.csv"
    path.write_text(
        "Datum;Brot;Brötchen\n01.02.2024;5;80\n02.02.2024;6;viele\n03.02.2024;;\n"
        "04.02.2024;7;\n05.02.2024;1;2;3\n",
        encoding="utf-8",
    )
    data = read_file(path)
    t = data.tally
    assert (t.imported, t.rejected, t.no_values, t.header) == (2, 2, 1, 1)
    assert [(r.row, r.column, r.reason) for r in t.rejections] == [
        (3, "Brötchen", "not_a_number"),
        (6, "D", "too_many_fields"),
    ]
    assert t.accounted() == t.rows_read == 6
    report = import_sales(path, None, options=ImportOptions(accept_rejects=True))
    assert {p.product: str(p.in_file) for p in report.totals} == {"Brot": "12", "Brötchen": "80"}


def test_wide_without_dates_counts_rejected_rows_as_days(tmp_path: Path) -> None:
    path = tmp_path / "w.csv"
    path.write_text("a,b\n1,2\nx,3\n\n4,5\n", encoding="utf-8")
    mapping = Mapping(layout="wide", product_columns=["a", "b"], start_date="2024-01-01")
    report = import_sales(path, None, mapping, ImportOptions(accept_rejects=True))
    assert report.totals[0].in_file == 5  # rows 2 and 5 (2024-01-01 and 2024-01-03)
    assert report.tally.blank == 1


def test_receipts_from_several_tills_need_no_branch_if_one(tmp_path: Path) -> None:
    path = tmp_path / "bons.csv"
    path.write_text(
        "Filiale,Datum,Uhrzeit,Artikel,Menge\nNord,2024-02-01,07:00,Brot,1\n"
        "Nord,2024-02-01,18:00,Brot,1\nNord,2024-02-01,18:30,Brot,-1\n",
        encoding="utf-8",
    )
    report = import_sales(path, None)
    assert report.branches == ["Nord"]
    assert report.totals[0].in_file == 1
    assert report.totals[0].rows == 3


def test_footer_only_at_the_end_and_only_without_date_and_product(tmp_path: Path) -> None:
    path = tmp_path / "f.csv"
    path.write_text(
        "Datum;Artikel;Menge\n;Brot;2\n01.02.2024;Brot;3\nSumme;;5\n;;5\nErstellt am;;\n",
        encoding="utf-8",
    )
    mapping = Mapping(
        separator=";", date_column="Datum", product_column="Artikel", quantity_column="Menge"
    )
    t = read_file(path, mapping).tally
    assert [(r.row, r.reason) for r in t.rejections] == [(2, "empty_date")]
    assert [r.row for r in t.footer_rows] == [4, 5, 6]
    assert t.accounted() == t.rows_read == 6
    path.write_text("Datum;Artikel;Menge\nSumme;;5\n01.02.2024;Brot;3\n", encoding="utf-8")
    assert [r.row for r in read_file(path, mapping).tally.rejections] == [2]  # not at the end
