"""How the reasons on the order sheet read over a month of suggestions (issue 19).

For each demo shop: a month of order plans (one forecast for all days, then a plan per day), and
per line the words the sheet shows. Printed per shop:
- first reason shared: the share of lines whose first reason is among the reasons of more than
  80 % of that day's lines (a fact about the day, not the product; goal under 10 %),
- steps: named steps between the baseline and the forecast per line (mean, max; goal at most 4),
- "kein …" labels (a reason that something is not the case; goal 0),
- exact: lines whose shown amounts add up to the shown forecast and suggestion (goal all).

Run: python benchmarks/reason_quality.py [--days 28] [--end 2026-11-02] [--build DIR]
The code under test is whatever `forecasting` the interpreter imports: run it with
PYTHONPATH=<other checkout> to measure another version (older versions have no day reasons).
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import tempfile
from collections import Counter
from pathlib import Path

from app.cli import main as cli
from forecasting.models.shop_forecast import forecast_shop
from forecasting.operations.shop import open_shop
from forecasting.policy.explain_text import reason_line, step_label
from forecasting.policy.plan import build_order_plan

try:  # day reasons exist from issue 19 on
    from forecasting.policy.day_reasons import plan_reasons, shared_keys
except ImportError:  # an older checkout: every reason stays on the lines
    plan_reasons = shared_keys = None

SHARED = 0.8
EXTRA_DAYS = 7  # goods that keep look a few days ahead


def _plans(path: Path, start: dt.date, days: int) -> list[object]:
    """A plan per day from one forecast of all days."""
    dates = [start + dt.timedelta(days=i) for i in range(days + EXTRA_DAYS)]
    with open_shop(path, read_only=True) as shop:
        result = forecast_shop(shop, dates, reuse=False)
        return [build_order_plan(shop, day, result=result) for day in dates[:days]]


def _line_reasons(plan: object) -> list[tuple[object, list[str]]]:
    """(line, the reasons the sheet shows) for the plan's ordering lines."""
    shared = shared_keys(plan_reasons(plan.lines)) if plan_reasons else None
    out = []
    for line in plan.lines:
        if line.status != "order":
            continue
        words = (reason_line(line.explanation, "de", shared=shared) if shared is not None
                 else reason_line(line.explanation, "de"))
        out.append((line, [w.strip() for w in words.split(",") if w.strip()]))
    return out


def measure(plans: list[object]) -> dict[str, float]:
    """The figures of the module docstring over `plans`."""
    lines = shared_first = absent = exact = 0
    steps: list[int] = []
    for plan in plans:
        rows = _line_reasons(plan)
        if not rows:
            continue
        on_lines = Counter(word for _, words in rows for word in set(words))
        for line, words in rows:
            lines += 1
            if words and on_lines[words[0]] > SHARED * len(rows):
                shared_first += 1
            expl = line.explanation
            shown = expl.displayed_amounts()
            forecast = [(s, a) for s, a in zip(expl.steps, shown, strict=True) if not s.is_policy]
            steps.append(sum(1 for s, a in forecast if s.code != "baseline" and a != 0))
            absent += sum(1 for s, a in zip(expl.steps, shown, strict=True)
                          if a != 0 and step_label(s, "de").startswith("kein"))
            n = len(forecast)
            exact += (abs(sum(shown[:n]) - expl.displayed_forecast()) < 1e-9
                      and abs(sum(shown) - expl.displayed_suggestion()) < 1e-9)
    return {"lines": lines, "first_shared": shared_first / max(lines, 1),
            "steps_mean": statistics.fmean(steps) if steps else 0.0,
            "steps_max": max(steps, default=0), "kein_labels": absent,
            "exact": exact / max(lines, 1)}


def main() -> int:
    """Build the demo shops, plan a month each, print the figures as a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--days", type=int, default=28)
    parser.add_argument("--end", default="2026-11-02", help="first day after the history")
    parser.add_argument("--build", default=None, help="folder for the demo shops (default: temp)")
    args = parser.parse_args()
    start = dt.date.fromisoformat(args.end)
    with tempfile.TemporaryDirectory() as tmp:
        build = Path(args.build or tmp)
        build.mkdir(parents=True, exist_ok=True)
        print("| shop | lines | first reason shared by >80 % of the day | steps per line "
              "(mean / max) | \"kein …\" labels | amounts add up |")
        print("|---|---|---|---|---|---|")
        for kind in ("bakery", "deli"):
            path = build / f"{kind}.bkshop"
            if not path.exists():
                cli(["demo", "--kind", kind, "--end", args.end, "--out", str(path)])
            m = measure(_plans(path, start, args.days))
            print(f"| demo {kind} | {m['lines']} | {100 * m['first_shared']:.1f} % | "
                  f"{m['steps_mean']:.2f} / {m['steps_max']} | {m['kein_labels']} | "
                  f"{100 * m['exact']:.1f} % |", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
