"""Allegations against people who work with children: is it an allegation, and what by when?

Proposed text of January 2015, "Section 11 of the Children Act 2004", paragraphs 2 to 6 (the
final wording of these paragraphs is not in this site's sources; only the designated-officer
rule is): an allegation "may relate to" a person who works with children who has behaved in a
way that has harmed, or may have harmed, a child; possibly committed a criminal offence against
or related to a child; or behaved in a way that indicates they may pose a risk of harm to
children. It "should be reported immediately to a senior manager", and children's social care
"should also be informed within one working day". Removing someone from work with children
because they pose a risk of harm brings a duty: the organisation "must make a referral to the
Disclosure and Barring Service".
"""

from __future__ import annotations

from dataclasses import dataclass

from . import citations as cite
from .dates import long_date
from .deadlines import within, working_days_phrase
from .explain import find_out, quoted, unsure_reasons
from .model import (
    UNDETERMINED,
    UNDETERMINED_NAME,
    Action,
    Answers,
    Checker,
    Outcome,
    Reason,
    Result,
    date_question,
    result,
    yes_no,
)

CHECKER_ID = "allegations"
INFORM_WITHIN_WORKING_DAYS = 1  # proposed text of January 2015, paragraph 5


@dataclass(frozen=True)
class Limb:
    """One of the three things an allegation may relate to, in the guidance's order."""

    id: str
    covers: str  # completes "the person is said to have …"
    question: str


LIMBS = (
    Limb(
        "harmed_or_may_have_harmed",
        "behaved in a way that has harmed a child, or may have harmed a child",
        "Is it said that the person has behaved in a way that has harmed a child, or may have "
        "harmed a child?",
    ),
    Limb(
        "possible_criminal_offence",
        "possibly committed a criminal offence against or related to a child",
        "Is it said that the person has possibly committed a criminal offence against or "
        "related to a child?",
    ),
    Limb(
        "risk_of_harm",
        "behaved towards a child or children in a way that indicates they may pose "
        "a risk of harm to children",
        "Is it said that the person has behaved towards a child or children in a way that "
        "indicates they may pose a risk of harm to children?",
    ),
)

QUESTIONS = (
    *(yes_no(limb.id, limb.question, cite=cite.ALLEGATION_LIMBS) for limb in LIMBS),
    yes_no(
        "removed_due_to_risk",
        "Has the organisation removed the person from work with children because they pose a "
        "risk of harm to children, or would it have done so had they not left first?",
        hint="The person may be a paid worker or an unpaid volunteer.",
        cite=cite.DBS_REFERRAL,
    ),
    date_question(
        "reported_on",
        "When did the allegation come to the employer’s attention? (optional)",
        hint="Give the date to see the last day for informing children’s social care. "
        "Nothing you enter leaves this page.",
        cite=cite.ALLEGATIONS_REPORTING,
    ),
)


def verdict(a: Answers) -> str:
    return "allegation" if any(a[limb.id] for limb in LIMBS) else "not_allegation"


def inform_action(a: Answers) -> Action:
    """Paragraph 5 of the proposed text: children's social care within one working day."""
    due, when = within(
        INFORM_WITHIN_WORKING_DAYS,
        a["reported_on"],
        "the allegation coming to the employer’s attention",
    )
    return Action(
        f"Children’s social care (the single point of contact) should be informed {when}. "
        "This applies to all allegations that come to an employer’s attention or that are made "
        "directly to the police.",
        cite.ALLEGATIONS_REPORTING,
        due,
    )


ALLEGATION_ACTIONS = (
    Action(
        "Report the allegation immediately to a senior manager within the organisation.",
        cite.ALLEGATIONS_REPORTING,
    ),
    Action(
        "Any action necessary to address welfare concerns about the child or children "
        "involved should be taken without delay.",
        cite.ALLEGATIONS_COORDINATED,
    ),
    Action(
        "The local authority’s arrangements should see that the allegation is passed to its "
        "designated officer, or team of officers, without delay.",
        cite.ALLEGATIONS_COORDINATED,
    ),
)

NOT_A_VERDICT = Reason(
    "The guidance lists what an allegation “may relate to”, and asks that policies make a clear "
    "distinction between an allegation, a concern about the quality of care or practice or a "
    "complaint. A “no” to all three is not a finding that nothing is wrong: what else the "
    "concern is remains a matter for judgement.",
    cite.ALLEGATION_LIMBS,
)

DBS_DUTY = (
    "the organisation must make a referral to the Disclosure and Barring Service: it is an "
    "offence to fail to make a referral without good reason"
)


def allegation_summary(a: Answers) -> str:
    """Every duty in one sentence, each with who acts and by when."""
    due = inform_action(a).due
    when = (
        f"by {long_date(due)}"
        if due
        else f"within {working_days_phrase(INFORM_WITHIN_WORKING_DAYS)}"
    )
    summary = (
        "This is an allegation: report it to a senior manager immediately and tell "
        f"children’s social care {when}"
    )
    return summary + (
        "; the organisation must refer the person to the DBS."
        if a["removed_due_to_risk"] is True
        else "."
    )


OUTCOMES = (
    Outcome(
        "allegation",
        "act",
        "it is an allegation",
        allegation_summary,
        actions=lambda a: [ALLEGATION_ACTIONS[0], inform_action(a), *ALLEGATION_ACTIONS[1:]],
    ),
    Outcome(
        "not_allegation",
        "clear",
        "it is not an allegation on these answers",
        lambda a: (
            "On these answers this is not an allegation against a person who works with children."
        ),
        reasons=lambda a: [
            Reason(
                "On these answers the person is not said to have done any of the three things "
                "an allegation may relate to.",
                cite.ALLEGATION_LIMBS,
            ),
            NOT_A_VERDICT,
        ],
        actions=lambda a: [
            Action(
                "If more comes to light that fits any of the three, treat it as an allegation "
                "and check again.",
                cite.ALLEGATION_LIMBS,
                source=cite.SITE,
            )
        ],
    ),
    Outcome(
        UNDETERMINED,
        "open",
        UNDETERMINED_NAME,
        lambda a: "Whether this is an allegation depends on the answers you were not sure of.",
        actions=lambda a: [
            find_out(cite.ALLEGATION_LIMBS),
            inform_action(a).only_if("this is an allegation"),
        ],
    ),
)


def assess(a: Answers) -> Result:
    decision = CHECKER.open(a)
    outcome = decision.value or UNDETERMINED
    record = CHECKER.outcome(outcome)
    met = [limb for limb in LIMBS if a[limb.id] is True]
    reasons = [
        Reason(
            f"It is an allegation: the person is said to have {limb.covers}.", cite.ALLEGATION_LIMBS
        )
        for limb in met
    ]
    reasons += record.reasons(a)
    actions = record.actions(a)
    summary = record.summary(a)
    inform = inform_action(a)
    dbs = a["removed_due_to_risk"]
    reasons += unsure_reasons(CHECKER, a)

    removed = quoted(CHECKER, "removed_due_to_risk")
    if dbs is True:
        reasons.append(
            Reason(
                "The person has been removed from work with children (or would have been, had "
                f"they not left first) because they pose a risk of harm to children: {DBS_DUTY}.",
                cite.DBS_REFERRAL,
            )
        )
        actions.append(
            Action(
                "The organisation must refer the person to the Disclosure and Barring Service. "
                "It is an offence to fail to make a referral without good reason.",
                cite.DBS_REFERRAL,
            )
        )
        if outcome != "allegation":
            summary += " The organisation must also refer the person to the DBS."
    elif dbs is False:
        reasons.append(
            Reason(
                "No referral to the Disclosure and Barring Service is required on these answers: "
                "the duty arises when the person is removed from work with children (or would "
                "have been, had they not left first) because they pose a risk of harm to children.",
                cite.DBS_REFERRAL,
            )
        )
    else:
        reasons.append(
            Reason(
                f"Whether a referral to the Disclosure and Barring Service is required depends on "
                f"your answer to {removed}, where you answered “Not sure”: if yes, {DBS_DUTY}.",
                cite.DBS_REFERRAL,
            )
        )

    return result(
        CHECKER,
        a,
        outcome,
        summary,
        reasons,
        actions,
        depends_on=decision.depends_on,
        is_allegation={"allegation": True, "not_allegation": False}.get(outcome),
        limbs_met=[limb.id for limb in met],
        dbs_referral_required=dbs,
        inform_social_care_by=inform.due if outcome != "not_allegation" else None,
    )


CHECKER = Checker(
    id=CHECKER_ID,
    title="Is it an allegation, and what should happen by when?",
    print_title="Allegation check: record",
    use_when=(
        "A concern has been raised about someone who works with children, and you need to "
        "know whether it is an allegation and who should be told by when."
    ),
    intro=(
        "Answer each question about what has been said or done. The check applies the three "
        "limbs of an allegation, the one-working-day timescale and the duty to refer to the "
        "Disclosure and Barring Service, all from the January 2015 proposed text quoted on "
        "this page."
    ),
    page="allegations/",
    questions=QUESTIONS,
    assess=assess,
    verdict=verdict,
    outcomes=OUTCOMES,
)
