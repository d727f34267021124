"""Guess how a sales file is written (encoding, separator, decimals, header, layout, columns).

The result is a `Mapping` the user can inspect and correct; nothing here reads the whole file
except the encoding check (UTF-8 must decode from start to end, otherwise Windows-1252).
"""

from __future__ import annotations

import csv
import io
import itertools
import re
from collections import Counter
from pathlib import Path

from forecasting.errors import UserError
from forecasting.importing.dates import parse_time, split_date
from forecasting.importing.dsfinvk_files import export_mapping, is_export
from forecasting.importing.mapping import SEPARATORS, Mapping
from forecasting.importing.money import money_name
from forecasting.importing.names import name_key
from forecasting.importing.numbers import detect_decimal, is_empty
from forecasting.importing.reader import Record, detect_encoding, is_workbook, workbook_records

SAMPLE_ROWS = 300
HEADER_SEARCH = 40
_LOOSE_NUMBER = re.compile(
    r"^\s*[+\-−]?\s*(?:€\s*)?\d[\d.,' \u00a0\u202f\u2019]*(?:\s*(?:€|EUR|kg|Stk\.?))?-?\s*$"
)

ROLE_WORDS: dict[str, tuple[str, ...]] = {
    "date": (
        "datum",
        "date",
        "tag",
        "day",
        "buchungsdatum",
        "belegdatum",
        "verkaufsdatum",
        "time of measurement",
        "zeitpunkt",
        "timestamp",
        "zeitstempel",
        "ds",
    ),
    "time": ("uhrzeit", "zeit", "time", "verkaufszeit", "bonzeit"),
    "sold_out": (
        "ausverkauft",
        "ausverkauft um",
        "sold out",
        "soldout",
        "sold out time",
        "ausverkaufszeit",
    ),
    "branch": (
        "filiale",
        "branch",
        "standort",
        "store",
        "markt",
        "location",
        "geschaeft",
        "filialnr",
        "filiale nr",
    ),
    "receipt": (
        "bon",
        "bonnr",
        "bon nr",
        "bon-nr",
        "beleg",
        "belegnr",
        "beleg nr",
        "receipt",
        "receipt no",
        "receipt number",
        "quittung",
        "transaktion",
        "kassenbon",
    ),
    "unit_price": (
        "preis",
        "einzelpreis",
        "ep",
        "vk",
        "vk preis",
        "vk-preis",
        "unit price",
        "price",
        "stueckpreis",
    ),
    "produced": (
        "produziert",
        "gebacken",
        "geliefert",
        "lieferung",
        "produktion",
        "produced",
        "delivered",
        "baked",
        "bestellt",
        "ordered",
        "backmenge",
        "liefermenge",
    ),
    "leftover": (
        "retoure",
        "retouren",
        "rest",
        "reste",
        "uebrig",
        "abschrift",
        "abschriften",
        "leftover",
        "leftovers",
        "waste",
        "written off",
        "verworfen",
        "ruecklauf",
    ),
    "product": (
        "artikel",
        "artikelname",
        "artikelbezeichnung",
        "bezeichnung",
        "produkt",
        "produktname",
        "product",
        "product name",
        "item",
        "article",
        "warengruppe",
        "sorte",
        "name",
        "ware",
    ),
    "quantity": (
        "menge",
        "anzahl",
        "stueck",
        "stk",
        "verkauft",
        "absatz",
        "quantity",
        "qty",
        "sold",
        "count",
        "umsatz",
        "verkaufte menge",
        "units",
        "y",
        "stueckzahl",
        "pedestrians count",
    ),
    "ignore": (
        "id",
        "nr",
        "nummer",
        "wochentag",
        "weekday",
        "kw",
        "monat",
        "month",
        "jahr",
        "year",
        "mwst",
        "steuer",
    ),
}
_NUMERIC_ROLES = ("quantity", "unit_price", "produced", "leftover")


def _texts(record: Record) -> list[str]:
    return ["" if v is None else str(v) for v in record]


def detect_separator(lines: list[str]) -> str:
    """The candidate that splits most sample lines into the same number (> 1) of fields."""
    best, best_score = ",", (0, 0)
    sample = "".join(lines)
    for sep in (";", "\t", "|", ","):
        counts = Counter(
            len(r)
            for r in csv.reader(io.StringIO(sample), delimiter=sep)
            if any(c.strip() for c in r)
        )
        if not counts:
            continue
        width, hits = max(counts.items(), key=lambda kv: (kv[1], kv[0]))
        score = (hits if width > 1 else 0, width)
        if score > best_score:
            best, best_score = sep, score
    return best


def _text_sample(path: Path, encoding: str) -> list[str]:
    with open(path, encoding=encoding, newline="", errors="replace") as fh:
        return list(itertools.islice(fh, SAMPLE_ROWS))


def _kind(value: object) -> str:
    """'empty', 'date', 'time', 'number' or 'text' for one cell."""
    if is_empty(value):
        return "empty"
    if isinstance(value, bool):
        return "text"
    if isinstance(value, int | float):
        return "number"
    day, _ = split_date(value)
    if day is not None:
        return "date"
    if not isinstance(value, str):
        return "time" if parse_time(value) else "text"
    if parse_time(value) is not None:
        return "time"
    if _LOOSE_NUMBER.match(value):
        return "number"
    return "text"


def _width(record: Record) -> int:
    last = 0
    for i, v in enumerate(record):
        if not is_empty(v):
            last = i + 1
    return last


def detect_header(sample: list[Record]) -> int:
    """Spreadsheet row number of the header (0: the file starts with data)."""
    widths = Counter(_width(r) for r in sample if _width(r) > 0)
    if not widths:
        raise UserError("import.empty", file="")
    data_width = max(widths.items(), key=lambda kv: (kv[1], kv[0]))[0]
    for i, record in enumerate(sample[:HEADER_SEARCH]):
        kinds = [_kind(v) for v in record[:data_width]]
        filled = [k for k in kinds if k != "empty"]
        if _width(record) < max(1, data_width - 1) or not filled:
            continue
        if sum(k == "text" for k in filled) * 2 < len(filled) or "date" in filled:
            continue
        following = [r for r in sample[i + 1 : i + 6] if _width(r) > 0]
        if following and any(
            _kind(v) in ("date", "number") for r in following for v in r[:data_width]
        ):
            return i + 1
    first = next(i for i, r in enumerate(sample) if _width(r) > 0)
    return 0 if any(_kind(v) in ("date", "number") for v in sample[first]) else first + 1


def table_width(header: Record | None, data: list[Record]) -> int:
    """Columns of the table: the header's, unless most data rows are wider (unnamed columns)."""
    widths = Counter(_width(r) for r in data if _width(r))
    if header is None or not _width(header):
        return max(widths, default=0)
    common = max(widths.items(), key=lambda kv: (kv[1], kv[0]))[0] if widths else 0
    return max(_width(header), common)


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA (spreadsheet column names)."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def column_names(header: Record | None, width: int) -> list[str]:
    """Header cells as names (empty -> spreadsheet letter, repeats -> "Menge (2)")."""
    names: list[str] = []
    seen: Counter[str] = Counter()
    for i in range(width):
        raw = header[i] if header is not None and i < len(header) else None
        name = " ".join(str(raw).split()) if not is_empty(raw) else column_letter(i)
        seen[name] += 1
        names.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    return names


def _role_of(name: str) -> str | None:
    key = name_key(name).replace("_", " ").strip(" :.#")
    for role, words in ROLE_WORDS.items():
        if key in words:
            return role
    for role, words in ROLE_WORDS.items():
        if any(len(w) > 3 and w in key for w in words):
            return role
    return None


def _profile(rows: list[Record], width: int) -> list[Counter[str]]:
    profiles: list[Counter[str]] = [Counter() for _ in range(width)]
    for r in rows:
        for i in range(min(width, len(r))):
            profiles[i][_kind(r[i])] += 1
    return profiles


def _share(profile: Counter[str], kind: str) -> float:
    filled = sum(n for k, n in profile.items() if k != "empty")
    return profile[kind] / filled if filled else 0.0


def _fits(role: str, profile: Counter[str]) -> bool:
    if not any(n for k, n in profile.items() if k != "empty"):
        return role != "date"  # an empty column may be mapped; it only adds nothing
    if role == "date":
        return _share(profile, "date") >= 0.5
    if role in ("time", "sold_out"):
        return _share(profile, "time") + _share(profile, "date") >= 0.5
    if role in _NUMERIC_ROLES:
        return _share(profile, "number") >= 0.5
    return True


def assign_roles(names: list[str], profiles: list[Counter[str]]) -> dict[str, int]:
    """Role -> column index, from header words checked against the column's content."""
    roles: dict[str, int] = {}
    money: list[int] = []  # "Umsatz", "Betrag": a quantity only if no column counts pieces
    for i, name in enumerate(names):
        role = _role_of(name)
        if role is None or role in roles:
            continue
        if role == "time" and _share(profiles[i], "date") >= 0.5 and "date" not in roles:
            role = "date"
        if role == "quantity" and money_name(name):
            money.append(i)
            continue
        if _fits(role, profiles[i]):
            roles[role] = i
    if "quantity" not in roles:
        fitting = [i for i in money if _fits("quantity", profiles[i])]
        if fitting:
            roles["quantity"] = fitting[0]
    taken = set(roles.values())
    if "date" not in roles:
        for i, p in enumerate(profiles):
            if i not in taken and _share(p, "date") >= 0.8:
                roles["date"] = i
                taken.add(i)
                break
    return roles


def detect_mapping(path: str | Path, *, sheet: str | None = None) -> Mapping:
    """A first guess of the mapping for `path`, for the user to check (see docs/import.md)."""
    path = Path(path)
    if is_export(path):  # a DSFinV-K export: the spec fixes the columns
        return export_mapping()
    try:
        return _detect(path, sheet)
    except csv.Error as exc:
        raise UserError("import.not_a_table", file=path.name, detail=str(exc)) from None
    except OSError as exc:
        raise UserError("import.unreadable", file=path.name, detail=exc.strerror or exc) from None


def _detect(path: Path, sheet: str | None) -> Mapping:
    if not path.is_file():
        raise UserError("import.file_not_found", file=str(path))
    if path.stat().st_size == 0:
        raise UserError("import.empty", file=path.name)
    mapping = Mapping(sheet=sheet)
    if is_workbook(path):
        sample = list(itertools.islice(workbook_records(path, sheet), SAMPLE_ROWS))
    else:
        mapping.encoding = detect_encoding(path)
        lines = _text_sample(path, mapping.encoding)
        mapping.separator = detect_separator(lines)
        sample = [
            list(r) for r in csv.reader(io.StringIO("".join(lines)), delimiter=mapping.separator)
        ]
        if len(lines) == SAMPLE_ROWS and sample:
            sample = sample[:-1]  # the last sampled line may be cut inside a quoted field
    if not any(_width(r) for r in sample):
        raise UserError("import.empty", file=path.name)
    try:
        mapping.header_row = detect_header(sample)
    except UserError:
        raise UserError("import.empty", file=path.name) from None
    header = sample[mapping.header_row - 1] if mapping.header_row else None
    data = [r for r in sample[mapping.header_row :] if _width(r)]
    width = table_width(header, data)
    names = column_names(header, width)
    profiles = _profile(data, width)
    texts = [c for r in data for c in r if isinstance(c, str) and _kind(c) == "number"]
    mapping.decimal, mapping.thousands = detect_decimal(texts, mapping.separator)
    roles = assign_roles(names, profiles)
    _choose_layout(mapping, names, profiles, roles, data)
    return mapping


def _choose_layout(
    mapping: Mapping,
    names: list[str],
    profiles: list[Counter[str]],
    roles: dict[str, int],
    data: list[Record],
) -> None:
    def col(role: str) -> str | None:
        return names[roles[role]] if role in roles else None

    mapping.date_column = col("date")
    for role in (
        "time",
        "product",
        "quantity",
        "unit_price",
        "receipt",
        "branch",
        "produced",
        "leftover",
    ):
        setattr(mapping, f"{role}_column", col(role))
    mapping.sold_out_column = col("sold_out")
    taken = set(roles.values())
    numeric = [
        i
        for i, p in enumerate(profiles)
        if i not in taken and _share(p, "number") >= 0.5 and _role_of(names[i]) != "ignore"
    ]
    if mapping.product_column is None and mapping.quantity_column is None and len(numeric) > 1:
        mapping.layout = "wide"
        mapping.product_columns = [names[i] for i in numeric]
        return
    if mapping.quantity_column is None and numeric:
        mapping.quantity_column = names[numeric[0]]
    if mapping.product_column is None:
        if mapping.quantity_column is None:
            mapping.layout = "wide"
            mapping.product_columns = [names[i] for i in numeric]
            return
        mapping.product_name = mapping.quantity_column
    mapping.layout = "daily"
    has_time = mapping.time_column is not None or (
        "date" in roles
        and any(split_date(r[roles["date"]])[1] for r in data if len(r) > roles["date"])
    )
    if (
        has_time
        or mapping.receipt_column
        or mapping.unit_price_column
        or _repeats(data, roles, names, mapping)
    ):
        mapping.layout = "receipts"


def _repeats(data: list[Record], roles: dict[str, int], names: list[str], mapping: Mapping) -> bool:
    """Whether a product appears twice on one day in the sample (receipt lines)."""
    if "date" not in roles or mapping.product_column is None:
        return False
    p = names.index(mapping.product_column)
    d = roles["date"]
    keys = [(split_date(r[d])[0], r[p]) for r in data if len(r) > max(p, d) and not is_empty(r[p])]
    return len(set(keys)) < len(keys)


__all__ = ["SEPARATORS", "column_letter", "detect_mapping", "detect_separator"]
