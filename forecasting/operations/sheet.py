"""A day's order list as the owner decides on it: the plan's lines and the decisions stored for
them. The window and the command line both decide on an OrderSheet."""

from __future__ import annotations

import dataclasses
import datetime as dt

from forecasting.errors import UserError
from forecasting.policy.lines import OrderLine
from forecasting.policy.plan import OrderPlan
from forecasting.store.decisions import load_decisions
from forecasting.store.file import Shop
from forecasting.values.decisions import OrderDecision


@dataclasses.dataclass(frozen=True)
class SheetLine:
    """What a decision on one line rests on: the suggestion as shown (rounded to the line's
    decimals), and for goods that keep the stock the suggestion was topped up from."""

    product: str
    suggestion: float
    decimals: int
    unit: str
    status: str
    keeps: bool = False
    on_hand: float | None = None
    on_order: float | None = None
    delivery_day: dt.date | None = None  # goods that keep: when the order comes (then stock)

    @classmethod
    def of(cls, line: OrderLine) -> SheetLine:
        """The sheet line of a plan's order line."""
        return cls(product=line.product, suggestion=float(line.explanation.displayed_suggestion()),
                   decimals=line.decimals, unit=line.unit, status=line.status,
                   keeps=line.shelf_life_days > 1, on_hand=line.on_hand, on_order=line.on_order,
                   delivery_day=line.delivery_day if line.stocked else None)


@dataclasses.dataclass(frozen=True)
class OrderSheet:
    """The lines of `day` (in the plan's order) and the owner's decisions on them."""

    shop_name: str
    day: dt.date
    lines: tuple[SheetLine, ...]
    decisions: dict[str, OrderDecision]
    closed_reason: tuple[str, str] | None = None

    def find(self, product: str) -> SheetLine | None:
        """The line of `product`, or None."""
        return next((ln for ln in self.lines if ln.product == product), None)

    def line(self, product: str) -> SheetLine:
        """The line of `product` (UserError naming the lines there are)."""
        found = self.find(product)
        if found is None:
            raise UserError("cli.order.unknown_product", name=product, date=self.day,
                            names=", ".join(ln.product for ln in self.lines))
        return found

    def with_decisions(self, decisions: dict[str, OrderDecision]) -> OrderSheet:
        """The same lines with other decisions (after reading them again)."""
        return dataclasses.replace(self, decisions=dict(decisions))


def sheet_of(plan: OrderPlan, decisions: dict[str, OrderDecision]) -> OrderSheet:
    """The sheet of a plan with the given decisions."""
    lines = tuple(SheetLine.of(line) for group in plan.groups().values() for line in group)
    return OrderSheet(plan.shop_name, plan.day, lines, dict(decisions), plan.closed_reason)


def read_decisions(shop: Shop, day: dt.date) -> dict[str, OrderDecision]:
    """The decisions stored for `day`, by product."""
    return {d.product: d for d in load_decisions(shop, day)}


def read_sheet(shop: Shop, plan: OrderPlan) -> OrderSheet:
    """The sheet of `plan` with the decisions stored for its day."""
    return sheet_of(plan, read_decisions(shop, plan.day))
