"""The notifiable-incident checker against a decision table written from the criteria."""

from __future__ import annotations

import datetime as dt

import pytest

from checkers import CHECKERS
from tests import oracle
from tests.answers import SAMPLE_DATES, assessed, every_combination

CASES = every_combination("notifiable-incident")
UNSURE_ALLOWED = [
    "child_died",
    "seriously_harmed",
    "abuse_or_neglect",
    "looked_after",
    "regulated_setting",
]
VALUES = {"abuse_or_neglect": ("known", "suspected", "not_suspected")}


def unsure(a: dict) -> list[str]:
    """The unsure answers that are asked: "seriously harmed" is not once the child has died."""
    return [
        f
        for f in UNSURE_ALLOWED
        if a[f] is None and not (f == "seriously_harmed" and a["child_died"] is True)
    ]


def abuse(a: dict) -> bool:
    return a["abuse_or_neglect"] != "not_suspected"


# Each criterion with the sentence it is written from (Working Together 2015, final wording).
CRITERIA = [
    (
        "A child has died (including cases of suspected suicide), and abuse or neglect is "
        "known or suspected.",
        lambda a: a["child_died"] and abuse(a),
        "death_abuse_neglect",
    ),
    (
        "A child has been seriously harmed, and abuse or neglect is known or suspected.",
        lambda a: a["seriously_harmed"] and abuse(a),
        "serious_harm_abuse_neglect",
    ),
    (
        "A looked-after child has died (including cases where abuse or neglect is not known or "
        "suspected).",
        lambda a: a["child_died"] and a["looked_after"],
        "looked_after_death",
    ),
    (
        "A child in a regulated setting or service has died (including cases where abuse or "
        "neglect is not known or suspected).",
        lambda a: a["child_died"] and a["regulated_setting"],
        "regulated_setting_death",
    ),
]


def criteria(a: dict) -> list[str]:
    return [name for _source, test, name in CRITERIA if test(a)]


def outcome(a: dict) -> str:
    # "…an incident involving the care of a child which meets any of the following criteria"
    return "notifiable" if criteria(a) else "not_notifiable"


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
    assert len(CASES) == 3 * 3 * 4 * 3 * 3 * len(SAMPLE_DATES)


@pytest.mark.parametrize("answers", CASES, ids=lambda a: "-".join(map(str, a.values())))
def test_outcome_criteria_and_deadline(answers):
    result = assessed("notifiable-incident", answers)
    open_ = unsure(answers)
    want, deciding = oracle.verdict(answers, open_, outcome, values=VALUES)
    assert result["outcome"] == want
    assert result["notifiable"] == {"notifiable": True, "not_notifiable": False}.get(want)
    assert result["depends_on"] == deciding
    # criteria_met: the criteria met however the unsure answers go (not the second once the
    # child has died: it is not asked then).
    always = [
        name
        for _s, _t, name in CRITERIA
        if oracle.outcomes(answers, open_, lambda a, n=name: n in criteria(a), values=VALUES)
        == {True}
        and not (name == "serious_harm_abuse_neglect" and answers["child_died"] is True)
    ]
    assert result["criteria_met"] == always
    if want != "not_notifiable" and "aware_on" in answers:
        assert result["notify_by"] == five_working_days(answers["aware_on"])
        assert any(a["due"] == result["notify_by"] for a in result["actions"])
    else:
        assert result["notify_by"] is None
    if want != "not_notifiable":
        # The five working days rest on the January 2015 proposed text, and say so.
        report = next(a for a in result["actions"] if "five working days" in a["text"] or a["due"])
        assert report["source"] == "draft-2015"
        assert "should report" in report["text"]
    assert result["summary"] and result["reasons"]
    assert result["status"]["cite"] == "#status"


def test_christmas_deadline_in_words():
    result = assessed(
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
    assert "must" not in result["summary"]


def test_an_unsure_answer_that_cannot_matter():
    # A child who died with abuse suspected: serious harm cannot change anything.
    result = assessed(
        "notifiable-incident",
        {
            "child_died": True,
            "seriously_harmed": None,
            "abuse_or_neglect": "suspected",
            "looked_after": None,
            "regulated_setting": None,
        },
    )
    assert result["outcome"] == "notifiable"
    assert result["depends_on"] == []
    assert "same whatever the answer" in " ".join(r["text"] for r in result["reasons"])


def test_an_unsure_answer_that_decides():
    result = assessed(
        "notifiable-incident",
        {
            "child_died": True,
            "seriously_harmed": False,
            "abuse_or_neglect": "not_suspected",
            "looked_after": None,
            "regulated_setting": False,
            "aware_on": "2016-05-27",
        },
    )
    assert result["outcome"] == "undetermined"
    assert result["notifiable"] is None
    assert result["depends_on"] == ["looked_after"]
    text = " ".join(r["text"] for r in result["reasons"])
    assert "if yes, it is a notifiable incident; if no, it is not a notifiable incident" in text
    # The clock runs from awareness: the date is still given.
    assert any(a["due"] == "2016-06-06" for a in result["actions"])


def test_a_missing_answer_is_still_an_error():
    from checkers.model import InputError

    with pytest.raises(InputError) as caught:
        assessed("notifiable-incident", {"child_died": False, "abuse_or_neglect": "known"})
    assert caught.value.problems[0].field == "seriously_harmed"


def test_once_the_child_has_died_seriously_harmed_is_not_asked():
    answers = {
        "child_died": True,
        "abuse_or_neglect": "known",
        "looked_after": False,
        "regulated_setting": False,
    }
    result = assessed("notifiable-incident", answers)
    assert result["outcome"] == "notifiable"
    assert result["criteria_met"] == ["death_abuse_neglect"]
    schema = CHECKERS["notifiable-incident"].question("seriously_harmed").schema()
    assert schema["asked_if"] == {"field": "child_died", "value": False}


def test_every_outcome_and_criterion_is_reachable():
    results = [assessed("notifiable-incident", a) for a in CASES]
    assert {r["outcome"] for r in results} == {"notifiable", "not_notifiable", "undetermined"}
    assert {c for r in results for c in r["criteria_met"]} == {n for _s, _t, n in CRITERIA}


# A death with abuse known: notifiable whether or not the child was also seriously harmed.
NOTIFIABLE_WHATEVER_HARM = {
    "child_died": True,
    "seriously_harmed": None,
    "abuse_or_neglect": "known",
    "looked_after": False,
    "regulated_setting": False,
}


@pytest.mark.parametrize(
    ("aware_on", "warned"),
    [
        ("2015-03-25", "before 26 March 2015"),
        ("2015-03-26", None),
        ("2018-07-03", None),
        ("2018-07-04", "on or after 4 July 2018"),
    ],
)
def test_period_warnings_at_both_edges(aware_on, warned):
    result = assessed(
        "notifiable-incident",
        NOTIFIABLE_WHATEVER_HARM | {"aware_on": aware_on},
    )
    assert result["notify_by"]  # still computed
    if warned:
        assert len(result["warnings"]) == 1
        assert warned in result["warnings"][0]["text"]
        assert result["warnings"][0]["cite"] == "#status"
    else:
        assert result["warnings"] == []


def test_the_last_accepted_date_gets_a_deadline_in_the_next_year():
    result = assessed(
        "notifiable-incident",
        NOTIFIABLE_WHATEVER_HARM | {"aware_on": "2035-12-28"},
    )
    assert result["notify_by"] == five_working_days("2035-12-28")
    assert result["notify_by"].startswith("2036-01")


def test_the_reason_when_nothing_is_met_says_only_what_holds():
    base = {"child_died": False, "seriously_harmed": False, "looked_after": False,
            "regulated_setting": False}  # fmt: skip
    for abuse in ("known", "suspected", "not_suspected"):
        result = assessed("notifiable-incident", {**base, "abuse_or_neglect": abuse})
        if abuse == "not_suspected" or result["outcome"] == "not_notifiable":
            texts = [r["text"] for r in result["reasons"]]
            assert "None of the four criteria is met on these answers." in texts, abuse
            assert not any("has been seriously harmed" in t for t in texts), abuse
