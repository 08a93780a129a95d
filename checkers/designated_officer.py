"""Should this appointment to the designated officer's role be a qualified social worker?

Working Together 2015 (final wording, as the summary quotes it): "Any such officer, or team of
officers, should be sufficiently qualified and experienced to be able to fulfil this role
effectively, for example qualified social workers. Any new appointments to such a role, other
than current or former designated officers moving between local authorities, should be
qualified social workers."

The second sentence is a rule the answers can settle; the first is a judgement (sufficiently
qualified and experienced) that the check names and leaves to the reader. The sources do not
define "moving between local authorities", and the check says so. The January 2015 draft's
stricter wording is history: the page shows it as such.
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

CHECKER_ID = "designated-officer"

QUESTIONS = (
    yes_no(
        "new_appointment",
        "Is this a new appointment to the role of designated officer, or to a team of "
        "designated officers?",
        cite=cite.DESIGNATED_OFFICER_RULE,
    ),
    yes_no(
        "moving_designated_officer",
        "Is the person a current or former designated officer moving between local authorities?",
        hint="Asked only for a new appointment. The sources do not define “moving between”.",
        cite=cite.DESIGNATED_OFFICER_RULE,
        # The exception is to the rule on new appointments only.
        asked_if=("new_appointment", True),
    ),
    yes_no(
        "qualified_social_worker",
        "Is the person a qualified social worker?",
        cite=cite.DESIGNATED_OFFICER_RULE,
    ),
)


def qsw_expected(answers: Answers) -> bool:
    """Whether the second sentence applies: a new appointment, not a current or former
    designated officer moving between local authorities."""
    return bool(answers["new_appointment"] and not answers["moving_designated_officer"])


def verdict(answers: Answers) -> str:
    if not qsw_expected(answers):
        return "judgement"
    return "meets" if answers["qualified_social_worker"] else "does_not_meet"


JUDGEMENT = (
    "The guidance leaves it to judgement whether the person is “sufficiently qualified and "
    "experienced to be able to fulfil this role effectively”; qualified social workers are "
    "its example. This check does not make that judgement."
)
NOT_DEFINED = Reason(
    "The sources do not define “moving between local authorities”.",
    cite.DESIGNATED_OFFICER_RULE,
    source=cite.SITE,
)
CHECK_AGAIN = Action(
    "If the facts change or become clearer, check again.",
    cite.DESIGNATED_OFFICER_RULE,
    source=cite.SITE,
)
FIND_OUT = find_out(cite.DESIGNATED_OFFICER_RULE)
RULE_APPLIES = (
    "This is a new appointment, and the person is not a current or former designated officer "
    "moving between local authorities, so the rule that new appointments should be qualified "
    "social workers applies."
)


def not_applying_reason(answers: Answers) -> str:
    if answers["new_appointment"]:
        return (
            "The person is a current or former designated officer moving between local "
            "authorities: the guidance makes an exception for them from the rule that new "
            "appointments should be qualified social workers."
        )
    return (
        "This is not a new appointment, so the rule that new appointments should be qualified "
        "social workers does not apply."
    )


OUTCOMES = (
    Outcome(
        "meets",
        "clear",
        "the appointment meets the rule for new appointments",
        lambda a: (
            "This new appointment should be a qualified social worker, and the person is one."
        ),
        reasons=lambda a: [Reason(RULE_APPLIES, cite.DESIGNATED_OFFICER_RULE)],
        actions=lambda a: [CHECK_AGAIN],
    ),
    Outcome(
        "does_not_meet",
        "act",
        "the appointment does not meet the rule for new appointments",
        lambda a: (
            "This new appointment should be a qualified social worker, and the person is not one."
        ),
        reasons=lambda a: [Reason(RULE_APPLIES, cite.DESIGNATED_OFFICER_RULE)],
        actions=lambda a: [
            Action(
                "Review the appointment against the guidance: new appointments to the role, "
                "other than current or former designated officers moving between local "
                "authorities, should be qualified social workers.",
                cite.DESIGNATED_OFFICER_RULE,
            ),
            CHECK_AGAIN,
        ],
    ),
    Outcome(
        "judgement",
        "review",
        "the rule for new appointments does not apply (a judgement is left to you)",
        lambda a: (
            "The rule that new appointments should be qualified social workers does not apply; "
            "whether the person is sufficiently qualified and experienced is a judgement this "
            "check leaves to you."
        ),
        reasons=lambda a: [
            Reason(not_applying_reason(a), cite.DESIGNATED_OFFICER_RULE),
            Reason(JUDGEMENT, cite.DESIGNATED_OFFICER_RULE),
        ],
        actions=lambda a: [
            Action(
                "Judge whether the person is sufficiently qualified and experienced to be able "
                "to fulfil the role effectively.",
                cite.DESIGNATED_OFFICER_RULE,
            ),
            CHECK_AGAIN,
        ],
    ),
    Outcome(
        UNDETERMINED,
        "open",
        UNDETERMINED_NAME,
        lambda a: (
            "Whether this appointment should be a qualified social worker, and whether it is "
            "one, depends on the answers you were not sure of."
        ),
        actions=lambda a: [FIND_OUT],
    ),
)


def assess(answers: Answers) -> Result:
    settled = CHECKER.open(answers)
    outcome = CHECKER.outcome(settled.value or UNDETERMINED)
    reasons = outcome.reasons(answers) + unsure_reasons(CHECKER, answers)
    if not CHECKER.not_asked(CHECKER.question("moving_designated_officer"), answers):
        reasons.append(NOT_DEFINED)
    return result(
        CHECKER,
        answers,
        outcome.id,
        outcome.summary(answers),
        reasons,
        outcome.actions(answers),
        depends_on=settled.depends_on,
        # Whether the "should be qualified social workers" sentence applies, where settled.
        qsw_expected=CHECKER.always(answers, qsw_expected),
    )


CHECKER = Checker(
    id=CHECKER_ID,
    title="Should this appointment be a qualified social worker?",
    print_title="Designated officer appointment check: record",
    use_when=(
        "You are appointing a designated officer for allegations and need to know whether the "
        "2015 guidance expects a qualified social worker."
    ),
    intro=(
        "Answer each question about the appointment. The check applies the final 2015 wording "
        "quoted on this page: the rule for new appointments, and the judgement it leaves to "
        "you otherwise."
    ),
    page="designated-officer/",
    questions=QUESTIONS,
    assess=assess,
    verdict=verdict,
    outcomes=OUTCOMES,
)
