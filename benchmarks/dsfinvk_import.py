"""How fast a year of a bakery's DSFinV-K export imports, and how much memory it takes.

Writes a deterministic export with the `dsfinvk` package (the test extra; as in the tests, via
tests/forecasting/importing/dsfinvk_exports.py): two registers, one daily closing per register
and day, receipts of 1-4 lines, with cancelled lines, cancelled receipts, returns, training and
aborted receipts and deposit lines. Then imports it into a new shop file (read, check, write,
receipt times) and prints seconds per phase, lines per second, the peak RSS and whether the
import reconciled exactly to the sum of the valid receipt lines per article.

    .venv/bin/python benchmarks/dsfinvk_import.py [--days 360] [--receipts 150] [--export ZIP]

`--export ZIP` keeps the generated export there (and reuses it when it exists with the same
--days/--receipts: the generator takes minutes, the import seconds). CPU seconds are printed
beside the wall-clock seconds because the build machine is shared.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import resource
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from forecasting.importing.engine import read_file  # noqa: E402
from forecasting.operations import sales  # noqa: E402
from forecasting.store.create import create_shop  # noqa: E402
from forecasting.store.receipts import read_receipt_days  # noqa: E402
from tests.forecasting.importing.dsfinvk_exports import (  # noqa: E402
    Bon,
    Line,
    expected_totals,
    write_export,
)

PRODUCTS = ["Brötchen", "Roggenbrot", "Dinkelbrötchen", "Laugenbrezel", "Croissant",
            "Schokocroissant", "Mohnbrötchen", "Kürbiskernbrot", "Apfeltasche", "Berliner",
            "Kaffee to go", "Bienenstich"]


def receipts(days: int, per_day: int, seed: int = 15) -> list[Bon]:
    """A deterministic year of receipts for two registers."""
    rng = random.Random(seed)
    start = dt.date(2024, 1, 2)
    bons: list[Bon] = []
    for d in range(days):
        day = start + dt.timedelta(days=d)
        for register in ("K1", "K2"):
            for n in range(per_day):
                minute = 6 * 60 + rng.randrange(12 * 60)
                ended = dt.datetime.combine(day, dt.time(minute // 60, minute % 60))
                lines = [Line(rng.choice(PRODUCTS), rng.randint(1, 6))
                         for _ in range(rng.randint(1, 4))]
                kind, cancels = "Beleg", False
                roll = rng.random()
                if roll < 0.01:
                    kind = "AVTraining"
                elif roll < 0.02:
                    kind = "AVBelegabbruch"
                elif roll < 0.03:
                    cancels = True
                    lines = [Line(line.text, -Decimal(line.quantity)) for line in lines]
                elif roll < 0.04:
                    lines = [Line(lines[0].text, -1)]  # a return
                elif roll < 0.06:
                    lines.append(Line(lines[0].text, -1, cancelled=True))
                elif roll < 0.08:
                    lines.append(Line("Pfandbecher", 1, business="Pfand"))
                bons.append(Bon(register, d + 1, f"{register}-{d * per_day + n + 1}", ended,
                                lines, kind=kind, cancels=cancels))
    return bons


def main() -> int:
    """Generate, import, print the figures."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--days", type=int, default=360)
    parser.add_argument("--receipts", type=int, default=150, help="per register and day")
    parser.add_argument("--export", type=Path, help="keep (or reuse) the generated zip here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        bons = receipts(args.days, args.receipts)
        export = args.export or Path(tmp) / "export.zip"
        if not export.exists():
            write_export(export, bons)
        lines = sum(len(b.lines) for b in bons)
        t1, c1 = time.perf_counter(), time.process_time()
        data = read_file(export)
        t2, c2 = time.perf_counter(), time.process_time()
        with create_shop(Path(tmp) / "laden.bkshop", name="Bench", state="SH") as shop:
            report, _ = sales.import_sales(shop, data)
            t3, c3 = time.perf_counter(), time.process_time()
            stored = {(n, dt.date.fromisoformat(d)): q for n, d, q in shop._conn.execute(
                "SELECT p.name, s.date, s.quantity FROM sales s JOIN products p "
                "ON p.id = s.product_id")}
            days = len(read_receipt_days(shop))
        expected = {k: float(v) for k, v in expected_totals(bons).items()}
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"export: {len(bons):,} receipts, {lines:,} lines, "
              f"{export.stat().st_size / 1e6:.1f} MB zip (generated in {t1 - t0:.1f} s)")
        print(f"read:   {t2 - t1:.2f} s, CPU {c2 - c1:.2f} s ({lines / (c2 - c1):,.0f} lines "
              "per CPU second)")
        print(f"write:  {t3 - t2:.2f} s, CPU {c3 - c2:.2f} s (backup, sales, receipt times of "
              f"{days} days)")
        print(f"peak RSS {peak_mb:.0f} MB (incl. generating the export)")
        print(f"tally: {data.tally.imported:,} imported, left out {data.tally.left_out}")
        print(f"reconciled: {report.reconciled}; shop == sum of valid lines per article and day: "
              f"{stored == expected}")
        return 0 if report.reconciled and stored == expected else 1


if __name__ == "__main__":
    sys.exit(main())
