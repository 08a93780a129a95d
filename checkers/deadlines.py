"""Deadlines in working days, and the clause that states one."""

from __future__ import annotations

import datetime as dt

from .bank_holidays import LAST_YEAR as CALENDAR_LAST_YEAR
from .dates import LAST_DATE, long_date
from .working_days import add_working_days

# Every accepted date's deadline must fall inside the calendar.
assert LAST_DATE.year < CALENDAR_LAST_YEAR, "extend build_scripts/dev/update_bank_holidays.py"

_NUMBERS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def working_days_phrase(count: int) -> str:
    """'five working days', 'one working day'."""
    return f"{_NUMBERS[count]} working day{'s' if count != 1 else ''}"


def deadline(start: dt.date | None, count: int) -> dt.date | None:
    """`count` working days after `start`; None when no start date was given."""
    return None if start is None else add_working_days(start, count)


def within(
    count: int, start: dt.date | None, since: str, date_asked: bool = True
) -> tuple[dt.date | None, str]:
    """The deadline and the clause that states it: "by Monday 4 January 2016 at the latest:
    five working days after …", or, with no start date, (None, "within five working days of
    {since}"), with "(give the date to see the day)" where the check asks for the date."""
    due = deadline(start, count)
    if due is None or start is None:
        hint = " (give the date to see the day)" if date_asked else ""
        return None, f"within {working_days_phrase(count)} of {since}{hint}"
    return due, (
        f"by {long_date(due)} at the latest: {working_days_phrase(count)} after "
        f"{long_date(start)}, not counting weekends or bank holidays in England and Wales"
    )
