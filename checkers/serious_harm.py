"""Serious-harm triage and the serious case review decision.

Applies the 2015 definition of "seriously harmed", regulation 5(2) of the Local Safeguarding
Children Boards Regulations 2006, and paragraphs 6 to 8 of the proposed text of January 2015:

- regulation 5(2)(a) with (b)(i) — abuse or neglect known or suspected and the child has died —
  must always trigger a serious case review (SCR);
- regulation 5(2)(a) with (b)(ii) — the child seriously harmed and cause for concern about how
  agencies worked together — must too, "unless it is clear that there are no concerns about
  inter-agency working";
- a child's death in custody, or in the other settings paragraph 6 lists, calls for an SCR even
  if neither is met;
- otherwise, where abuse or neglect is known or suspected, the LSCB may still commission an SCR
  or another kind of review, and should consider reviewing such cases.
"""

from __future__ import annotations

from . import citations as cite
from . import notifiable_incident
from .links import filled_in
from .model import (
    Action,
    Answers,
    Checker,
    InputError,
    Note,
    Problem,
    Reason,
    Result,
    choice,
    result,
    yes_no,
)

CHECKER_ID = "serious-harm"

QUESTIONS = (
    choice(
        "abuse_or_neglect",
        "Is abuse or neglect of the child known or suspected?",
        notifiable_incident.ABUSE_OR_NEGLECT_CHOICES,
        cite=cite.REGULATION_5,
    ),
    yes_no(
        "child_died",
        "Has the child died?",
        hint="Include a death by suspected suicide.",
        cite=cite.SCR_PARA_6,
    ),
    yes_no(
        "life_threatening_injury",
        "Has the child sustained a potentially life-threatening injury?",
        cite=cite.SERIOUS_HARM_DEFINITION,
    ),
    yes_no(
        "serious_or_long_term_impairment",
        "Has the child sustained serious or likely long-term impairment of physical or mental "
        "health, or of physical, intellectual, emotional, social or behavioural development?",
        cite=cite.SERIOUS_HARM_DEFINITION,
    ),
    yes_no(
        "child_recovered",
        "Has the child recovered? (optional)",
        hint="Recovery does not mean that serious harm has not occurred.",
        cite=cite.SERIOUS_HARM_DEFINITION,
        required=False,
    ),
    choice(
        "interagency_concerns",
        "Is there cause for concern about the way the authority, their Board partners or other "
        "relevant persons have worked together to safeguard the child?",
        [
            ("yes", "Yes"),
            ("no", "No: it is clear there are no such concerns"),
            ("unclear", "It is not clear"),
        ],
        cite=cite.SCR_PARA_7,
    ),
    yes_no(
        "death_in_custody",
        "Did the child die in custody, in police custody, on remand or following sentencing, "
        "in a Young Offender Institution, a secure training centre or a secure children’s home, "
        "or while detained under the Mental Capacity Act 2005?",
        hint="Answer no if the child has not died.",
        cite=cite.SCR_PARA_6,
    ),
)


def abuse_known_or_suspected(a: Answers) -> bool:
    return a["abuse_or_neglect"] in ("known", "suspected")


def harm_within_definition(a: Answers) -> bool:
    """The kinds of harm the definition names (whether or not caused by abuse or neglect)."""
    return bool(a["life_threatening_injury"] or a["serious_or_long_term_impairment"])


def seriously_harmed(a: Answers) -> bool:
    """The definition: harm of those kinds sustained "as a result of abuse or neglect"."""
    return abuse_known_or_suspected(a) and harm_within_definition(a)


def regulation_5_2_b_i(a: Answers) -> bool:
    return abuse_known_or_suspected(a) and a["child_died"]


def regulation_5_2_b_ii(a: Answers) -> bool:
    # Paragraph 7: an SCR must follow "unless it is clear that there are no concerns".
    return seriously_harmed(a) and a["interagency_concerns"] in ("yes", "unclear")


def check_consistency(a: Answers) -> None:
    problems = []
    if a["death_in_custody"] and not a["child_died"]:
        problems.append(
            Problem(
                "death_in_custody",
                "cannot be yes when the child has not died (child_died is no)",
                "This cannot be yes when the child has not died. Change this answer, or your "
                "answer to “Has the child died?”",
            )
        )
    if a["child_recovered"] and a["child_died"]:
        problems.append(
            Problem(
                "child_recovered",
                "cannot be yes when the child has died (child_died is yes)",
                "This cannot be yes when the child has died. Change this answer, or your answer "
                "to “Has the child died?”",
            )
        )
    if problems:
        raise InputError(problems)


def assess(a: Answers) -> Result:
    check_consistency(a)
    reasons = harm_reasons(a)
    actions: list[Action] = []

    met_b_i, met_b_ii, custody = (
        regulation_5_2_b_i(a),
        regulation_5_2_b_ii(a),
        a["death_in_custody"],
    )
    if met_b_i or met_b_ii or custody:
        scr = "must"
        reasons += must_reasons(a, met_b_i, met_b_ii, custody)
        summary = "A serious case review must be commissioned; the final decision rests with the LSCB Chair."
        actions.append(
            Action(
                "The LSCB commissions a serious case review. The final decision on whether to conduct "
                "it rests with the LSCB Chair.",
                cite.SCR_PARA_7,
            )
        )
    elif abuse_known_or_suspected(a):
        scr = "consider"
        reasons.append(Reason(not_met_reason(a), cite.REGULATION_5))
        reasons.append(
            Reason(
                "Where the criteria in regulation 5(2) are not met, the LSCB may still decide to "
                "commission an SCR, or may choose to commission another form of case review.",
                cite.SCR_PARA_7,
            )
        )
        summary = (
            "The criteria for a serious case review are not met, but the LSCB should "
            "consider a review and may still commission an SCR."
        )
        actions.append(
            Action(
                "The LSCB considers whether to commission an SCR or another form of case review. "
                "LSCBs should consider conducting reviews on cases which do not meet the SCR "
                "criteria.",
                cite.SCR_PARA_8,
            )
        )
    else:
        scr = "not_indicated"
        reasons.append(
            Reason(
                "Regulation 5(2)(a) is not met: abuse or neglect is not known or suspected, and the "
                "child did not die in custody or in the other settings paragraph 6 lists.",
                cite.REGULATION_5,
            )
        )
        summary = "A serious case review is not indicated on these answers."
        actions.append(
            Action(
                "If abuse or neglect comes to be known or suspected, check again. LSCBs remain free "
                "to review cases which do not meet the SCR criteria.",
                cite.SCR_PARA_8,
            )
        )

    criteria = notifiable_incident.criteria_met(notifiable_facts(a))
    notifiable = bool(criteria)
    reasons.append(notifiable_reason(a, notifiable))
    if notifiable:
        actions.append(
            Action(
                "The local authority notifies Ofsted and the relevant LSCB within five working days "
                "of becoming aware of the incident: the notifiable-incident check works out the date.",
                cite.NI_REPORTING,
            )
        )

    return result(
        CHECKER,
        scr,
        summary,
        reasons,
        actions,
        seriously_harmed="yes" if seriously_harmed(a) else "not_established",
        scr=scr,
        notifiable=notifiable,
        notifiable_incident_answers=notifiable_answers(a),
    )


def harm_reasons(a: Answers) -> list[Reason]:
    d = cite.SERIOUS_HARM_DEFINITION
    if seriously_harmed(a):
        kinds = []
        if a["life_threatening_injury"]:
            kinds.append("a potentially life-threatening injury")
        if a["serious_or_long_term_impairment"]:
            kinds.append("serious or likely long-term impairment of health or development")
        out = [
            Reason(
                "The definition of “seriously harmed” is met: as a result of abuse or neglect "
                "(known or suspected), the child has sustained " + " and ".join(kinds) + ".",
                d,
            )
        ]
    elif harm_within_definition(a):
        out = [
            Reason(
                "The definition of “seriously harmed” is not shown to be met: it covers harm "
                "sustained as a result of abuse or neglect, and abuse or neglect is not known or "
                "suspected.",
                d,
            )
        ]
    else:
        out = [
            Reason(
                "The definition of “seriously harmed” is not shown to be met on these answers. The "
                "definition is not exhaustive: other harm can also be serious harm.",
                d,
            )
        ]
    if a["child_recovered"]:
        out.append(
            Reason(
                "The child has recovered, but even if a child recovers, this does not mean that "
                "serious harm has not occurred.",
                d,
            )
        )
    return out


def must_reasons(a: Answers, b_i: bool, b_ii: bool, custody: bool) -> list[Reason]:
    out = []
    if b_i:
        out.append(
            Reason(
                "Regulation 5(2)(a) and (b)(i) are met: abuse or neglect is known or suspected and "
                "the child has died. Cases meeting these criteria must always trigger an SCR.",
                cite.SCR_PARA_6,
            )
        )
    if b_ii:
        concern = (
            "there is cause for concern about how agencies worked together"
            if a["interagency_concerns"] == "yes"
            else "it is not clear that there are no concerns about inter-agency working"
        )
        out.append(
            Reason(
                "Regulation 5(2)(a) and (b)(ii) are met: abuse or neglect is known or suspected, the "
                f"child has been seriously harmed, and {concern}. Where a case is considered under "
                "(b)(ii), the LSCB must commission an SCR unless it is clear that there are no "
                "concerns about inter-agency working.",
                cite.SCR_PARA_7,
            )
        )
    if custody:
        out.append(
            Reason(
                "The child died in custody or in one of the other settings paragraph 6 lists: an SCR "
                "should always be carried out, even if the regulation 5(2) criteria are not met.",
                cite.SCR_PARA_6,
            )
        )
    return out


def not_met_reason(a: Answers) -> str:
    if seriously_harmed(a):
        return (
            "Regulation 5(2)(b)(ii) is not met: the child has been seriously harmed, but it "
            "is clear that there are no concerns about inter-agency working."
        )
    return (
        "Regulation 5(2)(b) is not met: the child has not died, and has not been shown to "
        "be seriously harmed within the definition."
    )


def notifiable_facts(a: Answers) -> Answers:
    """The notifiable-incident answers these facts settle. Whether the child was looked after
    or in a regulated setting is not asked here, so those criteria are left unmet."""
    return {
        "child_died": a["child_died"],
        "seriously_harmed": seriously_harmed(a),
        "abuse_or_neglect": a["abuse_or_neglect"],
        "looked_after": False,
        "regulated_setting": False,
    }


def notifiable_answers(a: Answers) -> dict[str, object]:
    """The answers to carry into the notifiable-incident checker (its other questions are
    left for the reader)."""
    facts = notifiable_facts(a)
    return {k: facts[k] for k in ("child_died", "seriously_harmed", "abuse_or_neglect")}


def notifiable_reason(a: Answers, notifiable: bool) -> Reason:
    if notifiable:
        return Reason(
            "The same facts make a notifiable incident: the child has died or been seriously "
            "harmed, and abuse or neglect is known or suspected. Every case that meets the SCR "
            "criteria in regulation 5(2) is also a notifiable incident.",
            cite.NI_AND_SCR,
        )
    if a["child_died"]:
        return Reason(
            "On these answers the death is not a notifiable incident unless the child was looked "
            "after or in a regulated setting or service: those deaths are notifiable even where "
            "abuse or neglect is not known or suspected.",
            cite.NI_CRITERIA,
        )
    return Reason("On these answers this is not a notifiable incident.", cite.NI_CRITERIA)


def notes(result: Result) -> list[Note]:
    """Whether the same facts make a notifiable incident, with the other check filled in."""
    verdict = (
        "This is a notifiable incident."
        if result["notifiable"]
        else "On these answers this is not a notifiable incident."
    )
    return [
        Note(
            verdict,
            "Open the notifiable-incident check with these answers filled in",
            filled_in(notifiable_incident.CHECKER, result["notifiable_incident_answers"]),
        )
    ]


CHECKER = Checker(
    id=CHECKER_ID,
    title="Serious harm and the serious case review decision",
    intro=(
        "Answer each question about the case. The check applies the definition of “seriously "
        "harmed”, regulation 5(2) and paragraphs 6 to 8 quoted on this page, and says whether "
        "the same facts make a notifiable incident."
    ),
    page="serious-harm/",
    questions=QUESTIONS,
    assess=assess,
    notes=notes,
)
