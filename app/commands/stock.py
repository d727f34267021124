"""`bestellkompass stock`: the stock counts that goods that keep are ordered against.

    bestellkompass --shop PATH stock show  [--date D] [--format table|csv|json]
    bestellkompass --shop PATH stock set   PRODUCT ON_HAND [--on-order N] [--date D]
    bestellkompass --shop PATH stock clear PRODUCT [--date D]
    bestellkompass --shop PATH stock import LIST.csv|.xlsx|.xls [--date D]
    bestellkompass --shop PATH stock receive PRODUCT QUANTITY [--date D]
    bestellkompass --shop PATH stock writeoff PRODUCT QUANTITY [--date D] [--reason R]

A count is what is on the shelf and what is ordered but not yet delivered at the start of a day
(default: today; after the shop's closing hour or once today's sales are in the shop file,
tomorrow: a count after closing is tomorrow morning's stock); the suggestions for that day and later
use the latest count, carried forward over the sales recorded since (order-up-to,
docs/order_policy.md). The same edit as the app's order sheet (app/edits.py, SetStock). `import`
reads an inventory list (forecasting/importing/stock_list.py): all rows or none. A decided
order of goods that keep enters the stock on its delivery day by itself; `receive` books what
really came that day instead (short or extra delivery), `writeoff` books units taken off the
shelf unsold (Abschriften: expired, damaged); both count in the stock from that day on.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import sys
from pathlib import Path
from typing import Any

from app.cli_text import _
from app.commands.args import add_action, date_arg, shop_and_lang
from app.commands.order import parse_quantity, quantity_text
from forecasting.errors import UserError
from forecasting.operations import stock
from forecasting.operations.edits import apply_edit
from forecasting.operations.reading import latest_counts, load_products
from forecasting.operations.shop import Shop, default_shop_path, open_shop
from forecasting.policy.lines import display_decimals
from forecasting.policy.stock_at import stocks_at
from forecasting.safe_text import SpreadsheetWriter, display_name
from forecasting.texts import format_date, render


def _common(parser: argparse.ArgumentParser) -> None:
    shop_and_lang(parser)
    parser.add_argument("--date", metavar=_("DATE"), type=date_arg, default=argparse.SUPPRESS,
                        help=_("the count is the stock at the start of this day (default: today; "
                               "after closing time, or once today's sales are in, tomorrow)"))


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The actions show, set, clear and import."""
    _common(parser)
    actions = parser.add_subparsers(dest="action", metavar=_("<action>"), required=True)
    show = add_action(actions, "show", _("the latest count of every product that keeps"))
    _common(show)
    show.add_argument("--format", choices=["table", "csv", "json"], default="table",
                        help=_("form of the output (default: table)"))
    set_ = add_action(actions, "set", _("record a count: on hand (and on order)"))
    _common(set_)
    set_.add_argument("product", metavar=_("PRODUCT"))
    set_.add_argument("on_hand", metavar=_("ON_HAND"))
    set_.add_argument("--on-order", default="0", metavar="N",
                      help=_("ordered but not yet delivered (default 0)"))
    clear = add_action(actions, "clear", _("delete the count of a product on the day"))
    _common(clear)
    clear.add_argument("product", metavar=_("PRODUCT"))
    load = add_action(actions, "import", _("counts from an inventory list (CSV, XLSX, XLS)"))
    _common(load)
    load.add_argument("file", type=Path, metavar=_("LIST"),
                      help=_("columns Produkt/Artikel, Bestand, optional bestellt (or English)"))
    receive = add_action(actions, "receive", _("book what really came on the day (goods receipt)"))
    _common(receive)
    receive.add_argument("product", metavar=_("PRODUCT"))
    receive.add_argument("quantity", metavar=_("QUANTITY"))
    off = add_action(actions, "writeoff", _("book units taken off the shelf unsold (write-off)"))
    _common(off)
    off.add_argument("product", metavar=_("PRODUCT"))
    off.add_argument("quantity", metavar=_("QUANTITY"))
    off.add_argument("--reason", default="expired", metavar=_("REASON"),
                     help=_("why: expired, damaged, other or your own words (default: expired)"))


def run(args: argparse.Namespace) -> int:
    """Open the shop file and do the action."""
    lang = getattr(args, "lang", None) or "de"
    path = getattr(args, "shop", None) or default_shop_path()
    given = getattr(args, "date", None)
    if args.action == "set":  # check what needs no shop file first
        on_hand = parse_quantity(args.on_hand, lang)
        on_order = parse_quantity(args.on_order, lang)
    if args.action in ("receive", "writeoff"):
        quantity = parse_quantity(args.quantity, lang)
    with open_shop(path, read_only=args.action == "show") as shop:
        # a count after closing is tomorrow morning's stock (forecasting/store/stock.py)
        day = given or stock.count_day(shop, dt.datetime.now())
        if args.action == "show":
            text = show(shop, day, args.format, lang)
        elif args.action == "set":
            text = set_count(shop, args.product, day, on_hand, on_order, lang)
        elif args.action == "import":
            text = import_list(shop, args.file, day, lang)
        elif args.action == "receive":
            text = receive(shop, args.product, day, quantity, lang)
        elif args.action == "writeoff":
            text = writeoff(shop, args.product, day, quantity, args.reason, lang)
        else:
            text = clear(shop, args.product, day, lang)
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return 0


def _product(shop: Shop, name: str) -> Any:
    products = {p.name: p for p in load_products(shop)}
    if name not in products:
        raise UserError("stock.unknown_product", name=name, names=", ".join(sorted(products)))
    return products[name]


def set_count(shop: Shop, name: str, day: dt.date, on_hand: float, on_order: float,
              lang: str) -> str:
    """Record the count (replacing one of the same day) with the app's undoable edit."""
    product = _product(shop, name)
    apply_edit(shop, stock.count(shop, name, day, on_hand, on_order))
    d = display_decimals(product)
    out = [render("cli.stock.set", lang, name=name, date=format_date(day, lang), unit=product.unit,
                  on_hand=quantity_text(on_hand, lang, d), on_order=quantity_text(on_order, lang, d))]
    if product.shelf_life_days <= 1:
        out.append(render("cli.stock.keeps_one_day", lang, name=name))
    return "\n".join(out)


def receive(shop: Shop, name: str, day: dt.date, quantity: float, lang: str) -> str:
    """Book the goods receipt of `day` (what really came) with the operation."""
    product = _product(shop, name)
    _, ordered = stock.receive(shop, name, day, quantity)
    d = display_decimals(product)
    return render("cli.stock.received", lang, name=name, date=format_date(day, lang),
                  unit=product.unit, quantity=quantity_text(quantity, lang, d),
                  ordered=quantity_text(ordered, lang, d))


def _reason(word: str) -> str:
    """A write-off reason's code when `word` names one (de or en, any case), else the words."""
    wanted = word.strip().casefold()
    for code in stock.WRITEOFF_REASONS:
        if wanted in {code, *(render(f"stock.reason.{code}", lg).casefold() for lg in ("de", "en"))}:
            return code
    return word.strip()


def writeoff(shop: Shop, name: str, day: dt.date, quantity: float, reason: str,
             lang: str) -> str:
    """Book a write-off (Abschrift) of `day` with the operation."""
    product = _product(shop, name)
    move = stock.writeoff(shop, name, day, quantity, _reason(reason))
    words = (render(f"stock.reason.{move.reason}", lang)
             if move.reason in stock.WRITEOFF_REASONS else move.reason)
    return render("cli.stock.written_off", lang, name=name, date=format_date(day, lang),
                  unit=product.unit, quantity=quantity_text(quantity, lang,
                                                            display_decimals(product)),
                  reason=words)


def clear(shop: Shop, name: str, day: dt.date, lang: str) -> str:
    """Delete the count of `day` (the one before it applies again)."""
    _product(shop, name)
    edit = stock.clear_count(shop, name, day)
    if edit is None:
        return render("cli.stock.not_counted", lang, name=name, date=format_date(day, lang))
    apply_edit(shop, edit)
    return render("cli.stock.cleared", lang, name=name, date=format_date(day, lang))


def import_list(shop: Shop, path: Path, day: dt.date, lang: str) -> str:
    """Counts of every product on the list for `day`, or none if any row is wrong."""
    counts, _ = stock.import_list(shop, path, day)
    return render("cli.stock.imported", lang, date=format_date(day, lang), count=len(counts),
                  file=path.name)


def stock_rows(shop: Shop, day: dt.date) -> list[dict[str, Any]]:
    """Per active product that keeps (or was counted): its latest count on or before `day`, and
    the shelf expected at the start of `day` (the count played forward: deliveries in, sales and
    write-offs out, expired goods thrown away) with its open orders."""

    counts = latest_counts(shop, day)
    shelves = stocks_at(shop, day)
    rows = []
    for p in load_products(shop, active_only=True):
        c = counts.get(p.name)
        shelf = shelves.get(p.name)
        if p.shelf_life_days <= 1 and c is None:
            continue
        rows.append({"product": p.name, "unit": p.unit, "decimals": display_decimals(p),
                     "counted": None if c is None else c.date.isoformat(),
                     "on_hand": None if c is None else c.on_hand,
                     "on_order": None if c is None else c.on_order,
                     "expected_on_hand": None if shelf is None else round(shelf.on_hand, 6),
                     "sell_by": None if shelf is None or not shelf.batches
                     else shelf.batches[0][1].isoformat(),
                     "open_orders": [] if shelf is None else [
                         {"quantity": q, "date": d.isoformat()} for q, d in shelf.arrivals]})
    return rows


def show(shop: Shop, day: dt.date, fmt: str, lang: str) -> str:
    """The counts and the expected shelf as table (people), CSV or JSON (scripts)."""
    rows = stock_rows(shop, day)
    if fmt == "json":
        return json.dumps({"date": day.isoformat(), "products": rows}, ensure_ascii=False,
                          indent=2)

    def amount(value: float | None, r: dict[str, Any]) -> str:
        return "" if value is None else quantity_text(value, lang, r["decimals"])

    def open_orders(r: dict[str, Any]) -> float | None:
        if r["expected_on_hand"] is None:
            return r["on_order"]
        return sum(o["quantity"] for o in r["open_orders"])

    if fmt == "csv":
        buf = io.StringIO()
        writer = SpreadsheetWriter(buf, delimiter=";" if lang == "de" else ",",
                               lineterminator="\n")
        writer.writerow(["product", "unit", "counted", "on_hand", "on_order", "expected_on_hand",
                         "open_orders", "sell_by"])
        for r in rows:
            writer.writerow([r["product"], r["unit"], r["counted"] or "", amount(r["on_hand"], r),
                             amount(r["on_order"], r), amount(r["expected_on_hand"], r),
                             amount(open_orders(r), r), r["sell_by"] or ""])
        return buf.getvalue()
    if not rows:
        return render("cli.stock.none", lang)
    columns = ("product", "counted", "on_hand", "expected", "on_order", "sell_by")
    heads = [render(f"cli.stock.col.{c}", lang) for c in columns]
    width = max([len(heads[0]), *(len(display_name(r["product"])) for r in rows)]) + 2
    wide = [width, *(max(len(h), 10) + 3 for h in heads[1:])]
    out = [render("cli.stock.title", lang, date=format_date(day, lang)), ""]

    def line(cells: list[str]) -> str:
        return "".join(f"{c:<{w}}" if k < 2 else f"{c:>{w}}"
                       for k, (c, w) in enumerate(zip(cells, wide, strict=True))).rstrip()

    out.append(line(heads))
    for r in rows:
        unit = f" {r['unit']}"
        counted = (render("cli.stock.never", lang) if r["counted"] is None
                   else format_date(dt.date.fromisoformat(r["counted"]), lang))
        expected = r["expected_on_hand"]
        pending = open_orders(r)
        out.append(line([
            display_name(r["product"]), counted,
            "" if r["on_hand"] is None else amount(r["on_hand"], r) + unit,
            "" if expected is None else amount(expected, r) + unit,
            "" if pending is None else amount(pending, r) + unit,
            "" if r["sell_by"] is None else format_date(dt.date.fromisoformat(r["sell_by"]),
                                                        lang)]))
    out += ["", render("cli.stock.expected_note", lang)]
    return "\n".join(out)
