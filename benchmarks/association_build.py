"""A prior from 500 contributions (issue 18: built in under 60 s and 2 GB; the backtest with a
prior at most 1.5x the time without).

The twelve synthetic shops of benchmarks/association.py contribute from their sales before the
scored 13 weeks; the other eleven's contributions of one shop (`--shop`) are written `--count`
times over (cycled) as files, and `bestellkompass association build` makes the prior from them in
a child process (wall time and peak resident memory of that process, so LightGBM's own memory
counts too). Then, in this process: checking and loading the prior, and the shop's one-day-ahead
backtest over the scored weeks (as benchmarks/association.py runs it) without a prior, with the
prior of the eleven (side by side) and with the prior of `--count` (distilled); with
`--side-by-side` also with the `--count` models side by side (the old way; slow).

    nice python benchmarks/association_build.py [--count 500] [--shop d6] [--side-by-side]
"""

from __future__ import annotations

import os

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import argparse
import datetime as dt
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# this checkout's code first (the venv may hold another checkout's), then the benchmark next door
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from association import END, SCORED_WEEKS, backtest  # the benchmark next door

from forecasting.association import files
from forecasting.association.contribution import ShopHistory, build_contribution
from forecasting.association.prior import Prior, build_prior
from forecasting.demo.association import default_association, simulate_member

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    """Print the times, sizes and ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=500)
    parser.add_argument("--shop", default="d6", help="the shop whose backtest is timed")
    parser.add_argument("--repeat", type=int, default=2,
                        help="backtests per variant, in turns; the fastest counts")
    parser.add_argument("--side-by-side", action="store_true",
                        help="also time the backtest with the --count models side by side")
    args = parser.parse_args(argv)
    start = END - dt.timedelta(weeks=SCORED_WEEKS)
    members = {m.shop.name: m for m in (simulate_member(s, END) for s in default_association(END))}
    data = {name: files.to_bytes(build_contribution(
        ShopHistory(m.sales, m.features, m.shop.state, m.categories), start))
        for name, m in members.items()}
    others = [d for name, d in data.items() if name != args.shop]
    print(f"contribution sizes: {min(map(len, others)) / 1000:.0f}-"
          f"{max(map(len, others)) / 1000:.0f} kB (the eleven others of {args.shop})")
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i in range(args.count):
            path = Path(tmp) / f"c{i:03d}.bkcontrib"
            path.write_bytes(others[i % len(others)])
            paths.append(str(path))
        out = Path(tmp) / "prior.bkprior"
        began = time.perf_counter()
        subprocess.run([sys.executable, "-m", "app.cli", "association", "build", *paths,
                        "--out", str(out)], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        seconds = time.perf_counter() - began
        child = resource.getrusage(resource.RUSAGE_CHILDREN)
        rss, cpu = child.ru_maxrss / 1000, child.ru_utime + child.ru_stime
        prior_bytes = out.read_bytes()
    print(f"{args.count} contributions: `association build` {seconds:.1f} s wall, {cpu:.1f} s CPU "
          f"(a fresh process: reading and checking them, distilling, writing), peak resident "
          f"memory {rss:.0f} MB, "
          f"prior {len(prior_bytes) / 1e6:.2f} MB")
    began = time.perf_counter()
    big = Prior.from_bundle(files.from_bytes(prior_bytes, "prior", "prior"))
    print(f"checking and loading the prior: {time.perf_counter() - began:.2f} s; "
          f"{len(big.boosters)} model(s), distilled: {big.manifest.get('distilled')}")
    eleven = Prior.from_bundle(build_prior(
        [files.from_bytes(d, "contribution", "c") for d in others], distilled=False))
    member = members[args.shop]
    runs = [("without a prior", None), ("prior of 11, side by side", eleven),
            (f"prior of {args.count}, "
             + ("distilled" if "distilled" in big.manifest else "side by side"), big)]
    if args.side_by_side:
        bundles = [files.from_bytes(others[i % len(others)], "contribution", str(i))
                   for i in range(args.count)]
        runs.append((f"prior of {args.count}, side by side",
                     Prior.from_bundle(build_prior(bundles, distilled=False))))
    best: dict[str, tuple[float, float]] = {}
    scores: dict[str, dict] = {}
    for _ in range(args.repeat):
        for label, prior in runs:
            began_cpu = time.process_time()
            scores[label], secs = backtest(member, start, END, prior)
            cpu = time.process_time() - began_cpu
            old = best.get(label, (secs, cpu))
            best[label] = (min(old[0], secs), min(old[1], cpu))
    wall0, cpu0 = best[runs[0][0]]
    for label, _prior in runs:
        wall, cpu = best[label]
        print(f"backtest {args.shop} {label}: {wall:.1f} s wall ({wall / wall0:.2f}x), "
              f"{cpu:.1f} s CPU ({cpu / cpu0:.2f}x), pinball 0.7 {scores[label]['pinball']:.3f}",
              flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
