"""The shop's settings: its own facts, closing days, products, service levels per category and
calendar options. The settings dialog and `bestellkompass settings` call these, so a value is
checked by the same rule wherever it is typed.

A view that may be stale (the dialog, open while the command line changed something) passes what
it showed as `expected`: only the fields it changed are written, fields changed meanwhile by
another program are kept, and a field changed on both sides to different values is refused
(ChangedElsewhereError) so that nothing is overwritten.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping, Sequence
from typing import TypeVar

from calendars.options import CalendarOptions
from calendars.public_holidays import holiday_display_names
from forecasting import seasons
from forecasting.errors import ChangedElsewhereError, UserError
from forecasting.operations.changes import Changes
from forecasting.policy.economics import MAX_LEVEL, MIN_LEVEL, SERVICE_SETTINGS, clip_level
from forecasting.policy.lines import display_decimals
from forecasting.store import calendar_options, products, service_levels, suppliers
from forecasting.store import settings as stored
from forecasting.store.file import Shop
from forecasting.values.products import Product
from forecasting.values.settings import ShopSettings
from forecasting.values.suppliers import LIST_COLUMNS, Supplier

T = TypeVar("T")

# (lowest, highest, whole number) of what the owner may type; the dialog's fields use the same
LATITUDE = (47.0, 55.5)
LONGITUDE = (5.5, 15.5)
PRODUCT_RANGES: dict[str, tuple[float, float, bool]] = {
    "price": (0, 10_000, False),
    "unit_cost": (0, 10_000, False),
    "salvage_value": (0, 10_000, False),
    "pack_size": (0.1, 10_000, False),  # pieces: whole packs of at least 1 (see check_product)
    "min_order": (0, 100_000, False),
    "shelf_life_days": (1, 365, True),
    "lead_time_days": (0, 365, True),
}
LANGUAGES = ("de", "en")
NOT_FOR_THE_FORECAST = frozenset({"name", "language"})  # changing these retrains nothing
#: The product fields the forecast learns from; the others (prices, packs, service level, supplier,
#: delivery days, season) only move the suggestions, so changing them does not retrain.
FORECAST_PRODUCT_FIELDS = frozenset({"name", "category", "active", "introduced", "discontinued"})


@dataclasses.dataclass(frozen=True)
class FieldProblem:
    """A value outside what the field allows (for the front end to word with its own names)."""

    field: str
    value: object
    low: float
    high: float
    whole: bool


class BadValueError(UserError):
    """A settings value outside its range; `problem` says which field."""

    def __init__(self, problem: FieldProblem) -> None:
        super().__init__("settings.out_of_range", field=problem.field, value=problem.value,
                         low=f"{problem.low:g}", high=f"{problem.high:g}")
        self.problem = problem


def _merge(current: T, changes: Mapping[str, object], expected: T | None) -> T:
    """`current` with `changes`; with `expected` (what a stale view showed) a field changed
    meanwhile to another value than this one is refused."""
    if expected is not None:
        clashes = [name for name, value in changes.items()
                   if getattr(current, name) != getattr(expected, name)
                   and getattr(current, name) != value]
        if clashes:
            error = ChangedElsewhereError("settings.changed_elsewhere", fields=", ".join(clashes))
            error.fields = clashes
            raise error
    return dataclasses.replace(current, **changes)  # type: ignore[type-var]


def changed_fields(before: T, after: T) -> dict[str, object]:
    """The fields of a dataclass that differ between two values of it."""
    return {f.name: getattr(after, f.name) for f in dataclasses.fields(before)  # type: ignore[arg-type]
            if getattr(after, f.name) != getattr(before, f.name)}


def _in_range(field: str, value: object, low: float, high: float, whole: bool) -> None:
    number = value if isinstance(value, int | float) and not isinstance(value, bool) else None
    if number is None or not low <= number <= high or (whole and not float(number).is_integer()):
        raise BadValueError(FieldProblem(field, value, low, high, whole))


def check_shop(settings: ShopSettings) -> None:
    """The shop's facts as they may be stored."""
    if not settings.name.strip():
        raise UserError("settings.empty_name")
    code = settings.postal_code
    if code and (len(code) != 5 or not code.isdigit()):
        raise UserError("settings.bad_postal_code_value", value=code)
    if settings.latitude is not None:
        _in_range("latitude", settings.latitude, *LATITUDE, False)
    if settings.longitude is not None:
        _in_range("longitude", settings.longitude, *LONGITUDE, False)
    if settings.language not in LANGUAGES:
        raise UserError("settings.bad_language", value=settings.language)


def holiday_keys(state: str, words: str) -> tuple[str, ...]:
    """The public holidays named in `words` (comma-separated, German or English names; "" or "-"
    for none) as the settings keep them (German names); UserError naming an unknown one."""
    if words.strip() in ("", "-"):
        return ()
    known: dict[str, str] = {}
    for lang in ("en", "de"):
        for german, shown in holiday_display_names(state, lang).items():
            known[shown.casefold()] = german
    keys = []
    for word in (w.strip() for w in words.split(",")):
        if word.casefold() not in known:
            raise UserError("settings.unknown_holiday", name=word, state=state, known=", ".join(
                sorted(set(holiday_display_names(state)))))
        keys.append(known[word.casefold()])
    return tuple(dict.fromkeys(keys))


def check_product(product: Product) -> None:
    """A product's economics and logistics as they may be stored."""
    if product.season not in (seasons.AUTO, seasons.ALL_YEAR) and \
            seasons.from_setting(product.season) is None:
        raise UserError("settings.bad_season", value=product.season)
    if not product.unit.strip():
        raise UserError("suppliers.empty_unit", name=product.name)
    if not product.delivery_weekdays or any(not 0 <= d <= 6 for d in product.delivery_weekdays):
        raise UserError("settings.bad_weekdays", value=product.delivery_weekdays)
    for field, (low, high, whole) in PRODUCT_RANGES.items():
        if field == "pack_size" and display_decimals(
                dataclasses.replace(product, pack_size=1.0)) == 0:
            low, whole = 1, True  # pieces come in whole packs
        _in_range(field, getattr(product, field), low, high, whole)


def change_shop(shop: Shop, changes: Mapping[str, object],
                expected: ShopSettings | None = None) -> Changes:
    """Change the shop's own facts (only the fields given)."""
    with shop.transaction():
        current = stored.load_settings(shop)
        new = _merge(current, changes, expected)  # ShopSettings checks the state
        if new == current:
            return Changes()
        check_shop(new)
        stored.save_settings(shop, new)
        forecast = bool(set(changed_fields(current, new)) - NOT_FOR_THE_FORECAST)
        if forecast:
            shop.mark_data_changed()
    return Changes(data=forecast, settings=True)


def change_product(shop: Shop, name: str, changes: Mapping[str, object],
                   expected: Product | None = None) -> Changes:
    """Change one product (only the fields given)."""
    changes = dict(changes)
    if "delivery_weekdays" in changes:
        changes.setdefault("own_delivery_weekdays", True)
    if "lead_time_days" in changes:
        changes.setdefault("own_lead_time", True)
    with shop.transaction():
        current = products.product_by_name(shop, name)  # ShopFileError if unknown
        new = _merge(current, changes, expected)
        if new == current:
            return Changes()
        check_product(new)
        products.save_product(shop, new)
        fields = set(changed_fields(current, new))
        if fields <= {"article_number"}:
            return Changes(settings=True)  # the supplier's number: the suggestions still hold
        if not fields & FORECAST_PRODUCT_FIELDS:
            shop.mark_plan_changed()
            return Changes(stock=True)
        shop.mark_data_changed()
    return Changes(data=True)


UNITS = ("Stück", "kg", "l")  # what the owner chooses from; a till's own unit is kept as it is
SUPPLIER_PLAN_FIELDS = frozenset({"delivery_weekdays", "lead_time_days", "no_delivery_days"})


def check_supplier(supplier: Supplier) -> None:
    """A supplier's facts as they may be stored."""
    columns = supplier.columns
    if columns and (any(c not in LIST_COLUMNS for c in columns) or len(set(columns)) != len(columns)):
        raise UserError("settings.bad_supplier_columns", value=",".join(columns),
                        choices=",".join(LIST_COLUMNS))
    if any(not isinstance(d, int) or not 0 <= d <= 6 for d in supplier.delivery_weekdays):
        raise UserError("settings.bad_weekdays", value=supplier.delivery_weekdays)
    if supplier.lead_time_days is not None:
        _in_range("lead_time_days", supplier.lead_time_days,
                  *PRODUCT_RANGES["lead_time_days"])
    _in_range("min_order_value", supplier.min_order_value, 0, 1_000_000, False)
    if supplier.cutoff and parse_cutoff(supplier.cutoff) is None:
        raise UserError("suppliers.bad_cutoff", value=supplier.cutoff)


def parse_cutoff(text: str) -> str | None:
    """"10", "10:30", "9.30" -> "10:00", "10:30", "09:30"; "" -> ""; None if it is no time."""
    text = text.strip().replace(".", ":")
    if not text:
        return ""
    hours, _, minutes = text.partition(":")
    if not hours.isdigit() or (minutes and not minutes.isdigit()):
        return None
    h, m = int(hours), int(minutes or 0)
    return f"{h:02d}:{m:02d}" if 0 <= h <= 23 and 0 <= m <= 59 else None


def change_supplier(shop: Shop, name: str, changes: Mapping[str, object],
                    expected: Supplier | None = None) -> Changes:
    """Change a supplier's facts (only the fields given); the name must be one the products give
    as their supplier. Delivery days, lead time and dates without delivery change the plan."""
    with shop.transaction():
        named = {p.supplier for p in products.load_products(shop) if p.supplier}
        if name not in named:
            raise UserError("settings.unknown_supplier", name=name,
                            known=", ".join(sorted(named)) or "-")
        current = suppliers.load_suppliers(shop).get(name, Supplier(name))
        new = _merge(current, changes, expected)
        new = dataclasses.replace(new, customer_number=new.customer_number.strip(),
                                  delivery_weekdays=tuple(sorted(set(new.delivery_weekdays))),
                                  no_delivery_days=tuple(sorted(set(new.no_delivery_days))))
        if new == current:
            return Changes()
        check_supplier(new)
        suppliers.save_supplier(shop, new)
        plan = bool(set(changed_fields(current, new)) & SUPPLIER_PLAN_FIELDS)
        if plan:
            shop.mark_plan_changed()  # delivery days move the suggestions, not the forecast
    return Changes(stock=plan, settings=True)


def set_category_service(shop: Shop, category: str, setting: str | None) -> Changes:
    """A category's plain service setting (SERVICE_SETTINGS), or None for "from the economics"."""
    with shop.transaction():
        known = {p.category for p in products.load_products(shop) if p.category}
        if category not in known:
            raise UserError("settings.unknown_category", name=category,
                            known=", ".join(sorted(known)) or "-")
        if setting is not None and setting not in SERVICE_SETTINGS:
            raise UserError("settings.bad_category_setting", value=setting,
                            choices=", ".join(("auto", *SERVICE_SETTINGS)))
        levels = service_levels.load_category_levels(shop)
        level = None if setting is None else clip_level(SERVICE_SETTINGS[setting])
        if levels.get(category) == level:
            return Changes()
        if level is None:
            levels.pop(category, None)
        else:
            levels[category] = level
        service_levels.save_category_levels(shop, levels, category=category, setting=setting)
        shop.mark_plan_changed()
    return Changes(stock=True)


#: What a view passes as `expected` when it does not know what was stored (no check).
UNCHECKED = object()


def set_area_service(shop: Shop, area: str, level: float | None,
                     expected: float | object | None = UNCHECKED) -> Changes:
    """An area's (supplier / production area) service level, or None for "from price and cost".

    expected: the area's level as the view showed it; when another program changed it meanwhile
    to something else, the change is refused (ChangedElsewhereError), as for the other settings.
    """
    with shop.transaction():
        known = {p.supplier for p in products.load_products(shop) if p.supplier}
        if area not in known:
            raise UserError("settings.unknown_area", name=area,
                            known=", ".join(sorted(known)) or "-")
        if level is not None and not MIN_LEVEL <= level <= MAX_LEVEL:
            raise UserError("settings.bad_area_level", value=f"{100 * level:g}",
                            low=f"{100 * MIN_LEVEL:g}", high=f"{100 * MAX_LEVEL:g}")
        levels = service_levels.load_area_levels(shop)
        current = levels.get(area)
        new = None if level is None else round(float(level), 4)
        if expected is not UNCHECKED and current != expected and current != new:
            error = ChangedElsewhereError("settings.changed_elsewhere", fields="service_level")
            error.fields = ["service_level"]
            raise error
        if current == new:
            return Changes()
        if new is None:
            levels.pop(area, None)
        else:
            levels[area] = new
        service_levels.save_area_levels(shop, levels, area=area, level=new)
        shop.mark_plan_changed()
    return Changes(stock=True)


def change_calendar(shop: Shop, changes: Mapping[str, object],
                    expected: CalendarOptions | None = None) -> Changes:
    """Change calendar options (paydays, Ramadan, regional customs, typical weather)."""
    with shop.transaction():
        current = calendar_options.stored_calendar_options(shop)
        new = _merge(current, changes, expected)
        if new == current:
            return Changes()
        calendar_options.save_calendar_options(shop, new)
        shop.mark_data_changed()
    return Changes(data=True)


def set_closing_day(shop: Shop, day: dt.date, reason: str = "") -> Changes:
    """Mark `day` as a planned closing day (or change its reason)."""
    with shop.transaction():
        if stored.load_closing_days(shop).get(day) == reason.strip():
            return Changes()
        stored.set_closing_day(shop, day, reason.strip())
        shop.mark_data_changed()
    return Changes(data=True)


def remove_closing_day(shop: Shop, day: dt.date) -> Changes:
    """Reopen a planned closing day (UserError if `day` is none)."""
    with shop.transaction():
        if day not in stored.load_closing_days(shop):
            raise UserError("settings.not_closing_day", date=day)
        stored.remove_closing_day(shop, day)
        shop.mark_data_changed()
    return Changes(data=True)


@dataclasses.dataclass(frozen=True)
class SettingsEdit:
    """Everything the settings dialog changes at once: each part as it was shown and as edited."""

    shop_before: ShopSettings
    shop_after: ShopSettings
    closing_before: Mapping[dt.date, str]
    closing_after: Mapping[dt.date, str]
    calendar_before: CalendarOptions
    calendar_after: CalendarOptions
    products_before: Sequence[Product]
    products_after: Sequence[Product]
    # the trade-off page: area -> level as shown / as chosen (None: from price and cost)
    areas_before: Mapping[str, float | None] = dataclasses.field(default_factory=dict)
    areas_after: Mapping[str, float | None] = dataclasses.field(default_factory=dict)
    suppliers_before: Sequence[Supplier] = ()
    suppliers_after: Sequence[Supplier] = ()


def save_settings(shop: Shop, edit: SettingsEdit) -> Changes:
    """The settings dialog's save: every part in one transaction, or nothing."""
    changes = Changes()
    with shop.transaction():
        shop_changes = changed_fields(edit.shop_before, edit.shop_after)
        if shop_changes:
            changes |= change_shop(shop, shop_changes, expected=edit.shop_before)
        for day in set(edit.closing_before) - set(edit.closing_after):
            changes |= remove_closing_day(shop, day)
        for day, reason in edit.closing_after.items():
            if edit.closing_before.get(day) != reason:
                changes |= set_closing_day(shop, day, reason)
        calendar_changes = changed_fields(edit.calendar_before, edit.calendar_after)
        if calendar_changes:
            changes |= change_calendar(shop, calendar_changes, expected=edit.calendar_before)
        before = {p.name: p for p in edit.products_before}
        for product in edit.products_after:
            product_changes = changed_fields(before[product.name], product)
            if product_changes:
                changes |= change_product(shop, product.name, product_changes,
                                          expected=before[product.name])
        for area, level in edit.areas_after.items():
            changes |= set_area_service(shop, area, level,
                                        expected=edit.areas_before.get(area))
        shown = {s.name: s for s in edit.suppliers_before}
        for supplier in edit.suppliers_after:
            was = shown.get(supplier.name, Supplier(supplier.name))
            supplier_changes = changed_fields(was, supplier)
            if supplier_changes:
                changes |= change_supplier(shop, supplier.name, supplier_changes, expected=was)
    return changes


def choose_language(shop: Shop, language: str) -> Changes:
    """The language of the shop's window and printouts."""
    return change_shop(shop, {"language": language})
