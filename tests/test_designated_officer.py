"""The designated-officer checker against a decision table written from the final wording."""

from __future__ import annotations

import pytest

from checkers import CHECKERS
from checkers.model import InputError
from tests import oracle
from tests.answers import assessed, every_combination

CHECKER = "designated-officer"
CASES = every_combination(CHECKER)


# "Any new appointments to such a role, other than current or former designated officers moving
# between local authorities, should be qualified social workers." (final 2015 wording)
def rule_applies(a: dict) -> bool:
    return a["new_appointment"] is True and a["moving_designated_officer"] is False


# Each row: the sentence it is written from, its condition, the outcome.
TABLE = [
    ("…new appointments… should be qualified social workers: and the person is one",
     lambda a: rule_applies(a) and a["qualified_social_worker"], "meets"),
    ("…new appointments… should be qualified social workers: and the person is not one",
     rule_applies, "does_not_meet"),
    ("Any such officer… should be sufficiently qualified and experienced… for example qualified "
     "social workers (a judgement)", lambda a: True, "judgement"),
]  # fmt: skip


def outcome(a: dict) -> str:
    return oracle.first_row(TABLE, a)


def unsure(a: dict) -> list[str]:
    """The unsure answers that are asked: whether the person is moving between authorities
    only for a new appointment (or one that may be new)."""
    out = ["new_appointment"] if a["new_appointment"] is None else []
    if a["new_appointment"] is not False and a.get("moving_designated_officer", 0) is None:
        out.append("moving_designated_officer")
    return out + (["qualified_social_worker"] if a["qualified_social_worker"] is None else [])


def complete(a: dict) -> dict:
    """A question not asked (not a new appointment) cannot change the outcome: any value
    stands in for it."""
    return {"moving_designated_officer": False, **a}


def test_every_combination_is_covered():
    assert len(CASES) == 3 * 3 * 3


@pytest.mark.parametrize("answers", CASES, ids=lambda a: "-".join(map(str, a.values())))
def test_outcome_and_whether_the_rule_applies(answers):
    result = assessed(CHECKER, answers)
    full, open_ = complete(answers), unsure(answers)
    want, deciding = oracle.verdict(full, open_, outcome)
    assert result["outcome"] == want
    assert result["depends_on"] == deciding
    applies = oracle.outcomes(full, open_, rule_applies)
    assert result["qsw_expected"] == (applies.pop() if len(applies) == 1 else None)
    if want == "judgement":
        # The first sentence is a judgement the result names and leaves to the reader.
        assert "judgement" in result["summary"]
        assert any("sufficiently qualified and experienced" in r["text"] for r in result["reasons"])
    # Wherever "moving between" is asked, the result says the sources do not define it.
    undefined = [r for r in result["reasons"] if "do not define" in r["text"]]
    asked = answers["new_appointment"] is not False
    assert [r["source"] for r in undefined] == (["this-site"] if asked else [])
    assert all(a["due"] is None for a in result["actions"])
    assert result["status"]["cite"] == "#status"


def test_the_rule_is_cited_as_the_final_wording():
    result = assessed(
        CHECKER,
        {"new_appointment": True, "moving_designated_officer": False,
         "qualified_social_worker": False},
    )  # fmt: skip
    assert result["outcome"] == "does_not_meet"
    assert result["reasons"][0]["cite"] == "designated-officer/#final-wording"
    assert result["reasons"][0]["source"] == "final-2015"
    assert "should be a qualified social worker" in result["summary"]
    assert "must" not in " ".join([result["summary"], *(a["text"] for a in result["actions"])])


def test_moving_is_not_asked_unless_the_appointment_is_new():
    schema = CHECKERS[CHECKER].question("moving_designated_officer").schema()
    assert schema["asked_if"] == {"field": "new_appointment", "value": True}
    with pytest.raises(InputError) as caught:
        assessed(CHECKER, {"new_appointment": None, "qualified_social_worker": True})
    assert caught.value.problems[0].field == "moving_designated_officer"
