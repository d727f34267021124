"""Read the data rows of a file in one of the three layouts into daily totals, row by row.

Every record of the file ends in exactly one bucket of the `Tally`: header (the header row and
anything above it), blank, imported, rejected (with row, column and reason), other branch, no
values (wide rows with only empty cells) or footer. Rows with an implausible date, quantity or
product name (calendars/plausible.py) are rejected, and counted once more in `implausible`.
Quantities are summed as exact Decimals per (branch, product key, day); the per-product file
totals are summed separately, so the engine can check the two against each other and against what
the shop file holds afterwards.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import decimal
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any

from calendars.plausible import MAX_DAILY_QUANTITY, DateWindow, name_problem
from forecasting.errors import UserError
from forecasting.importing.dates import OrderEvidence, Pending, parse_time, split_date
from forecasting.importing.mapping import Mapping
from forecasting.importing.names import clean_name, display_score, name_key
from forecasting.importing.numbers import NumberParser, is_empty
from forecasting.importing.reader import Record
from forecasting.importing.sniff import column_letter
from forecasting.safe_text import display_name
from forecasting.texts import render

MAX_LISTED = 10_000
CHECK_EVERY = 1 << 15
ZERO = Decimal(0)
LIMIT = Decimal(MAX_DAILY_QUANTITY)
#: Rejected cell texts are kept this long in the report (a name may be 10,000 characters).
SHOWN_VALUE_LENGTH = 120
_MISSING = object()
# The day of a date cell outside the window (cached like a date, rejected where it is used).
_OUTSIDE = object()

DayKey = tuple[str, str, "dt.date | Pending"]  # (branch, product key, day)


@dataclasses.dataclass
class Rejection:
    """One rejected row: spreadsheet row number, column name, reason code, the cell's text."""

    row: int
    column: str
    reason: str
    value: str = ""


@dataclasses.dataclass
class Tally:
    """Where every record of the file went."""

    rows_read: int = 0
    header: int = 0
    blank: int = 0
    imported: int = 0
    rejected: int = 0
    other_branch: int = 0
    no_values: int = 0
    footer: int = 0
    rejections: list[Rejection] = dataclasses.field(default_factory=list)
    footer_rows: list[Rejection] = dataclasses.field(default_factory=list)
    # of the rejected rows: those with an implausible date, quantity or name, and the first one
    implausible: int = 0
    first_implausible: Rejection | None = None
    # rows that are no sales and are left out by design, by why (a till's training receipts)
    left_out: dict[str, int] = dataclasses.field(default_factory=dict)

    def accounted(self) -> int:
        """The sum of all buckets; equals rows_read when no row went missing."""
        return (
            self.header
            + self.blank
            + self.imported
            + self.rejected
            + self.other_branch
            + self.no_values
            + self.footer
            + sum(self.left_out.values())
        )


@dataclasses.dataclass
class FileData:
    """What was read: daily totals, per-product file totals, the tally, detection evidence."""

    path: str
    mapping: Mapping
    columns: list[str]
    tally: Tally
    # (branch, product key, day) -> [quantity, produced, leftover, sold_out, last_sale, rows]
    days: dict[tuple[str, str, object], list[Any]]
    file_totals: dict[tuple[str, str], Decimal]
    spellings: dict[str, str]
    branches: dict[str, str]
    evidence: OrderEvidence
    ordered: bool = True  # False when the date_order has not been resolved yet
    window: DateWindow = dataclasses.field(default_factory=DateWindow.default)


class ImportCancelledError(UserError):
    """The user cancelled; nothing was written."""

    def __init__(self) -> None:
        super().__init__("import.cancelled")


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return str(value)


class Collector:
    """Reads records into a FileData; one instance per import."""

    def __init__(
        self,
        path: str,
        mapping: Mapping,
        columns: list[str],
        cancelled: Callable[[], bool],
        tick: Callable[[], None],
        window: DateWindow | None = None,
    ) -> None:
        self.mapping = mapping
        self.window = window or DateWindow.default()
        self.columns = columns
        self.cancelled = cancelled
        self.tick = tick
        self.number = NumberParser(mapping.decimal, mapping.thousands)
        self.tally = Tally()
        self.data = FileData(
            path=path,
            mapping=mapping,
            columns=columns,
            tally=self.tally,
            days={},
            file_totals={},
            spellings={},
            branches={},
            evidence=OrderEvidence(),
            window=self.window,
        )
        self._dates: dict[object, tuple[object, str | None]] = {}
        self._times: dict[object, object] = {}
        self._heads: dict[str, tuple[object, str | None]] = {}
        self._products: dict[object, str] = {}
        self._bad_names: dict[str, str] = {}  # cell text -> why the name is refused
        self._trailing: list[Rejection] = []
        self._branch_key = name_key(mapping.branch) if mapping.branch else None

    # -- helpers -------------------------------------------------------------------------------
    def index(self, name: str | None) -> int | None:
        """Column index of a mapped column name (None if not mapped)."""
        if name is None:
            return None
        if name not in self.columns:
            raise UserError(
                "import.unknown_column",
                file=self.data.path,
                column=name,
                columns=", ".join(self.columns),
            )
        return self.columns.index(name)

    def reject(
        self, row: int, col: int | None, reason: str, value: object, footer: bool
    ) -> Rejection:
        """Count a rejected row; rows that look like a footer may later move to `footer`."""
        if col is None:
            name = ""
        elif col < len(self.columns):
            name = self.columns[col]
        else:  # a field beyond the header: name it as a spreadsheet would (I, J, ...)
            name = column_letter(col)
        rejection = Rejection(row, name, reason, display_name(_text(value), SHOWN_VALUE_LENGTH))
        self.tally.rejected += 1
        if len(self.tally.rejections) < MAX_LISTED:
            self.tally.rejections.append(rejection)
        if footer:
            self._trailing.append(rejection)
        else:
            self._trailing.clear()
        return rejection

    def reject_implausible(self, row: int, col: int | None, reason: str, value: object) -> None:
        """Reject a row whose date, quantity or name is implausible (reason "sanity.<why>")."""
        rejection = self.reject(row, col, f"sanity.{reason}", value, False)
        self.tally.implausible += 1
        if self.tally.first_implausible is None:
            self.tally.first_implausible = rejection

    def reject_date(self, row: int, col: int, value: object, key_cell: object = "") -> None:
        """Reject a row without a date. A word without digits ("Summe"), or no date and no
        product (`key_cell`: "Summe;;;;41,05"), may be a footer if nothing follows it."""
        if is_empty(value):
            self.reject(row, col, "empty_date", value, is_empty(key_cell))
        else:
            footer = not any(ch.isdigit() for ch in _text(value))
            self.reject(row, col, "not_a_date", value, footer)

    def accepted(self) -> None:
        """Count an imported row (and forget footer candidates before it)."""
        self.tally.imported += 1
        if self._trailing:
            self._trailing.clear()

    def date_of(self, value: object, row: int) -> tuple[object, str | None]:
        """(date or Pending or None, time) for a date cell, cached per distinct cell."""
        try:
            cached = self._dates.get(value)
        except TypeError:
            cached = None
        if cached is None:
            cached = self._date_time(value) if isinstance(value, str) else None
            if cached is None:
                cached = self._in_window(split_date(value))
                if len(self._dates) < 100_000:
                    self._dates[value] = cached
            else:
                cached = self._in_window(cached)
        day = cached[0]
        if type(day) is Pending:
            self.data.evidence.add(day, row)
        return cached

    def _in_window(self, cached: tuple[object, str | None]) -> tuple[object, str | None]:
        """The cell's (day, time), or (_OUTSIDE, time) for a day outside the date window (a
        pending day/month order: when no day of its year is inside)."""
        day = cached[0]
        if day is None:
            return cached
        pending = type(day) is Pending
        inside = self.window.holds_year(day.year) if pending else day in self.window  # type: ignore[attr-defined]
        return cached if inside else (_OUTSIDE, cached[1])

    def _date_time(self, value: str) -> tuple[object, str | None] | None:
        """Fast path for "31.12.2024 17:45:03": date part and time part cached separately
        (nearly every such cell is distinct, but its two halves repeat)."""
        head, _, tail = value.rpartition(" ")
        if not head:
            return None
        day = self._heads.get(head)
        if day is None:
            day = split_date(head)
            if len(self._heads) < 100_000:
                self._heads[head] = day
        if day[0] is None or day[1] is not None:
            return None
        time = self.time_of(tail)
        if not time:
            return None
        return day[0], None if time == "00:00" else time

    def new_product_key(self, row: int, col: int, raw: object) -> str | None:
        """The key of a product cell not seen yet; None when the row is refused (an empty or a
        bad name), the refusal recorded. The readers' loops look seen names up first."""
        if is_empty(raw):
            self.reject(row, col, "empty_product", raw, False)
            return None
        key = self.product_key(raw)
        if key is None:
            self.reject_implausible(row, col, self.bad_name(raw), raw)
        return key

    def product_key(self, raw: object) -> str | None:
        """Key of a product cell; remembers the best spelling for display. None when the name is
        refused (control or bidi characters, too long): `bad_name` says why."""
        text = raw if isinstance(raw, str) else _text(raw)
        key = self._products.get(text)
        if key is None:
            if text in self._bad_names:
                return None
            shown = clean_name(text)
            problem = name_problem(shown)
            if problem is not None:
                self._bad_names[text] = problem
                return None
            key = name_key(shown)
            self._products[text] = key
            old = self.data.spellings.get(key)
            if old is None or display_score(shown) > display_score(old):
                self.data.spellings[key] = shown
        return key

    def bad_name(self, raw: object) -> str:
        """Why a product cell's name was refused (after `product_key` returned None)."""
        return self._bad_names[raw if isinstance(raw, str) else _text(raw)]

    def branch_of(self, raw: object, register: bool) -> tuple[str, bool]:
        """(branch key, whether the row belongs to the chosen branch); `register` lists the
        branch for the user (only rows with a date do, so a "Summe" line is no branch)."""
        shown = clean_name(_text(raw))
        key = name_key(shown)
        if register and key not in self.data.branches:
            self.data.branches[key] = shown
        return key, self._branch_key is None or key == self._branch_key

    def add(self, key: tuple[str, str, object], quantity: Decimal) -> None:
        """Add one accepted value to its day and to its product's file total."""
        self._add_day(key, quantity)
        total_key = (key[0], key[1])
        self.data.file_totals[total_key] = self.data.file_totals.get(total_key, ZERO) + quantity

    def _add_day(
        self,
        key: tuple[str, str, object],
        quantity: Decimal,
        produced: Decimal | None = None,
        leftover: Decimal | None = None,
        sold_out: str | None = None,
        sale_time: str | None = None,
    ) -> None:
        """Add one accepted value to its day (sums exact; latest times kept)."""
        day = self.data.days.get(key)
        if day is None:
            day = self.data.days[key] = [ZERO, None, None, None, None, 0]
        day[0] += quantity
        if produced is not None:
            day[1] = produced if day[1] is None else day[1] + produced
        if leftover is not None:
            day[2] = leftover if day[2] is None else day[2] + leftover
        if sold_out is not None and (day[3] is None or sold_out > day[3]):
            day[3] = sold_out
        if sale_time is not None and quantity > 0 and (day[4] is None or sale_time > day[4]):
            day[4] = sale_time
        day[5] += 1  # type: ignore[operator]

    def finish(self) -> FileData:
        """Move trailing footer-like rejections to the footer bucket."""
        for rejection in self._trailing:
            self.tally.rejected -= 1
            self.tally.footer += 1
            self.tally.footer_rows.append(rejection)
            if rejection in self.tally.rejections:
                self.tally.rejections.remove(rejection)
        self._trailing.clear()
        return self.data

    # -- reading -------------------------------------------------------------------------------
    def run(self, records: Iterator[Record]) -> FileData:
        """Read all records; sums are exact (a number too long to add exactly is an error)."""
        with decimal.localcontext() as ctx:
            ctx.prec = 60
            ctx.traps[decimal.Inexact] = True
            ctx.traps[decimal.Rounded] = True
            try:
                if self.mapping.layout == "wide":
                    self._wide(records)
                else:
                    self._long(records)
            except (decimal.Inexact, decimal.Rounded):
                raise UserError("import.number_too_long", file=self.data.path) from None
        return self.finish()

    def _skip(self, row: int, record: Record) -> bool:
        """Count a blank row (True); check for cancel now and then."""
        try:
            blank = not "".join(record).strip()  # type: ignore[arg-type]
        except TypeError:  # cells from a workbook: numbers, dates, None
            blank = all(is_empty(v) for v in record)
        if blank:
            self.tally.blank += 1
            return True
        if row % CHECK_EVERY == 0:
            if self.cancelled():
                raise ImportCancelledError()
            self.tick()
        return False

    def time_of(self, value: object) -> str | None:
        """ "HH:MM" of a time cell, cached per distinct cell; "" for an empty cell, None if bad."""
        try:
            cached = self._times.get(value, _MISSING)
        except TypeError:
            cached = _MISSING
        if cached is _MISSING:
            cached = "" if is_empty(value) else parse_time(value)
            if len(self._times) < 100_000:
                self._times[value] = cached
        return cached  # type: ignore[return-value]

    def _too_long(self, record: Record) -> int | None:
        width = len(self.columns)
        if len(record) > width:
            for i in range(width, len(record)):
                if not is_empty(record[i]):
                    return i
        return None

    def _long(self, records: Iterator[Record]) -> None:
        m = self.mapping
        di = self.index(m.date_column)
        pi = self.index(m.product_column)
        qi = self.index(m.quantity_column)
        ti = self.index(m.time_column)
        bi = self.index(m.branch_column)
        pri = self.index(m.produced_column)
        li = self.index(m.leftover_column)
        si = self.index(m.sold_out_column)
        assert di is not None
        assert qi is not None
        constant = name_key(m.product_name) if m.product_name and pi is None else None
        if constant is not None:
            self.data.spellings[constant] = clean_name(m.product_name or "")
        width = len(self.columns)
        number = self.number
        numbers = number._cache
        tally = self.tally
        days = self.data.days
        totals = self.data.file_totals
        dates = self._dates
        products = self._products
        times = self._times
        trailing = self._trailing
        header_row = m.header_row
        row = 0
        # The hot loop: one pass per row, each distinct cell text parsed once (dict caches).
        for record in records:
            row += 1
            tally.rows_read += 1
            if row <= header_row:
                tally.header += 1
                continue
            if self._skip(row, record):
                continue
            if len(record) != width:
                if len(record) < width:
                    record = list(record) + [None] * (width - len(record))
                else:
                    extra = self._too_long(record)
                    if extra is not None:
                        self.reject(row, extra, "too_many_fields", record[extra], False)
                        continue
            raw_date = record[di]
            cached = dates.get(raw_date) if isinstance(raw_date, str) else None
            day, time = cached if cached is not None else self.date_of(raw_date, row)
            branch = ""
            if bi is not None:
                branch, ours = self.branch_of(record[bi], day is not None)
                if not ours:
                    tally.other_branch += 1
                    continue
            if day is None:
                self.reject_date(row, di, raw_date, record[pi] if pi is not None else "")
                continue
            if day is _OUTSIDE:
                self.reject_implausible(row, di, "date_outside", raw_date)
                continue
            pkey: str | None = constant
            if pkey is None:
                raw_product = record[pi]  # type: ignore[index]
                pkey = products.get(raw_product)
                if pkey is None:
                    pkey = self.new_product_key(row, pi, raw_product)
                    if pkey is None:
                        continue
            raw_q = record[qi]
            quantity = numbers.get(raw_q) if isinstance(raw_q, str) else None
            if quantity is None:
                quantity = number(raw_q)
                if quantity is None:
                    reason = "empty_quantity" if is_empty(raw_q) else "not_a_number"
                    self.reject(row, qi, reason, raw_q, False)
                    continue
            if quantity > LIMIT or quantity < -LIMIT:
                self.reject_implausible(row, qi, "quantity_too_large", raw_q)
                continue
            produced = leftover = sold_out = None
            if pri is not None or li is not None or si is not None:
                extras = self._extras(row, record, pri, li, si)
                if extras is None:
                    continue
                produced, leftover, sold_out = extras
            if ti is not None:
                raw_time = record[ti]
                cell_time = times.get(raw_time, _MISSING) if isinstance(raw_time, str) else _MISSING
                if cell_time is _MISSING:
                    cell_time = self.time_of(raw_time)
                if cell_time is None:
                    self.reject(row, ti, "not_a_time", raw_time, False)
                    continue
                time = cell_time or time  # type: ignore[assignment]
            key = (branch, pkey, day)
            agg = days.get(key)
            if agg is None and produced is None and leftover is None and sold_out is None:
                days[key] = [quantity, None, None, None, time if quantity > 0 else None, 1]
            elif produced is None and leftover is None and sold_out is None:
                agg[0] += quantity  # type: ignore[index, operator]
                last = agg[4]  # type: ignore[index]
                if time is not None and quantity > 0 and (last is None or time > last):
                    agg[4] = time  # type: ignore[index]
                agg[5] += 1  # type: ignore[index, operator]
            else:
                self._add_day(key, quantity, produced, leftover, sold_out, time)
            total_key = (branch, pkey)
            totals[total_key] = totals.get(total_key, ZERO) + quantity
            tally.imported += 1
            if trailing:
                trailing.clear()

    def _extras(
        self, row: int, record: Record, pri: int | None, li: int | None, si: int | None
    ) -> tuple[Decimal | None, Decimal | None, str | None] | None:
        """(produced, leftover, sold-out time) of a daily row, or None if the row was rejected."""
        produced = leftover = sold_out = None
        if pri is not None and not is_empty(record[pri]):
            produced = self._amount(row, record, pri)
            if produced is None:
                return None
        if li is not None and not is_empty(record[li]):
            leftover = self._amount(row, record, li)
            if leftover is None:
                return None
        if si is not None:
            sold_out = self.time_of(record[si])
            if sold_out is None:
                self.reject(row, si, "not_a_time", record[si], False)
                return None
        return produced, leftover, sold_out or None

    def _amount(self, row: int, record: Record, col: int) -> Decimal | None:
        """A produced or leftover amount (0 .. 10,000,000), or None if the row was rejected."""
        value = self.number(record[col])
        if value is None:
            self.reject(row, col, "not_a_number", record[col], False)
        elif value > LIMIT:
            self.reject_implausible(row, col, "quantity_too_large", record[col])
        elif value < 0:
            self.reject_implausible(row, col, "quantity_negative", record[col])
        else:
            return value
        return None

    def _wide(self, records: Iterator[Record]) -> None:
        m = self.mapping
        di = self.index(m.date_column)
        product_cols = [self.index(c) for c in m.product_columns]
        keys = []
        for c, col in zip(m.product_columns, product_cols, strict=True):
            problem = name_problem(clean_name(c))
            if problem is not None:
                raise UserError(
                    "sanity.header_name",
                    file=self.data.path,
                    row=m.header_row,
                    column=column_letter(col or 0),
                    value=display_name(c),
                    **reason_params(problem),
                )
            key = name_key(c)
            keys.append(key)
            self.data.spellings.setdefault(key, clean_name(c))
        start = dt.date.fromisoformat(m.start_date) if m.start_date else None
        width = len(self.columns)
        number = self.number
        offset = 0
        row = 0
        for record in records:
            row += 1
            self.tally.rows_read += 1
            if row <= m.header_row:
                self.tally.header += 1
                continue
            if self._skip(row, record):
                continue
            if len(record) < width:
                record = list(record) + [None] * (width - len(record))
            extra = self._too_long(record)
            if extra is not None:
                self.reject(row, extra, "too_many_fields", record[extra], False)
                offset += 1
                continue
            if di is not None:
                raw_date = record[di]
                day, _ = self.date_of(raw_date, row)
                if day is None:
                    self.reject_date(row, di, raw_date)
                    continue
                if day is _OUTSIDE:
                    self.reject_implausible(row, di, "date_outside", raw_date)
                    continue
            else:
                day = _plus_days(start, offset)  # type: ignore[arg-type]
                offset += 1
                if day not in self.window:
                    self.reject_implausible(row, None, "date_outside", _text(day) or m.start_date)
                    continue
            values: list[tuple[str, Decimal]] = []
            bad: tuple[int, object, str] | None = None
            for key, col in zip(keys, product_cols, strict=True):
                cell = record[col]  # type: ignore[index]
                if is_empty(cell):
                    continue
                value = number(cell)
                if value is None:
                    bad = (col, cell, "")  # type: ignore[assignment]
                    break
                if value > LIMIT or value < -LIMIT:
                    bad = (col, cell, "quantity_too_large")  # type: ignore[assignment]
                    break
                values.append((key, value))
            if bad is not None:
                if bad[2]:
                    self.reject_implausible(row, bad[0], bad[2], bad[1])
                else:
                    self.reject(row, bad[0], "not_a_number", bad[1], False)
                continue
            if not values:
                self.tally.no_values += 1
                continue
            for key, value in values:
                self.add(("", key, day), value)
            self.accepted()


def _plus_days(start: dt.date, days: int) -> dt.date | None:
    """`start` + `days`, or None beyond the year 9999."""
    try:
        return start + dt.timedelta(days=days)
    except OverflowError:
        return None


def reason_params(problem: str) -> dict[str, str]:
    """reason_de / reason_en of a "sanity.*" reason, for messages shown in either language."""

    return {f"reason_{lang}": render(f"sanity.{problem}", lang) for lang in ("de", "en")}
