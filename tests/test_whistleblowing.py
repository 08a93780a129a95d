"""The whistleblowing checklist: each item missing alone, and all together."""

from __future__ import annotations

import pytest

from checkers import api
from checkers.whistleblowing import ITEMS

IDS = [i.id for i in ITEMS]
GUIDANCE = [
    "policy_in_place",
    "procedures_clear",
    "in_training",
    "staff_aware",
    "reflects_freedom_to_speak_up",
]


def test_the_guidance_expectations_come_first():
    assert IDS[:5] == GUIDANCE
    assert all(i.source == "good_practice" for i in ITEMS[5:])


def test_all_met():
    result = api.assess("whistleblowing", dict.fromkeys(IDS, True))
    assert result["outcome"] == "meets"
    assert result["missing"] == []
    assert result["score"] == {"met": len(IDS), "total": len(IDS)}
    assert result["actions"] == []


@pytest.mark.parametrize("item", IDS)
def test_each_item_missing_alone(item):
    answers = dict.fromkeys(IDS, True) | {item: False}
    result = api.assess("whistleblowing", answers)
    assert result["outcome"] == "gaps"
    assert result["missing"] == [item]
    assert result["missing_guidance"] == ([item] if item in GUIDANCE else [])
    assert result["score"] == {"met": len(IDS) - 1, "total": len(IDS)}
    assert len(result["actions"]) == 1
    source = next(i for i in ITEMS if i.id == item)
    assert result["actions"][0]["text"] == f"{source.gap} {source.action}"


def test_all_missing():
    result = api.assess("whistleblowing", dict.fromkeys(IDS, False))
    assert result["outcome"] == "gaps"
    assert result["missing"] == IDS
    assert result["score"] == {"met": 0, "total": len(IDS)}
    assert len(result["actions"]) == len(IDS)


def test_good_practice_is_never_attributed_to_the_guidance():
    result = api.assess("whistleblowing", dict.fromkeys(IDS, False))
    for action, item in zip(result["actions"], ITEMS, strict=True):
        assert action["cite"].endswith(
            "#good-practice" if item.source == "good_practice" else "#expectation"
        )
