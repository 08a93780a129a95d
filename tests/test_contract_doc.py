"""CONTRACT.md keeps step with the code: every checker, answer field, choice value, outcome
and result field the checkers have is named in it, and so are the page's entry points."""

from __future__ import annotations

import pytest

from checkers import CHECKERS, api
from checkers.errors import InputError

from .answers import every_combination
from .conftest import ROOT

CONTRACT = (ROOT / "CONTRACT.md").read_text(encoding="utf-8")


def named(word: str) -> bool:
    return f"`{word}`" in CONTRACT or f'"{word}"' in CONTRACT


@pytest.mark.parametrize("checker_id", list(CHECKERS))
def test_every_field_and_outcome_is_in_the_contract(checker_id):
    checker = CHECKERS[checker_id]
    missing = [checker_id] if not named(checker_id) else []
    for q in checker.questions:
        missing += [q.id] if not named(q.id) else []
        missing += [c.value for c in q.choices if not named(c.value)]
    missing += [o for o in checker.schema()["outcomes"] if not named(o)]
    missing += [field for field in some_result(checker_id) if not named(field)]
    assert missing == [], f"CONTRACT.md does not name, for {checker_id}: {missing}"


def some_result(checker_id: str) -> dict:
    """A result of the checker (its fields are the same for any answers)."""
    for answers in every_combination(checker_id):
        try:
            return api.assess(checker_id, answers)
        except InputError:
            continue
    raise AssertionError(f"{checker_id}: no answers give a result")


def test_the_page_calls_are_in_the_contract():
    for call in ("handle_form", "link_for_form", "read_fragment", "assess_json"):
        assert hasattr(api, call) and call in CONTRACT
