"""A product: the economics and logistics the order policy needs."""

from __future__ import annotations

import dataclasses
import datetime as dt

#: Units that are money: a product imported from a till's turnover is planned in euros, and lists
#: name the unit next to the product so no one reads the numbers as pieces.
MONEY_UNITS = ("EUR", "€")


@dataclasses.dataclass
class Product:
    """One product. salvage_value is what an unsold unit still brings (day-old sale; donation = 0).

    delivery_weekdays: weekdays (Monday = 0) on which the supplier delivers / the bakery bakes;
    with lead_time_days the supplier's (as read from the shop file) unless own_delivery_weekdays /
    own_lead_time say the product sets its own. no_delivery_days: the supplier's dates without
    delivery (read from the supplier, not stored with the product).
    service_level: the owner's override of the target probability of not selling out, or None to
    take it from the economics (critical ratio).
    """

    name: str
    category: str = ""
    unit: str = "Stück"
    price: float = 0.0
    unit_cost: float = 0.0
    salvage_value: float = 0.0
    pack_size: float = 1.0
    min_order: float = 0.0
    shelf_life_days: int = 1
    lead_time_days: int = 1
    supplier: str = ""
    delivery_weekdays: tuple[int, ...] = (0, 1, 2, 3, 4, 5, 6)
    service_level: float | None = None
    active: bool = True
    introduced: dt.date | None = None
    discontinued: dt.date | None = None
    id: int | None = None
    article_number: str = ""  # the supplier's number for it, on the supplier's order list
    # the owner's selling season (forecasting.seasons): "" detect from the sales, "year" sold all
    # year, "MM-DD:MM-DD" sold from, to (outside it the product is "nicht im Angebot")
    season: str = ""
    own_delivery_weekdays: bool = False
    own_lead_time: bool = False
    no_delivery_days: tuple[dt.date, ...] = ()

    def sold_on(self, day: dt.date) -> bool:
        """Whether the product is on sale on `day` (introduced, not discontinued, active)."""
        if self.introduced and day < self.introduced:
            return False
        if self.discontinued and day >= self.discontinued:
            return False
        return self.active
