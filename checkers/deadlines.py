"""Deadlines in working days, and dates written the way a reader says them."""

from __future__ import annotations

import datetime as dt

from .bank_holidays import FIRST_YEAR, LAST_YEAR
from .model import InputError
from .working_days import OutsideCalendar, add_working_days

_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def deadline(start: dt.date | None, working_days: int, field: str) -> dt.date | None:
    """`working_days` working days after `start`; None when no start date was given."""
    if start is None:
        return None
    try:
        return add_working_days(start, working_days)
    except OutsideCalendar as exc:
        raise InputError.one(
            field,
            f"{start.isoformat()} {exc}",
            f"Enter a date from {FIRST_YEAR} to {LAST_YEAR}: the bank-holiday calendar this site "
            "holds covers those years only, so no deadline can be worked out for this date",
        ) from None


def long_date(day: dt.date) -> str:
    """'Monday 5 January 2015' — written out here, not by strftime, so that it reads the
    same in CPython and in Pyodide whatever the locale."""
    return f"{_DAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]} {day.year}"
