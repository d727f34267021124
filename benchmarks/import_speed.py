"""How fast 1,000,000 till receipt lines import, and how much memory it takes.

Writes a deterministic German till export (`;`, decimal comma, cp1252, date + time columns,
returns as negative lines) into a temporary directory, imports it into a new shop file and prints
seconds per phase and the peak RSS. Target (issue 3): under 20 s on the 2-core build machine.

    /tmp/venv/bin/python benchmarks/import_speed.py [--rows 1000000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

from forecasting.store.create import create_shop

PRODUCTS = [
    "Brötchen",
    "Roggenbrot",
    "Dinkelbrötchen",
    "Laugenbrezel",
    "Croissant",
    "Schokocroissant",
    "Mohnbrötchen",
    "Vollkornbrot",
    "Bauernbrot",
    "Apfeltasche",
    "Berliner",
    "Franzbrötchen",
    "Käsebrötchen",
    "Zwiebelkuchen",
    "Streuselkuchen",
    "Bienenstich",
    "Kaffee",
    "Milchkaffee",
    "Baguette",
    "Ciabatta",
    "Kürbiskernbrötchen",
    "Sesamring",
    "Mehrkornbrot",
    "Butterkuchen",
    "Nussecke",
    "Quarktasche",
    "Amerikaner",
    "Donut",
    "Laugenstange",
    "Pizzabrötchen",
]


def write_file(path: Path, rows: int, seed: int = 3, combined: bool = False) -> None:
    """A receipt-line export: Datum;Uhrzeit;Bon-Nr;Artikel;Menge;Einzelpreis (combined: the
    time in the date cell, "03.01.2022 06:00:12", so that nearly every date cell is distinct)."""
    rng = random.Random(seed)
    day = dt.date(2022, 1, 3)
    per_day = 1400
    out = open(path, "w", encoding="cp1252", newline="")  # noqa: SIM115
    head = "Zeitpunkt" if combined else "Datum;Uhrzeit"
    out.write(f"{head};Bon-Nr;Artikel;Menge;Einzelpreis\r\n")
    between = " " if combined else ";"
    lines: list[str] = []
    receipt = 100000
    for i in range(rows):
        if i and i % per_day == 0:
            day += dt.timedelta(days=1)
        seconds = 6 * 3600 + (i % per_day) * 12 * 3600 // per_day
        if i % 3 == 0:
            receipt += 1
        product = PRODUCTS[rng.randrange(len(PRODUCTS))]
        quantity = rng.choice((1, 1, 1, 2, 2, 3, 4, 6, 10)) if rng.random() > 0.004 else -1
        price = f"{rng.randrange(40, 450) / 100:.2f}".replace(".", ",")
        lines.append(
            f"{day:%d.%m.%Y}{between}"
            f"{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d};"
            f"{receipt};{product};{quantity};{price}\r\n"
        )
        if len(lines) >= 50_000:
            out.write("".join(lines))
            lines.clear()
    out.write("".join(lines))
    out.close()


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far (ru_maxrss is KiB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    """Generate, import, print the figures."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--combined", action="store_true", help="date and time in one cell")
    args = parser.parse_args()
    from forecasting.importing.engine import ImportOptions, read_file, write_import
    from forecasting.importing.sniff import detect_mapping

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "kasse.csv"
        write_file(src, args.rows, combined=args.combined)
        rss_before = peak_rss_mb()
        size_mb = src.stat().st_size / 1e6
        t0 = time.perf_counter()
        mapping = detect_mapping(src)
        t1 = time.perf_counter()
        data = read_file(src, mapping)
        t2 = time.perf_counter()
        with create_shop(Path(tmp) / "bench.bkshop", name="Benchmark", state="NW") as shop:
            report = write_import(data, shop, ImportOptions())
        t3 = time.perf_counter()
    print(
        f"rows={args.rows:,} file={size_mb:.1f} MB layout={mapping.layout} "
        f"encoding={mapping.encoding} decimal={mapping.decimal!r}"
    )
    print(
        f"detect {t1 - t0:.2f} s, read+validate {t2 - t1:.2f} s, write+reconcile "
        f"{t3 - t2:.2f} s, total {t3 - t0:.2f} s"
    )
    print(
        f"rows imported {report.tally.imported:,}, product-days {report.days_new:,}, "
        f"reconciled={report.reconciled}"
    )
    print(f"peak RSS {peak_rss_mb():.0f} MB (after generating the file: {rss_before:.0f} MB)")
    return 0 if report.reconciled and t3 - t0 < 20 else 1


if __name__ == "__main__":
    sys.exit(main())
