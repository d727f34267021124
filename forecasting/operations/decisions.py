"""The owner's decisions on the order sheet: accept suggestions, order another quantity with a
reason, reopen a line. Each returns the edit (operations/edits.py) that the window puts on its undo
stack and the command line applies at once: the rules are written here once."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable

from forecasting.errors import UserError
from forecasting.operations.edits import EditBatch, SetDecision
from forecasting.operations.sheet import OrderSheet, SheetLine
from forecasting.texts import LANGUAGES, Words, render
from forecasting.values.decisions import REASON_CODES, OrderDecision, current_user

TOLERANCE = 1e-9  # quantities closer than this are the same order


def decision(day: dt.date, line: SheetLine, final: float | None, code: str | None = None,
             text: str = "", by: str | None = None) -> OrderDecision:
    """The record of a decision: the line's suggestion as shown beside the owner's quantity; for
    goods that keep the day it is delivered (an open order until then, stock from then)."""
    return OrderDecision(product=line.product, date=day, suggested=line.suggestion, final=final,
                         reason_code=code, reason_text=text.strip(),
                         decided_by=current_user() if by is None else by,
                         decided_at=dt.datetime.now().replace(microsecond=0),
                         delivery_day=line.delivery_day)


def needs_reason(line: SheetLine, final: float | None) -> bool:
    """Whether ordering `final` differs from the suggestion (then the owner says why)."""
    return final is not None and abs(final - line.suggestion) > TOLERANCE


def check_quantity(value: float, line: SheetLine | None = None) -> float:
    """A quantity the owner may order: a finite number from 0, whole for goods counted in pieces
    (the line's decimals 0; kilograms and litres keep theirs)."""
    if not math.isfinite(value) or value < 0:
        raise UserError("cli.order.bad_quantity", value=value)
    if line is not None and round(value, line.decimals) != value:
        code = "order.whole_pieces" if line.decimals == 0 else "order.too_precise"
        raise UserError(code, name=line.product, value=value, unit=line.unit,
                        decimals=line.decimals)
    return float(value)


REASON_NAMES = Words(tuple(f"reason.name.{code}" for code in REASON_CODES))


def _folded(word: str) -> str:
    return " ".join(word.replace("_", " ").replace("-", " ").split()).casefold()


def reason_code(word: str) -> str | None:
    """The reason a word names: its code, or its name or label in German or English, in any case
    ("Wetter", "WEATHER", "Das Wetter wird anders" are all "weather"); None if none."""
    wanted = _folded(word)
    for code in REASON_CODES:
        names = {code} | {render(f"{kind}.{code}", lang) for kind in ("reason.name",
                                                                      "cli.order.reason")
                          for lang in LANGUAGES}
        if wanted in {_folded(name) for name in names}:
            return code
    return None


def reason_names(lang: str) -> list[str]:
    """The reasons' names as the owner types them, in `lang`."""
    return [render(code, lang) for code in REASON_NAMES.codes]


def check_reason(word: str | None, note: str) -> str | None:
    """The reason code `word` names (None: no reason given); "other" needs a note."""
    if word is None:
        return None
    code = reason_code(word)
    if code is None:
        raise UserError("cli.order.bad_reason", value=word, codes=REASON_NAMES)
    if code == "other" and not note.strip():
        raise UserError("cli.order.note_needed")
    return code


def accept(sheet: OrderSheet, products: Iterable[str] | None = None, by: str | None = None
           ) -> EditBatch:
    """Accept the suggestion of the named lines (default: all) that are still open."""
    lines = sheet.lines if products is None else tuple(sheet.line(p) for p in products)
    return EditBatch(tuple(
        SetDecision(line.product, sheet.day,
                    decision(sheet.day, line, line.suggestion, by=by), None)
        for line in lines if line.product not in sheet.decisions
    ))


def order(sheet: OrderSheet, product: str, quantity: float, code: str | None = None,
          note: str = "", by: str | None = None) -> SetDecision:
    """Order `quantity` of one product; a quantity other than the suggestion needs a reason."""
    line = sheet.line(product)
    quantity = check_quantity(quantity, line)
    code = check_reason(code, note)
    if needs_reason(line, quantity) and code is None:
        raise UserError("order.reason_needed", name=product)
    return SetDecision(product, sheet.day, decision(sheet.day, line, quantity, code, note, by),
                       sheet.decisions.get(product))


def reopen(sheet: OrderSheet, products: Iterable[str]) -> EditBatch:
    """Forget the decisions on the named lines (those decided); they are open again."""
    lines = [sheet.line(p) for p in products]
    return EditBatch(tuple(SetDecision(line.product, sheet.day, None, sheet.decisions[line.product])
                           for line in lines if line.product in sheet.decisions))
