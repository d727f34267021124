"""Read a DSFinV-K export into the same daily totals as every other import, plus receipt times.

What counts as a sale (see docs/import.md, "DSFinV-K"):
- the lines (lines.csv, Bonpos) of receipts of type `Beleg` (transactions.csv, Bonkopf); training,
  aborted, order, transfer, staff-meal and other `AV...` receipts are left out, and so are lines
  whose business case (GV_TYP) is not `Umsatz` (deposits, discounts, vouchers, tips, ...);
- the quantity is MENGE, times FAKTOR where the till fills it (a pack of 6 sold twice: 12);
- cancellations are netted as the till booked them: a cancelled line (P_STORNO) and a cancelled
  receipt (BON_STORNO) carry negative quantities and are summed like any line; returns too;
- the day is the day the receipt ended (BON_ENDE, else BON_START), not the day of the closing;
- several registers (Z_KASSE_ID) and daily closings (Z_NR) in one export are summed per day; when
  location.csv names more than one location, each is a branch to choose (LOC_NAME).

Every line ends in one bucket of the tally: imported, rejected (row, column, reason), left out
(no sale, counted by receipt type or business case), other branch, blank or header. Receipt
times per day: first and last sale (receipts that sold something, not cancellations or
returns), and per hour the sales receipts and the net quantity of all imported lines.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import decimal
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from calendars.plausible import DateWindow
from forecasting.errors import UserError
from forecasting.importing.dsfinvk_files import (
    LINES,
    LOCATIONS,
    TRANSACTIONS,
    Export,
    Table,
    TableFormat,
    export_mapping,
)
from forecasting.importing.layouts import LIMIT, Collector, FileData, ImportCancelledError
from forecasting.importing.mapping import Mapping
from forecasting.importing.names import clean_name, name_key
from forecasting.importing.numbers import NumberParser, is_empty
from forecasting.progress import NullProgress, Progress
from forecasting.values.receipts import ReceiptDay, ReceiptHour

SALE = "Beleg"
TURNOVER = "Umsatz"
CHECK_EVERY = 1 << 14
ZERO = Decimal(0)

ReceiptKey = tuple[str, str, str]  # (Z_KASSE_ID, Z_NR, BON_ID)


@dataclasses.dataclass
class Receipt:
    """A receipt head: its type, whether it cancels another, when it ended, its branch."""

    kind: str
    cancels: bool
    ended: dt.datetime | None
    time_text: str
    branch: str
    clock: str = ""  # "HH:MM" of `ended`
    day: dt.date | None = None  # the day of `ended`


@dataclasses.dataclass
class ExportData(FileData):
    """FileData of a DSFinV-K export, with the receipt times per day and what the export held."""

    receipt_days: list[ReceiptDay] = dataclasses.field(default_factory=list)
    registers: list[str] = dataclasses.field(default_factory=list)
    closings: int = 0
    receipts: dict[str, int] = dataclasses.field(default_factory=dict)  # BON_TYP -> count

    def summary(self) -> dict[str, object]:
        """What the export held, for the report: registers, closings, receipts per type."""
        kinds = sorted(self.receipts.items(), key=lambda item: (-item[1], item[0]))
        return {"registers": self.registers, "closings": self.closings, "receipts": dict(kinds)}


def _when(text: str) -> dt.datetime | None:
    """The wall-clock time of "2024-03-01T07:15:22" (also with a space, fractions or a zone)."""
    text = text.strip()
    if not text:
        return None
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).replace(tzinfo=None)
    except ValueError:
        return None


def _cell(record: list[str], index: int | None) -> str:
    if index is None or index >= len(record):
        return ""
    return record[index].strip()


def _locations(export: Export) -> dict[str, str]:
    """Register id -> location name, from location.csv (empty when it is missing)."""
    if not export.has(LOCATIONS):
        return {}
    table = export.table(LOCATIONS)
    register = table.index("Z_KASSE_ID")
    name = table.index("LOC_NAME", required=False)
    found: dict[str, str] = {}
    for _row, record in table.rows:
        if name is not None and _cell(record, register):
            found[_cell(record, register)] = clean_name(_cell(record, name))
    return found


def _receipts(export: Export, branches: dict[str, str], cancelled: Callable[[], bool]
              ) -> tuple[dict[ReceiptKey, Receipt], set[tuple[str, str]], dict[str, int]]:
    """The receipt heads by key, the closings (register, Z_NR) and the receipts per type."""
    table = export.table(TRANSACTIONS)
    register = table.index("Z_KASSE_ID")
    closing = table.index("Z_NR")
    bon = table.index("BON_ID")
    kind = table.index("BON_TYP")
    end = table.index("BON_ENDE")
    start = table.index("BON_START", required=False)
    cancel = table.index("BON_STORNO", required=False)
    heads: dict[ReceiptKey, Receipt] = {}
    closings: set[tuple[str, str]] = set()
    kinds: dict[str, int] = {}
    for row, record in table.rows:
        if row % CHECK_EVERY == 0 and cancelled():
            raise ImportCancelledError()
        if not "".join(record).strip():
            continue
        key = (_cell(record, register), _cell(record, closing), _cell(record, bon))
        text = _cell(record, end) or _cell(record, start)
        receipt_kind = _cell(record, kind)
        ended = _when(text)
        clock = f"{ended.hour:02d}:{ended.minute:02d}" if ended else ""
        heads[key] = Receipt(receipt_kind, _cell(record, cancel) == "1", ended, text,
                             branches.get(key[0], ""), clock, ended.date() if ended else None)
        closings.add((key[0], key[1]))
        kinds[receipt_kind] = kinds.get(receipt_kind, 0) + 1
    return heads, closings, kinds


class _Lines(Collector):
    """The engine's collector (tally, rejections, product names, daily totals), fed with the
    lines of sales receipts."""

    def leave_out(self, why: str) -> None:
        """Count a line that is no sale (by design, not an error)."""
        self.tally.left_out[why] = self.tally.left_out.get(why, 0) + 1


@dataclasses.dataclass
class _Times:
    """Receipt times of one day while reading."""

    first: str | None = None
    last: str | None = None
    receipts: int = 0
    hours: dict[int, list[Decimal | int]] = dataclasses.field(default_factory=dict)


def read_export(
    path: str | Path,
    mapping: Mapping | None = None,
    *,
    progress: Progress | None = None,
    window: DateWindow | None = None,
) -> ExportData:
    """Read the export (zip or folder) into daily totals and receipt times; nothing is written."""
    path = Path(path)
    progress = progress or NullProgress()
    if not path.exists():
        raise UserError("import.file_not_found", file=str(path))
    # the spec fixes the columns: of a given mapping only the branch and the aliases apply
    mapping = dataclasses.replace(export_mapping(), branch=mapping.branch if mapping else None,
                                  aliases=dict(mapping.aliases) if mapping else {})
    progress.report(0.0, "import.read")
    with Export(path) as export:
        locations = _locations(export)
        several = len(set(locations.values())) > 1
        mapping.branch_column = "LOC_NAME" if several else None
        if not several:
            mapping.branch = None
        heads, closings, kinds = _receipts(export, locations if several else {},
                                           progress.cancelled)
        lines = export.table(LINES)
        collector = _Lines(lines.name, mapping, lines.columns, progress.cancelled,
                           lambda: None, window)
        collector.tally.header = lines.header_rows
        collector.tally.rows_read = lines.header_rows
        if several:
            for name in sorted(set(locations.values())):
                collector.branch_of(name, True)
        with decimal.localcontext() as ctx:
            ctx.prec = 60
            ctx.traps[decimal.Inexact] = True
            ctx.traps[decimal.Rounded] = True
            try:
                net = _read_lines(lines, heads, collector, export.formats.get(LINES), progress)
            except (decimal.Inexact, decimal.Rounded):
                raise UserError("import.number_too_long", file=lines.name) from None
    if progress.cancelled():
        raise ImportCancelledError()
    progress.report(0.8, "import.read")
    data = collector.finish()
    return ExportData(
        **{f.name: getattr(data, f.name) for f in dataclasses.fields(FileData)},
        receipt_days=_receipt_days(net, heads),
        registers=sorted({register for register, _ in closings}),
        closings=len(closings),
        receipts=kinds,
    )


def _read_lines(lines: Table, heads: dict[ReceiptKey, Receipt], collector: _Lines,
                fmt: TableFormat | None, progress: Progress) -> dict[ReceiptKey, Decimal]:
    """Every line into its bucket; returns the net imported quantity per receipt."""
    register = lines.index("Z_KASSE_ID")
    closing = lines.index("Z_NR")
    bon = lines.index("BON_ID")
    business = lines.index("GV_TYP")
    product = lines.index("ARTIKELTEXT")
    amount = lines.index("MENGE")
    factor = lines.index("FAKTOR", required=False)
    fmt = fmt or TableFormat()
    number = NumberParser(fmt.decimal, fmt.thousands)
    tally = collector.tally
    net: dict[ReceiptKey, Decimal] = {}
    wanted = name_key(collector.mapping.branch) if collector.mapping.branch else None
    width = len(lines.columns)
    inside: dict[dt.date, bool] = {}
    # The hot loop, as in layouts.Collector._long: each distinct text parsed once (dict caches).
    products = collector._products
    numbers = number._cache
    days = collector.data.days
    totals = collector.data.file_totals
    for row, record in lines.rows:
        tally.rows_read += 1
        if row % CHECK_EVERY == 0:
            if progress.cancelled():
                raise ImportCancelledError()
            progress.report(0.8 * min(1.0, row * 100 / max(lines.size, 1)), "import.read")
        if len(record) < width:
            record = record + [""] * (width - len(record))
        key = (record[register].strip(), record[closing].strip(), record[bon].strip())
        head = heads.get(key)
        if head is None:
            if "".join(record).strip():
                collector.reject(row, bon, "dsfinvk_no_receipt", key[2], False)
            else:
                tally.blank += 1
            continue
        if wanted is not None and name_key(head.branch) != wanted:
            tally.other_branch += 1
            continue
        if head.kind != SALE:
            collector.leave_out(f"receipt:{head.kind}")
            continue
        kind = record[business].strip()
        if kind != TURNOVER:
            collector.leave_out(f"business:{kind or '-'}")
            continue
        day = head.day
        if day is None:
            collector.reject(row, bon, "dsfinvk_no_time", f"{key[2]}: {head.time_text}", False)
            continue
        ok = inside.get(day)
        if ok is None:
            ok = inside[day] = day in collector.window
        if not ok:
            collector.reject_implausible(row, bon, "date_outside", f"{key[2]}: {head.time_text}")
            continue
        raw = record[product]
        pkey = products.get(raw)
        if pkey is None:
            pkey = collector.new_product_key(row, product, raw)
            if pkey is None:
                continue
        quantity = numbers.get(record[amount])
        if quantity is None or (factor is not None and record[factor].strip()):
            quantity = _quantity(collector, number, row, record, amount, factor)
            if quantity is None:
                continue
        elif quantity > LIMIT or quantity < -LIMIT:
            collector.reject_implausible(row, amount, "quantity_too_large", record[amount])
            continue
        branch = name_key(head.branch) if wanted else ""
        day_key = (branch, pkey, day)
        agg = days.get(day_key)
        clock = head.clock
        if agg is None:
            days[day_key] = [quantity, None, None, None, clock if quantity > 0 else None, 1]
        else:
            agg[0] += quantity
            if quantity > 0 and (agg[4] is None or clock > agg[4]):
                agg[4] = clock
            agg[5] += 1
        total_key = (branch, pkey)
        totals[total_key] = totals.get(total_key, ZERO) + quantity
        tally.imported += 1
        net[key] = net.get(key, ZERO) + quantity
    return net


def _quantity(collector: _Lines, number: NumberParser, row: int, record: list[str],
              amount: int, factor: int | None) -> Decimal | None:
    """MENGE times FAKTOR (empty FAKTOR: 1), or None when the line was rejected."""
    raw = record[amount]
    value = number(raw)
    if value is None:
        collector.reject(row, amount, "empty_quantity" if is_empty(raw) else "not_a_number",
                         raw, False)
        return None
    raw_factor = _cell(record, factor)
    if raw_factor:
        times = number(raw_factor)
        if times is None or times <= 0:
            collector.reject(row, factor, "dsfinvk_bad_factor", raw_factor, False)
            return None
        value *= times
    if value > LIMIT or value < -LIMIT:
        collector.reject_implausible(row, amount, "quantity_too_large", raw)
        return None
    return value


def _receipt_days(net: dict[ReceiptKey, Decimal], heads: dict[ReceiptKey, Receipt]
                  ) -> list[ReceiptDay]:
    """Per day: first/last sale and per hour receipts and net quantity (imported lines only)."""
    days: dict[dt.date, _Times] = {}
    for key, quantity in net.items():
        head = heads[key]
        assert head.ended is not None
        times = days.setdefault(head.ended.date(), _Times())
        hour = times.hours.setdefault(head.ended.hour, [0, ZERO])
        hour[1] += quantity
        if head.cancels or quantity <= 0:
            continue
        hour[0] += 1
        times.receipts += 1
        clock = head.clock
        times.first = clock if times.first is None else min(times.first, clock)
        times.last = clock if times.last is None else max(times.last, clock)
    return [
        ReceiptDay(day, t.first, t.last, t.receipts,
                   tuple(ReceiptHour(h, int(v[0]), float(v[1])) for h, v in sorted(t.hours.items())))
        for day, t in sorted(days.items())
    ]
