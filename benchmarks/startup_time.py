"""Time from process start to the visible order sheet, for the source install and the bundle.

Runs `bestellkompass --selftest` (offscreen, the same start-up path as the app) in a fresh
process with its own empty HOME, reads the `selftest: <step> ok` lines as they arrive, and takes
the wall-clock time from starting the process to

- "order sheet visible": the main window with the order sheet is shown (suggestions may still be
  computing in the background: the sheet says so), and
- "order sheet filled": the suggestions are computed and shown.

The first run in a new HOME is a cold start (the demo bakery is generated into the user data dir);
the next runs reuse it (warm). A bare `python -c pass` start is timed as the baseline. With
--sizes it also prints the bundle size unpacked and packed (.tar.xz, .zip): the targets of issue 8
are <= 300 MB unpacked, <= 100 MB compressed, <= 3 s to the order sheet.

    /tmp/venv/bin/python benchmarks/startup_time.py [--runs 3] [--sizes] [--bundle DIR]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_BUNDLE = REPO_ROOT / "packaging" / "dist" / "bestellkompass"
MARKS = ("order sheet visible", "order sheet filled")


def timed_selftest(command: list[str], home: Path) -> dict[str, float]:
    """Seconds from process start to each selftest step; raises if the selftest fails."""
    env = dict(os.environ, HOME=str(home), XDG_DATA_HOME=str(home / "data"),
               XDG_CONFIG_HOME=str(home / "config"), XDG_CACHE_HOME=str(home / "cache"))
    start = time.perf_counter()
    process = subprocess.Popen([*command, "--selftest"], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, env=env, cwd=REPO_ROOT)
    times: dict[str, float] = {}
    assert process.stdout is not None
    for line in process.stdout:
        if line.startswith("selftest: ") and " ok (" in line:
            times[line[len("selftest: "):].split(" ok (")[0]] = time.perf_counter() - start
    stderr = process.stderr.read() if process.stderr else ""
    if process.wait() != 0:
        raise RuntimeError(f"{command[0]} --selftest failed:\n{stderr[-2000:]}")
    times["exit"] = time.perf_counter() - start
    return times


def baseline_seconds(runs: int) -> float:
    """Median start of a bare interpreter: what no app can beat on this machine."""
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def measure(label: str, command: list[str], runs: int, baseline: float) -> None:
    """Print cold and warm start figures for one way of running the app."""
    with tempfile.TemporaryDirectory(prefix="bk-startup-") as tmp:
        home = Path(tmp)
        cold = timed_selftest(command, home)
        warm = [timed_selftest(command, home) for _ in range(runs)]
    print(f"\n{label}: {' '.join(command)}")
    for mark in MARKS:
        median = statistics.median(run[mark] for run in warm)
        print(f"  {mark:20s} cold {cold[mark]:6.2f} s   warm median {median:6.2f} s "
              f"(min {min(run[mark] for run in warm):.2f}, {median / baseline:.0f}x baseline)")
    demo = cold.get("demo shop", 0.0) - cold.get("user data directory", 0.0)
    print(f"  demo shop generated on first start in {demo:.2f} s")


def folder_size(folder: Path) -> int:
    """Bytes of all files (symlinks counted as links, not targets)."""
    return sum(p.lstat().st_size for p in folder.rglob("*") if not p.is_dir())


def packed_sizes(bundle: Path) -> dict[str, tuple[int, float]]:
    """Size and seconds to pack the bundle as .tar.xz (xz -6) and .zip (deflate)."""
    results: dict[str, tuple[int, float]] = {}
    with tempfile.TemporaryDirectory(prefix="bk-pack-") as tmp:
        out = Path(tmp)
        if shutil.which("tar") and shutil.which("xz"):
            start = time.perf_counter()
            archive = out / "bundle.tar.xz"
            with archive.open("wb") as sink:
                tar = subprocess.Popen(["tar", "-C", str(bundle.parent), "-cf", "-", bundle.name],
                                       stdout=subprocess.PIPE)
                subprocess.run(["xz", "-T0", "-6"], stdin=tar.stdout, stdout=sink, check=True)
                tar.wait()
            results["tar.xz"] = (archive.stat().st_size, time.perf_counter() - start)
        start = time.perf_counter()
        archive = out / "bundle.zip"
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
            for path in sorted(bundle.rglob("*")):
                if path.is_file() and not path.is_symlink():
                    zf.write(path, path.relative_to(bundle.parent))
        results["zip"] = (archive.stat().st_size, time.perf_counter() - start)
    return results


def main() -> int:
    """Print start-up times (and with --sizes the bundle sizes)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="warm runs per variant")
    parser.add_argument("--bundle", type=Path, default=DEFAULT_BUNDLE)
    parser.add_argument("--sizes", action="store_true", help="also pack the bundle and measure")
    parser.add_argument("--skip-source", action="store_true")
    args = parser.parse_args()

    baseline = baseline_seconds(5)
    print(f"baseline: bare `python -c pass` starts in {baseline:.3f} s")
    if not args.skip_source:
        measure("source install", [sys.executable, "-m", "app"], args.runs, baseline)
    exe = args.bundle / args.bundle.name
    if exe.is_file():
        measure("bundle", [str(exe)], args.runs, baseline)
    else:
        print(f"\nbundle: {exe} not found; build it with packaging/build.sh")
        return 0
    if args.sizes:
        mb = 1_000_000
        print(f"\nbundle size unpacked: {folder_size(args.bundle) / mb:.1f} MB (target <= 300)")
        for kind, (size, seconds) in packed_sizes(args.bundle).items():
            print(f"bundle size as .{kind}: {size / mb:.1f} MB in {seconds:.0f} s "
                  f"(target <= 100)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
