"""`bestellkompass settings show`: every setting of a shop as a table for people or JSON for scripts."""

from __future__ import annotations

import dataclasses
from typing import Any

from calendars.options import CalendarOptions
from forecasting.operations.reading import (
    load_area_levels,
    load_category_levels,
    load_closing_days,
    load_products,
    load_settings,
    load_suppliers,
    stored_calendar_options,
)
from forecasting.policy.economics import nearest_setting
from forecasting.policy.explain_text import setting_text
from forecasting.policy.lines import display_decimals
from forecasting.safe_text import display_name
from forecasting.texts import format_date, format_number, render
from forecasting.values.products import Product


def settings_json(shop: Any) -> dict[str, Any]:
    """Shop settings, closing days, calendar options, category levels and products; plain values
    (ISO dates, service levels as probabilities, weekdays as numbers with Monday = 0)."""

    products = []
    for product in load_products(shop):
        row = dataclasses.asdict(product)
        row["delivery_weekdays"] = list(product.delivery_weekdays)
        for key in ("introduced", "discontinued"):
            row[key] = row[key].isoformat() if row[key] else None
        row["no_delivery_days"] = [d.isoformat() for d in product.no_delivery_days]
        products.append(row)
    suppliers = []
    for supplier in load_suppliers(shop).values():
        row = dataclasses.asdict(supplier)
        row["columns"] = list(supplier.list_columns)
        row["delivery_weekdays"] = list(supplier.delivery_weekdays)
        row["no_delivery_days"] = [d.isoformat() for d in supplier.no_delivery_days]
        suppliers.append(row)
    settings = dataclasses.asdict(load_settings(shop))
    settings["opening_days"] = list(settings["opening_days"])
    return {
        "shop": settings,
        "closing_days": [{"date": day.isoformat(), "reason": reason}
                         for day, reason in load_closing_days(shop).items()],
        "calendar": stored_calendar_options(shop).to_dict(),
        "category_service_levels": load_category_levels(shop),
        "area_service_levels": load_area_levels(shop),
        "products": products,
        "suppliers": suppliers,
    }


def _weekdays(days: tuple[int, ...], lang: str) -> str:

    width = 2 if lang == "de" else 3
    return ", ".join(render(f"policy.weekday.{d}", lang)[:width] for d in days)


def _level_text(level: float | None, lang: str) -> str:

    if level is None:
        return setting_text(None, lang)
    return f"{setting_text(nearest_setting(level), lang)} ({format_number(100 * level, lang)} %)"


def _pairs(rows: list[tuple[str, str]]) -> list[str]:
    width = max(len(label) for label, _ in rows) + 2
    return [f"{label + ':':<{width}}{value}" for label, value in rows]


def settings_table(shop: Any, lang: str) -> str:
    """All settings for people, German or English, numbers and dates in the language's style."""

    data = settings_json(shop)
    s = data["shop"]

    def t(key: str, **params: Any) -> str:
        return render(f"settings.{key}", lang, **params)

    def yes_no(value: bool) -> str:
        return t("show.yes") if value else t("show.no")

    def regional(value: bool | None, default: bool) -> str:
        return yes_no(value) if value is not None else t("show.auto", value=yes_no(default))

    if s["latitude"] is not None and s["longitude"] is not None:
        location = f"{format_number(s['latitude'], lang, 3)} / {format_number(s['longitude'], lang, 3)}"
    else:
        location = t("show.unknown")
    out = [f"== {t('show.shop')} =="]
    out += _pairs([
        (t("show.name"), s["name"]),
        (t("show.state"), s["state"]),
        (t("show.postal_code"), s["postal_code"] or "-"),
        (t("show.opening_days"), _weekdays(tuple(s["opening_days"]), lang)),
        (t("show.open_on_holidays"), yes_no(s["open_on_public_holidays"])),
        (t("show.holiday_exceptions"), ", ".join(s["holiday_exceptions"]) or "-"),
        (t("show.location"), location),
        (t("show.language"), s["language"]),
    ])
    out += ["", f"== {t('show.closing_days')} =="]
    import datetime as dt

    out += [f"{format_date(dt.date.fromisoformat(c['date']), lang)}  {c['reason']}".rstrip()
            for c in data["closing_days"]] or [f"({t('show.none')})"]
    options = CalendarOptions.from_dict(data["calendar"])
    salary = ", ".join(t("show.salary.last") if rule == "last" else t("show.salary.day", day=rule)
                       for rule in options.paydays.salary_days) or t("show.none")
    out += ["", f"== {t('show.calendar')} =="]
    out += _pairs([
        (t("show.salary_days"), salary),
        (t("show.pensions"), yes_no(options.paydays.pensions)),
        (t("show.buergergeld"), yes_no(options.paydays.buergergeld)),
        (t("show.kindergeld"), yes_no(options.paydays.kindergeld)),
        (t("show.ramadan"), yes_no(options.observe_ramadan)),
        (t("show.carnival"), regional(options.carnival_region,
                                      options.is_carnival_region(s["state"]))),
        (t("show.catholic"), regional(options.catholic_region,
                                      options.is_catholic_region(s["state"]))),
        (t("show.typical_weather"), yes_no(options.fill_typical_weather)),
    ])
    out += ["", f"== {t('show.categories')} =="]
    levels = data["category_service_levels"]
    out += _pairs([(name, _level_text(level, lang)) for name, level in sorted(levels.items())]
                  ) if levels else [f"({t('show.none')})"]
    out += ["", f"== {t('show.areas')} =="]
    areas = data["area_service_levels"]
    out += _pairs([(name, _level_text(level, lang)) for name, level in sorted(areas.items())]
                  ) if areas else [f"({t('show.none')})"]
    out += ["", f"== {t('show.products')} =="]
    out += _product_table(data["products"], lang)
    out += ["", f"== {render('suppliers.show.title', lang)} =="]
    out += _supplier_lines(data["suppliers"], lang) or [f"({t('show.none')})"]
    return "\n".join(out) + "\n"


def _supplier_lines(suppliers: list[dict[str, Any]], lang: str) -> list[str]:
    """"Käsehandel Nord: Kundennummer 40-1187; liefert Di, Fr; Vorlauf 2 Tage; ..." per supplier."""
    import datetime as dt

    out = []
    for s in suppliers:
        parts = []
        if s["customer_number"]:
            parts.append(render("suppliers.show.customer_number", lang,
                                number=display_name(s["customer_number"])))
        if s["delivery_weekdays"]:
            parts.append(render("suppliers.show.delivers", lang,
                                days=_weekdays(tuple(s["delivery_weekdays"]), lang)))
        if s["lead_time_days"] is not None:
            parts.append(render("suppliers.show.lead_time", lang, days=s["lead_time_days"]))
        if s["cutoff"]:
            parts.append(render("suppliers.show.cutoff", lang, time=s["cutoff"]))
        if s["no_delivery_days"]:
            days = ", ".join(format_date(dt.date.fromisoformat(d), lang)
                             for d in s["no_delivery_days"])
            parts.append(render("suppliers.show.no_delivery", lang, days=days))
        if s["min_order_value"]:
            parts.append(render("suppliers.show.minimum", lang,
                                value=format_number(s["min_order_value"], lang, 2)))
        out.append(f"{display_name(s['name'])}: {'; '.join(parts) or '-'}")
    return out


def _product_table(products: list[dict[str, Any]], lang: str) -> list[str]:

    keys = ("product", "category", "unit", "price", "unit_cost", "salvage", "pack_size",
            "min_order", "shelf_life", "lead_time", "supplier", "service", "active")
    rows = [[render(f"settings.col.{key}", lang) for key in keys]]
    for p in products:
        d = display_decimals(Product(name=p["name"], unit=p["unit"], pack_size=p["pack_size"]))
        rows.append([
            display_name(p["name"]), display_name(p["category"]), display_name(p["unit"]),
            format_number(p["price"], lang, 2), format_number(p["unit_cost"], lang, 2),
            format_number(p["salvage_value"], lang, 2), format_number(p["pack_size"], lang, d),
            format_number(p["min_order"], lang, d), str(p["shelf_life_days"]),
            str(p["lead_time_days"]), display_name(p["supplier"]),
            _level_text(p["service_level"], lang),
            render("settings.show." + ("yes" if p["active"] else "no"), lang),
        ])
    widths = [max(len(row[i]) for row in rows) for i in range(len(keys))]
    numeric = set(range(3, 10))
    return ["  ".join((cell.rjust(w) if i in numeric else cell.ljust(w))
                      for i, (cell, w) in enumerate(zip(row, widths, strict=True))).rstrip()
            for row in rows]
