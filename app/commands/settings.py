"""`bestellkompass settings`: show and change what the Settings dialog edits, headless.

A thin layer over forecasting.shop_settings, forecasting.products, forecasting.calendar_settings and
forecasting.policy.service_settings, saving exactly as `app/settings_dialog.py` does. Every option
is checked before anything is written: bad input is a UserError in the user's language (exit code
2) and leaves the shop file unchanged. Only the options given change.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import sys
from typing import Any

from app.cli_text import N_, _, language
from app.commands.args import add_action, date_arg, shop_and_lang
from app.commands.settings_area import add_area_action, run_area
from app.commands.settings_show import settings_json, settings_table
from calendars.options import BENEFITS, SALARY_RULES
from calendars.postal_codes import place_for_postal_code
from forecasting.errors import UserError
from forecasting.operations import settings as settings_ops
from forecasting.operations.reading import (
    load_settings,
    load_suppliers,
    product_by_name,
    stored_calendar_options,
)
from forecasting.operations.shop import default_shop_path, open_shop
from forecasting.policy.economics import MAX_LEVEL, MIN_LEVEL, SERVICE_SETTINGS
from forecasting.policy.lines import display_decimals
from forecasting.seasons import parse_setting
from forecasting.texts import format_date, render
from forecasting.values.suppliers import LIST_COLUMNS


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The actions (show, shop, closing-day, product, category, calendar) and their options."""
    shop_and_lang(parser)
    actions = parser.add_subparsers(dest="action", metavar=_("<action>"))
    show = add_action(actions, "show", _("print all settings (default action)"))
    shop_and_lang(show)
    show.add_argument("--format", choices=["table", "json"], default="table",
                        help=_("form of the output (default: table)"))

    shop = add_action(actions, "shop", _("change the shop's own facts"))
    shop_and_lang(shop)
    shop.add_argument("--name", help=_("the shop's name"))
    shop.add_argument("--postal-code", help=_("5 digits; sets the state too unless --state is given"))
    shop.add_argument("--state", help=_("Bundesland code, e.g. NW"))
    shop.add_argument("--opening-days", help=_("e.g. Mo,Di,Mi,Do,Fr,Sa or Mo-Sa (or Mon-Sat)"))
    shop.add_argument("--open-on-holidays", action=argparse.BooleanOptionalAction, default=None,
                      help=_("open on public holidays"))
    shop.add_argument("--holiday-exceptions", metavar=_("HOLIDAYS"),
                      help=_("the public holidays on which the shop does the opposite of "
                             "--open-on-holidays, comma-separated, e.g. "
                             "\"Ostermontag,Christi Himmelfahrt\" (- for none)"))
    shop.add_argument("--latitude", help=_("e.g. 50.94 (empty: unknown)"))
    shop.add_argument("--longitude", help=_("e.g. 6.96 (empty: unknown)"))
    shop.add_argument("--language", help=_("de or en"))

    closing = add_action(actions, "closing-day", _("add or remove a planned closing day"))
    shop_and_lang(closing)
    closing_actions = closing.add_subparsers(dest="closing_action", metavar="add|remove",
                                             required=True)
    add = add_action(closing_actions, "add", _("mark a day as closed"))
    shop_and_lang(add)
    add.add_argument("date", help=_("2026-12-24 or 24.12.2026"))
    add.add_argument("--reason", default="", help=_("e.g. Betriebsferien"))
    remove = add_action(closing_actions, "remove", _("reopen a planned closing day"))
    shop_and_lang(remove)
    remove.add_argument("date", help=_("2026-12-24 or 24.12.2026"))

    product = add_action(actions, "product", _("change one product"))
    shop_and_lang(product)
    product.add_argument("name", help=_("the product's name as in the shop file"))
    for option, text in (("--price", N_("euro per unit")), ("--unit-cost", N_("euro per unit")),
                         ("--salvage", N_("what an unsold unit still brings, euro")),
                         ("--pack-size", N_("units per pack")), ("--min-order", N_("units")),
                         ("--shelf-life", N_("days")),
                         ("--lead-time", N_("days; or supplier to take the supplier's again")),
                         ("--supplier", N_("supplier or area")),
                         ("--article-number", N_("the supplier's number for the product"))):
        product.add_argument(option, help=_(text))
    product.add_argument("--unit", help=_("Stück, kg or l (kg and l keep decimals)"))
    product.add_argument("--deliver-on",
                         help=_("e.g. Di,Fr; or supplier to take the supplier's days again"))
    product.add_argument("--service-level", help=_(
        "service level: auto (from price and cost), {words}, or a percentage (e.g. 90)").format(
            words=", ".join(setting_words(language())[1:])))
    product.add_argument("--season",
                         help=_("when the product is on offer: auto (from its sales), year (all "
                                "year) or from and to as DD.MM-DD.MM, e.g. 01.10-31.01"))
    active = product.add_mutually_exclusive_group()
    active.add_argument("--active", dest="active", action="store_const", const=True, default=None,
                        help=_("on sale again: take the product into the orders"))
    active.add_argument("--inactive", dest="active", action="store_const", const=False,
                        help=_("no longer sold: leave the product out of the orders"))

    supplier = add_action(actions, "supplier",
                          _("a supplier's customer number, list columns and delivery days"))
    shop_and_lang(supplier)
    supplier.add_argument("name", help=_("the supplier as the products name it"))
    supplier.add_argument("--customer-number", help=_("the shop's customer number there"))
    supplier.add_argument("--columns",
                          help=_("CSV column order, e.g. article_number,quantity,unit,product"))
    supplier.add_argument("--deliver-on",
                          help=_("weekdays it delivers, e.g. Di,Fr (none: not set)"))
    supplier.add_argument("--lead-time", help=_("days from order to delivery (none: not set)"))
    supplier.add_argument("--cutoff", help=_("latest order time, e.g. 10:30 (none: no cut-off)"))
    supplier.add_argument("--no-delivery",
                          help=_("dates it does not deliver, e.g. 24.12.2026,31.12.2026 (none: "
                                 "clear)"))
    supplier.add_argument("--min-order-value", help=_("smallest order it takes, euro"))

    category = add_action(actions, "category", _("service level of a product category"))
    shop_and_lang(category)
    category.add_argument("name", help=_("the category's name as in the shop file"))
    category.add_argument("--service-level", required=True,
                          help=_("auto (from price and cost) or {words}").format(
                              words=", ".join(setting_words(language())[1:])))

    add_area_action(actions)

    calendar = add_action(actions, "calendar", _("calendar options of the shop"))
    shop_and_lang(calendar)
    calendar.add_argument("--salary-days", help=_("comma list of last, 1, 15; or none"))
    for name, what in (("pensions", N_("pensions on the last banking day as paydays")),
                       ("buergergeld", N_("Bürgergeld on the last banking day as paydays")),
                       ("kindergeld",
                        N_("Kindergeld by the last digit of the Kindergeld number as paydays"))):
        calendar.add_argument(f"--{name}", action=argparse.BooleanOptionalAction, default=None,
                              help=_(what))
    calendar.add_argument("--ramadan", action=argparse.BooleanOptionalAction, default=None,
                          help=_("Ramadan and Eid al-Fitr in the calendar"))
    calendar.add_argument("--carnival-region", help=_("yes, no or auto (by state)"))
    calendar.add_argument("--catholic-region", help=_("yes, no or auto (by state)"))
    calendar.add_argument("--typical-weather", action=argparse.BooleanOptionalAction,
                          default=None, help=_("fill missing weather with typical values"))


def run(args: argparse.Namespace) -> int:
    """Open the shop file, do the action, say what happened."""

    lang = getattr(args, "lang", None) or "de"
    path = getattr(args, "shop", None) or default_shop_path()
    action = getattr(args, "action", None) or "show"
    with open_shop(path, read_only=action == "show") as shop:
        if action == "show":

            if getattr(args, "format", "table") == "json":
                import json

                text = json.dumps(settings_json(shop), ensure_ascii=False, indent=2) + "\n"
            else:
                text = settings_table(shop, lang)
            sys.stdout.write(text)
            return 0
        if action == "area":
            sys.stdout.write(run_area(shop, args, lang))
            return 0
        handler = {"shop": _shop, "closing-day": _closing_day, "product": _product,
                   "supplier": _supplier, "category": _category, "calendar": _calendar}[action]
        messages = handler(shop, args, lang)

    for code, params in messages:
        print(render(code, lang, **params))
    return 0


Messages = list[tuple[str, dict[str, Any]]]


# -- parsing: every helper raises a UserError naming the option and the bad value ---------------
def _error(code: str, **params: Any) -> Exception:

    return UserError(code, **params)


def parse_number(value: str, option: str, low: float, high: float, *, whole: bool = False
                 ) -> float:
    """A number given as 0.45 or 0,45 within [low, high]; whole=True wants an integer."""
    try:
        number = float(value.strip().replace(",", "."))
    except ValueError:
        number = float("nan")
    if not low <= number <= high or (whole and not number.is_integer()):
        raise _error("settings.bad_whole_number" if whole else "settings.bad_number",
                     option=option, value=value, low=low, high=high)
    return number


def parse_date(value: str) -> dt.date:
    """2026-12-24 or 24.12.2026."""

    try:
        return date_arg(value)
    except argparse.ArgumentTypeError:
        raise _error("cli.bad_date", value=value) from None


def _weekday_names() -> dict[str, int]:

    names: dict[str, int] = {}
    for number in range(7):
        de = render(f"policy.weekday.{number}", "de").lower()
        en = render(f"policy.weekday.{number}", "en").lower()
        for name in (de, de[:2], en, en[:3], en[:2]):
            names[name] = number
    return names


def parse_weekdays(value: str) -> tuple[int, ...]:
    """"Mo,Di,Sa", "Mo-Sa", "Mon-Fri,Sun", "Montag,Samstag" -> weekday numbers (Monday = 0)."""
    names = _weekday_names()
    days: set[int] = set()
    for part in value.split(","):
        first, _, last = part.strip().lower().partition("-")
        if first not in names or (last and last not in names):
            raise _error("settings.bad_weekdays", value=value)
        start, end = names[first], names[last or first]
        days.update(range(start, end + 1) if start <= end else [*range(start, 7),
                                                                 *range(end + 1)])
    return tuple(sorted(days))


def service_choices() -> tuple[str, ...]:
    """The plain settings the owner can choose, "auto" (from price and cost) first."""

    return ("auto", *SERVICE_SETTINGS)


def setting_words(lang: str) -> list[str]:
    """The plain settings in the user's words ("auto" first); the English codes work as well."""
    return ["auto", *(render(f"policy.setting.{s}", lang) for s in SERVICE_SETTINGS)]


def _setting_name(value: str) -> str | None:
    """"balanced", "ausgewogen", "rarely sold out" -> the setting; "auto" -> "auto"; else None."""

    wanted = " ".join(value.strip().lower().replace("_", " ").replace("-", " ").split())
    for setting in service_choices():
        words = {setting.replace("_", " ")}
        words.update(render(f"policy.setting.{setting}", lang).lower() for lang in ("de", "en"))
        if wanted in words:
            return setting
    return None


def parse_service_level(value: str) -> float | None:
    """A product's level: a plain setting (auto = None), or a percentage such as 90 or 90 %."""

    setting = _setting_name(value)
    if setting is not None:
        return None if setting == "auto" else SERVICE_SETTINGS[setting]
    try:
        percent = float(value.strip().rstrip("%").strip().replace(",", "."))
    except ValueError:
        percent = float("nan")
    if not 100 * MIN_LEVEL <= percent <= 100 * MAX_LEVEL:
        raise _error("settings.bad_service_level", value=value,
                     choices=", ".join(setting_words(language())),
                     low=f"{100 * MIN_LEVEL:g}", high=f"{100 * MAX_LEVEL:g}")
    return round(percent / 100, 4)


def parse_yes_no_auto(value: str, option: str) -> bool | None:
    """yes/ja/true -> True, no/nein/false -> False, auto -> None (the state's default)."""
    word = value.strip().lower()
    answers = {"yes": True, "ja": True, "true": True, "no": False, "nein": False,
               "false": False, "auto": None}
    if word in answers:
        return answers[word]
    raise _error("settings.bad_choice", option=option, value=value, choices="yes, no, auto")


def parse_salary_days(value: str) -> tuple[str | int, ...]:
    """"last,15" -> ("last", 15); "none" -> ()."""

    if value.strip().lower() in ("none", "keine", ""):
        return ()
    rules: list[str | int] = []
    for part in value.split(","):
        word = part.strip().lower()
        rule: str | int = int(word) if word.isdigit() else word
        if rule not in SALARY_RULES:
            raise _error("settings.bad_salary_days", value=value)
        if rule not in rules:
            rules.append(rule)
    return tuple(rules)


# -- actions: each checks every option first, then writes in one transaction -------------------
def _shop(shop: Any, args: argparse.Namespace, lang: str) -> Messages:

    changes: dict[str, Any] = {}
    messages: Messages = []
    if args.name is not None:
        if not args.name.strip():
            raise _error("settings.empty_name")
        changes["name"] = args.name.strip()
    if args.postal_code is not None:
        code = args.postal_code.strip()
        if code and (len(code) != 5 or not code.isdigit()):
            raise _error("settings.bad_postal_code", value=args.postal_code)
        changes["postal_code"] = code
        place = place_for_postal_code(code)
        # as in the dialog: the postal code pre-selects the state and the coordinates (for the
        # weather); an explicit --state, --latitude or --longitude wins
        if place is not None and args.state is None:
            changes["state"] = place.state
            messages.append(("settings.state_from_postal_code",
                             {"state": place.state, "postal_code": code}))
        if place is not None and args.latitude is None and args.longitude is None:
            changes["latitude"], changes["longitude"] = place.latitude, place.longitude
    if args.state is not None:
        changes["state"] = args.state.strip()
    if args.opening_days is not None:
        changes["opening_days"] = parse_weekdays(args.opening_days)
    if args.open_on_holidays is not None:
        changes["open_on_public_holidays"] = args.open_on_holidays
    if args.holiday_exceptions is not None:
        state = str(changes.get("state", load_settings(shop).state)).upper()
        changes["holiday_exceptions"] = settings_ops.holiday_keys(state, args.holiday_exceptions)
    for field, option, (low, high) in (("latitude", "--latitude", settings_ops.LATITUDE),
                                       ("longitude", "--longitude", settings_ops.LONGITUDE)):
        value = getattr(args, field)
        if value is not None:
            changes[field] = parse_number(value, option, low, high) if value.strip() else None
    if args.language is not None:
        if args.language.strip().lower() not in ("de", "en"):
            raise _error("settings.bad_language", value=args.language)
        changes["language"] = args.language.strip().lower()
    done = settings_ops.change_shop(shop, changes)  # checks the state and every value
    return [*messages, ("settings.saved", {}) if done.any else ("settings.unchanged", {})]


def _closing_day(shop: Any, args: argparse.Namespace, lang: str) -> Messages:

    day = parse_date(args.date)
    shown = {"date": format_date(day, lang)}
    if args.closing_action == "add":
        done = settings_ops.set_closing_day(shop, day, args.reason)
        return [("settings.closing_day_set", shown) if done.any else ("settings.unchanged", {})]
    settings_ops.remove_closing_day(shop, day)
    return [("settings.closing_day_removed", shown)]


def _product(shop: Any, args: argparse.Namespace, lang: str) -> Messages:

    old = product_by_name(shop, args.name)  # ShopFileError shop.unknown_product
    # the ranges the operation checks (and the dialog's fields use); pieces: whole packs from 1
    unit = old.unit if args.unit is None else parse_unit(args.unit)
    pieces = display_decimals(dataclasses.replace(old, unit=unit, pack_size=1.0)) == 0
    options = {"price": "--price", "unit_cost": "--unit-cost", "salvage_value": "--salvage",
               "pack_size": "--pack-size", "min_order": "--min-order",
               "shelf_life_days": "--shelf-life", "lead_time_days": "--lead-time"}
    numbers = []
    for field, (low, high, whole) in settings_ops.PRODUCT_RANGES.items():
        if field == "pack_size" and pieces:
            low, whole = 1, True
        numbers.append((field, options[field], low, high, whole))
    changes: dict[str, Any] = {}
    for field, option, low, high, whole in numbers:
        value = getattr(args, option[2:].replace("-", "_"))
        if value is not None and field == "lead_time_days" and value.strip().lower() in (
                "supplier", "lieferant"):
            changes["own_lead_time"] = False  # the supplier's lead time again
        elif value is not None:
            number = parse_number(value, option, low, high, whole=whole)
            changes[field] = int(number) if field.endswith("_days") else number
    if args.supplier is not None:
        changes["supplier"] = args.supplier.strip()
    if args.article_number is not None:
        changes["article_number"] = args.article_number.strip()
    if args.unit is not None:
        changes["unit"] = parse_unit(args.unit)
    if args.deliver_on is not None:
        if _is_none(args.deliver_on, ("supplier", "lieferant")):
            changes["own_delivery_weekdays"] = False
        else:
            changes["delivery_weekdays"] = parse_weekdays(args.deliver_on)
    if args.service_level is not None:
        changes["service_level"] = parse_service_level(args.service_level)
    if args.season is not None:
        try:
            changes["season"] = parse_setting(args.season)
        except ValueError:
            raise _error("settings.bad_season", value=args.season) from None
    if args.active is not None:
        changes["active"] = args.active
    done = settings_ops.change_product(shop, old.name, changes)
    return [("settings.saved", {}) if done.any else ("settings.unchanged", {})]


def parse_unit(value: str) -> str:
    """"kg", "KG", "Stk", "stück", "L", "Liter" -> Stück, kg or l; another word is refused."""
    word = value.strip().lower().rstrip(".")
    aliases = {"stück": "Stück", "stk": "Stück", "stueck": "Stück", "piece": "Stück",
               "pieces": "Stück", "pcs": "Stück", "kg": "kg", "kilo": "kg", "kilogramm": "kg",
               "l": "l", "liter": "l", "litre": "l"}
    if word not in aliases:
        raise _error("settings.bad_choice", option="--unit", value=value,
                     choices=", ".join(settings_ops.UNITS))
    return aliases[word]


def _is_none(value: str, words: tuple[str, ...] = ()) -> bool:
    return value.strip().lower() in ("none", "keine", "kein", "", *words)


def parse_dates(value: str) -> tuple[dt.date, ...]:
    """"24.12.2026,2026-12-31" -> the dates; "none" -> ()."""
    if _is_none(value):
        return ()
    return tuple(sorted({parse_date(part.strip()) for part in value.split(",") if part.strip()}))


def _supplier(shop: Any, args: argparse.Namespace, lang: str) -> Messages:
    changes: dict[str, Any] = {}
    if args.customer_number is not None:
        changes["customer_number"] = args.customer_number.strip()
    if args.columns is not None:
        columns = tuple(c.strip() for c in args.columns.split(",") if c.strip())
        if not columns:
            raise _error("settings.bad_supplier_columns", value=args.columns,
                         choices=",".join(LIST_COLUMNS))
        changes["columns"] = columns
    if args.deliver_on is not None:
        changes["delivery_weekdays"] = (() if _is_none(args.deliver_on)
                                        else parse_weekdays(args.deliver_on))
    if args.lead_time is not None:
        low, high, _whole = settings_ops.PRODUCT_RANGES["lead_time_days"]
        changes["lead_time_days"] = (None if _is_none(args.lead_time) else int(
            parse_number(args.lead_time, "--lead-time", low, high, whole=True)))
    if args.cutoff is not None:
        cutoff = "" if _is_none(args.cutoff) else settings_ops.parse_cutoff(args.cutoff)
        if cutoff is None:
            raise _error("suppliers.bad_cutoff", value=args.cutoff)
        changes["cutoff"] = cutoff
    if args.no_delivery is not None:
        changes["no_delivery_days"] = parse_dates(args.no_delivery)
    if args.min_order_value is not None:
        changes["min_order_value"] = parse_number(args.min_order_value, "--min-order-value",
                                                  0, 1_000_000)
    done = settings_ops.change_supplier(shop, args.name, changes)
    if not done.any:
        return [("settings.unchanged", {})]
    saved = load_suppliers(shop)[args.name]
    return [("settings.supplier_changed", {"name": saved.name,
                                           "number": saved.customer_number or "-",
                                           "columns": ",".join(saved.list_columns)})]


def _category(shop: Any, args: argparse.Namespace, lang: str) -> Messages:
    setting = _setting_name(args.service_level)
    if setting is None:
        raise _error("settings.bad_category_setting", value=args.service_level,
                     choices=", ".join(setting_words(lang)))
    done = settings_ops.set_category_service(shop, args.name,
                                             None if setting == "auto" else setting)
    return [("settings.saved", {}) if done.any else ("settings.unchanged", {})]


def _calendar(shop: Any, args: argparse.Namespace, lang: str) -> Messages:

    old = stored_calendar_options(shop)
    changes: dict[str, Any] = {}
    if args.salary_days is not None:
        changes["paydays"] = dataclasses.replace(old.paydays,
                                                 salary_days=parse_salary_days(args.salary_days))

    benefits = {name: getattr(args, name) for name in BENEFITS if getattr(args, name) is not None}
    if benefits:
        changes["paydays"] = dataclasses.replace(changes.get("paydays", old.paydays), **benefits)
    if args.ramadan is not None:
        changes["observe_ramadan"] = args.ramadan
    if args.carnival_region is not None:
        changes["carnival_region"] = parse_yes_no_auto(args.carnival_region, "--carnival-region")
    if args.catholic_region is not None:
        changes["catholic_region"] = parse_yes_no_auto(args.catholic_region, "--catholic-region")
    if args.typical_weather is not None:
        changes["fill_typical_weather"] = args.typical_weather
    done = settings_ops.change_calendar(shop, changes)
    return [("settings.saved", {}) if done.any else ("settings.unchanged", {})]
