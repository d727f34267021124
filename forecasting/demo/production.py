"""How the demo shops decide what to bake or order, and what that does to their recorded sales.

Sales are censored: sales = min(demand, available). The bakery bakes "like last week plus a bit";
the deli keeps stock with first-in-first-out spoilage and orders up to a rule-of-thumb level.
"""

from __future__ import annotations

import collections
import dataclasses
import datetime as dt

import numpy as np

from forecasting.demo.world import World

BAKERY_MARGIN = 1.15  # "like last week plus 15 %"
SOLD_OUT_BUMP = 1.15  # ... and a little more if it sold out last week
DELI_SAFETY = 1.2  # order up to 120 % of the expected demand until the next delivery
DELI_MEMORY = 14  # open days of sales the owner looks back on
INTRADAY_SHAPE = {"bakery": 0.75, "deli": 0.95}  # share of a day's demand by time x: x ** shape


@dataclasses.dataclass
class Outcome:
    """What happened per day and product (days x products); NaN/False where nothing was on sale."""

    sales: np.ndarray
    produced: np.ndarray
    leftover: np.ndarray
    sold_out: np.ndarray
    served: np.ndarray
    on_hand: np.ndarray | None = None
    on_order: np.ndarray | None = None


def _round_up(quantity: np.ndarray, pack: np.ndarray, minimum: np.ndarray) -> np.ndarray:
    packs = np.ceil(np.maximum(quantity, 0) / pack - 1e-9) * pack
    return np.maximum(packs, minimum)


def bake(world: World, demand: np.ndarray) -> Outcome:
    """Bakery: same weekday last week's sales + 15 %, nudged for known days, rounded up to trays."""
    n, m = demand.shape
    selling = world.facts.open[:, None] & world.on_sale
    known = world.known_log()
    guess = np.exp(world.log_mean(exclude=("temperature", "rain", "layoffs", "construction")))
    tray = np.array([p.product.pack_size for p in world.products])
    minimum = np.array([p.product.min_order for p in world.products])
    sales = np.full((n, m), np.nan)
    produced = np.full((n, m), np.nan)
    sold_out = np.zeros((n, m), dtype=bool)
    for t in range(n):
        active = selling[t]
        if not active.any():
            continue
        plan = guess[t] * BAKERY_MARGIN
        found = np.zeros(m, dtype=bool)
        for lag in (7, 14, 21):
            r = t - lag
            if r < 0:
                break
            usable = active & ~found & ~np.isnan(sales[r])
            ref = sales[r] * np.where(sold_out[r], SOLD_OUT_BUMP, 1.0)
            ratio = np.exp(known[t] - known[r])
            plan = np.where(usable, ref * BAKERY_MARGIN * ratio, plan)
            found |= usable
        made = _round_up(plan, tray, minimum)
        produced[t] = np.where(active, made, np.nan)
        sales[t] = np.where(active, np.minimum(demand[t], made), np.nan)
        sold_out[t] = active & (demand[t] > made)
    leftover = produced - sales
    served = np.where(demand > 0, sales / np.maximum(demand, 1), 1.0)
    return Outcome(sales, produced, leftover, sold_out, served)


def _next_open(open_: np.ndarray, t: int) -> int:
    j = t + 1
    while j < len(open_) and not open_[j]:
        j += 1
    return j


def _extend_weekly(values: np.ndarray, extra: int) -> np.ndarray:
    """Append `extra` rows that repeat the row of the same weekday one week earlier."""
    out = np.concatenate([values, np.zeros((extra, *values.shape[1:]), dtype=values.dtype)])
    for k in range(len(values), len(out)):
        out[k] = out[k - 7]
    return out


def stock_and_order(world: World, demand: np.ndarray) -> Outcome:
    """Deli: FIFO stock with spoilage; order up to 120 % of expected demand until the next delivery.

    Orders go out `lead_time_days` before a delivery weekday (deliveries only on open days).
    Expected demand = recent sales per open day, scaled by the weekday and the known days.
    Outstanding orders at the end (arriving on or after the end date) are reported as on_order.
    """
    n, m = demand.shape
    extra = 14
    open_ = _extend_weekly(world.facts.open, extra)
    for k in range(n, n + extra):
        if world.start + dt.timedelta(days=k) in world.facts.public_holidays:
            open_[k] = False
    weekday = (world.start.weekday() + np.arange(n + extra)) % 7
    profile = _extend_weekly(np.exp(world.effects["weekday"] + world.known_log()), extra)
    guess = _extend_weekly(
        np.exp(world.log_mean(exclude=("temperature", "rain", "layoffs", "construction"))), extra
    )
    on_sale = _extend_weekly(world.on_sale, extra)
    on_sale[n:] = world.on_sale[-1]
    sales = np.full((n, m), np.nan)
    produced = np.full((n, m), np.nan)
    leftover = np.full((n, m), np.nan)
    sold_out = np.zeros((n, m), dtype=bool)
    on_hand_end = np.zeros(m)
    on_order_end = np.zeros(m)
    for j, item in enumerate(world.products):
        p = item.product
        selling = open_ & on_sale[:, j]
        deliver = np.isin(weekday, p.delivery_weekdays) & selling
        delivery_days = np.flatnonzero(deliver)
        lead = max(p.lead_time_days, 1)
        batches: collections.deque[list[float]] = collections.deque()  # [qty, last day to sell]
        pipeline: dict[int, float] = {}
        recent: collections.deque[float] = collections.deque(maxlen=DELI_MEMORY)
        # the owner's usual idea of demand, and (for products already sold when the data starts)
        # the stock the shop had on the first day
        usual = guess[:, j] / np.maximum(profile[:, j], 1e-6)
        recent.extend(usual[selling][:DELI_MEMORY])
        if on_sale[0, j] and len(delivery_days):
            first = int(delivery_days[0])
            stock = guess[:first, j][selling[:first]].sum() * DELI_SAFETY
            batches.append([float(np.ceil(stock)), p.shelf_life_days - 1])
        for t in range(n):
            if t in pipeline:
                qty = pipeline.pop(t)
                batches.append([qty, t + p.shelf_life_days - 1])
                produced[t, j] = qty
            if selling[t]:
                if np.isnan(produced[t, j]):
                    produced[t, j] = 0.0
                available = sum(b[0] for b in batches)
                sold = min(demand[t, j], available)
                sales[t, j] = sold
                sold_out[t, j] = demand[t, j] > available
                rest = sold
                while rest > 0 and batches:
                    take = min(rest, batches[0][0])
                    batches[0][0] -= take
                    rest -= take
                    if batches[0][0] <= 0:
                        batches.popleft()
                nxt = _next_open(open_, t)
                leftover[t, j] = sum(b[0] for b in batches if b[1] < nxt)
                batches = collections.deque(b for b in batches if b[1] >= nxt)
                bump = 1.15 if sold_out[t, j] else 1.0
                recent.append(sold * bump / max(profile[t, j], 1e-6))
            d = t + lead
            if d >= n + extra or not deliver[d]:
                continue
            later = delivery_days[delivery_days > d]
            until = int(later[0]) if len(later) else min(d + 7, n + extra)
            window = slice(t + 1, until)
            if recent:
                expected = float(np.mean(recent)) * profile[window, j][selling[window]].sum()
            else:
                expected = guess[window, j][selling[window]].sum()
            position = sum(b[0] for b in batches) + sum(pipeline.values())
            need = expected * DELI_SAFETY - position
            if need > 0:
                qty = float(_round_up(np.array([need]), np.array([p.pack_size]),
                                      np.array([p.min_order]))[0])
                pipeline[d] = pipeline.get(d, 0.0) + qty
        on_hand_end[j] = sum(b[0] for b in batches)
        on_order_end[j] = sum(pipeline.values())
    served = np.where(demand > 0, np.nan_to_num(sales) / np.maximum(demand, 1), 1.0)
    return Outcome(sales, produced, leftover, sold_out, served, on_hand_end, on_order_end)


def _minutes(text: str) -> int:
    hours, minutes = text.split(":")
    return int(hours) * 60 + int(minutes)


def sold_out_time(
    fraction: float, hours: str, shape: float
) -> str:
    """"HH:MM" when `fraction` of the day's demand had been served (demand ~ x ** shape in time)."""
    opens, closes = (_minutes(h) for h in hours.split("-"))
    at = opens + (closes - opens) * min(max(fraction, 0.0), 0.99) ** (1.0 / shape)
    at = int(at // 5 * 5)
    return f"{at // 60:02d}:{at % 60:02d}"


def day_hours(world: World, day: dt.date) -> str:
    """Opening hours on `day` (short on 24 and 31 December unless it is the bakery's Sunday)."""
    regular = world.spec.hours[day.weekday()]
    if (day.month, day.day) in ((12, 24), (12, 31)) and day.weekday() != 6:
        return world.spec.short_hours
    return regular
