"""The LSCB annual report checklist against a decision table written from its sources."""

from __future__ import annotations

import pytest

from tests import oracle
from tests.answers import assessed, every_combination

CHECKER = "lscb-annual-report"
CASES = every_combination(CHECKER)

# Each item with the sentence it is written from and that sentence's source.
ITEMS = [
    ("cse_assessment", "summary",
     "Working Together 2015 asks LSCBs to conduct regular assessments of the Board partners' "
     "responses to child sexual exploitation and include information on the outcome of these "
     "assessments."),
    ("data_for_improvement", "summary",
     "An analysis of how the LSCB partners used data to promote service improvement for "
     "vulnerable children and families, including in respect of sexual abuse."),
    ("missing_from_care_data", "summary", "Appropriate data on children missing from care."),
    ("how_addressing", "summary", "How the LSCB is addressing the issue."),
    ("review_actions_progress", "draft-2015",
     "The LSCB should oversee implementation of actions resulting from these reviews and "
     "reflect on progress in its annual report."),
]  # fmt: skip
IDS = [item for item, _source, _text in ITEMS]


def outcome(a: dict) -> str:
    # Covered only when every item is there; any item missing is a gap.
    return "covers" if all(a[i] for i in IDS) else "gaps"


def test_every_combination_is_covered():
    assert len(CASES) == 3 ** len(ITEMS)


@pytest.mark.parametrize("answers", CASES, ids=lambda a: "-".join(map(str, a.values())))
def test_outcome_missing_unsure_and_score(answers):
    result = assessed(CHECKER, answers)
    unsure = [i for i in IDS if answers[i] is None]
    want, deciding = oracle.verdict(answers, unsure, outcome)
    assert result["outcome"] == want
    assert result["depends_on"] == deciding
    assert result["missing"] == [i for i in IDS if answers[i] is False]
    assert result["unsure"] == unsure
    assert result["score"] == {"met": sum(answers[i] is True for i in IDS), "total": len(IDS)}
    # Never "covers" while an item is not sure.
    assert not (unsure and result["outcome"] == "covers")
    # One action per item missing or not sure, each from its item's source.
    sources = dict((i, s) for i, s, _t in ITEMS)
    missing_actions = [a for a in result["actions"] if not a["text"].startswith("Find out")]
    assert [a["source"] for a in missing_actions] == [sources[i] for i in result["missing"]]
    find_out = [a for a in result["actions"] if a["text"].startswith("Find out")]
    assert len(find_out) == len(unsure) and all(a["source"] == "this-site" for a in find_out)
    assert all(a["due"] is None for a in result["actions"])


def test_the_items_are_labelled_by_their_sources():
    from checkers import CHECKERS, citations

    checker = CHECKERS[CHECKER]
    for item, source, _text in ITEMS:
        assert citations.SOURCE_OF[checker.question(item).cite] == source, item


def test_the_summarys_unplaced_points_are_not_items():
    from checkers import CHECKERS

    texts = " ".join(q.text for q in CHECKERS[CHECKER].questions).lower()
    assert "restraint" not in texts and "youth justice" not in texts
