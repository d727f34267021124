"""The trainer's report: the participants' results of one scenario side by side.

Results from another scenario, the same participant twice or a model or rule that scored
differently in two files (a file edited or from another version of the scenario) are refused,
so nothing is merged wrongly.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from forecasting.errors import UserError
from forecasting.texts import render
from forecasting.workshop.files import read_result
from forecasting.workshop.occasions import OCCASIONS
from forecasting.workshop.overrides import occasion_groups, override_groups
from forecasting.workshop.scenario import SALES_LOWER_BOUND
from forecasting.workshop.scoring import MODEL, PARTICIPANT, RULE


def result_paths(paths: Sequence[Path]) -> list[Path]:
    """The files given, a folder standing for the .bkresult files in it (a shared folder or a
    stick the participants wrote to)."""
    out: list[Path] = []
    for path in map(Path, paths):
        out += sorted(path.glob("*.bkresult")) if path.is_dir() else [path]
    return out


def collect(paths: Sequence[Path]) -> dict[str, Any]:
    """The group report of the result files at `paths` (all of one scenario)."""
    paths = result_paths(paths)
    if not paths:
        raise UserError("workshop.no_results")
    results = [(p, read_result(p)) for p in paths]
    first_path, first = results[0]
    seen: dict[str, Path] = {}
    for path, result in results:
        if result["scenario_id"] != first["scenario_id"]:
            raise UserError("workshop.other_scenario", path=str(path), first=str(first_path))
        for policy in (MODEL, RULE):
            if result["totals"][policy] != first["totals"][policy]:
                raise UserError("workshop.other_scenario", path=str(path), first=str(first_path))
        name = str(result["participant"])
        if name in seen:
            raise UserError("workshop.participant_twice", participant=name, path=str(path),
                            first=str(seen[name]))
        seen[name] = path
    rounds = _rounds(results)
    estimated = first["demand_kind"] == SALES_LOWER_BOUND
    note = "workshop.note.estimated" if estimated else "workshop.note.true_demand"
    return {
        "scenario_id": first["scenario_id"], "first": first["first"], "last": first["last"],
        "demand_kind": first["demand_kind"], "estimated": estimated,
        "prices_known": first["prices_known"],
        "note": {lang: render(note, lang) for lang in ("de", "en")},
        MODEL: first["totals"][MODEL], RULE: first["totals"][RULE],
        "rounds": [{k: v for k, v in r.items() if k != PARTICIPANT} for r in rounds],
        "occasions": occasion_words(first.get("occasions", {})),
        "participants": [
            {"name": r["participant"], "file": str(p), PARTICIPANT: r["totals"][PARTICIPANT],
             MODEL: r["totals"][MODEL], RULE: r["totals"][RULE],
             "overrides": override_groups(r["columns"], r["rows"], r.get("packs", {})),
             "overrides_by_occasion": occasion_groups(r["columns"], r["rows"],
                                                      r.get("occasions", {})),
             "days": r["days"],
             "rounds": [{"number": x["number"], PARTICIPANT: x[PARTICIPANT]}
                        for x in (r["rounds"] if rounds else [])]}
            for p, r in results
        ],
    }


def _rounds(results: list[tuple[Path, dict[str, Any]]]) -> list[dict[str, Any]]:
    """The rounds of the results (those of the first file) when all files have the same rounds
    (result files from before rounds existed have none: then the report has none)."""
    def layout(result: dict[str, Any]) -> list[tuple[Any, ...]]:
        return [(x["first"], x["last"], x["show_suggestion"], x["show_calendar"])
                for x in result.get("rounds", [])]

    first = results[0][1]
    if not first.get("rounds") or any(layout(r) != layout(first) for _, r in results):
        return []
    return list(first["rounds"])



def occasion_words(occasions: dict[str, str]) -> list[dict[str, Any]]:
    """Per occasion that has days in the scenario, in OCCASIONS' order: its days and its words
    in both languages (a label for tables, a phrase that starts a sentence); empty for results
    made before occasions were kept."""
    out = []
    for name in OCCASIONS:
        days = sum(1 for v in occasions.values() if v == name)
        if days:
            out.append({"occasion": name, "days": days,
                        "label": {lang: render(f"workshop.occasion.{name}", lang)
                                  for lang in ("de", "en")},
                        "on": {lang: render(f"workshop.occasion_on.{name}", lang)
                               for lang in ("de", "en")}})
    return out
