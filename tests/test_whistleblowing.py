"""The whistleblowing checklist: every yes/no combination, "Not sure", and no credit for items
about a policy that does not exist."""

from __future__ import annotations

import itertools

import pytest

from checkers import CHECKERS
from checkers.model import InputError
from checkers.whistleblowing import ITEMS
from tests import oracle
from tests.answers import assessed, every_combination

IDS = [i.id for i in ITEMS]
GUIDANCE = [
    "policy_in_place",
    "procedures_clear",
    "in_training",
    "staff_aware",
    "reflects_freedom_to_speak_up",
]
ABOUT_THE_POLICY = IDS[1:]


def test_the_guidance_expectations_come_first():
    assert IDS[:5] == GUIDANCE
    assert all(i.source == "good_practice" for i in ITEMS[5:])


def test_all_met():
    result = assessed("whistleblowing", dict.fromkeys(IDS, True))
    assert result["outcome"] == "meets"
    assert result["missing"] == []
    assert result["score"] == {"met": len(IDS), "total": len(IDS)}
    assert result["actions"] == []


def test_every_combination_with_a_policy():
    for values in itertools.product([True, False], repeat=len(ABOUT_THE_POLICY)):
        answers = {"policy_in_place": True} | dict(zip(ABOUT_THE_POLICY, values, strict=True))
        result = assessed("whistleblowing", answers)
        missing = [i for i in IDS if not answers[i]]
        assert result["outcome"] == rule(answers)
        assert result["missing"] == missing
        assert result["score"] == {"met": len(IDS) - len(missing), "total": len(IDS)}
        assert len(result["actions"]) == len(missing)


@pytest.mark.parametrize("item", ABOUT_THE_POLICY)
def test_each_item_missing_alone(item):
    answers = dict.fromkeys(IDS, True) | {item: False}
    result = assessed("whistleblowing", answers)
    assert result["outcome"] == ("gaps" if item in GUIDANCE else "meets_guidance")
    assert result["missing"] == [item]
    assert result["missing_guidance"] == ([item] if item in GUIDANCE else [])
    source = next(i for i in ITEMS if i.id == item)
    assert result["actions"][0]["text"] == f"{source.gap} {source.action}"


@pytest.mark.parametrize("given", ["absent", "null", "false"])
def test_no_policy_credits_nothing_and_leads_with_adopting_one(given):
    answers: dict = {"policy_in_place": False}
    if given != "absent":
        answers |= dict.fromkeys(ABOUT_THE_POLICY, None if given == "null" else False)
    result = assessed("whistleblowing", answers)
    assert result["outcome"] == "gaps"
    assert result["score"] == {"met": 0, "total": len(IDS)}
    assert result["missing"] == IDS
    assert result["actions"][0]["text"].endswith("Adopt an internal whistleblowing policy.")
    assert all(a["text"].startswith("In the new policy") for a in result["actions"][1:])


@pytest.mark.parametrize("item", ABOUT_THE_POLICY)
def test_an_item_credited_without_a_policy_is_a_contradiction(item):
    with pytest.raises(InputError) as caught:
        assessed("whistleblowing", {"policy_in_place": False, item: True})
    assert caught.value.problems[0].field == item


def test_with_a_policy_every_item_is_required():
    with pytest.raises(InputError) as caught:
        assessed("whistleblowing", {"policy_in_place": True})
    assert [p.field for p in caught.value.problems] == ABOUT_THE_POLICY


def test_unsure_items_decide_only_when_nothing_else_is_missing():
    result = assessed("whistleblowing", dict.fromkeys(IDS, True) | {"staff_aware": None})
    assert result["outcome"] == "undetermined"
    assert result["depends_on"] == ["staff_aware"]
    assert result["unsure"] == ["staff_aware"]
    assert any(a["text"].startswith("Find out") for a in result["actions"])
    settled = assessed(
        "whistleblowing", dict.fromkeys(IDS, True) | {"staff_aware": None, "in_training": False}
    )
    assert settled["outcome"] == "gaps"
    assert settled["depends_on"] == []


def rule(a: dict) -> str:
    """The summary's expectations are the first five items; the rest are the site's own."""
    if all(a[i] is True for i in IDS):
        return "meets"
    if all(a[i] is True for i in GUIDANCE):
        return "meets_guidance"
    return "gaps"


def unsure(a: dict) -> list[str]:
    # Only a "no" to the policy leaves the other items unasked.
    return [i for i in IDS if a.get(i) is None and (i == IDS[0] or a[IDS[0]] is not False)]


def contradicts(a: dict) -> bool:
    return a["policy_in_place"] is False and any(a.get(i) is True for i in ABOUT_THE_POLICY)


def sampled(n: int = 3000) -> list[dict]:
    """A fixed sample of the 3^10 answer sets, so that several items are unsure at once."""
    import random

    pick = random.Random(2015)
    return [{i: pick.choice([True, False, None]) for i in IDS} for _ in range(n)]


CASES = [a for a in every_combination("whistleblowing") + sampled() if not contradicts(a)]


def test_every_case_against_the_rules():
    assert len(CASES) > 1000
    wrong = []
    for answers in CASES:
        full = dict.fromkeys(IDS) | answers
        want, deciding = oracle.verdict(full, unsure(full), rule)
        got = assessed("whistleblowing", answers)
        if (got["outcome"], got["depends_on"]) != (want, deciding):
            wrong.append((answers, got["outcome"], got["depends_on"], want, deciding))
        # "Meets" only with every item answered yes; a "not sure" is never met.
        assert (got["outcome"] == "meets") == all(answers.get(i) is True for i in IDS)
        assert got["score"]["met"] == sum(answers.get(i) is True for i in IDS)
    assert not wrong, f"{len(wrong)} wrong, e.g. {wrong[:2]}"


def test_unsure_whether_there_is_a_policy():
    result = assessed("whistleblowing", dict.fromkeys(IDS))
    assert result["outcome"] == "undetermined"
    assert result["score"]["met"] == 0
    assert "policy_in_place" in result["depends_on"]


def test_a_policy_not_sure_is_never_met_even_with_every_other_item():
    result = assessed("whistleblowing", dict.fromkeys(IDS, True) | {"policy_in_place": None})
    assert result["outcome"] == "undetermined"
    assert result["depends_on"] == ["policy_in_place"]
    assert "meets all" not in result["summary"]
    assert result["missing"] == ["policy_in_place"] and result["unsure"] == ["policy_in_place"]


def test_with_the_policy_not_sure_the_other_items_are_required():
    with pytest.raises(InputError) as caught:
        assessed("whistleblowing", {"policy_in_place": None})
    assert [p.field for p in caught.value.problems] == ABOUT_THE_POLICY


def test_good_practice_gaps_alone_are_not_the_guidance_outcome():
    answers = dict.fromkeys(IDS, True) | {"regular_review": False, "feedback_to_raiser": False}
    result = assessed("whistleblowing", answers)
    assert result["outcome"] == "meets_guidance"
    assert CHECKERS["whistleblowing"].outcome("meets_guidance").tone != "act"
    assert "meets what the guidance expects; 2 good-practice items missing" in result["summary"]


def test_no_policy_keeps_the_summarys_must():
    result = assessed("whistleblowing", {"policy_in_place": False})
    assert "must have one" in result["summary"]


def test_good_practice_is_never_attributed_to_the_guidance():
    result = assessed("whistleblowing", {"policy_in_place": True} | dict.fromkeys(IDS[1:], False))
    for action, item in zip(result["actions"], ITEMS[1:], strict=True):
        assert action["cite"].endswith(
            "#good-practice" if item.source == "good_practice" else "#expectation"
        )
        assert action["source"] == ("this-site" if item.source == "good_practice" else "summary")


def test_the_headline_counts_met_not_met_and_not_known_apart():
    answers = dict.fromkeys(IDS, True) | {"staff_aware": None, "in_training": None}
    result = assessed("whistleblowing", answers)
    assert "3 of the guidance’s 5 expectations met, 2 not known" in result["summary"]
    answers |= {"procedures_clear": False}
    result = assessed("whistleblowing", answers)
    assert result["outcome"] == "gaps"
    assert "2 of the guidance’s 5 expectations met, 1 not met, 2 not known" in result["summary"]
