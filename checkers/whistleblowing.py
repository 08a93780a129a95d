"""Whistleblowing policy checklist.

Working Together 2015 expects all organisations with safeguarding duties to have an internal
whistleblowing policy in place, clear about procedures, integrated into training so that all
employees are aware of it, and reflecting the principles of Sir Robert Francis's Freedom to
Speak Up review. The first five items are those expectations. The items after them are good
practice written by this site to help meet them: they are not the guidance's words, and they
are not attributed to the Freedom to Speak Up review.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import citations as cite
from .model import Action, Answers, Checker, Note, Question, Reason, Result, result, yes_no

CHECKER_ID = "whistleblowing"


@dataclass(frozen=True)
class Item:
    id: str
    question: str
    gap: str  # the gap, as the action plan states it
    action: str  # what to do about it
    source: str  # "guidance" or "good_practice"

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
    ),
    Item(
        "in_training",
        "Is the policy integrated into the organisation’s training?",
        "The policy is not integrated into training.",
        "Build the policy into induction and regular safeguarding training.",
        "guidance",
    ),
    Item(
        "staff_aware",
        "Are all staff aware of the policy?",
        "Not all staff are aware of the policy.",
        "Make sure every member of staff knows the policy: tell them, and check that they know.",
        "guidance",
    ),
    Item(
        "reflects_freedom_to_speak_up",
        "Does the policy reflect the principles of Sir Robert Francis’s Freedom to Speak Up "
        "review?",
        "The policy does not reflect the principles of the Freedom to Speak Up review.",
        "Review the policy against the principles of the Freedom to Speak Up review.",
        "guidance",
    ),
    Item(
        "names_who_to_contact",
        "Does the policy say who concerns should be raised with, by role, with contact details?",
        "The policy does not say who receives concerns.",
        "Name the roles that receive concerns, with how to reach them.",
        "good_practice",
    ),
    Item(
        "route_outside_line_management",
        "Does the policy give a route for raising a concern outside line management?",
        "There is no route outside line management.",
        "Add a route that does not go through the person’s line manager.",
        "good_practice",
    ),
    Item(
        "protection_from_detriment",
        "Does the policy say that people who raise a concern will be protected from detriment?",
        "The policy does not promise protection from detriment.",
        "State that raising a concern will not lead to detriment, and how that is ensured.",
        "good_practice",
    ),
    Item(
        "feedback_to_raiser",
        "Does the policy say that the person who raised a concern will be told what happened "
        "as a result?",
        "The policy does not promise feedback to the person who raised a concern.",
        "Commit to giving feedback to the person who raised the concern.",
        "good_practice",
    ),
    Item(
        "regular_review",
        "Is the policy reviewed regularly, with a date for the next review?",
        "The policy has no regular review.",
        "Set a review date and an owner for the policy.",
        "good_practice",
    ),
)

GUIDANCE_ITEMS = tuple(i.id for i in ITEMS if i.source == "guidance")
QUESTIONS: tuple[Question, ...] = tuple(
    yes_no(
        i.id,
        i.question,
        cite=i.cite,
        hint="" if i.source == "guidance" else "Good practice, not a requirement of the guidance.",
    )
    for i in ITEMS
)


def assess(a: Answers) -> Result:
    missing = [i for i in ITEMS if not a[i.id]]
    met = len(ITEMS) - len(missing)
    guidance_missing = [i for i in missing if i.source == "guidance"]
    reasons: list[Reason] = []
    if guidance_missing:
        reasons.append(
            Reason(
                f"{len(guidance_missing)} of the {len(GUIDANCE_ITEMS)} expectations of the guidance "
                "are not met.",
                cite.WHISTLEBLOWING,
            )
        )
    else:
        reasons.append(Reason("All the expectations of the guidance are met.", cite.WHISTLEBLOWING))
    practice_missing = len(missing) - len(guidance_missing)
    if practice_missing:
        reasons.append(
            Reason(
                f"{practice_missing} good-practice item{'s' if practice_missing != 1 else ''} "
                "written by this site to help meet them "
                f"{'are' if practice_missing != 1 else 'is'} missing.",
                cite.WHISTLEBLOWING_GOOD_PRACTICE,
            )
        )

    actions = [Action(f"{i.gap} {i.action}", i.cite) for i in missing]
    if not missing:
        summary = f"The policy meets all {len(ITEMS)} items of the checklist."
    elif guidance_missing:
        summary = (
            f"The policy has gaps: {len(guidance_missing)} of the guidance’s "
            f"{len(GUIDANCE_ITEMS)} expectations not met ({met} of {len(ITEMS)} items met)."
        )
    else:
        summary = (
            f"The policy meets the guidance’s expectations; {met} of {len(ITEMS)} items "
            "met, with good-practice gaps."
        )
    return result(
        CHECKER,
        "gaps" if missing else "meets",
        summary,
        reasons,
        actions,
        missing=[i.id for i in missing],
        missing_guidance=[i.id for i in guidance_missing],
        score={"met": met, "total": len(ITEMS)},
    )


def notes(result: Result) -> list[Note]:
    return [Note(f"Items met: {result['score']['met']} of {result['score']['total']}")]


CHECKER = Checker(
    id=CHECKER_ID,
    title="Check your whistleblowing policy",
    intro=(
        "Answer each question about your organisation’s policy. The first five items are the "
        "expectations of the guidance; the rest are good practice that helps meet them. You get "
        "an action plan you can print."
    ),
    page="whistleblowing/",
    questions=QUESTIONS,
    assess=assess,
    submit_label="Check the policy",
    actions_heading="Action plan",
    notes=notes,
    print_title="Whistleblowing policy action plan",
)
