"""Working days in England and Wales.

A working day is any day but a Saturday, a Sunday or a bank holiday of England and Wales.
"Within N working days of X" counts the working days after the day of X: one working day
after a report made on a Friday is the next Monday (when that is not a bank holiday).
"""

from __future__ import annotations

import datetime as dt

from .bank_holidays import BANK_HOLIDAYS, FIRST_YEAR, LAST_YEAR


class OutsideCalendar(ValueError):
    """The date falls outside the years the bank-holiday table covers."""


def covered(day: dt.date) -> bool:
    return FIRST_YEAR <= day.year <= LAST_YEAR


def is_working_day(day: dt.date) -> bool:
    if not covered(day):
        raise OutsideCalendar(calendar_range_message())
    return day.weekday() < 5 and day.isoformat() not in BANK_HOLIDAYS


def add_working_days(start: dt.date, count: int) -> dt.date:
    """The date `count` working days after `start` (the day of `start` itself is not counted)."""
    if count < 1:
        raise ValueError("count must be at least 1")
    day = start
    if not covered(day):
        raise OutsideCalendar(calendar_range_message())
    while count:
        day += dt.timedelta(days=1)
        if is_working_day(day):
            count -= 1
    return day


def calendar_range_message() -> str:
    return (
        f"is outside the bank-holiday calendar this site holds "
        f"({FIRST_YEAR}-01-01 to {LAST_YEAR}-12-31), so no deadline can be worked out"
    )
