"""The allegations checker: the three limbs, the one-working-day deadline and the DBS duty."""

from __future__ import annotations

import datetime as dt

import pytest

from checkers.dates import long_date
from tests import oracle
from tests.answers import SAMPLE_DATES, assessed, every_combination

CASES = every_combination("allegations")
LIMBS = ("harmed_or_may_have_harmed", "possible_criminal_offence", "risk_of_harm")


def allegation(a: dict) -> str:
    # "An allegation may relate to a person who works with children who has: [the three]"
    return "allegation" if any(a[limb] for limb in LIMBS) else "not_allegation"


def test_every_combination_is_covered():
    assert len(CASES) == 3 * 3 * 3 * 3 * len(SAMPLE_DATES)


@pytest.mark.parametrize("answers", CASES, ids=lambda a: "-".join(map(str, a.values())))
def test_outcome(answers):
    result = assessed("allegations", answers)
    unsure = [limb for limb in LIMBS if answers[limb] is None]
    want, deciding = oracle.verdict(answers, unsure, allegation)
    assert result["outcome"] == want
    assert result["is_allegation"] == {"allegation": True, "not_allegation": False}.get(want)
    assert result["depends_on"] == deciding
    # "…the organisation must make a referral to the Disclosure and Barring Service"
    assert result["dbs_referral_required"] is answers["removed_due_to_risk"]
    actions = " ".join(a["text"] for a in result["actions"])
    reasons = " ".join(r["text"] for r in result["reasons"])
    if answers["removed_due_to_risk"]:
        assert "Disclosure and Barring Service" in actions
        assert "offence" in actions
    if answers["removed_due_to_risk"] is None:
        assert "Whether a referral to the Disclosure and Barring Service is required" in reasons
    if want == "allegation":
        assert "senior manager" in actions
        assert "immediately" in actions
        assert "should be informed" in actions
    if want == "not_allegation":
        # "may relate to": a no to all three is not a verdict that nothing is wrong.
        assert "not a finding that nothing is wrong" in reasons
        assert result["inform_social_care_by"] is None
    if "reported_on" not in answers:
        assert result["inform_social_care_by"] is None
    for item in result["reasons"] + result["actions"]:
        if item["source"] == "this-site":
            # The site's own advice, never the guidance's: finding out and checking again.
            assert "check again" in item["text"], item
        elif "/#s11-para-" in item["cite"] or item["cite"].endswith("#allegation-limbs"):
            assert item["source"] == "draft-2015"
    if want == "allegation":
        # The headline names every duty, in the active voice, each with when.
        assert "report it to a senior manager immediately" in result["summary"]
        due = result["inform_social_care_by"]
        when = f"by {long_date(dt.date.fromisoformat(due))}" if due else "within one working day"
        assert f"tell children’s social care {when}" in result["summary"]
        dbs = "the organisation must refer the person to the DBS"
        assert (dbs in result["summary"]) == (answers["removed_due_to_risk"] is True)
    if want == "undetermined":
        inform = next(a for a in result["actions"] if "social care" in a["text"])
        assert inform["text"].startswith("If this is an allegation, ")
    assert "own policies" not in reasons + actions
    assert "passes the allegation" not in actions


@pytest.mark.parametrize(
    ("reported_on", "inform_by"),
    [
        ("2015-03-02", "2015-03-03"),  # Monday
        ("2015-03-06", "2015-03-09"),  # Friday -> Monday
        ("2015-03-07", "2015-03-09"),  # Saturday -> Monday
        ("2015-04-02", "2015-04-07"),  # Thursday before Easter -> Tuesday after
        ("2015-12-24", "2015-12-29"),  # Christmas Eve 2015 -> Tuesday 29
        ("2016-12-23", "2016-12-28"),  # substitute days for Christmas on a Sunday
        ("2022-09-16", "2022-09-20"),  # the state funeral, 19 September 2022
        ("2023-05-05", "2023-05-09"),  # the coronation bank holiday, 8 May 2023
    ],
)
def test_one_working_day(reported_on, inform_by):
    result = assessed(
        "allegations",
        {
            "harmed_or_may_have_harmed": True,
            "possible_criminal_offence": False,
            "risk_of_harm": False,
            "removed_due_to_risk": False,
            "reported_on": reported_on,
        },
    )
    assert result["inform_social_care_by"] == inform_by
    assert [a["due"] for a in result["actions"] if a["due"]] == [inform_by]
