"""Is this a notifiable incident, and by when should Ofsted and the LSCB be told?

Working Together 2015 (final wording): "A notifiable incident is an incident involving the care
of a child which meets any of the following criteria" — four criteria, the last two met even
where abuse or neglect is not known or suspected. The January 2015 proposed text adds that the
local authority should report such an incident "promptly, and within five working days of
becoming aware that the incident has occurred"; the final wording of that paragraph is not in
this site's sources, and every result says so.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from . import citations as cite
from .dates import long_date
from .deadlines import within, working_days_phrase
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
    choice,
    date_question,
    result,
    yes_no,
)

CHECKER_ID = "notifiable-incident"
NOTIFY_WITHIN_WORKING_DAYS = 5  # proposed text of January 2015, paragraph 2

ABUSE_OR_NEGLECT_CHOICES = [
    ("known", "Known"),
    ("suspected", "Suspected"),
    ("not_suspected", "Not known or suspected"),
]


def abuse_known_or_suspected(answers: Answers) -> bool:
    return answers["abuse_or_neglect"] in ("known", "suspected")


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
        hint="See the definition of “seriously harmed” on the serious harm page: it is not "
        "exhaustive. Asked only if the child has not died.",
        cite=cite.SERIOUS_HARM_DEFINITION,
        # Once the child has died, the first criterion covers what the second would.
        asked_if=("child_died", False),
    ),
    choice(
        "abuse_or_neglect",
        "Is abuse or neglect known or suspected?",
        ABUSE_OR_NEGLECT_CHOICES,
        cite=cite.NI_CRITERIA,
        unsure=True,
    ),
    yes_no("looked_after", "Was the child looked after?", cite=cite.NI_CRITERIA),
    yes_no(
        "regulated_setting",
        "Was the child in a regulated setting or service?",
        hint="For example a children’s home (including a secure children’s home) or a "
        "childminder: the list is on this page.",
        cite=cite.NI_REGULATED_SETTINGS,
        feeds=cite.NI_CRITERIA,
    ),
    date_question(
        "aware_on",
        "When did the local authority become aware of the incident? (optional)",
        hint="Give the date to see the last day for notifying. Nothing you enter leaves this page.",
        cite=cite.NI_REPORTING,
    ),
)


@dataclass(frozen=True)
class Criterion:
    """One of the four criteria, in the guidance's order."""

    id: str
    test: Callable[[Answers], bool]
    met: str  # why it is met, as a reason says it


CRITERIA = (
    Criterion(
        "death_abuse_neglect",
        lambda a: a["child_died"] and abuse_known_or_suspected(a),
        "A child has died and abuse or neglect is known or suspected (the first criterion; "
        "it includes cases of suspected suicide).",
    ),
    Criterion(
        "serious_harm_abuse_neglect",
        lambda a: a["seriously_harmed"] and abuse_known_or_suspected(a),
        "A child has been seriously harmed and abuse or neglect is known or suspected "
        "(the second criterion).",
    ),
    Criterion(
        "looked_after_death",
        lambda a: a["child_died"] and a["looked_after"],
        "A looked-after child has died (the third criterion). This criterion applies even "
        "where abuse or neglect is not known or suspected.",
    ),
    Criterion(
        "regulated_setting_death",
        lambda a: a["child_died"] and a["regulated_setting"],
        "A child in a regulated setting or service has died (the fourth criterion). This "
        "criterion applies even where abuse or neglect is not known or suspected.",
    ),
)


def criteria_met(answers: Answers) -> list[str]:
    """The ids of the criteria complete answers meet (the serious-harm checker uses it too)."""
    return [c.id for c in CRITERIA if c.test(answers)]


def verdict(answers: Answers) -> str:
    return "notifiable" if criteria_met(answers) else "not_notifiable"


def report_action(answers: Answers, date_asked: bool = True) -> Action:
    """Paragraph 2 of the proposed text: report promptly, and within five working days.
    `date_asked`: whether the check this appears in asks for the date of awareness."""
    due, when = within(
        NOTIFY_WITHIN_WORKING_DAYS,
        answers.get("aware_on"),
        "becoming aware that the incident has occurred",
        date_asked,
    )
    return Action(
        f"The local authority should report the incident to Ofsted and the relevant LSCB "
        f"promptly, and {when}.",
        cite.NI_REPORTING,
        due,
    )


SCR_ACTION = Action(
    "Consider whether the facts also meet the criteria for a serious case review: every case "
    "that meets those criteria is also a notifiable incident, but not every notifiable "
    "incident leads to one.",
    cite.NI_AND_SCR,
)
CHECK_AGAIN = Action(
    "If the facts change or become clearer (for example, abuse or neglect comes to be "
    "suspected), check again.",
    cite.NI_CRITERIA,
    source=cite.SITE,
)
FIND_OUT = find_out(cite.NI_CRITERIA)


def notifiable_summary(answers: Answers) -> str:
    notify_by = report_action(answers).due
    within_days = working_days_phrase(NOTIFY_WITHIN_WORKING_DAYS)
    return (
        "This is a notifiable incident: the local authority should tell Ofsted and the LSCB "
        + (
            f"promptly, and by {long_date(notify_by)} at the latest"
            if notify_by
            else f"promptly, and within {within_days}"
        )
        + f" ({within_days}: the January 2015 proposed text)."
    )


def not_met_reason(answers: Answers) -> str:
    if answers["child_died"]:
        return (
            "The child has died, but abuse or neglect is not known or suspected and the child "
            "was neither looked after nor in a regulated setting or service, so none of the "
            "four criteria is met."
        )
    if answers["seriously_harmed"] and answers["abuse_or_neglect"] == "not_suspected":
        return (
            "The child has been seriously harmed, but abuse or neglect is not known or "
            "suspected, so none of the four criteria is met."
        )
    return "None of the four criteria is met on these answers."


OUTCOMES = (
    Outcome(
        "notifiable",
        "act",
        "it is a notifiable incident",
        notifiable_summary,
        reasons=lambda a: [
            Reason(
                "Meeting any one of the criteria is enough for an incident to be notifiable.",
                cite.NI_CRITERIA,
            )
        ],
        actions=lambda a: [report_action(a), SCR_ACTION],
    ),
    Outcome(
        "not_notifiable",
        "clear",
        "it is not a notifiable incident",
        lambda a: "On these answers the incident is not a notifiable incident.",
        reasons=lambda a: [Reason(not_met_reason(a), cite.NI_CRITERIA)],
        actions=lambda a: [CHECK_AGAIN],
    ),
    Outcome(
        UNDETERMINED,
        "open",
        UNDETERMINED_NAME,
        lambda a: (
            "Whether this is a notifiable incident depends on the answers you were not sure of."
        ),
        actions=lambda a: [FIND_OUT, report_action(a).only_if("this is a notifiable incident")],
    ),
)


def assess(answers: Answers) -> Result:
    settled = CHECKER.open(answers)
    outcome = CHECKER.outcome(settled.value or UNDETERMINED)
    # Once the child has died, "seriously harmed" is not asked: the first criterion covers it.
    harm_asked = not CHECKER.not_asked(CHECKER.question("seriously_harmed"), answers)
    met = [
        c
        for c in CRITERIA
        if CHECKER.always(answers, c.test) and (harm_asked or c.id != "serious_harm_abuse_neglect")
    ]
    reasons = [Reason(c.met, cite.NI_CRITERIA) for c in met] + outcome.reasons(answers)
    reasons += unsure_reasons(CHECKER, answers)
    return result(
        CHECKER,
        answers,
        outcome.id,
        outcome.summary(answers),
        reasons,
        outcome.actions(answers),
        depends_on=settled.depends_on,
        notifiable={"notifiable": True, "not_notifiable": False}.get(outcome.id),
        criteria_met=[c.id for c in met],
        # The time runs from awareness whatever the open answers turn out to be.
        notify_by=report_action(answers).due if outcome.id != "not_notifiable" else None,
    )


CHECKER = Checker(
    id=CHECKER_ID,
    title="Is it a notifiable incident?",
    print_title="Notifiable incident check: record",
    use_when=(
        "A child has died or been seriously harmed, and you need to know whether Ofsted and "
        "the LSCB had to be told, and by when."
    ),
    intro=(
        "Answer each question about the incident. The check applies the four criteria quoted "
        "on this page and, if you give the date the local authority became aware, works out "
        "the last day for telling Ofsted and the LSCB under the January 2015 proposed text."
    ),
    page="notifiable-incidents/",
    questions=QUESTIONS,
    assess=assess,
    verdict=verdict,
    outcomes=OUTCOMES,
)
