"""Working days in England and Wales."""

from __future__ import annotations

import datetime as dt

import holidays
import pytest

from build_scripts.dev import update_bank_holidays as bank_holidays
from checkers.bank_holidays import BANK_HOLIDAYS, FIRST_YEAR, LAST_YEAR
from checkers.working_days import OutsideCalendar, add_working_days, is_working_day

D = dt.date.fromisoformat


@pytest.mark.parametrize(
    ("start", "days", "expected"),
    [
        ("2015-03-02", 1, "2015-03-03"),  # Monday -> Tuesday
        ("2015-03-06", 1, "2015-03-09"),  # Friday -> Monday
        ("2015-03-07", 1, "2015-03-09"),  # Saturday -> Monday
        ("2015-03-08", 1, "2015-03-09"),  # Sunday -> Monday
        ("2015-03-02", 5, "2015-03-09"),  # a plain week
        ("2015-04-02", 1, "2015-04-07"),  # Good Friday and Easter Monday 2015
        ("2015-04-02", 5, "2015-04-13"),
        ("2015-12-24", 1, "2015-12-29"),  # Christmas on Friday, Boxing Day observed Monday 28
        ("2015-12-23", 5, "2016-01-04"),  # ...and New Year's Day on a Friday
        ("2016-12-23", 1, "2016-12-28"),  # Christmas on Sunday: substitute days 26 and 27
        ("2021-12-24", 1, "2021-12-29"),  # Christmas and Boxing Day at a weekend: 27 and 28
        ("2022-09-16", 1, "2022-09-20"),  # one-off: state funeral, Monday 19 September 2022
        ("2022-06-01", 1, "2022-06-06"),  # one-off: Platinum Jubilee, 2 and 3 June 2022
        ("2023-05-05", 1, "2023-05-09"),  # one-off: coronation, Monday 8 May 2023
        ("2020-05-07", 1, "2020-05-11"),  # early May bank holiday moved to Friday 8 May 2020
    ],
)
def test_add_working_days(start, days, expected):
    assert add_working_days(D(start), days) == D(expected)


def test_weekends_are_not_working_days():
    assert not is_working_day(D("2015-03-07"))
    assert not is_working_day(D("2015-03-08"))
    assert is_working_day(D("2015-03-09"))


def test_dates_outside_the_calendar_are_an_error():
    with pytest.raises(OutsideCalendar):
        add_working_days(D(f"{FIRST_YEAR - 1}-06-01"), 1)
    with pytest.raises(OutsideCalendar):
        add_working_days(D(f"{LAST_YEAR}-12-31"), 1)


def test_committed_table_matches_the_holidays_package():
    """The browser's table is generated from `holidays`, never written by hand."""
    from pathlib import Path

    committed = (Path(__file__).parent.parent / "checkers" / "bank_holidays.py").read_text()
    assert committed == bank_holidays.render(), "run: make bank-holidays"
    calendar = holidays.UK(subdiv="ENG", years=range(FIRST_YEAR, LAST_YEAR + 1))
    assert set(BANK_HOLIDAYS) == {d.isoformat() for d in calendar}
