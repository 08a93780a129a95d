"""Allegations against people who work with children: is it an allegation, and what by when?

Proposed text of January 2015, "Section 11 of the Children Act 2004", paragraphs 2 to 6:
an allegation may relate to a person who works with children who has behaved in a way that has
harmed, or may have harmed, a child; possibly committed a criminal offence against or related
to a child; or behaved in a way that indicates they may pose a risk of harm to children.
An allegation is reported immediately to a senior manager, and children's social care is
informed within one working day. Removing someone from work with children because they pose
a risk of harm brings a legal duty to refer them to the Disclosure and Barring Service (DBS).
"""

from __future__ import annotations

from . import citations as cite
from .deadlines import deadline, long_date
from .model import Action, Answers, Checker, Reason, Result, date_question, result, yes_no

CHECKER_ID = "allegations"
INFORM_WITHIN_WORKING_DAYS = 1

# The three limbs of an allegation, in the guidance's order: (answer field, what it covers).
LIMBS = (
    (
        "harmed_or_may_have_harmed",
        "behaved in a way that has harmed a child, or may have harmed a child",
    ),
    (
        "possible_criminal_offence",
        "possibly committed a criminal offence against or related to a child",
    ),
    (
        "risk_of_harm",
        "behaved towards a child or children in a way that indicates they may pose "
        "a risk of harm to children",
    ),
)

QUESTIONS = (
    yes_no(
        "harmed_or_may_have_harmed",
        "Is it said that the person has behaved in a way that has harmed a child, or may have "
        "harmed a child?",
        cite=cite.ALLEGATION_LIMBS,
    ),
    yes_no(
        "possible_criminal_offence",
        "Is it said that the person has possibly committed a criminal offence against or "
        "related to a child?",
        cite=cite.ALLEGATION_LIMBS,
    ),
    yes_no(
        "risk_of_harm",
        "Is it said that the person has behaved towards a child or children in a way that "
        "indicates they may pose a risk of harm to children?",
        cite=cite.ALLEGATION_LIMBS,
    ),
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


def limbs_met(a: Answers) -> list[str]:
    return [name for name, _ in LIMBS if a[name]]


def assess(a: Answers) -> Result:
    met = limbs_met(a)
    is_allegation = bool(met)
    dbs = bool(a["removed_due_to_risk"])
    reasons: list[Reason] = []
    actions: list[Action] = []
    inform_by = None

    if is_allegation:
        covered = dict(LIMBS)
        for name in met:
            reasons.append(
                Reason(
                    f"It is an allegation: the person is said to have {covered[name]}.",
                    cite.ALLEGATION_LIMBS,
                )
            )
        inform_by = deadline(a["reported_on"], INFORM_WITHIN_WORKING_DAYS, "reported_on")
        if inform_by:
            when = (
                f"by {long_date(inform_by)} at the latest: one working day after "
                f"{long_date(a['reported_on'])}"
            )
        else:
            when = (
                "within one working day of the allegation coming to the employer’s "
                "attention (give the date to see the day)"
            )
        actions += [
            Action(
                "Report the allegation immediately to a senior manager within the organisation.",
                cite.ALLEGATIONS_REPORTING,
            ),
            Action(
                f"Inform children’s social care (the single point of contact) {when}. This "
                "applies to every allegation that comes to an employer’s attention or is made "
                "directly to the police.",
                cite.ALLEGATIONS_REPORTING,
                inform_by,
            ),
            Action(
                "Children’s social care passes the allegation without delay to the local "
                "authority’s designated officer, or team of officers.",
                cite.ALLEGATIONS_COORDINATED,
            ),
            Action(
                "Deal with any welfare concerns about the child or children involved without "
                "delay, and not in isolation from the allegation.",
                cite.ALLEGATIONS_COORDINATED,
            ),
        ]
        summary = (
            f"This is an allegation: inform children’s social care by {long_date(inform_by)}."
            if inform_by
            else "This is an allegation: inform children’s social care within one working day."
        )
    else:
        reasons.append(
            Reason(
                "None of the three limbs of an allegation is met on these answers. The guidance "
                "distinguishes an allegation from a concern about the quality of care or practice, "
                "and from a complaint: those are dealt with under the organisation’s own policies.",
                cite.ALLEGATION_LIMBS,
            )
        )
        summary = (
            "On these answers this is not an allegation against a person who works with children."
        )
        actions.append(
            Action(
                "If more comes to light that meets any of the three limbs, treat it as an allegation "
                "and check again.",
                cite.ALLEGATION_LIMBS,
            )
        )

    if dbs:
        reasons.append(
            Reason(
                "The person has been removed from work with children (or would have been, had they "
                "not left first) because they pose a risk of harm to children: the organisation must "
                "make a referral to the Disclosure and Barring Service.",
                cite.DBS_REFERRAL,
            )
        )
        actions.append(
            Action(
                "Refer the person to the Disclosure and Barring Service. It is an offence to fail "
                "to make a referral without good reason.",
                cite.DBS_REFERRAL,
            )
        )
        if not is_allegation:
            summary += " The organisation must still refer the person to the DBS."
    else:
        reasons.append(
            Reason(
                "No referral to the Disclosure and Barring Service is required on these answers: the "
                "duty arises when the person is removed from work with children (or would have "
                "been, had they not left first) because they pose a risk of harm to children.",
                cite.DBS_REFERRAL,
            )
        )

    return result(
        CHECKER,
        "allegation" if is_allegation else "not_allegation",
        summary,
        reasons,
        actions,
        is_allegation=is_allegation,
        limbs_met=met,
        dbs_referral_required=dbs,
        inform_social_care_by=inform_by,
    )


CHECKER = Checker(
    id=CHECKER_ID,
    title="Is it an allegation, and what must happen by when?",
    intro=(
        "Answer each question about what has been said or done. The check applies the three "
        "limbs of an allegation, the one-working-day deadline and the duty to refer to the "
        "Disclosure and Barring Service quoted on this page."
    ),
    page="allegations/",
    questions=QUESTIONS,
    assess=assess,
)
