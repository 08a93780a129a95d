"""The notifiable-incident checker against an independent statement of the criteria."""

from __future__ import annotations

import datetime as dt

import pytest

from checkers import api
from tests.answers import every_combination

CASES = every_combination("notifiable-incident")


def expected_criteria(a: dict) -> list[str]:
    # Written from the quoted criteria, not from the module's tables.
    abuse = a["abuse_or_neglect"] != "not_suspected"
    died = a["child_died"]
    out = []
    if died and abuse:
        out.append("death_abuse_neglect")
    if a["seriously_harmed"] and abuse:
        out.append("serious_harm_abuse_neglect")
    if died and a["looked_after"]:
        out.append("looked_after_death")
    if died and a["regulated_setting"]:
        out.append("regulated_setting_death")
    return out


def five_working_days(start: str) -> str:
    # Independent of checkers.working_days: the holidays package, asked directly.
    import holidays

    day = dt.date.fromisoformat(start)
    calendar = holidays.UK(subdiv="ENG", years=range(day.year, day.year + 2))
    left = 5
    while left:
        day += dt.timedelta(days=1)
        if day.weekday() < 5 and day not in calendar:
            left -= 1
    return day.isoformat()


def test_every_combination_is_covered():
    assert len(CASES) == 2 * 2 * 3 * 2 * 2 * 4


@pytest.mark.parametrize("answers", CASES, ids=lambda a: "-".join(map(str, a.values())))
def test_outcome_criteria_and_deadline(answers):
    result = api.assess("notifiable-incident", answers)
    criteria = expected_criteria(answers)
    assert result["criteria_met"] == criteria
    assert result["notifiable"] is bool(criteria)
    assert result["outcome"] == ("notifiable" if criteria else "not_notifiable")
    if criteria and "aware_on" in answers:
        assert result["notify_by"] == five_working_days(answers["aware_on"])
        assert any(a["due"] == result["notify_by"] for a in result["actions"])
    else:
        assert result["notify_by"] is None
    assert result["summary"] and result["reasons"]
    for item in result["reasons"] + result["actions"]:
        assert item["cite"].startswith(("notifiable-incidents/#", "serious-harm/#"))


def test_christmas_deadline_in_words():
    result = api.assess(
        "notifiable-incident",
        {
            "child_died": True,
            "seriously_harmed": False,
            "abuse_or_neglect": "suspected",
            "looked_after": False,
            "regulated_setting": False,
            "aware_on": "2015-12-23",
        },
    )
    assert result["notify_by"] == "2016-01-04"
    assert "Monday 4 January 2016" in result["summary"]


def test_every_outcome_and_criterion_is_reachable():
    results = [api.assess("notifiable-incident", a) for a in CASES]
    assert {r["outcome"] for r in results} == {"notifiable", "not_notifiable"}
    assert {c for r in results for c in r["criteria_met"]} == {
        "death_abuse_neglect",
        "serious_harm_abuse_neglect",
        "looked_after_death",
        "regulated_setting_death",
    }
