"""The trade-off preview in a baker's words (de/en), shared by the settings window and the
command line: "Reste in 4 Wochen: etwa 310 Stück (rund 95 € Kosten)", "Ausverkauft: je Produkt
an etwa 3 von 24 Öffnungstagen – reicht an 7 von 8 Tagen"; the precise figures for a tooltip."""

from __future__ import annotations

import datetime as dt

from forecasting.policy.economics import SERVICE_SETTINGS, nearest_setting
from forecasting.policy.explain_text import enough_days, setting_text
from forecasting.policy.tradeoff_preview import WEEKS, AreaDemand, Preview
from forecasting.texts import format_date, format_number, render


def level_text(level: float | None, lang: str = "de") -> str:
    """"85 %" (None: per product from price and cost)."""
    if level is None:
        return render("tradeoff.mixed", lang)
    return f"{format_number(round(100 * level), lang, 0)} %"


def step_words(level: float | None, lang: str = "de") -> str:
    """A step in words when it is one of the plain settings ("selten ausverkauft"), else ""."""
    if level is None:
        return setting_text(None, lang)
    named = nearest_setting(level)
    return setting_text(named, lang) if abs(SERVICE_SETTINGS[named] - level) < 1e-6 else ""


def _unit(demand: AreaDemand, lang: str) -> str:
    return render("tradeoff.unit.pieces" if demand.pieces else "tradeoff.unit.units", lang)


def waste_words(demand: AreaDemand, figures: Preview, lang: str = "de") -> str:
    """Expected leftovers over the weeks, with their cost where known."""
    units = format_number(round(figures.waste_units), lang, 0)
    if figures.waste_euros is None:
        return render("tradeoff.waste", lang, weeks=WEEKS, units=units, unit=_unit(demand, lang))
    return render("tradeoff.waste_euros", lang, weeks=WEEKS, units=units,
                  unit=_unit(demand, lang), euros=format_number(round(figures.waste_euros),
                                                                 lang, 0))


def sellout_words(figures: Preview, lang: str = "de") -> str:
    """Expected sell-out days of an average product, and "reicht an k von n Tagen"."""
    enough, of = enough_days(figures.enough_share)
    return render("tradeoff.sellouts", lang,
                  days=format_number(figures.sellout_days_per_product, lang, 1),
                  open=figures.open_days, enough=enough, of=of)


def precise_words(demand: AreaDemand, figures: Preview, lang: str = "de") -> str:
    """The precise figures (for a tooltip or `--preview`)."""
    start = demand.days[0] if demand.days else dt.date.today()
    return render("tradeoff.precise", lang, level=level_text(figures.level, lang),
                  units=format_number(figures.waste_units, lang, 1), unit=_unit(demand, lang),
                  days=format_number(figures.sellout_days, lang, 1),
                  product_days=figures.product_days, products=figures.products,
                  open=figures.open_days, start=format_date(start, lang))


def notes(demand: AreaDemand, lang: str = "de") -> list[str]:
    """What the preview leaves out or cannot move: goods that keep, products set on their own."""
    out = []
    if demand.rows == 0:
        out.append(render("tradeoff.nothing", lang))
    if fixed := demand.fixed_products():
        out.append(render("tradeoff.fixed_products", lang, names=", ".join(fixed)))
    if demand.stocked:
        out.append(render("tradeoff.stocked", lang, names=", ".join(demand.stocked)))
    return out
