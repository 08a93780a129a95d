"""Whistleblowing policy checklist.

As a summary of the 2015 revisions reports it (the guidance's own wording is not in this site's
sources), Working Together 2015 expects all organisations with safeguarding duties to have an
internal whistleblowing policy in place, clear about procedures, integrated into training so that all
employees are aware of it, and reflecting the principles of Sir Robert Francis's Freedom to
Speak Up review. The first five items are those expectations. The items after them are good
practice written by this site to help meet them: they are not the guidance's words, and they
are not attributed to the Freedom to Speak Up review.

Every item after the first is about the policy, so with no policy none of them can be met:
they are not asked when the answer to the policy is "no", and answering one "yes" with that
answer is a contradiction. Where the policy is "not sure" they are asked and required, and an
item is counted as met only when it is answered "yes": a "not sure" is never met, so the
checklist is never met while any answer is "not sure".

Missing the site's good-practice items alone never makes the guidance's outcome: a policy that
meets the guidance's expectations with good-practice items missing is `meets_guidance`.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import citations as cite
from .explain import unsure_reasons
from .model import (
    UNDETERMINED,
    UNDETERMINED_NAME,
    Action,
    Answers,
    Checker,
    Note,
    Outcome,
    Problem,
    Question,
    Reason,
    Result,
    result,
    yes_no,
)

CHECKER_ID = "whistleblowing"


@dataclass(frozen=True)
class Item:
    id: str
    question: str
    gap: str  # the gap, as the action plan states it
    action: str  # what to do about it
    source: str  # "guidance" or "good_practice"
    for_new_policy: str = ""  # what to put in a policy still to be written

    @property
    def cite(self) -> str:
        return (
            cite.WHISTLEBLOWING if self.source == "guidance" else cite.WHISTLEBLOWING_GOOD_PRACTICE
        )


ITEMS = (
    Item(
        "policy_in_place",
        "Does the organisation have an internal whistleblowing policy in place?",
        "There is no internal whistleblowing policy.",
        "Adopt an internal whistleblowing policy.",
        "guidance",
    ),
    Item(
        "procedures_clear",
        "Is the policy clear about the procedures for raising a concern?",
        "The policy is not clear about procedures.",
        "Rewrite the procedures so that each step, and who takes it, is clear.",
        "guidance",
        "Make its procedures for raising a concern clear: each step, and who takes it.",
    ),
    Item(
        "in_training",
        "Is the policy integrated into the organisation’s training?",
        "The policy is not integrated into training.",
        "Build the policy into induction and regular safeguarding training.",
        "guidance",
        "Build it into induction and regular safeguarding training.",
    ),
    Item(
        "staff_aware",
        "Are all staff aware of the policy?",
        "Not all staff are aware of the policy.",
        "Make sure every member of staff knows the policy: tell them, and check that they know.",
        "guidance",
        "Make sure every member of staff knows it: tell them, and check that they know.",
    ),
    Item(
        "reflects_freedom_to_speak_up",
        "Does the policy reflect the principles of Sir Robert Francis’s Freedom to Speak Up "
        "review?",
        "The policy does not reflect the principles of the Freedom to Speak Up review.",
        "Review the policy against the principles of the Freedom to Speak Up review.",
        "guidance",
        "Make it reflect the principles of the Freedom to Speak Up review.",
    ),
    Item(
        "names_who_to_contact",
        "Does the policy say who concerns should be raised with, by role, with contact details?",
        "The policy does not say who receives concerns.",
        "Name the roles that receive concerns, with how to reach them.",
        "good_practice",
        "Name the roles that receive concerns, with how to reach them.",
    ),
    Item(
        "route_outside_line_management",
        "Does the policy give a route for raising a concern outside line management?",
        "There is no route outside line management.",
        "Add a route that does not go through the person’s line manager.",
        "good_practice",
        "Give a route that does not go through the person’s line manager.",
    ),
    Item(
        "protection_from_detriment",
        "Does the policy say that people who raise a concern will be protected from detriment?",
        "The policy does not promise protection from detriment.",
        "State that raising a concern will not lead to detriment, and how that is ensured.",
        "good_practice",
        "State that raising a concern will not lead to detriment, and how that is ensured.",
    ),
    Item(
        "feedback_to_raiser",
        "Does the policy say that the person who raised a concern will be told what happened "
        "as a result?",
        "The policy does not promise feedback to the person who raised a concern.",
        "Commit to giving feedback to the person who raised the concern.",
        "good_practice",
        "Commit to giving feedback to the person who raised the concern.",
    ),
    Item(
        "regular_review",
        "Is the policy reviewed regularly, with a date for the next review?",
        "The policy has no regular review.",
        "Set a review date and an owner for the policy.",
        "good_practice",
        "Give it a review date and an owner.",
    ),
)

GUIDANCE_ITEMS = tuple(i.id for i in ITEMS if i.source == "guidance")
POLICY = ITEMS[0]  # "Does the organisation have an internal whistleblowing policy in place?"
ABOUT_THE_POLICY = ITEMS[1:]

QUESTIONS: tuple[Question, ...] = tuple(
    yes_no(
        i.id,
        i.question,
        cite=i.cite,
        hint="" if i.source == "guidance" else "Good practice, not a requirement of the guidance.",
        asked_if=None if i is POLICY else (POLICY.id, True),
    )
    for i in ITEMS
)


def verdict(a: Answers) -> str:
    if all(a[i.id] is True for i in ITEMS):
        return "meets"
    if all(a[i] is True for i in GUIDANCE_ITEMS):
        return "meets_guidance"
    return "gaps"


def contradictions(a: Answers) -> list[Problem]:
    if a[POLICY.id] is not False:
        return []
    return [
        Problem(
            i.id,
            f"cannot be yes when there is no policy ({POLICY.id} is no)",
            "This cannot be yes when there is no policy. Change this answer, or your answer to "
            "whether the organisation has a whistleblowing policy",
        )
        for i in ABOUT_THE_POLICY
        if a[i.id] is True
    ]


def _unsure(a: Answers) -> list[Item]:
    """The items answered "not sure" (and asked)."""
    unsure_ids = CHECKER.unsure_fields(a)
    return [i for i in ITEMS if i.id in unsure_ids]


def _gaps(a: Answers) -> list[Item]:
    """The items known not to be met."""
    unsure = _unsure(a)
    return [i for i in ITEMS if a[i.id] is not True and i not in unsure]


def _met(a: Answers) -> int:
    return sum(a[i.id] is True for i in ITEMS)


def _practice_gaps(a: Answers) -> int:
    return sum(i.source != "guidance" for i in _gaps(a))


def _items(count: int) -> str:
    return f"{count} good-practice item{'s' if count != 1 else ''}"


def gaps_summary(a: Answers) -> str:
    if a[POLICY.id] is False:
        return (
            f"There is no whistleblowing policy: organisations with safeguarding duties must "
            f"have one; adopt one first (0 of {len(ITEMS)} items met)."
        )
    return f"The policy has gaps: {expectations(a)} ({_met(a)} of {len(ITEMS)} items met)."


OUTCOMES = (
    Outcome(
        "meets",
        "clear",
        "the policy meets every item of the checklist",
        lambda a: f"The policy meets all {len(ITEMS)} items of the checklist.",
    ),
    Outcome(
        "meets_guidance",
        "review",
        "the policy meets what the guidance expects, with good-practice items missing",
        lambda a: (
            f"The policy meets what the guidance expects; {_items(_practice_gaps(a))} "
            f"missing ({_met(a)} of {len(ITEMS)} items met)."
        ),
    ),
    Outcome(
        "gaps",
        "act",
        "the policy does not meet what the guidance expects",
        gaps_summary,
    ),
    Outcome(
        UNDETERMINED,
        "open",
        UNDETERMINED_NAME,
        lambda a: (
            "Whether the policy meets what the guidance expects depends on the answers "
            f"you were not sure of: {expectations(a)} ({_met(a)} of {len(ITEMS)} items met)."
        ),
    ),
)


def assess(a: Answers) -> Result:
    """The reasons and the action plan are the checklist's, item by item, whatever the outcome;
    the outcome gives the summary."""
    decision = CHECKER.open(a)
    outcome = decision.value or UNDETERMINED
    no_policy = a[POLICY.id] is False
    unsure = _unsure(a)
    gaps = _gaps(a)
    guidance_gaps = [i for i in gaps if i.source == "guidance"]
    reasons: list[Reason] = []
    if no_policy:
        reasons.append(
            Reason(
                "There is no internal whistleblowing policy, so none of the other items can be "
                "met: each is about the policy.",
                cite.WHISTLEBLOWING,
            )
        )
    if guidance_gaps:
        reasons.append(
            Reason(
                f"{len(guidance_gaps)} of the {len(GUIDANCE_ITEMS)} expectations of the guidance "
                f"{'is' if len(guidance_gaps) == 1 else 'are'} not met.",
                cite.WHISTLEBLOWING,
            )
        )
    elif not any(i.source == "guidance" for i in unsure):
        reasons.append(Reason("All the expectations of the guidance are met.", cite.WHISTLEBLOWING))
    practice_gaps = _practice_gaps(a)
    if practice_gaps:
        reasons.append(
            Reason(
                f"{_items(practice_gaps)} written by this site to help meet them "
                f"{'are' if practice_gaps != 1 else 'is'} missing.",
                cite.WHISTLEBLOWING_GOOD_PRACTICE,
            )
        )
    reasons += unsure_reasons(CHECKER, a)

    if no_policy:
        actions = [Action(f"{POLICY.gap} {POLICY.action}", POLICY.cite)] + [
            Action(
                f"In the new policy: {i.for_new_policy[0].lower()}{i.for_new_policy[1:]}", i.cite
            )
            for i in ABOUT_THE_POLICY
        ]
    else:
        actions = [Action(f"{i.gap} {i.action}", i.cite) for i in gaps]
        actions += [
            Action(f"Find out: {i.question[0].lower()}{i.question[1:]}", i.cite, source=cite.SITE)
            for i in unsure
        ]
    missing = [i for i in ITEMS if a[i.id] is not True]
    return result(
        CHECKER,
        a,
        outcome,
        CHECKER.outcome(outcome).summary(a),
        reasons,
        actions,
        depends_on=decision.depends_on,
        missing=[i.id for i in missing],
        missing_guidance=[i.id for i in missing if i.source == "guidance"],
        unsure=[i.id for i in unsure],
        score={"met": _met(a), "total": len(ITEMS)},
    )


def expectations(a: Answers) -> str:
    """The guidance's expectations counted apart: met, not met and not known ("3 of the 5
    expectations met, 2 not known")."""
    answers = [a[i] for i in GUIDANCE_ITEMS]
    met = answers.count(True)
    out = f"{met} of the guidance’s {len(GUIDANCE_ITEMS)} expectations met"
    if answers.count(False):
        out += f", {answers.count(False)} not met"
    if answers.count(None):
        out += f", {answers.count(None)} not known"
    return out


def notes(result: Result) -> list[Note]:
    score = result.extra["score"]
    return [Note(f"Items met: {score['met']} of {score['total']}")]


CHECKER = Checker(
    id=CHECKER_ID,
    title="Check your whistleblowing policy",
    use_when="You are writing or reviewing your organisation’s whistleblowing policy.",
    intro=(
        "Answer each question about your organisation’s policy. The first five items are the "
        "expectations of the guidance; the rest are good practice that helps meet them. You get "
        "an action plan you can print."
    ),
    page="whistleblowing/",
    questions=QUESTIONS,
    assess=assess,
    verdict=verdict,
    outcomes=OUTCOMES,
    contradictions=contradictions,
    # With the policy "not sure", its "no" leaves the other items unasked: any answer to them
    # is possible, and none is met.
    completion_valid=lambda a: True,
    decision=False,  # a checklist: its action plan is the picture, not a flowchart
    submit_label="Check the policy",
    actions_heading="Action plan",
    notes=notes,
    print_title="Whistleblowing policy action plan",
    plan_columns=("Owner", "Target date"),
)
