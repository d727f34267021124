"""DSFinV-K exports for tests, written by the `dsfinvk` package (pretix, Apache-2.0), which writes
the spec's files; only index.xml (which the package expects ready-made) is made here from the
package's own column definitions, and `dsfinvk.validate` checks the result against it.

A test describes receipts (`Bon`, `Line`); `expected_totals` sums the valid lines the plain way
(type Beleg, business case Umsatz, MENGE x FAKTOR, by the day the receipt ended) so tests can
compare the import with an independent count.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import zipfile
from decimal import Decimal
from pathlib import Path
from xml.sax.saxutils import escape
from zoneinfo import ZoneInfo

from dsfinvk import models
from dsfinvk.collection import Collection
from dsfinvk.fields import NumericField, StringField
from dsfinvk.validate import validate_zip

BERLIN = ZoneInfo("Europe/Berlin")


@dataclasses.dataclass
class Line:
    """One receipt line (Bonpos)."""

    text: str
    quantity: Decimal | int
    factor: Decimal | int | None = None
    business: str = "Umsatz"
    cancelled: bool = False  # P_STORNO
    number: str = ""  # ART_NR
    price: Decimal = Decimal("1.20")


@dataclasses.dataclass
class Bon:
    """One receipt (Bonkopf) with its lines."""

    register: str
    closing: int
    bon_id: str
    ended: dt.datetime  # local wall-clock time
    lines: list[Line]
    kind: str = "Beleg"
    cancels: bool = False  # BON_STORNO


def _aware(value: dt.datetime) -> dt.datetime:
    return value.replace(tzinfo=BERLIN)


def _column(field: object) -> str:
    name = escape(field.name)  # type: ignore[attr-defined]
    if isinstance(field, NumericField):
        accuracy = f"<Accuracy>{field.places}</Accuracy>" if field.places else ""
        return f"<VariableColumn><Name>{name}</Name><Numeric>{accuracy}</Numeric></VariableColumn>"
    length = getattr(field, "max_length", None) if isinstance(field, StringField) else None
    limit = f"<MaxLength>{length}</MaxLength>" if length else ""
    return f"<VariableColumn><Name>{name}</Name><AlphaNumeric/>{limit}</VariableColumn>"


def index_xml(tables: list[type], *, first_row: int = 2) -> str:
    """A GDPdU index.xml describing the given dsfinvk model classes the way the spec does."""
    parts = []
    for model in tables:
        columns = "".join(_column(f) for f in model._fields)
        parts.append(
            f"<Table><URL>{model._filename}</URL><Name>{model.__name__}</Name><UTF8/>"
            "<DecimalSymbol>,</DecimalSymbol><DigitGroupingSymbol>.</DigitGroupingSymbol>"
            f"<Range><From>{first_row}</From></Range><VariableLength>"
            "<ColumnDelimiter>;</ColumnDelimiter><RecordDelimiter>&#13;&#10;</RecordDelimiter>"
            f'<TextEncapsulator>"</TextEncapsulator>{columns}</VariableLength></Table>'
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<!DOCTYPE DataSet SYSTEM "gdpdu-01-08-2002.dtd">\n'
        "<DataSet><Version>1.0</Version><DataSupplier><Name>Testkasse</Name>"
        "<Location>Kiel</Location><Comment>DSFinV-K</Comment></DataSupplier>"
        f"<Media><Name>DSFinV-K</Name>{''.join(parts)}</Media></DataSet>\n"
    )


def _collection(bons: list[Bon], locations: dict[str, str] | None) -> Collection:
    collection = Collection()
    closings: dict[tuple[str, int], list[Bon]] = {}
    for bon in bons:
        closings.setdefault((bon.register, bon.closing), []).append(bon)
    made = {key: _aware(max(b.ended for b in group) + dt.timedelta(minutes=30))
            for key, group in closings.items()}
    for bon in bons:
        z = {"Z_KASSE_ID": bon.register, "Z_ERSTELLUNG": made[(bon.register, bon.closing)],
             "Z_NR": bon.closing}
        total = sum((Decimal(line.quantity) * line.price for line in bon.lines), Decimal(0))
        collection.add(models.Bonkopf(
            **z, BON_ID=bon.bon_id, BON_NR=int(bon.bon_id.rsplit("-", 1)[-1]), BON_TYP=bon.kind,
            BON_NAME="", TERMINAL_ID=bon.register, BON_STORNO=bon.cancels,
            BON_START=_aware(bon.ended - dt.timedelta(minutes=1)), BON_ENDE=_aware(bon.ended),
            BEDIENER_ID="1", BEDIENER_NAME="Anna", UMS_BRUTTO=total))
        for number, line in enumerate(bon.lines, start=1):
            extra = {} if line.factor is None else {"FAKTOR": Decimal(line.factor)}
            collection.add(models.Bonpos(
                **z, BON_ID=bon.bon_id, POS_ZEILE=str(number), ARTIKELTEXT=line.text,
                GV_TYP=line.business, GV_NAME="", INHAUS=False, P_STORNO=line.cancelled,
                ART_NR=line.number, MENGE=Decimal(line.quantity), EINHEIT="Stück",
                STK_BR=line.price, **extra))
    for (register, closing), group in sorted(closings.items()):
        z = {"Z_KASSE_ID": register, "Z_ERSTELLUNG": made[(register, closing)], "Z_NR": closing}
        collection.add(models.Stamm_Abschluss(
            **z, Z_BUCHUNGSTAG=min(b.ended for b in group).date().isoformat(),
            Z_START_ID=group[0].bon_id, Z_ENDE_ID=group[-1].bon_id, NAME="Bäckerei Korn",
            STRASSE="Holstenstraße 1", PLZ="24103", ORT="Kiel", LAND="DEU", STNR="1234567890",
            USTID="DE123456789", Z_SE_ZAHLUNGEN=Decimal(0), Z_SE_BARZAHLUNGEN=Decimal(0)))
        collection.add(models.Stamm_Kassen(
            **z, KASSE_BRAND="Test", KASSE_MODELL="T1", KASSE_SERIENNR=register,
            KASSE_SW_BRAND="Test", KASSE_SW_VERSION="1", KASSE_BASISWAEH_CODE="EUR",
            KEINE_UST_ZUORDNUNG=False))
        place = (locations or {}).get(register, "Bäckerei Korn")
        collection.add(models.Stamm_Orte(
            **z, LOC_NAME=place, LOC_STRASSE="Holstenstraße 1", LOC_PLZ="24103", LOC_ORT="Kiel",
            LOC_LAND="DEU", LOC_USTID="DE123456789"))
    return collection


def write_export(path: Path, bons: list[Bon], *, locations: dict[str, str] | None = None,
                 folder: bool = False) -> Path:
    """Write the receipts as a spec-conforming DSFinV-K zip (or, `folder`, its unpacked folder)
    and check it with the package's validator."""
    collection = _collection(bons, locations)
    work = path.parent / f".{path.name}.parts"
    work.mkdir(parents=True, exist_ok=True)
    tables = [next(type(r) for r in records[:1]) for records in collection.records.values()]
    (work / "index.xml").write_text(index_xml(tables), encoding="utf-8")
    (work / "gdpdu-01-08-2002.dtd").write_text("<!-- GDPdU DTD (placeholder) -->\n",
                                              encoding="utf-8")
    archive = path if not folder else work / "export.zip"
    collection.write(str(archive), str(work / "index.xml"), str(work / "gdpdu-01-08-2002.dtd"))
    problems = validate_zip(str(archive))
    assert problems == [], problems
    if folder:
        with zipfile.ZipFile(archive) as zf:
            zf.extractall(path)
    return path


def valid(bon: Bon, line: Line) -> bool:
    """Whether a line is a sale by the issue's rule: receipt type Beleg, business case Umsatz."""
    return bon.kind == "Beleg" and line.business == "Umsatz"


def expected_totals(bons: list[Bon]) -> dict[tuple[str, dt.date], Decimal]:
    """(article, day) -> sum of MENGE x FAKTOR over the valid lines."""
    totals: dict[tuple[str, dt.date], Decimal] = {}
    for bon in bons:
        for line in bon.lines:
            if valid(bon, line):
                key = (line.text, bon.ended.date())
                amount = Decimal(line.quantity) * Decimal(line.factor or 1)
                totals[key] = totals.get(key, Decimal(0)) + amount
    return totals


def bakery_week() -> list[Bon]:
    """Two registers, three daily closings each, with everything an owner's till books: position
    and receipt cancellations, a return, training and aborted receipts, a staff meal, deposit and
    discount lines, packs (FAKTOR), and a closing made after midnight."""
    d1, d2, d3 = dt.date(2024, 3, 1), dt.date(2024, 3, 2), dt.date(2024, 3, 4)

    def at(day: dt.date, clock: str) -> dt.datetime:
        hour, minute = map(int, clock.split(":"))
        return dt.datetime.combine(day, dt.time(hour, minute))

    return [
        # register K1, closing 1 (Friday)
        Bon("K1", 1, "K1-1", at(d1, "06:58"), [Line("Brötchen", 10), Line("Brezel", 2)]),
        Bon("K1", 1, "K1-2", at(d1, "07:31"), [
            Line("Brötchen", 4), Line("Brötchen", -1, cancelled=True), Line("Roggenbrot", 1)]),
        Bon("K1", 1, "K1-3", at(d1, "08:05"), [Line("Brötchen", 50)], kind="AVTraining"),
        Bon("K1", 1, "K1-4", at(d1, "08:10"), [Line("Brezel", 7)], kind="AVBelegabbruch"),
        Bon("K1", 1, "K1-5", at(d1, "12:40"), [
            Line("Kaffee to go", 1), Line("Pfandbecher", 1, business="Pfand"),
            Line("Rabatt Stammkunde", 1, business="Rabatt", price=Decimal("-0.30"))]),
        Bon("K1", 1, "K1-6", at(d1, "17:55"), [Line("Mitarbeiteressen", 1)], kind="AVSachbezug"),
        # register K2, closing 1 (Friday)
        Bon("K2", 1, "K2-1", at(d1, "07:02"), [Line("Brötchen", 2, factor=6, number="106")]),
        Bon("K2", 1, "K2-2", at(d1, "07:45"), [Line("Brezel", 3), Line("Roggenbrot", 2)]),
        # register K1, closing 2 (Saturday): a receipt and its cancellation, a return
        Bon("K1", 2, "K1-7", at(d2, "08:15"), [Line("Roggenbrot", 1), Line("Brezel", 1)]),
        Bon("K1", 2, "K1-8", at(d2, "08:17"), [Line("Roggenbrot", -1), Line("Brezel", -1)],
            cancels=True),
        Bon("K1", 2, "K1-9", at(d2, "09:30"), [Line("Brötchen", 8)]),
        Bon("K1", 2, "K1-10", at(d2, "11:00"), [Line("Roggenbrot", -1)]),  # a return
        # register K2, closing 2 (Saturday)
        Bon("K2", 2, "K2-3", at(d2, "10:05"), [Line("Brötchen", Decimal("2.5"))]),
        Bon("K2", 2, "K2-4", at(d2, "10:06"), [Line("Brötchen", 5)], kind="AVTraining"),
        # closing 3 of both registers (Monday), K2's closing is made after midnight
        Bon("K1", 3, "K1-11", at(d3, "07:10"), [Line("Brötchen", 12), Line("Brezel", 4)]),
        Bon("K2", 3, "K2-5", at(d3, "23:50"), [Line("Brezel", 1)]),
    ]
