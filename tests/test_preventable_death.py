"""The preventable-death checker against a decision table written from the definition."""

from __future__ import annotations

import pytest

from checkers import CHECKERS
from checkers.model import InputError
from tests import oracle
from tests.answers import assessed, every_combination

CHECKER = "preventable-death"
CASES = every_combination(CHECKER)

# Working Together 2015, final wording (as the summary quotes it): "this guidance defines
# preventable child deaths as those in which modifiable factors may have contributed to the
# death. These are factors defined as those, where, if actions could be taken through national
# or local interventions, the risk of future child deaths could be reduced."
TABLE = [
    (
        "modifiable factors may have contributed to the death: factors that may have "
        "contributed, which national or local interventions could act on to reduce the risk",
        lambda a: a["factors_may_have_contributed"] and a["interventions_could_reduce_risk"],
        "preventable",
    ),
    ("otherwise the definition is not met", lambda a: True, "not_preventable"),
]


def outcome(a: dict) -> str:
    return oracle.first_row(TABLE, a)


def unsure(a: dict) -> list[str]:
    """The unsure answers that are asked: the second only when factors were (or may have
    been) identified."""
    out = ["factors_may_have_contributed"] if a["factors_may_have_contributed"] is None else []
    if (
        a["factors_may_have_contributed"] is not False
        and a.get("interventions_could_reduce_risk", 0) is None
    ):
        out.append("interventions_could_reduce_risk")
    return out


def complete(a: dict) -> dict:
    """An answer not asked (factors known to be absent) cannot change the outcome: any value
    stands in for it."""
    return {"interventions_could_reduce_risk": False, **a}


def test_every_combination_is_covered():
    # 3 answers to the first question, 3 to the second (asked or not: it is still allowed)
    assert len(CASES) == 3 * 3


@pytest.mark.parametrize("answers", CASES, ids=lambda a: "-".join(map(str, a.values())))
def test_outcome_and_classification(answers):
    result = assessed(CHECKER, answers)
    want, deciding = oracle.verdict(complete(answers), unsure(answers), outcome)
    assert result["outcome"] == want
    assert result["preventable"] == {"preventable": True, "not_preventable": False}.get(want)
    assert result["depends_on"] == deciding
    # A classification only: no date, no duty, and the result says so.
    assert all(a["due"] is None for a in result["actions"])
    assert any("classification only" in r["text"] for r in result["reasons"])
    assert "must" not in result["summary"] and "should" not in result["summary"]
    assert result["status"]["cite"] == "#status"


def test_without_contributing_factors_the_second_question_is_not_asked():
    result = assessed(CHECKER, {"factors_may_have_contributed": False})
    assert result["outcome"] == "not_preventable"
    schema = CHECKERS[CHECKER].question("interventions_could_reduce_risk").schema()
    assert schema["asked_if"] == {"field": "factors_may_have_contributed", "value": True}


def test_when_factors_are_not_sure_the_second_question_is_required():
    with pytest.raises(InputError) as caught:
        assessed(CHECKER, {"factors_may_have_contributed": None})
    assert caught.value.problems[0].field == "interventions_could_reduce_risk"


def test_an_unsure_answer_says_what_each_answer_leads_to():
    result = assessed(
        CHECKER, {"factors_may_have_contributed": True, "interventions_could_reduce_risk": None}
    )
    assert result["outcome"] == "undetermined"
    text = " ".join(r["text"] for r in result["reasons"])
    assert (
        "if yes, the death is preventable as the guidance defines it; if no, the death is not "
        "preventable as the guidance defines it" in text
    )


def test_the_definition_is_cited_as_the_final_wording():
    result = assessed(
        CHECKER, {"factors_may_have_contributed": True, "interventions_could_reduce_risk": True}
    )
    (reason, *_rest) = result["reasons"]
    assert reason["cite"] == "preventable-child-deaths/#definition"
    assert reason["source"] == "final-2015"
    # The site's own sentence about what the sources do not give is labelled as the site's.
    (only,) = [r for r in result["reasons"] if "classification only" in r["text"]]
    assert only["source"] == "this-site"
