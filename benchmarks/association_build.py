"""Building a prior from 500 contributions (issue 18: under 60 s and 2 GB): four synthetic shops'
contributions (forecasting/demo/association.py), each read 125 times, checked, pooled, written,
and the prior checked and loaded again.

    nice python benchmarks/association_build.py [--count 500]
"""

from __future__ import annotations

import argparse
import datetime as dt
import time
import tracemalloc

from forecasting.association import files
from forecasting.association.contribution import ShopHistory, build_contribution
from forecasting.association.prior import Prior, build_prior
from forecasting.demo.association import default_association, simulate_member

END = dt.date(2026, 1, 1)


def main(argv: list[str] | None = None) -> int:
    """Print the times and sizes."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=500)
    args = parser.parse_args(argv)
    start = END - dt.timedelta(weeks=13)
    data = []
    for shop in default_association(END)[:4]:
        m = simulate_member(shop, END)
        history = ShopHistory(m.sales, m.features, m.shop.state, m.categories)
        data.append(files.to_bytes(build_contribution(history, start)))
    print("contribution sizes (kB):", [len(d) // 1000 for d in data])
    tracemalloc.start()
    began = time.perf_counter()
    bundles = [files.from_bytes(data[i % len(data)], "contribution", str(i))
               for i in range(args.count)]
    read = time.perf_counter() - began
    out = files.to_bytes(build_prior(bundles))
    total = time.perf_counter() - began
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(f"{args.count} contributions: read and checked {read:.1f} s, with pooling and writing "
          f"{total:.1f} s, peak Python memory {peak / 1e6:.0f} MB, prior {len(out) / 1e6:.1f} MB")
    began = time.perf_counter()
    Prior.from_bundle(files.from_bytes(out, "prior", "prior"))
    print(f"checking and loading the prior: {time.perf_counter() - began:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
