"""Serious-harm triage and the serious case review decision.

Applies the 2015 definition of "seriously harmed" (final wording), regulation 5(2) of the Local
Safeguarding Children Boards Regulations 2006, and paragraphs 6 to 8 of the proposed text of
January 2015 (the final wording of those paragraphs is not in this site's sources):

- regulation 5(2)(a) with (b)(i) — abuse or neglect known or suspected and the child has died —
  "must always trigger an SCR" (paragraph 6);
- a case considered under regulation 5(2)(b)(ii) — the child seriously harmed as a result of
  abuse or neglect — "unless it is clear that there are no concerns about inter-agency
  working, the LSCB must commission an SCR" (paragraph 7);
- "even if one of these criteria are not met an SCR should always be carried out when a child
  dies in custody", and in the other settings paragraph 6 lists: "should", not "must";
- otherwise, where abuse or neglect is known or suspected, the LSCB "may still decide to
  commission an SCR" (paragraph 7), and "should consider conducting reviews on cases which do
  not meet the SCR criteria" (paragraph 8).
"""

from __future__ import annotations

from . import citations as cite
from . import notifiable_incident
from .explain import find_out, quoted, unsure_reasons
from .model import (
    UNDETERMINED,
    UNDETERMINED_NAME,
    Action,
    Answers,
    Checker,
    FilledIn,
    Note,
    Outcome,
    Problem,
    Reason,
    Result,
    choice,
    result,
    yes_no,
)
from .unknowns import Open, settle

CHECKER_ID = "serious-harm"

# Where a child died in custody or detention, in paragraph 6's words.
CUSTODY_SETTINGS = [
    ("secure_childrens_home", "In a secure children’s home"),
    ("young_offender_institution", "In a Young Offender Institution"),
    ("secure_training_centre", "In a secure training centre"),
    ("police_custody", "In police custody"),
    ("other_custody", "Elsewhere in custody, on remand or following sentencing"),
    ("mental_capacity_act", "While detained under the Mental Capacity Act 2005"),
]
# The footnote listing regulated settings includes "Children's Homes (including secure
# children's homes)": a death there is a death in a regulated setting.
REGULATED_CUSTODY_SETTINGS = {"secure_childrens_home"}

# Once the child has died, regulation 5(2)(b)(i) and the first notifiable criterion decide what
# serious harm would: the harm questions and recovery are not asked.
WHILE_ALIVE = ("child_died", False)

QUESTIONS = (
    choice(
        "abuse_or_neglect",
        "Is abuse or neglect of the child known or suspected?",
        notifiable_incident.ABUSE_OR_NEGLECT_CHOICES,
        cite=cite.REGULATION_5,
        unsure=True,
    ),
    yes_no(
        "child_died",
        "Has the child died?",
        hint="Include a death by suspected suicide.",
        cite=cite.SCR_PARA_6,
    ),
    yes_no(
        "life_threatening_injury",
        "As a result of abuse or neglect, has the child sustained a potentially "
        "life-threatening injury?",
        hint="Asked only if the child has not died. Answer no if the injury was not the result "
        "of abuse or neglect.",
        cite=cite.SERIOUS_HARM_DEFINITION,
        asked_if=WHILE_ALIVE,
    ),
    yes_no(
        "serious_or_long_term_impairment",
        "As a result of abuse or neglect, has the child sustained serious or likely long-term "
        "impairment of physical or mental health, or of physical, intellectual, emotional, "
        "social or behavioural development?",
        hint="Asked only if the child has not died.",
        cite=cite.SERIOUS_HARM_DEFINITION,
        asked_if=WHILE_ALIVE,
    ),
    yes_no(
        "child_recovered",
        "Has the child recovered? (optional)",
        hint="Recovery does not mean that serious harm has not occurred.",
        cite=cite.SERIOUS_HARM_DEFINITION,
        required=False,
        asked_if=WHILE_ALIVE,
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
    choice(
        "custody_setting",
        "If the child died in custody or detained: where, or how detained? (optional)",
        CUSTODY_SETTINGS,
        hint="Answer only if the child died in custody. A secure children’s home is also a "
        "regulated setting, which matters for notifying the incident.",
        cite=cite.SCR_PARA_6,
        required=False,
        asked_if=("death_in_custody", True),
    ),
)


def abuse_known_or_suspected(a: Answers) -> bool:
    return notifiable_incident.abuse_known_or_suspected(a)


HARMS = ("life_threatening_injury", "serious_or_long_term_impairment")


def listed_harm(a: Answers) -> bool:
    """A harm the definition lists, sustained as a result of abuse or neglect (each question
    asks that link in the definition's words)."""
    return any(bool(a[h]) for h in HARMS)


def seriously_harmed(a: Answers) -> bool:
    """The definition's listed cases: abuse or neglect known or suspected, and a listed harm
    sustained as a result of it. The definition "includes, but is not limited to" them, so
    False here is "not established", never "not seriously harmed"."""
    return abuse_known_or_suspected(a) and listed_harm(a)


def regulation_5_2_b_i(a: Answers) -> bool:
    """5(2)(a) and (b)(i): abuse or neglect known or suspected, and the child has died."""
    return abuse_known_or_suspected(a) and bool(a["child_died"])


def regulation_5_2_b_ii_met(a: Answers) -> bool:
    """5(2)(a) and (b)(ii) as the regulation words it: seriously harmed, and cause for concern."""
    return seriously_harmed(a) and a["interagency_concerns"] == "yes"


def paragraph_7_must(a: Answers) -> bool:
    """Paragraph 7: a case considered under (b)(ii) must go to an SCR "unless it is clear that
    there are no concerns about inter-agency working" — so "not clear" is enough."""
    return seriously_harmed(a) and a["interagency_concerns"] != "no"


def custody_death(a: Answers) -> bool:
    return bool(a["child_died"] and a["death_in_custody"])


def verdict(a: Answers) -> str:
    """The decision for complete answers, in the order the guidance gives it."""
    if regulation_5_2_b_i(a) or paragraph_7_must(a):
        return "must"
    if custody_death(a):
        return "should"
    if abuse_known_or_suspected(a):
        return "consider"
    return "not_indicated"


def contradictions(a: Answers) -> list[Problem]:
    problems = []
    if a["abuse_or_neglect"] == "not_suspected":
        problems += [
            Problem(
                h,
                "cannot be yes when abuse or neglect is not known or suspected "
                "(abuse_or_neglect is not_suspected)",
                "This cannot be yes when abuse or neglect is not known or suspected: the "
                "question asks about harm sustained as a result of abuse or neglect. Change this "
                "answer, or your answer to “Is abuse or neglect of the child known or suspected?”",
            )
            for h in HARMS
            if a[h] is True
        ]
    if a["death_in_custody"] is True and a["child_died"] is False:
        problems.append(
            Problem(
                "death_in_custody",
                "cannot be yes when the child has not died (child_died is no)",
                "This cannot be yes when the child has not died. Change this answer, or your "
                "answer to “Has the child died?”",
            )
        )
    if a["child_recovered"] is True and a["child_died"] is True:
        problems.append(
            Problem(
                "child_recovered",
                "cannot be yes when the child has died (child_died is yes)",
                "This cannot be yes when the child has died. Change this answer, or your answer "
                "to “Has the child died?”",
            )
        )
    if a["custody_setting"] is not None and (
        a["death_in_custody"] is False or a["child_died"] is False
    ):
        problems.append(
            Problem(
                "custody_setting",
                "is asked only when the child died in custody (child_died and "
                "death_in_custody yes)",
                "Leave this blank: you answered that the child did not die in custody",
            )
        )
    return problems


# -- the result --------------------------------------------------------------------------------


def assess(a: Answers) -> Result:
    decision = CHECKER.open(a)
    scr = decision.value or UNDETERMINED
    outcome = CHECKER.outcome(scr)
    reasons = harm_reasons(a) + outcome.reasons(a)
    reasons += unsure_reasons(CHECKER, a)
    actions = outcome.actions(a)
    summary = outcome.summary(a)
    if scr == UNDETERMINED:
        # What each way the decision could go asks first, and whether every way is a review.
        reasons += either_way(decision.values)
        actions += [
            Action(f"If {o.name}: {o.actions(a)[0].text}", o.actions(a)[0].cite)
            for o in CHECKER.decided
            if o.id in decision.values
        ]
        if review_either_way(decision.values):
            summary = EITHER_WAY_SUMMARY

    notifiable = notifiability(a)
    reasons.append(notifiable_reason(a, notifiable))
    if notifiable.value is True:
        # This check asks no date: the notifiable-incident check works out the day.
        actions.append(notifiable_incident.report_action({}, date_asked=False))
    elif notifiable.value is None:
        actions.append(check_notifiable(notifiable.depends_on))

    return result(
        CHECKER,
        a,
        scr,
        summary,
        reasons,
        actions,
        depends_on=decision.depends_on,
        seriously_harmed=seriously_harmed_field(a),
        scr=None if scr == UNDETERMINED else scr,
        notifiable=notifiable.value,
        notifiable_depends_on=list(notifiable.depends_on),
        notifiable_incident_answers=notifiable_answers(a),
    )


def seriously_harmed_field(a: Answers) -> str | None:
    """ "yes" when the answers give a listed harm from abuse or neglect, "not_established" when
    they rule both out, None when they do not settle it or the child has died (not asked)."""
    if a["child_died"] is True:
        return None
    return {True: "yes", False: "not_established", None: None}[CHECKER.always(a, seriously_harmed)]


def review_either_way(possible: frozenset) -> bool:
    """Every way of filling in the "not sure" answers leads to a serious case review."""
    return possible <= {"must", "should"}


def either_way(possible: frozenset) -> list[Reason]:
    """An open decision whose every way leads to a serious case review says so."""
    if not review_either_way(possible):
        return []
    return [
        Reason(
            "Either way a serious case review follows: where abuse or neglect is known or "
            "suspected it must be commissioned, and where it is not, an SCR should always be "
            "carried out when a child dies in custody.",
            cite.SCR_PARA_6,
        )
    ]


# An open decision whose every way leads to a review says so first.
EITHER_WAY_SUMMARY = (
    "A serious case review follows either way: whether it must be commissioned or should be "
    "carried out depends on the answers you were not sure of."
)

FIND_OUT = find_out(cite.REGULATION_5)


def must_reasons(a: Answers) -> list[Reason]:
    out = []
    if CHECKER.always(a, regulation_5_2_b_i):
        out.append(
            Reason(
                "Regulation 5(2)(a) and (b)(i) are met: abuse or neglect of the child is known or "
                "suspected, and the child has died.",
                cite.REGULATION_5,
            )
        )
        out.append(
            Reason(
                "Cases which meet one of these criteria must always trigger an SCR.",
                cite.SCR_PARA_6,
            )
        )
    elif CHECKER.always(a, regulation_5_2_b_ii_met):
        out.append(
            Reason(
                "Regulation 5(2)(a) and (b)(ii) are met: abuse or neglect is known or suspected, "
                "the child has been seriously harmed, and there is cause for concern as to the "
                "way in which the authority, their Board partners or other relevant persons have "
                "worked together to safeguard the child.",
                cite.REGULATION_5,
            )
        )
        out.append(
            Reason(
                "Cases which meet one of these criteria must always trigger an SCR.",
                cite.SCR_PARA_6,
            )
        )
    elif CHECKER.always(a, paragraph_7_must):
        out.append(
            Reason(
                "The case is considered under regulation 5(2)(b)(ii): abuse or neglect is known or "
                "suspected and the child has been seriously harmed. You answered that it is not "
                "clear whether there are concerns about how agencies worked together. Paragraph 7: "
                "unless it is clear that there are no concerns about inter-agency working, the "
                "LSCB must commission an SCR.",
                cite.SCR_PARA_7,
            )
        )
    else:
        # No answers reach here: a "must" rests on (b)(i) or on paragraph 7 however any "Not
        # sure" goes (tests/test_serious_harm.py checks every combination). Say so loudly
        # rather than give a decision without its reason.
        raise AssertionError(f"an SCR must be commissioned, but on no one criterion: {a}")
    if CHECKER.always(a, custody_death):
        out.append(
            Reason(
                "The child died in custody or in one of the other settings paragraph 6 lists: "
                "there, an SCR should always be carried out even if the regulation 5(2) criteria "
                "are not met.",
                cite.SCR_PARA_6,
            )
        )
    return out


def should_reasons(a: Answers) -> list[Reason]:
    return [
        Reason(
            "Regulation 5(2)(a) is not met: abuse or neglect of the child is not known or "
            "suspected, so the case is not one where an SCR must follow.",
            cite.REGULATION_5,
        ),
        Reason(
            "Paragraph 6: even if one of these criteria are not met an SCR should always be "
            "carried out when a child dies in custody, in police custody, on remand or following "
            "sentencing, in a Young Offender Institution, in a secure training centre or a secure "
            "children’s home, or where the child was detained under the Mental Capacity Act 2005. "
            "You answered that the child died in one of these.",
            cite.SCR_PARA_6,
        ),
    ]


def consider_reasons(a: Answers) -> list[Reason]:
    if CHECKER.always(a, seriously_harmed):
        why = (
            "Regulation 5(2) is not met on these answers: the child has been seriously harmed, "
            "but it is clear that there are no concerns about inter-agency working, and the "
            "child has not died."
        )
    else:
        why = (
            "Regulation 5(2)(b) is not met on these answers: the child has not died, and "
            "serious harm is not established on these answers."
        )
    return [Reason(why, cite.REGULATION_5), MAY_STILL_DECIDE]


MAY_STILL_DECIDE = Reason(
    "If an SCR is not required because the criteria in regulation 5(2) are not met, the LSCB "
    "may still decide to commission an SCR or they may choose to commission an alternative form "
    "of case review.",
    cite.SCR_PARA_7,
)


def not_indicated_reasons(a: Answers) -> list[Reason]:
    return [
        Reason(
            "Regulation 5(2)(a) is not met: abuse or neglect of the child is not known or "
            "suspected. Nor did the child die in custody or in the other settings paragraph 6 "
            "lists.",
            cite.REGULATION_5,
        ),
        MAY_STILL_DECIDE,
    ]


def open_reasons(a: Answers) -> list[Reason]:
    return [
        Reason(
            "What each answer you were not sure of would lead to, below, follows regulation 5(2) "
            "and paragraphs 6 to 8: an SCR must follow a case that meets regulation 5(2), should "
            "always follow a death in custody, and may still follow other cases.",
            cite.SCR_PARA_6,
        )
    ]


# Each decision once. Its first action is the decision's own (an open result lists it, "If …").
OUTCOMES = (
    Outcome(
        "must",
        "act",
        "a serious case review must be commissioned",
        lambda a: (
            "The LSCB must commission a serious case review; the final decision on whether "
            "to conduct it rests with the LSCB Chair."
        ),
        must_reasons,
        lambda a: [
            Action(
                "The LSCB must commission a serious case review. The final decision on whether "
                "to conduct the SCR rests with the LSCB Chair.",
                cite.SCR_PARA_7,
            )
        ],
    ),
    Outcome(
        "should",
        "act",
        "a serious case review should always be carried out (a death in custody)",
        lambda a: (
            "A serious case review should always be carried out when a child dies in "
            "custody, even though the regulation 5(2) criteria are not met."
        ),
        should_reasons,
        lambda a: [
            Action(
                "The LSCB should carry out a serious case review: paragraph 6 says an SCR should "
                "always be carried out when a child dies in custody or in the other settings it "
                "lists.",
                cite.SCR_PARA_6,
            )
        ],
    ),
    Outcome(
        "consider",
        "review",
        "an SCR is not required, but the LSCB should consider a review and may still "
        "commission an SCR",
        lambda a: (
            "The criteria for a serious case review are not met on these answers, but the "
            "LSCB should consider a review and may still commission an SCR."
        ),
        consider_reasons,
        lambda a: [
            Action(
                "The LSCB considers whether to commission an SCR or an alternative form of case "
                "review. LSCBs should consider conducting reviews on cases which do not meet the "
                "SCR criteria.",
                cite.SCR_PARA_8,
            )
        ],
    ),
    Outcome(
        "not_indicated",
        "clear",
        "a serious case review is not required",
        lambda a: (
            "A serious case review is not required on these answers; the LSCB may still "
            "decide to commission an SCR or an alternative form of case review, and should consider "
            "conducting reviews on cases which do not meet the SCR criteria."
        ),
        not_indicated_reasons,
        lambda a: [
            Action(
                "LSCBs should consider conducting reviews on cases which do not meet the SCR "
                "criteria.",
                cite.SCR_PARA_8,
            ),
            Action(
                "If abuse or neglect comes to be known or suspected, check again.",
                cite.REGULATION_5,
                source=cite.SITE,
            ),
        ],
    ),
    Outcome(
        UNDETERMINED,
        "open",
        UNDETERMINED_NAME,
        lambda a: (
            "Whether a serious case review is required depends on the answers you were not sure of."
        ),
        open_reasons,
        lambda a: [FIND_OUT],
    ),
)


def harm_reasons(a: Answers) -> list[Reason]:
    d = cite.SERIOUS_HARM_DEFINITION
    if a["child_died"] is True:
        return []  # the harm questions are not asked once the child has died
    harmed = CHECKER.always(a, seriously_harmed)
    if harmed:
        kinds = []
        if a["life_threatening_injury"]:
            kinds.append("a potentially life-threatening injury")
        if a["serious_or_long_term_impairment"]:
            kinds.append("serious or likely long-term impairment of health or development")
        out = [
            Reason(
                "The definition of “seriously harmed” is met: you answered that, as a result of "
                "abuse or neglect, the child has sustained " + " and ".join(kinds) + ".",
                d,
            )
        ]
    elif harmed is None:
        out = [
            Reason(
                "Whether the child has been seriously harmed within the definition depends on "
                "answers you were not sure of.",
                d,
            )
        ]
    elif a["abuse_or_neglect"] == "not_suspected":
        out = [
            Reason(
                "Serious harm within the definition is not established on these answers: it "
                "covers harm sustained as a result of abuse or neglect, and abuse or neglect is "
                "not known or suspected.",
                d,
            )
        ]
    else:
        out = [
            Reason(
                "Neither of the harms the definition lists is established on these answers. "
                "Serious harm “includes, but is not limited to” those cases, and “this definition "
                "is not exhaustive”: whether the child has been seriously harmed in another way is "
                "a judgement these answers do not settle.",
                d,
            )
        ]
    if a["child_recovered"]:
        out.append(
            Reason(
                "The child has recovered, but even if a child recovers, this does not mean that "
                "serious harm has not occurred.",
                d,
                source=cite.SUMMARY,
            )
        )
    return out


# -- the same facts as a notifiable incident --------------------------------------------------

# The notifiable-incident questions this checker does not ask. "Has the child been seriously
# harmed?" is among them: the definition is open, so where the listed harms are not
# established it is still a question for the notifiable-incident check.
NOT_ASKED_HERE = ("seriously_harmed", "looked_after", "regulated_setting")


def in_regulated_custody_setting(a: Answers) -> bool:
    return a["custody_setting"] in REGULATED_CUSTODY_SETTINGS


def notifiable_facts(a: Answers) -> Answers:
    """The notifiable-incident answers these facts give, for complete answers. The questions
    this checker does not ask are carried under their own names; "seriously harmed" is the
    listed harms or, where they are not established, the judgement the definition leaves."""
    return {
        "child_died": a["child_died"],
        "seriously_harmed": seriously_harmed(a) or bool(a["seriously_harmed"]),
        "abuse_or_neglect": a["abuse_or_neglect"],
        "looked_after": a["looked_after"],
        "regulated_setting": a["regulated_setting"] or in_regulated_custody_setting(a),
    }


def notifiability(a: Answers) -> Open:
    """Whether the facts make a notifiable incident, trying both answers to the questions this
    checker does not ask: never "no" unless all four criteria are ruled out."""
    regulated = True if in_regulated_custody_setting(a) else None
    combined = {**a, "seriously_harmed": None, "looked_after": None, "regulated_setting": regulated}
    unsure = CHECKER.unsure_fields(a) + [k for k in NOT_ASKED_HERE if combined[k] is None]
    return settle(
        combined,
        unsure,
        CHECKER.consistent,
        lambda c: notifiable_incident.verdict(notifiable_facts(c)) == "notifiable",
        CHECKER.domains(),
    )


def check_notifiable(depends_on: tuple[str, ...]) -> Action:
    """What to find out, here and in the other check, to know whether it is notifiable."""
    here = [quoted(CHECKER, f) for f in depends_on if f not in NOT_ASKED_HERE]
    there = [notifiable_question(f) for f in depends_on if f in NOT_ASKED_HERE]
    steps = []
    if here:
        steps.append("find out " + "; ".join(here) + " (asked here)")
    if there:
        steps.append("answer " + "; ".join(there) + " in the notifiable-incident check")
    return Action(
        "Check whether this is also a notifiable incident: " + ", and ".join(steps) + ".",
        cite.NI_CRITERIA,
        source=cite.SITE,
    )


def notifiable_question(name: str) -> str:
    if name in NOT_ASKED_HERE:
        return f"“{notifiable_incident.CHECKER.question(name).text}”"
    return quoted(CHECKER, name)


def notifiable_reason(a: Answers, notifiable: Open) -> Reason:
    if notifiable.value is True:
        if CHECKER.always(a, lambda c: verdict(c) == "must"):
            return Reason(
                "The same facts make a notifiable incident: every case that meets the criteria "
                "for a serious case review also meets the criteria for a notifiable incident.",
                cite.NI_AND_SCR,
            )
        if in_regulated_custody_setting(a):
            return Reason(
                "The same facts make a notifiable incident: the child died in a secure children’s "
                "home, and the list of regulated settings includes “Children’s Homes (including "
                "secure children’s homes)”. A death in a regulated setting is notifiable even "
                "where abuse or neglect is not known or suspected.",
                cite.NI_REGULATED_SETTINGS,
            )
        return Reason(
            "The same facts make a notifiable incident: the child has died or been seriously "
            "harmed, and abuse or neglect is known or suspected.",
            cite.NI_CRITERIA,
        )
    if notifiable.value is False:
        return Reason(
            "On these answers this is not a notifiable incident: the child has not died, and "
            "abuse or neglect is not known or suspected, which the criterion for a child "
            "seriously harmed requires.",
            cite.NI_CRITERIA,
        )
    asks = "; ".join(notifiable_question(f) for f in notifiable.depends_on)
    whys = []
    if "seriously_harmed" in notifiable.depends_on:
        whys.append(
            "whether the child has been seriously harmed is a judgement the listed harms do "
            "not settle"
        )
    if {"looked_after", "regulated_setting"} & set(notifiable.depends_on):
        whys.append(
            "a looked-after child’s death, and a death in a regulated setting or service, are "
            "notifiable even where abuse or neglect is not known or suspected"
        )
    why = (": " + "; ".join(whys) + ".") if whys else "."
    return Reason(
        "These answers do not settle whether this is also a notifiable incident. It depends on "
        f"{asks}{why}",
        cite.NI_CRITERIA,
    )


def notifiable_answers(a: Answers) -> dict[str, object]:
    """The answers to carry into the notifiable-incident checker: the facts this checker
    settles ("Not sure" where it does not), and a regulated setting when the setting is one.
    "Seriously harmed" is carried as yes only when the listed harms establish it; otherwise
    it is the other check's question (and not asked there once the child has died)."""
    died = CHECKER.always(a, lambda c: bool(c["child_died"]))
    out: dict[str, object] = {"child_died": died}
    if died is not True:
        out["seriously_harmed"] = True if CHECKER.always(a, seriously_harmed) else None
    # An answer of harm "as a result of abuse or neglect" settles that it is at least suspected.
    suspected = a["abuse_or_neglect"] is None and CHECKER.always(a, abuse_known_or_suspected)
    out["abuse_or_neglect"] = "suspected" if suspected else a["abuse_or_neglect"]
    if in_regulated_custody_setting(a):
        out["regulated_setting"] = True
    return out


def notes(result: Result) -> list[Note]:
    """Whether the same facts make a notifiable incident, with the other check filled in."""
    verdict_text = {
        True: "This is also a notifiable incident.",
        False: "On these answers this is not a notifiable incident.",
        None: "Whether this is also a notifiable incident is not settled by these answers.",
    }[result.extra["notifiable"]]
    return [
        Note(
            verdict_text,
            "Open the notifiable-incident check with these answers filled in",
            FilledIn(notifiable_incident.CHECKER_ID, result.extra["notifiable_incident_answers"]),
        )
    ]


CHECKER = Checker(
    id=CHECKER_ID,
    title="Serious harm and the serious case review decision",
    print_title="Serious harm and serious case review check: record",
    use_when=(
        "A child has died or been harmed, and you need to know whether the harm counts as "
        "serious and whether a serious case review had to be, or could be, commissioned."
    ),
    intro=(
        "Answer each question about the case. The check applies the definition of “seriously "
        "harmed”, regulation 5(2) and paragraphs 6 to 8 quoted on this page (paragraphs 6 to 8 "
        "from the January 2015 proposed text), and says whether the same facts make a "
        "notifiable incident."
    ),
    page="serious-harm/",
    questions=QUESTIONS,
    assess=assess,
    verdict=verdict,
    outcomes=OUTCOMES,
    contradictions=contradictions,
    notes=notes,
)
