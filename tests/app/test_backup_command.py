"""`bestellkompass backup list|create|restore` on a real shop file, the damaged-file message of
every command, and the before-import backup of `bestellkompass import`."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest

from app.cli import main

RANGE = ["--start", "01.11.2026", "--end", "2026-11-30"]


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _decisions(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT COUNT(*) FROM order_decisions").fetchone()[0]
    finally:
        conn.close()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_list_create_restore(review_shop_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shop = str(review_shop_path)
    code, out, _ = _run(capsys, "--shop", shop, "backup", "list")
    assert code == 0
    assert "gibt es noch keine Sicherung" in out
    code, out, _ = _run(capsys, "--shop", shop, "backup", "create")
    assert code == 0
    assert out.startswith("Sicherung angelegt und geprüft: ")
    assert "rueckblick.backups" in out
    assert "_manual.bkbackup" in out
    assert "6 Verkaufszeilen bis 06.11.2026, 7 Entscheidungen" in out
    conn = sqlite3.connect(review_shop_path)
    conn.execute("DELETE FROM order_decisions WHERE product_id = 1")
    conn.commit()
    conn.close()
    assert _decisions(review_shop_path) == 1
    code, out, _ = _run(capsys, "backup", "list", "--shop", shop)  # --shop after the action too
    lines = out.splitlines()
    assert lines[0] == f"Sicherungen von {shop} (neueste zuerst):"
    assert lines[1].split() == ["Nr.", "Datum/Uhrzeit", "Art", "Inhalt", "Größe", "Prüfung"]
    assert lines[2].lstrip().startswith("1  ")
    assert "von Hand" in lines[2]
    assert lines[2].rstrip().endswith("geprüft")
    assert f'bestellkompass --shop "{shop}" backup restore NR' in out
    code, out, _ = _run(capsys, "--shop", shop, "backup", "restore", "1")
    assert code == 0
    assert out.startswith("Wiederhergestellt: die Sicherung vom ")
    assert "(von Hand; 6 Verkaufszeilen bis 06.11.2026, 7 Entscheidungen)" in out
    assert "Der vorige Stand ist gesichert in " in out
    assert "_before-restore.bkbackup" in out
    assert _decisions(review_shop_path) == 7
    code, out, _ = _run(capsys, "--shop", shop, "--lang", "en", "backup", "list", "--format",
                        "json", "--check")
    listed = json.loads(out)
    assert [(b["number"], b["kind"], b["decisions"], b["ok"]) for b in listed] == [
        (1, "before-restore", 1, True), (2, "manual", 7, True)]
    # and back to the state before the restore, by path
    code, out, _ = _run(capsys, "--shop", shop, "--lang", "en", "backup", "restore",
                        listed[0]["path"])
    assert code == 0
    assert out.startswith("Restored: the backup of ")
    assert _decisions(review_shop_path) == 1


@pytest.mark.parametrize(("ref", "words"), [
    ("5", "„5“ ist keine Sicherung: bitte eine Nummer aus „bestellkompass backup list“ "
          "(1 bis 1)"),
    ("nichtda.bkbackup", "„nichtda.bkbackup“ ist keine Sicherung"),
])
def test_restore_of_an_unknown_backup_is_refused(review_shop_path: Path, ref: str, words: str,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(capsys, "--shop", str(review_shop_path), "backup", "create")[0] == 0
    before = _digest(review_shop_path)
    code, out, err = _run(capsys, "--shop", str(review_shop_path), "backup", "restore", ref)
    assert (code, out) == (2, "")
    assert words in err
    assert "Traceback" not in err
    assert _digest(review_shop_path) == before


def test_a_damaged_shop_file_is_named_with_its_newest_good_backup(
        review_shop_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shop = str(review_shop_path)
    assert _run(capsys, "--shop", shop, "backup", "create")[0] == 0
    code, good, _ = _run(capsys, "--shop", shop, "review", *RANGE)
    assert code == 0
    size = review_shop_path.stat().st_size
    with open(review_shop_path, "r+b") as fh:  # closed file: bytes in the middle overwritten
        fh.seek(size // 2)
        fh.write(b"\xff" * 8192)
    code, out, err = _run(capsys, "--shop", shop, "review", *RANGE)
    assert (code, out) == (2, "")
    assert f"Die Laden-Datei {shop} ist beschädigt" in err
    assert "Die neueste gute Sicherung ist vom " in err
    assert "(von Hand; 6 Verkaufszeilen" in err
    assert f'  bestellkompass --shop "{shop}" backup restore 1' in err
    assert "Traceback" not in err
    code, out, err = _run(capsys, "--shop", shop, "--lang", "en", "review", *RANGE)
    assert code == 2
    assert f"The shop file {shop} is damaged" in err
    code, out, _ = _run(capsys, "--shop", shop, "backup", "restore", "1")
    assert code == 0
    assert "Die beschädigte Datei ist nicht gelöscht, sie liegt unter " in out
    aside = list(review_shop_path.parent.glob("rueckblick.bkshop.damaged-*"))
    assert len(aside) == 1
    assert aside[0].stat().st_size == size
    assert _run(capsys, "--shop", shop, "review", *RANGE) == (0, good, "")


def test_import_backs_up_first_and_only_when_it_writes(
        review_shop_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shop = str(review_shop_path)
    good = tmp_path / "kasse.csv"
    good.write_text("Datum;Artikel;Menge\n08.11.2026;Brötchen;44\n", encoding="utf-8")
    assert _run(capsys, "import", str(good), "--shop", shop, "--dry-run")[0] == 0
    assert _run(capsys, "--shop", shop, "backup", "list")[1].startswith("Von ")  # none yet
    assert _run(capsys, "import", str(good), "--shop", shop)[0] == 0
    listed = json.loads(_run(capsys, "--shop", shop, "backup", "list", "--format", "json")[1])
    assert [(b["kind"], b["sales_rows"]) for b in listed] == [("before-import", 6)]
    bad = tmp_path / "falsch.csv"
    bad.write_text("Datum;Artikel;Menge\n31.02.2026;Brötchen;44\n", encoding="utf-8")
    code, _, err = _run(capsys, "import", str(bad), "--shop", shop)
    assert code == 2
    assert err
    listed_after = json.loads(_run(capsys, "--shop", shop, "backup", "list", "--format",
                                   "json")[1])
    assert listed_after == listed  # the refused import left no copy of its own


def test_weather_events_and_stock_list_imports_back_up_first(
        review_shop_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = Path(__file__).resolve().parents[1] / "data" / "calendars"
    shop = str(review_shop_path)
    stock = tmp_path / "inventur.csv"
    stock.write_text("Artikel;Bestand\nBrötchen;12\n", encoding="utf-8")
    for argv in (["weather", str(data / "plain_weather_de.csv")],
                 ["events", str(data / "events.csv")],
                 ["stock", "import", str(stock), "--date", "2026-11-08"]):
        code, _out, err = _run(capsys, "--shop", shop, *argv)
        assert code == 0, err
    listed = json.loads(_run(capsys, "--shop", shop, "backup", "list", "--format", "json")[1])
    assert [b["kind"] for b in listed] == ["before-import"] * 3
