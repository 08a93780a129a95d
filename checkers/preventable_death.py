"""Was the child's death preventable, as the 2015 guidance defines it?

Working Together 2015 (final wording, as the summary quotes it): "this guidance defines
preventable child deaths as those in which modifiable factors may have contributed to the
death. These are factors defined as those, where, if actions could be taken through national
or local interventions, the risk of future child deaths could be reduced."

A classification only: the sources attach no duty and no timescale to it, and every result says
so. The January 2015 consultation described the change in other words (a "modifiable death");
the page shows the two side by side.
"""

from __future__ import annotations

from . import citations as cite
from .explain import find_out, unsure_reasons
from .model import (
    UNDETERMINED,
    UNDETERMINED_NAME,
    Action,
    Answers,
    Checker,
    Outcome,
    Reason,
    Result,
    result,
    yes_no,
)

CHECKER_ID = "preventable-death"

QUESTIONS = (
    yes_no(
        "factors_may_have_contributed",
        "Were factors identified that may have contributed to the child’s death?",
        hint="Factors that may have contributed, not only those known to have caused it.",
        cite=cite.PREVENTABLE_DEFINITION,
    ),
    yes_no(
        "interventions_could_reduce_risk",
        "If actions could be taken through national or local interventions on such a factor, "
        "could the risk of future child deaths be reduced?",
        hint="Asked only if factors were identified that may have contributed.",
        cite=cite.PREVENTABLE_DEFINITION,
        # Without such factors there is nothing for interventions to act on.
        asked_if=("factors_may_have_contributed", True),
    ),
)


def modifiable(answers: Answers) -> bool:
    """A factor that may have contributed, and that national or local interventions could act
    on to reduce the risk of future child deaths: a modifiable factor, as defined."""
    return bool(
        answers["factors_may_have_contributed"] and answers["interventions_could_reduce_risk"]
    )


def verdict(answers: Answers) -> str:
    return "preventable" if modifiable(answers) else "not_preventable"


CLASSIFICATION_ONLY = Reason(
    "This is a classification only: the sources give no duty and no timescale that follow from it.",
    cite.PREVENTABLE_DEFINITION,
    source=cite.SITE,
)
CHECK_AGAIN = Action(
    "If the facts change or become clearer (for example, a review identifies other factors), "
    "check again.",
    cite.PREVENTABLE_DEFINITION,
    source=cite.SITE,
)
FIND_OUT = find_out(cite.PREVENTABLE_DEFINITION)


def not_preventable_reason(answers: Answers) -> str:
    if answers["factors_may_have_contributed"]:
        return (
            "Factors were identified that may have contributed to the death, but actions "
            "through national or local interventions could not reduce the risk of future child "
            "deaths, so they are not modifiable factors as the guidance defines them."
        )
    return (
        "No factors were identified that may have contributed to the death, so no modifiable "
        "factor may have contributed to it."
    )


OUTCOMES = (
    Outcome(
        "preventable",
        "review",
        "the death is preventable as the guidance defines it",
        lambda a: (
            "On these answers the death is a preventable child death as the 2015 guidance "
            "defines it: modifiable factors may have contributed to it."
        ),
        reasons=lambda a: [
            Reason(
                "Factors were identified that may have contributed to the death, and actions "
                "through national or local interventions could reduce the risk of future child "
                "deaths: they are modifiable factors, and a death to which modifiable factors "
                "may have contributed is a preventable child death.",
                cite.PREVENTABLE_DEFINITION,
            )
        ],
        actions=lambda a: [CHECK_AGAIN],
    ),
    Outcome(
        "not_preventable",
        "clear",
        "the death is not preventable as the guidance defines it",
        lambda a: (
            "On these answers the death is not a preventable child death as the 2015 guidance "
            "defines it."
        ),
        reasons=lambda a: [Reason(not_preventable_reason(a), cite.PREVENTABLE_DEFINITION)],
        actions=lambda a: [CHECK_AGAIN],
    ),
    Outcome(
        UNDETERMINED,
        "open",
        UNDETERMINED_NAME,
        lambda a: (
            "Whether the death is a preventable child death as the 2015 guidance defines it "
            "depends on the answers you were not sure of."
        ),
        actions=lambda a: [FIND_OUT],
    ),
)


def assess(answers: Answers) -> Result:
    settled = CHECKER.open(answers)
    outcome = CHECKER.outcome(settled.value or UNDETERMINED)
    reasons = outcome.reasons(answers) + unsure_reasons(CHECKER, answers)
    return result(
        CHECKER,
        answers,
        outcome.id,
        outcome.summary(answers),
        [*reasons, CLASSIFICATION_ONLY],
        outcome.actions(answers),
        depends_on=settled.depends_on,
        preventable={"preventable": True, "not_preventable": False}.get(outcome.id),
    )


CHECKER = Checker(
    id=CHECKER_ID,
    title="Was the death preventable, as the guidance defines it?",
    print_title="Preventable child death check: record",
    use_when=(
        "A child has died and you need to know whether the death meets the 2015 definition of "
        "a preventable child death."
    ),
    intro=(
        "Answer the two questions about the child’s death. The check applies the definition "
        "quoted on this page. It classifies the death only: the sources attach no duty or "
        "timescale to the classification."
    ),
    page="preventable-child-deaths/",
    questions=QUESTIONS,
    assess=assess,
    verdict=verdict,
    outcomes=OUTCOMES,
)
