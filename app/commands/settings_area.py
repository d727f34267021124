"""`bestellkompass settings area`: the trade-off "lieber Reste / lieber ausverkauft" of one supplier
or production area, with the expected leftovers and sell-out days of the next 4 weeks per step
(the settings window's page of the same name, app/tradeoff_panel.py)."""

from __future__ import annotations

import argparse
import datetime as dt

from app.cli_text import _, language
from app.commands.args import add_action, date_arg, shop_and_lang
from forecasting.errors import UserError
from forecasting.operations import settings as settings_ops
from forecasting.operations.reading import load_area_levels, load_products
from forecasting.operations.shop import Shop
from forecasting.plan_inputs import read_plan_inputs
from forecasting.policy.economics import MAX_LEVEL, MIN_LEVEL, SERVICE_SETTINGS
from forecasting.policy.explain_text import setting_text
from forecasting.policy.plan import next_opening_day, plan_order
from forecasting.policy.tradeoff_preview import STEPS, AreaDemand, area_demands, previews
from forecasting.policy.tradeoff_text import (
    level_text,
    notes,
    only_kept,
    sellout_words,
    step_words,
)
from forecasting.texts import format_date, format_number, render

#: The ends of the slider, as words the owner may type.
ENDS = {"more_leftovers": STEPS[0], "more_sellouts": STEPS[-1]}


def add_area_action(actions: argparse._SubParsersAction) -> None:
    """`settings area [NAME] [--service-level X] [--preview] [--date D]`."""
    area = add_action(actions, "area", _("rather leftovers or rather sold out, per supplier or "
                                         "area, with the expected leftovers of the next 4 weeks"))
    shop_and_lang(area)
    area.add_argument("name", nargs="?", default=None,
                      help=_("the supplier or area as the products name it (default: all)"))
    area.add_argument("--service-level", default=None, help=service_help())
    area.add_argument("--preview", action="store_true",
                      help=_("after a change, print the expected leftovers and days sold out "
                             "too (without a change they are always printed)"))
    area.add_argument("--date", type=date_arg, default=None,
                      help=_("the preview starts on this day (default: the next opening day)"))


def service_help() -> str:
    """The choices in the user's language (German words by default; English codes work too)."""
    return _("auto (from price and cost), {words}, or a percentage (e.g. 90)").format(
        words=", ".join(choice_words(language())[1:]))


def choice_words(lang: str) -> list[str]:
    """The plain settings as the owner may type them, in `lang`, "auto" first."""
    return ["auto", *(setting_text(s, lang) for s in SERVICE_SETTINGS),
            *(render(f"tradeoff.{end}", lang) for end in ENDS)]


def _normal(text: str) -> str:
    return " ".join(text.strip().lower().replace("_", " ").replace("-", " ").split())


def parse_area_level(value: str, lang: str) -> float | None:
    """"ausgewogen", "rarely_sold_out", "lieber Reste", "85" or "85 %" -> the level; "auto" or
    "nach Preis und Kosten" -> None (from price and cost)."""
    wanted = _normal(value)
    for setting in ("auto", *SERVICE_SETTINGS):
        words = {_normal(setting)} | {_normal(setting_text(None if setting == "auto" else setting,
                                                           la)) for la in ("de", "en")}
        if wanted in words:
            return None if setting == "auto" else SERVICE_SETTINGS[setting]
    for end, level in ENDS.items():
        if wanted in {_normal(end)} | {_normal(render(f"tradeoff.{end}", la))
                                       for la in ("de", "en")}:
            return level
    try:
        percent = float(wanted.rstrip("%").strip().replace(",", "."))
    except ValueError:
        percent = float("nan")
    if not 100 * MIN_LEVEL <= percent <= 100 * MAX_LEVEL:
        raise UserError("settings.bad_tradeoff", value=value,
                        choices=", ".join(choice_words(lang)),
                        low=f"{100 * MIN_LEVEL:g}", high=f"{100 * MAX_LEVEL:g}")
    return round(percent / 100, 4)


def run_area(shop: Shop, args: argparse.Namespace, lang: str) -> str:
    """Change the area's setting (if given) and return what to print."""
    areas = sorted({p.supplier for p in load_products(shop) if p.supplier})
    if not areas:
        raise UserError("tradeoff.no_areas")
    if args.name is not None and args.name not in areas:
        raise UserError("settings.unknown_area", name=args.name, known=", ".join(areas))
    level = None if args.service_level is None else parse_area_level(args.service_level, lang)
    if args.service_level is not None and args.name is None:
        raise UserError("settings.area_needed", known=", ".join(areas))
    demands = None
    if args.service_level is None or args.preview:
        # before the change: the setting moves no forecast, and a changed shop file would not
        # find its saved forecast any more
        day = args.date or next_opening_day(shop, dt.date.today())
        inputs = read_plan_inputs(shop, day)
        demands = area_demands(inputs, plan_order(inputs))
    out: list[str] = []
    if args.service_level is not None:
        done = settings_ops.set_area_service(shop, args.name, level)
        if not done.any:
            out.append(render("settings.unchanged", lang))
        elif level is None:
            out.append(render("settings.area_auto", lang, area=args.name))
        else:
            out.append(render("settings.area_saved", lang, area=args.name,
                              setting=step_words(level, lang) or level_text(level, lang),
                              level=level_text(level, lang)))
    if demands is None:
        return "\n".join(out) + "\n"
    stored = load_area_levels(shop)
    for area in [args.name] if args.name else areas:
        out += ["", *preview_table(area, demands.get(area), stored.get(area), day, lang)]
    return "\n".join(out).lstrip("\n") + "\n"


def preview_table(area: str, demand: AreaDemand | None, current: float | None, day: dt.date,
                  lang: str) -> list[str]:
    """One area's steps with the expected leftovers and sell-out days, the current and the
    recommended setting marked."""
    start = demand.days[0] if demand is not None and demand.days else day
    lines = [render("tradeoff.title", lang, area=area, weeks=4, start=format_date(start, lang))]
    if demand is None or not demand.previewed:
        return [*lines, *(notes(demand, lang) if demand is not None
                          else [render("tradeoff.nothing", lang)])]
    # goods that keep: write-offs, and the stock on the shelf in days of demand
    columns = ["setting", "level", "written_off" if only_kept(demand) else "waste", "euros",
               "sellouts", *(["stock_days"] if demand.kept else []), "words"]
    head = [render(f"tradeoff.col.{c}", lang) for c in columns]
    rows = [head]
    steps: list[float | None] = [None, *sorted({*STEPS, *([current] if current else [])},
                                               reverse=True)]
    every = previews(demand, steps)  # goods that keep: all steps played side by side
    for level in steps:
        figures = every[level]
        marks = [render("tradeoff.mark.recommended", lang)] if level is None else []
        if level == current:
            marks.append(render("tradeoff.mark.current", lang))
        words = " ".join(filter(None, [step_words(level, lang),
                                       f"({', '.join(marks)})" if marks else ""]))
        enough = sellout_words(figures, lang).split("– ")[-1]
        rows.append([
            words,
            "" if level is None else level_text(level, lang),
            format_number(round(figures.waste_units), lang, 0),
            "" if figures.waste_euros is None else format_number(round(figures.waste_euros),
                                                                 lang, 0),
            format_number(figures.sellout_days_per_product, lang, 1),
            *([format_number(figures.stock_days or 0.0, lang, 1)] if demand.kept else []),
            enough,
        ])
    widths = [max(len(r[i]) for r in rows) for i in range(len(head))]
    right = set(range(1, len(head) - 1))
    for row in rows:
        lines.append("  ".join(cell.rjust(w) if i in right else cell.ljust(w)
                               for i, (cell, w) in enumerate(zip(row, widths, strict=True)))
                     .rstrip())
    return [*lines, *notes(demand, lang)]
