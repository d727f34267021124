"""Owner decisions for past days of a demo shop, so the Rückblick has something to show.

Demo shops are written without decisions. This adds them through the real
`forecasting.decisions.save_decision`, for days that have sales. The "suggestion" here is NOT the
forecasting core's (that would need one training per day): it is a simple stand-in, the mean sales
of the same weekday in the four weeks before, rounded up to whole packs. The owner's final quantity
is what the demo shop really made that day (`sales.produced`), so sales and sell-outs fit the
decision; where the two differ the line is an override with a reason, else it is accepted.
"""

from __future__ import annotations

import datetime as dt
import math

from forecasting.store.decisions import save_decision
from forecasting.store.file import Shop
from forecasting.store.products import load_products
from forecasting.store.sales import read_sales
from forecasting.values.decisions import REASON_CODES, OrderDecision

_NOTES = {"other": "Kundenbestellung", "event": "Markt in der Altstadt"}


def add_demo_decisions(shop: Shop, start: dt.date, end: dt.date,
                       products: list[str] | None = None) -> int:
    """Save a decision for each product-day with sales in [start, end]; returns how many."""
    packs = {p.name: max(p.pack_size, 1.0) for p in load_products(shop)}
    sales = read_sales(shop, start - dt.timedelta(weeks=4), end)
    by_day = {(r["product"], r["date"].date()): r for r in sales.to_dict("records")}
    count = 0
    for (product, day), rec in sorted(by_day.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        if day < start or (products is not None and product not in products):
            continue
        earlier = [by_day[(product, day - dt.timedelta(weeks=k))]["quantity"]
                   for k in range(1, 5) if (product, day - dt.timedelta(weeks=k)) in by_day]
        produced = rec["produced"]
        if not earlier or produced is None or math.isnan(produced):
            continue
        pack = packs.get(product, 1.0)
        suggested = math.ceil(sum(earlier) / len(earlier) / pack) * pack
        final = float(produced)
        code, note = None, ""
        if abs(final - suggested) > 1e-9:
            code = REASON_CODES[(day.toordinal() + len(product)) % len(REASON_CODES)]
            note = _NOTES.get(code, "")
        save_decision(shop, OrderDecision(
            product=product, date=day, suggested=float(suggested), final=final,
            reason_code=code, reason_text=note, decided_by="demo",
            decided_at=dt.datetime.combine(day - dt.timedelta(days=1), dt.time(18, 0))))
        count += 1
    return count
