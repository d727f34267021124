"""Benchmark of the association's prior (issue 18) on a synthetic association.

Twelve bakeries and delis from the demo generator (forecasting/demo/association.py: nine
Bundesländer, 12-32 products, sizes 0.4-1.5, four of them with only 8 weeks of sales before the
scored 13 weeks), all sharing the demo world's effect sizes, with known true demand. Each shop
contributes from its sales before the first scored day (`--until`, so everything stays causal);
for each shop the prior is built from the *other* eleven contributions, and its one-day-ahead
backtest over the last 13 weeks is run with and without that prior. Scored against true demand:
pinball loss at tau 0.7 (mean per product-day), coverage of q0.7 and q0.9; separately on the
product-days of products younger than 8 weeks.

    PYTHONPATH=. nice python benchmarks/association.py [--shops b1,d5] [--end 2025-01-01] [--split]
                                          [--launches 4] [--other-kind] [--distil] [--write FILE.md]

(PYTHONPATH=. so that a git worktree's own code is used, not the checkout installed in the venv.)

`--end 2025-01-01` is the validation window (the same 13 weeks one year earlier: every shop's
world simulated up to then, the contributions `--until` its start, the new shops' 8 weeks before
it); design choices are made there, the default (test) window is run once at the end. `--split`
adds the loss by kind of day (special days: occasions.special_days) and by product age.
`--launches 4`: each shop launches four products in its last two months instead of one (the
catalogue's new product, then three of its range a week apart, which then have no earlier
sales), so the young products' figure rests on 48 products, not 12. `--other-kind`: each
shop's prior from the other kind of shop only (a bakery's from the six delis' contributions, a
deli's from the six bakeries'), a prior that does not fit the shop, to see what it costs then.
`--distil`: also with the prior of the other eleven distilled into one model
(forecasting/association/distil.py; a prior of so few is otherwise kept side by side), to see
whether distilling costs accuracy.
"""

from __future__ import annotations

import os

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import argparse
import datetime as dt
import time
import tracemalloc
from pathlib import Path

import numpy as np
import pandas as pd

from forecasting.association import files
from forecasting.association.contribution import ShopHistory, build_contribution
from forecasting.association.prior import Prior, build_prior
from forecasting.demo.association import (
    MemberHistory,
    default_association,
    simulate_member,
)
from forecasting.demo.world import demand_quantiles
from forecasting.models.backtest import BacktestPlan, run_backtest
from forecasting.models.occasions import special_days

END = dt.date(2026, 1, 1)
SCORED_WEEKS = 13
YOUNG_DAYS = 56
TAU = 0.7
REFIT_DAYS = 28  # both variants alike; halves the LightGBM fits on the shared machine


def pinball(y: np.ndarray, q: np.ndarray, tau: float) -> np.ndarray:
    """Pinball loss per row."""
    diff = y - q
    return np.maximum(tau * diff, (tau - 1) * diff)


def score(member: MemberHistory, pred: pd.DataFrame) -> dict[str, float]:
    """Pinball at 0.7 (all product-days, young products' days, special and usual days) and
    coverage, against demand."""
    final = pred[pred["kind"] == "final"][["date", "product", "q0.7", "q0.9"]]
    demand = member.demand().merge(floor_frame(member), on=["date", "product"], how="left")
    frame = final.merge(demand, on=["date", "product"], how="inner")
    first = member.sales.groupby("product")["date"].min()
    age = (frame["date"] - frame["product"].map(first)).dt.days
    loss = pinball(frame["demand"].to_numpy(), frame["q0.7"].to_numpy(), TAU)
    young = (age < YOUNG_DAYS).to_numpy()
    dates = pd.DatetimeIndex(member.features.frame.index).normalize()
    special = pd.Series(special_days(member.features, dates), index=dates)
    on_special = special.reindex(frame["date"]).fillna(False).to_numpy(dtype=bool)
    parts = {"special": on_special, "usual": ~on_special,
             "special_young": on_special & young, "usual_young": ~on_special & young}
    split = {k: (float(loss[m].sum()), int(m.sum())) for k, m in parts.items()}
    floor = pinball(frame["demand"].to_numpy(), frame["floor"].to_numpy(), TAU)
    return {
        "floor": float(floor.mean()),
        "floor_split": {k: float(floor[m].sum()) for k, m in parts.items()},
        "split": split,
        "rows": len(frame),
        "pinball": float(loss.mean()),
        "young_rows": int(young.sum()),
        "young_pinball": float(loss[young].mean()) if young.any() else float("nan"),
        "cover7": float((frame["demand"] <= frame["q0.7"]).mean()),
        "cover9": float((frame["demand"] <= frame["q0.9"]).mean()),
    }


def floor_frame(member: MemberHistory) -> pd.DataFrame:
    """(date, product, floor): the true demand distribution's q0.7, the forecast that knows the
    world (demo.world.demand_quantiles): no model beats its loss."""
    world = member.history.world
    q = demand_quantiles(world, [TAU])[0]
    return pd.DataFrame({"date": np.repeat(world.days, q.shape[1]),
                         "product": np.tile(np.asarray(world.names, dtype=object), q.shape[0]),
                         "floor": q.reshape(-1)})


def backtest(member: MemberHistory, start: dt.date, end: dt.date, prior: Prior | None
             ) -> tuple[dict, float]:
    """The shop's one-day-ahead backtest over the scored weeks; scores and seconds."""
    plan = BacktestPlan(start, end - dt.timedelta(days=1), horizon=1, refit_every=REFIT_DAYS)
    began = time.perf_counter()
    result = run_backtest(member.sales, member.features, plan, (0.5, 0.7, 0.9),
                          categories=member.categories, candidates=False, prior=prior)
    return score(member, result.predictions), time.perf_counter() - began


def scored_members(end_text: str, shops: str | None, launches: int = 1
                   ) -> tuple[dt.date, dt.date, list[MemberHistory], set[str]]:
    """The scored weeks (first day, day after), the twelve members simulated up to then (each
    launching `launches` products), and the names of those asked for (comma-separated `shops`;
    None: all)."""
    end = dt.date.fromisoformat(end_text)
    start = end - dt.timedelta(weeks=SCORED_WEEKS)
    every = default_association(end, launches)
    wanted = set(shops.split(",")) if shops else {s.name for s in every}
    return start, end, [simulate_member(s, end) for s in every], wanted


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print (and optionally write) the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shops", help="comma-separated shop names (default: all twelve)")
    parser.add_argument("--write", help="markdown file to write the tables into")
    parser.add_argument("--distil", action="store_true",
                        help="also backtest with the others' prior distilled into one model")
    parser.add_argument("--end", default=END.isoformat(),
                        help="first day after the scored weeks (validation: 2025-01-01)")
    parser.add_argument("--split", action="store_true",
                        help="print the loss by special/usual day and product age")
    parser.add_argument("--launches", type=int, default=1,
                        help="products each shop launches in its last two months (default 1)")
    parser.add_argument("--other-kind", action="store_true",
                        help="a prior that does not fit: each shop's from the other kind of shop "
                             "only (a bakery's from the six delis, a deli's from the bakeries)")
    args = parser.parse_args(argv)
    start, end, members, wanted = scored_members(args.end, args.shops, args.launches)
    contributions, sizes, contrib_seconds = {}, {}, {}
    kinds = {m.shop.name: m.shop.kind for m in members}
    for m in members:
        began = time.perf_counter()
        bundle = build_contribution(
            ShopHistory(m.sales, m.features, m.shop.state, m.categories), start)
        contrib_seconds[m.shop.name] = time.perf_counter() - began
        contributions[m.shop.name] = bundle
        sizes[m.shop.name] = len(files.to_bytes(bundle))
    rows = []
    build_seconds, peak = [], 0
    distilled: list[tuple] = []
    for m in members:
        if m.shop.name not in wanted:
            continue
        others = [b for name, b in contributions.items() if name != m.shop.name
                  and not (args.other_kind and kinds[name] == m.shop.kind)]
        tracemalloc.start()
        began = time.perf_counter()
        prior_bundle = build_prior(others)
        prior_bytes = files.to_bytes(prior_bundle)
        prior = Prior.from_bundle(files.from_bytes(prior_bytes, "prior", "prior"))
        build_seconds.append(time.perf_counter() - began)
        peak = max(peak, tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()
        without, t0 = backtest(m, start, end, None)
        with_prior, t1 = backtest(m, start, end, prior)
        history_weeks = (pd.Timestamp(start) - m.sales["date"].min()).days / 7
        if args.distil:
            one = Prior.from_bundle(build_prior(others, distilled=True))
            distilled.append((m.shop.name, round(history_weeks), with_prior, t1,
                              *backtest(m, start, end, one)))
            print(_distil_row(distilled[-1]), flush=True)
        rows.append({
            "shop": m.shop.name, "kind": m.shop.kind, "state": m.shop.state,
            "products": len(m.categories), "weeks": round(history_weeks),
            "without": without, "with": with_prior, "t0": t0, "t1": t1,
            "prior_kb": len(prior_bytes) / 1000,
        })
        print(_row(rows[-1]), flush=True)
        if args.split:
            print(_split(rows[-1]), flush=True)
    text = _table(rows, sizes, contrib_seconds, build_seconds, peak)
    if distilled:
        text += ("\n| shop | weeks before | pinball 0.7 side by side | distilled | change | young: "
                 "side by side | distilled | change | cover q0.7 side by side / distilled | "
                 "cover q0.9 | backtest s side by side / distilled |\n"
                 "|---|---|---|---|---|---|---|---|---|---|---|\n"
                 + "\n".join(_distil_row(d) for d in distilled) + "\n")
    print(text)
    if args.write:
        Path(args.write).write_text(text, encoding="utf-8")
    return 0


def _split(r: dict) -> str:
    """The loss's parts: per kind of day the summed loss without / with and the product-days."""
    out = []
    for key in r["without"]["split"]:
        (a, n), (b, _n) = r["without"]["split"][key], r["with"]["split"][key]
        f = r["without"]["floor_split"][key]
        out.append(f"{key}: {a:.0f} / {b:.0f} (floor {f:.0f}, {n} d, {_change(a, b) or '-'})")
    return f"    {r['shop']} loss sums without / with: " + "; ".join(out)


def _change(a: float, b: float) -> str:
    return "" if not np.isfinite(a) or not np.isfinite(b) or a == 0 else f"{100 * (b / a - 1):+.1f} %"


def _distil_row(d: tuple) -> str:
    name, weeks, side, t_side, one, t_one = d
    return (f"| {name} | {weeks} | {side['pinball']:.3f} | {one['pinball']:.3f} | "
            f"{_change(side['pinball'], one['pinball'])} | {side['young_pinball']:.3f} | "
            f"{one['young_pinball']:.3f} | "
            f"{_change(side['young_pinball'], one['young_pinball'])} | "
            f"{side['cover7']:.2f} / {one['cover7']:.2f} | {side['cover9']:.2f} / {one['cover9']:.2f} | "
            f"{t_side:.0f} / {t_one:.0f} |")


def _row(r: dict) -> str:
    w, p = r["without"], r["with"]
    return (f"| {r['shop']} | {r['kind']} | {r['state']} | {r['products']} | {r['weeks']} | "
            f"{w['pinball']:.3f} | {p['pinball']:.3f} | {_change(w['pinball'], p['pinball'])} | "
            f"{w['young_rows']} | {w['young_pinball']:.3f} | {p['young_pinball']:.3f} | "
            f"{_change(w['young_pinball'], p['young_pinball'])} | "
            f"{w['cover7']:.2f} / {p['cover7']:.2f} | {w['cover9']:.2f} / {p['cover9']:.2f} | "
            f"{r['t0']:.0f} / {r['t1']:.0f} |")


def _table(rows: list[dict], sizes: dict, contrib_seconds: dict, build_seconds: list,
           peak: int) -> str:
    head = ("| shop | kind | state | products | weeks before | pinball 0.7 without | with prior | "
            "change | young product-days | young: without | with | change | cover q0.7 "
            "without / with | cover q0.9 without / with | backtest s without / with |\n"
            "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n")
    body = "\n".join(_row(r) for r in rows)
    summary = []
    for label, pick in (("history >= 1 year", lambda r: r["weeks"] >= 52),
                        ("history <= 8 weeks", lambda r: r["weeks"] <= 8)):
        chosen = [r for r in rows if pick(r)]
        if chosen:
            ratio = np.mean([r["with"]["pinball"] / r["without"]["pinball"] for r in chosen])
            summary.append(f"- {label}: {len(chosen)} shops, mean ratio with/without "
                           f"{ratio:.3f} ({100 * (ratio - 1):+.1f} %)")
    young = [r for r in rows if r["without"]["young_rows"]]
    if young:
        ratio = np.mean([r["with"]["young_pinball"] / r["without"]["young_pinball"] for r in young])
        summary.append(f"- products younger than 8 weeks: {len(young)} shops, mean ratio "
                       f"{ratio:.3f} ({100 * (ratio - 1):+.1f} %)")
    summary.append(f"- contribution size: {min(sizes.values()) / 1000:.0f}-"
                   f"{max(sizes.values()) / 1000:.0f} kB; building one: "
                   f"{min(contrib_seconds.values()):.1f}-{max(contrib_seconds.values()):.1f} s")
    if build_seconds:
        summary.append(f"- building a prior from 11 contributions (read back and loaded): "
                       f"{np.mean(build_seconds):.2f} s, peak Python memory "
                       f"{peak / 1e6:.0f} MB; prior file "
                       f"{np.mean([r['prior_kb'] for r in rows]):.0f} kB")
        summary.append(f"- backtest time with/without prior: "
                       f"{sum(r['t1'] for r in rows) / sum(r['t0'] for r in rows):.2f}x")
    return head + body + "\n\n" + "\n".join(summary) + "\n"


if __name__ == "__main__":
    raise SystemExit(main())
