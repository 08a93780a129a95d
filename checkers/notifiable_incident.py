"""Is this a notifiable incident, and by when must Ofsted and the LSCB be told?

Working Together 2015: "A notifiable incident is an incident involving the care of a child
which meets any of the following criteria" — four criteria, the last two met even where abuse
or neglect is not known or suspected. The proposed text of January 2015 adds that the local
authority should report such an incident "promptly, and within five working days of becoming
aware that the incident has occurred".
"""

from __future__ import annotations

from . import citations as cite
from .deadlines import deadline, long_date
from .model import Action, Answers, Checker, Reason, Result, choice, date_question, result, yes_no

CHECKER_ID = "notifiable-incident"
NOTIFY_WITHIN_WORKING_DAYS = 5

ABUSE_OR_NEGLECT_CHOICES = [
    ("known", "Known"),
    ("suspected", "Suspected"),
    ("not_suspected", "Not known or suspected"),
]

QUESTIONS = (
    yes_no(
        "child_died",
        "Has the child died?",
        hint="Include a death by suspected suicide.",
        cite=cite.NI_CRITERIA,
    ),
    yes_no(
        "seriously_harmed",
        "Has the child been seriously harmed?",
        hint="See the definition of “seriously harmed” on the serious harm page.",
        cite=cite.SERIOUS_HARM_DEFINITION,
    ),
    choice(
        "abuse_or_neglect",
        "Is abuse or neglect known or suspected?",
        ABUSE_OR_NEGLECT_CHOICES,
        cite=cite.NI_CRITERIA,
    ),
    yes_no("looked_after", "Was the child looked after?", cite=cite.NI_CRITERIA),
    yes_no(
        "regulated_setting",
        "Was the child in a regulated setting or service?",
        hint="For example a children’s home or a childminder: the list is on this page.",
        cite=cite.NI_REGULATED_SETTINGS,
    ),
    date_question(
        "aware_on",
        "When did the local authority become aware of the incident? (optional)",
        hint="Give the date to see the last day for notifying. Nothing you enter leaves this page.",
        cite=cite.NI_REPORTING,
    ),
)

# The four criteria, in the order the guidance lists them: (id, test, why it is met).
CRITERIA = (
    (
        "death_abuse_neglect",
        lambda a: a["child_died"] and abuse_known_or_suspected(a),
        "A child has died and abuse or neglect is known or suspected (the first criterion; "
        "it includes cases of suspected suicide).",
    ),
    (
        "serious_harm_abuse_neglect",
        lambda a: a["seriously_harmed"] and abuse_known_or_suspected(a),
        "A child has been seriously harmed and abuse or neglect is known or suspected "
        "(the second criterion).",
    ),
    (
        "looked_after_death",
        lambda a: a["child_died"] and a["looked_after"],
        "A looked-after child has died (the third criterion). This criterion applies even "
        "where abuse or neglect is not known or suspected.",
    ),
    (
        "regulated_setting_death",
        lambda a: a["child_died"] and a["regulated_setting"],
        "A child in a regulated setting or service has died (the fourth criterion). This "
        "criterion applies even where abuse or neglect is not known or suspected.",
    ),
)


def abuse_known_or_suspected(answers: Answers) -> bool:
    return answers["abuse_or_neglect"] in ("known", "suspected")


def criteria_met(answers: Answers) -> list[str]:
    """The ids of the criteria these facts meet (used by the serious-harm checker too)."""
    return [name for name, test, _ in CRITERIA if test(answers)]


def assess(answers: Answers) -> Result:
    met = criteria_met(answers)
    why = {name: text for name, _, text in CRITERIA}
    notifiable = bool(met)

    if not notifiable:
        reasons = [Reason(not_met_reason(answers), cite.NI_CRITERIA)]
        return result(
            CHECKER,
            "not_notifiable",
            "On these answers the incident is not a notifiable incident.",
            reasons,
            [
                Action(
                    "If the facts change or become clearer (for example, abuse or neglect comes "
                    "to be suspected), check again.",
                    cite.NI_CRITERIA,
                )
            ],
            notifiable=False,
            criteria_met=[],
            notify_by=None,
        )

    notify_by = deadline(answers["aware_on"], NOTIFY_WITHIN_WORKING_DAYS, "aware_on")
    reasons = [Reason(why[name], cite.NI_CRITERIA) for name in met]
    reasons.append(
        Reason(
            "Meeting any one of the criteria is enough for an incident to be notifiable.",
            cite.NI_CRITERIA,
        )
    )
    if notify_by:
        when = (
            f"by {long_date(notify_by)} at the latest: five working days after "
            f"{long_date(answers['aware_on'])}, not counting weekends or bank holidays "
            f"in England and Wales"
        )
    else:
        when = (
            "within five working days of becoming aware that the incident occurred "
            "(give the date of awareness to see the date)"
        )
    actions = [
        Action(
            f"The local authority reports the incident to Ofsted and the relevant LSCB "
            f"promptly, and {when}.",
            cite.NI_REPORTING,
            notify_by,
        ),
        Action(
            "Consider whether the facts also meet the criteria for a serious case review: "
            "every case that meets those criteria is also a notifiable incident, but not every "
            "notifiable incident leads to one.",
            cite.NI_AND_SCR,
        ),
    ]
    summary = (
        f"This is a notifiable incident: tell Ofsted and the LSCB by {long_date(notify_by)}."
        if notify_by
        else "This is a notifiable incident: tell Ofsted and the LSCB within five working days."
    )
    return result(
        CHECKER,
        "notifiable",
        summary,
        reasons,
        actions,
        notifiable=True,
        criteria_met=met,
        notify_by=notify_by,
    )


def not_met_reason(answers: Answers) -> str:
    if answers["child_died"]:
        return (
            "The child has died, but abuse or neglect is not known or suspected and the child "
            "was neither looked after nor in a regulated setting or service, so none of the "
            "four criteria is met."
        )
    if answers["seriously_harmed"]:
        return (
            "The child has been seriously harmed, but abuse or neglect is not known or "
            "suspected, so none of the four criteria is met."
        )
    return (
        "The child has neither died nor been seriously harmed, so none of the four criteria is met."
    )


CHECKER = Checker(
    id=CHECKER_ID,
    title="Is it a notifiable incident?",
    intro=(
        "Answer each question about the incident. The check applies the four criteria quoted "
        "on this page and, if you give the date the local authority became aware, works out "
        "the last day for telling Ofsted and the LSCB."
    ),
    page="notifiable-incidents/",
    questions=QUESTIONS,
    assess=assess,
)
