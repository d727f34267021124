"""The two demo shops: who they are, when they open, and what they sell (with demand sizes).

Prices, costs and pack sizes are plausible for 2026; `base` is the mean daily demand on an ordinary
day of the product's best regular weekday profile value 1.0 (see `forecasting/demo/world.py`).
"""

from __future__ import annotations

import dataclasses
from typing import Any

from forecasting.values.products import Product


@dataclasses.dataclass(frozen=True)
class DemoShopSpec:
    """Shop facts written to the shop table; hours are "HH:MM-HH:MM" per weekday (Monday = 0)."""

    kind: str
    name: str
    state: str
    city: str
    postal_code: str
    latitude: float
    longitude: float
    hours: dict[int, str]
    short_hours: str  # Christmas Eve and New Year's Eve
    market_weekday: int
    climate: str

    @property
    def opening_days(self) -> tuple[int, ...]:
        """Weekdays the shop opens."""
        return tuple(sorted(self.hours))


@dataclasses.dataclass(frozen=True)
class DemoProduct:
    """A catalogue line: the Product the shop stores plus the demand it meets in the demo world.

    base: mean demand per open day at profile 1.0; dispersion: gamma shape of day-to-day noise
    (smaller = noisier); heat / cold: log-change of demand per degree above / below the pivot;
    segment: which effect table row applies (see world.py).
    """

    product: Product
    base: float
    segment: str
    dispersion: float = 40.0
    heat: float = 0.0
    cold: float = 0.0
    pivot: float = 15.0


BAKERY = DemoShopSpec(
    kind="bakery",
    name="Bäckerei Sonnenkorn",
    state="NW",
    city="Dortmund",
    postal_code="44135",
    latitude=51.5136,
    longitude=7.4653,
    hours={
        0: "06:00-18:30",
        1: "06:00-18:30",
        2: "06:00-18:30",
        3: "06:00-18:30",
        4: "06:00-18:30",
        5: "06:00-14:00",
        6: "07:30-11:00",
    },
    short_hours="06:00-12:00",
    market_weekday=2,
    climate="dortmund",
)

DELI = DemoShopSpec(
    kind="deli",
    name="Feinkost am Markt",
    state="SH",
    city="Kiel",
    postal_code="24103",
    latitude=54.3233,
    longitude=10.1394,
    hours={
        0: "09:00-19:00",
        1: "09:00-19:00",
        2: "09:00-19:00",
        3: "09:00-19:00",
        4: "09:00-19:00",
        5: "09:00-16:00",
    },
    short_hours="09:00-13:00",
    market_weekday=2,
    climate="kiel",
)

SHOPS = {"bakery": BAKERY, "deli": DELI}

_BAKE_DAYS = (0, 1, 2, 3, 4, 5, 6)


def _bake(
    name: str,
    category: str,
    price: float,
    cost: float,
    tray: int,
    base: float,
    *,
    segment: str,
    salvage: float = 0.0,
    shelf: int = 1,
    area: str = "Backstube",
    unit: str = "Stück",
    **demand: float,
) -> DemoProduct:
    product = _product(name, category, unit, price, cost, salvage, tray, shelf,
                       lead=1, supplier=area, days=_BAKE_DAYS)
    return DemoProduct(product=product, base=base, segment=segment, **demand)  # type: ignore[arg-type]


def _product(name: str, category: str, unit: str, price: float, cost: float, salvage: float,
             pack: int, shelf: int, *, lead: int, supplier: str, days: Any) -> Product:
    """A catalogue product whose pack size is also its minimum order."""
    return Product(
        name=name,
        category=category,
        unit=unit,
        price=price,
        unit_cost=cost,
        salvage_value=salvage,
        pack_size=float(pack),
        min_order=float(pack),
        shelf_life_days=shelf,
        lead_time_days=lead,
        supplier=supplier,
        delivery_weekdays=days,
    )


def bakery_catalog() -> list[DemoProduct]:
    """About 30 products of Bäckerei Sonnenkorn; trays (Bleche) are the pack sizes."""
    b, lg, br, ku, sn = "Brötchen", "Laugengebäck", "Brot", "Kuchen", "Snacks"
    return [
        _bake("Weizenbrötchen", b, 0.45, 0.11, 20, 240, segment="rolls", dispersion=40),
        _bake("Mehrkornbrötchen", b, 0.65, 0.17, 20, 95, segment="rolls"),
        _bake("Kürbiskernbrötchen", b, 0.75, 0.21, 20, 55, segment="rolls"),
        _bake("Roggenbrötchen", b, 0.60, 0.15, 20, 45, segment="rolls"),
        _bake("Sesambrötchen", b, 0.60, 0.15, 20, 40, segment="rolls"),
        _bake("Mohnbrötchen", b, 0.60, 0.15, 20, 35, segment="rolls"),
        _bake("Dinkelbrötchen", b, 0.70, 0.20, 20, 50, segment="rolls"),
        _bake("Käsebrötchen", b, 0.95, 0.30, 12, 40, segment="rolls"),
        _bake("Rosinenbrötchen", b, 0.80, 0.22, 12, 22, segment="rolls"),
        _bake("Dinkel-Chia-Brötchen", b, 0.85, 0.24, 12, 30, segment="rolls"),
        _bake("Laugenbrezel", lg, 0.85, 0.20, 12, 110, segment="pretzel", dispersion=30),
        _bake("Laugenstange", lg, 0.90, 0.22, 12, 45, segment="pretzel"),
        _bake("Laugenbrötchen", lg, 0.70, 0.18, 12, 55, segment="pretzel"),
        _bake("Laugencroissant", lg, 1.30, 0.38, 12, 30, segment="pretzel"),
        _bake("Roggenmischbrot 750 g", br, 3.60, 1.05, 6, 38, segment="bread",
              salvage=0.70, shelf=3),
        _bake("Vollkornbrot 500 g", br, 3.90, 1.15, 6, 20, segment="bread",
              salvage=0.80, shelf=4),
        _bake("Dinkelvollkornbrot 750 g", br, 4.40, 1.40, 6, 16, segment="bread",
              salvage=0.95, shelf=3),
        _bake("Kastenweißbrot", br, 2.90, 0.80, 6, 18, segment="bread", salvage=0.55, shelf=2),
        _bake("Baguette", br, 1.90, 0.45, 12, 32, segment="bread"),
        _bake("Sonnenblumenbrot 750 g", br, 3.90, 1.20, 6, 14, segment="bread",
              salvage=0.80, shelf=3),
        _bake("Bauernbrot 1000 g", br, 4.50, 1.35, 6, 20, segment="bread",
              salvage=0.90, shelf=4),
        _bake("Streuselkuchen", ku, 2.20, 0.65, 20, 26, segment="cake", area="Konditorei"),
        _bake("Bienenstich", ku, 2.60, 0.80, 20, 18, segment="cake", area="Konditorei"),
        _bake("Obstkuchen vom Blech", ku, 2.80, 0.90, 20, 22, segment="fruitcake",
              area="Konditorei"),
        _bake("Käsekuchen", ku, 2.80, 0.85, 16, 20, segment="cake", area="Konditorei"),
        _bake("Berliner", ku, 1.40, 0.35, 20, 22, segment="berliner", area="Konditorei"),
        _bake("Apfeltasche", ku, 1.80, 0.50, 20, 28, segment="cake", area="Konditorei"),
        _bake("Croissant", ku, 1.30, 0.35, 20, 40, segment="cake", area="Konditorei"),
        _bake("Belegtes Brötchen Käse", sn, 2.90, 1.10, 6, 34, segment="snack",
              area="Snacktheke"),
        _bake("Belegtes Brötchen Schinken", sn, 3.10, 1.25, 6, 30, segment="snack",
              area="Snacktheke"),
        _bake("Frikadellenbrötchen", sn, 3.40, 1.40, 6, 18, segment="snack",
              area="Snacktheke"),
        _bake("Käse-Lauch-Tasche", sn, 2.50, 0.85, 6, 16, segment="snack", area="Snacktheke"),
    ]


def _deli(
    name: str,
    category: str,
    unit: str,
    price: float,
    cost: float,
    pack: int,
    base: float,
    *,
    shelf: int,
    supplier: str,
    segment: str,
    salvage: float = 0.0,
    **demand: float,
) -> DemoProduct:
    lead, days = DELI_SUPPLIERS[supplier]
    product = _product(name, category, unit, price, cost, salvage, pack, shelf,
                       lead=lead, supplier=supplier, days=days)
    return DemoProduct(product=product, base=base, segment=segment, **demand)  # type: ignore[arg-type]


# supplier -> (lead time in days, delivery weekdays)
DELI_SUPPLIERS: dict[str, tuple[int, tuple[int, ...]]] = {
    "Käsehandel Nord": (2, (1, 4)),
    "Mediterraneo Import Hamburg": (1, (0, 3)),
    "Salatküche (eigene Herstellung)": (1, (0, 1, 2, 3, 4, 5)),
    "Getränke Petersen": (1, (1, 4)),
    "Saftbar (eigene Presse)": (1, (0, 1, 2, 3, 4, 5)),
    "Suppenküche Förde": (2, (1, 4)),
    "Eismanufaktur Kiel": (2, (2, 5)),
    "Fischräucherei Möltenort": (1, (1, 3, 5)),
    "Bäckerei Brotzeit": (1, (0, 1, 2, 3, 4, 5)),
}


def deli_catalog() -> list[DemoProduct]:
    """About 40 products of Feinkost am Markt, with suppliers, lead times and delivery days."""
    ks, an, sa, dr = "Käse", "Antipasti", "Salate", "Kaltgetränke"
    so, ei, fi, fk = "Suppen", "Eis", "Fisch", "Feinkost"
    cheese, anti, salad = "Käsehandel Nord", "Mediterraneo Import Hamburg", "Salatküche (eigene Herstellung)"
    drinks, juice = "Getränke Petersen", "Saftbar (eigene Presse)"
    soup, ice, fish = "Suppenküche Förde", "Eismanufaktur Kiel", "Fischräucherei Möltenort"
    hot = {"heat": 0.06, "pivot": 14.0}
    warm = {"heat": 0.02, "pivot": 15.0}
    cold = {"cold": 0.04, "pivot": 12.0}
    icy = {"heat": 0.09, "pivot": 12.0}
    return [
        _deli("Holsteiner Tilsiter 200 g", ks, "Stück", 4.20, 2.30, 6, 13, shelf=10,
              supplier=cheese, segment="cheese"),
        _deli("Bergkäse 200 g", ks, "Stück", 5.50, 3.10, 6, 10, shelf=10, supplier=cheese,
              segment="cheese"),
        _deli("Gouda alt 200 g", ks, "Stück", 4.60, 2.50, 6, 11, shelf=10, supplier=cheese,
              segment="cheese"),
        _deli("Ziegenfrischkäse 150 g", ks, "Stück", 3.90, 2.10, 6, 8, shelf=8,
              supplier=cheese, segment="cheese"),
        _deli("Brie de Meaux 200 g", ks, "Stück", 5.20, 2.90, 4, 8, shelf=7, supplier=cheese,
              segment="cheese"),
        _deli("Parmigiano Reggiano 200 g", ks, "Stück", 6.90, 4.10, 6, 8, shelf=10,
              supplier=cheese, segment="cheese"),
        _deli("Büffelmozzarella 125 g", ks, "Stück", 2.90, 1.50, 8, 16, shelf=6,
              supplier=cheese, segment="cheese", **warm),
        _deli("Feta 200 g", ks, "Stück", 3.20, 1.60, 8, 11, shelf=10, supplier=cheese,
              segment="cheese", **warm),
        _deli("Oliven grün mit Kräutern", an, "Becher", 3.50, 1.60, 6, 15, shelf=7,
              supplier=anti, segment="antipasti", **warm),
        _deli("Oliven Kalamata", an, "Becher", 3.90, 1.80, 6, 11, shelf=7, supplier=anti,
              segment="antipasti", **warm),
        _deli("Getrocknete Tomaten in Öl", an, "Becher", 4.20, 2.00, 6, 8, shelf=7,
              supplier=anti, segment="antipasti"),
        _deli("Peperoni mit Frischkäse", an, "Becher", 4.50, 2.20, 6, 10, shelf=5,
              supplier=anti, segment="antipasti", **warm),
        _deli("Gegrillte Paprika", an, "Becher", 3.80, 1.70, 6, 8, shelf=5, supplier=anti,
              segment="antipasti", **warm),
        _deli("Artischockenherzen", an, "Becher", 4.90, 2.40, 6, 6, shelf=6, supplier=anti,
              segment="antipasti"),
        _deli("Aioli", an, "Becher", 2.90, 1.10, 6, 9, shelf=6, supplier=anti,
              segment="antipasti", **warm),
        _deli("Hummus", an, "Becher", 2.90, 1.10, 6, 14, shelf=6, supplier=anti,
              segment="antipasti"),
        _deli("Pesto Genovese", fk, "Glas", 4.50, 2.10, 6, 8, shelf=10, supplier=anti,
              segment="antipasti"),
        _deli("Kartoffelsalat 250 g", sa, "Becher", 3.20, 1.10, 4, 20, shelf=3,
              supplier=salad, segment="salad", **warm),
        _deli("Nudelsalat 250 g", sa, "Becher", 3.20, 1.10, 4, 15, shelf=3, supplier=salad,
              segment="salad", **warm),
        _deli("Krautsalat 250 g", sa, "Becher", 2.60, 0.80, 4, 9, shelf=4, supplier=salad,
              segment="salad", **warm),
        _deli("Couscous-Salat 250 g", sa, "Becher", 3.60, 1.30, 4, 9, shelf=3,
              supplier=salad, segment="salad", **warm),
        _deli("Heringssalat 250 g", sa, "Becher", 3.40, 1.30, 4, 9, shelf=3, supplier=salad,
              segment="herring"),
        _deli("Caprese 200 g", sa, "Schale", 4.20, 1.80, 4, 8, shelf=2, supplier=salad,
              segment="salad", **hot),
        _deli("Taramas 150 g", sa, "Becher", 3.20, 1.20, 4, 6, shelf=4, supplier=salad,
              segment="salad"),
        _deli("Orangensaft frisch gepresst 0,5 l", dr, "Flasche", 3.90, 1.60, 6, 13, shelf=3,
              supplier=juice, segment="drinks", **hot),
        _deli("Smoothie Mango 0,25 l", dr, "Flasche", 2.90, 1.20, 6, 11, shelf=5,
              supplier=juice, segment="drinks", **hot),
        _deli("Eistee hausgemacht 0,5 l", dr, "Flasche", 2.80, 0.90, 6, 9, shelf=4,
              supplier=juice, segment="drinks", **hot),
        _deli("Bio-Zitronenlimonade 0,33 l", dr, "Flasche", 2.20, 0.95, 12, 16, shelf=10,
              supplier=drinks, segment="drinks", **hot),
        _deli("Cold Brew Kaffee 0,25 l", dr, "Flasche", 3.20, 1.30, 6, 9, shelf=10,
              supplier=drinks, segment="drinks", **hot),
        _deli("Ayran 0,25 l", dr, "Flasche", 1.50, 0.60, 12, 10, shelf=10, supplier=drinks,
              segment="drinks", **hot),
        _deli("Kürbissuppe 0,5 l", so, "Becher", 4.50, 1.80, 6, 8, shelf=5, supplier=soup,
              segment="pumpkin", **cold),
        _deli("Linsensuppe 0,5 l", so, "Becher", 4.20, 1.60, 6, 8, shelf=5, supplier=soup,
              segment="soup", **cold),
        _deli("Tomatensuppe 0,5 l", so, "Becher", 3.90, 1.40, 6, 9, shelf=5, supplier=soup,
              segment="soup", **cold),
        _deli("Erbsensuppe mit Würstchen 0,5 l", so, "Becher", 4.90, 1.90, 6, 7, shelf=5,
              supplier=soup, segment="soup", **cold),
        _deli("Gulaschsuppe 0,5 l", so, "Becher", 5.20, 2.10, 6, 7, shelf=5, supplier=soup,
              segment="soup", **cold),
        _deli("Vanilleeis 500 ml", ei, "Becher", 5.90, 2.40, 4, 5, shelf=10, supplier=ice,
              segment="icecream", **icy),
        _deli("Zitronensorbet 500 ml", ei, "Becher", 5.90, 2.30, 4, 4, shelf=10, supplier=ice,
              segment="icecream", **icy),
        _deli("Räucherlachs 100 g", fi, "Packung", 4.90, 2.60, 6, 11, shelf=8, supplier=fish,
              segment="fish"),
        _deli("Kieler Sprotten 200 g", fi, "Packung", 3.90, 1.90, 6, 10, shelf=5,
              supplier=fish, segment="fish"),
        _deli("Stremellachs 150 g", fi, "Packung", 4.60, 2.40, 6, 7, shelf=6, supplier=fish,
              segment="fish"),
        _deli("Ciabatta", fk, "Stück", 2.50, 0.90, 10, 13, shelf=2,
              supplier="Bäckerei Brotzeit", segment="bread"),
    ]


# The product introduced two months before the end and the one discontinued, per shop.
NEW_PRODUCT = {"bakery": "Dinkel-Chia-Brötchen", "deli": "Cold Brew Kaffee 0,25 l"}
DISCONTINUED_PRODUCT = {"bakery": "Rosinenbrötchen", "deli": "Taramas 150 g"}


def catalog(kind: str) -> list[DemoProduct]:
    """The catalogue of the demo shop `kind` ("bakery" or "deli")."""
    return bakery_catalog() if kind == "bakery" else deli_catalog()
