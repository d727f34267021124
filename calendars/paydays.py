"""When money reaches customers' accounts: salaries, pensions, Bürgergeld, Kindergeld.

All payments land on banking days (public_holidays.is_banking_day: Mon-Fri without nationwide
public holidays and without 24/31 December). Rules (docs/calendars.md):
- salary "last": last banking day of the month; 1 or 15: that day, or the banking day before it;
- pensions: last banking day of the month (both old "in advance" and new "at month end" pensions
  reach the account then);
- Bürgergeld: paid in advance for the next month, on the last banking day of the month;
- Kindergeld: spread by the last digit of the Kindergeld number, digit d on banking day
  (first + d) of the month (the Familienkasse publishes the exact days each year).
"""

from __future__ import annotations

import datetime as dt

import numpy as np

from calendars.days import as_date, day_range
from calendars.labels import Label, words
from calendars.options import PaydayRules
from calendars.parts import Part
from calendars.public_holidays import is_banking_day

GROUP = "payday"
PAD = 40  # days looked at before the range, so "days since payday" is known on day one


def payday_dates(start: dt.date, end: dt.date, rules: PaydayRules) -> dict[str, set[dt.date]]:
    """Pay dates per kind ("salary", "pension", "buergergeld", "kindergeld") within start..end."""
    days = day_range(start - dt.timedelta(PAD), end + dt.timedelta(PAD))
    marks = _marks(days, rules)
    lo, hi = np.datetime64(start, "D"), np.datetime64(end, "D")
    inside = (days >= lo) & (days <= hi)
    return {kind: {as_date(d) for d in days[mask & inside]} for kind, mask in marks.items()}


def _marks(days: np.ndarray, rules: PaydayRules) -> dict[str, np.ndarray]:
    banking = is_banking_day(days)
    bank_days = days[banking]
    months = days.astype("datetime64[M]")
    month_ids = np.unique(months)
    month_starts = month_ids.astype("datetime64[D]")
    month_ends = (month_ids + 1).astype("datetime64[D]") - 1

    def on_or_before(targets: np.ndarray) -> np.ndarray:
        pos = np.searchsorted(bank_days, targets, side="right") - 1
        ok = pos >= 0
        return bank_days[pos[ok]]

    last_banking = on_or_before(month_ends)
    salary = np.zeros(len(days), dtype=bool)
    for rule in rules.salary_days:
        targets = month_ends if rule == "last" else month_starts + (int(rule) - 1)
        salary |= np.isin(days, on_or_before(targets))
    marks = {"salary": salary}
    if rules.pensions:
        marks["pension"] = np.isin(days, last_banking)
    if rules.buergergeld:
        marks["buergergeld"] = np.isin(days, last_banking)
    if rules.kindergeld:
        # n-th banking day of each month (1-based) for every banking day
        bank_months = bank_days.astype("datetime64[M]")
        first_of_month = np.r_[True, bank_months[1:] != bank_months[:-1]]
        group_start = np.maximum.accumulate(np.where(first_of_month, np.arange(len(bank_days)), 0))
        nth = np.arange(len(bank_days)) - group_start + 1
        digit = nth - rules.kindergeld_first_banking_day
        paying = bank_days[(digit >= 0) & (digit <= 9)]
        marks["kindergeld"] = np.isin(days, paying)
    return marks


def payday_part(days: np.ndarray, rules: PaydayRules) -> Part:
    """Payday columns for `days` (datetime64[D], consecutive)."""
    ext = day_range(as_date(days[0]) - dt.timedelta(PAD), as_date(days[-1]) + dt.timedelta(PAD))
    marks = _marks(ext, rules)
    zero = np.zeros(len(ext), dtype=bool)
    salary = marks["salary"]
    pension = marks.get("pension", zero)
    buergergeld = marks.get("buergergeld", zero)
    kindergeld = marks.get("kindergeld", zero)
    any_pay = salary | pension | buergergeld
    idx = np.arange(len(ext))
    last_pay = np.maximum.accumulate(np.where(any_pay, idx, -1))
    since = np.where(last_pay >= 0, idx - last_pay, PAD)

    inner = slice(PAD, PAD + len(days))
    part = Part()
    part.add("payday", any_pay[inner].astype(np.int8), Label(*words("payday"), GROUP))
    part.add("payday_salary", salary[inner].astype(np.int8),
             Label(*words("salary payday"), GROUP))
    part.add("payday_pension", pension[inner].astype(np.int8),
             Label(*words("pension payday"), GROUP))
    part.add("payday_buergergeld", buergergeld[inner].astype(np.int8),
             Label(*words("Bürgergeld payday"), GROUP))
    part.add("payday_kindergeld", (kindergeld[inner] * 0.1).astype(float),
             Label(*words("child benefit paid (share)"), GROUP))
    part.add("days_since_payday", since[inner].astype(np.int16),
             Label(*words("days since payday"), GROUP))
    part.add("payday_week", (since[inner] < 7).astype(np.int8),
             Label(*words("week after payday"), GROUP))
    part.note(salary[inner], *words("salary payday"))
    part.note(pension[inner], *words("pension payday"))
    part.note(buergergeld[inner], *words("Bürgergeld payday"))
    return part
