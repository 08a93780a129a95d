"""Serious-harm triage and the SCR decision against an independent statement of the rules."""

from __future__ import annotations

import pytest

from checkers import api
from checkers.model import InputError
from tests.answers import every_combination

ALL = every_combination("serious-harm")


def contradictory(a: dict) -> bool:
    return (a["death_in_custody"] and not a["child_died"]) or (
        a.get("child_recovered") is True and a["child_died"]
    )


VALID = [a for a in ALL if not contradictory(a)]
CONTRADICTIONS = [a for a in ALL if contradictory(a)]


def expected(a: dict) -> dict:
    # From regulation 5(2), the definition and paragraphs 6-8 as quoted, and the contract.
    abuse = a["abuse_or_neglect"] in ("known", "suspected")
    harmed = abuse and (a["life_threatening_injury"] or a["serious_or_long_term_impairment"])
    reg_5_2 = abuse and (a["child_died"] or (harmed and a["interagency_concerns"] != "no"))
    if reg_5_2 or a["death_in_custody"]:
        scr = "must"
    elif abuse:
        scr = "consider"
    else:
        scr = "not_indicated"
    return {
        "seriously_harmed": "yes" if harmed else "not_established",
        "scr": scr,
        "outcome": scr,
        "notifiable": abuse and (a["child_died"] or harmed),
        "reg_5_2": reg_5_2,
    }


def test_combinations():
    assert len(ALL) == 3 * 2 * 2 * 2 * 3 * 3 * 2
    assert VALID and CONTRADICTIONS


@pytest.mark.parametrize("answers", VALID, ids=lambda a: "-".join(map(str, a.values())))
def test_outcome(answers):
    result = api.assess("serious-harm", answers)
    want = expected(answers)
    for key in ("seriously_harmed", "scr", "outcome", "notifiable"):
        assert result[key] == want[key], key
    text = " ".join(r["text"] for r in result["reasons"])
    if result["scr"] == "must":
        assert "LSCB Chair" in " ".join(a["text"] for a in result["actions"])
    if result["scr"] == "consider":
        assert "may still decide to commission an SCR" in text
    if answers.get("child_recovered"):
        assert "does not mean that serious harm has not occurred" in text
    if result["seriously_harmed"] == "not_established" and not (
        answers["life_threatening_injury"] or answers["serious_or_long_term_impairment"]
    ):
        assert "not exhaustive" in text


@pytest.mark.parametrize("answers", VALID, ids=lambda a: "-".join(map(str, a.values())))
def test_regulation_5_2_always_makes_a_notifiable_incident(answers):
    """Whenever regulation 5(2) is met, notifiable is true and the other checker agrees."""
    result = api.assess("serious-harm", answers)
    if not expected(answers)["reg_5_2"]:
        return
    assert result["notifiable"] is True
    carried = result["notifiable_incident_answers"]
    for looked_after in (True, False):
        for regulated in (True, False):
            other = api.assess(
                "notifiable-incident",
                {
                    **carried,
                    "looked_after": looked_after,
                    "regulated_setting": regulated,
                },
            )
            assert other["notifiable"] is True


@pytest.mark.parametrize("answers", CONTRADICTIONS, ids=lambda a: "-".join(map(str, a.values())))
def test_contradictions_are_errors(answers):
    with pytest.raises(InputError) as caught:
        api.assess("serious-harm", answers)
    assert caught.value.problems[0].field in ("death_in_custody", "child_recovered")


def test_every_outcome_is_reachable():
    assert {api.assess("serious-harm", a)["scr"] for a in VALID} == {
        "must",
        "consider",
        "not_indicated",
    }
