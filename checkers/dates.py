"""Dates: how an answer's date is read, which dates are accepted, and how one is written."""

from __future__ import annotations

import datetime as dt
from typing import Any

from .errors import BadAnswer

# The dates a checker accepts. The bank-holiday calendar (checkers/bank_holidays.py) runs a
# year further, so that a deadline counted from any accepted date can be worked out.
FIRST_DATE = dt.date(2010, 1, 1)
LAST_DATE = dt.date(2035, 12, 31)

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


def parse_date(value: Any) -> dt.date:
    """An ISO date (YYYY-MM-DD) that exists and falls in the accepted range."""
    unreadable = BadAnswer(
        "must be a date written YYYY-MM-DD", "Enter a real date, for example 27 3 2015"
    )
    if not isinstance(value, str):
        raise unreadable
    parts = value.split("-")
    if (
        len(parts) != 3
        or [len(p) for p in parts] != [4, 2, 2]
        or not all(p.isascii() and p.isdigit() for p in parts)
    ):
        raise unreadable
    try:
        day = dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
    except ValueError:
        raise BadAnswer(
            f"{value} is not a real date", f"Enter a real date: {value} does not exist"
        ) from None
    if not FIRST_DATE <= day <= LAST_DATE:
        raise BadAnswer(
            f"{value} is outside the dates this site can count working days for "
            f"({FIRST_DATE.isoformat()} to {LAST_DATE.isoformat()})",
            f"Enter a date from {FIRST_DATE.year} to {LAST_DATE.year}: the bank-holiday "
            "calendar this site holds covers those years only",
        )
    return day


def long_date(day: dt.date) -> str:
    """'Monday 5 January 2015' — written out here, not by strftime, so that it reads the
    same in CPython and in Pyodide whatever the locale."""
    return f"{_DAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]} {day.year}"
