"""The trade-off preview in a baker's words (de/en), shared by the settings window and the
command line: "Reste in 4 Wochen: etwa 310 Stück (rund 95 € Kosten)", "Ausverkauft: je Produkt
an etwa 3 von 24 Öffnungstagen – reicht an 7 von 8 Tagen"; for goods that keep "Abgeschrieben in
4 Wochen: etwa 40 Stück", "Im Regal: im Schnitt 2,1 Tage Vorrat"; the precise figures for a
tooltip."""

from __future__ import annotations

import datetime as dt

from forecasting.policy.economics import SERVICE_SETTINGS, nearest_setting
from forecasting.policy.explain_text import enough_days, setting_text
from forecasting.policy.tradeoff_preview import WEEKS, AreaDemand, Preview
from forecasting.policy.tradeoff_stock import WARMUP_DAYS
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


def only_kept(demand: AreaDemand) -> bool:
    """Whether every product of the area keeps (its leftovers are write-offs of expired goods)."""
    return demand.rows == 0 and bool(demand.kept)


def waste_words(demand: AreaDemand, figures: Preview, lang: str = "de") -> str:
    """Expected leftovers (goods that keep: write-offs) over the weeks, with their cost."""
    units = format_number(round(figures.waste_units), lang, 0)
    code = "tradeoff.written_off" if only_kept(demand) else "tradeoff.waste"
    if figures.waste_euros is None:
        return render(code, lang, weeks=WEEKS, units=units, unit=_unit(demand, lang))
    return render(f"{code}_euros", lang, weeks=WEEKS, units=units,
                  unit=_unit(demand, lang), euros=format_number(round(figures.waste_euros),
                                                                 lang, 0))


def sellout_words(figures: Preview, lang: str = "de") -> str:
    """Expected sell-out days of an average product, and "reicht an k von n Tagen"."""
    enough, of = enough_days(figures.enough_share)
    return render("tradeoff.sellouts", lang,
                  days=format_number(figures.sellout_days_per_product, lang, 1),
                  open=figures.open_days, enough=enough, of=of)


def stock_words(demand: AreaDemand, figures: Preview, lang: str = "de") -> str:
    """Goods that keep: "Im Regal: im Schnitt 2,1 Tage Vorrat (etwa 60 Stück)" ("" without)."""
    if figures.stock_days is None or figures.stock_units is None:
        return ""
    return render("tradeoff.stock", lang, days=format_number(figures.stock_days, lang, 1),
                  units=format_number(round(figures.stock_units), lang, 0),
                  unit=_unit(demand, lang))


def kept_summary(demand: AreaDemand, figures: Preview, lang: str = "de") -> str:
    """One sentence: "etwa 40 Stück abgeschrieben, an etwa 3 Tagen ausverkauft, im Schnitt 2,1
    Tage Vorrat" (sell-out days per product; "" without goods that keep)."""
    if figures.stock_days is None:
        return ""
    return render("tradeoff.kept_summary", lang,
                  units=format_number(round(figures.waste_units), lang, 0),
                  unit=_unit(demand, lang),
                  sellouts=format_number(figures.sellout_days_per_product, lang, 1),
                  days=format_number(figures.stock_days, lang, 1))


def precise_words(demand: AreaDemand, figures: Preview, lang: str = "de") -> str:
    """The precise figures (for a tooltip or `--preview`)."""
    start = demand.days[0] if demand.days else dt.date.today()
    text = render("tradeoff.precise", lang, level=level_text(figures.level, lang),
                  units=format_number(figures.waste_units, lang, 1), unit=_unit(demand, lang),
                  days=format_number(figures.sellout_days, lang, 1),
                  product_days=figures.product_days, products=figures.products,
                  open=figures.open_days, start=format_date(start, lang))
    if figures.stock_days is None or figures.stock_units is None:
        return text
    kept = render("tradeoff.kept_precise", lang,
                  orders=sum(len(k.cycles) for k in demand.kept), warmup=WARMUP_DAYS,
                  units=format_number(figures.stock_units, lang, 1), unit=_unit(demand, lang),
                  days=format_number(figures.stock_days, lang, 2))
    return f"{text}\n{kept}"


def notes(demand: AreaDemand, lang: str = "de") -> list[str]:
    """What the preview leaves out or cannot move: goods that keep, products set on their own."""
    out = []
    if not demand.previewed:
        out.append(render("tradeoff.nothing", lang))
    if fixed := demand.fixed_products():
        out.append(render("tradeoff.fixed_products", lang, names=", ".join(fixed)))
    if demand.stocked:
        out.append(render("tradeoff.stocked", lang, names=", ".join(demand.stocked)))
    if demand.kept:
        out.append(render("tradeoff.kept_played", lang))
    return out
