"""Reliability drills of the shop file: kill -9 at random moments, and the window beside its
forecast child and command-line writers. Prints trials, survived, lost and corrupted per drill.

Kill drill: a real `bestellkompass` process (import into a shop, import creating a new shop, order
set, stock set, suggest) is killed with SIGKILL at a random moment within its usual run time. Then
the file must pass `PRAGMA integrity_check` and hold the old or the new state, never a mix (and the
new one whenever the process had already said it was done).

Side by side: the app's session (offscreen, in this process) keeps the shop open, computes the
plan with its forecast child and records decisions while command-line processes write decisions,
stock counts and closing days beside it. Every write that was acknowledged (exit 0 on the command
line, no error in the window) must be visible from a fresh process afterwards.

    python benchmarks/reliability_drill.py [--kills-per-action 40] [--rounds 20] [--seed 1]

tests/test_reliability_drills.py runs the same drills with small counts in the suite.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

END = dt.date(2026, 11, 26)  # the demo history ends the day before; orders for this day
KEEP = ("Weizenbrötchen", "Laugenbrezel", "Roggenmischbrot 750 g", "Croissant", "Berliner",
        "Käsekuchen")
HISTORY_DAYS = 300
ACTIONS = ("import", "import-new", "order", "stock", "suggest")
APP_EDITS = 12  # the window's decisions per side-by-side round, while the writers run


@dataclasses.dataclass
class DrillResult:
    """Counts of one drill."""

    name: str
    trials: int = 0
    killed: int = 0  # the process was still running when it was killed
    survived: int = 0  # integrity ok and the old or the new state
    lost: int = 0  # an acknowledged write is missing, or a mixed state
    corrupted: int = 0  # integrity_check failed or the file could not be read
    problems: list[str] = dataclasses.field(default_factory=list)


def _env() -> dict[str, str]:
    return dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO))


def cli(*args: str) -> list[str]:
    """The command line as the app's forecast child runs it."""
    return [sys.executable, "-m", "app", *args]


def prepare(workdir: Path) -> Path:
    """A small demo bakery (six products, 300 days) with the suggestions for END stored."""
    from forecasting.demo.generate import write_demo_shop
    from forecasting.store.file import Shop

    path = write_demo_shop("bakery", END, workdir / "base.bkshop")
    first = (END - dt.timedelta(days=HISTORY_DAYS)).isoformat()
    with Shop.open(path) as shop, shop.transaction() as conn:
        marks = ", ".join("?" for _ in KEEP)
        conn.execute(f"DELETE FROM products WHERE name NOT IN ({marks})", KEEP)
        conn.execute("DELETE FROM sales WHERE date < ?", (first,))
        conn.execute("DELETE FROM true_demand")
    subprocess.run(cli("--shop", str(path), "suggest", "--date", END.isoformat()), env=_env(),
                   check=True, capture_output=True)
    return path


def import_file(workdir: Path, days: int = 120) -> Path:
    """A German till export of `days` new days for the six products (after the history)."""
    path = workdir / "neue_tage.csv"
    rows = ["Datum;Artikel;Menge"]
    for k in range(days):
        day = END + dt.timedelta(days=k)
        rows += [f"{day:%d.%m.%Y};{name};{20 + (k * 7 + i) % 40}" for i, name in enumerate(KEEP)]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


# -- reading the state from a fresh process (never with a connection of ours still open) --------
READ_STATE = """
import json, sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
out = {"integrity": conn.execute("PRAGMA integrity_check").fetchone()[0]}
out["sales"] = conn.execute("SELECT count(*) FROM sales").fetchone()[0]
out["decisions"] = {p: f for p, f in conn.execute(
    "SELECT p.name, d.final FROM order_decisions d JOIN products p ON p.id = d.product_id "
    "WHERE d.date = ?", (sys.argv[2],))}
out["stock"] = {p: h for p, h in conn.execute(
    "SELECT p.name, s.on_hand FROM stock s JOIN products p ON p.id = s.product_id "
    "WHERE s.date = ?", (sys.argv[2],))}
out["forecasts"] = [list(r) for r in conn.execute(
    "SELECT count(*), count(DISTINCT computed_at) FROM forecasts WHERE date = ?", (sys.argv[3],))]
out["closing"] = [r[0] for r in conn.execute("SELECT date FROM closing_days ORDER BY date")]
conn.close()
print(json.dumps(out))
"""


def read_state(path: Path, day: dt.date, plan_day: dt.date) -> dict[str, object]:
    """What a fresh process sees in the shop file (raises if it cannot read it)."""
    import json

    done = subprocess.run([sys.executable, "-c", READ_STATE, str(path), day.isoformat(),
                           plan_day.isoformat()], capture_output=True, text=True, timeout=60)
    if done.returncode != 0:
        raise RuntimeError(done.stderr.strip().splitlines()[-1] if done.stderr else "unreadable")
    return json.loads(done.stdout)  # type: ignore[no-any-return]


# -- kill drill ---------------------------------------------------------------------------------
@dataclasses.dataclass
class Action:
    """One command to kill, and how to judge the file afterwards."""

    command: Callable[[Path], list[str]]
    judge: Callable[[dict[str, object] | None, dict[str, object], bool], str | None]
    target: Callable[[Path], Path] = lambda p: p  # the file to check (import-new: a new path)


def actions(source: Path) -> dict[str, Action]:
    """The five kill drills."""
    plan_day = END + dt.timedelta(days=1)

    def sales_old_or_new(before: dict | None, after: dict, done: bool) -> str | None:
        assert before is not None
        grown = after["sales"] - before["sales"]
        if grown not in ((len(KEEP) * 120,) if done else (0, len(KEEP) * 120)):
            return f"sales grew by {grown}"
        return None

    def new_shop_complete(before: dict | None, after: dict, done: bool) -> str | None:
        if after["sales"] != len(KEEP) * 120:
            return f"new shop holds {after['sales']} sales rows"
        return None

    def decision(before: dict | None, after: dict, done: bool) -> str | None:
        value = after["decisions"].get(KEEP[0])
        if value not in ((300.0,) if done else (None, 300.0)):
            return f"decision {value}"
        return None

    def stock(before: dict | None, after: dict, done: bool) -> str | None:
        value = after["stock"].get(KEEP[2])
        if value not in ((17.0,) if done else (None, 17.0)):
            return f"stock {value}"
        return None

    def plan(before: dict | None, after: dict, done: bool) -> str | None:
        rows, stamps = after["forecasts"][0]
        if (rows, stamps) not in (((len(KEEP), 1),) if done else ((0, 0), (len(KEEP), 1))):
            return f"forecasts for the day: {rows} rows, {stamps} computation times"
        return None

    day = END.isoformat()
    return {
        "import": Action(lambda p: cli("import", str(source), "--shop", str(p)), sales_old_or_new),
        "import-new": Action(
            lambda p: cli("import", str(source), "--shop", str(p.with_name("neu.bkshop")),
                          "--state", "SH"),
            new_shop_complete, lambda p: p.with_name("neu.bkshop")),
        "order": Action(lambda p: cli("--shop", str(p), "order", "set", KEEP[0], "300",
                                      "--reason", "event", "--date", day), decision),
        "stock": Action(lambda p: cli("--shop", str(p), "stock", "set", KEEP[2], "17",
                                      "--date", day), stock),
        "suggest": Action(lambda p: cli("--shop", str(p), "suggest", "--date",
                                        plan_day.isoformat()), plan),
    }


def typical_seconds(action: Action, base: Path, workdir: Path) -> float:
    """How long the command runs when it is not killed."""
    trial = workdir / "timing" / "shop.bkshop"
    trial.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(base, trial)
    started = time.monotonic()
    subprocess.run(action.command(trial), env=_env(), capture_output=True, timeout=600)
    seconds = time.monotonic() - started
    shutil.rmtree(trial.parent)
    return seconds


def kill_drill(name: str, action: Action, base: Path, workdir: Path, trials: int,
               rng: random.Random) -> DrillResult:
    """Kill the command `trials` times at random moments and judge the file each time."""
    result = DrillResult(f"kill -9: {name}")
    seconds = typical_seconds(action, base, workdir)
    plan_day = END + dt.timedelta(days=1)
    for k in range(trials):
        folder = workdir / f"{name}-{k}"
        folder.mkdir(parents=True)
        shop = folder / "shop.bkshop"
        shutil.copy(base, shop)
        before = read_state(shop, END, plan_day) if name != "import-new" else None
        proc = subprocess.Popen(action.command(shop), env=_env(), stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.0, seconds * 1.1))
        code = proc.poll()
        if code is None:
            proc.send_signal(signal.SIGKILL)
            result.killed += 1
        proc.wait()
        done = code == 0
        result.trials += 1
        target = action.target(shop)
        if name == "import-new" and not target.exists():
            if done:
                result.lost += 1
                result.problems.append(f"{name} #{k}: said done, no shop file")
            else:
                result.survived += 1
            shutil.rmtree(folder)
            continue
        try:
            after = read_state(target, END, plan_day)
        except (RuntimeError, sqlite3.Error) as exc:
            result.corrupted += 1
            result.problems.append(f"{name} #{k}: {exc}")
            continue
        if after["integrity"] != "ok":
            result.corrupted += 1
            result.problems.append(f"{name} #{k}: integrity {after['integrity']}")
            continue
        problem = action.judge(before, after, done)
        if problem is None:
            result.survived += 1
            shutil.rmtree(folder)
        else:
            result.lost += 1
            result.problems.append(f"{name} #{k} ({'done' if done else 'killed'}): {problem}")
    return result


# -- side by side -------------------------------------------------------------------------------
def side_by_side(base: Path, workdir: Path, rounds: int) -> DrillResult:
    """The window (this process, offscreen) with its forecast child, command-line writers beside
    it; every acknowledged write must be visible from a fresh process afterwards."""
    from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from app import i18n
    from app.session import ShopSession

    app = QApplication.instance() or QApplication([])
    i18n.install_language("de")
    shop = workdir / "side_by_side.bkshop"
    shutil.copy(base, shop)
    result = DrillResult("window + forecast child + command line")
    session = ShopSession.open(shop, day=END)

    def wait_for_plan() -> None:
        loop = QEventLoop()
        session.planChanged.connect(loop.quit)
        session.failed.connect(loop.quit)
        QTimer.singleShot(300_000, loop.quit)
        session.refresh_plan()  # the worker opens the shop again; the child opens and closes it
        loop.exec()
        session.planChanged.disconnect(loop.quit)
        session.failed.disconnect(loop.quit)

    wait_for_plan()
    products = [line.product for line in session.lines]
    mine, theirs = products[0::2], products[1::2]
    acked_decisions: dict[str, float] = {}
    acked_stock: dict[str, float] = {}
    acked_closing: set[str] = set()
    for r in range(rounds):
        value = float(1000 + r)
        target = theirs[r % len(theirs)]
        closing = (END + dt.timedelta(days=30 + r)).isoformat()
        writers = [
            (("decision", target, value), subprocess.Popen(cli(
                "--shop", str(shop), "order", "set", target, f"{value:g}", "--reason", "event",
                "--date", END.isoformat()), env=_env(), stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE, text=True)),
            (("stock", KEEP[2], float(r)), subprocess.Popen(cli(
                "--shop", str(shop), "stock", "set", KEEP[2], str(r), "--date",
                END.isoformat()), env=_env(), stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE, text=True)),
            (("closing", closing, 0.0), subprocess.Popen(cli(
                "--shop", str(shop), "settings", "closing-day", "add", closing, "--reason",
                f"Drill {r}"), env=_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                text=True)),
        ]
        if r % 5 == 0:
            session.refresh_plan()  # the forecast child and a worker connection beside them
        k = 0
        while (any(proc.poll() is None for _, proc in writers) or k < 3) and k < APP_EDITS:
            product = mine[k % len(mine)]
            edit = session.order_edit(product, value + k, "weather")
            try:
                if edit is not None:
                    session.apply_edit(edit, "drill")
                    acked_decisions[product] = value + k
            except Exception as exc:  # refused: not acknowledged, the window said why
                result.problems.append(f"window refused {product}: {type(exc).__name__}")
            QCoreApplication.processEvents()
            time.sleep(0.2)
            k += 1
        while any(proc.poll() is None for _, proc in writers):
            QCoreApplication.processEvents()
            time.sleep(0.05)
        for (kind, key, number), proc in writers:
            _, err = proc.communicate()
            result.trials += 1
            if proc.returncode != 0:
                result.problems.append(f"{kind} refused: {err.strip()[-200:]}")
                continue
            if kind == "decision":
                acked_decisions[str(key)] = number
            elif kind == "stock":
                acked_stock[str(key)] = number
            else:
                acked_closing.add(str(key))
        result.trials += k
    session.runner.wait()
    QCoreApplication.processEvents()
    session.close()
    state = read_state(shop, END, END)
    if state["integrity"] != "ok":
        result.corrupted += 1
        result.problems.append(f"integrity: {state['integrity']}")
    missing = [p for p, v in acked_decisions.items() if state["decisions"].get(p) != v]
    missing += [p for p, v in acked_stock.items() if state["stock"].get(p) != v]
    missing += sorted(acked_closing - set(state["closing"]))
    result.lost = len(missing)
    result.survived = result.trials - result.lost
    if missing:
        result.problems.append(f"acknowledged but not in the file: {missing}")
    del app
    return result


def table(results: list[DrillResult]) -> str:
    """The figures as a Markdown table."""
    rows = ["| drill | trials | killed mid-way | survived | lost | corrupted |",
            "|---|---:|---:|---:|---:|---:|"]
    rows += [f"| {r.name} | {r.trials} | {r.killed} | {r.survived} | {r.lost} | {r.corrupted} |"
             for r in results]
    return "\n".join(rows)


def main() -> int:
    """Run all drills and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills-per-action", type=int, default=40)
    parser.add_argument("--rounds", type=int, default=20, help="side-by-side rounds")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="bk-drill-") as tmp:
        workdir = Path(tmp)
        os.environ.setdefault("BESTELLKOMPASS_CACHE_DIR", str(workdir / "cache"))
        base = prepare(workdir)
        source = import_file(workdir)
        results = [side_by_side(base, workdir, args.rounds)]
        for name, action in actions(source).items():
            results.append(kill_drill(name, action, base, workdir, args.kills_per_action, rng))
    print(table(results))
    for r in results:
        for problem in r.problems:
            print(f"  {r.name}: {problem}")
    print(f"\n{time.monotonic() - started:.0f} s")
    return 0 if all(r.lost == 0 and r.corrupted == 0 for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
